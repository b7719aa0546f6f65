"""Village budgets in the site-wide search, found by their activities.

One entry per village and year (the version in force), holding the names and
locations of its spending activities, so a search for "rabat beton Sedahkidul"
leads to that village's budget page (see portal.search).
"""

from django.utils.translation import gettext_lazy as _

from portal import search

from .models import BudgetLine, BudgetSummary


def _entry(summary):
    village = summary.village
    activities = BudgetLine.objects.filter(version_id=summary.version_id, activity__isnull=False).values_list(
        "description", "location", "activity__name"
    )
    words = " ".join(" ".join(part for part in row if part) for row in activities)
    return {
        "title": f"APBDes {summary.year} · {village.label}",
        "summary": str(village.district.label),
        "body": f"APBDes {summary.year} {village.name} {village.district.name} {words}",
        "url": summary.get_absolute_url(),
        "date": summary.version.published_at.date() if summary.version.published_at else None,
    }


search.register(
    search.Provider(
        kind="budget",
        label=_("Village budget activities"),
        order=40,
        queryset=lambda: BudgetSummary.objects.published().select_related("village__district", "version"),
        entry=_entry,
    )
)

# Budgets, openness and open-government pages, found by what citizens type (both languages).
search.register_pages(
    search.TaskPage(
        "ogp:apbdes",
        _("Village budgets (APBDes)"),
        (
            "apbdes",
            "anggaran desa",
            "keuangan desa",
            "dana desa",
            "village budget",
            "village budgets",
            "budget",
        ),
    ),
    search.TaskPage(
        "ogp:openness",
        _("Village openness index"),
        (
            "indeks keterbukaan",
            "keterbukaan desa",
            "openness index",
            "village openness",
            "transparency index",
        ),
    ),
    search.TaskPage(
        "ogp:commitments",
        _("OGP commitments"),
        (
            "ogp",
            "komitmen ogp",
            "rencana aksi",
            "open government",
            "action plan",
            "open government partnership",
        ),
    ),
)
