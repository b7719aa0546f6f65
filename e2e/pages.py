"""Every public page type, with a real address from the demo data.

Addresses of detail pages are discovered from their list pages, as a visitor
would find them.
"""

import re
import urllib.request
from functools import cache

from .conftest import BASE_URL


@cache
def fetch(path):
    with urllib.request.urlopen(BASE_URL + path, timeout=30) as response:
        return response.read().decode()


def first_link(list_path, pattern):
    """The first href on a list page matching a regular expression."""
    match = re.search(r'href="(' + pattern + r')"', fetch(list_path))
    if not match:
        raise AssertionError(f"no link matching {pattern} on {list_path}")
    return match.group(1).replace("&amp;", "&")


PAGE_TYPES = {
    "home": lambda: "/",
    "regions": lambda: "/wilayah/",
    "district": lambda: "/wilayah/35.22.18/",
    "village": lambda: "/wilayah/35.22.18.2007/",
    "search": lambda: "/cari/?q=desa",
    "office-pages": lambda: "/tentang/",
    "office-page": lambda: first_link("/tentang/", r"/tentang/[a-z0-9-]+/"),
    "not-found": lambda: "/tidak-ada/",
    "visits": lambda: "/kunjungan/",
    "visit": lambda: first_link("/kunjungan/", r"/kunjungan/(?!statistik|feed|data)[a-z0-9-]+/"),
    "visit-statistics": lambda: "/kunjungan/statistik/",
}

# Pages with a form a citizen fills in (checked for keyboard use).
FORM_PAGES = {
    "village": lambda: "/wilayah/35.22.18.2007/",
}
