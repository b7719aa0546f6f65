"""Published visits in the open data catalogue (see portal.datasets)."""

from django.db.models import Max, Min
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import datasets

from .models import Visit

C = datasets.column

datasets.register(
    datasets.Dataset(
        key="kunjungan",
        title=_("Benchmarking and study visits"),
        description=_("Every published visit by another government: who came, when, about what and where."),
        order=40,
        columns=[
            ("tanggal", _("first day of the visit (YYYY-MM-DD)")),
            ("tanggal_selesai", _("last day, when the visit took several days")),
            ("judul", _("title of the report")),
            ("jenis", _("kind of visit: kunjungan_kerja, studi_banding, studi_tiru, benchmarking, lainnya")),
            ("instansi", _("visiting institution")),
            ("jenis_instansi", _("type of institution: pemkab, pemkot, pemprov, kementerian, …")),
            ("kode_provinsi", _("Kemendagri code of the visitors' province")),
            ("provinsi", _("the visitors' province")),
            ("topik", _("topics discussed")),
            ("desa", _("villages visited (code and name)")),
            ("url", _("address of the report")),
            ("diterbitkan", _("when the report was published")),
            ("data_contoh", _("true for invented sample data")),
        ],
        downloads=lambda: [
            datasets.Download("CSV", reverse("visits:data-csv"), "csv"),
            datasets.Download("JSON", reverse("visits:data-json"), "json"),
        ],
        last_updated=lambda: Visit.objects.published().aggregate(latest=Max("updated_at"))["latest"],
        issued=lambda: Visit.objects.published().aggregate(first=Min("publish_at"))["first"],
        page_url=lambda: reverse("visits:list"),
        frequency="IRREG",
        themes=("GOVE",),
        keywords=("kunjungan kerja", "studi banding", "benchmarking", "studi tiru"),
        fields=[
            C("tanggal", "date", _("first day of the visit")),
            C("tanggal_selesai", "date", _("last day of the visit")),
            C("judul", "string", _("title of the report"), constraints={"required": True}),
            C("jenis", "string", _("kind of visit")),
            C("instansi", "string", _("visiting institution")),
            C("jenis_instansi", "string", _("type of institution")),
            C("kode_provinsi", "string", _("Kemendagri code of the visitors' province")),
            C("provinsi", "string", _("the visitors' province")),
            C("topik", "string", _("topics discussed, separated by ;")),
            C("desa", "string", _("villages visited as code and name, separated by ;")),
            C("url", "string", _("address of the report"), format="uri"),
            C("diterbitkan", "datetime", _("when the report was published (ISO 8601)"), format="any"),
            datasets.boolean("data_contoh", _("invented sample data")),
        ],
    )
)
