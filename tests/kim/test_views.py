"""Public KIM pages: the directory and its filters, a profile, and news with its feeds."""

import datetime

import pytest
from django.urls import reverse

from kim import services
from kim.models import (
    Achievement,
    BoardMember,
    BoardRole,
    Kim,
    MediaChannel,
)
from tests.kim.conftest import PELEM, TLATAH, names

pytestmark = pytest.mark.django_db

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
