"""Reading a Siskeudes zip: separators, encodings, quoted newlines, headers and limits."""

import datetime
import io
import zipfile

import pytest

from ogp.services.siskeudes_import import preview_siskeudes
from ogp.siskeudes import open_export, parse_amount, parse_date, reading

from .siskeudes_exports import sedahkidul, sumberrejo, upload

RINCI_HEADER = "Tahun;Kd_Desa;Kd_Keg;Kd_Rincian;No_Urut;SumberDana;Uraian;Anggaran;AnggaranStlhPAK"


def _problems(export):
    return [(p.file, p.column, p.row, str(p.message), p.blocking) for p in export.problems]


def test_dates_are_read_month_first_with_or_without_time():
    assert parse_date("08/20/2024 10:30:00") == datetime.date(2024, 8, 20)
    assert parse_date("01/05/24 00:00:00") == datetime.date(2024, 1, 5)
    assert parse_date("2024-03-01") == datetime.date(2024, 3, 1)
    assert parse_date("31/12/2024") is None
    assert parse_date("") is None


def test_amounts_are_whole_rupiah():
    assert parse_amount("1500000") == 1_500_000
    assert parse_amount("1500000.00") == 1_500_000
    assert parse_amount("1500000,50") == 1_500_001
    assert parse_amount("") == 0
    assert parse_amount("satu juta") is None


@pytest.mark.django_db
def test_semicolons_quoted_newlines_and_windows_1252_are_read(english):
    village = sumberrejo()
    village.items[1] = (
        "01.01.01.",
        "5.1.1.01.",
        "ADD",
        "Penghasilan tetap;\r\nKepala Desa “Pak Lurah” – Rp50 juta",
        50_000_000,
        50_000_000,
    )
    _read, plan = preview_siskeudes(upload([village], delimiter=";", encoding="cp1252"), confirm={"02.2006."})
    (item,) = plan.items
    assert item.problems == []
    descriptions = [row.description for row in item.versions[0].rows]
    assert "Penghasilan tetap; Kepala Desa “Pak Lurah” – Rp50 juta" in descriptions
    assert [row[2] for row in item.versions[0].by_akun()] == [900_000_000, 850_000_000, 0, 0]


@pytest.mark.django_db
def test_utf8_with_a_byte_order_mark_is_read():
    content = (
        RINCI_HEADER + "\r\n2024;02.2006.;02.2006.00.00.00.;4.2.1.01.;1;DDS;Dana Désa;900000000;900000000\r\n"
    )
    export = open_export(
        upload([sumberrejo()], replace={"Ta_RABRinci.csv": b"\xef\xbb\xbf" + content.encode()})
    )
    assert export.problems == []
    assert export.rows("Ta_RABRinci")[0][1]["Uraian"] == "Dana Désa"


@pytest.mark.django_db
def test_a_wrong_header_is_reported_by_file_and_column(english):
    wrong = (RINCI_HEADER.replace("Anggaran;", "Angaran;") + "\r\n").encode()
    read, plan = preview_siskeudes(upload(replace={"Ta_RABRinci.csv": wrong}))
    assert _problems(read.export) == [
        ("Ta_RABRinci.csv", "Angaran", 1, "Unknown column; it is not read.", False),
        ("Ta_RABRinci.csv", "Anggaran", 1, "The column is missing.", True),
    ]
    assert plan.items == [] and plan.importable() == []
    assert str(read.export.problems[1]) == "Ta_RABRinci.csv row 1, column Anggaran: The column is missing."


@pytest.mark.django_db
def test_missing_files_and_a_lone_receipt_table_are_reported(english):
    export = open_export(upload(replace={"Ref_Desa.csv": None, "Ta_TBPRinci.csv": None}))
    assert [(p.file, str(p.message)) for p in export.problems] == [
        ("Ref_Desa.csv", "The file is missing from the zip."),
        ("Ta_TBPRinci.csv", "The file is missing; receipts and payments need both their tables."),
    ]


@pytest.mark.django_db
def test_a_row_with_the_wrong_number_of_fields_is_reported(english):
    content = (RINCI_HEADER + "\r\n2024;02.2006.;02.2006.00.00.00.;4.2.1.01.;1;DDS\r\n").encode()
    export = open_export(upload([sumberrejo()], replace={"Ta_RABRinci.csv": content}))
    assert _problems(export) == [("Ta_RABRinci.csv", "", 2, "The row has 6 fields; the header has 9.", True)]


def test_a_file_that_is_not_a_zip_is_reported(english):
    export = open_export(io.BytesIO(b"Tahun,Kd_Desa\n2024,01.2001.\n"))
    assert _problems(export) == [("zip", "", 0, "This is not a zip file of Siskeudes tables.", True)]


def test_a_highly_compressed_member_is_not_unpacked(english, monkeypatch):
    monkeypatch.setattr(reading, "MAX_RATIO", 10)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Ta_RAB.csv", "Tahun" + "," * 3_000_000)
    export = open_export(buffer)
    assert (
        "Ta_RAB.csv",
        "",
        0,
        "The file is too large or too highly compressed to be read safely.",
        True,
    ) in (_problems(export))


def test_too_many_members_and_oversized_uploads_are_refused(english, monkeypatch):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(4):
            archive.writestr(f"extra{number}.csv", "x")
    monkeypatch.setattr(reading, "MAX_MEMBERS", 3)
    assert _problems(open_export(buffer)) == [("zip", "", 0, "The zip holds more than 3 files.", True)]
    monkeypatch.setattr(reading, "MAX_UPLOAD_BYTES", 10)
    assert _problems(open_export(buffer))[0][3] == "The upload is larger than 0 MB."


@pytest.mark.django_db
def test_tables_in_a_folder_of_the_zip_are_not_read(english):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../Ta_RAB.csv", "Tahun\n")
    problems = _problems(open_export(buffer))
    assert ("Ta_RAB.csv", "", 0, "The file is missing from the zip.", True) in problems


@pytest.mark.django_db
def test_an_unreadable_date_and_amount_are_reported(english):
    village = sedahkidul()
    village.perdes = ("1 Tahun 2024", "15/01/2024")
    village.receipts.append(("kemarin", "00.00.00.", "4.2.1.01.", 1))
    _read, plan = preview_siskeudes(upload([village]), confirm={"01.2001."})
    problems = [str(problem) for problem in plan.items[0].problems]
    assert "Ta_Desa.csv row 2, column Tgl_Perdes: “15/01/2024” is not a date (MM/DD/YYYY)." in problems
    assert "Ta_TBP.csv row 5, column Tgl_Bukti: “kemarin” is not a date (MM/DD/YYYY)." in problems
