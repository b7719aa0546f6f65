"""Figures of the information service: statistics, open data, annual reports and the satisfaction index.

Only counts leave these pages; no request or requester is shown.
"""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from portal import charts, csv_export
from portal.opendata import conventions, renamed

from .. import statistics
from ..models import SurveyResponse


def _year_param(request, name="tahun"):
    value = request.GET.get(name, "")
    if not value:
        return None
    try:
        year = int(value)
    except ValueError:
        return None
    return year if 2000 <= year <= 2100 else None


class StatisticsView(TemplateView):
    """`/ppid/statistik/`: per year for the regency, and per unit for a chosen year."""

    template_name = "ppid/statistics.html"
    SORTS = {"": None, "permohonan": "requests", "tepat": "on_time", "nama": "name"}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_year = statistics.figures_by_year()
        years = [year for year, _f in by_year]
        year = _year_param(self.request)
        if year not in years:
            year = years[0] if years else None
        rows = statistics.figures_by_unit_and_year(year) if year else []
        sort = self.request.GET.get("urut", "")
        if sort == "permohonan":
            rows.sort(key=lambda row: -row.figures.requests)
        elif sort == "tepat":
            rows.sort(key=lambda row: -(row.figures.on_time_share or 0))
        elif sort == "nama":
            rows.sort(key=lambda row: row.unit.name)
        else:
            sort = ""
        chart = charts.bar_chart(
            _("Requests per year"),
            [(str(y), f.requests) for y, f in sorted(by_year)],
            label_heading=_("Year"),
            value_heading=_("Requests"),
        )
        context.update(by_year=by_year, years=years, year=year, rows=rows, sort=sort, chart=chart)
        return context


DATASET = "ppid-statistik"
REPORT_DATASET = "ppid-laporan"
STATISTICS_COLUMNS = [
    "tahun",
    "unit",
    "slug_unit",
    "jenis_unit",
    "kode_desa",
    "permohonan",
    "dikabulkan",
    "dikabulkan_sebagian",
    "ditolak",
    "ditolak_dikecualikan",
    "ditolak_tidak_dikuasai",
    "ditarik",
    "dalam_proses",
    "dijawab",
    "dijawab_tepat_waktu",
    "persen_tepat_waktu",
    "median_hari_kerja",
    "keberatan",
    "sengketa",
    # Added after the first release: at the end, so the earlier columns keep their places.
    "dijawab_terlambat",
    "terbuka_terlambat",
    "terlambat",
    "keberatan_dikabulkan",
    "kewajiban_terlambat",
]
# Figures.as_dict() keys, in the order of STATISTICS_COLUMNS after the unit.
FIGURES = dict(
    zip(
        (
            "requests",
            "granted",
            "partly_granted",
            "refused",
            "refused_exempt",
            "refused_not_held",
            "withdrawn",
            "open",
            "answered",
            "answered_on_time",
            "answered_on_time_percent",
            "median_working_days",
            "objections",
            "disputes",
            "answered_late",
            "open_late",
            "late",
            "objections_upheld",
            "late_obligations",
        ),
        STATISTICS_COLUMNS[5:],
        strict=True,
    )
)


def _statistics_rows():
    for row in statistics.figures_by_unit_and_year():
        figures = row.figures.as_dict()
        yield {
            "tahun": row.year,
            "unit": row.unit.name,
            "slug_unit": row.unit.slug,
            "jenis_unit": row.unit.kind,
            "kode_desa": row.unit.village_id or "",
            **{column: figures[key] for key, column in FIGURES.items()},
        }


def statistics_csv(request):
    """`/ppid/statistik.csv`: the per-unit, per-year figures as open data (no personal data)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ppid-statistik.csv"'
    writer = csv_export.writer(response)
    writer.writerow(conventions.csv_header(STATISTICS_COLUMNS, DATASET, request))
    for row in _statistics_rows():
        writer.writerow(["" if row[name] is None else row[name] for name in STATISTICS_COLUMNS])
    return response


def statistics_json(request):
    """`/ppid/statistik.json`: the same figures as JSON."""
    response = JsonResponse(
        {
            "columns": STATISTICS_COLUMNS,
            "rows": [conventions.with_old_names(row, DATASET) for row in _statistics_rows()],
        },
        json_dumps_params={"ensure_ascii": False},
    )
    response["Content-Disposition"] = 'attachment; filename="ppid-statistik.json"'
    return response


def _report_years():
    years = set(statistics.years_with_requests())
    return sorted(years, reverse=True)


class ReportIndexView(TemplateView):
    template_name = "ppid/report_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["years"] = _report_years()
        return context


def _report_or_404(year):
    if year not in _report_years():
        raise Http404(_("There are no requests for this year."))
    return statistics.annual_report(year)


def report(request, year):
    """`/ppid/laporan/<tahun>/`: the annual service report, printable."""
    data = _report_or_404(year)
    chart = charts.bar_chart(
        _("Time taken to answer"),
        data.time_bands,
        label_heading=_("Working days"),
        value_heading=_("Requests"),
    )
    return render(request, "ppid/report.html", {"report": data, "year": year, "chart": chart})


def _report_rows(data):
    """The report's rows as (section, item, value), under the names of `renamed.RENAMES`' keys."""
    yield from (("total", key, value) for key, value in data.totals.as_dict().items())
    for section, pairs in (
        ("channel", data.channels),
        ("time_taken", data.time_bands),
        ("working_days_taken", data.time_taken),
        ("refused_by_reason", data.refusals),
        ("partly_granted_by_reason", data.partial),
    ):
        yield from ((section, str(label), count) for label, count in pairs)
    yield "period", "end", data.totals.end.isoformat() if data.totals.end else ""
    yield "objections", "received", data.objections_received
    yield "objections", "upheld", data.objections_upheld
    yield "objections", "answered_on_time", data.objections_answered_on_time
    yield from (("objections_by_ground", str(label), count) for label, count in data.objections_by_ground)
    yield from (("objections_by_outcome", str(label), count) for label, count in data.objections_by_outcome)
    yield "disputes", "filed", data.disputes_filed
    yield "disputes", "pending", data.disputes_pending
    yield from (("disputes_by_outcome", str(label), count) for label, count in data.disputes_by_outcome)
    yield "court_cases", "filed", data.court_cases
    for row in data.units:
        yield from ((f"unit:{row.unit.slug}", key, value) for key, value in row.figures.as_dict().items())


def report_csv(request, year):
    """`/ppid/laporan/<tahun>.csv`: the report's figures as rows of bagian, butir, nilai.

    Section and item names are Indonesian ``snake_case``; ``?kolom=lama`` gives
    the earlier English names until their sunset (`portal.opendata.renamed`).
    """
    data = _report_or_404(year)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ppid-laporan-{year}.csv"'
    name, value = conventions.OLD_HEADER
    old_names = request.GET.get(name) == value and bool(conventions.renames(REPORT_DATASET))
    names = {} if old_names else renamed.RENAMES[REPORT_DATASET]
    writer = csv_export.writer(response)
    writer.writerow([names.get(column, column) for column in ("section", "item", "value")])
    for section, item, value in _report_rows(data):
        writer.writerow([names.get(section, section), names.get(item, item), "" if value is None else value])
    return response


class IkmView(TemplateView):
    """`/ppid/ikm/`: the satisfaction index per year and per unit, with its grade."""

    template_name = "ppid/ikm.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_year = statistics.ikm_by_year()
        years = [year for year, _i in by_year]
        year = _year_param(self.request)
        if year not in years:
            year = years[0] if years else None
        context.update(
            by_year=by_year,
            years=years,
            year=year,
            rows=statistics.ikm_by_unit_and_year(year) if year else [],
            grades=statistics.GRADES,
            has_sample=SurveyResponse.objects.filter(is_sample=True).exists(),
        )
        return context
