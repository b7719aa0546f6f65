"""The KIM demo loader: real facts exactly, invented records flagged, and a
second run changes nothing."""

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
