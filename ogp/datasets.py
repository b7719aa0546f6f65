"""Village budgets in the open data catalogue, with the JSON API (see portal.datasets)."""

from django.db.models import Max, Min
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import datasets
from portal.models import Village

from .models import BudgetSummary, BudgetVersion


def _yearly(label_urls):
    """Downloads for every year with a published budget, newest first (one query)."""
    return [
        datasets.Download(f"{fmt.upper()} {year}", url(year), fmt, year=year)
        for year in BudgetSummary.objects.years()
        for fmt, url in label_urls
    ]


def _line_downloads():
    return _yearly(
        [
            ("csv", lambda year: reverse("ogp:year_lines", args=[year])),
            ("json", lambda year: reverse("ogp:year_lines_json", args=[year])),
        ]
    )


def _summary_downloads():
    return _yearly(
        [
            ("csv", lambda year: reverse("ogp:year_summary", kwargs={"year": year, "fmt": "csv"})),
            ("json", lambda year: reverse("ogp:year_summary", kwargs={"year": year, "fmt": "json"})),
        ]
    )


def _first_published():
    """The first publication of each year's budgets: ``{year: datetime}`` (one query)."""
    versions = BudgetVersion.objects.published().filter(budget__village__kind=Village.Kind.DESA)
    return dict(versions.values_list("budget__year").annotate(first=Min("published_at")).order_by())


def _last_published():
    return BudgetSummary.objects.published().aggregate(latest=Max("last_published_at"))["latest"]


LINE_COLUMN_NOTES = [
    ("kode_desa, nama_desa", _("the village (Kemendagri code and name)")),
    ("tahun", _("fiscal year")),
    ("versi, jenis_versi", _("number of the version in force and its kind: murni or perubahan")),
    ("kode_rekening, nama_rekening", _("account at obyek level, e.g. 4.2.1.01 Dana Desa")),
    ("kode_kegiatan, nama_kegiatan", _("activity for spending lines, e.g. 02.03.10")),
    ("uraian, lokasi", _("description and location of the line")),
    ("sumber_dana", _("source of funds: DDS, ADD, PBH, PAD, PBK, PBP, …")),
    ("anggaran", _("budget in Rupiah")),
    ("realisasi", _("realisation in Rupiah from the latest published report; empty without one")),
    ("data_contoh", _("true for invented sample data")),
]
SUMMARY_COLUMN_NOTES = [
    ("kode_desa, nama_desa, kode_kecamatan, nama_kecamatan", _("the village and its kecamatan")),
    ("tahun, versi_berlaku, jenis_versi, jumlah_versi", _("fiscal year and the version in force")),
    ("pendapatan, belanja, surplus_defisit", _("revenue, spending and their difference (Rupiah)")),
    (
        "penerimaan_pembiayaan, pengeluaran_pembiayaan, pembiayaan_netto, silpa",
        _("financing and the year's SiLPA (Rupiah)"),
    ),
    ("dana_desa, alokasi_dana_desa", _("Dana Desa and ADD received (Rupiah)")),
    (
        "laporan_realisasi, realisasi_pendapatan, realisasi_belanja, persen_realisasi_pendapatan, "
        "persen_realisasi_belanja",
        _("the latest realisation report and its rates"),
    ),
    ("data_contoh, diterbitkan", _("sample data flag (true/false) and time of publication (+07:00)")),
]

C = datasets.column
VILLAGE_FIELDS = [
    C("kode_desa", "string", _("Kemendagri code of the village"), constraints={"required": True}),
    C("nama_desa", "string", _("name of the village")),
]
LINE_FIELDS = [
    *VILLAGE_FIELDS,
    C("tahun", "integer", _("fiscal year")),
    C("versi", "integer", _("number of the version in force")),
    C("jenis_versi", "string", _("kind of version"), constraints={"enum": ["murni", "perubahan"]}),
    C("kode_rekening", "string", _("account code (Permendagri 20/2018)")),
    C("nama_rekening", "string", _("account name")),
    C("kode_kegiatan", "string", _("activity code for spending lines")),
    C("nama_kegiatan", "string", _("activity name")),
    C("uraian", "string", _("description of the line")),
    C("lokasi", "string", _("location of the line")),
    C("sumber_dana", "string", _("source of funds")),
    C("anggaran", "integer", _("budget in Rupiah")),
    C("realisasi", "integer", _("realisation in Rupiah; empty without a report")),
    datasets.boolean("data_contoh", _("invented sample data")),
]
SUMMARY_FIELDS = [
    *VILLAGE_FIELDS,
    C("kode_kecamatan", "string", _("Kemendagri code of the kecamatan")),
    C("nama_kecamatan", "string", _("name of the kecamatan")),
    C("tahun", "integer", _("fiscal year")),
    C("versi_berlaku", "integer", _("number of the version in force")),
    C("jenis_versi", "string", _("kind of version"), constraints={"enum": ["murni", "perubahan"]}),
    C("jumlah_versi", "integer", _("number of published versions")),
    *(
        C(name, "integer", _("amount in Rupiah"))
        for name in (
            "pendapatan",
            "belanja",
            "surplus_defisit",
            "penerimaan_pembiayaan",
            "pengeluaran_pembiayaan",
            "pembiayaan_netto",
            "silpa",
            "dana_desa",
            "alokasi_dana_desa",
        )
    ),
    C("laporan_realisasi", "string", _("period of the latest realisation report")),
    C("realisasi_pendapatan", "integer", _("revenue realised in Rupiah")),
    C("realisasi_belanja", "integer", _("spending realised in Rupiah")),
    C("persen_realisasi_pendapatan", "number", _("revenue realisation rate in percent")),
    C("persen_realisasi_belanja", "number", _("spending realisation rate in percent")),
    datasets.boolean("data_contoh", _("invented sample data")),
    C("diterbitkan", "datetime", _("time of publication (ISO 8601)"), format="any"),
]
KEYWORDS = ("APBDes", "anggaran desa", "keuangan desa", "Dana Desa")

API = [
    datasets.ApiEndpoint("/apbdes/api/", _("the list of endpoints"), "/apbdes/api/"),
    datasets.ApiEndpoint(
        "/apbdes/api/ringkasan/?tahun=&kecamatan=&desa=",
        _("one summary per village and year, paginated (page, page_size up to 500)"),
        "/apbdes/api/ringkasan/?tahun=2025&kecamatan=35.22.18",
    ),
    datasets.ApiEndpoint(
        "/apbdes/api/versi/?tahun=&kecamatan=&desa=",
        _("every published version with its Perdes and totals, paginated"),
        "/apbdes/api/versi/?tahun=2025&desa=35.22.18.2007",
    ),
    datasets.ApiEndpoint(
        "/apbdes/api/versi/<id>/",
        _("one version with all its lines, totals and latest realisation"),
        "/apbdes/api/versi/1/",
    ),
]

datasets.register_producer(
    datasets.Producer(
        "pemerintah-desa",
        _("Village governments"),
        _("Each village government publishes its own APBDes; the portal gathers them."),
    )
)
datasets.register(
    datasets.Dataset(
        key="apbdes-baris",
        title=_("APBDes lines per year"),
        description=_(
            "Every line of every village's budget in force for a year, in the Permendagri 20/2018 chart of "
            "accounts, with the realisation of the latest published report. The CSV can be imported back."
        ),
        order=10,
        columns=LINE_COLUMN_NOTES,
        downloads=_line_downloads,
        last_updated=_last_published,
        issued=_first_published,
        page_url=lambda: reverse("ogp:apbdes"),
        api=API,
        producer="pemerintah-desa",
        frequency="ANNUAL",
        themes=("GOVE", "ECON"),
        keywords=KEYWORDS,
        fields=LINE_FIELDS,
    )
)
datasets.register(
    datasets.Dataset(
        key="apbdes-ringkasan",
        title=_("Village budget summaries per year"),
        description=_(
            "One row per village and year: revenue, spending, surplus or deficit, financing, SiLPA, Dana Desa, "
            "ADD and realisation rates of the budget in force."
        ),
        order=11,
        columns=SUMMARY_COLUMN_NOTES,
        downloads=_summary_downloads,
        last_updated=_last_published,
        issued=_first_published,
        page_url=lambda: reverse("ogp:apbdes"),
        producer="pemerintah-desa",
        frequency="ANNUAL",
        themes=("GOVE", "ECON"),
        keywords=KEYWORDS,
        fields=SUMMARY_FIELDS,
    )
)
