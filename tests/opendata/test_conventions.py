"""A renamed column keeps its old name for one release, announced with Deprecation and Sunset."""

import datetime

import pytest
from django.conf import settings

from portal.opendata import conventions

pytestmark = pytest.mark.django_db

NEXT_YEAR = datetime.date.today() + datetime.timedelta(days=365)
LAST_YEAR = datetime.date.today() - datetime.timedelta(days=365)


def test_old_names_are_added_beside_the_new_during_the_release_of_grace(monkeypatch):
    monkeypatch.setattr(conventions, "RENAMED", [("kunjungan", "date", "tanggal", NEXT_YEAR)])
    row = conventions.with_old_names({"tanggal": "2017-09-19", "judul": "Studi tiru"}, "kunjungan")
    assert row == {"tanggal": "2017-09-19", "judul": "Studi tiru", "date": "2017-09-19"}


def test_old_names_are_gone_after_the_sunset(monkeypatch):
    monkeypatch.setattr(conventions, "RENAMED", [("kunjungan", "date", "tanggal", LAST_YEAR)])
    assert conventions.with_old_names({"tanggal": "2017-09-19"}, "kunjungan") == {"tanggal": "2017-09-19"}


def test_a_dataset_with_renamed_columns_answers_with_deprecation_headers(client, published, monkeypatch):
    monkeypatch.setattr(conventions, "RENAMED", [("kunjungan", "date", "tanggal", NEXT_YEAR)])
    response = client.get("/kunjungan/data.json")
    assert response["Deprecation"] == "true"
    assert response["Sunset"].endswith("GMT")
    assert 'rel="deprecation"' in response["Link"]
    assert "Deprecation" in response["Access-Control-Expose-Headers"]
    assert "Deprecation" not in client.get("/kim/data.json")


def test_without_renames_nothing_is_deprecated(client, published, monkeypatch):
    monkeypatch.setattr(conventions, "RENAMED", [])
    assert "Deprecation" not in client.get("/kunjungan/data.json")


def test_the_renamed_columns_keep_their_old_names_for_one_release(client, published):
    response = client.get("/kunjungan/data.json")
    row = response.json()["visits"][0]
    assert row["judul"] == row["title"] == "Studi tiru keterbukaan informasi"
    assert row["desa"] == row["villages"]
    assert response["Deprecation"] == "true"
    kim = client.get("/kim/data.json").json()["kim"][0]
    assert kim["nama"] == kim["name"] == "KIM Sendang Potro"


def test_the_old_csv_header_is_given_on_request_during_the_release_of_grace(client, published):
    new = client.get("/kunjungan/data.csv").content.decode("utf-8-sig").splitlines()[0]
    old = client.get("/kunjungan/data.csv?kolom=lama").content.decode("utf-8-sig").splitlines()[0]
    assert new.startswith("tanggal,tanggal_selesai,judul,jenis,instansi")
    assert old.startswith("date,end_date,title,kind,institution")


def test_every_rename_is_in_the_changelog():
    changelog = (settings.BASE_DIR / "CHANGELOG.md").read_text()
    for dataset, old, new, _sunset in conventions.RENAMED:
        assert f"`{old}` → `{new}`" in changelog, (dataset, old)
