"""The KIM demo loader: real facts exactly, invented records flagged, and a
second run changes nothing; the demo's KIM profiles and news in the site-wide
search, public ones only. One module, so the demo is loaded once for both."""

import io

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import User
from django.core.management import call_command

from kim import coverage
from kim.models import (
    Achievement,
    BoardMember,
    Forum,
    ForumBoardMember,
    Kim,
    KimStatusChange,
    MediaChannel,
    Post,
)
from portal import search

pytestmark = pytest.mark.django_db

MODELS = [Kim, KimStatusChange, MediaChannel, BoardMember, Achievement, Forum, ForumBoardMember, Post]


def counts():
    return {model.__name__: model.objects.count() for model in [*MODELS, LogEntry]}


@pytest.fixture
def demo(kim_demo_files, settings):
    """The demo loaded once for this module; a test that runs the loader again needs DEBUG too."""
    settings.DEBUG = True  # load_demo refuses to run in production


def test_demo_reproduces_the_real_facts_and_flags_everything_invented(demo):
    sendang = Kim.objects.get(slug="sendang-potro")
    assert (sendang.name, sendang.village.code, sendang.village.district.name, sendang.is_sample) == (
        "KIM Sendang Potro",
        "35.22.18.2007",
        "Purwosari",
        False,
    )
    assert Achievement.objects.filter(kim=sendang).exists()
    deru = Kim.objects.get(slug="deru-maju")
    assert (deru.name, deru.village.code, deru.village.district.name) == (
        "KIM Deru Maju",
        "35.22.12.2006",
        "Sumberejo",
    )
    chair = BoardMember.objects.get(kim=deru, role="ketua")
    assert (chair.name, chair.is_sample) == ("Iwan Siswoyo", False)
    forum = Forum.objects.get()
    assert forum.name == "Forum KIM Kabupaten Bojonegoro"
    sufyan = ForumBoardMember.objects.get(forum=forum, role="ketua")
    assert (sufyan.name, sufyan.village.code, sufyan.affiliation, sufyan.is_sample) == (
        "Sufyan",
        "35.22.12.2015",
        "Sekretaris Desa Pejambon",
        False,
    )

    # Everything the report does not say is invented and flagged.
    sendang = Kim.objects.get(slug="sendang-potro")
    assert not BoardMember.objects.filter(kim=sendang, is_sample=False).exists()
    assert not Achievement.objects.filter(kim=sendang, is_sample=False).exists()
    assert not Post.objects.filter(is_sample=False).exists()
    assert not ForumBoardMember.objects.filter(is_sample=False).exclude(name="Sufyan").exists()
    invented = Kim.objects.exclude(slug__in=["sendang-potro", "deru-maju"])
    assert invented.exists()
    assert not invented.filter(is_sample=False).exists()
    # The sample KIMs cover about two thirds of the villages, in every status.
    share = coverage.coverage_report().total.share
    assert 60 <= share <= 72
    statuses = set(Kim.objects.values_list("status", flat=True))
    assert statuses == {"active", "inactive", "dissolved"}
    assert Post.objects.filter(status="published").count() > 20
    assert Post.objects.filter(kim__slug="sendang-potro", status__in=["submitted", "returned"]).count() == 2
    # The demo KIM manager keeps KIM Sendang Potro.
    manager = User.objects.get(username="pengelola_kim")
    assert list(manager.managed_kims.values_list("slug", flat=True)) == ["sendang-potro"]


def test_a_second_run_changes_nothing(demo, settings):
    before = counts()
    call_command("load_demo", "--only", "kim", stdout=io.StringIO())
    assert counts() == before


def test_kims_added_after_the_demo_never_receive_demo_news(demo, settings):
    """`load_full_scale` and staff add KIMs; a later demo run writes no post for them."""
    template = Kim.objects.filter(status=Kim.Status.ACTIVE).exclude(slug="sendang-potro").first()
    newcomers = []
    for number in range(60):
        newcomer = Kim.objects.get(pk=template.pk)
        newcomer.pk = None
        newcomer.slug = f"kim-baru-{number}"
        newcomer.name = f"KIM Baru {number}"
        newcomer.save()
        newcomers.append(newcomer)
    before = counts()
    call_command("load_demo", "--only", "kim", stdout=io.StringIO())
    after = counts()
    assert after["Post"] == before["Post"]
    assert not Post.objects.filter(kim__in=newcomers).exists()


# --- The demo in the site-wide search -------------------------------------------


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
