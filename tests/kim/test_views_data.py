"""Public KIM pages beyond the directory and news: coverage, the forum, open
data, sitemaps and the panels on the region pages."""

import csv
import io
import json

import pytest
from django.urls import reverse

from kim.models import (
    BoardMember,
    BoardRole,
    Forum,
    ForumBoardMember,
    Post,
)
from kim.sitemaps import KimSitemap, PostSitemap
from portal import charts
from portal.models import Village
from tests.conftest import SEDAHKIDUL
from tests.kim.conftest import PEJAMBON, PELEM, TLATAH

pytestmark = pytest.mark.django_db

# --- Coverage -------------------------------------------------------------------


def test_coverage_counts_villages_with_an_active_kim(client, registry, make_kim):
    # Purwosari has 12 villages: Sedahkidul and Tlatah have active KIMs, Pelem's KIM is inactive.
    # A second active KIM in Sedahkidul does not count that village twice.
    make_kim("KIM Kedua Sedahkidul", SEDAHKIDUL)
    response = client.get(reverse("kim:coverage"))
    assert response.status_code == 200
    report = response.context["report"]
    purwosari = next(a for a in report.districts if a.code == "35.22.18")
    sumberejo = next(a for a in report.districts if a.code == "35.22.12")
    assert (purwosari.villages, purwosari.covered, purwosari.kims) == (12, 2, 3)
    assert purwosari.share == 16.7  # 2 / 12 = 16.67 %
    assert (sumberejo.villages, sumberejo.covered) == (26, 0)
    assert (report.total.villages, report.total.covered, report.total.kims) == (430, 2, 3)
    assert report.total.share == 0.5  # 2 / 430 = 0.47 %
    assert len(report.districts) == 28
    uncovered = {v.code for v in purwosari.uncovered}
    assert PELEM in uncovered and SEDAHKIDUL not in uncovered and TLATAH not in uncovered
    assert len(uncovered) == 10
    html = response.content.decode()
    assert "16,7%" in html  # 2 of 12, in Indonesian notation
    assert "0,5%" in html  # 2 of 430
    assert "<svg" in html and "<table" in html


def test_coverage_chart_scales_to_full_coverage(client, registry):
    chart = client.get(reverse("kim:coverage")).context["chart"]
    purwosari = next(bar for bar in chart.bars if bar.label == "Purwosari")
    # 2 of 12 villages; the plot (the drawing less the value column) is 100%.
    plot = charts.WIDTH - charts.VALUE_SPACE
    assert plot > 200
    assert purwosari.width == round(plot * 16.7 / 100, 1)
    assert chart.bars[0].label == "Purwosari"


# --- Forum ----------------------------------------------------------------------


def test_forum_page_shows_the_board_and_where_members_come_from(en, registry):
    forum = Forum.objects.create(name="Forum KIM Kabupaten Bojonegoro", slug="forum-kim-kabupaten-bojonegoro")
    ForumBoardMember.objects.create(
        forum=forum,
        name="Sufyan",
        role=BoardRole.CHAIR,
        village=Village.objects.get(code=PEJAMBON),
        affiliation="Sekretaris Desa Pejambon",
    )
    ForumBoardMember.objects.create(
        forum=forum, name="Sri Rahayu", role=BoardRole.SECRETARY, kim=registry["sendang"], is_sample=True
    )
    html = en.get(reverse("kim:forum")).content.decode()
    assert "Forum KIM Kabupaten Bojonegoro" in html
    assert "Sufyan" in html and "Sekretaris Desa Pejambon" in html and "Desa Pejambon" in html
    assert 'href="/en/kim/sendang-potro/"' in html
    assert "sample-notice" in html


# --- Open data and sitemaps -------------------------------------------------------


def test_registry_csv_has_no_private_contact(client, registry):
    kim = registry["sendang"]
    kim.phone, kim.email = "0353 881826", "rahasia@example.invalid"
    kim.save()
    tlatah = registry["tlatah"]
    tlatah.phone, tlatah.contact_is_public = "0353 111222", True
    tlatah.save()
    BoardMember.objects.create(kim=kim, name="Retno Utomo", role=BoardRole.CHAIR)
    response = client.get(reverse("kim:data-csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))}
    assert set(rows) == {"sendang-potro", "kim-warta-pelem", "deru-maju", "kim-gema-tlatah"}
    assert rows["sendang-potro"]["telepon_publik"] == ""
    assert rows["sendang-potro"]["situs_web"] == "https://sendangpotro.kim.id/"
    assert rows["sendang-potro"]["nama_kecamatan"] == "Purwosari"
    assert rows["kim-gema-tlatah"]["telepon_publik"] == "0353 111222"
    assert rows["deru-maju"]["status"] == "dissolved"
    body = response.content.decode()
    assert "rahasia@example.invalid" not in body and "Retno Utomo" not in body


def test_registry_json_matches_the_registry(client, registry):
    payload = json.loads(client.get(reverse("kim:data-json")).content)
    by_slug = {row["slug"]: row for row in payload["kim"]}
    assert by_slug["sendang-potro"]["kode_desa"] == SEDAHKIDUL
    assert by_slug["sendang-potro"]["tingkat"] == "Mandiri"
    assert by_slug["sendang-potro"]["jumlah_anggota"] == 25
    assert [{k: c[k] for k in ("jenis", "url", "nama")} for c in by_slug["sendang-potro"]["kanal_media"]] == [
        {"jenis": "website", "url": "https://sendangpotro.kim.id/", "nama": ""}
    ]
    assert payload["meta"]["region_code"] == "35.22"
    assert len(payload["kim"]) == 4


def test_sitemaps_list_published_profiles_and_news(registry, news):
    kims = {kim.slug for kim in KimSitemap().items()}
    assert kims == {"sendang-potro", "kim-warta-pelem", "deru-maju", "kim-gema-tlatah"}
    posts = list(PostSitemap().items())
    assert [p.title for p in posts] == ["Berita baru", "Berita Tlatah", "Berita lama"]
    assert PostSitemap().lastmod(posts[0]) == Post.objects.get(pk=posts[0].pk).updated


# --- Panels on the region pages ------------------------------------------------------


def test_village_page_shows_its_kims_and_their_news(en, news):
    html = en.get("/wilayah/35.22.18.2007/").content.decode()
    assert 'href="/en/kim/sendang-potro/"' in html
    assert "Berita baru" in html
    assert "Masih draf" not in html
    html = en.get(f"/wilayah/{PEJAMBON}/").content.decode()
    assert "Desa Pejambon has no KIM in the registry yet." in html


def test_kecamatan_page_shows_its_kim_coverage(en, registry):
    html = en.get("/wilayah/35.22.18/").content.decode()
    assert "2 of 12 villages have at least one active KIM (16.7%)" in html
    assert 'href="/en/wilayah/35.22.18.2001/"' in html  # Pelem: only an inactive KIM


def test_a_dissolved_kim_shows_its_last_board_as_such(en, registry):
    deru = registry["deru"]
    BoardMember.objects.create(kim=deru, name="Iwan Siswoyo", role=BoardRole.CHAIR)
    html = en.get(deru.get_absolute_url()).content.decode()
    assert "Last board before the KIM was dissolved" in html
    assert "Iwan Siswoyo" in html
    assert "Dissolved" in html
