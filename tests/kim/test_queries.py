"""Public KIM pages run a fixed number of queries: the same bound holds with 2
and with 12 rows of everything the page lists."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from kim import services
from kim.models import (
    Achievement,
    BoardMember,
    BoardRole,
    Forum,
    ForumBoardMember,
    KimLevel,
    MediaChannel,
    PostPhoto,
)
from portal.models import Village

pytestmark = pytest.mark.django_db

SIZES = [2, 12]
# Bounds per page, as measured (the satisfaction widget adds one query to each HTML page).
DIRECTORY = 6
PROFILE = 8
NEWS = 5
POST = 5
COVERAGE = 3
FORUM = 3
FEED = 2  # the posts, and their photos for the enclosures
# The data files read their last change first (one query) so that a 304 costs only that.
DATA = 3
VILLAGE_PANEL = 2
DISTRICT_PANEL = 3


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (240, 200), (11, 79, 108)).save(buffer, "JPEG")
    return ContentFile(buffer.getvalue(), name="foto.jpg")


@pytest.fixture
def world(make_kim):
    """`size` KIMs in Purwosari, each with `size` board rows, channels, awards and news."""

    def build(size):
        level = KimLevel.objects.create(name="Maju", slug="maju")
        villages = list(Village.objects.filter(district_id="35.22.18").order_by("code")[:size])
        forum = Forum.objects.create(name="Forum KIM", slug="forum-kim")
        kims = []
        for n in range(size):
            kim = make_kim(f"KIM Uji {n:02d}", villages[n % len(villages)].code, level=level)
            kims.append(kim)
            MediaChannel.objects.create(kim=kim, kind="website", url=f"https://uji{n}.kim.example/")
            ForumBoardMember.objects.create(
                forum=forum, name=f"Anggota Forum {n}", role=BoardRole.MEMBER, kim=kim
            )
        main = kims[0]
        for n in range(size):
            BoardMember.objects.create(kim=main, name=f"Pengurus {n}", role=BoardRole.MEMBER)
            Achievement.objects.create(kim=main, title=f"Lomba {n}", level="kecamatan", year=2015 + n % 10)
            MediaChannel.objects.create(kim=main, kind="bulletin", name=f"Buletin {n}")
        posts = []
        for n in range(size):
            post = services.create_post(kim=kims[n], title=f"Kabar {n:02d}", body="Isi kabar.", by=None)
            services.transition_post(post=post, to="submitted", by=None, notify=False)
            services.transition_post(post=post, to="published", by=None, notify=False)
            posts.append(post)
        first = posts[0]
        for n in range(size):
            PostPhoto.objects.create(post=first, image=jpeg(), alt_text=f"Foto {n}")
            services.add_post_correction(post=first, text=f"Koreksi {n}", by=None)
        PostPhoto.objects.create(post=posts[1], image=jpeg(), alt_text="Foto lain")
        return {"kim": main, "post": first, "village": main.village}

    return build


@pytest.mark.parametrize("size", SIZES)
def test_directory_queries_are_bounded(client, world, django_assert_max_num_queries, size):
    world(size)
    with django_assert_max_num_queries(DIRECTORY):
        response = client.get(
            reverse("kim:list"), {"kecamatan": "35.22.18", "website": "ya", "tingkat": "maju"}
        )
    assert len(response.context["object_list"]) == size


@pytest.mark.parametrize("size", SIZES)
def test_profile_queries_are_bounded(client, world, django_assert_max_num_queries, size):
    made = world(size)
    with django_assert_max_num_queries(PROFILE):
        response = client.get(made["kim"].get_absolute_url())
    assert len(response.context["current_board"]) == size
    assert len(response.context["achievements"]) == size


@pytest.mark.parametrize("size", SIZES)
def test_news_list_queries_are_bounded(client, world, django_assert_max_num_queries, size):
    world(size)
    with django_assert_max_num_queries(NEWS):
        response = client.get(reverse("kim:posts"))
    assert len(response.context["object_list"]) == size


@pytest.mark.parametrize("size", SIZES)
def test_post_queries_are_bounded(client, world, django_assert_max_num_queries, size):
    made = world(size)
    with django_assert_max_num_queries(POST):
        response = client.get(made["post"].get_absolute_url())
    assert len(response.context["photos"]) == size
    assert len(response.context["corrections"]) == size


@pytest.mark.parametrize("size", SIZES)
def test_coverage_queries_are_bounded(client, world, django_assert_max_num_queries, size):
    world(size)
    with django_assert_max_num_queries(COVERAGE):
        response = client.get(reverse("kim:coverage"))
    purwosari = next(a for a in response.context["report"].districts if a.code == "35.22.18")
    assert purwosari.kims == size


@pytest.mark.parametrize("size", SIZES)
def test_forum_queries_are_bounded(client, world, django_assert_max_num_queries, size):
    world(size)
    with django_assert_max_num_queries(FORUM):
        response = client.get(reverse("kim:forum"))
    assert len(response.context["forums"][0].current_board) == size


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", ["kim:feed", "kim:feed-atom"])
def test_feed_queries_are_bounded(client, world, django_assert_max_num_queries, size, name):
    world(size)
    with django_assert_max_num_queries(FEED):
        response = client.get(reverse(name))
    assert len(re.findall(r"<title>Kabar \d\d</title>", response.content.decode())) == size


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", ["kim:data-csv", "kim:data-json"])
def test_open_data_queries_are_bounded(client, world, django_assert_max_num_queries, size, name):
    world(size)
    with django_assert_max_num_queries(DATA):
        response = client.get(reverse(name))
    # Each name twice in JSON while the old column names are kept (`nama` and `name`).
    per_row = 2 if "json" in response["Content-Type"] else 1
    assert response.content.decode().count("KIM Uji ") == size * per_row


@pytest.mark.parametrize("size", SIZES)
def test_region_panels_queries_are_bounded(client, world, django_assert_max_num_queries, size):
    """The KIM sections of the region pages; other apps' sections have their own bounds."""
    from kim.panels import district_kims, village_kims
    from portal.models import District

    made = world(size)
    with django_assert_max_num_queries(VILLAGE_PANEL):
        village_kims(made["village"])
    with django_assert_max_num_queries(DISTRICT_PANEL):
        district_kims(District.objects.get(code="35.22.18"))
    response = client.get(made["village"].get_absolute_url())
    assert made["kim"].name in response.content.decode()
    assert client.get("/wilayah/35.22.18/").status_code == 200
