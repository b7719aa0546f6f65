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
from portal.opendata import conventions

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
    "tanggal",
    "tanggal_selesai",
    "judul",
    "jenis",
    "instansi",
    "jenis_instansi",
    "kode_provinsi",
    "provinsi",
    "topik",
    "desa",
    "url",
    "diterbitkan",
    "data_contoh",
]
DATASET = "kunjungan"


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
            "tanggal": visit.start_date.isoformat(),
            "tanggal_selesai": visit.end_date.isoformat() if visit.end_date else "",
            "judul": visit.title,
            "jenis": visit.kind,
            "instansi": institution.name,
            "jenis_instansi": institution.kind,
            "kode_provinsi": institution.province_code,
            "provinsi": institution.province_name or "",
            "topik": [topic.name for topic in visit.topics.all()],
            "desa": [{"kode": v.code, "nama": v.name} for v in visit.villages.all()],
            "url": request.build_absolute_uri(visit.get_absolute_url()),
            "diterbitkan": conventions.iso_time(visit.publish_at),
            "data_contoh": visit.is_sample,
        }


def data_csv(request):
    """`/kunjungan/data.csv`: every published visit, one row each (UTF-8, comma-separated)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kunjungan.csv"'
    writer = csv_export.writer(response)
    writer.writerow(conventions.csv_header(EXPORT_FIELDS, DATASET, request))
    for row in _export_rows(request):
        row["topik"] = "; ".join(row["topik"])
        row["desa"] = "; ".join(f"{v['kode']} {v['nama']}" for v in row["desa"])
        row["data_contoh"] = conventions.boolean(row["data_contoh"])
        writer.writerow([row[name] for name in EXPORT_FIELDS])
    return response


def data_json(request):
    """`/kunjungan/data.json`: the same as the CSV, with topics and villages as lists."""
    rows = [
        conventions.with_old_names(
            {**row, "desa": [conventions.with_old_names(v, DATASET) for v in row["desa"]]}, DATASET
        )
        for row in _export_rows(request)
    ]
    payload = {
        "source": request.build_absolute_uri(request.path),
        "generated_at": conventions.iso_time(timezone.now()),
        "fields": EXPORT_FIELDS,
        "count": len(rows),
        "visits": rows,
    }
    response = HttpResponse(
        json.dumps(payload, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="kunjungan.json"'
    return response
