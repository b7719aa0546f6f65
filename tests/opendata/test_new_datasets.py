"""The KIM news, the public register and the DIP as datasets: what they hold, and what they never hold."""

import json

import pytest

from ppid.models import InfoRequest

pytestmark = pytest.mark.django_db


def _json(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return json.loads(response.content)


def test_the_register_file_holds_what_the_register_page_shows(client, published):
    row = _json(client, "/ppid/register.json")["permohonan"][0]
    info_request = InfoRequest.objects.get()
    assert row["nomor"] == info_request.number
    assert row["informasi_diminta"] == "Salinan APB Desa Sedahkidul tahun 2025"
    assert (row["diterima"], row["dijawab"], row["keputusan"]) == ("2025-06-02", "2025-06-05", "granted")
    assert row["terlambat"] is False and row["jumlah_keberatan"] == 0
    assert row["url"].endswith(info_request.get_absolute_url())


def test_the_register_files_hold_nothing_about_the_requester(client, published):
    info_request = InfoRequest.objects.get()
    secrets = ["Sri Wulandari", "3522185508900001", "Jalan Mawar", "081234567890", "sri@example.org", "Guru"]
    secrets.append(info_request.requester_initials)
    # The XLSX copy is written from the CSV answer.
    for url in ("/ppid/register.csv", "/ppid/register.json"):
        text = client.get(url).content.decode("utf-8")
        for secret in secrets:
            assert secret not in text, (url, secret)
    assert "pemohon" not in " ".join(_json(client, "/ppid/register.json")["kolom"])


def test_the_dip_file_lists_published_items_with_their_document(client, published):
    row = _json(client, "/ppid/dip.json")["informasi"][0]
    assert (row["judul"], row["kategori"], row["tahun"]) == ("APB Desa 2025", "berkala", 2025)
    assert row["dokumen"] == "https://desa.example/apbdes.pdf" and row["versi_dokumen"] == 1
    assert row["dari_opensid"] is False and row["diterbitkan"].endswith("+07:00")


def test_the_news_file_lists_published_posts(client, published):
    row = _json(client, "/kim/kabar/data.json")["kabar"][0]
    assert (row["judul"], row["kim"], row["nama_desa"]) == (
        "Papan informasi APBDes dipasang",
        "KIM Sendang Potro",
        "Sedahkidul",
    )
    assert row["diterbitkan"].endswith("+07:00")


@pytest.mark.parametrize("name", ["kim-kabar", "ppid-register", "ppid-dip"])
def test_each_new_dataset_is_in_dcat_and_ckan_with_three_formats(client, published, name):
    package = client.get(f"/api/3/action/package_show?id={name}").json()["result"]
    assert {r["format"] for r in package["resources"]} == {"CSV", "JSON", "XLSX"}
    assert f'"{name}"' in client.get("/data/catalog.jsonld").content.decode()
    schema = client.get(f"/data/{name}/datapackage.json").json()["resources"][0]["schema"]
    assert schema["fields"][0]["name"] in ("judul", "nomor", "id")
