"""The columns of the APBDes template, the header spellings accepted for them and the error types."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    name: str
    help: str
    example: str = ""


COLUMNS = [
    Column(
        "kode_desa",
        _(
            "Kemendagri code of the village, e.g. 35.22.18.2007. Required when the file holds several villages."
        ),
        "35.22.18.2007",
    ),
    Column(
        "tahun", _("Fiscal year, e.g. 2024. Optional; when given it must be the year being imported."), "2024"
    ),
    Column(
        "kode_rekening",
        _("Account code at obyek level, e.g. 5.2.1.02 (as in Siskeudes). Required."),
        "5.2.1.02",
    ),
    Column(
        "kode_kegiatan",
        _("Kegiatan code, e.g. 01.01.04. Required for spending (5.x), empty for revenue and financing."),
        "01.01.04",
    ),
    Column("uraian", _("Description of the line. Required."), "Belanja alat listrik kantor desa"),
    Column("lokasi", _("Location of the activity (dusun, RT/RW). Optional."), "Dusun Krajan"),
    Column(
        "sumber_dana",
        _("Source of funds code (DDS, ADD, PBH, PAD, PBK/BKK, PBP/BKP, DLL, SILPA). Required for spending."),
        "DDS",
    ),
    Column(
        "anggaran", _("Budget in whole Rupiah, e.g. 1250000 or 1.250.000. Required for a budget."), "1250000"
    ),
    Column("realisasi", _("Realised amount in whole Rupiah. Required for a realisation report."), ""),
    Column(
        "nomor_perdes",
        _("Number of the Perdes setting this budget, e.g. 3 Tahun 2024. Optional."),
        "3 Tahun 2024",
    ),
    Column(
        "tanggal_perdes", _("Date of that Perdes, e.g. 2024-01-15 or 15/01/2024. Optional."), "2024-01-15"
    ),
    Column(
        "pelaksana",
        _("Who carries out the activity (pelaksana kegiatan or TPK) of a spending line. Optional."),
        "TPK Desa Sedahkidul",
    ),
]
COLUMN_NAMES = [column.name for column in COLUMNS]

# Header spellings seen in exports, mapped to the template's names.
HEADER_ALIASES = {
    "kd_desa": "kode_desa",
    "kode_rek": "kode_rekening",
    "kd_rek": "kode_rekening",
    "rekening": "kode_rekening",
    "kd_keg": "kode_kegiatan",
    "kegiatan": "kode_kegiatan",
    "sumber": "sumber_dana",
    "sumberdana": "sumber_dana",
    "nilai": "anggaran",
    "jumlah": "anggaran",
    "pagu": "anggaran",
}


@dataclass(frozen=True)
class RowError:
    """One problem: the spreadsheet row (1 is the header), the column and a message."""

    row: int
    column: str
    message: str

    def __str__(self):
        return _("Row %(row)s, column %(column)s: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ImportFileError(Exception):
    """The file was refused; nothing was saved. `errors` lists every problem found."""

    def __init__(self, errors, *, truncated=False):
        self.errors = sorted(errors, key=lambda e: (e.row, COLUMN_ORDER.get(e.column, 99)))
        self.truncated = truncated
        super().__init__(f"{len(self.errors)} problem(s) in the file")


COLUMN_ORDER = {name: index for index, name in enumerate(COLUMN_NAMES)}
