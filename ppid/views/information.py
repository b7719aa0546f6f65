"""The information service's own pages: home, units, legal basis, maklumat and the Daftar Informasi Publik.

Units, regulations, service standards and DIP items are read through their
`.published()` gates only.
"""

from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from .. import statistics
from ..forms import DipFilterForm
from ..models import (
    DipCategory,
    DipDocumentVersion,
    DipItem,
    PpidUnit,
    Regulation,
    ServiceStandard,
    coverage_by_district,
)


class PpidHomeView(TemplateView):
    """`/ppid/`: the units, how to request, the service standard and the legal basis."""

    template_name = "ppid/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        units = list(PpidUnit.objects.published().regency_level().for_list())
        coverage = coverage_by_district()
        villages = sum(c.villages for _d, c in coverage)
        with_ppid = sum(c.with_ppid for _d, c in coverage)
        years = statistics.figures_by_year()
        context.update(
            utama=[u for u in units if u.kind == PpidUnit.Kind.UTAMA],
            agencies=[u for u in units if u.kind == PpidUnit.Kind.PELAKSANA],
            coverage=statistics_coverage(villages, with_ppid),
            maklumat=ServiceStandard.objects.published().first(),
            regulations=list(Regulation.objects.published()),
            latest_dip=list(DipItem.objects.published().for_list()[:5]),
            latest_year=years[0] if years else None,
            has_sample=any(u.is_sample for u in units),
        )
        return context


def statistics_coverage(villages, with_ppid):
    return {
        "villages": villages,
        "with_ppid": with_ppid,
        "share": round(100 * with_ppid / villages, 1) if villages else None,
    }


class UnitListView(ListView):
    """`/ppid/unit/`: every unit, villages with their kecamatan; coverage per kecamatan."""

    template_name = "ppid/ppidunit_list.html"
    context_object_name = "units"

    def get_queryset(self):
        units = PpidUnit.objects.published().for_list()
        self.kind = self.request.GET.get("jenis", "")
        if self.kind in PpidUnit.Kind.values:
            units = units.filter(kind=self.kind)
        else:
            self.kind = ""
        return units

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        coverage = coverage_by_district()
        villages = sum(c.villages for _d, c in coverage)
        with_ppid = sum(c.with_ppid for _d, c in coverage)
        context.update(
            kinds=PpidUnit.Kind.choices,
            kind=self.kind,
            coverage_rows=coverage,
            coverage=statistics_coverage(villages, with_ppid),
            has_sample=any(u.is_sample for u in context["units"]),
        )
        return context


class UnitDetailView(DetailView):
    template_name = "ppid/ppidunit_detail.html"
    context_object_name = "unit"

    def get_queryset(self):
        return PpidUnit.objects.published().select_related("village__district")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        unit = self.object
        context.update(
            dip_items=list(DipItem.objects.published().filter(unit=unit).for_list()[:20]),
            dip_total=DipItem.objects.published().filter(unit=unit).count(),
            figures=statistics.figures_by_unit_and_year(unit=unit),
        )
        return context


class RegulationListView(ListView):
    """`/ppid/peraturan/`: the legal basis of the information service."""

    template_name = "ppid/regulation_list.html"
    context_object_name = "regulations"

    def get_queryset(self):
        return Regulation.objects.published()


def maklumat(request):
    """`/ppid/maklumat/`: the service standard in force, with earlier versions listed."""
    versions = list(ServiceStandard.objects.published())
    if not versions:
        raise Http404(_("No service standard has been published yet."))
    current = versions[0]
    wanted = request.GET.get("versi")
    if wanted:
        try:
            current = next(v for v in versions if v.pk == int(wanted))
        except (ValueError, StopIteration):
            raise Http404(_("There is no such version.")) from None
    return render(
        request,
        "ppid/servicestandard_detail.html",
        {"standard": current, "versions": versions, "is_latest": current == versions[0]},
    )


class DipListView(ListView):
    """`/ppid/dip/`: the Daftar Informasi Publik, filterable by unit, category, year and words."""

    template_name = "ppid/dipitem_list.html"
    context_object_name = "items"
    paginate_by = 25

    def get_queryset(self):
        self.filter_form = DipFilterForm(
            self.request.GET or None, unit_options=PpidUnit.objects.published().choices()
        )
        filters = self.filter_form.filters() if self.request.GET else {}
        items = DipItem.objects.published().for_list()
        if "unit" in filters:
            items = items.filter(unit__slug=filters["unit"])
        if "category" in filters:
            items = items.filter(category=filters["category"])
        if "year" in filters:
            items = items.filter(year=int(filters["year"]))
        if "q" in filters:
            items = items.filter(Q(title__icontains=filters["q"]) | Q(summary__icontains=filters["q"]))
        self.filters = filters
        return items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context.update(
            filter_form=self.filter_form,
            filters=self.filters,
            categories=DipCategory.choices,
            today=timezone.localdate(),
            page_range=page.paginator.get_elided_page_range(page.number) if page else [],
            has_sample=any(item.is_sample for item in context["items"]),
        )
        return context


class DipDetailView(DetailView):
    template_name = "ppid/dipitem_detail.html"
    context_object_name = "item"

    def get_queryset(self):
        return (
            DipItem.objects.published()
            .select_related("unit__village")
            .prefetch_related(
                Prefetch(
                    "versions",
                    queryset=DipDocumentVersion.objects.order_by("-number"),
                    to_attr="version_list",
                )
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        return context
