"""The portal's URLs plus a minimal view: the baseline of `make bench`.

The baseline answers a few bytes of HTML without touching the database, through
the same nginx, gunicorn and middleware as every page, so a page's share of
its throughput says what the page itself costs.
"""

from django.http import HttpResponse
from django.urls import path

from portal.urls import handler404, handler500  # noqa: F401
from portal.urls import urlpatterns as portal_urlpatterns


def minimal(request):
    return HttpResponse("<!doctype html><title>ok</title><p>ok</p>")


urlpatterns = [path("bench/minimal/", minimal, name="bench_minimal"), *portal_urlpatterns]
