"""Every URL of the KIM app: public pages open to anyone, back-office pages
only to staff, and each back-office page renders for the roles that use it."""

import pytest
from django.urls import reverse

from kim import services
from kim.models import Forum, KimLevel
from portal.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(sendang_potro, manager_sendang, kim_editor, post_in_state):
    KimLevel.objects.create(name="Maju", slug="maju")
    Forum.objects.create(name="Forum KIM", slug="forum-kim")
    published = post_in_state(
        sendang_potro, "published", author=manager_sendang, reviewer=kim_editor, title="Terbit"
    )
    services.add_post_correction(post=published, text="Koreksi kecil.", by=kim_editor)
    draft = post_in_state(sendang_potro, "draft", author=manager_sendang, reviewer=kim_editor, title="Draf")
    return {"kim": sendang_potro, "published": published, "draft": draft}


def public_urls(records):
    return [
        reverse("kim:list"),
        reverse("kim:detail", args=[records["kim"].slug]),
        reverse("kim:posts"),
        reverse("kim:post", args=[records["published"].slug]),
        reverse("kim:feed"),
        reverse("kim:feed-atom"),
        reverse("kim:coverage"),
        reverse("kim:forum"),
        reverse("kim:data-csv"),
        reverse("kim:data-json"),
    ]


def admin_urls(records):
    kim, published, draft = records["kim"], records["published"], records["draft"]
    return [
        reverse("admin:app_list", args=["kim"]),
        reverse("admin:kim_kim_changelist"),
        reverse("admin:kim_kim_add"),
        reverse("admin:kim_kim_change", args=[kim.pk]),
        reverse("admin:kim_kim_status", args=[kim.pk]),
        reverse("admin:kim_kimlevel_changelist"),
        reverse("admin:kim_post_changelist"),
        reverse("admin:kim_post_add"),
        reverse("admin:kim_post_change", args=[draft.pk]),
        reverse("admin:kim_post_change", args=[published.pk]),
        reverse("admin:kim_post_transition", args=[published.pk]),
        reverse("admin:kim_post_transition", args=[draft.pk]),
        reverse("admin:kim_post_correction", args=[published.pk]),
        reverse("admin:kim_forum_changelist"),
        reverse("admin:kim_forum_add"),
    ]


def test_public_pages_need_no_login(client, records):
    for url in public_urls(records):
        assert client.get(url).status_code == 200, url


def test_back_office_pages_need_a_login(client, records):
    for url in admin_urls(records):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.EDITOR])
def test_every_back_office_page_renders_for_registry_staff(client, make_staff, records, role):
    client.force_login(make_staff("staf", role))
    for url in admin_urls(records):
        assert client.get(url).status_code == 200, url


def test_a_kim_manager_reaches_their_own_pages_only(client, manager_sendang, records):
    client.force_login(manager_sendang)
    allowed = [
        reverse("admin:kim_kim_changelist"),
        reverse("admin:kim_kim_change", args=[records["kim"].pk]),
        reverse("admin:kim_post_changelist"),
        reverse("admin:kim_post_add"),
        reverse("admin:kim_post_change", args=[records["draft"].pk]),
        reverse("admin:kim_post_transition", args=[records["draft"].pk]),
    ]
    refused = [
        reverse("admin:kim_kim_add"),
        reverse("admin:kim_kim_status", args=[records["kim"].pk]),
        reverse("admin:kim_kimlevel_changelist"),
        reverse("admin:kim_post_correction", args=[records["published"].pk]),
        reverse("admin:kim_forum_changelist"),
    ]
    for url in allowed:
        assert client.get(url).status_code == 200, url
    for url in refused:
        assert client.get(url).status_code == 403, url


def test_bad_query_strings_never_cause_a_server_error(client, records):
    for url in public_urls(records):
        for query in (
            "?page=x",
            "?kecamatan=%00",
            "?q=%00",
            "?kim=..%2F",
            "?tingkat=<b>",
            "?urut=-1&status=%ff",
        ):
            assert client.get(url + query).status_code in (200, 404), url + query
