"""The public register of requests: the list and one entry with its public timeline.

Both start from `InfoRequest.objects.public_register()`; requesters appear by
their initials only.
"""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import DetailView, ListView

from ..forms import RegisterFilterForm
from ..models import InfoRequest, Objection, PpidUnit


class RegisterListView(ListView):
    """`/ppid/register/`: every request in the public register, requester shown by initials."""

    template_name = "ppid/inforequest_list.html"
    context_object_name = "requests"
    paginate_by = 25

    def get_queryset(self):
        self.filter_form = RegisterFilterForm(
            self.request.GET or None, unit_options=PpidUnit.objects.published().choices()
        )
        filters = self.filter_form.filters() if self.request.GET else {}
        # A counting subquery rather than a join with GROUP BY, which would group every row of
        # the register before the page's 25 could be picked.
        objections = (
            Objection.objects.filter(request=OuterRef("pk"))
            .order_by()
            .values("request")
            .annotate(n=Count("pk"))
        )
        requests = (
            InfoRequest.objects.public_register()
            .for_list()
            .annotate(objection_count=Coalesce(Subquery(objections.values("n")), 0))
        )
        if "unit" in filters:
            requests = requests.filter(unit__slug=filters["unit"])
        if "status" in filters:
            requests = requests.filter(status=filters["status"])
        if "year" in filters:
            requests = requests.filter(year=int(filters["year"]))
        order = filters.get("urut")
        if order == "lama":
            requests = requests.order_by("registered_at", "pk")
        elif order == "tenggat":
            requests = requests.order_by("due_on", "pk")
        self.filters = filters
        return requests

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context.update(
            filter_form=self.filter_form,
            filters=self.filters,
            today=timezone.localdate(),
            page_range=page.paginator.get_elided_page_range(page.number) if page else [],
            has_sample=any(r.is_sample for r in context["requests"]),
        )
        return context


class RegisterDetailView(DetailView):
    """`/ppid/permohonan/<nomor>/`: one register entry, with its public timeline."""

    template_name = "ppid/inforequest_detail.html"
    context_object_name = "info_request"

    def get_object(self, queryset=None):
        number = self.kwargs["nomor"]
        return get_object_or_404(
            InfoRequest.objects.public_register().select_related("unit__village", "notice"), number=number
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        info_request = self.object
        context.update(
            events=list(info_request.events.filter(is_public=True).order_by("at", "pk")),
            notice=getattr(info_request, "notice", None),
            objections=list(info_request.objections.prefetch_related("disputes").order_by("filed_at")),
            overdue=info_request.is_overdue(),
        )
        return context
