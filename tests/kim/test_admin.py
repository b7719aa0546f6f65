"""The back office: a KIM manager is kept to their own KIM by list, URL, form
and POST; editors keep the registry and review news through the services."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kim import services
from kim.models import BoardMember, BoardRole, Kim, Post
from tests.conftest import SUMBERREJO
from tests.kim.conftest import form_data, fresh

pytestmark = pytest.mark.django_db

DRAFT, SUBMITTED, PUBLISHED = Post.Status.DRAFT, Post.Status.SUBMITTED, Post.Status.PUBLISHED


def change_url(obj):
    return reverse(f"admin:kim_{obj._meta.model_name}_change", args=[obj.pk])


def post_form(client, url, form_id, **changes):
    """Submit an admin form as a browser would, with some fields changed."""
    page = client.get(url)
    assert page.status_code == 200
    data = form_data(page.content.decode(), form_id)
    data.update(changes)
    return client.post(url, data)


@pytest.fixture
def drafts(sendang_potro, deru_maju, manager_sendang, manager_deru):
    own = services.create_post(kim=sendang_potro, title="Draf Sendang Potro", body="a", by=manager_sendang)
    other = services.create_post(kim=deru_maju, title="Draf Deru Maju", body="b", by=manager_deru)
    return own, other


# --- Lists, URLs, forms and POSTs of a KIM manager -------------------------------


def test_manager_lists_only_their_own_kim_and_its_news(client, manager_sendang, drafts):
    client.force_login(manager_sendang)
    kims = client.get(reverse("admin:kim_kim_changelist")).content.decode()
    assert "KIM Sendang Potro" in kims
    assert "KIM Deru Maju" not in kims
    posts = client.get(reverse("admin:kim_post_changelist")).content.decode()
    assert "Draf Sendang Potro" in posts
    assert "Draf Deru Maju" not in posts


@pytest.mark.parametrize(
    "url_of",
    [
        lambda kim, post: change_url(kim),
        lambda kim, post: reverse("admin:kim_kim_status", args=[kim.pk]),
        lambda kim, post: reverse("admin:kim_kim_history", args=[kim.pk]),
        lambda kim, post: change_url(post),
        lambda kim, post: reverse("admin:kim_post_transition", args=[post.pk]),
        lambda kim, post: reverse("admin:kim_post_delete", args=[post.pk]),
    ],
)
def test_another_kims_records_are_not_found_by_url(client, manager_sendang, deru_maju, drafts, url_of):
    client.force_login(manager_sendang)
    assert client.get(url_of(deru_maju, drafts[1])).status_code == 404


def test_manager_cannot_write_news_for_another_kim_by_form_or_post(
    client, manager_sendang, deru_maju, drafts
):
    client.force_login(manager_sendang)
    url = reverse("admin:kim_post_add")
    page = client.get(url).content.decode()
    assert "KIM Sendang Potro" in page
    assert "KIM Deru Maju" not in page
    response = client.post(url, {"kim": deru_maju.pk, "title": "Menyusup", "body": "x", **empty_inlines()})
    assert response.status_code == 200
    assert "kim" in response.context["adminform"].form.errors
    assert not Post.objects.filter(title="Menyusup").exists()


def empty_inlines():
    data = {}
    for prefix in ("photos", "transitions", "corrections"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return data


def test_manager_writes_a_draft_for_their_own_kim(client, manager_sendang, sendang_potro):
    client.force_login(manager_sendang)
    response = client.post(
        reverse("admin:kim_post_add"),
        {"kim": sendang_potro.pk, "title": "Kerja bakti", "body": "Warga gotong royong.", **empty_inlines()},
    )
    assert response.status_code == 302
    post = Post.objects.get(title="Kerja bakti")
    assert (post.status, post.created_by, post.kim) == (DRAFT, manager_sendang, sendang_potro)
    assert list(post.transitions.values_list("to_status", flat=True)) == [DRAFT]


def test_manager_edits_the_profile_but_not_the_village_or_name(client, manager_sendang, sendang_potro):
    client.force_login(manager_sendang)
    response = post_form(
        client,
        change_url(sendang_potro),
        "kim_form",
        description="KIM berprestasi di Desa Sedahkidul.",
        village=SUMBERREJO,
        name="KIM Lain",
        managers=[],
    )
    assert response.status_code == 302
    kim = Kim.objects.get(pk=sendang_potro.pk)
    assert kim.description == "KIM berprestasi di Desa Sedahkidul."
    assert (kim.village_id, kim.name) == (sendang_potro.village_id, "KIM Sendang Potro")
    assert list(kim.managers.all()) == [manager_sendang]


def test_manager_does_not_see_who_else_manages_the_kim(client, manager_sendang, sendang_potro):
    client.force_login(manager_sendang)
    page = client.get(change_url(sendang_potro)).content.decode()
    assert 'name="managers"' not in page
    assert 'name="village"' not in page


def test_manager_cannot_publish_their_news(client, manager_sendang, sendang_potro, kim_editor, post_in_state):
    post = post_in_state(sendang_potro, SUBMITTED, author=manager_sendang, reviewer=kim_editor)
    client.force_login(manager_sendang)
    url = reverse("admin:kim_post_transition", args=[post.pk])
    page = client.get(url).content.decode()
    assert 'value="published"' not in page
    response = client.post(url, {"to": PUBLISHED})
    assert response.status_code == 200
    assert "to" in response.context["form"].errors
    assert Post.objects.get(pk=post.pk).status == SUBMITTED
    assert client.post(
        reverse("admin:kim_post_changelist"), {"action": "publish_selected", "_selected_action": [post.pk]}
    ).status_code in (200, 302)
    assert Post.objects.get(pk=post.pk).status == SUBMITTED


def test_manager_submits_and_editor_publishes_from_the_review_page(
    client, manager_sendang, sendang_potro, kim_editor, post_in_state
):
    post = post_in_state(sendang_potro, DRAFT, author=manager_sendang, reviewer=kim_editor)
    client.force_login(manager_sendang)
    url = reverse("admin:kim_post_transition", args=[post.pk])
    assert client.post(url, {"to": SUBMITTED}).status_code == 302
    client.force_login(kim_editor)
    response = client.post(url, {"to": "returned", "note": ""})
    assert response.status_code == 200
    assert "note" in response.context["form"].errors
    assert client.post(url, {"to": PUBLISHED}).status_code == 302
    post.refresh_from_db()
    assert post.status == PUBLISHED
    assert list(post.transitions.values_list("actor__username", flat=True)) == [
        "pengelola_sendang",
        "pengelola_sendang",
        "editor_kim",
    ]


def test_submitted_and_published_news_is_read_only_for_the_manager(
    client, manager_sendang, sendang_potro, kim_editor, post_in_state
):
    client.force_login(manager_sendang)
    for state in (SUBMITTED, PUBLISHED):
        post = post_in_state(
            sendang_potro, state, author=manager_sendang, reviewer=kim_editor, title=f"Berita {state}"
        )
        assert client.get(change_url(post)).status_code == 200
        response = client.post(
            change_url(post), {"kim": sendang_potro.pk, "title": "Diubah", "body": "x", **empty_inlines()}
        )
        assert response.status_code == 403
        assert Post.objects.get(pk=post.pk).title == f"Berita {state}"


def test_a_manager_of_a_dissolved_kim_may_read_but_not_write(
    client, manager_sendang, sendang_potro, kim_editor, post_in_state
):
    draft = post_in_state(sendang_potro, DRAFT, author=manager_sendang, reviewer=kim_editor)
    services.change_kim_status(
        kim=sendang_potro, to=Kim.Status.DISSOLVED, on=timezone.localdate(), by=kim_editor
    )
    client.force_login(fresh(manager_sendang))
    assert client.get(change_url(sendang_potro)).status_code == 200
    assert client.post(change_url(sendang_potro), {"description": "x"}).status_code == 403
    assert client.get(change_url(draft)).status_code == 200
    assert client.post(change_url(draft), {"title": "x"}).status_code == 403
    assert client.get(reverse("admin:kim_post_add")).status_code == 403
    assert (
        client.post(reverse("admin:kim_post_transition", args=[draft.pk]), {"to": SUBMITTED}).status_code
        == 403
    )
    assert Post.objects.get(pk=draft.pk).status == DRAFT


def test_ppid_officers_have_no_access_to_the_kim_registry(
    client, officer_sedahkidul, officer_sumberrejo, sendang_potro
):
    for officer in (officer_sedahkidul, officer_sumberrejo):
        client.force_login(officer)
        assert client.get(reverse("admin:kim_kim_changelist")).status_code == 403
        assert client.get(reverse("admin:kim_post_changelist")).status_code == 403


# --- The registry kept by editors ---------------------------------------------------


def test_editor_registers_a_kim_with_its_first_history_row(client, kim_editor):
    client.force_login(kim_editor)
    url = reverse("admin:kim_kim_add")
    data = form_data(client.get(url).content.decode(), "kim_form")
    data.update(name="KIM Warta Pelem", slug="warta-pelem", village="35.22.18.2001", founded_on="2019-04-01")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    kim = Kim.objects.get(slug="warta-pelem")
    assert kim.status_since == datetime.date(2019, 4, 1)
    assert list(kim.status_changes.values_list("to_status", "actor__username")) == [("active", "editor_kim")]


def test_editor_changes_status_from_the_status_page_and_managers_cannot(
    client, kim_editor, manager_sendang, sendang_potro
):
    url = reverse("admin:kim_kim_status", args=[sendang_potro.pk])
    client.force_login(manager_sendang)
    assert client.get(url).status_code == 403
    client.force_login(kim_editor)
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    response = client.post(url, {"to": "inactive", "on": future})
    assert response.status_code == 200
    assert "on" in response.context["form"].errors
    today = timezone.localdate().isoformat()
    assert client.post(url, {"to": "inactive", "on": today, "note": "Tidak aktif"}).status_code == 302
    assert Kim.objects.get(pk=sendang_potro.pk).status == Kim.Status.INACTIVE


def test_listed_kims_and_published_news_cannot_be_deleted(
    client, kim_editor, manager_sendang, sendang_potro, make_kim, post_in_state
):
    published = post_in_state(sendang_potro, PUBLISHED, author=manager_sendang, reviewer=kim_editor)
    hidden = make_kim("KIM Salah Input", is_public=False)
    client.force_login(kim_editor)
    assert (
        client.post(reverse("admin:kim_kim_delete", args=[sendang_potro.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert (
        client.post(reverse("admin:kim_post_delete", args=[published.pk]), {"post": "yes"}).status_code == 403
    )
    assert "delete_selected" not in client.get(reverse("admin:kim_kim_changelist")).content.decode()
    assert client.post(reverse("admin:kim_kim_delete", args=[hidden.pk]), {"post": "yes"}).status_code == 302
    assert not Kim.objects.filter(pk=hidden.pk).exists()
    assert Kim.objects.filter(pk=sendang_potro.pk).exists()
    assert Post.objects.filter(pk=published.pk).exists()


# --- Board history through the admin -------------------------------------------------


def board_rows(data):
    return int(data["board-TOTAL_FORMS"])


def add_board_row(data, index, **values):
    for key, value in values.items():
        data[f"board-{index}-{key}"] = value
    data["board-TOTAL_FORMS"] = str(index + 1)


def test_a_new_chair_replaces_the_old_one_in_one_save_and_history_is_kept(
    client, manager_sendang, sendang_potro
):
    old = BoardMember.objects.create(
        kim=sendang_potro, name="Joko Santoso", role=BoardRole.CHAIR, term_start=datetime.date(2019, 1, 1)
    )
    client.force_login(manager_sendang)
    url = change_url(sendang_potro)
    data = form_data(client.get(url).content.decode(), "kim_form")
    assert data["board-0-name"] == "Joko Santoso"
    data["board-0-term_end"] = "2024-12-31"
    add_board_row(
        data,
        board_rows(data),
        name="Retno Utomo",
        role="ketua",
        term_start="2025-01-01",
        kim=str(sendang_potro.pk),
    )
    response = client.post(url, data)
    assert response.status_code == 302
    chairs = list(
        BoardMember.objects.filter(kim=sendang_potro, role="ketua")
        .order_by("term_start")
        .values_list("name", "term_end")
    )
    assert chairs == [("Joko Santoso", datetime.date(2024, 12, 31)), ("Retno Utomo", None)]
    assert BoardMember.objects.filter(pk=old.pk).exists()


def test_two_chairs_with_overlapping_terms_are_refused(client, manager_sendang, sendang_potro):
    BoardMember.objects.create(
        kim=sendang_potro, name="Joko Santoso", role=BoardRole.CHAIR, term_start=datetime.date(2019, 1, 1)
    )
    client.force_login(manager_sendang)
    url = change_url(sendang_potro)
    data = form_data(client.get(url).content.decode(), "kim_form")
    add_board_row(
        data,
        board_rows(data),
        name="Retno Utomo",
        role="ketua",
        term_start="2025-01-01",
        kim=str(sendang_potro.pk),
    )
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "overlapping terms" in response.content.decode()
    assert BoardMember.objects.filter(kim=sendang_potro).count() == 1


def test_a_forged_board_row_of_another_kim_is_refused(client, manager_sendang, sendang_potro, deru_maju):
    theirs = BoardMember.objects.create(kim=deru_maju, name="Iwan Siswoyo", role=BoardRole.CHAIR)
    client.force_login(manager_sendang)
    url = change_url(sendang_potro)
    data = form_data(client.get(url).content.decode(), "kim_form")
    data["board-INITIAL_FORMS"] = "1"
    add_board_row(data, 0, id=str(theirs.pk), kim=str(sendang_potro.pk), name="Diganti", role="ketua")
    client.post(url, data)
    theirs.refresh_from_db()
    assert (theirs.name, theirs.kim_id) == ("Iwan Siswoyo", deru_maju.pk)
    assert not BoardMember.objects.filter(kim=sendang_potro).exists()
