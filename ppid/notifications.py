"""E-mails of the public-information service.

Messages go to the requester on registration, extension, answer and objection
events, and to officers in the daily reminder digests (requests, and the
obligations of upheld objections). Bodies are plain text
rendered from ``templates/ppid/email/`` in the requester's language. Services
call these functions from ``transaction.on_commit`` so nothing is sent for a
change that was rolled back. Links are absolute when ``settings.SITE_URL`` is
set and site-relative otherwise.
"""

import logging
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.roles import Role

logger = logging.getLogger(__name__)


def site_url(path):
    return getattr(settings, "SITE_URL", "").rstrip("/") + path


def _send(*, to, subject, template, context, language):
    with translation.override(language or settings.LANGUAGE_CODE):
        body = render_to_string(template, {**context, "site_url": site_url("")})
        subject = str(subject())
    sent = send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=True)
    if not sent:
        logger.warning("ppid: e-mail %s to %d recipient(s) was not sent", template, len(to))
    return sent


def request_registered(info_request, code, *, reissued=False):
    return _send(
        to=[info_request.requester_email],
        subject=lambda: (
            (_("New access code for %(number)s") if reissued else _("Your request %(number)s is registered"))
            % {"number": info_request.number}
        ),
        template="ppid/email/request_registered.txt",
        context={
            "info_request": info_request,
            "code": code,
            "reissued": reissued,
            "tracking_url": site_url(reverse("ppid:track")),
        },
        language=info_request.language,
    )


def request_extended(info_request):
    return _send(
        to=[info_request.requester_email],
        subject=lambda: _("The deadline of %(number)s has been extended") % {"number": info_request.number},
        template="ppid/email/request_extended.txt",
        context={"info_request": info_request, "tracking_url": site_url(reverse("ppid:track"))},
        language=info_request.language,
    )


def request_answered(info_request):
    return _send(
        to=[info_request.requester_email],
        subject=lambda: _("Your request %(number)s has been answered") % {"number": info_request.number},
        template="ppid/email/request_answered.txt",
        context={
            "info_request": info_request,
            "notice": info_request.notice,
            "tracking_url": site_url(reverse("ppid:track")),
            "objection_url": site_url(reverse("ppid:objection_new")),
        },
        language=info_request.language,
    )


def objection_filed(objection):
    info_request = objection.request
    return _send(
        to=[info_request.requester_email],
        subject=lambda: _("Your objection %(number)s is registered") % {"number": objection.number},
        template="ppid/email/objection_filed.txt",
        context={
            "objection": objection,
            "info_request": info_request,
            "tracking_url": site_url(reverse("ppid:track")),
        },
        language=info_request.language,
    )


def objection_decided(objection):
    info_request = objection.request
    return _send(
        to=[info_request.requester_email],
        subject=lambda: (
            _("The atasan PPID has answered your objection %(number)s") % {"number": objection.number}
        ),
        template="ppid/email/objection_decided.txt",
        context={
            "objection": objection,
            "info_request": info_request,
            "tracking_url": site_url(reverse("ppid:track")),
        },
        language=info_request.language,
    )


def _officer_addresses():
    """(village id → addresses of its PPID Desa officers, addresses of PPID Utama users); two queries."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    by_village = defaultdict(set)
    for email, village_id in users.filter(
        groups__name=Role.PPID_DESA.value, staff_profile__village__isnull=False
    ).values_list("email", "staff_profile__village"):
        by_village[village_id].add(email)
    utama = set(users.filter(groups__name=Role.PPID_UTAMA.value).values_list("email", flat=True))
    return by_village, utama


def reminder_digests(claimed, *, today):
    """One e-mail per officer listing their requests due soon or overdue; returns the e-mails sent.

    A village's requests go to its PPID Desa officers and the unit's own
    address; the PPID Utama receives every overdue request and everything
    addressed to regency-level units.
    """
    from .models import PpidUnit, ReminderSent

    by_village, utama = _officer_addresses()
    digests = defaultdict(list)
    for info_request, kind in claimed:
        unit = info_request.unit
        recipients = set()
        if unit.email:
            recipients.add(unit.email)
        if unit.village_id:
            recipients |= by_village.get(unit.village_id, set())
        if kind == ReminderSent.Kind.OVERDUE or unit.kind != PpidUnit.Kind.DESA:
            recipients |= utama
        for address in recipients:
            digests[address].append((info_request, kind))
    sent = 0
    for address, rows in sorted(digests.items()):
        rows.sort(key=lambda row: (row[0].due_on, row[0].number))
        sent += _send(
            to=[address],
            subject=lambda rows=rows: (
                _("PPID: %(count)s request(s) due soon or overdue") % {"count": len(rows)}
            ),
            template="ppid/email/reminder.txt",
            context={
                "rows": [
                    {
                        "request": r,
                        "overdue": k == ReminderSent.Kind.OVERDUE,
                        "admin_url": site_url(reverse("admin:ppid_inforequest_change", args=[r.pk])),
                    }
                    for r, k in rows
                ],
                "today": today,
            },
            language=settings.LANGUAGE_CODE,
        )
    return sent


def obligation_digests(claimed, *, today):
    """One e-mail per officer listing the obligations of upheld objections due soon or overdue.

    `claimed` holds (obligation, overdue) pairs. A unit's obligations go to its
    own address and, for a village, its PPID Desa officers; the PPID Utama, whose
    atasan ordered them, receives them all. Returns the e-mails sent.
    """
    by_village, utama = _officer_addresses()
    digests = defaultdict(list)
    for obligation, overdue in claimed:
        unit = obligation.unit
        recipients = set(utama)
        if unit.email:
            recipients.add(unit.email)
        if unit.village_id:
            recipients |= by_village.get(unit.village_id, set())
        for address in recipients:
            digests[address].append((obligation, overdue))
    sent = 0
    for address, rows in sorted(digests.items()):
        rows.sort(key=lambda row: (row[0].due_on, row[0].pk))
        sent += _send(
            to=[address],
            subject=lambda rows=rows: (
                _("PPID: %(count)s obligation(s) from upheld objections due soon or overdue")
                % {"count": len(rows)}
            ),
            template="ppid/email/obligation_reminder.txt",
            context={
                "rows": [
                    {
                        "obligation": o,
                        "overdue": late,
                        "admin_url": site_url(reverse("admin:ppid_obligation_change", args=[o.pk])),
                    }
                    for o, late in rows
                ],
                "today": today,
            },
            language=settings.LANGUAGE_CODE,
        )
    return sent
