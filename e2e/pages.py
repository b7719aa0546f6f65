"""Every public page type, with a real address from the demo data.

Addresses of detail pages are discovered from the pages that link to them, as
a visitor would find them: a visit from the visits list, a KIM from the
directory, a budget version from the village page, a register entry from the
register. Only the entry points a visitor types or is given (the home page, a
search, the demo officer's village) are written here.
"""

import html
import re
import urllib.request
from functools import cache

from .conftest import BASE_URL

# Desa Sedahkidul, Kecamatan Purwosari: the demo village officer's village.
VILLAGE_NAME = "Sedahkidul"


@cache
def fetch(path):
    with urllib.request.urlopen(BASE_URL + path, timeout=30) as response:
        return response.read().decode()


def first_link(list_path, pattern):
    """The first href on a page matching a regular expression."""
    match = re.search(r'href="(' + pattern + r')"', fetch(list_path))
    if not match:
        raise AssertionError(f"no link matching {pattern} on {list_path}")
    return html.unescape(match.group(1))


def link_by_text(list_path, text_pattern, href_pattern=r"[^\"]+"):
    """The href of the first link on a page whose text matches `text_pattern`."""
    for match in re.finditer(r'<a href="(' + href_pattern + r')"[^>]*>(.*?)</a>', fetch(list_path), re.S):
        if re.search(text_pattern, re.sub(r"<[^>]+>", "", match.group(2))):
            return html.unescape(match.group(1))
    raise AssertionError(f"no link reading {text_pattern} on {list_path}")


def in_language(path, language):
    """A page's address in a language: Indonesian unprefixed, English under /en/."""
    return path if language == "id" else f"/{language}{path}"


def village():
    """The demo village, found with the region search on the home page."""
    return first_link(f"/wilayah/?q={VILLAGE_NAME}", r"/wilayah/35\.[0-9.]+/")


def district():
    return first_link(village(), r"/wilayah/[0-9]{2}\.[0-9]{2}\.[0-9]{2}/")


def revised_budget():
    """A budget version that is an APBDes Perubahan, from the village's list of versions."""
    return link_by_text(
        village(), r"APBDes Perubahan|Revised APBDes", r"/apbdes/[0-9]{4}/[0-9.]+/\?versi=[0-9]+"
    )


def original_budget():
    """The original (murni) version of the same year's budget, from the budget page's version list."""
    path = revised_budget()
    base = path.split("?")[0]
    return base + link_by_text(path, r"murni|original", r"\?versi=[0-9]+")


def visit():
    return first_link("/kunjungan/", r"/kunjungan/(?!statistik|feed|data)[a-z0-9-]+/")


def register_entry():
    return first_link("/ppid/register/", r"/ppid/permohonan/PPID-[0-9]{4}-[0-9]+/")


PAGE_TYPES = {
    # The core: home, regions, search, catalogues, office pages, errors.
    "home": lambda: "/",
    "regions": lambda: "/wilayah/",
    "region-search": lambda: f"/wilayah/?q={VILLAGE_NAME}",
    "district": district,
    "village": village,
    "search": lambda: "/cari/?q=desa",
    "search-nothing-found": lambda: "/cari/?q=zzqxj",
    "data-catalogue": lambda: "/data/",
    "feeds": lambda: "/feed/",
    "office-pages": lambda: "/tentang/",
    "office-page": lambda: first_link("/tentang/", r"/tentang/[a-z0-9-]+/"),
    "not-found": lambda: "/tidak-ada/",
    # Visits.
    "visits": lambda: "/kunjungan/",
    "visits-by-topic": lambda: first_link(visit(), r"/kunjungan/\?topik=[a-z0-9-]+"),
    "visit": visit,
    "visit-statistics": lambda: "/kunjungan/statistik/",
    # KIM.
    "kims": lambda: "/kim/",
    "kim": lambda: first_link(village(), r"/kim/(?!kabar|cakupan|forum|data)[a-z0-9-]+/"),
    "kim-coverage": lambda: "/kim/cakupan/",
    "kim-forum": lambda: "/kim/forum/",
    "kim-posts": lambda: "/kim/kabar/",
    "kim-post": lambda: first_link("/kim/kabar/", r"/kim/kabar/(?!feed)[a-z0-9-]+/"),
    # PPID.
    "ppid-home": lambda: "/ppid/",
    "ppid-units": lambda: "/ppid/unit/",
    "ppid-unit": lambda: first_link("/ppid/", r"/ppid/unit/ppid-[a-z0-9-]+/"),
    "ppid-village-unit": lambda: first_link(village(), r"/ppid/unit/desa-[a-z0-9-]+/"),
    "regulations": lambda: "/ppid/peraturan/",
    "maklumat": lambda: "/ppid/maklumat/",
    "dip": lambda: "/ppid/dip/",
    "dip-of-unit": lambda: first_link(village(), r"/ppid/dip/\?unit=[a-z0-9-]+"),
    "dip-item": lambda: first_link("/ppid/dip/", r"/ppid/dip/[0-9]+/"),
    "request-form": lambda: "/ppid/permohonan/baru/",
    "tracking-form": lambda: "/ppid/permohonan/lacak/",
    "objection-form": lambda: "/ppid/keberatan/baru/",
    "register": lambda: "/ppid/register/",
    "register-entry": register_entry,
    "ppid-statistics": lambda: "/ppid/statistik/",
    "annual-reports": lambda: "/ppid/laporan/",
    "annual-report": lambda: first_link("/ppid/laporan/", r"/ppid/laporan/[0-9]{4}/"),
    "ikm": lambda: "/ppid/ikm/",
    # Village budgets, openness index, OGP.
    "apbdes": lambda: "/apbdes/",
    "apbdes-district": lambda: (
        first_link("/apbdes/", r"/apbdes/[0-9]{4}/") + "?kecamatan=" + district().split("/")[2]
    ),
    "village-budget": lambda: first_link(village(), r"/apbdes/[0-9]{4}/[0-9.]+/"),
    "village-budget-revised": revised_budget,
    "village-budget-original": original_budget,
    "openness": lambda: "/keterbukaan/",
    "openness-year": lambda: first_link("/keterbukaan/", r"/keterbukaan/[0-9]{4}/"),
    "ogp": lambda: "/ogp/",
    "ogp-commitment": lambda: first_link("/ogp/", r"/ogp/[A-Za-z0-9-]+/"),
}

# Every public form a citizen fills in, with the page it is on and a CSS selector
# for it (checked for keyboard use). The satisfaction widget is the same
# component on every page that has it.
FORM_PAGES = {
    "village-poll": (village, "#penilaian form"),
    "home-village-search": (lambda: "/", "main form[role=search]"),
    "region-search": (lambda: "/wilayah/", "main form[role=search]"),
    "search": (lambda: "/cari/?q=desa", "main form[role=search]"),
    "request-form": (lambda: "/ppid/permohonan/baru/", "main form[method=post]"),
    "tracking-form": (lambda: "/ppid/permohonan/lacak/", "main form[method=post]"),
    "objection-form": (lambda: "/ppid/keberatan/baru/", "main form[method=post]"),
    "visits-filters": (lambda: "/kunjungan/", "main form.filters"),
    "kim-filters": (lambda: "/kim/", "main form.filters"),
    "kim-post-filters": (lambda: "/kim/kabar/", "main form.filters"),
    "dip-filters": (lambda: "/ppid/dip/", "main form.filters"),
    "register-filters": (lambda: "/ppid/register/", "main form.filters"),
    "unit-filters": (lambda: "/ppid/unit/", "main form.filters"),
    "ppid-statistics-filters": (lambda: "/ppid/statistik/", "main form.filters"),
    "ikm-filters": (lambda: "/ppid/ikm/", "main form.filters"),
    "apbdes-filters": (lambda: first_link("/apbdes/", r"/apbdes/[0-9]{4}/"), "main form.filters"),
}
