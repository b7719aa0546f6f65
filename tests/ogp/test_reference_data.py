"""The Permendagri 20/2018 reference data ships with every deployment and only grows by 90–99."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ogp import reference_data, services
from ogp.models import Account, Activity, BudgetLine, FundSource

from .conftest import ORIGINAL, csv_upload, village

pytestmark = pytest.mark.django_db


def test_chart_of_accounts_and_classification_are_loaded_by_migration():
    assert Account.objects.get(code="4").name == "PENDAPATAN"
    assert Account.objects.get(code="4.2.1.01").fund_source_id == "DDS"
    assert Account.objects.get(code="4.2.3").fund_source_id == "ADD"
    assert Account.objects.get(code="6.1.1").parent_id == "6.1"
    assert set(Account.objects.filter(level=1).values_list("code", flat=True)) == {"4", "5", "6"}
    assert Account.objects.filter(level=2, code__startswith="5").count() == 4
    assert Activity.objects.get(code="02.06.02").name.startswith("Penyelenggaraan Informasi Publik Desa")
    assert Activity.objects.filter(level=1).count() == 5
    # The Lampiran's own "lain-lain" lines sit at 90; 91–99 are left to the regency.
    assert set(Account.objects.filter(is_national=True, number__gte=90).values_list("number", flat=True)) == {
        90
    }


def test_sources_of_funds_accept_their_other_codes():
    assert FundSource.objects.get(code="PBK").all_codes() == ["PBK", "BKK"]
    assert FundSource.objects.get(code="PBP").all_codes() == ["PBP", "BKP"]
    assert {"DDS", "ADD", "PBH", "PAD", "DLL", "SILPA"} <= set(
        FundSource.objects.values_list("code", flat=True)
    )


@pytest.mark.parametrize("code", ["4.1.4.05", "4.1.4", "4.1.9.90", "5.2.1.100", "7.1.1.90"])
def test_the_regency_cannot_add_accounts_outside_obyek_90_to_99(code):
    with pytest.raises(ValidationError) as refused:
        Account(code=code, name="Tambahan").full_clean()
    assert "code" in refused.value.message_dict


def test_a_regional_obyek_takes_its_parent_and_source():
    account = Account(code="4.2.5.91", name="Bantuan keuangan khusus desa wisata")
    account.full_clean()
    account.save()
    assert (account.parent_id, account.level, account.number, account.fund_source_id) == (
        "4.2.5",
        4,
        91,
        "PBK",
    )


def test_the_database_refuses_a_regional_row_outside_90_to_99():
    with pytest.raises(IntegrityError, match="ogp_account_regional_obyek_90_99"), transaction.atomic():
        Account.objects.create(code="4.1.4.07", name="Tidak boleh")
    with pytest.raises(IntegrityError, match="ogp_activity_regional_kegiatan_90_99"), transaction.atomic():
        Activity.objects.create(code="02.03.40", name="Tidak boleh")


def test_a_regional_kegiatan_numbered_90_to_99_is_accepted():
    activity = Activity(code="02.03.91", name="Pembangunan embung desa")
    activity.full_clean()
    activity.save()
    assert activity.parent_id == "02.03"


@pytest.mark.parametrize(("model", "file"), [(Account, "accounts.csv"), (Activity, "activities.csv")])
def test_the_loaded_chart_is_the_data_file_row_by_row(model, file):
    rows = reference_data.rows(file)
    loaded = list(model.objects.filter(is_national=True).order_by("code").values_list("code", "name"))
    assert loaded == sorted((row["code"], row["name"]) for row in rows)
    assert all(
        row["source"].startswith(("Permendagri 20/2018 Lampiran", "Siskeudes Ref_Kegiatan")) for row in rows
    )


def test_every_row_of_the_data_files_hangs_under_a_row_of_the_file():
    for file in ("accounts.csv", "activities.csv"):
        codes = [row["code"] for row in reference_data.rows(file)]
        assert len(codes) == len(set(codes)), file
        assert all(code.rpartition(".")[0] in codes for code in codes if "." in code), file


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("5.3.4.02", "Belanja Modal Upah Tenaga Kerja"),
        ("5.3.5.03", "Belanja Modal Bahan Baku"),
        ("5.2.6.02", "Belanja Pemeliharaan Kendaraan Bermotor"),
        ("5.2.7.05", "Belanja Bantuan Bibit Tanaman/Hewan/Ikan"),
        ("4.1.4.90", "Lain-lain"),
        ("6.1.9.90", "Penerimaan Pembiayaan Lainnya"),
    ],
)
def test_obyek_follow_the_lampiran(code, name):
    assert Account.objects.get(code=code).name == name


@pytest.mark.parametrize(
    ("code", "start"),
    [
        ("02.03.07", "Pemeliharaan Pemakaman Milik Desa"),
        ("02.03.10", "Pembangunan/Rehabilitasi/Peningkatan/Pengerasan Jalan Desa"),
        ("02.03.20", "Pembangunan/Rehabilitasi/Peningkatan Monumen"),
        ("02.04.01", "Dukungan pelaksanaan program Pembangunan/Rehab Rumah Tidak Layak Huni"),
        ("02.04.17", "Pembangunan/Rehabilitasi/Peningkatan Taman"),
    ],
)
def test_kegiatan_follow_the_lampiran(code, start):
    assert Activity.objects.get(code=code).name.startswith(start)


def test_a_siskeudes_line_for_wages_on_a_building_imports():
    rows = [*ORIGINAL, ("5.3.4.02.", "02.03.15.", "Upah Tenaga Kerja", "Balai Desa", "DDS", 24_000_000)]
    services.import_budget(upload=csv_upload(rows), year=2024, village=village(), publish=False)
    line = BudgetLine.objects.get(description="Upah Tenaga Kerja")
    assert (line.account_id, line.activity_id, line.amount) == ("5.3.4.02", "02.03.15", 24_000_000)
