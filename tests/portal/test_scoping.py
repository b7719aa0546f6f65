"""One scoping mechanism for the back office, walked as a table.

Two village officers, each answering for one village, try every way into the
other's rows: the change list, object URLs (change, delete, history, audit log),
autocomplete, form choices, a forged POST and a bulk delete.
"""

import pytest
from django.urls import reverse

from portal.models import Village, VillageOfficial
from tests.conftest import SEDAHKIDUL, SUMBERREJO

OFFICERS = {"sedahkidul": SEDAHKIDUL, "sumberrejo": SUMBERREJO}


@pytest.fixture
def world(officer_sedahkidul, officer_sumberrejo):
    officials = {
        "sedahkidul": VillageOfficial.objects.create(
            village_id=SEDAHKIDUL, name="Pak Sedah", position="Sekdes"
        ),
        "sumberrejo": VillageOfficial.objects.create(
            village_id=SUMBERREJO, name="Bu Sumber", position="Sekdes"
        ),
    }
    users = {"sedahkidul": officer_sedahkidul, "sumberrejo": officer_sumberrejo}
    return users, officials


def other(name):
    return "sumberrejo" if name == "sedahkidul" else "sedahkidul"


def logged_in(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("me", OFFICERS)
def test_change_list_shows_only_own_village(client, world, me):
    users, officials = world
    html = (
        logged_in(client, users[me]).get(reverse("admin:portal_villageofficial_changelist")).content.decode()
    )
    assert officials[me].name in html
    assert officials[other(me)].name not in html


@pytest.mark.parametrize("me", OFFICERS)
def test_village_list_shows_only_own_village(client, world, me):
    users, _ = world
    response = logged_in(client, users[me]).get(reverse("admin:portal_village_changelist"))
    codes = [v.code for v in response.context["cl"].result_list]
    assert codes == [OFFICERS[me]]


@pytest.mark.parametrize("me", OFFICERS)
@pytest.mark.parametrize("view", ["change", "delete", "history", "auditlog"])
def test_object_urls_of_another_village_are_404(client, world, me, view):
    users, officials = world
    url = reverse(f"admin:portal_villageofficial_{view}", args=[officials[other(me)].pk])
    assert logged_in(client, users[me]).get(url).status_code == 404


@pytest.mark.parametrize("me", OFFICERS)
@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_object_urls_of_own_village_work(client, world, me, view):
    users, officials = world
    url = reverse(f"admin:portal_villageofficial_{view}", args=[officials[me].pk])
    response = logged_in(client, users[me]).get(url)
    assert response.status_code == 200
    assert officials[me].name in response.content.decode()


@pytest.mark.parametrize("me", OFFICERS)
def test_another_villages_page_is_404(client, world, me):
    users, _ = world
    url = reverse("admin:portal_village_change", args=[OFFICERS[other(me)]])
    assert logged_in(client, users[me]).get(url).status_code == 404


@pytest.mark.parametrize("me", OFFICERS)
def test_autocomplete_offers_only_own_village(client, world, me):
    users, _ = world
    response = logged_in(client, users[me]).get(
        reverse("admin:autocomplete"),
        {"app_label": "portal", "model_name": "villageofficial", "field_name": "village", "term": ""},
    )
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["results"]] == [OFFICERS[me]]


@pytest.mark.parametrize("me", OFFICERS)
def test_form_offers_only_own_village_and_prefills_it(client, world, me):
    users, _ = world
    response = logged_in(client, users[me]).get(reverse("admin:portal_villageofficial_add"))
    field = response.context["adminform"].form.fields["village"]
    assert list(field.queryset.values_list("code", flat=True)) == [OFFICERS[me]]
    assert response.context["adminform"].form.initial["village"] == OFFICERS[me]


@pytest.mark.parametrize("me", OFFICERS)
def test_forged_village_in_add_post_is_refused(client, world, me):
    users, _ = world
    before = VillageOfficial.objects.count()
    response = logged_in(client, users[me]).post(
        reverse("admin:portal_villageofficial_add"),
        {"village": OFFICERS[other(me)], "name": "Penyusup", "position": "Kaur", "order": 0},
    )
    assert response.status_code == 200  # the form comes back with an error
    assert response.context["adminform"].form.errors["village"]
    assert VillageOfficial.objects.count() == before


@pytest.mark.parametrize("me", OFFICERS)
def test_forged_village_in_change_post_changes_nothing(client, world, me):
    users, officials = world
    mine = officials[me]
    response = logged_in(client, users[me]).post(
        reverse("admin:portal_villageofficial_change", args=[mine.pk]),
        {"village": OFFICERS[other(me)], "name": "Dipindah", "position": "Kaur", "order": 0},
    )
    assert response.status_code == 200
    mine.refresh_from_db()
    assert (mine.village_id, mine.name) == (OFFICERS[me], officials[me].name)


@pytest.mark.parametrize("me", OFFICERS)
def test_post_to_another_villages_object_is_404_and_changes_nothing(client, world, me):
    users, officials = world
    theirs = officials[other(me)]
    response = logged_in(client, users[me]).post(
        reverse("admin:portal_villageofficial_change", args=[theirs.pk]),
        {"village": OFFICERS[me], "name": "Diambil", "position": "Kaur", "order": 0},
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.village_id == OFFICERS[other(me)]


@pytest.mark.parametrize("me", OFFICERS)
def test_bulk_delete_never_reaches_outside_scope(client, world, me):
    users, officials = world
    response = logged_in(client, users[me]).post(
        reverse("admin:portal_villageofficial_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [officials[me].pk, officials[other(me)].pk],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert not VillageOfficial.objects.filter(pk=officials[me].pk).exists()
    assert VillageOfficial.objects.filter(pk=officials[other(me)].pk).exists()


@pytest.mark.parametrize("me", OFFICERS)
def test_officer_can_edit_own_village_contact_but_not_its_name(client, world, me):
    users, _ = world
    code = OFFICERS[me]
    village = Village.objects.get(code=code)
    response = logged_in(client, users[me]).post(
        reverse("admin:portal_village_change", args=[code]),
        {
            "website": "https://desa.example.id",
            "office_address": "Jl. Raya 1",
            "public_email": "",
            "public_phone": "",
            "name": "Nama Baru",
            "officials-TOTAL_FORMS": 0,
            "officials-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    village.refresh_from_db()
    assert village.website == "https://desa.example.id"
    assert village.name != "Nama Baru"


def test_regency_staff_see_every_village(client, administrator, world):
    response = logged_in(client, administrator).get(reverse("admin:portal_villageofficial_changelist"))
    html = response.content.decode()
    assert "Pak Sedah" in html and "Bu Sumber" in html


def test_officer_without_a_village_sees_nothing(client, make_staff, world):
    from portal.roles import Role

    lost = make_staff("tanpa_desa", Role.PPID_DESA)
    response = logged_in(client, lost).get(reverse("admin:portal_villageofficial_changelist"))
    assert list(response.context["cl"].result_list) == []


def test_audit_history_is_visible_to_administrators_only(client, administrator, world):
    users, officials = world
    mine = officials["sedahkidul"]
    client.force_login(users["sedahkidul"])
    client.post(
        reverse("admin:portal_villageofficial_change", args=[mine.pk]),
        {"village": SEDAHKIDUL, "name": "Pak Sedah Baru", "position": "Sekdes", "order": 0},
    )
    url = reverse("admin:portal_villageofficial_auditlog", args=[mine.pk])
    assert client.get(url).status_code == 403
    client.force_login(administrator)
    html = client.get(url).content.decode()
    assert "Pak Sedah Baru" in html
    assert users["sedahkidul"].username in html
