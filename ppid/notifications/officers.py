"""Messages to officers: a new request or objection at once, the daily digest, and any other.

Who an officer message goes to (`unit_officers`):

- the unit's own mailbox (`PpidUnit.email`), always;
- for a village unit, the active PPID Desa officers of that village;
- for a regency or agency unit, the active PPID Utama officers.

The daily digest also sends every overdue request to the PPID Utama. An
officer who switched a kind off (`NotificationPreference`) gets no message of
that kind; the digest leaves out the rows of a kind they switched off.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.roles import Role

from ..links import absolute_url
from ..models import MessageKind, NotificationPreference, OfficerKind, PpidUnit, ReminderSent
from .rendering import queue_rendered


@dataclass(frozen=True)
class Recipient:
    address: str
    user: object = None  # None for a unit's mailbox, which has no preferences


def _officers(role, **filters):
    return (
        get_user_model().objects.filter(is_active=True, groups__name=role.value, **filters).exclude(email="")
    )


def _preferences(users):
    return {p.user_id: p for p in NotificationPreference.objects.filter(user__in=[u.pk for u in users])}


def _wants(preferences, user, kind):
    preference = preferences.get(user.pk) if user is not None else None
    return preference is None or preference.wants(kind)


def unit_officers(unit, kind=None):
    """The recipients of an officer message about `unit`; with `kind`, those who want that kind."""
    if unit.village_id:
        users = list(_officers(Role.PPID_DESA, staff_profile__village=unit.village_id))
    else:
        users = list(_officers(Role.PPID_UTAMA))
    preferences = _preferences(users) if kind else {}
    recipients, seen = [], set()
    if unit.email:
        recipients.append(Recipient(unit.email))
        seen.add(unit.email.lower())
    for user in sorted(users, key=lambda u: u.pk):
        if user.email.lower() in seen or (kind and not _wants(preferences, user, kind)):
            continue
        seen.add(user.email.lower())
        recipients.append(Recipient(user.email, user))
    return recipients


def notify_unit_officers(
    *, unit, kind, officer_kind, subject, template, context, request=None, objection=None
):
    """Queue one message to each officer of `unit` who wants `officer_kind`; returns the messages.

    `kind` is the message's `MessageKind`, `officer_kind` the `OfficerKind`
    an officer can switch off, `subject` a callable run in the recipient's
    language. Call it inside the transaction of the change it reports.
    """
    return [
        queue_rendered(
            kind=kind,
            to=recipient.address,
            subject=subject,
            template=template,
            context=context,
            language=settings.LANGUAGE_CODE,
            unit=unit,
            request=request,
            objection=objection,
            recipient_user=recipient.user,
        )
        for recipient in unit_officers(unit, officer_kind)
    ]


def _admin_url(name, pk):
    return absolute_url(reverse(f"admin:ppid_{name}_change", args=[pk]))


def new_request(info_request):
    """A new request, at once, to the officers of its unit."""
    return notify_unit_officers(
        unit=info_request.unit,
        kind=MessageKind.NEW_REQUEST,
        officer_kind=OfficerKind.NEW_REQUEST,
        subject=lambda: _("PPID: new request %(number)s") % {"number": info_request.number},
        template="ppid/email/officer_new_request.txt",
        context={"info_request": info_request, "admin_url": _admin_url("inforequest", info_request.pk)},
        request=info_request,
    )


def new_objection(objection):
    """A new objection, at once, to the officers of the request's unit."""
    return notify_unit_officers(
        unit=objection.request.unit,
        kind=MessageKind.NEW_OBJECTION,
        officer_kind=OfficerKind.NEW_OBJECTION,
        subject=lambda: _("PPID: new objection %(number)s") % {"number": objection.number},
        template="ppid/email/officer_new_objection.txt",
        context={
            "objection": objection,
            "info_request": objection.request,
            "admin_url": _admin_url("objection", objection.pk),
        },
        request=objection.request,
        objection=objection,
    )


def _digest_recipients(claimed):
    """address → (Recipient, [(request, ReminderSent.Kind)]) for the claimed reminders."""
    utama = [Recipient(u.email, u) for u in _officers(Role.PPID_UTAMA)]
    by_unit = {}
    digests = defaultdict(list)
    recipients = {}
    for info_request, kind in claimed:
        unit = info_request.unit
        if unit.pk not in by_unit:
            by_unit[unit.pk] = unit_officers(unit)
        targets = list(by_unit[unit.pk])
        if kind == ReminderSent.Kind.OVERDUE or unit.kind != PpidUnit.Kind.DESA:
            targets += utama
        for recipient in targets:
            key = recipient.address.lower()
            recipients.setdefault(key, recipient)
            if (info_request, kind) not in digests[key]:
                digests[key].append((info_request, kind))
    return {key: (recipients[key], rows) for key, rows in digests.items()}


def reminder_digests(claimed, *, today):
    """Queue one e-mail per officer listing their requests due soon or overdue; returns how many.

    Call it in the transaction that claims the reminders (`send_due_reminders`).
    """
    digests = _digest_recipients(claimed)
    users = [recipient.user for recipient, _rows in digests.values() if recipient.user is not None]
    preferences = _preferences(users)
    queued = 0
    for _key, (recipient, rows) in sorted(digests.items()):
        rows = [
            (r, k)
            for r, k in rows
            if _wants(
                preferences,
                recipient.user,
                OfficerKind.OVERDUE if k == ReminderSent.Kind.OVERDUE else OfficerKind.DUE_SOON,
            )
        ]
        if not rows:
            continue
        rows.sort(key=lambda row: (row[0].due_on, row[0].number))
        units = {r.unit_id for r, _k in rows}
        queue_rendered(
            kind=MessageKind.REMINDER,
            to=recipient.address,
            subject=lambda rows=rows: (
                _("PPID: %(count)s request(s) due soon or overdue") % {"count": len(rows)}
            ),
            template="ppid/email/reminder.txt",
            context={
                "rows": [
                    {
                        "request": r,
                        "overdue": k == ReminderSent.Kind.OVERDUE,
                        "admin_url": _admin_url("inforequest", r.pk),
                    }
                    for r, k in rows
                ],
                "today": today,
            },
            language=settings.LANGUAGE_CODE,
            unit=rows[0][0].unit if len(units) == 1 else None,
            recipient_user=recipient.user,
        )
        queued += 1
    return queued


def obligation_digests(claimed, *, today):
    """Queue one e-mail per officer listing obligations of upheld objections due soon or overdue.

    `claimed` holds (obligation, overdue) pairs. A unit's obligations go to its
    officers (`unit_officers`); the PPID Utama, whose atasan ordered them,
    receives them all. Officers who switched obligation messages off get none.
    Returns how many were queued; call it in the transaction that claims them.
    """
    utama = [Recipient(u.email, u) for u in _officers(Role.PPID_UTAMA)]
    digests, recipients, by_unit = defaultdict(list), {}, {}
    for obligation, overdue in claimed:
        unit = obligation.unit
        if unit.pk not in by_unit:
            by_unit[unit.pk] = unit_officers(unit)
        for recipient in [*by_unit[unit.pk], *utama]:
            key = recipient.address.lower()
            recipients.setdefault(key, recipient)
            if (obligation, overdue) not in digests[key]:
                digests[key].append((obligation, overdue))
    preferences = _preferences([r.user for r in recipients.values() if r.user is not None])
    queued = 0
    for key, rows in sorted(digests.items()):
        recipient = recipients[key]
        if not _wants(preferences, recipient.user, OfficerKind.OBLIGATION_DUE):
            continue
        rows.sort(key=lambda row: (row[0].due_on, row[0].pk))
        units = {o.unit_id for o, _late in rows}
        queue_rendered(
            kind=MessageKind.OBLIGATION_DUE,
            to=recipient.address,
            subject=lambda rows=rows: (
                _("PPID: %(count)s obligation(s) from upheld objections due soon or overdue")
                % {"count": len(rows)}
            ),
            template="ppid/email/obligation_reminder.txt",
            context={
                "rows": [
                    {"obligation": o, "overdue": late, "admin_url": _admin_url("obligation", o.pk)}
                    for o, late in rows
                ],
                "today": today,
            },
            language=settings.LANGUAGE_CODE,
            unit=rows[0][0].unit if len(units) == 1 else None,
            objection=rows[0][0].objection if len(rows) == 1 else None,
            recipient_user=recipient.user,
        )
        queued += 1
    return queued
