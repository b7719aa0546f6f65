"""The information service's part of the officer's inbox (`portal.inbox`).

For each PPID role, scoped as the rest of the back office (`portal.scoping`:
a PPID Desa officer sees their village's unit only): new requests, requests
due within 2 working days, overdue requests, objections awaiting the
atasan's answer and obligations from upheld objections, each with its
deadline and a link. Counts take one query per model and the start page at
most nine in all, however much work is waiting.
"""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import inbox, scoping

from . import deadlines
from .deadlines import WorkingCalendar
from .models import InfoRequest, Objection, Obligation

# Items listed per section on the start page; the rest are one link away.
SHOWN = 8


def _scoped(request, model):
    if not request.user.has_perm(f"ppid.view_{model._meta.model_name}"):
        return None
    return scoping.filter_queryset(model._default_manager.all(), request.user)


def _horizon(today):
    return WorkingCalendar.from_db().add_working_days(today, deadlines.REMINDER_HORIZON_DAYS).due


def _request_counts(requests, today, horizon):
    return requests.aggregate(
        new=Count("pk", filter=Q(status=InfoRequest.Status.REGISTERED)),
        due_soon=Count(
            "pk", filter=Q(status__in=InfoRequest.OPEN_STATUSES, due_on__gte=today, due_on__lte=horizon)
        ),
        overdue=Count("pk", filter=Q(status__in=InfoRequest.OPEN_STATUSES, due_on__lt=today)),
        waiting=Count(
            "pk",
            filter=Q(status=InfoRequest.Status.REGISTERED)
            | Q(status__in=InfoRequest.OPEN_STATUSES, due_on__lte=horizon),
        ),
    )


def _request_items(queryset, today):
    return [
        inbox.Item(
            label=f"{r.number} · {r.unit.name}",
            url=reverse("admin:ppid_inforequest_change", args=[r.pk]),
            deadline=r.due_on,
            overdue=r.due_on < today,
            detail=r.get_status_display(),
        )
        for r in queryset.select_related("unit").order_by("due_on", "pk")[:SHOWN]
    ]


def _changelist(model, query):
    return reverse(f"admin:ppid_{model._meta.model_name}_changelist") + query


class PpidInbox:
    def counts(self, request):
        found = {}
        requests = _scoped(request, InfoRequest)
        if requests is not None:
            today = timezone.localdate()
            found["ppid.inforequest"] = _request_counts(requests, today, _horizon(today))["waiting"]
        objections = _scoped(request, Objection)
        if objections is not None:
            found["ppid.objection"] = objections.open().count()
        obligations = _scoped(request, Obligation)
        if obligations is not None:
            found["ppid.obligation"] = obligations.open().count()
        return found

    def sections(self, request):
        today = timezone.localdate()
        found = []
        requests = _scoped(request, InfoRequest)
        if requests is not None:
            found += self._request_sections(requests, today)
        objections = _scoped(request, Objection)
        if objections is not None:
            found.append(self._objection_section(objections.open(), today))
        obligations = _scoped(request, Obligation)
        if obligations is not None:
            found.append(self._obligation_section(obligations.open(), today))
        return found

    def _request_sections(self, requests, today):
        horizon = _horizon(today)
        counts = _request_counts(requests, today, horizon)
        return [
            inbox.Section(
                key="ppid-new",
                title=_("New requests"),
                count=counts["new"],
                items=_request_items(requests.filter(status=InfoRequest.Status.REGISTERED), today),
                more_url=_changelist(InfoRequest, "?status__exact=registered"),
            ),
            inbox.Section(
                key="ppid-due-soon",
                title=_("Requests due within 2 working days"),
                count=counts["due_soon"],
                items=_request_items(requests.due_between(today, horizon), today),
                more_url=_changelist(InfoRequest, "?tenggat=segera"),
            ),
            inbox.Section(
                key="ppid-overdue",
                title=_("Overdue requests"),
                count=counts["overdue"],
                items=_request_items(requests.overdue(today), today),
                more_url=_changelist(InfoRequest, "?tenggat=lewat"),
                tone="warning",
            ),
        ]

    def _objection_section(self, objections, today):
        items = [
            inbox.Item(
                label=f"{o.number} · {o.request.number}",
                url=reverse("admin:ppid_objection_change", args=[o.pk]),
                deadline=o.due_on,
                overdue=o.due_on < today,
                detail=", ".join(o.grounds),
            )
            for o in objections.select_related("request").order_by("due_on", "pk")[:SHOWN]
        ]
        return inbox.Section(
            key="ppid-objections",
            title=_("Objections to decide"),
            count=objections.count(),
            items=items,
            more_url=_changelist(Objection, "?status__exact=filed"),
        )

    def _obligation_section(self, obligations, today):
        items = [
            inbox.Item(
                label=f"{o.objection.number} · {o.unit.name}",
                url=reverse("admin:ppid_obligation_change", args=[o.pk]),
                deadline=o.due_on,
                overdue=o.due_on < today,
                detail=o.get_kind_display(),
            )
            for o in obligations.select_related("objection", "unit").order_by("due_on", "pk")[:SHOWN]
        ]
        return inbox.Section(
            key="ppid-obligations",
            title=_("Obligations from upheld objections"),
            count=obligations.count(),
            items=items,
            more_url=_changelist(Obligation, "?status__exact=open"),
        )


inbox.register(PpidInbox())
