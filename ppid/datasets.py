"""PPID statistics in the open data catalogue (see portal.datasets)."""

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import datasets

from .models import InfoRequest

C = datasets.column
COUNTS = (
    ("permohonan", _("requests registered")),
    ("dikabulkan", _("requests granted")),
    ("dikabulkan_sebagian", _("requests partly granted")),
    ("ditolak", _("requests refused")),
    ("ditolak_dikecualikan", _("refused as exempt information (Pasal 17)")),
    ("ditolak_tidak_dikuasai", _("refused as not held")),
    ("ditarik", _("requests withdrawn")),
    ("dalam_proses", _("requests still open")),
    ("dijawab", _("requests answered")),
    ("dijawab_tepat_waktu", _("requests answered within the legal deadline")),
)

datasets.register_producer(
    datasets.Producer("ppid-utama", _("PPID Utama"), _("The regency's principal information officer."))
)

datasets.register(
    datasets.Dataset(
        key="ppid-statistik",
        title=_("Public information service statistics"),
        description=_(
            "Requests for public information per PPID unit and year, with their outcomes, answer times, "
            "objections and disputes. Figures only: no request text and no personal data."
        ),
        order=20,
        columns=[
            ("tahun", _("year of registration")),
            ("unit, slug_unit, jenis_unit, kode_desa", _("the PPID unit and, for a village, its code")),
            ("permohonan", _("requests registered")),
            ("dikabulkan, dikabulkan_sebagian, ditolak", _("answers by outcome")),
            (
                "ditolak_dikecualikan, ditolak_tidak_dikuasai",
                _("refusals: exempt under Pasal 17, or not held"),
            ),
            ("ditarik, dalam_proses, dijawab", _("withdrawn, still open, answered")),
            ("dijawab_tepat_waktu, persen_tepat_waktu", _("answers within the legal deadline")),
            ("median_hari_kerja", _("median working days to answer")),
            ("keberatan, sengketa", _("objections to the atasan and disputes at the Komisi Informasi")),
        ],
        downloads=lambda: [
            datasets.Download("CSV", reverse("ppid:statistics_csv"), "csv"),
            datasets.Download("JSON", reverse("ppid:statistics_json"), "json"),
        ],
        last_updated=lambda: InfoRequest.objects.aggregate(latest=Max("updated_at"))["latest"],
        page_url=lambda: reverse("ppid:statistics"),
        producer="ppid-utama",
        frequency="CONT",
        themes=("GOVE", "JUST"),
        keywords=("PPID", "keterbukaan informasi publik", "UU 14/2008", "permohonan informasi"),
        fields=[
            C("tahun", "integer", _("year of registration")),
            C("unit", "string", _("name of the PPID unit")),
            C("slug_unit", "string", _("short name of the unit")),
            C("jenis_unit", "string", _("kind of unit")),
            C("kode_desa", "string", _("Kemendagri code of the village, for a village unit")),
            *(C(name, "integer", description) for name, description in COUNTS),
            C("persen_tepat_waktu", "number", _("percentage answered within the legal deadline")),
            C("median_hari_kerja", "number", _("median working days to answer")),
            C("keberatan", "integer", _("objections to the atasan PPID")),
            C("sengketa", "integer", _("disputes at the Komisi Informasi")),
        ],
    )
)
