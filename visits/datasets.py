"""Published visits in the open data catalogue (see portal.datasets)."""

from django.db.models import Max
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
            ("date", _("first day of the visit (YYYY-MM-DD)")),
            ("end_date", _("last day, when the visit took several days")),
            ("title", _("title of the report")),
            ("kind", _("kind of visit: kunjungan_kerja, studi_banding, studi_tiru, benchmarking, lainnya")),
            ("institution", _("visiting institution")),
            ("institution_type", _("type of institution: pemkab, pemkot, pemprov, kementerian, …")),
            ("province_code", _("Kemendagri code of the visitors' province")),
            ("province", _("the visitors' province")),
            ("topics", _("topics discussed")),
            ("villages", _("villages visited (code and name)")),
            ("url", _("address of the report")),
            ("published_at", _("when the report was published")),
            ("is_sample", _("1 for invented sample data")),
        ],
        downloads=lambda: [
            datasets.Download("CSV", reverse("visits:data-csv"), "csv"),
            datasets.Download("JSON", reverse("visits:data-json"), "json"),
        ],
        last_updated=lambda: Visit.objects.published().aggregate(latest=Max("updated_at"))["latest"],
        page_url=lambda: reverse("visits:list"),
        frequency="IRREG",
        themes=("GOVE",),
        keywords=("kunjungan kerja", "studi banding", "benchmarking", "studi tiru"),
        fields=[
            C("date", "date", _("first day of the visit")),
            C("end_date", "date", _("last day of the visit")),
            C("title", "string", _("title of the report"), constraints={"required": True}),
            C("kind", "string", _("kind of visit")),
            C("institution", "string", _("visiting institution")),
            C("institution_type", "string", _("type of institution")),
            C("province_code", "string", _("Kemendagri code of the visitors' province")),
            C("province", "string", _("the visitors' province")),
            C("topics", "string", _("topics discussed, separated by ;")),
            C("villages", "string", _("villages visited as code and name, separated by ;")),
            C("url", "string", _("address of the report"), format="uri"),
            C("published_at", "datetime", _("when the report was published (ISO 8601)"), format="any"),
            datasets.one_zero("is_sample", _("invented sample data")),
        ],
    )
)
