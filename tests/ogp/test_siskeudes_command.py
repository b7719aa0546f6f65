"""`manage.py import_siskeudes`: the preview, a dry run, confirming matches and a second run."""

import pytest
from django.core.management import CommandError, call_command

from ogp.models import Budget, BudgetVersion

from .siskeudes_exports import sedahkidul, sumberrejo, upload


@pytest.fixture
def export_file(tmp_path):
    def write(villages=None, **options):
        path = tmp_path / "siskeudes.zip"
        path.write_bytes(upload(villages, **options).getvalue())
        return str(path)

    return write


def _run(*args):
    from io import StringIO

    out = StringIO()
    call_command("import_siskeudes", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_dry_run_shows_the_preview_and_saves_nothing(export_file, english):
    output = _run(export_file(), "--dry-run", "--konfirmasi")
    assert "01.2001. DESA SEDAHKIDUL (KECAMATAN PURWOSARI) → Desa Sedahkidul, 2024" in output
    assert "  APBDes (original): created, 9 lines, Perdes 1 Tahun 2024 2024-01-15" in output
    assert "    akun 5: Rp1.330.000.000" in output
    assert "    bidang 05: Rp50.000.000" in output
    assert "  Semester I (30/06/2024): created, Rp695.000.000" in output
    assert output.rstrip().endswith("Dry run: nothing was saved.")
    assert not Budget.objects.filter(year=2024).exists()


@pytest.mark.django_db
def test_without_confirmation_nothing_is_imported(export_file, english):
    output = _run(export_file())
    assert "  [suggested match, to be confirmed]" in output
    assert "0 imported, 0 unchanged, 0 failed." in output
    assert not Budget.objects.filter(year=2024).exists()


@pytest.mark.django_db
def test_confirmed_import_then_a_second_run_changes_nothing(export_file, english):
    path = export_file()
    assert "2 imported, 0 unchanged, 0 failed." in _run(path, "--konfirmasi")
    assert BudgetVersion.objects.filter(budget__year=2024).count() == 3
    second = _run(path)
    assert "0 imported, 2 unchanged, 0 failed." in second
    assert "    akun 5: Rp1.330.000.000 (published Rp1.330.000.000, +0)" in second
    assert BudgetVersion.objects.filter(budget__year=2024).count() == 3


@pytest.mark.django_db
def test_one_village_of_a_consolidated_export(export_file):
    _run(export_file(), "--konfirmasi", "--desa", "02.2006.")
    assert list(Budget.objects.filter(year=2024).values_list("village_id", flat=True)) == ["35.22.12.2006"]


@pytest.mark.django_db
def test_a_refused_export_ends_with_an_error(export_file, english):
    path = export_file([sedahkidul(), sumberrejo()], replace={"Ta_RAB.csv": b"Tahun;Kd_Desa\r\n"})
    with pytest.raises(CommandError, match="The export was refused; nothing was saved."):
        _run(path, "--konfirmasi")
    assert not Budget.objects.filter(year=2024).exists()
