"""Published visits in the open data catalogue (see portal.datasets)."""

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import datasets

from .models import Visit

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
    )
)
