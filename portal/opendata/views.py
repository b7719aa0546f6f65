"""Catalogue views: `/data/catalog` (by Accept), `.jsonld`, `.ttl`, each entry's `datapackage.json`,
and the API description (`/api/openapi.json`, with its page `/api/`)."""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import catalogue, dcat, openapi, packages, spreadsheets

JSONLD = "application/ld+json"
TURTLE = "text/turtle"


def _base(request):
    return request.build_absolute_uri("/")


def _answer(request, fmt):
    graph = dcat.catalogue_graph(_base(request))
    if fmt == "json-ld":
        return HttpResponse(dcat.serialize(graph, "json-ld"), content_type=f"{JSONLD}; charset=utf-8")
    return HttpResponse(dcat.serialize(graph, "turtle"), content_type=f"{TURTLE}; charset=utf-8")


def catalog_jsonld(request):
    """`/data/catalog.jsonld`: the DCAT-AP catalogue as JSON-LD."""
    return _answer(request, "json-ld")


def catalog_ttl(request):
    """`/data/catalog.ttl`: the DCAT-AP catalogue as Turtle."""
    return _answer(request, "turtle")


def catalog(request):
    """`/data/catalog`: Turtle when the client prefers it, JSON-LD otherwise."""
    preferred = request.get_preferred_type([JSONLD, TURTLE, "application/json"])
    response = _answer(request, "turtle" if preferred == TURTLE else "json-ld")
    response.headers["Vary"] = "Accept"
    return response


def datapackage(request, name):
    """`/data/<name>/datapackage.json`: the entry's files with their Table Schema."""
    entry = catalogue.entry(name)
    if entry is None:
        raise Http404(_("There is no dataset with this name."))
    body = packages.datapackage(_base(request).rstrip("/"), entry)
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 1})


def openapi_json(request):
    """`/api/openapi.json`: the OpenAPI 3.1 description of every JSON address."""
    return JsonResponse(openapi.description(_base(request)), json_dumps_params={"ensure_ascii": False})


def api_page(request):
    """`/api/`: the same description for people."""
    document = openapi.description(_base(request))
    operations = [
        {
            "path": path,
            "summary": item["get"]["summary"],
            "parameters": [p["name"] for p in item["get"]["parameters"]],
        }
        for path, item in document["paths"].items()
    ]
    return render(request, "opendata/api.html", {"operations": operations})


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx(request, name):
    """`/data/<name>.xlsx`: the entry's CSV as a workbook with typed cells."""
    entry = catalogue.entry(name)
    source = entry.download("csv") if entry else None
    if source is None or not entry.dataset.fields:
        raise Http404(_("There is no dataset with this name."))
    text = spreadsheets.csv_text(request, source.url)
    body = spreadsheets.workbook(entry.dataset.fields, text, entry.name)
    response = HttpResponse(body, content_type=XLSX)
    response.headers["Content-Disposition"] = f'attachment; filename="{entry.name}.xlsx"'
    return response
