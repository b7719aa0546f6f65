"""The full-scale KIM loader: it tops the registry and the published news up to
their totals once, as sample data that looks like records made through the
services, reusing the demo's photo files, and the public pages show the result."""

import io
import random
from collections import Counter
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from kim import full_scale, services
from kim.models import (
    RESERVED_SLUGS,
    Achievement,
    BoardMember,
    Kim,
    KimStatusChange,
    MediaChannel,
    Post,
    PostPhoto,
    PostTransition,
)
from portal import richtext

pytestmark = pytest.mark.django_db

TOTAL_KIMS = 30
TOTAL_POSTS = 60
MODELS = [Kim, KimStatusChange, MediaChannel, BoardMember, Achievement, Post, PostTransition, PostPhoto]


class Quiet:
    def write(self, *args, **kwargs):
        pass


@pytest.fixture
def demo_photo(sendang_potro):
    """A published sample post with one illustration, as the demo leaves them."""
    post = services.create_post(
        kim=sendang_potro,
        title="Papan informasi APBDes dipasang",
        body="Isi berita.",
        by=None,
        is_sample=True,
    )
    services.transition_post(post=post, to=Post.Status.SUBMITTED, by=None, notify=False)
    services.transition_post(post=post, to=Post.Status.PUBLISHED, by=None, notify=False)
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (11, 79, 108)).save(buffer, "JPEG")
    return PostPhoto.objects.create(
        post=post,
        image=ContentFile(buffer.getvalue(), name="demo.jpg"),
        alt_text="Gambar ilustrasi: papan informasi di depan balai desa (KIM Sendang Potro)",
        caption="Papan informasi di depan balai desa (gambar ilustrasi)",
    )


def media_files():
    return sorted(path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file())


@pytest.fixture
def loaded(monkeypatch, demo_photo):
    monkeypatch.setattr(full_scale, "TOTAL_KIMS", TOTAL_KIMS)
    monkeypatch.setattr(full_scale, "TOTAL_POSTS", TOTAL_POSTS)
    files = media_files()
    full_scale.load(Quiet())
    assert media_files() == files, "the loader writes no image files"
    return SimpleNamespace(
        kims=Kim.objects.exclude(slug="sendang-potro"), posts=Post.objects.exclude(pk=demo_photo.post_id)
    )


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_kims_and_published_news_are_topped_up_to_the_totals(loaded):
    assert Kim.objects.count() == TOTAL_KIMS
    assert Post.objects.published().count() == TOTAL_POSTS
    assert loaded.posts.count() == TOTAL_POSTS - 1


def test_a_second_run_adds_nothing(loaded):
    before = counts()
    full_scale.load(Quiet())
    assert counts() == before


def test_every_added_kim_is_public_sample_data_with_its_status_history(loaded):
    assert set(Kim.objects.published().values_list("pk", flat=True)) >= set(
        loaded.kims.values_list("pk", flat=True)
    )
    for kim in loaded.kims.prefetch_related("status_changes", "board", "achievements"):
        assert kim.is_sample and kim.is_public
        assert kim.description_html == richtext.to_html(kim.description)
        history = sorted(kim.status_changes.all(), key=lambda row: (row.on, row.pk))
        assert (history[0].from_status, history[0].to_status, history[0].on) == ("", "active", kim.founded_on)
        assert (history[-1].to_status, history[-1].on) == (kim.status, kim.status_since)
        assert kim.board.all() and all(member.is_sample for member in kim.board.all())
        assert all(award.is_sample for award in kim.achievements.all())
        kim.full_clean(exclude=["managers"])
    assert loaded.kims.filter(channels__isnull=False).exists()


def test_every_added_post_is_public_sample_news_published_as_the_workflow_does(loaded):
    now = timezone.now()
    published = set(Post.objects.published().values_list("pk", flat=True))
    for post in loaded.posts.prefetch_related("transitions"):
        assert post.is_sample and post.pk in published
        assert post.kim.status == Kim.Status.ACTIVE
        assert post.submitted_at < post.published_at <= now
        assert post.body_html == richtext.to_html(post.body)
        assert post.excerpt == richtext.to_text(post.body, limit=280)
        moves = [(row.from_status, row.to_status) for row in post.transitions.all()]
        assert moves == [("", "draft"), ("draft", "submitted"), ("submitted", "published")]
        assert [row.at for row in post.transitions.all()][1:] == [post.submitted_at, post.published_at]
        post.full_clean()


def test_slugs_are_unique_and_free(loaded):
    kim_slugs = list(Kim.objects.values_list("slug", flat=True))
    post_slugs = list(Post.objects.values_list("slug", flat=True))
    assert len(kim_slugs) == len(set(kim_slugs)) and not set(kim_slugs) & set(RESERVED_SLUGS)
    assert len(post_slugs) == len(set(post_slugs)) and "feed" not in post_slugs


def test_post_photos_reuse_the_demo_file_and_its_renditions(loaded, demo_photo):
    photos = PostPhoto.objects.exclude(pk=demo_photo.pk).select_related("post__kim")
    assert photos.exists()
    for photo in photos:
        assert photo.image.name == demo_photo.image.name
        assert photo.renditions == demo_photo.renditions
        assert (
            photo.alt_text == f"Gambar ilustrasi: papan informasi di depan balai desa ({photo.post.kim.name})"
        )


def test_second_kims_go_to_villages_that_have_one_and_a_few_villages_stay_without():
    villages = [SimpleNamespace(code=f"v{n:02d}") for n in range(20)]
    per_village = Counter({"v00": 1})
    chosen = full_scale._villages_for_new_kims(villages, per_village, 24, random.Random(1))
    assert len(chosen) == 24
    assert sorted(Counter(per_village.values()).items()) == [(1, 13), (2, 6)]
    assert sum(1 for v in villages if not per_village[v.code]) == 1


def test_the_directory_news_and_profile_pages_show_the_new_records(client, loaded):
    kim = loaded.kims.order_by("-pk").first()
    response = client.get(kim.get_absolute_url())
    assert response.status_code == 200
    assert kim.name in response.content.decode()
    assert "sample-notice" in response.content.decode()

    response = client.get("/kim/", {"q": kim.name})
    assert response.status_code == 200
    assert kim.name in response.content.decode()

    newest = loaded.posts.published().latest_first().first()
    response = client.get("/kim/kabar/")
    assert response.status_code == 200
    assert newest.title in response.content.decode()

    with_photo = loaded.posts.filter(photos__isnull=False).first()
    response = client.get(with_photo.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert with_photo.title in page
    assert with_photo.photos.first().medium_url in page


@pytest.mark.parametrize("place", ["Desa Sedahkidul", "Kelurahan Ledok *Kulon* & <Wetan>"])
@pytest.mark.parametrize("template", [body for _title, body in full_scale.POST_TOPICS])
def test_rendered_news_is_what_saving_the_post_would_store(template, place):
    body, html, excerpt = full_scale._render(template, year=2024, place=place)
    assert body == template.format(year=2024, place=place)
    assert (html, excerpt) == (richtext.to_html(body), richtext.to_text(body, limit=280))
