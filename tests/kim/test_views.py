"""Public KIM pages: the directory and its filters, a profile, news and feeds,
coverage, the forum, open data, sitemaps and the region-page panels."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from kim import services
from kim.models import (
    Achievement,
    BoardMember,
    BoardRole,
    Forum,
    ForumBoardMember,
    Kim,
    KimLevel,
    MediaChannel,
    Post,
)
from kim.sitemaps import KimSitemap, PostSitemap
from portal.models import Village
from tests.conftest import SEDAHKIDUL, SUMBERREJO

pytestmark = pytest.mark.django_db

PELEM = "35.22.18.2001"  # Kecamatan Purwosari
TLATAH = "35.22.18.2003"  # Kecamatan Purwosari
PEJAMBON = "35.22.12.2015"  # Kecamatan Sumberejo


@pytest.fixture
def en(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def dissolve(kim):
    return services.change_kim_status(kim=kim, to=Kim.Status.DISSOLVED, on=timezone.localdate(), by=None)


def deactivate(kim):
    return services.change_kim_status(kim=kim, to=Kim.Status.INACTIVE, on=timezone.localdate(), by=None)


@pytest.fixture
def registry(make_kim):
    """Four listed KIMs in three villages and one that is not listed."""
    level = KimLevel.objects.create(name="Mandiri", slug="mandiri")
    sendang = make_kim("KIM Sendang Potro", SEDAHKIDUL, slug="sendang-potro", level=level, member_count=25)
    MediaChannel.objects.create(kim=sendang, kind="website", url="https://sendangpotro.kim.id/")
    pelem = deactivate(make_kim("KIM Warta Pelem", PELEM, member_count=8))
    deru = dissolve(make_kim("KIM Deru Maju", SUMBERREJO, slug="deru-maju"))
    tlatah = make_kim("KIM Gema Tlatah", TLATAH, member_count=12)
    make_kim("KIM Belum Diperiksa", SEDAHKIDUL, is_public=False)
    return {"sendang": sendang, "pelem": pelem, "deru": deru, "tlatah": tlatah, "level": level}


def names(response):
    return [kim.name for kim in response.context["object_list"]]


# --- Directory ------------------------------------------------------------------


def test_directory_lists_the_published_registry_with_counts(client, registry):
    response = client.get(reverse("kim:list"))
    assert response.status_code == 200
    assert names(response) == ["KIM Deru Maju", "KIM Gema Tlatah", "KIM Sendang Potro", "KIM Warta Pelem"]
    assert "KIM Belum Diperiksa" not in response.content.decode()
    # Two active (Sendang Potro, Gema Tlatah), one inactive, one dissolved; two villages covered.
    assert response.context["counts"] == {
        "total": 4,
        "active": 2,
        "inactive": 1,
        "dissolved": 1,
        "villages": 2,
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kecamatan": "35.22.18"}, ["KIM Gema Tlatah", "KIM Sendang Potro", "KIM Warta Pelem"]),
        ({"kecamatan": "35.22.12"}, ["KIM Deru Maju"]),
        ({"status": "active"}, ["KIM Gema Tlatah", "KIM Sendang Potro"]),
        ({"status": "dissolved"}, ["KIM Deru Maju"]),
        ({"tingkat": "mandiri"}, ["KIM Sendang Potro"]),
        ({"website": "ya"}, ["KIM Sendang Potro"]),
        ({"website": "tidak"}, ["KIM Deru Maju", "KIM Gema Tlatah", "KIM Warta Pelem"]),
        ({"q": "deru"}, ["KIM Deru Maju"]),
        ({"kecamatan": "35.22.18", "status": "inactive"}, ["KIM Warta Pelem"]),
        ({"urut": "anggota"}, ["KIM Sendang Potro", "KIM Gema Tlatah", "KIM Warta Pelem", "KIM Deru Maju"]),
    ],
)
def test_directory_filters(client, registry, query, expected):
    response = client.get(reverse("kim:list"), query)
    assert response.status_code == 200
    assert names(response) == expected


def test_filtered_counts_follow_the_filters(client, registry):
    response = client.get(reverse("kim:list"), {"kecamatan": "35.22.18"})
    assert response.context["counts"] == {
        "total": 3,
        "active": 2,
        "inactive": 1,
        "dissolved": 0,
        "villages": 2,
    }


def test_bad_filter_values_are_explained_and_ignored(en, registry):
    response = en.get(
        reverse("kim:list"), {"kecamatan": "99.99", "status": "closed", "website": "x", "urut": "?"}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"kecamatan", "status", "website", "urut"}
    assert "Choose a kecamatan from the list." in response.content.decode()
    assert len(names(response)) == 4


@pytest.mark.parametrize("page", ["abc", "99", "-1", "0"])
def test_a_page_that_does_not_exist_is_not_found(client, registry, page):
    assert client.get(reverse("kim:list"), {"page": page}).status_code == 404


# --- Profile --------------------------------------------------------------------


@pytest.fixture
def profile(registry, post_in_state):
    kim = registry["sendang"]
    kim.decree_number = "188/12/KEP/2007/2017"
    kim.decree_date = datetime.date(2017, 1, 9)
    kim.decree_issuer = "Kepala Desa Sedahkidul"
    kim.phone = "0353 881826"
    kim.email = "sendangpotro@example.invalid"
    kim.save()
    BoardMember.objects.create(
        kim=kim,
        name="Joko Santoso",
        role=BoardRole.CHAIR,
        term_start=datetime.date(2017, 1, 9),
        term_end=datetime.date(2021, 12, 31),
    )
    BoardMember.objects.create(
        kim=kim, name="Retno Utomo", role=BoardRole.CHAIR, term_start=datetime.date(2022, 1, 10)
    )
    BoardMember.objects.create(
        kim=kim, name="Sri Rahayu", role=BoardRole.SECRETARY, term_start=datetime.date(2022, 1, 10)
    )
    Achievement.objects.create(
        kim=kim, title="Lomba KIM tingkat Kabupaten", level="kabupaten", year=2016, rank="Juara I"
    )
    MediaChannel.objects.create(kim=kim, kind="radio", name="Radio Sendang FM 107,7 MHz")
    post_in_state(kim, "published", author=None, reviewer=None, title="Papan APBDes dipasang")
    post_in_state(kim, "draft", author=None, reviewer=None, title="Draf yang belum siap")
    return kim


def test_profile_shows_board_history_awards_channels_news_and_village(client, profile):
    response = client.get(profile.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert [m.name for m in response.context["current_board"]] == ["Retno Utomo", "Sri Rahayu"]
    assert [[m.name for m in term.members] for term in response.context["past_terms"]] == [["Joko Santoso"]]
    for text in (
        "Joko Santoso",
        "Lomba KIM tingkat Kabupaten",
        "https://sendangpotro.kim.id/",
        "Radio Sendang FM 107,7 MHz",
        "Papan APBDes dipasang",
        "188/12/KEP/2007/2017",
        'href="/wilayah/35.22.18.2007/"',
    ):
        assert text in html
    assert "Draf yang belum siap" not in html


def test_contact_is_shown_only_when_the_kim_chooses(client, profile):
    html = client.get(profile.get_absolute_url()).content.decode()
    assert "0353 881826" not in html
    assert "sendangpotro@example.invalid" not in html
    profile.contact_is_public = True
    profile.save()
    html = client.get(profile.get_absolute_url()).content.decode()
    assert "0353 881826" in html
    assert "sendangpotro@example.invalid" in html


def test_unlisted_kims_are_not_found(client, registry):
    hidden = Kim.objects.get(name="KIM Belum Diperiksa")
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get("/kim/tidak-ada/").status_code == 404


def test_sample_records_carry_the_sample_notice(en, make_kim):
    sample = make_kim("KIM Contoh", PELEM, is_sample=True)
    real = make_kim("KIM Nyata", TLATAH)
    assert "sample-notice" in en.get(sample.get_absolute_url()).content.decode()
    assert "sample-notice" not in en.get(real.get_absolute_url()).content.decode()
    BoardMember.objects.create(kim=real, name="Nama Karangan", role=BoardRole.SECRETARY, is_sample=True)
    html = en.get(real.get_absolute_url()).content.decode()
    assert "sample-notice" in html
    assert 'Nama Karangan <span class="kim-tag">sample data</span>' in html


# --- News -----------------------------------------------------------------------


@pytest.fixture
def news(registry, post_in_state):
    sendang, tlatah = registry["sendang"], registry["tlatah"]
    made = {}
    for title, kim, state in [
        ("Berita lama", sendang, "published"),
        ("Berita Tlatah", tlatah, "published"),
        ("Berita baru", sendang, "published"),
        ("Masih draf", sendang, "draft"),
        ("Menunggu review", sendang, "submitted"),
        ("Dikembalikan", sendang, "returned"),
    ]:
        made[title] = post_in_state(
            kim, state, author=None, reviewer=None, title=title, body=f"Isi **{title}**."
        )
    return made


def test_news_lists_only_published_posts_newest_first(client, news):
    response = client.get(reverse("kim:posts"))
    assert [p.title for p in response.context["object_list"]] == [
        "Berita baru",
        "Berita Tlatah",
        "Berita lama",
    ]


def test_news_of_one_kim_and_one_kecamatan(en, news):
    response = en.get(reverse("kim:posts"), {"kim": "sendang-potro"})
    assert [p.title for p in response.context["object_list"]] == ["Berita baru", "Berita lama"]
    assert "News of KIM Sendang Potro" in response.content.decode()
    response = en.get(reverse("kim:posts"), {"kecamatan": "35.22.12"})
    assert list(response.context["object_list"]) == []
    response = en.get(reverse("kim:posts"), {"kim": "tidak-ada"})
    assert response.status_code == 200
    assert "No KIM has this address." in response.content.decode()
    assert len(response.context["object_list"]) == 3


def test_a_post_is_public_only_once_published(client, news):
    for title in ("Masih draf", "Menunggu review", "Dikembalikan"):
        assert client.get(news[title].get_absolute_url()).status_code == 404
    response = client.get(news["Berita baru"].get_absolute_url())
    assert response.status_code == 200
    assert "Isi <strong>Berita baru</strong>." in response.content.decode()


def test_news_of_an_unlisted_kim_is_not_public(client, news, registry):
    kim = registry["sendang"]
    kim.is_public = False
    kim.save()
    assert client.get(news["Berita baru"].get_absolute_url()).status_code == 404
    assert [p.title for p in client.get(reverse("kim:posts")).context["object_list"]] == ["Berita Tlatah"]


def test_corrections_are_shown_under_the_post(en, news, kim_editor):
    services.add_post_correction(
        post=news["Berita baru"], text="Tanggal kegiatan 3 Mei, bukan 4 Mei.", by=kim_editor
    )
    html = en.get(news["Berita baru"].get_absolute_url()).content.decode()
    assert "Corrections" in html
    assert "Tanggal kegiatan 3 Mei, bukan 4 Mei." in html


def test_rss_and_atom_feeds_carry_published_news(client, news):
    rss = client.get(reverse("kim:feed"))
    assert rss.status_code == 200
    assert rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert body.index("Berita baru") < body.index("Berita Tlatah") < body.index("Berita lama")
    assert "Masih draf" not in body and "Menunggu review" not in body
    assert news["Berita baru"].get_absolute_url() in body
    atom = client.get(reverse("kim:feed-atom"))
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert 'xmlns="http://www.w3.org/2005/Atom"' in atom.content.decode()
    assert "Berita Tlatah" in atom.content.decode()


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
    # 2 of 12 villages; the plot is 640 - 150 = 490 units wide for 100%.
    assert purwosari.width == round(490 * 16.7 / 100, 1)
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
    assert 'href="/kim/sendang-potro/"' in html
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
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}
    assert set(rows) == {"sendang-potro", "kim-warta-pelem", "deru-maju", "kim-gema-tlatah"}
    assert rows["sendang-potro"]["public_phone"] == ""
    assert rows["sendang-potro"]["website"] == "https://sendangpotro.kim.id/"
    assert rows["sendang-potro"]["district_name"] == "Purwosari"
    assert rows["kim-gema-tlatah"]["public_phone"] == "0353 111222"
    assert rows["deru-maju"]["status"] == "dissolved"
    body = response.content.decode()
    assert "rahasia@example.invalid" not in body and "Retno Utomo" not in body


def test_registry_json_matches_the_registry(client, registry):
    payload = json.loads(client.get(reverse("kim:data-json")).content)
    by_slug = {row["slug"]: row for row in payload["kim"]}
    assert by_slug["sendang-potro"]["village_code"] == SEDAHKIDUL
    assert by_slug["sendang-potro"]["level"] == "Mandiri"
    assert by_slug["sendang-potro"]["member_count"] == 25
    assert by_slug["sendang-potro"]["media_channels"] == [
        {"kind": "website", "url": "https://sendangpotro.kim.id/", "name": ""}
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
    assert 'href="/kim/sendang-potro/"' in html
    assert "Berita baru" in html
    assert "Masih draf" not in html
    html = en.get(f"/wilayah/{PEJAMBON}/").content.decode()
    assert "Desa Pejambon has no KIM in the registry yet." in html


def test_kecamatan_page_shows_its_kim_coverage(en, registry):
    html = en.get("/wilayah/35.22.18/").content.decode()
    assert "2 of 12 villages have at least one active KIM (16.7%)" in html
    assert 'href="/wilayah/35.22.18.2001/"' in html  # Pelem: only an inactive KIM


def test_a_dissolved_kim_shows_its_last_board_as_such(en, registry):
    deru = registry["deru"]
    BoardMember.objects.create(kim=deru, name="Iwan Siswoyo", role=BoardRole.CHAIR)
    html = en.get(deru.get_absolute_url()).content.decode()
    assert "Last board before the KIM was dissolved" in html
    assert "Iwan Siswoyo" in html
    assert "Dissolved" in html
