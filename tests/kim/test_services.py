"""The KIM status and news workflows: every move of both tables, by role."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from kim import services
from kim.models import Kim, KimStatusChange, Post, PostCorrection
from portal.roles import Role
from portal.workflow import INVALID_TRANSITION, InvalidTransition
from tests.conftest import SEDAHKIDUL
from tests.kim.conftest import fresh

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages in English, the source language, so assertions read the strings in the code."""
    with translation.override("en"):
        yield


ACTIVE, INACTIVE, DISSOLVED = Kim.Status.ACTIVE, Kim.Status.INACTIVE, Kim.Status.DISSOLVED
# Written out by hand: the KIM status moves the registry allows.
KIM_ALLOWED = {(ACTIVE, INACTIVE), (ACTIVE, DISSOLVED), (INACTIVE, ACTIVE), (INACTIVE, DISSOLVED)}

DRAFT, SUBMITTED, PUBLISHED, RETURNED = (
    Post.Status.DRAFT,
    Post.Status.SUBMITTED,
    Post.Status.PUBLISHED,
    Post.Status.RETURNED,
)
# Written out by hand: the news moves, and which of them only a reviewer may make.
POST_ALLOWED = {
    (DRAFT, SUBMITTED),
    (SUBMITTED, DRAFT),
    (SUBMITTED, PUBLISHED),
    (SUBMITTED, RETURNED),
    (RETURNED, SUBMITTED),
}
REVIEWER_ONLY = {(SUBMITTED, PUBLISHED), (SUBMITTED, RETURNED)}
# Who may make the KIM's own moves and the reviewer's moves.
WRITERS = {"manager_own", "editor", "administrator"}
REVIEWERS = {"editor", "administrator"}
ROLES = ["manager_own", "manager_other", "manager_dissolved", "editor", "administrator", "ppid_desa"]


def days_ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


# --- KIM status -----------------------------------------------------------------


def kim_in(make_kim, status):
    kim = make_kim("KIM Uji", founded_on=days_ago(400))
    if status != ACTIVE:
        kim = services.change_kim_status(kim=kim, to=status, on=days_ago(100), by=None)
    return kim


@pytest.mark.parametrize("target", list(Kim.Status))
@pytest.mark.parametrize("current", list(Kim.Status))
def test_kim_status_table(make_kim, kim_editor, current, target):
    kim = kim_in(make_kim, current)
    if (current, target) in KIM_ALLOWED:
        kim = services.change_kim_status(
            kim=kim, to=target, on=days_ago(10), by=kim_editor, note="SK 12/2026"
        )
        assert kim.status == target
        assert kim.status_since == days_ago(10)
        last = kim.status_changes.last()
        assert (last.from_status, last.to_status, last.on, last.actor) == (
            current,
            target,
            days_ago(10),
            kim_editor,
        )
    else:
        with pytest.raises(InvalidTransition, match="cannot become") as error:
            services.change_kim_status(kim=kim, to=target, on=days_ago(10), by=kim_editor)
        assert error.value.code == INVALID_TRANSITION
        assert Kim.objects.get(pk=kim.pk).status == current


def test_registering_a_kim_starts_its_history(make_kim):
    kim = make_kim("KIM Baru", founded_on=datetime.date(2015, 3, 2))
    assert kim.status == ACTIVE
    assert kim.status_since == datetime.date(2015, 3, 2)
    assert list(kim.status_changes.values_list("from_status", "to_status", "on")) == [
        ("", ACTIVE, datetime.date(2015, 3, 2))
    ]


def test_only_registry_staff_register_kims(manager_sendang):
    from portal.models import Village

    kim = Kim(name="KIM Liar", slug="kim-liar", village=Village.objects.get(code=SEDAHKIDUL))
    with pytest.raises(PermissionDenied, match="Only Diskominfo keeps the KIM registry"):
        services.register_kim(kim=kim, by=manager_sendang)
    assert not Kim.objects.filter(slug="kim-liar").exists()


def test_status_dates_must_be_sensible(make_kim, kim_editor):
    kim = make_kim("KIM Tanggal", founded_on=days_ago(30))
    with pytest.raises(ValidationError, match="The date cannot be in the future") as error:
        services.change_kim_status(
            kim=kim, to=INACTIVE, on=timezone.localdate() + datetime.timedelta(days=1), by=kim_editor
        )
    assert "on" in error.value.message_dict
    with pytest.raises(ValidationError, match="cannot be before the current status began") as error:
        services.change_kim_status(kim=kim, to=INACTIVE, on=days_ago(31), by=kim_editor)
    assert "on" in error.value.message_dict
    assert KimStatusChange.objects.filter(kim=kim).count() == 1


@pytest.mark.parametrize("who", ["manager", "ppid_desa"])
def test_only_diskominfo_changes_a_kim_status(sendang_potro, manager_sendang, officer_sedahkidul, who):
    user = manager_sendang if who == "manager" else officer_sedahkidul
    with pytest.raises(PermissionDenied, match="Only Diskominfo changes the status of a KIM"):
        services.change_kim_status(kim=sendang_potro, to=DISSOLVED, on=timezone.localdate(), by=user)
    assert Kim.objects.get(pk=sendang_potro.pk).status == ACTIVE


def test_dissolving_a_kim_tells_its_managers_after_commit(
    sendang_potro, manager_sendang, kim_editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.change_kim_status(kim=sendang_potro, to=DISSOLVED, on=timezone.localdate(), by=kim_editor)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [manager_sendang.email]
    assert "KIM Sendang Potro" in mail.outbox[0].subject


def test_an_unknown_status_is_refused_with_a_message(sendang_potro, kim_editor):
    with pytest.raises(ValidationError, match="Choose one of the listed statuses") as error:
        services.change_kim_status(kim=sendang_potro, to="closed", on=timezone.localdate(), by=kim_editor)
    assert "to" in error.value.message_dict


# --- News workflow --------------------------------------------------------------


@pytest.fixture
def actors(make_staff, sendang_potro, deru_maju, manager_sendang, manager_deru, kim_editor):
    """A user per role; the dissolved manager manages a third KIM, dissolved after writing."""
    from kim.models import Kim as KimModel

    dissolved_kim = services.register_kim(
        kim=KimModel(name="KIM Bubar", slug="kim-bubar", village=sendang_potro.village), by=None
    )
    manager_dissolved = make_staff("pengelola_bubar", Role.KIM_MANAGER, SEDAHKIDUL)
    dissolved_kim.managers.add(manager_dissolved)
    return {
        "manager_own": manager_sendang,
        "manager_other": manager_deru,
        "manager_dissolved": fresh(manager_dissolved),
        "editor": kim_editor,
        "administrator": make_staff("admin_kim", Role.ADMINISTRATOR),
        "ppid_desa": make_staff("sekdes_kim", Role.PPID_DESA, SEDAHKIDUL),
        "kims": {"own": sendang_potro, "dissolved": dissolved_kim},
    }


def expected_allowed(current, target, role):
    if (current, target) not in POST_ALLOWED:
        return False
    if (current, target) in REVIEWER_ONLY:
        return role in REVIEWERS
    return role in WRITERS


@pytest.mark.parametrize("role", ROLES)
def test_news_workflow_table_by_role(actors, post_in_state, role):
    """Every pair of statuses, for one role: allowed moves succeed, all others are refused."""
    kim_key = "dissolved" if role == "manager_dissolved" else "own"
    kim = actors["kims"][kim_key]
    author = actors["manager_dissolved"] if kim_key == "dissolved" else actors["manager_own"]
    posts = {
        (current, target): post_in_state(
            kim, current, author=author, reviewer=actors["editor"], title=f"{current} ke {target}"
        )
        for current in Post.Status
        for target in Post.Status
    }
    if kim_key == "dissolved":
        services.change_kim_status(kim=kim, to=DISSOLVED, on=timezone.localdate(), by=None)
    user = fresh(actors[role])
    for (current, target), post in posts.items():
        case = f"{role}: {current} -> {target}"
        note = "Tambahkan foto kegiatan." if target == RETURNED else ""
        if expected_allowed(current, target, role):
            moved = services.transition_post(post=post, to=target, by=user, note=note, notify=False)
            assert moved.status == target, case
            last = moved.transitions.last()
            assert (last.from_status, last.to_status, last.actor) == (current, target, user), case
        else:
            if (current, target) not in POST_ALLOWED:
                error, message = InvalidTransition, "cannot become"
            else:
                error, message = PermissionDenied, "Only a Diskominfo editor|You may move news only"
            with pytest.raises(error, match=message):
                services.transition_post(post=post, to=target, by=user, note=note, notify=False)
            assert Post.objects.get(pk=post.pk).status == current, case


def test_returning_a_post_needs_a_note_for_the_kim(sendang_potro, manager_sendang, kim_editor, post_in_state):
    post = post_in_state(sendang_potro, SUBMITTED, author=manager_sendang, reviewer=kim_editor)
    with pytest.raises(ValidationError, match="Tell the KIM what to change") as error:
        services.transition_post(post=post, to=RETURNED, by=kim_editor, note="   ")
    assert "note" in error.value.message_dict
    assert Post.objects.get(pk=post.pk).status == SUBMITTED


def test_a_post_keeps_its_whole_history(sendang_potro, manager_sendang, kim_editor):
    post = services.create_post(
        kim=sendang_potro, title="Posyandu", body="Jadwal posyandu.", by=manager_sendang
    )
    services.transition_post(post=post, to=SUBMITTED, by=manager_sendang, notify=False)
    services.transition_post(post=post, to=RETURNED, by=kim_editor, note="Tambahkan jam.", notify=False)
    returned = Post.objects.get(pk=post.pk)
    assert returned.reviewer_note == "Tambahkan jam."
    services.transition_post(post=post, to=SUBMITTED, by=manager_sendang, notify=False)
    published = services.transition_post(post=post, to=PUBLISHED, by=kim_editor, notify=False)
    assert published.published_at is not None
    assert published.reviewer_note == ""
    rows = list(post.transitions.values_list("from_status", "to_status", "actor__username", "note"))
    assert rows == [
        ("", DRAFT, "pengelola_sendang", ""),
        (DRAFT, SUBMITTED, "pengelola_sendang", ""),
        (SUBMITTED, RETURNED, "editor_kim", "Tambahkan jam."),
        (RETURNED, SUBMITTED, "pengelola_sendang", ""),
        (SUBMITTED, PUBLISHED, "editor_kim", ""),
    ]


def test_managers_write_news_only_for_their_own_live_kim(sendang_potro, deru_maju, manager_sendang):
    with pytest.raises(PermissionDenied, match="You may write news only for a KIM you manage"):
        services.create_post(kim=deru_maju, title="Bukan KIM saya", body="x", by=manager_sendang)
    services.change_kim_status(kim=sendang_potro, to=DISSOLVED, on=timezone.localdate(), by=None)
    with pytest.raises(PermissionDenied, match="You may write news only for a KIM you manage"):
        services.create_post(
            kim=Kim.objects.get(pk=sendang_potro.pk), title="Sudah bubar", body="x", by=manager_sendang
        )
    assert not Post.objects.exists()


def test_review_mails_go_out_after_commit(
    sendang_potro, manager_sendang, kim_editor, django_capture_on_commit_callbacks
):
    post = services.create_post(kim=sendang_potro, title="Papan APBDes", body="Isi.", by=manager_sendang)
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_post(post=post, to=SUBMITTED, by=manager_sendang)
    assert [m.to for m in mail.outbox] == [[kim_editor.email]]
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_post(post=post, to=RETURNED, by=kim_editor, note="Sebutkan sumber angka.")
    assert mail.outbox[-1].to == [manager_sendang.email]
    assert "Sebutkan sumber angka." in mail.outbox[-1].body
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_post(post=post, to=SUBMITTED, by=manager_sendang)
        services.transition_post(post=post, to=PUBLISHED, by=kim_editor)
    assert mail.outbox[-1].to == [manager_sendang.email]
    with translation.override("id"):  # the mail is in Indonesian, with the Indonesian address
        assert post.get_absolute_url() in mail.outbox[-1].body


def test_no_mail_is_sent_when_the_move_is_refused(
    sendang_potro, manager_sendang, kim_editor, django_capture_on_commit_callbacks
):
    post = services.create_post(kim=sendang_potro, title="Draf", body="Isi.", by=manager_sendang)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(InvalidTransition, match="cannot become"),
    ):
        services.transition_post(post=post, to=PUBLISHED, by=kim_editor)
    assert mail.outbox == []


def test_published_news_is_corrected_by_a_note_not_an_edit(
    sendang_potro, manager_sendang, kim_editor, post_in_state
):
    post = post_in_state(
        sendang_potro, PUBLISHED, author=manager_sendang, reviewer=kim_editor, body="Dana Rp10 juta."
    )
    with pytest.raises(PermissionDenied, match="Only a Diskominfo editor may add a correction"):
        services.add_post_correction(post=post, text="Dana Rp12 juta.", by=manager_sendang)
    correction = services.add_post_correction(
        post=post, text="Dananya Rp12 juta, bukan Rp10 juta.", by=kim_editor
    )
    assert correction.post == post
    assert Post.objects.get(pk=post.pk).body == "Dana Rp10 juta."
    draft = post_in_state(
        sendang_potro, DRAFT, author=manager_sendang, reviewer=kim_editor, title="Draf lain"
    )
    with pytest.raises(ValidationError, match="Only published news gets corrections"):
        services.add_post_correction(post=draft, text="x", by=kim_editor)
    with pytest.raises(ValidationError, match="Write the correction"):
        services.add_post_correction(post=post, text="  ", by=kim_editor)
    assert PostCorrection.objects.count() == 1
