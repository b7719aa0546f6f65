"""Public pages and downloads of village budgets: content, agreement between page and files,
bad query strings, and query counts that do not grow with the data."""

import csv
import io
import json
import re

import pytest
from django.urls import reverse

from ogp.models import BudgetVersion
from portal.models import Village

from .conftest import ORIGINAL, REVISED, SEDAHKIDUL, SUMBERREJO

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
REALISED = [
    400_000_000,
    200_000_000,
    25_000_000,
    18_000_000,
    2_000_000,
    300_000_000,
    2_000_000,
    30_000_000,
    0,
]


def page(client, url, **extra):
    """The page in English, at its /en/ address."""
    response = client.get("/en" + url, **{**EN, **extra})
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def village_url(code=SEDAHKIDUL, year=2024, suffix="/"):
    return f"/apbdes/{year}/{code}{suffix}"


def csv_rows(response):
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode(
        "utf-8-sig"
    )
    return list(csv.DictReader(io.StringIO(text)))


# --- The village page ------------------------------------------------------------


def test_village_page_shows_the_headline_figures_and_activities(client, publish_budget):
    publish_budget()
    html = page(client, village_url())
    assert "APBDes 2024 Desa Sedahkidul" in html
    for figure in ("Rp1.250.000.000", "Rp942.000.000", "Rp308.000.000", "Rp10.000.000", "Rp318.000.000"):
        assert figure in html
    assert "Rabat beton jalan desa" in html and "Dusun Krajan RT 01" in html
    assert 'id="bidang-02"' in html
    assert "Sample data." not in html
    assert 'id="penilaian"' in html


def test_unpublished_or_unknown_budgets_are_not_found(client):
    from ogp import services

    services.import_budget(
        upload=io.BytesIO(b"kode_rekening,uraian,anggaran,sumber_dana\n4.2.1.01,Dana Desa,1,DDS\n"),
        year=2024,
        village=Village.objects.get(code=SEDAHKIDUL),
    )
    assert client.get(village_url()).status_code == 404
    assert client.get(village_url(SUMBERREJO)).status_code == 404
    assert client.get("/apbdes/1999/35.22.18.2007/").status_code == 404


def test_a_citizen_can_switch_between_original_and_revised(client, publish_budget):
    publish_budget()
    publish_budget(REVISED, kind=BudgetVersion.Kind.PERUBAHAN, new_version=True)
    current = page(client, village_url())
    assert "Rp1.192.000.000" in current
    assert "Original and revised budget" in current
    assert "Rp250.000.000" in current  # 1.192.000.000 − 942.000.000 spending
    assert "Saluran drainase" in current
    original = page(client, village_url() + "?versi=1")
    assert "no longer in force" in original
    assert "Saluran drainase" not in original.split("Original and revised budget")[0]
    assert "Rp942.000.000" in original


@pytest.mark.parametrize("query", ["?versi=7", "?versi=abc", "?versi=1&laporan=akhir", "?laporan=zz"])
def test_bad_version_or_report_in_the_query_string_is_not_found(client, publish_budget, query):
    publish_budget()
    assert client.get(village_url() + query).status_code == 404


def test_realisation_percentages_are_shown_against_the_budget(client, publish_budget, publish_report):
    publish_budget()
    publish_report(ORIGINAL, REALISED)
    html = page(client, village_url())
    assert "Rp625.000.000" in html  # realised revenue
    assert "50.0%" in html  # 625.000.000 / 1.250.000.000
    assert "34.2%" in html  # 322.000.000 / 942.000.000 = 34.18%, rounded half up
    indonesian = client.get(village_url(), HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert "34,2%" in indonesian and "Realisasi" in indonesian


def test_csv_and_json_totals_equal_the_page_for_each_version(client, publish_budget, publish_report):
    publish_budget()
    publish_report(ORIGINAL, REALISED)
    publish_budget(REVISED, kind=BudgetVersion.Kind.PERUBAHAN, new_version=True)
    for number, spending in ((1, 942_000_000), (2, 1_192_000_000)):
        html = page(client, village_url() + f"?versi={number}")
        assert f"Rp{spending:,}".replace(",", ".") in html
        rows = csv_rows(client.get(village_url(suffix=".csv") + f"?versi={number}"))
        assert {row["versi"] for row in rows} == {str(number)}
        assert sum(int(row["anggaran"]) for row in rows if row["kode_rekening"].startswith("5")) == spending
        assert (
            sum(int(row["anggaran"]) for row in rows if row["kode_rekening"].startswith("4")) == 1_250_000_000
        )
        data = json.loads(client.get(village_url(suffix=".json") + f"?versi={number}").content)
        assert data["anggaran"]["belanja"] == spending
        assert (
            sum(line["anggaran"] for line in data["baris"] if line["kode_rekening"].startswith("5"))
            == spending
        )
        assert len(data["semua_versi"]) == 2
    version_one = json.loads(client.get(village_url(suffix=".json") + "?versi=1").content)
    assert version_one["realisasi"]["belanja"] == 322_000_000
    assert version_one["persen_realisasi"]["belanja"] == 34.18


def lines_of(count):
    rows = [("4.2.1.01", "", "Dana Desa", "", "DDS", 10_000_000 * count)]
    rows += [
        ("5.2.1.02", "01.01.04", f"Belanja {n}", f"RT {n:02d}", "ADD", 1_000_000) for n in range(count - 1)
    ]
    return rows


@pytest.mark.parametrize("count", [2, 12])
def test_village_page_query_count_does_not_grow_with_lines(
    client, publish_budget, publish_report, count, django_assert_max_num_queries
):
    publish_budget(lines_of(count))
    publish_report(lines_of(count), [1] * count)
    # Rendered: the page's queries and the data versions its cached part is kept under.
    with django_assert_max_num_queries(11):
        page(client, village_url())
    # Served from the part cache: neither the lines nor the names are read again.
    with django_assert_max_num_queries(6):
        page(client, village_url())


# --- The regency page ------------------------------------------------------------------


def test_regency_page_shows_compliance_totals_and_the_missing_villages(client, publish_budget):
    publish_budget()
    publish_budget(REVISED, code=SUMBERREJO)
    html = page(client, "/apbdes/2024/")
    assert "2 of 419 desa have published their APBDes 2024" in html
    purwosari_villages = Village.objects.desa().filter(district_id="35.22.18").count()
    assert re.search(rf'<td class="num"[^>]*>{purwosari_villages}</td>\s*<td class="num"[^>]*>1</td>', html)
    missing = (
        Village.objects.desa()
        .filter(district_id="35.22.18")
        .exclude(code=SEDAHKIDUL)
        .order_by("name")
        .first()
    )
    assert f'<a href="/en/wilayah/{missing.code}/">{missing.label}</a>' in html
    assert "Rp1.600.000.000" in html  # Dana Desa: 800.000.000 × 2
    assert "Rp2.134.000.000" in html  # spending: 942.000.000 + 1.192.000.000
    assert "/apbdes/2024/35.22.18.2007/" in html


def test_index_shows_the_latest_year(client, publish_budget):
    publish_budget(year=2023)
    publish_budget(year=2024)
    html = page(client, "/apbdes/")
    assert "Village budgets (APBDes) 2024" in html
    assert 'href="/en/apbdes/2023/"' in html


def test_the_village_table_sorts_by_query_parameter(client, publish_budget):
    publish_budget()
    publish_budget(REVISED, code=SUMBERREJO)
    descending = page(client, "/apbdes/2024/?urut=belanja&arah=desc")
    assert descending.index(">Sumberrejo</a>") < descending.index(">Sedahkidul</a>")
    ascending = page(client, "/apbdes/2024/?urut=belanja&arah=asc")
    assert ascending.index(">Sedahkidul</a>") < ascending.index(">Sumberrejo</a>")
    assert 'aria-sort="ascending"' in ascending


@pytest.mark.parametrize(
    "query", ["?urut=nope&arah=sideways", "?kecamatan=99.99.99", "?kecamatan=<script>", "?urut="]
)
def test_bad_filters_give_the_normal_page(client, publish_budget, query):
    publish_budget()
    assert ">Sedahkidul</a>" in page(client, "/apbdes/2024/" + query)


def test_filtering_by_kecamatan_shows_only_its_villages(client, publish_budget):
    publish_budget()
    publish_budget(REVISED, code=SUMBERREJO)
    html = page(client, "/apbdes/2024/?kecamatan=35.22.18")
    assert ">Sedahkidul</a>" in html and ">Sumberrejo</a>" not in html


def test_years_outside_the_range_are_not_found(client):
    assert client.get("/apbdes/1999/").status_code == 404
    assert client.get("/apbdes/2999/").status_code == 404


@pytest.mark.parametrize("villages", [2, 12])
def test_regency_page_query_count_does_not_grow_with_villages(
    client, publish_budget, villages, django_assert_max_num_queries
):
    for code in Village.objects.desa().order_by("code").values_list("code", flat=True)[:villages]:
        publish_budget(code=code)
    # Rendered: the page's queries and the data version its cached part is kept under.
    with django_assert_max_num_queries(7):
        html = page(client, "/apbdes/2024/")
    assert f"{villages} of 419 desa" in html
    # Served from the part cache: no summary is read again.
    with django_assert_max_num_queries(3):
        assert page(client, "/apbdes/2024/") == html


# --- Open data -----------------------------------------------------------------------


def test_bulk_csv_has_every_line_of_every_version_in_force(client, publish_budget, publish_report):
    publish_budget()
    publish_report(ORIGINAL, REALISED)
    publish_budget(REVISED, code=SUMBERREJO)
    response = client.get("/apbdes/2024/baris.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    assert len(rows) == len(ORIGINAL) + len(REVISED)
    assert (
        sum(int(r["anggaran"]) for r in rows if r["kode_rekening"][0] == "5") == 942_000_000 + 1_192_000_000
    )
    sedahkidul = [r for r in rows if r["kode_desa"] == SEDAHKIDUL]
    assert sum(int(r["realisasi"]) for r in sedahkidul if r["kode_rekening"][0] == "5") == 322_000_000
    assert {r["realisasi"] for r in rows if r["kode_desa"] == SUMBERREJO} == {""}


def test_bulk_json_has_the_same_lines_as_the_csv(client, publish_budget, publish_report):
    publish_budget()
    publish_report(ORIGINAL, REALISED)
    publish_budget(REVISED, code=SUMBERREJO)
    rows = csv_rows(client.get("/apbdes/2024/baris.csv"))
    response = client.get("/apbdes/2024/baris.json")
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(b"".join(response.streaming_content))
    assert data["tahun"] == 2024 and data["kolom"][0] == "kode_desa"
    assert len(data["baris"]) == len(rows)
    assert sum(line["anggaran"] for line in data["baris"]) == sum(int(r["anggaran"]) for r in rows)
    assert {line["realisasi"] for line in data["baris"] if line["kode_desa"] == SUMBERREJO} == {None}
    assert all(isinstance(line["data_contoh"], bool) for line in data["baris"])
    assert client.get("/apbdes/2023/baris.json").status_code == 404


def test_year_summary_as_csv_and_json(client, publish_budget):
    publish_budget()
    publish_budget(REVISED, code=SUMBERREJO)
    rows = csv_rows(client.get("/apbdes/2024/ringkasan.csv"))
    assert {r["kode_desa"]: int(r["belanja"]) for r in rows} == {
        SEDAHKIDUL: 942_000_000,
        SUMBERREJO: 1_192_000_000,
    }
    data = json.loads(client.get("/apbdes/2024/ringkasan.json").content)
    assert data["jumlah"] == 2
    assert {d["kode_desa"]: d["silpa"] for d in data["desa"]}[SEDAHKIDUL] == 318_000_000
    assert client.get("/apbdes/2023/ringkasan.json").status_code == 404
    assert client.get("/apbdes/2023/baris.csv").status_code == 404


def test_api_lists_summaries_with_pagination(client, publish_budget):
    publish_budget()
    publish_budget(REVISED, code=SUMBERREJO)
    first = json.loads(client.get("/apbdes/api/ringkasan/?tahun=2024&page_size=1").content)
    assert first["jumlah"] == 2 and first["jumlah_halaman"] == 2
    assert len(first["hasil"]) == 1 and first["berikutnya"].endswith("page=2")
    second = json.loads(client.get(first["berikutnya"]).content)
    assert {first["hasil"][0]["kode_desa"], second["hasil"][0]["kode_desa"]} == {SEDAHKIDUL, SUMBERREJO}
    filtered = json.loads(client.get("/apbdes/api/ringkasan/?kecamatan=35.22.18").content)
    assert [item["kode_desa"] for item in filtered["hasil"]] == [SEDAHKIDUL]


@pytest.mark.parametrize(
    ("query", "status"),
    [("?page=abc", 400), ("?page=9", 404), ("?tahun=dua", 400), ("?page_size=0", 400), ("?desa=35.22", 400)],
)
def test_api_refuses_bad_parameters_with_a_message(client, publish_budget, query, status):
    publish_budget()
    response = client.get("/apbdes/api/ringkasan/" + query)
    assert response.status_code == status
    assert "galat" in json.loads(response.content)


def test_api_versions_and_one_version_with_its_lines(client, publish_budget):
    publish_budget()
    revised = publish_budget(REVISED, kind=BudgetVersion.Kind.PERUBAHAN, new_version=True)
    listing = json.loads(client.get("/apbdes/api/versi/?desa=35.22.18.2007").content)
    assert [(item["versi"], item["belanja"]) for item in listing["hasil"]] == [
        (1, 942_000_000),
        (2, 1_192_000_000),
    ]
    detail = json.loads(client.get(reverse("ogp:api_version", args=[revised.pk])).content)
    assert len(detail["baris"]) == len(REVISED)
    assert detail["anggaran"]["silpa"] == 1_250_000_000 - 1_192_000_000 + 10_000_000
    assert client.get(reverse("ogp:api_version", args=[999999])).status_code == 404


def test_api_index_describes_the_endpoints(client):
    data = json.loads(client.get("/apbdes/api/").content)
    assert data["ringkasan"].endswith("/apbdes/api/ringkasan/")
    assert data["versi"].endswith("/apbdes/api/versi/")


def test_sample_budgets_are_labelled_as_samples(client, publish_budget):
    from ogp import demo

    demo.load_budgets(io.StringIO(), villages=list(Village.objects.filter(code=SUMBERREJO)), years=[2024])
    assert "Sample data." in page(client, village_url(SUMBERREJO))
    assert "Sample data." in page(client, "/apbdes/2024/")
    assert {row["data_contoh"] for row in csv_rows(client.get(village_url(SUMBERREJO, suffix=".csv")))} == {
        "true"
    }
    assert json.loads(client.get(village_url(SUMBERREJO, suffix=".json")).content)["data_contoh"] is True
    publish_budget()
    by_village = {
        row["kode_desa"]: row["data_contoh"] for row in csv_rows(client.get("/apbdes/2024/baris.csv"))
    }
    assert by_village == {SUMBERREJO: "true", SEDAHKIDUL: "false"}


def test_downloads_defuse_spreadsheet_formulas_and_import_again(client, publish_budget):
    from ogp import services

    rows = [*ORIGINAL[:3], ("5.2.1.02", "01.01.04", '=HYPERLINK("http://x")', "-RT 01", "ADD", 1_000)]
    publish_budget(rows)
    downloaded = client.get(village_url(suffix=".csv"))
    line = next(row for row in csv_rows(downloaded) if row["kode_rekening"] == "5.2.1.02")
    assert line["uraian"] == '\'=HYPERLINK("http://x")' and line["lokasi"] == "'-RT 01"
    bulk = next(
        row for row in csv_rows(client.get("/apbdes/2024/baris.csv")) if row["kode_rekening"] == "5.2.1.02"
    )
    assert bulk["uraian"].startswith("'=")
    # The downloaded file imports back to the very same lines: nothing changes.
    result = services.import_budget(
        upload=io.BytesIO(downloaded.content), year=2024, village=Village.objects.get(code=SEDAHKIDUL)
    )
    assert result.count("unchanged") == 1
