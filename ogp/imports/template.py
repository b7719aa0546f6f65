"""The import template handed out in the back office, as CSV and as a workbook with code lists."""

import csv
import io

from django.utils.translation import gettext_lazy as _

from ..models import Account, Activity, FundSource
from .columns import COLUMN_NAMES, COLUMNS

TEMPLATE_EXAMPLES = [
    [
        "35.22.18.2007",
        "2024",
        "4.2.1.01",
        "",
        "Dana Desa",
        "",
        "DDS",
        "950000000",
        "",
        "3 Tahun 2024",
        "2024-01-15",
        "",
    ],
    [
        "35.22.18.2007",
        "2024",
        "4.2.3.01",
        "",
        "Alokasi Dana Desa",
        "",
        "ADD",
        "520000000",
        "",
        "3 Tahun 2024",
        "2024-01-15",
        "",
    ],
    [
        "35.22.18.2007",
        "2024",
        "5.2.1.02",
        "01.01.04",
        "Belanja alat listrik kantor desa",
        "Kantor Desa",
        "ADD",
        "4500000",
        "",
        "3 Tahun 2024",
        "2024-01-15",
        "",
    ],
    [
        "35.22.18.2007",
        "2024",
        "5.3.4.02",
        "02.03.15",
        "Upah tenaga kerja rehabilitasi balai desa",
        "Balai Desa",
        "DDS",
        "24000000",
        "",
        "3 Tahun 2024",
        "2024-01-15",
        "TPK Desa Sedahkidul",
    ],
    [
        "35.22.18.2007",
        "2024",
        "5.3.5.03",
        "02.03.10",
        "Bahan baku pengerasan jalan desa 300 m",
        "Dusun Krajan RT 02",
        "DDS",
        "185000000",
        "",
        "3 Tahun 2024",
        "2024-01-15",
        "TPK Desa Sedahkidul",
    ],
    [
        "35.22.18.2007",
        "2024",
        "6.1.1.01",
        "",
        "SiLPA tahun 2023",
        "",
        "",
        "35000000",
        "",
        "3 Tahun 2024",
        "2024-01-15",
        "",
    ],
]


def template_csv():
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    writer.writerows(TEMPLATE_EXAMPLES)
    return "\ufeff" + buffer.getvalue()


def template_xlsx():
    """The template as a workbook: the APBDes sheet, the column guide and the code lists."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "APBDes"
    sheet.append(COLUMN_NAMES)
    for example in TEMPLATE_EXAMPLES:
        sheet.append([int(v) if v.isdigit() and len(v) > 4 else v for v in example])
    guide = workbook.create_sheet("Petunjuk")
    guide.append([str(_("Column")), str(_("What to write"))])
    for column in COLUMNS:
        guide.append([column.name, str(column.help)])
    accounts = workbook.create_sheet("Kode Rekening")
    accounts.append(["kode_rekening", "nama", "sumber_dana"])
    for code, name, source in Account.objects.filter(level=Account.Level.OBYEK).values_list(
        "code", "name", "fund_source_id"
    ):
        accounts.append([code, name, source or ""])
    activities = workbook.create_sheet("Kode Kegiatan")
    activities.append(["kode_kegiatan", "nama"])
    for code, name in Activity.objects.filter(level=Activity.Level.KEGIATAN).values_list("code", "name"):
        activities.append([code, name])
    sources = workbook.create_sheet("Sumber Dana")
    sources.append(["sumber_dana", "kode_lain", "nama"])
    for source in FundSource.objects.all():
        sources.append([source.code, source.alternative_codes, source.name])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
