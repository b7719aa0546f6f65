"""PPID statistics in the open data catalogue (see portal.datasets)."""

from django.db.models import Max, Min
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import datasets

from .models import DipItem, InfoRequest

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
            (
                "dijawab_terlambat, terbuka_terlambat, terlambat",
                _("answered after the deadline; still open past it at the end of the year (or today); both"),
            ),
            ("keberatan_dikabulkan", _("objections the atasan upheld (dikabulkan)")),
            ("kewajiban_terlambat", _("obligations from upheld objections fulfilled late or overdue")),
        ],
        downloads=lambda: [
            datasets.Download("CSV", reverse("ppid:statistics_csv"), "csv"),
            datasets.Download("JSON", reverse("ppid:statistics_json"), "json"),
        ],
        last_updated=lambda: InfoRequest.objects.aggregate(latest=Max("updated_at"))["latest"],
        issued=lambda: InfoRequest.objects.aggregate(first=Min("registered_at"))["first"],
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
            C("dijawab_terlambat", "integer", _("requests answered after their deadline")),
            C(
                "terbuka_terlambat",
                "integer",
                _("requests still open past their deadline at the end of the year"),
            ),
            C("terlambat", "integer", _("late requests: answered late or still open past the deadline")),
            C("keberatan_dikabulkan", "integer", _("objections the atasan upheld (dikabulkan)")),
            C(
                "kewajiban_terlambat",
                "integer",
                _("obligations from upheld objections fulfilled late or overdue"),
            ),
        ],
    )
)

B = datasets.boolean
REGISTER_FIELDS = [
    C("nomor", "string", _("registration number"), constraints={"required": True}),
    C("tahun", "integer", _("year of registration")),
    C("unit", "string", _("name of the PPID unit")),
    C("slug_unit", "string", _("short name of the unit")),
    C("kode_desa", "string", _("Kemendagri code of the village, for a village unit")),
    C("informasi_diminta", "string", _("the information requested, as the register shows it")),
    C("saluran", "string", _("how the request came in: online, desk, post, email, phone")),
    C("diterima", "date", _("date received")),
    C("tenggat", "date", _("due date in force")),
    C("perpanjangan_hari_kerja", "integer", _("extension in working days (0 without one)")),
    C(
        "status",
        "string",
        _("status: registered, in_process, extended, granted, partly_granted, refused, withdrawn"),
    ),
    C("keputusan", "string", _("decision of the written notice: granted, partly_granted or refused")),
    C("dijawab", "date", _("date answered")),
    B("terlambat", _("answered after the due date, or still open past it")),
    C("jumlah_keberatan", "integer", _("objections filed against the answer")),
    C("url", "string", _("address of the register entry"), format="uri"),
    B("data_contoh", _("invented sample data")),
]
DIP_FIELDS = [
    C("id", "integer", _("number of the item in the portal"), constraints={"required": True}),
    C("judul", "string", _("title of the information")),
    C("ringkasan", "string", _("summary of contents")),
    C(
        "kategori",
        "string",
        _("category under UU 14/2008"),
        constraints={"enum": ["berkala", "serta_merta", "setiap_saat", "dikecualikan"]},
    ),
    C("tahun", "integer", _("year of the information")),
    C("unit", "string", _("name of the PPID unit")),
    C("slug_unit", "string", _("short name of the unit")),
    C("kode_desa", "string", _("Kemendagri code of the village, for a village unit")),
    C("pejabat_penguasa", "string", _("official who holds the information")),
    C("penanggung_jawab", "string", _("person responsible for it")),
    C("tanggal_dibuat", "date", _("date produced")),
    C("tempat_dibuat", "string", _("place produced")),
    B("softcopy", _("available as softcopy")),
    B("hardcopy", _("available as hardcopy")),
    C("jangka_waktu_simpan", "string", _("retention period")),
    C("pasal_pengecualian", "string", _("letter of Pasal 17 for exempt information")),
    C("dikecualikan_sampai", "date", _("end of the exemption")),
    C("dokumen", "string", _("address of the newest document version; empty when exempt or on request")),
    C("versi_dokumen", "integer", _("number of the newest document version")),
    B("dari_opensid", _("taken in from the village's OpenSID site")),
    C("url", "string", _("address of the item's page"), format="uri"),
    C("diterbitkan", "datetime", _("time of publication (ISO 8601)"), format="any"),
    B("data_contoh", _("invented sample data")),
]


def _notes(fields):
    return [(field["name"], field["description"]) for field in fields]


datasets.register(
    datasets.Dataset(
        key="ppid-register",
        title=_("Public register of information requests"),
        description=_(
            "Every request in the public register with its unit, the information asked for, dates, status, "
            "decision and objections. Nothing about the requesters is included, not even their initials."
        ),
        order=21,
        columns=_notes(REGISTER_FIELDS),
        downloads=lambda: [
            datasets.Download("CSV", reverse("ppid:register_csv"), "csv"),
            datasets.Download("JSON", reverse("ppid:register_json"), "json"),
        ],
        # Over every row, so that leaving the register or being withdrawn counts as a change too.
        last_updated=lambda: InfoRequest.objects.aggregate(latest=Max("updated_at"))["latest"],
        issued=lambda: InfoRequest.objects.public_register().aggregate(first=Min("registered_at"))["first"],
        page_url=lambda: reverse("ppid:register"),
        producer="ppid-utama",
        frequency="CONT",
        themes=("GOVE", "JUST"),
        keywords=("PPID", "register permohonan", "permohonan informasi", "UU 14/2008"),
        fields=REGISTER_FIELDS,
    )
)
datasets.register(
    datasets.Dataset(
        key="ppid-dip",
        title=_("List of public information (DIP)"),
        description=_(
            "The Daftar Informasi Publik of every PPID unit: each published item with its category, year, "
            "holder, formats, retention and the address of its document; exempt items with their Pasal 17 "
            "letter and the end of the exemption."
        ),
        order=22,
        columns=_notes(DIP_FIELDS),
        downloads=lambda: [
            datasets.Download("CSV", reverse("ppid:dip_csv"), "csv"),
            datasets.Download("JSON", reverse("ppid:dip_json"), "json"),
        ],
        last_updated=lambda: DipItem.objects.aggregate(latest=Max("updated_at"))["latest"],
        issued=lambda: DipItem.objects.published().aggregate(first=Min("published_at"))["first"],
        page_url=lambda: reverse("ppid:dip"),
        producer="ppid-utama",
        frequency="CONT",
        themes=("GOVE",),
        keywords=("PPID", "Daftar Informasi Publik", "DIP", "informasi berkala"),
        fields=DIP_FIELDS,
    )
)
