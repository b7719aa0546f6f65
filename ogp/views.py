"""Public pages and open data of the ogp app.

Every view starts from a visibility gate: `BudgetSummary.objects.published()`
and `Budget.objects.published()` for budgets (only published versions and
reports are ever shown), `Assessment.objects.published()` and
`Commitment.objects.published()` for the index and the OGP plan. Query-string
values that do not parse give the default page (filters, sorting) or a 404
(a version or page that does not exist), never an error.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView

from portal import wilayah
from portal.models import District

from . import exports, overview, statements
from .models import (
    Assessment,
    Budget,
    BudgetLine,
    BudgetSummary,
    BudgetVersion,
    Commitment,
    RealisationLine,
    RealisationReport,
    VillageScore,
    classify,
)
from .models.budgets import FIRST_YEAR

API_PAGE_SIZE = 100
API_MAX_PAGE_SIZE = 500


def _check_year(year):
    year = int(year)
    if not FIRST_YEAR <= year <= timezone.localdate().year + 1:
        raise Http404(_("There is no APBDes for this year."))
    return year


# --- Regency overview ----------------------------------------------------------


class RegencyView(ListView):
    """`/apbdes/` and `/apbdes/<tahun>/`: compliance, totals by source and every village compared."""

    model = BudgetSummary
    # The rows are a sorted list, so ListView cannot derive the name from a QuerySet.
    template_name = "ogp/budgetsummary_list.html"

    def get_queryset(self):
        self.years = BudgetSummary.objects.years()
        if "year" in self.kwargs:
            self.year = _check_year(self.kwargs["year"])
        else:
            self.year = self.years[0] if self.years else timezone.localdate().year
        self.districts = list(District.objects.order_by("name").values_list("code", "name"))
        wanted = self.request.GET.get("kecamatan", "")
        self.district = next((pair for pair in self.districts if pair[0] == wanted), None)
        self.overview = overview.year_overview(
            self.year, districts=self.districts, district=self.district[0] if self.district else None
        )
        self.sort, self.direction, rows = overview.sort_rows(
            self.overview.rows, self.request.GET.get("urut", ""), self.request.GET.get("arah", "")
        )
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        headers = []
        for key, (_function, label, first) in overview.SORTS.items():
            current = key == self.sort
            following = ("asc" if self.direction == "desc" else "desc") if current else first
            headers.append(
                {
                    "key": key,
                    "label": label,
                    "current": current,
                    "aria_sort": ("descending" if self.direction == "desc" else "ascending")
                    if current
                    else "",
                    "next": following,
                }
            )
        context.update(
            year=self.year,
            years=self.years,
            overview=self.overview,
            district={"code": self.district[0], "name": self.district[1]} if self.district else None,
            districts=self.districts,
            headers=headers,
            sort=self.sort,
            direction=self.direction,
            is_index="year" not in self.kwargs,
        )
        return context


@require_GET
def year_summary_data(request, year, fmt):
    """`/apbdes/<tahun>/ringkasan.csv|json`: one row per village with a published APBDes."""
    year = _check_year(year)
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
    return _json(data)


def _year_line_rows(year, *, for_spreadsheet):
    """Every line of every village's version in force for a year, as lists in LINE_COLUMNS order.

    Three queries; the lines themselves are read in chunks as they are written out.
    """
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
    versions = {s.version_id: s for s in summaries}
    report_ids = [s.report_id for s in summaries if s.report_id and s.report.version_id == s.version_id]
    names = statements.Names.load()
    text = exports.cell if for_spreadsheet else (lambda value: value)

    def rows():
        realised = dict(
            RealisationLine.objects.filter(report_id__in=report_ids).values_list("line_id", "amount")
        )
        lines = (
            BudgetLine.objects.filter(version_id__in=list(versions))
            .order_by("version_id", "position", "pk")
            .values_list(
                "id",
                "version_id",
                "account_id",
                "activity_id",
                "fund_source_id",
                "description",
                "location",
                "amount",
            )
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
                ("ya" if summary.is_sample else "tidak") if for_spreadsheet else summary.is_sample,
            ]

    return rows()


@require_GET
def year_lines_csv(request, year):
    """`/apbdes/<tahun>/baris.csv`: every line of every village's version in force, streamed."""
    year = _check_year(year)
    rows = _year_line_rows(year, for_spreadsheet=True)
    response = StreamingHttpResponse(
        exports.stream_csv(exports.LINE_COLUMNS, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="apbdes-{year}-semua-baris.csv"'
    return response


@require_GET
def year_lines_json(request, year):
    """`/apbdes/<tahun>/baris.json`: the same lines as the CSV, as a streamed JSON document."""
    year = _check_year(year)
    rows = _year_line_rows(year, for_spreadsheet=False)
    response = StreamingHttpResponse(
        exports.stream_json_rows(exports.LINE_COLUMNS, rows, meta={"tahun": year}),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="apbdes-{year}-semua-baris.json"'
    return response


# --- One village's budget -----------------------------------------------------


def _published_budget(year, code):
    year = _check_year(year)
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
        names = statements.Names.load()
        statement = statements.build(version, report=report, names=names)
        comparison = None
        if len(versions) > 1:
            comparison = statements.comparison(versions[0], versions[-1], names)
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
            statement=statement,
            comparison=comparison,
            photos=list(budget.photos.all()),
            website=budget.website_url or budget.village.website,
            download_query="&".join(f"{key}={value}" for key, value in query.items()),
        )
        return context


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
    return _json(
        exports.statement_json(
            statement, village=village, year=budget.year, versions=versions, reports=reports, url=url
        )
    )


# --- JSON API -----------------------------------------------------------------


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


class ApiError(Exception):
    def __init__(self, message, status=400):
        self.message = message
        self.status = status


def _api(view):
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except ApiError as error:
            return _json({"galat": error.message}, status=error.status)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return require_GET(wrapper)


def _int_param(request, name, *, default=None, minimum=None, maximum=None):
    raw = request.GET.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(_("The parameter %(name)s must be a whole number.") % {"name": name}) from None
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ApiError(
            _("The parameter %(name)s must be between %(min)s and %(max)s.")
            % {"name": name, "min": minimum, "max": maximum}
        )
    return value


def _code_param(request, name, level):
    code = request.GET.get(name, "").strip()
    if code and wilayah.level_of(code) != level:
        raise ApiError(_("The parameter %(name)s is not a valid region code.") % {"name": name})
    return code


def _page(request, queryset, url_name):
    size = _int_param(request, "page_size", default=API_PAGE_SIZE, minimum=1, maximum=API_MAX_PAGE_SIZE)
    paginator = Paginator(queryset, size)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        raise ApiError(_("The parameter page must be a whole number.")) from None
    except EmptyPage:
        raise ApiError(_("There is no such page."), status=404) from None

    def link(number):
        params = request.GET.copy()
        params["page"] = number
        return request.build_absolute_uri(f"{reverse(url_name)}?{params.urlencode()}")

    meta = {
        "jumlah": paginator.count,
        "halaman": page.number,
        "jumlah_halaman": paginator.num_pages,
        "berikutnya": link(page.next_page_number()) if page.has_next() else None,
        "sebelumnya": link(page.previous_page_number()) if page.has_previous() else None,
    }
    return page, meta


@_api
def api_index(request):
    """`/apbdes/api/`: what the API offers."""
    return _json(
        {
            "ringkasan": request.build_absolute_uri(reverse("ogp:api_summaries")),
            "versi": request.build_absolute_uri(reverse("ogp:api_versions")),
            "parameter": {
                "tahun": "2024",
                "kecamatan": "35.22.18",
                "desa": "35.22.18.2007",
                "page": "1",
                "page_size": f"1–{API_MAX_PAGE_SIZE} (default {API_PAGE_SIZE})",
            },
        }
    )


@_api
def api_summaries(request):
    """`/apbdes/api/ringkasan/`: village-year summaries of the version in force, paginated."""
    queryset = BudgetSummary.objects.published().for_list().order_by("-year", "village_id")
    year = _int_param(request, "tahun", minimum=FIRST_YEAR, maximum=2100)
    district = _code_param(request, "kecamatan", "district")
    village = _code_param(request, "desa", "village")
    if year:
        queryset = queryset.filter(year=year)
    if district:
        queryset = queryset.filter(village__district_id=district)
    if village:
        queryset = queryset.filter(village_id=village)
    page, meta = _page(request, queryset, "ogp:api_summaries")
    meta["hasil"] = [
        exports.summary_json(s, url=request.build_absolute_uri(s.get_absolute_url())) for s in page
    ]
    return _json(meta)


def _version_item(request, version):
    budget = version.budget
    return {
        "id": version.pk,
        "kode_desa": budget.village_id,
        "nama_desa": budget.village.name,
        "kode_kecamatan": budget.village.district_id,
        "tahun": budget.year,
        **exports.version_json(version),
        "pendapatan": version.revenue,
        "belanja": version.spending,
        "surplus_defisit": version.surplus,
        "pembiayaan_netto": version.net_financing,
        "silpa": version.silpa,
        "jumlah_baris": version.line_count,
        "data_contoh": budget.is_sample,
        "url": request.build_absolute_uri(version.get_absolute_url()),
        "api": request.build_absolute_uri(reverse("ogp:api_version", args=[version.pk])),
    }


@_api
def api_versions(request):
    """`/apbdes/api/versi/`: every published version with its totals, paginated."""
    queryset = (
        BudgetVersion.objects.published().for_list().order_by("-budget__year", "budget__village_id", "number")
    )
    year = _int_param(request, "tahun", minimum=FIRST_YEAR, maximum=2100)
    district = _code_param(request, "kecamatan", "district")
    village = _code_param(request, "desa", "village")
    if year:
        queryset = queryset.filter(budget__year=year)
    if district:
        queryset = queryset.filter(budget__village__district_id=district)
    if village:
        queryset = queryset.filter(budget__village_id=village)
    page, meta = _page(request, queryset, "ogp:api_versions")
    meta["hasil"] = [_version_item(request, version) for version in page]
    return _json(meta)


@_api
def api_version(request, pk):
    """`/apbdes/api/versi/<id>/`: one published version with its lines and latest report."""
    version = (
        BudgetVersion.objects.published().select_related("budget__village__district").filter(pk=pk).first()
    )
    if version is None:
        raise ApiError(_("There is no published version with this id."), status=404)
    budget = version.budget
    versions = list(budget.versions.published().order_by("number"))
    reports = list(
        RealisationReport.objects.published()
        .filter(version__budget=budget)
        .select_related("version")
        .order_by("as_of", "pk")
    )
    own = [report for report in reports if report.version_id == version.pk]
    statement = statements.build(version, report=own[-1] if own else None)
    url = request.build_absolute_uri(version.get_absolute_url())
    return _json(
        exports.statement_json(
            statement, village=budget.village, year=budget.year, versions=versions, reports=reports, url=url
        )
    )


# --- Village openness index ------------------------------------------------------


class OpennessView(DetailView):
    """`/keterbukaan/` (latest assessment) and `/keterbukaan/<tahun>/`."""

    model = Assessment

    def get(self, request, *args, **kwargs):
        if "year" not in kwargs and not Assessment.objects.published().exists():
            # A deployment that has not assessed its villages yet says so.
            return render(request, "ogp/assessment_empty.html")
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset=None):
        assessments = Assessment.objects.published()
        if "year" in self.kwargs:
            return get_object_or_404(assessments, year=int(self.kwargs["year"]))
        assessment = assessments.latest_first().first()
        if assessment is None:
            raise Http404(_("No openness assessment has been published yet."))
        return assessment

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        assessment = self.object
        classes = list(assessment.classes.all())
        scores = list(VillageScore.objects.filter(assessment=assessment).ranked())
        ranked = []
        previous, rank = None, 0
        for position, score in enumerate(scores, start=1):
            if score.total != previous:
                rank, previous = position, score.total
            ranked.append({"rank": rank, "score": score, "class": classify(score.total, classes)})
        counts = [
            {"class": item, "count": sum(1 for row in ranked if row["class"] == item)} for item in classes
        ]
        context.update(
            pillars=list(assessment.pillars.prefetch_related("indicators")),
            classes=classes,
            ranked=ranked,
            class_counts=counts,
            has_sample=any(score.is_sample for score in scores),
            years=list(Assessment.objects.published().latest_first().values_list("year", flat=True)),
        )
        return context


# --- OGP commitments ----------------------------------------------------------


class CommitmentListView(ListView):
    """`/ogp/`: the action plans and their commitments."""

    model = Commitment

    def get_queryset(self):
        return (
            Commitment.objects.published()
            .for_list()
            .order_by("-plan__start_year", "plan_id", "order", "code")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plans = {}
        for commitment in context["object_list"]:
            plans.setdefault(commitment.plan_id, {"plan": commitment.plan, "commitments": []})[
                "commitments"
            ].append(commitment)
        context["plans"] = list(plans.values())
        context["has_sample"] = any(c.is_sample or c.plan.is_sample for c in context["object_list"])
        return context


class CommitmentDetailView(DetailView):
    """`/ogp/<kode>/`: one commitment with its milestones."""

    model = Commitment

    def get_object(self, queryset=None):
        return get_object_or_404(
            Commitment.objects.published().select_related("plan").prefetch_related(Prefetch("milestones")),
            code__iexact=self.kwargs["code"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        milestones = list(self.object.milestones.all())
        context.update(
            milestones=milestones,
            has_sample=self.object.is_sample or any(m.is_sample for m in milestones),
        )
        return context
