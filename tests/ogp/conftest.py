"""Fixtures for the ogp tests: small, hand-computable budgets built through the services."""

import csv
import datetime
import io

import pytest
from django.utils import translation

from ogp import services
from ogp.imports import COLUMN_NAMES
from ogp.models import BudgetVersion, RealisationReport, Status
from portal.models import Village

SEDAHKIDUL = "35.22.18.2007"
SUMBERREJO = "35.22.12.2006"

# (kode_rekening, kode_kegiatan, uraian, lokasi, sumber_dana, anggaran)
ORIGINAL = [
    ("4.2.1.01", "", "Dana Desa", "", "DDS", 800_000_000),
    ("4.2.3.01", "", "Alokasi Dana Desa", "", "ADD", 400_000_000),
    ("4.1.2.01", "", "Sewa tanah kas desa", "", "PAD", 50_000_000),
    ("5.1.1.01", "01.01.01", "Penghasilan tetap Kepala Desa", "", "ADD", 36_000_000),
    ("5.2.1.02", "01.01.04", "Belanja alat listrik", "Kantor Desa", "ADD", 4_000_000),
    ("5.3.5.03", "02.03.10", "Rabat beton jalan desa", "Dusun Krajan RT 01", "DDS", 900_000_000),
    ("5.2.1.08", "02.06.02", "Baliho APBDes", "Depan Kantor Desa", "ADD", 2_000_000),
    ("6.1.1.01", "", "SiLPA 2023", "", "", 30_000_000),
    ("6.2.2.01", "", "Penyertaan modal BUMDes", "", "", 20_000_000),
]
# Worked by hand: revenue 1.250.000.000; spending 942.000.000; surplus 308.000.000;
# net financing 30.000.000 − 20.000.000 = 10.000.000; SiLPA 318.000.000.
ORIGINAL_TOTALS = {
    "revenue": 1_250_000_000,
    "spending": 942_000_000,
    "surplus": 308_000_000,
    "net_financing": 10_000_000,
    "silpa": 318_000_000,
}

# The revision: the road gets Rp100.000.000 more, and a new drainage line is added.
REVISED = [
    *ORIGINAL[:5],
    ("5.3.5.03", "02.03.10", "Rabat beton jalan desa", "Dusun Krajan RT 01", "DDS", 1_000_000_000),
    ORIGINAL[6],
    ("5.3.7.03", "02.03.14", "Saluran drainase", "Dusun Kidul RT 03", "DDS", 150_000_000),
    *ORIGINAL[7:],
]
# Revised spending: 942.000.000 + 100.000.000 + 150.000.000 = 1.192.000.000.
REVISION_NOTE = "Rabat beton jalan Dusun Krajan ditambah Rp100.000.000; saluran drainase Dusun Kidul baru."


def csv_upload(rows, *, village=None, year=None, columns=COLUMN_NAMES, realised=None, executors=None):
    """A CSV file in the template from (account, kegiatan, uraian, lokasi, sumber, anggaran) tuples."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for index, (account, activity, description, location, source, amount) in enumerate(rows):
        values = {
            "kode_desa": village or "",
            "tahun": year or "",
            "kode_rekening": account,
            "kode_kegiatan": activity,
            "uraian": description,
            "lokasi": location,
            "sumber_dana": source,
            "anggaran": amount,
            "realisasi": "" if realised is None else realised[index],
            "nomor_perdes": "",
            "tanggal_perdes": "",
            "pelaksana": (executors or {}).get(index, ""),
        }
        writer.writerow([values.get(column, "") for column in columns])
    return io.BytesIO(buffer.getvalue().encode("utf-8"))


@pytest.fixture
def english():
    """Messages in English, so a test can name the message it expects."""
    with translation.override("en"):
        yield


def village(code=SEDAHKIDUL):
    return Village.objects.get(code=code)


def publish_budget_version(
    rows=ORIGINAL,
    *,
    code=SEDAHKIDUL,
    year=2024,
    kind=BudgetVersion.Kind.MURNI,
    new_version=False,
    perdes_number="2 Tahun 2024",
    perdes_date=datetime.date(2024, 1, 10),
    note=None,
):
    if note is None:
        note = REVISION_NOTE if kind == BudgetVersion.Kind.PERUBAHAN else ""
    result = services.import_budget(
        upload=csv_upload(rows),
        year=year,
        village=village(code),
        kind=kind,
        new_version=new_version,
        perdes_number=perdes_number,
        perdes_date=perdes_date.replace(year=year) if perdes_date else None,
        publish=True,
        note=note,
    )
    return BudgetVersion.objects.get(pk=result.outcomes[0].version.pk)


@pytest.fixture
def publish_budget(db):
    """Import and publish a budget version for a village-year; returns the version."""
    return publish_budget_version


def publish_realisation_report(
    rows, realised, *, code=SEDAHKIDUL, year=2024, period=RealisationReport.Period.SEMESTER_1
):
    as_of = (
        datetime.date(year, 6, 30)
        if period == RealisationReport.Period.SEMESTER_1
        else datetime.date(year, 12, 31)
    )
    result = services.import_realisation(
        upload=csv_upload(rows, realised=realised),
        year=year,
        period=period,
        as_of=as_of,
        village=village(code),
        publish=True,
    )
    report = result.outcomes[0].report
    assert report.status == Status.PUBLISHED
    return report


@pytest.fixture
def publish_report(db):
    """Import and publish a realisation report on the version in force; returns the report."""
    return publish_realisation_report
