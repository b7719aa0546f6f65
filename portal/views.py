"""Public pages of the portal core: home, regions, health check and the poll."""

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError, connections
from django.http import Http404, HttpResponse, HttpResponseForbidden, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import DetailView, ListView, TemplateView

from . import datasets, languages, search, services, wilayah
from .forms import SearchForm, VoteForm
from .models import District, OfficePage, Village
from .opendata import catalogue, conventions
from .opendata import http as opendata_http
from .region_summary import district_summary
from .throttle import throttle

VISITOR_COOKIE = services.VISITOR_COOKIE


class HomeView(TemplateView):
    template_name = "portal/home.html"


class RegionIndexView(TemplateView):
    """`/wilayah/`: every kecamatan with its villages, and a village search."""

    template_name = "portal/region_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        districts = list(District.objects.with_village_counts().order_by("name"))
        villages = Village.objects.order_by("name").only("code", "name", "kind", "district_id")
        by_district = {}
        for village in villages:
            by_district.setdefault(village.district_id, []).append(village)
        for district in districts:
            district.village_list = by_district.get(district.code, [])
        # Cleaned like a search: control characters (NUL among them) never reach the database.
        query = search.clean_query(self.request.GET.get("q", ""))[:100]
        context.update(
            districts=districts,
            village_total=sum(d.village_count for d in districts),
            desa_total=sum(d.desa_count for d in districts),
            kelurahan_total=sum(d.kelurahan_count for d in districts),
            query=query,
            results=list(Village.objects.search(query).select_related("district")[:50]) if query else None,
        )
        return context


class OfficePageListView(ListView):
    """`/tentang/`: the office's own pages."""

    template_name = "portal/officepage_list.html"

    def get_queryset(self):
        return OfficePage.objects.published().only("slug", "title", "summary")


class OfficePageDetailView(DetailView):
    template_name = "portal/officepage_detail.html"

    def get_queryset(self):
        return OfficePage.objects.published()


RESULTS_PER_KIND = 5
RESULTS_PER_PAGE = 20


@throttle("search", rate=settings.SEARCH_RATE, methods=("GET",))
def search_view(request):
    """`/cari/?q=`: every public kind of thing, ranked, grouped by kind and paginated."""
    form = SearchForm(request.GET)
    typed, kind = form.query(), form.kind()
    context = {"form": form, "query": typed, "kind": kind, "groups": [], "total": 0, "pages": []}
    if typed:
        pages, _entries, query, suggested = search.search(typed)
        context.update(pages=[] if kind else pages, suggestion=suggested)
        best = {} if kind else search.best_by_kind(query, RESULTS_PER_KIND)
        counts = search.counts_by_kind(query) if kind else {k: n for k, (n, _entries) in best.items()}
        context["total"] = sum(counts.values()) + len(context["pages"])
        context["counts"] = [
            (prov, counts.get(prov.kind, 0)) for prov in search.providers() if counts.get(prov.kind)
        ]
        if kind:
            from django.core.paginator import Paginator

            # A page number beyond the last shows the last page.
            paginator = Paginator(search.matching(query).filter(kind=kind), RESULTS_PER_PAGE)
            page_obj = paginator.get_page(request.GET.get("page"))
            context.update(
                provider=search.provider(kind),
                page_obj=page_obj,
                page_range=paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1),
            )
        else:
            context["groups"] = [(prov, n, best[prov.kind][1]) for prov, n in context["counts"]]
    return render(request, "portal/search.html", context)


class DataCatalogueView(TemplateView):
    """`/data/`: every downloadable dataset with its format, licence, last update and columns."""

    template_name = "portal/data_catalogue.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        formats = {}
        for entry in catalogue.entries():
            # Every format a dataset is offered in, the typed XLSX copies included.
            formats.setdefault(entry.dataset.key, {}).update(
                (d.format.upper(), None) for d in entry.downloads
            )
        context["datasets"] = [
            (
                dataset,
                datasets.downloads_of(dataset),
                dataset.last_updated(),
                ", ".join(formats.get(dataset.key, {})),
            )
            for dataset in datasets.datasets()
        ]
        context["licence"] = datasets.LICENCE
        context["licence_url"] = datasets.LICENCE_URL
        context["renamed"] = conventions.live_renames()
        context["sunset"] = min((sunset for *_names, sunset in context["renamed"]), default=None)
        return context


class FeedIndexView(TemplateView):
    """`/feed/`: the news feeds of the portal."""

    template_name = "portal/feeds.html"


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /ppid/permohonan/lacak/",
        "Disallow: /en/ppid/permohonan/lacak/",
        "Disallow: /penilaian/",
        "Disallow: /bahasa/",
        "Disallow: /cari/",
        "Disallow: /en/cari/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def region_detail(request, code):
    """`/wilayah/<kode>/`: a kecamatan page or a village page."""
    level = wilayah.level_of(code)
    if level == "district":
        try:
            district = District.objects.with_village_counts().get(code=code)
        except District.DoesNotExist:
            raise Http404(_("No kecamatan has this code.")) from None
        villages = list(district.villages.order_by("name"))
        return render(
            request,
            "portal/district_detail.html",
            {"district": district, "villages": villages, "summary": district_summary(district, villages)},
        )
    if level == "village":
        try:
            village = Village.objects.select_related("district").get(code=code)
        except Village.DoesNotExist:
            raise Http404(_("No village has this code.")) from None
        officials = list(village.officials.all())
        return render(
            request,
            "portal/village_detail.html",
            {"village": village, "district": village.district, "officials": officials},
        )
    raise Http404(_("This is not a kecamatan or village code."))


@never_cache
def healthz(request):
    """200 with a tiny JSON body when the database answers, 503 when it does not."""
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def same_origin(request):
    """Whether a POST comes from a page of this site (the Origin or Referer header).

    Browsers send Origin with every cross-site POST, so a form on another site
    cannot vote on a visitor's behalf. This protects the satisfaction poll
    against cross-site request forgery without a per-visitor token, which
    keeps every public page cacheable.
    """
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source or source == "null":
        return False
    parts = urlsplit(source)
    return parts.netloc == request.get_host() and parts.scheme in ("http", "https")


@csrf_exempt
@require_POST
@throttle("vote", rate="10/m")
def vote(request):
    """Record a satisfaction vote, then go back to the page (works without JavaScript)."""
    if not same_origin(request):
        return HttpResponseForbidden(_("Votes are only accepted from this site's own pages."))
    form = VoteForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return HttpResponseRedirect(_back(request, form.page()))
    page = form.cleaned_data["token"]
    visitor = request.COOKIES.get(VISITOR_COOKIE) or secrets.token_urlsafe(24)
    replaced = services.record_vote(
        path=page["path"], title=page["title"], visitor_id=visitor, choice=form.cleaned_data["choice"]
    )
    if replaced:
        messages.success(request, _("Thank you. Your new vote replaces your earlier one."))
    else:
        messages.success(request, _("Thank you. Your vote has been recorded."))
    response = HttpResponseRedirect(_back(request, page["path"]))
    response.set_cookie(
        VISITOR_COOKIE,
        visitor,
        max_age=60 * 60 * 24 * 365,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


@require_GET
def set_language(request, code):
    """Switch the site language with a plain link, then go back to the page."""
    if code not in dict(settings.LANGUAGES) or not check_for_language(code):
        raise Http404(_("Unknown language."))
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ) or not target.startswith("/"):
        target = "/"
    path, _mark, query = target.partition("?")
    if languages.is_page(path):
        # A page has an address per language: go to the one asked for.
        path = languages.translated_path(path, code) or path
    response = HttpResponseRedirect(path + (f"?{query}" if query else ""))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
    )
    return response


def _back(request, path):
    target = f"{path}#penilaian"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


def page_not_found(request, exception):
    if opendata_http.wants_json(request):
        return opendata_http.json_error(_("There is nothing at this address."), 404)
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
