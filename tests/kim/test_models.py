"""Validation and database invariants of the KIM records."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from kim.models import Achievement, BoardMember, BoardRole, Forum, ForumBoardMember, Kim, MediaChannel, Post
from portal.models import Village
from tests.conftest import SEDAHKIDUL

pytestmark = pytest.mark.django_db

# SQLite names the columns of a partial unique index, PostgreSQL the constraint.
UNIQUE_URL = (
    r"kim_channel_url_once_per_kim|UNIQUE constraint failed: kim_mediachannel\.kim_id, kim_mediachannel\.url"
)


@pytest.fixture(autouse=True)
def _english():
    """Messages in English, the source language, so assertions read the strings in the code."""
    with translation.override("en"):
        yield


def channel(kim, kind, url="", name=""):
    return MediaChannel(kim=kim, kind=kind, url=url, name=name)


@pytest.mark.parametrize(
    ("kind", "url", "valid"),
    [
        ("facebook", "https://www.facebook.com/kim.sendangpotro", True),
        ("facebook", "https://m.facebook.com/kim.sendangpotro", True),
        ("facebook", "https://www.instagram.com/kim.sendangpotro", False),
        ("facebook", "https://facebook.com.example.net/kim", False),
        ("instagram", "https://instagram.com/kimsendangpotro", True),
        ("youtube", "https://youtu.be/abc123", True),
        ("youtube", "https://vimeo.com/123", False),
        ("x", "https://twitter.com/kim", True),
        ("website", "https://sendangpotro.kim.id/", True),
        ("website", "javascript:alert(1)", False),
        ("website", "ftp://sendangpotro.kim.id/", False),
    ],
)
def test_channel_address_must_suit_its_kind(sendang_potro, kind, url, valid):
    item = channel(sendang_potro, kind, url)
    if valid:
        item.full_clean()
    else:
        with pytest.raises(ValidationError, match=r"address must be on|Enter a valid URL") as error:
            item.full_clean()
        assert "url" in error.value.message_dict


def test_radio_and_bulletin_may_be_offline_but_must_be_described(sendang_potro):
    channel(sendang_potro, "radio", name="Radio Sendang FM 107,7 MHz").full_clean()
    channel(sendang_potro, "bulletin", name="Buletin Sendang, terbit bulanan").full_clean()
    with pytest.raises(ValidationError, match="Describe the channel") as error:
        channel(sendang_potro, "radio").full_clean()
    assert "name" in error.value.message_dict
    with pytest.raises(ValidationError, match=r"Give the address \(URL\) of this channel") as error:
        channel(sendang_potro, "website", name="Situs kami").full_clean()
    assert "url" in error.value.message_dict


def test_database_refuses_an_online_channel_without_address(sendang_potro):
    with pytest.raises(IntegrityError, match="kim_channel_url_required"), transaction.atomic():
        MediaChannel.objects.create(kim=sendang_potro, kind="facebook", name="Facebook KIM")


def test_database_refuses_the_same_address_twice_for_one_kim(sendang_potro):
    MediaChannel.objects.create(kim=sendang_potro, kind="website", url="https://sendangpotro.kim.id/")
    with pytest.raises(IntegrityError, match=UNIQUE_URL), transaction.atomic():
        MediaChannel.objects.create(kim=sendang_potro, kind="website", url="https://sendangpotro.kim.id/")


@pytest.mark.parametrize("slug", ["kabar", "cakupan", "forum", "data"])
def test_slugs_of_the_section_pages_are_reserved(slug):
    village = Village.objects.get(code=SEDAHKIDUL)
    kim = Kim(name="KIM Kabar", slug=slug, village=village)
    with pytest.raises(ValidationError, match="This address is used by another page") as error:
        kim.full_clean()
    assert "slug" in error.value.message_dict
    with pytest.raises(IntegrityError, match="kim_slug_not_reserved"), transaction.atomic():
        kim.save()


def test_description_is_rendered_and_sanitised_on_save(sendang_potro):
    sendang_potro.description = (
        "**Aktif** sejak 2013.\n\n<script>alert(1)</script><a href='javascript:x'>x</a>"
    )
    sendang_potro.save()
    assert "<strong>Aktif</strong>" in sendang_potro.description_html
    assert "<script" not in sendang_potro.description_html
    assert "javascript:" not in sendang_potro.description_html


def test_post_text_is_sanitised_and_its_excerpt_is_plain_text(sendang_potro):
    post = Post(
        kim=sendang_potro,
        title="Kerja bakti",
        body="## Kerja bakti\n\nWarga <b onclick='x()'>bergotong</b> royong.",
    )
    post.save()
    assert "onclick" not in post.body_html
    assert "<h2>Kerja bakti</h2>" in post.body_html
    assert post.excerpt == "Kerja bakti Warga bergotong royong."


def test_post_slug_comes_from_the_title_and_stays_unique(sendang_potro):
    first = Post.objects.create(kim=sendang_potro, title="Musyawarah Desa", body="a")
    second = Post.objects.create(kim=sendang_potro, title="Musyawarah desa", body="b")
    feed = Post.objects.create(kim=sendang_potro, title="Feed", body="c")
    assert first.slug == "musyawarah-desa"
    assert second.slug == "musyawarah-desa-2"
    assert feed.slug == "feed-kim"


def test_board_term_cannot_end_before_it_starts(sendang_potro):
    member = BoardMember(
        kim=sendang_potro,
        name="Sri Rahayu",
        role=BoardRole.SECRETARY,
        term_start=datetime.date(2022, 1, 1),
        term_end=datetime.date(2021, 1, 1),
    )
    with pytest.raises(ValidationError, match="The term cannot end before it starts") as error:
        member.full_clean()
    assert "term_end" in error.value.message_dict
    with pytest.raises(IntegrityError, match="kim_board_term_order"), transaction.atomic():
        member.save()


def test_one_chair_at_a_time_but_earlier_chairs_stay_in_the_history(sendang_potro):
    BoardMember.objects.create(
        kim=sendang_potro,
        name="Joko Santoso",
        role=BoardRole.CHAIR,
        term_start=datetime.date(2017, 1, 1),
        term_end=datetime.date(2021, 12, 31),
    )
    later = BoardMember(
        kim=sendang_potro, name="Retno Utomo", role=BoardRole.CHAIR, term_start=datetime.date(2022, 1, 1)
    )
    later.full_clean()
    later.save()
    overlapping = BoardMember(
        kim=sendang_potro, name="Agus Hidayat", role=BoardRole.CHAIR, term_start=datetime.date(2024, 5, 1)
    )
    with pytest.raises(ValidationError, match="is already chair for an overlapping term") as error:
        overlapping.full_clean()
    assert "Retno Utomo" in str(error.value)


def test_current_board_follows_the_terms(sendang_potro):
    today = datetime.date(2026, 6, 1)
    rows = [
        ("Lama", datetime.date(2017, 1, 1), datetime.date(2021, 12, 31)),
        ("Kini", datetime.date(2022, 1, 1), datetime.date(2026, 12, 31)),
        ("Tanpa tanggal", None, None),
        ("Nanti", datetime.date(2027, 1, 1), None),
    ]
    for name, start, end in rows:
        BoardMember.objects.create(
            kim=sendang_potro, name=name, role=BoardRole.MEMBER, term_start=start, term_end=end
        )
    current = set(BoardMember.objects.current(today).values_list("name", flat=True))
    assert current == {"Kini", "Tanpa tanggal"}


def test_achievement_year_cannot_be_in_the_future(sendang_potro):
    award = Achievement(kim=sendang_potro, title="Lomba KIM", level="kabupaten", year=2099)
    with pytest.raises(ValidationError, match="The year cannot be in the future") as error:
        award.full_clean()
    assert "year" in error.value.message_dict


def test_forum_member_must_come_from_a_kim_or_a_village():
    forum = Forum.objects.create(name="Forum KIM", slug="forum-kim")
    member = ForumBoardMember(forum=forum, name="Sufyan", role=BoardRole.CHAIR)
    with pytest.raises(ValidationError, match="Choose the KIM this person comes from"):
        member.full_clean()
    with pytest.raises(IntegrityError, match="kim_forum_member_has_origin"), transaction.atomic():
        member.save()
    member.village = Village.objects.get(code="35.22.12.2015")
    member.full_clean()
    member.save()
    assert member.origin_village.name == "Pejambon"
