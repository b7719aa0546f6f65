"""Moving onto the Lampiran codes re-labels lines of published versions and never changes an amount."""

import importlib

import pytest
from django.apps import apps as django_apps

from ogp.models import Account, Activity

from .conftest import ORIGINAL

pytestmark = pytest.mark.django_db
MIGRATION = importlib.import_module("ogp.migrations.0004_national_codes")

# Rows of the chart the portal shipped before, as (code, name); the test database starts with the new chart.
OLD_ACCOUNTS = [
    ("4.1.4.02", "Lain-lain Pendapatan Asli Desa"),
    ("5.2.6.02", "Belanja Pemeliharaan Gedung dan Prasarana"),
    ("5.2.6.07", "Belanja Pemeliharaan Kendaraan"),
    ("5.2.5.07", "Belanja Jasa Perbankan"),
    ("5.3.5.01", "Belanja Modal Jalan/Prasarana Jalan"),
]
OLD_ACTIVITIES = [
    ("02.03.07", "Pembangunan/Rehabilitasi/Peningkatan/Pengerasan Jalan Desa"),
    ("02.03.10", "Pembangunan/Rehabilitasi/Peningkatan/Pengerasan Jembatan Milik Desa"),
    ("02.04.07", "Fasilitasi Pembangunan Rumah Tidak Layak Huni"),
]
# (old account, old kegiatan, description, amount) → expected (account, kegiatan) afterwards
LINES = [
    ("4.1.4.02", None, "Pungutan lain", 7_000_000, ("4.1.4.90", None)),
    ("5.2.6.02", "01.02.02", "Cat kantor desa", 3_000_000, ("5.2.6.04", "01.02.02")),
    ("5.2.6.07", "01.01.04", "Servis sepeda motor", 1_500_000, ("5.2.6.02", "01.01.04")),
    ("5.2.5.07", "01.01.04", "Biaya administrasi bank", 600_000, ("5.2.5.91", "01.01.04")),
    ("5.3.5.01", "02.03.07", "Rabat beton jalan lama", 150_000_000, ("5.3.5.90", "02.03.10")),
    ("5.3.5.01", "02.03.10", "Jembatan Dusun Krajan", 90_000_000, ("5.3.5.90", "02.03.13")),
    ("5.2.7.01", "02.04.07", "Bedah rumah", 40_000_000, ("5.2.7.01", "02.04.01")),
]


def _old_chart():
    """Put back the rows of the chart as it was before the Lampiran codes, plus a regency's own 4.1.2.90."""
    for model, rows in ((Account, OLD_ACCOUNTS), (Activity, OLD_ACTIVITIES)):
        for code, name in rows:
            model(code=code, name=name, is_national=True).save()
    Account.objects.filter(code="4.1.4.90").delete()
    Account.objects.filter(code="4.1.2.90").update(name="Sewa gedung serbaguna", is_national=False)


def test_lines_of_a_published_version_move_to_the_lampiran_codes_with_their_amounts(publish_budget):
    _old_chart()
    rows = [*ORIGINAL]
    for account, activity, description, amount, _ in LINES:
        source = "PAD" if account.startswith("4") else "DDS"
        rows.append((account, activity or "", description, "", source, amount))
    rows.append(("4.1.2.90", "", "Sewa gedung", "", "PAD", 5_000_000))
    version = publish_budget(rows)
    before = dict(version.lines.values_list("description", "amount"))
    MIGRATION.forwards(django_apps, None)
    _check_lines(django_apps, version.pk)
    _check_chart(django_apps)
    assert dict(version.lines.values_list("description", "amount")) == before


def test_the_move_changes_nothing_on_the_new_chart(publish_budget):
    version = publish_budget()
    lines = list(version.lines.values_list("account_id", "activity_id", "amount"))
    names = list(Account.objects.values_list("code", "name", "is_national"))
    MIGRATION.forwards(django_apps, None)
    assert list(version.lines.values_list("account_id", "activity_id", "amount")) == lines
    assert list(Account.objects.values_list("code", "name", "is_national")) == names


def _check_lines(apps, version_pk):
    lines = apps.get_model("ogp", "BudgetLine").objects.filter(version_id=version_pk)
    moved = {line.description: (line.account_id, line.activity_id, line.amount) for line in lines}
    for _account, _activity, description, amount, (account, activity) in LINES:
        assert moved[description] == (account, activity, amount)
    # The regency's own 4.1.2.90 made way for the Lampiran's "Lain-lain" and kept its line.
    assert moved["Sewa gedung"] == ("4.1.2.91", None, 5_000_000)
    assert apps.get_model("ogp", "BudgetVersion").objects.get(pk=version_pk).status == "published"


def _check_chart(apps):
    Account = apps.get_model("ogp", "Account")
    Activity = apps.get_model("ogp", "Activity")
    assert Account.objects.get(code="4.1.2.91").name == "Sewa gedung serbaguna"
    assert Account.objects.get(code="4.1.2.90").is_national
    assert Account.objects.get(code="5.2.5.91").name == "Belanja Jasa Perbankan"
    assert not Account.objects.get(code="5.2.5.91").is_national
    assert Account.objects.get(code="5.2.6.02").name == "Belanja Pemeliharaan Kendaraan Bermotor"
    assert not Account.objects.filter(code="4.1.4.02").exists()
    assert Activity.objects.get(code="02.03.07").name.startswith("Pemeliharaan Pemakaman")
