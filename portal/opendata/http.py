"""HTTP conventions of every data, JSON and feed URL.

``open_data`` wraps a view (or a syndication feed) so that:

* ``HEAD`` works wherever ``GET`` does (the view runs as ``GET``; the body is
  dropped, the headers kept), ``OPTIONS`` answers the CORS preflight;
* read-only data can be read from any web page: ``Access-Control-Allow-Origin: *``;
* every answer has an ``ETag`` and a ``Last-Modified``, and conditional
  requests (``If-None-Match``, ``If-Modified-Since``) get ``304 Not Modified``.
  A streamed file is validated before it is built, from ``last_modified``;
* with ``json_errors`` a missing object or a refused method is answered as
  JSON (``{"galat": "...", "status": 404}``), never as an HTML page.

The URLconfs apply it where the URL is declared::

    path("data.json", open_data(views.data_json, last_modified=dataset_updated("kunjungan")))
"""

import copy
import datetime
import functools
import hashlib
import time

from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.utils.translation import gettext as _

from portal import languages

from . import conventions

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
STARTED = int(time.time())
EXPOSED = "ETag, Last-Modified, Deprecation, Sunset, Link, Content-Disposition"


def json_error(message, status):
    """``{"galat": message, "status": status}`` with that HTTP status, open to every origin."""
    response = JsonResponse({"galat": str(message), "status": status}, status=status)
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def wants_json(request):
    """Whether a request is for a JSON address (the 404 handler answers those in JSON)."""
    path = request.path
    return path.startswith("/api/") or "/api/" in path or path.endswith((".json", ".jsonld"))


def dataset_updated(key):
    """A ``last_modified`` function reading a registered dataset's last update."""

    def last_modified(request, *args, **kwargs):
        from portal import datasets

        dataset = next((d for d in datasets.datasets() if d.key == key), None)
        return dataset.last_updated() if dataset else None

    return last_modified


def open_feed(feed):
    """A syndication feed with the open data conventions (HTML errors, as for any page).

    The feed's items are read once, before the answer: their newest date is the
    validator, and the same items then build the feed, so a 304 costs no more
    queries than the feed itself. Each request works on its own copy of the feed.
    """

    def last_modified(request, *args, **kwargs):
        obj = feed.get_object(request, *args, **kwargs)
        items = list(feed._get_dynamic_attr("items", obj))
        prepared = copy.copy(feed)
        prepared.items = lambda obj=None: items
        request.open_data_feed = prepared
        dates = [
            feed._get_dynamic_attr("item_updateddate", item) or feed._get_dynamic_attr("item_pubdate", item)
            for item in items
        ]
        return max((d for d in dates if d), key=timestamp, default=None)

    def view(request, *args, **kwargs):
        return getattr(request, "open_data_feed", feed)(request, *args, **kwargs)

    return open_data(view, last_modified=last_modified, json_errors=False)


def timestamp(value):
    if value is None:
        return None
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time(), tzinfo=datetime.UTC)
    return int(value.timestamp())


def _key_etag(request, stamp):
    """A weak ETag from the address, the language and the data's last change: known before the view runs."""
    language = getattr(request, "LANGUAGE_CODE", "")
    key = f"{request.get_full_path()}|{stamp}|{language}|{request.headers.get('Accept', '')}"
    return 'W/"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def _content_etag(response):
    if response.has_header("ETag"):
        return response["ETag"]
    if response.streaming:
        return None
    return quote_etag(hashlib.sha256(response.content).hexdigest()[:32])


def _header_stamp(value):
    return parse_http_date_safe(value)


def _finish(request, response, etag, stamp):
    if etag and not response.has_header("ETag"):
        response.headers["ETag"] = etag
    if stamp is not None and not response.has_header("Last-Modified"):
        response.headers["Last-Modified"] = http_date(stamp)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = EXPOSED
    if request.method == "HEAD":
        _drop_body(response)
    return response


def _drop_body(response):
    if response.streaming:
        close = getattr(response.streaming_content, "close", None)
        response.streaming_content = iter(())
        if close:
            close()
    else:
        length = len(response.content)
        response.content = b""
        response.headers["Content-Length"] = str(length)


def _preflight():
    response = HttpResponse(status=204)
    response.headers["Allow"] = ", ".join(SAFE_METHODS)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Methods"] = ", ".join(SAFE_METHODS)
    response.headers["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since, Accept"
    response.headers["Access-Control-Max-Age"] = "86400"
    return response


def _run(view, request, args, kwargs, json_errors):
    """The view's answer to the request as a GET, or a JSON error."""
    method = request.method
    request.method = "GET"
    try:
        response = view(request, *args, **kwargs)
    except Http404 as error:
        if not json_errors:
            raise
        message = str(error) if error.args else _("Not found.")
        response = json_error(message, 404)
    finally:
        request.method = method
    if json_errors and response.status_code == 405:
        response = json_error(_("Only GET and HEAD are allowed here."), 405)
        response.headers["Allow"] = "GET, HEAD, OPTIONS"
    return response


def open_data(view=None, *, last_modified=None, json_errors=True, read_by_post=False, dataset=None):
    """Apply the open data conventions (see the module docstring) to a view.

    ``read_by_post`` also lets a client send its parameters as a POST body
    (CKAN clients do); such a read is never conditional. ``dataset`` names the
    registered dataset whose renamed columns (`conventions.RENAMED`) mark the
    answer as deprecated.
    """
    if view is None:
        return functools.partial(
            open_data,
            last_modified=last_modified,
            json_errors=json_errors,
            read_by_post=read_by_post,
            dataset=dataset,
        )

    @functools.wraps(view, assigned=("__module__", "__name__", "__qualname__", "__doc__"))
    def wrapper(request, *args, **kwargs):
        language, path = languages.split(request.path_info)
        if language is not None:
            # Data and feeds have one address, without a language prefix.
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(path + (f"?{query}" if query else ""))
        if request.method == "OPTIONS":
            return _preflight()
        if read_by_post and request.method == "POST":
            return _finish(request, view(request, *args, **kwargs), None, None)
        if request.method not in SAFE_METHODS:
            response = _run(lambda *a, **k: HttpResponse(status=405), request, args, kwargs, json_errors)
            return _finish(request, response, None, None) if json_errors else response
        stamp = None
        if last_modified is not None:
            stamp = timestamp(last_modified(request, *args, **kwargs)) or STARTED
        etag = _key_etag(request, stamp) if stamp is not None else None
        if etag is not None:
            early = get_conditional_response(request, etag=etag, last_modified=stamp)
            if early is not None:
                return _finish(request, early, etag, stamp)
        response = _run(view, request, args, kwargs, json_errors)
        if response.status_code != 200:
            return _finish(request, response, None, None)
        conventions.apply(response)
        if dataset is not None:
            conventions.deprecate(response, dataset)
        if stamp is None and response.has_header("Last-Modified"):
            stamp = _header_stamp(response["Last-Modified"])
        if stamp is None:
            # Nothing published yet (an empty feed or table): the answer only
            # changes when something is, and that brings its own date.
            stamp = STARTED
            etag = _key_etag(request, stamp)
        etag = etag or _content_etag(response)
        if last_modified is not None:
            response.headers["Last-Modified"] = http_date(stamp)
        conditional = get_conditional_response(request, etag=etag, last_modified=stamp, response=response)
        return _finish(request, conditional or response, etag, stamp)

    return wrapper
