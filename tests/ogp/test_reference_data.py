"""The Permendagri 20/2018 reference data ships with every deployment and only grows by 90–99."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ogp.models import Account, Activity, FundSource

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
    assert not Account.objects.filter(is_national=True, number__gte=90).exists()


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
    activity = Activity(code="02.03.90", name="Pembangunan embung desa")
    activity.full_clean()
    activity.save()
    assert activity.parent_id == "02.03"
