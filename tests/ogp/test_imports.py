"""Importing APBDes files: every problem with its row and column, all or nothing, idempotent."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook, load_workbook

from ogp import imports, services
from ogp.imports import COLUMN_NAMES, ImportFileError
from ogp.models import Budget, BudgetLine, BudgetSummary, BudgetVersion, RealisationLine, Status

from .conftest import ORIGINAL, REVISED, SEDAHKIDUL, SUMBERREJO, csv_upload, village

pytestmark = pytest.mark.django_db

GOOD = ORIGINAL[0]


def problems(rows, **kwargs):
    """The (row, column) pairs refused for a file, after checking nothing was written."""
    before = (Budget.objects.count(), BudgetVersion.objects.count(), BudgetLine.objects.count())
    with pytest.raises(ImportFileError, match=r"^\d+ problem\(s\) in the file$") as refused:
        services.import_budget(upload=csv_upload(rows, **kwargs.pop("csv", {})), year=2024, **kwargs)
    assert (Budget.objects.count(), BudgetVersion.objects.count(), BudgetLine.objects.count()) == before
    return [(error.row, error.column) for error in refused.value.errors], refused.value.errors


@pytest.mark.parametrize(
    ("row", "column"),
    [
        (("9.9.9.99", "", "Akun asing", "", "", 1000), "kode_rekening"),
        (("4.2.1", "", "Jenis, bukan obyek", "", "DDS", 1000), "kode_rekening"),
        (("5.2.1.02", "09.09.09", "Kegiatan asing", "", "ADD", 1000), "kode_kegiatan"),
        (("5.2.1.02", "", "Tanpa kegiatan", "", "ADD", 1000), "kode_kegiatan"),
        (("5.2.1.02", "01.01", "Sub-bidang, bukan kegiatan", "", "ADD", 1000), "kode_kegiatan"),
        (("4.2.1.01", "01.01.04", "Pendapatan berkegiatan", "", "DDS", 1000), "kode_kegiatan"),
        (("4.2.1.01", "", "Dana Desa dari sumber lain", "", "ADD", 1000), "sumber_dana"),
        (("5.2.1.02", "01.01.04", "Sumber tak dikenal", "", "XYZ", 1000), "sumber_dana"),
        (("5.2.1.02", "01.01.04", "Tanpa sumber", "", "", 1000), "sumber_dana"),
        (("5.2.1.02", "01.01.04", "Bukan angka", "", "ADD", "seribu"), "anggaran"),
        (("5.2.1.02", "01.01.04", "Negatif", "", "ADD", "-5000"), "anggaran"),
        (("5.2.1.02", "01.01.04", "Sen", "", "ADD", "1.000,50"), "anggaran"),
        (("5.2.1.02", "01.01.04", "Kosong", "", "ADD", ""), "anggaran"),
        (("5.2.1.02", "01.01.04", "", "", "ADD", 1000), "uraian"),
    ],
)
def test_each_kind_of_bad_row_is_reported_with_row_and_column(row, column):
    found, _errors = problems([GOOD, row], village=village())
    assert (3, column) in found  # the header is row 1, the good line row 2


def test_one_bad_row_means_nothing_from_the_file_is_saved():
    rows = [*ORIGINAL, ("5.2.1.02", "01.01.04", "Bukan angka", "", "ADD", "abc")]
    found, _errors = problems(rows, village=village())
    assert found == [(len(rows) + 1, "anggaran")]


def test_every_problem_of_the_file_is_listed_in_row_order():
    rows = [GOOD, ("9.9.9.99", "", "x", "", "", 1), GOOD, ("5.2.1.02", "01.01.04", "y", "", "", "z")]
    found, _errors = problems(rows, village=village())
    assert found == [(3, "kode_rekening"), (4, "uraian"), (5, "sumber_dana"), (5, "anggaran")]


def test_duplicate_lines_are_refused_and_point_to_the_first():
    found, errors = problems([GOOD, ORIGINAL[1], GOOD], village=village())
    assert found == [(4, "uraian")]
    assert "2" in errors[0].message


def test_messages_are_in_indonesian_when_the_language_is_indonesian():
    with translation.override("id"):
        _found, errors = problems([GOOD, ("9.9.9.99", "", "x", "", "", 1)], village=village())
        assert str(errors[0].message) == "Kode rekening 9.9.9.99 tidak dikenal."
        assert str(errors[0]).startswith("Baris 3, kolom kode_rekening:")
    with translation.override("en"):
        _found, errors = problems([GOOD, ("9.9.9.99", "", "x", "", "", 1)], village=village())
        assert str(errors[0].message) == "Unknown account code 9.9.9.99."


def test_missing_required_columns_are_reported_on_the_header_row():
    columns = [name for name in COLUMN_NAMES if name != "anggaran"]
    with pytest.raises(ImportFileError, match=r"^\d+ problem\(s\) in the file$") as refused:
        services.import_budget(upload=csv_upload([GOOD], columns=columns), year=2024, village=village())
    assert [(e.row, e.column) for e in refused.value.errors] == [(1, "anggaran")]


def test_row_for_another_year_is_refused():
    found, _errors = problems([GOOD], village=village(), csv={"year": 2023})
    assert found == [(2, "tahun")]


def test_file_for_several_villages_needs_known_village_codes():
    found, _errors = problems([GOOD], csv={"village": "35.22.99.2999"})
    assert found == [(2, "kode_desa")]


def test_village_outside_the_officers_scope_is_refused(officer_sedahkidul):
    found, errors = problems([GOOD], user=officer_sedahkidul, csv={"village": SUMBERREJO})
    assert found == [(2, "kode_desa")]
    assert "Sumberrejo" in str(errors[0].message)


def test_officer_imports_for_their_own_village(officer_sedahkidul):
    result = services.import_budget(
        upload=csv_upload(ORIGINAL, village=SEDAHKIDUL), year=2024, user=officer_sedahkidul
    )
    assert result.count("created") == 1
    version = BudgetVersion.objects.get(budget__village_id=SEDAHKIDUL, budget__year=2024)
    assert version.created_by == officer_sedahkidul
    assert version.lines.count() == len(ORIGINAL)


def test_the_same_file_twice_creates_no_duplicates():
    first = services.import_budget(upload=csv_upload(ORIGINAL), year=2024, village=village())
    second = services.import_budget(upload=csv_upload(ORIGINAL), year=2024, village=village())
    assert first.count("created") == 1
    assert second.count("unchanged") == 1
    assert BudgetVersion.objects.count() == 1
    assert BudgetLine.objects.count() == len(ORIGINAL)


def test_a_changed_file_replaces_the_draft_lines():
    services.import_budget(upload=csv_upload(ORIGINAL), year=2024, village=village())
    result = services.import_budget(upload=csv_upload(REVISED), year=2024, village=village())
    assert result.count("replaced") == 1
    assert BudgetVersion.objects.count() == 1
    assert BudgetLine.objects.count() == len(REVISED)


def test_the_same_file_after_publishing_changes_nothing(publish_budget):
    publish_budget()
    result = services.import_budget(upload=csv_upload(ORIGINAL), year=2024, village=village(), publish=True)
    assert result.count("unchanged") == 1
    assert BudgetVersion.objects.count() == 1


def test_a_published_year_takes_a_changed_file_only_as_a_new_version(publish_budget):
    original = publish_budget()
    found, errors = problems(REVISED, village=village())
    assert found == [(2, "tahun")]
    revised = publish_budget(REVISED, kind=BudgetVersion.Kind.PERUBAHAN, new_version=True)
    assert revised.number == original.number + 1
    assert BudgetVersion.objects.get(pk=original.pk).status == Status.PUBLISHED


def test_a_revision_without_a_published_original_is_refused():
    found, _errors = problems(ORIGINAL, village=village(), kind=BudgetVersion.Kind.PERUBAHAN)
    assert found == [(2, "tahun")]


def test_one_file_can_hold_several_villages():
    rows = csv_upload(ORIGINAL, village=SEDAHKIDUL).getvalue().decode()
    other = csv_upload(ORIGINAL, village=SUMBERREJO).getvalue().decode().split("\n", 1)[1]
    result = services.import_budget(upload=io.BytesIO((rows + other).encode()), year=2024)
    assert result.count("created") == 2
    assert set(Budget.objects.values_list("village_id", flat=True)) == {SEDAHKIDUL, SUMBERREJO}


def test_semicolons_indonesian_amounts_and_short_codes_are_understood():
    content = (
        "kode_rekening;kode_kegiatan;uraian;lokasi;sumber_dana;anggaran;nomor_perdes;tanggal_perdes\n"
        "4.2.1.1;;Dana Desa;;dds;Rp 800.000.000;2 Tahun 2024;10/01/2024\n"
        "5.2.1.2.;1.1.4;Alat listrik;Kantor Desa;ADD;4.000.000,00;2 Tahun 2024;10/01/2024\n"
        "4.2.5.01;;Bantuan keuangan kabupaten;;BKK;150000000;2 Tahun 2024;10/01/2024\n"
    )
    services.import_budget(
        upload=io.BytesIO(content.encode("cp1252")), year=2024, village=village(), publish=True
    )
    version = BudgetVersion.objects.get()
    assert version.perdes_date == datetime.date(2024, 1, 10)
    assert sorted(version.lines.values_list("account_id", "activity_id", "fund_source_id", "amount")) == [
        ("4.2.1.01", None, "DDS", 800_000_000),
        ("4.2.5.01", None, "PBK", 150_000_000),
        ("5.2.1.02", "01.01.04", "ADD", 4_000_000),
    ]


def test_an_xlsx_file_in_the_template_imports():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "APBDes"
    sheet.append(COLUMN_NAMES)
    for account, activity, description, location, source, amount in ORIGINAL:
        sheet.append(
            [
                SEDAHKIDUL,
                2024,
                account,
                activity,
                description,
                location,
                source,
                amount,
                None,
                "2 Tahun 2024",
                datetime.datetime(2024, 1, 10),
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    services.import_budget(upload=buffer, year=2024, publish=True)
    assert BudgetSummary.objects.get(village_id=SEDAHKIDUL).revenue == 1_250_000_000


def test_the_template_downloads_import_cleanly_after_editing_the_village():
    workbook = load_workbook(io.BytesIO(imports.template_xlsx()))
    assert workbook.sheetnames == ["APBDes", "Petunjuk", "Kode Rekening", "Kode Kegiatan", "Sumber Dana"]
    assert [cell.value for cell in workbook["APBDes"][1]] == COLUMN_NAMES
    codes = [row[0] for row in workbook["Kode Rekening"].iter_rows(min_row=2, values_only=True)]
    assert "5.2.1.02" in codes and "4.2.1" not in codes
    result = services.import_budget(upload=io.BytesIO(imports.template_csv().encode()), year=2024)
    assert result.count("created") == 1


def test_realisation_import_matches_lines_and_counts_missing_ones_as_zero(publish_budget):
    version = publish_budget()
    rows = ORIGINAL[:6]
    realised = [400_000_000, 200_000_000, 25_000_000, 18_000_000, 2_000_000, 300_000_000]
    result = services.import_realisation(
        upload=csv_upload(rows, realised=realised),
        year=2024,
        period="semester1",
        as_of=datetime.date(2024, 6, 30),
        village=village(),
        publish=True,
    )
    report = result.outcomes[0].report
    assert report.version == version
    assert RealisationLine.objects.filter(report=report).count() == len(ORIGINAL)
    assert report.revenue == 625_000_000
    assert report.spending == 320_000_000
    assert RealisationLine.objects.get(report=report, line__account_id="6.1.1.01").amount == 0


def test_realisation_rows_must_match_the_published_budget(publish_budget):
    publish_budget()
    rows = [ORIGINAL[0], ("5.2.1.02", "01.01.04", "Baris yang tidak ada", "", "ADD", "")]
    with pytest.raises(ImportFileError, match=r"^\d+ problem\(s\) in the file$") as refused:
        services.import_realisation(
            upload=csv_upload(rows, realised=[1, 2]),
            year=2024,
            period="semester1",
            as_of=datetime.date(2024, 6, 30),
            village=village(),
        )
    assert [(e.row, e.column) for e in refused.value.errors] == [(3, "kode_rekening")]
    changed = [("4.2.1.01", "", "Dana Desa", "", "DDS", 700_000_000)]
    with pytest.raises(ImportFileError, match=r"^\d+ problem\(s\) in the file$") as refused:
        services.import_realisation(
            upload=csv_upload(changed, realised=[1]),
            year=2024,
            period="semester1",
            as_of=datetime.date(2024, 6, 30),
            village=village(),
        )
    assert [(e.row, e.column) for e in refused.value.errors] == [(2, "anggaran")]


def test_realisation_without_a_published_budget_is_refused():
    with pytest.raises(ImportFileError, match=r"^\d+ problem\(s\) in the file$") as refused:
        services.import_realisation(
            upload=csv_upload([GOOD], realised=[1]),
            year=2024,
            period="akhir",
            as_of=datetime.date(2024, 12, 31),
            village=village(),
        )
    assert [(e.row, e.column) for e in refused.value.errors] == [(2, "kode_desa")]


def test_the_same_realisation_file_twice_changes_nothing(publish_budget, publish_report):
    publish_budget()
    realised = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    publish_report(ORIGINAL, realised)
    again = services.import_realisation(
        upload=csv_upload(ORIGINAL, realised=realised),
        year=2024,
        period="semester1",
        as_of=datetime.date(2024, 6, 30),
        village=village(),
        publish=True,
    )
    assert again.count("unchanged") == 1
    assert RealisationLine.objects.count() == len(ORIGINAL)


def write(folder, name, rows, **kwargs):
    path = folder / name
    path.write_bytes(csv_upload(rows, **kwargs).getvalue())
    return path


def test_command_imports_a_folder_of_village_files_with_progress(tmp_path, capsys):
    write(tmp_path, "35.22.18.2007.csv", ORIGINAL)
    write(tmp_path, "3522122006.csv", REVISED)
    call_command(
        "import_apbdes",
        str(tmp_path),
        "--tahun",
        "2024",
        "--perdes-nomor",
        "3 Tahun 2024",
        "--perdes-tanggal",
        "2024-01-12",
        "--terbitkan",
    )
    output = capsys.readouterr().out
    assert "[1/2] 35.22.18.2007.csv: 1 created (9 lines)" in output
    assert "[2/2] 3522122006.csv: 1 created (10 lines)" in output
    assert "2 of 2 files imported" in output
    assert BudgetSummary.objects.get(village_id=SUMBERREJO).spending == 1_192_000_000
    assert BudgetSummary.objects.get(village_id=SEDAHKIDUL).spending == 942_000_000


def test_command_reports_a_bad_file_and_keeps_the_good_ones(tmp_path, capsys):
    write(tmp_path, "35.22.18.2007.csv", ORIGINAL)
    write(tmp_path, "35.22.12.2006.csv", [GOOD, ("9.9.9.99", "", "x", "", "", 1)])
    with pytest.raises(CommandError, match=r"^1 file\(s\) refused"):
        call_command("import_apbdes", str(tmp_path), "--tahun", "2024")
    captured = capsys.readouterr()
    assert "kode_rekening" in captured.err
    assert set(Budget.objects.values_list("village_id", flat=True)) == {SEDAHKIDUL}


def test_command_imports_one_file_with_a_village_column(tmp_path):
    content = (
        csv_upload(ORIGINAL, village=SEDAHKIDUL).getvalue()
        + csv_upload(ORIGINAL, village=SUMBERREJO).getvalue().split(b"\n", 1)[1]
    )
    (tmp_path / "semua.csv").write_bytes(content)
    call_command("import_apbdes", str(tmp_path / "semua.csv"), "--tahun", "2024")
    assert BudgetVersion.objects.filter(status=Status.DRAFT).count() == 2


def test_a_draft_edited_by_hand_is_restored_by_importing_the_file_again():
    services.import_budget(upload=csv_upload(ORIGINAL), year=2024, village=village())
    line = BudgetLine.objects.select_related("version").get(account_id="5.2.1.02")
    line.amount = 1
    line.save()
    again = services.import_budget(upload=csv_upload(ORIGINAL), year=2024, village=village())
    assert again.count("replaced") == 1
    assert BudgetLine.objects.get(account_id="5.2.1.02").amount == 4_000_000
    assert BudgetLine.objects.count() == len(ORIGINAL)


def test_a_revision_over_an_unpublished_draft_is_refused():
    services.import_budget(upload=csv_upload(ORIGINAL), year=2024, village=village())
    found, _errors = problems(REVISED, village=village(), kind=BudgetVersion.Kind.PERUBAHAN)
    assert found == [(2, "tahun")]
    assert BudgetVersion.objects.get().kind == BudgetVersion.Kind.MURNI
