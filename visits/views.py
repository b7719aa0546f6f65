"""Public pages of the visits app: list, visit, statistics and open data.

Every page starts from `Visit.objects.published()`; nothing unpublished or
not yet due reaches the public. Each page runs a fixed number of queries
whatever the number of visits or photos.
"""

import json

from django.http import HttpResponse
from django.utils import timezone
from django.views.generic import DetailView, ListView, TemplateView

from portal import csv_export

from .forms import VisitFilterForm
from .models import HostOfficial, Visit
from .statistics import charts_for, visit_statistics

PAGE_SIZE = 12
RELATED_VISITS = 4


class VisitListView(ListView):
    """`/kunjungan/`: newest first, filtered by year, province, institution type, topic and kind."""

    model = Visit
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        visits = Visit.objects.published()
        self.filter_form = VisitFilterForm(self.request.GET or None, visits=visits)
        return self.filter_form.filter(visits).for_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context.update(
            filter_form=self.filter_form,
            filtered=self.filter_form.active,
            page_range=page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        )
        return context


def detail_context(visit, request):
    """What the visit page shows beyond the visit itself (shared with the admin preview)."""
    officials = list(visit.officials.all())
    officials_by_part = [
        (heading, [person for person in officials if person.part == part])
        for part, heading in HostOfficial.PART_HEADINGS.items()
    ]
    photos = list(visit.photos.all())
    return {
        "officials_by_part": [(heading, people) for heading, people in officials_by_part if people],
        "photos": photos,
        "share_photo": photos[0] if photos else None,
        "share_image_url": request.build_absolute_uri(photos[0].medium_url) if photos else "",
        "related_visits": list(Visit.objects.published().related_to(visit, limit=RELATED_VISITS)),
        "public_history": getattr(visit, "public_history", []),
    }


class VisitDetailView(DetailView):
    """`/kunjungan/<slug>/`: the facts, the report, the photos and related visits."""

    model = Visit

    def get_queryset(self):
        return Visit.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(detail_context(self.object, self.request))
        return context


class VisitStatisticsView(TemplateView):
    """`/kunjungan/statistik/`: counts per year, province, institution type and topic."""

    template_name = "visits/statistics.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stats = visit_statistics(Visit.objects.published())
        context.update(stats=stats, charts=charts_for(stats))
        return context


# --- Open data -----------------------------------------------------------------

EXPORT_FIELDS = [
    "date",
    "end_date",
    "title",
    "kind",
    "institution",
    "institution_type",
    "province_code",
    "province",
    "topics",
    "villages",
    "url",
    "published_at",
    "is_sample",
]


def _export_rows(request):
    visits = (
        Visit.objects.published()
        .select_related("institution")
        .prefetch_related("topics", "villages")
        .newest_first()
    )
    for visit in visits:
        institution = visit.institution
        yield {
            "date": visit.start_date.isoformat(),
            "end_date": visit.end_date.isoformat() if visit.end_date else "",
            "title": visit.title,
            "kind": visit.kind,
            "institution": institution.name,
            "institution_type": institution.kind,
            "province_code": institution.province_code,
            "province": institution.province_name or "",
            "topics": [topic.name for topic in visit.topics.all()],
            "villages": [{"code": v.code, "name": v.name} for v in visit.villages.all()],
            "url": request.build_absolute_uri(visit.get_absolute_url()),
            "published_at": timezone.localtime(visit.publish_at).isoformat(),
            "is_sample": visit.is_sample,
        }


def data_csv(request):
    """`/kunjungan/data.csv`: every published visit, one row each (UTF-8, comma-separated)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kunjungan.csv"'
    writer = csv_export.DictWriter(response, fieldnames=EXPORT_FIELDS)
    writer.writeheader()
    for row in _export_rows(request):
        row["topics"] = "; ".join(row["topics"])
        row["villages"] = "; ".join(f"{v['code']} {v['name']}" for v in row["villages"])
        row["is_sample"] = "1" if row["is_sample"] else "0"
        writer.writerow(row)
    return response


def data_json(request):
    """`/kunjungan/data.json`: the same as the CSV, with topics and villages as lists."""
    rows = list(_export_rows(request))
    payload = {
        "source": request.build_absolute_uri(request.path),
        "generated_at": timezone.localtime().isoformat(timespec="seconds"),
        "fields": EXPORT_FIELDS,
        "count": len(rows),
        "visits": rows,
    }
    return HttpResponse(
        json.dumps(payload, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
    )
