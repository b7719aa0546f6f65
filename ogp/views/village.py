"""One village's budget for a year: `/apbdes/<tahun>/<kode_desa>/` and its CSV and JSON.

Only published versions and reports are shown. ``?versi=<n>`` picks a
version (default: the one in force) and ``?laporan=semester1|akhir`` a
realisation report on it (default: its latest); a version or report that is
not published is a 404.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import DetailView

from portal import data_versions

from .. import billboard, exports, statements
from ..models import Budget, RealisationReport
from ..models.summaries import OGP_TOPIC
from .common import check_year, json_response


def _published_budget(year, code):
    year = check_year(year)
    return get_object_or_404(
        Budget.objects.published().select_related("village__district"), year=year, village_id=code
    )


def _selection(request, budget):
    """The published versions and reports of a budget and the ones the query string picks.

    ``?versi=<n>`` picks a version (default: the one in force) and
    ``?laporan=semester1|akhir`` a report on it (default: its latest).
    """
    versions = list(budget.versions.published().order_by("number"))
    if not versions:
        raise Http404(_("This APBDes has not been published."))
    wanted = request.GET.get("versi")
    if wanted is None or wanted == "":
        version = versions[-1]
    else:
        version = next((v for v in versions if str(v.number) == wanted.strip()), None)
        if version is None:
            raise Http404(_("This APBDes has no published version with that number."))
    reports = list(
        RealisationReport.objects.published()
        .filter(version__budget=budget)
        .select_related("version")
        .order_by("as_of", "published_at", "pk")
    )
    own = [report for report in reports if report.version_id == version.pk]
    period = request.GET.get("laporan")
    if period:
        matching = [report for report in own if report.period == period]
        if not matching:
            raise Http404(_("There is no such realisation report for this version."))
        report = matching[-1]
    else:
        report = own[-1] if own else None
    return versions, version, reports, report


class VillageBudgetView(DetailView):
    """`/apbdes/<tahun>/<kode_desa>/`: one village's budget for a year."""

    model = Budget

    def get_object(self, queryset=None):
        return _published_budget(self.kwargs["year"], self.kwargs["code"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        budget = self.object
        versions, version, reports, report = _selection(self.request, budget)
        query = {"versi": version.number}
        if report is not None and self.request.GET.get("laporan"):
            query["laporan"] = report.period
        context.update(
            village=budget.village,
            district=budget.village.district,
            versions=versions,
            version=version,
            in_force=versions[-1],
            original=versions[0],
            reports=reports,
            version_reports=[r for r in reports if r.version_id == version.pk],
            report=report,
            figures_html=_figures_html(self.request, versions, version, report),
            photos=list(budget.photos.all()),
            website=budget.website_url or budget.village.website,
            download_query="&".join(f"{key}={value}" for key, value in query.items()),
            billboard_formats=[(slug, fmt.label, fmt.distance) for slug, fmt in billboard.FORMATS.items()],
        )
        return context


def _figures(versions, version, report):
    names = statements.Names.load()
    statement = statements.build(version, report=report, names=names)
    comparison = None
    if len(versions) > 1:
        comparison = statements.comparison(versions[0], versions[-1], names)
        comparison["lines"] = statements.line_changes(versions[0], versions[-1])
    return {
        "statement": statement,
        "comparison": comparison,
        "version": version,
        "report": report,
        "original": versions[0],
        "in_force": versions[-1],
    }


def _figures_html(request, versions, version, report):
    """The statement and the comparison of versions: rendered once per publication.

    Published versions and reports never change, so their keys with the APBDes
    data version (moved by every publication) and the reference tables' say
    exactly which figures the HTML shows.
    """
    return data_versions.fragment(
        "apbdes-village",
        topics=[OGP_TOPIC, statements.REFERENCE_TOPIC],
        parts=[version.budget_id, version.pk, report.pk if report else None, versions[0].pk, versions[-1].pk],
        render=lambda: render_to_string(
            "ogp/includes/budget_figures.html", _figures(versions, version, report), request=request
        ),
    )


@require_GET
def village_budget_data(request, year, code, fmt):
    """`/apbdes/<tahun>/<kode_desa>.csv|json`: the version shown on the page, as data."""
    budget = _published_budget(year, code)
    versions, version, reports, report = _selection(request, budget)
    statement = statements.build(version, report=report)
    village = budget.village
    if fmt == "csv":
        response = HttpResponse(
            "\ufeff"
            + exports.csv_text(
                exports.LINE_COLUMNS, exports.statement_line_rows(statement, village, budget.year)
            ),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="apbdes-{budget.year}-{village.code}-versi-{version.number}.csv"'
        )
        return response
    url = request.build_absolute_uri(f"{budget.get_absolute_url()}?versi={version.number}")
    return json_response(
        exports.statement_json(
            statement, village=village, year=budget.year, versions=versions, reports=reports, url=url
        )
    )
