"""Active PPID units, published DIP items and public register entries in the site-wide search.

Only what the public pages show is indexed: for a request, its number, unit,
status and the information requested, never the requester (see portal.search).
"""

from django.utils.translation import gettext_lazy as _

from portal import search

from .models import DipItem, InfoRequest, PpidUnit


def _dip_entry(item):
    return {
        "title": item.title,
        "summary": f"{item.unit.name} · {item.get_category_display()} · {item.year}",
        "body": " ".join([item.title, item.summary, item.unit.name, item.holding_official, str(item.year)]),
        "url": item.get_absolute_url(),
        "date": item.published_at.date() if item.published_at else None,
    }


def _request_entry(info_request):
    text = " ".join(info_request.information_requested.split())
    return {
        "title": f"{info_request.number}: {text[:120]}{'…' if len(text) > 120 else ''}",
        "summary": f"{info_request.unit.name} · {info_request.get_status_display()}",
        # The number also as separate words, so “PPID 2026 123” finds it.
        "body": " ".join(
            [info_request.number, info_request.number.replace("/", " "), text, info_request.unit.name]
        ),
        "url": info_request.get_absolute_url(),
        "date": info_request.received_on,
    }


def _unit_entry(unit):
    place = unit.village.label if unit.village_id else unit.agency
    return {
        "title": unit.name,
        "summary": f"{unit.get_kind_display()} · {place}",
        "body": " ".join([unit.name, unit.agency, unit.officer_position, str(place)]),
        "url": unit.get_absolute_url(),
        # Written together too: "PPID Sedahkidul", "dinkes" as typed.
        "keywords": unit.slug.replace("-", " "),
    }


search.register(
    search.Provider(
        kind="unit",
        label=_("PPID units"),
        order=28,
        queryset=lambda: PpidUnit.objects.published().select_related("village__district"),
        entry=_unit_entry,
    )
)
search.register(
    search.Provider(
        kind="dip",
        label=_("Public information (DIP)"),
        order=30,
        queryset=lambda: DipItem.objects.published().select_related("unit"),
        entry=_dip_entry,
        # Closing a unit hides its items.
        triggers={PpidUnit: lambda unit: list(unit.dip_items.all())},
    )
)
search.register(
    search.Provider(
        kind="request",
        label=_("Request register"),
        order=35,
        queryset=lambda: InfoRequest.objects.public_register().select_related("unit"),
        entry=_request_entry,
    )
)

# The information service's task pages, found by what citizens type (both languages).
search.register_pages(
    search.TaskPage(
        "ppid:request_new",
        _("Request public information"),
        (
            "permohonan informasi",
            "permohonan informasi publik",
            "ajukan permohonan",
            "minta informasi",
            "meminta informasi",
            "formulir permohonan",
            "request information",
            "information request",
            "freedom of information",
            "foi request",
        ),
    ),
    search.TaskPage(
        "ppid:track",
        _("Track a request"),
        ("lacak", "lacak permohonan", "cek status permohonan", "status permohonan", "track", "track request"),
    ),
    search.TaskPage(
        "ppid:objection_new",
        _("File an objection"),
        (
            "keberatan",
            "ajukan keberatan",
            "pengajuan keberatan",
            "objection",
            "appeal",
            "complaint about a request",
        ),
    ),
    search.TaskPage(
        "ppid:dip",
        _("List of public information"),
        (
            "daftar informasi publik",
            "dip",
            "informasi publik",
            "public information list",
            "list of public information",
        ),
    ),
    search.TaskPage(
        "ppid:register",
        _("Public register of requests"),
        ("register permohonan", "daftar permohonan", "request register", "public register"),
    ),
    search.TaskPage(
        "ppid:statistics",
        _("PPID statistics"),
        ("statistik ppid", "statistik permohonan", "ppid statistics", "request statistics"),
    ),
    search.TaskPage(
        "ppid:reports",
        _("Annual reports"),
        ("laporan tahunan", "laporan ppid", "annual report", "ppid report"),
    ),
    search.TaskPage(
        "ppid:ikm",
        _("Satisfaction index"),
        (
            "ikm",
            "skm",
            "survei kepuasan",
            "indeks kepuasan masyarakat",
            "satisfaction survey",
            "satisfaction index",
        ),
    ),
    search.TaskPage(
        "ppid:maklumat",
        _("Service standard"),
        ("maklumat", "maklumat pelayanan", "standar layanan", "service standard", "service charter"),
    ),
    search.TaskPage(
        "ppid:regulations",
        _("Regulations"),
        ("peraturan", "dasar hukum", "uu 14 2008", "regulations", "legal basis"),
    ),
    search.TaskPage("ppid:units", _("PPID units"), ("unit ppid", "ppid desa", "ppid units", "ppid")),
)
