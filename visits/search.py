"""Published visits in the site-wide search (see portal.search)."""

from django.utils.translation import gettext_lazy as _

from portal import search

from .models import HostOfficial, Visit, VisitSession


def _entry(visit):
    topics = " ".join(topic.name for topic in visit.topics.all())
    villages = " ".join(village.name for village in visit.villages.all())
    kims = " ".join(kim.name for kim in visit.kims_visited.all())
    institution = visit.institution.name
    return {
        "title": visit.title,
        "summary": institution,
        "body": " ".join(
            [institution, visit.leader_name, visit.venue, topics, villages, kims, visit.summary, visit.body]
        ),
        "url": visit.get_absolute_url(),
        "date": visit.start_date,
        "visible_from": visit.publish_at,
    }


search.register(
    search.Provider(
        kind="visit",
        label=_("Visits"),
        order=10,
        queryset=lambda: (
            Visit.objects.published()
            .select_related("institution")
            .prefetch_related("topics", "villages", "kims_visited")
        ),
        entry=_entry,
        triggers={
            HostOfficial: lambda official: [official.visit],
            VisitSession: lambda session: [session.visit],
        },
    )
)

# The visits pages, found by what citizens type (both languages).
search.register_pages(
    search.TaskPage(
        "visits:list",
        _("Benchmarking and study visits"),
        (
            "kunjungan",
            "kunjungan kerja",
            "studi banding",
            "studi tiru",
            "benchmarking",
            "study visit",
            "visits",
        ),
    ),
    search.TaskPage(
        "visits:statistics",
        _("Visit statistics"),
        ("statistik kunjungan", "visit statistics", "jumlah kunjungan", "number of visits"),
    ),
)
