"""The read-only JSON API of published budgets: `/apbdes/api/...`.

Lists are paginated (``page``, ``page_size``) and filtered by ``tahun``,
``kecamatan`` and ``desa``. A parameter that does not parse is answered
with a JSON ``galat`` (error) and HTTP 400, a page or version that does not
exist with 404; never an error page.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal import wilayah
from portal.models import Village

from .. import exports, statements
from ..models import BudgetSummary, BudgetVersion, RealisationReport
from ..models.budgets import FIRST_YEAR
from .common import json_response

API_PAGE_SIZE = 100
API_MAX_PAGE_SIZE = 500


class ApiError(Exception):
    """A request the API refuses, with the message and HTTP status code of the answer."""

    def __init__(self, message, http_status=400):
        self.message = message
        self.http_status = http_status


def _api(view):
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except ApiError as error:
            return json_response({"galat": error.message}, status=error.http_status)

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
        raise ApiError(_("There is no such page."), http_status=404) from None

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
    return json_response(
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
    return json_response(meta)


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
        BudgetVersion.objects.published()
        .filter(budget__village__kind=Village.Kind.DESA)
        .for_list()
        .order_by("-budget__year", "budget__village_id", "number")
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
    return json_response(meta)


@_api
def api_version(request, pk):
    """`/apbdes/api/versi/<id>/`: one published version with its lines and latest report."""
    version = (
        BudgetVersion.objects.published()
        .select_related("budget__village__district")
        .filter(pk=pk, budget__village__kind=Village.Kind.DESA)
        .first()
    )
    if version is None:
        raise ApiError(_("There is no published version with this id."), http_status=404)
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
    return json_response(
        exports.statement_json(
            statement, village=budget.village, year=budget.year, versions=versions, reports=reports, url=url
        )
    )
