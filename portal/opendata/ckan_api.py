"""The CKAN action view: `/api/3/action/<name>` (see `portal.opendata.ckan`)."""

from collections import Counter

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt

from portal import datasets

from . import catalogue, ckan
from .ckan import ActionError

MAX_ROWS = 1000


def _base(request):
    return request.build_absolute_uri("/").rstrip("/")


def package_list(request, params):
    return [entry.name for entry in catalogue.entries()]


def package_show(request, params):
    ident = ckan._required(params, "id")
    return ckan.package(_base(request), ckan._find(catalogue.entries(), ident))


def package_search(request, params):
    rows = ckan._integer(params, "rows", 10, MAX_ROWS)
    start = ckan._integer(params, "start", 0, 1_000_000)
    query = str(params.get("q") or "").strip()
    terms = [] if query in ("", "*:*") else query.casefold().split()
    found = [e for e in catalogue.entries() if ckan._matches(e, terms, ckan._filters(params))]
    base = _base(request)
    return {
        "count": len(found),
        "results": [ckan.package(base, e) for e in found[start : start + rows]],
        "sort": "score desc, metadata_modified desc",
        "facets": {},
        "search_facets": {},
    }


def _all_fields(params):
    return str(params.get("all_fields", "")).lower() in ("true", "1", "yes")


def organization_list(request, params):
    counts = Counter(d.producer for d in datasets.datasets())
    producers = datasets.producers()
    if _all_fields(params):
        return [ckan.organization(p, count=counts[p.key]) for p in producers]
    return [p.key for p in producers]


def organization_show(request, params):
    ident = ckan._required(params, "id")
    producer = next(
        (p for p in datasets.producers() if ident in (p.key, ckan._uuid("organization", p.key))), None
    )
    if producer is None:
        raise ActionError(404, "Not Found Error", "Not found")
    result = ckan.organization(producer)
    if str(params.get("include_datasets", "")).lower() in ("true", "1"):
        base = _base(request)
        result["packages"] = [
            ckan.package(base, e) for e in catalogue.entries() if e.dataset.producer == producer.key
        ]
    result["package_count"] = sum(1 for e in catalogue.entries() if e.dataset.producer == producer.key)
    return result


def group_list(request, params):
    counts = Counter(theme for d in datasets.datasets() for theme in d.themes)
    codes = sorted(counts)
    if _all_fields(params):
        return [ckan.group(code, count=counts[code]) for code in codes]
    return [code.lower() for code in codes]


ACTIONS = {
    "package_list": package_list,
    "package_show": package_show,
    "package_search": package_search,
    "organization_list": organization_list,
    "organization_show": organization_show,
    "group_list": group_list,
}


def _envelope(request, name, **body):
    help_url = request.build_absolute_uri(f"/api/3/action/help_show?name={name}")
    return {"help": help_url, **body}


@csrf_exempt
def action(request, name):
    """Run one read-only CKAN action; GET with a query string or POST with a JSON body."""
    function = ACTIONS.get(name)
    try:
        if function is None:
            raise ActionError(400, "Bad Request", f"Bad request - Action name not known: {name}")
        result = function(request, ckan.parameters(request))
    except ActionError as error:
        body = _envelope(request, name, success=False, error=error.body)
        return JsonResponse(body, status=error.http_status, json_dumps_params={"ensure_ascii": False})
    body = _envelope(request, name, success=True, result=result)
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})
