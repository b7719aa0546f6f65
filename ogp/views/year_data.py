"""Open data of a whole fiscal year: `/apbdes/<tahun>/ringkasan.csv|json` and `baris.csv|json`.

The summary has one row per village with a published APBDes; the line files
hold every line of every village's version in force, streamed so that a
regency's year never sits in memory at once. A year with nothing published
is a 404.
"""

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal.opendata.conventions import boolean

from .. import exports, statements
from ..models import BudgetLine, BudgetSummary, RealisationLine
from .common import check_year, json_response

LINE_VALUES = (
    "id",
    "version_id",
    "account_id",
    "activity_id",
    "fund_source_id",
    "description",
    "location",
    "amount",
)


@require_GET
def year_summary_data(request, year, fmt):
    """`/apbdes/<tahun>/ringkasan.csv|json`: one row per village with a published APBDes."""
    year = check_year(year)
    summaries = list(
        BudgetSummary.objects.published()
        .for_year(year)
        .for_list()
        .order_by("village__district__name", "village__name")
    )
    if not summaries:
        raise Http404(_("No APBDes has been published for this year."))
    if fmt == "csv":
        response = HttpResponse(
            "\ufeff" + exports.csv_text(exports.SUMMARY_COLUMNS, (exports.summary_row(s) for s in summaries)),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="apbdes-{year}-ringkasan.csv"'
        return response
    data = {
        "tahun": year,
        "jumlah": len(summaries),
        "data_contoh": any(s.is_sample for s in summaries),
        "desa": [
            exports.summary_json(s, url=request.build_absolute_uri(s.get_absolute_url())) for s in summaries
        ],
    }
    response = json_response(data)
    response["Content-Disposition"] = f'attachment; filename="apbdes-{year}-ringkasan.json"'
    return response


def _year_summaries(year):
    """The published summaries of a year with just what the line files need, or a 404."""
    summaries = list(
        BudgetSummary.objects.published()
        .for_year(year)
        .select_related("village", "version", "report")
        .only(
            "budget_id",
            "village__code",
            "village__name",
            "version__number",
            "version__kind",
            "version__status",
            "report__version_id",
            "report__status",
            "is_sample",
        )
    )
    if not summaries:
        raise Http404(_("No APBDes has been published for this year."))
    return summaries


def _line_rows(year, versions, report_ids, names, *, for_spreadsheet):
    """Yield the lines of the given versions in LINE_COLUMNS order, read in chunks."""
    text = exports.cell if for_spreadsheet else (lambda value: value)
    realised = dict(RealisationLine.objects.filter(report_id__in=report_ids).values_list("line_id", "amount"))
    lines = (
        BudgetLine.objects.filter(version_id__in=list(versions))
        .order_by("version_id", "position", "pk")
        .values_list(*LINE_VALUES)
    )
    for pk, version_id, account, activity, source, description, location, amount in lines.iterator(
        chunk_size=5000
    ):
        summary = versions[version_id]
        reported = summary.report_id if summary.report_id in report_ids else None
        realised_amount = realised.get(pk, 0) if reported else None
        yield [
            summary.village.code,
            summary.village.name,
            year,
            summary.version.number,
            summary.version.kind,
            account,
            names.accounts.get(account, ""),
            activity or "",
            names.activities.get(activity, "") if activity else "",
            text(description),
            text(location),
            source or "",
            amount,
            ("" if realised_amount is None else realised_amount) if for_spreadsheet else realised_amount,
            boolean(summary.is_sample) if for_spreadsheet else summary.is_sample,
        ]


def _year_line_rows(year, *, for_spreadsheet):
    """Every line of every village's version in force for a year, as lists in LINE_COLUMNS order.

    Three queries; the summaries are read at once (so an empty year is a 404
    before anything is streamed), the lines in chunks as they are written out.
    """
    summaries = _year_summaries(year)
    versions = {s.version_id: s for s in summaries}
    report_ids = [s.report_id for s in summaries if s.report_id and s.report.version_id == s.version_id]
    names = statements.Names.load()
    return _line_rows(year, versions, report_ids, names, for_spreadsheet=for_spreadsheet)


@require_GET
def year_lines_csv(request, year):
    """`/apbdes/<tahun>/baris.csv`: every line of every village's version in force, streamed."""
    year = check_year(year)
    rows = _year_line_rows(year, for_spreadsheet=True)
    response = StreamingHttpResponse(
        exports.stream_csv(exports.LINE_COLUMNS, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="apbdes-{year}-semua-baris.csv"'
    return response


@require_GET
def year_lines_json(request, year):
    """`/apbdes/<tahun>/baris.json`: the same lines as the CSV, as a streamed JSON document."""
    year = check_year(year)
    rows = _year_line_rows(year, for_spreadsheet=False)
    response = StreamingHttpResponse(
        exports.stream_json_rows(exports.LINE_COLUMNS, rows, meta={"tahun": year}),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="apbdes-{year}-semua-baris.json"'
    return response
