"""KIM profiles and news in the site-wide search: public ones only."""

import pytest

from kim.models import Kim, Post
from portal import search


@pytest.fixture
def indexed(kim_demo_files):
    """The module's demo KIMs and news in the search index."""
    search.rebuild("kim")
    search.rebuild("kim_post")


def test_kim_profiles_are_found_by_name_and_village(indexed):
    urls = [e.url for e in search.matching("Sendang Potro")]
    assert "/kim/sendang-potro/" in urls
    assert any(e.kind == "kim" for e in search.matching("Sedahkidul"))


def test_only_published_news_is_indexed(indexed):
    from portal.models import SearchEntry

    published = set(Post.objects.published().values_list("pk", flat=True))
    unpublished = set(Post.objects.exclude(status=Post.Status.PUBLISHED).values_list("pk", flat=True))
    indexed_keys = {int(k) for k in SearchEntry.objects.filter(kind="kim_post").values_list("key", flat=True)}
    assert unpublished, "the demo has drafts, submitted and returned posts"
    assert indexed_keys == published


def test_hiding_a_kim_hides_its_profile_and_news(indexed, django_capture_on_commit_callbacks):
    kim = Kim.objects.get(slug="sendang-potro")
    post_urls = {p.get_absolute_url() for p in kim.posts.filter(status=Post.Status.PUBLISHED)}
    kim.is_public = False
    with django_capture_on_commit_callbacks(execute=True):
        kim.save()
    found = {e.url for e in search.matching("Sendang Potro")}
    assert "/kim/sendang-potro/" not in found
    assert not post_urls & found
