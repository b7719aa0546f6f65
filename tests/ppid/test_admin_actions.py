"""The table-driven workflow pages of the back office: every row renders, guards and validates."""

import datetime

import pytest
from django.apps import apps
from django.forms.models import model_to_dict
from django.urls import reverse

from ppid import services
from ppid.admin.dip import DIP_ACTIONS
from ppid.admin.objections import OBJECTION_ACTIONS
from ppid.admin.request_actions import REQUEST_ACTIONS
from ppid.models import DipCategory, DipItem, InfoRequest

from .conftest import answer, reload

D = datetime.date
TABLES = {"inforequest": REQUEST_ACTIONS, "objection": OBJECTION_ACTIONS, "dipitem": DIP_ACTIONS}

# (model, action, state the object starts in, a user lacking the action's permission)
ROWS = [
    ("inforequest", "process", "registered", "editor"),
    ("inforequest", "extend", "in_process", "editor"),
    ("inforequest", "answer", "in_process", "editor"),
    ("inforequest", "withdraw", "registered", "editor"),
    ("inforequest", "reassign", "registered", "officer_sedahkidul"),
    ("inforequest", "hide", "registered", "editor"),
    ("inforequest", "code", "registered", "editor"),
    ("inforequest", "objection", "answered", "editor"),
    ("objection", "decide", "filed", "officer_sedahkidul"),
    ("objection", "withdraw", "filed", "officer_sedahkidul"),
    ("dipitem", "publish", "draft", "editor"),
    ("dipitem", "withdraw", "published", "editor"),
]

# (model, action, POST that the form refuses, the field the error stands next to)
INVALID = [
    (
        "inforequest",
        "extend",
        {"extension_days": "9", "extension_reason": "Arsip di gudang"},
        "extension_days",
    ),
    ("inforequest", "answer", {"decision": "refused", "issued_on": "2025-06-11", "fee": 0}, "refusal_reason"),
    ("inforequest", "withdraw", {"note": ""}, "note"),
    ("inforequest", "reassign", {"unit": "", "note": "Salah alamat"}, "unit"),
    ("inforequest", "hide", {"reason": ""}, "reason"),
    ("inforequest", "objection", {"statement": "Tidak dijawab", "filed_on": "2025-06-16"}, "grounds"),
    ("objection", "decide", {"status": "upheld", "decision": "", "decided_on": "2025-06-30"}, "decision"),
    ("objection", "withdraw", {"note": ""}, "note"),
    ("dipitem", "withdraw", {"note": ""}, "note"),
]


@pytest.fixture
def make_object(register, unit_sedahkidul):
    def make(model, state):
        if model == "dipitem":
            item = DipItem.objects.create(
                unit=unit_sedahkidul, category=DipCategory.BERKALA, title="Profil desa", holding_official="Sekdes",
                responsible_person="Kades", year=2025, retention_period="5 tahun",
            )  # fmt: skip
            if state == "published":
                services.change_dip_status(item=item, to_status=DipItem.Status.PUBLISHED)
            return item
        info_request = register(received_on=D(2025, 6, 2)).request
        if state == "in_process":
            services.change_request_status(info_request=info_request, to_status=InfoRequest.Status.IN_PROCESS)
        if state in ("answered", "filed"):
            answer(info_request, decision="refused", issued_on=D(2025, 6, 11))
        if state == "filed":
            return services.file_objection(
                info_request=reload(info_request), grounds={"a"}, statement="x", filed_on=D(2025, 6, 16)
            )
        return reload(info_request)

    return make


def action_url(model, name, obj):
    return reverse(f"admin:ppid_{model}_{name}", args=[obj.pk])


def row_of(model, name):
    return next(action for action in TABLES[model] if action.name == name)


def snapshot(obj):
    """The object's stored fields and the number of rows of every PPID model."""
    counts = {m.__name__: m._default_manager.count() for m in apps.get_app_config("ppid").get_models()}
    return model_to_dict(type(obj).objects.get(pk=obj.pk)), counts


def test_every_row_of_every_table_is_tested():
    tested = {(model, name) for model, name, _state, _user in ROWS}
    assert tested == {(model, action.name) for model, table in TABLES.items() for action in table}


@pytest.mark.parametrize(("model", "name", "state", "_outsider"), ROWS)
def test_each_action_page_renders_its_title_and_button(
    client, ppid_utama, make_object, model, name, state, _outsider
):
    obj = make_object(model, state)
    client.force_login(ppid_utama)
    response = client.get(action_url(model, name, obj))
    action = row_of(model, name)
    assert response.status_code == 200
    assert "ppid/admin/action_form.html" in [template.name for template in response.templates]
    assert str(response.context["title"]) == str(action.title)
    assert f'value="{response.context["button"]}"' in response.content.decode()
    assert (response.context["form"] is None) == (action.form is None)


@pytest.mark.parametrize(("model", "name", "state", "outsider"), ROWS)
def test_each_action_refuses_a_user_without_its_permission(
    request, client, make_object, model, name, state, outsider
):
    obj = make_object(model, state)
    before = snapshot(obj)
    client.force_login(request.getfixturevalue(outsider))
    assert client.get(action_url(model, name, obj)).status_code == 403
    assert client.post(action_url(model, name, obj), {"note": "x", "reason": "x"}).status_code == 403
    assert snapshot(obj) == before


@pytest.mark.parametrize(("model", "name", "data", "field"), INVALID)
def test_invalid_input_shows_the_field_error_and_changes_nothing(
    client, ppid_utama, make_object, model, name, data, field
):
    state = next(state for m, n, state, _user in ROWS if (m, n) == (model, name))
    obj = make_object(model, state)
    before = snapshot(obj)
    client.force_login(ppid_utama)
    response = client.post(action_url(model, name, obj), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    assert f'id="id_{field}_error"' in response.content.decode()
    assert snapshot(obj) == before


def test_a_service_refusal_appears_next_to_its_field(client, ppid_utama, make_object, unit_sedahkidul):
    info_request = make_object("inforequest", "registered")
    client.force_login(ppid_utama)
    response = client.post(action_url("inforequest", "reassign", info_request), {"unit": unit_sedahkidul.pk})
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert reload(info_request).unit == unit_sedahkidul


def test_a_valid_action_calls_the_service_and_goes_back_with_the_rows_message(
    client, ppid_utama, make_object
):
    info_request = make_object("inforequest", "in_process")
    client.force_login(ppid_utama)
    response = client.post(
        action_url("inforequest", "extend", info_request),
        {"extension_days": "5", "extension_reason": "Arsip di gudang kecamatan"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("admin:ppid_inforequest_change", args=[info_request.pk])
    assert reload(info_request).status == InfoRequest.Status.EXTENDED
    said = [str(m) for m in response.context["messages"]]
    assert said == [row_of("inforequest", "extend").said(reload(info_request))]
    assert said[0] == "Tenggat diperpanjang. Pesan kepada pemohon: e-mail dalam antrean ke s…@e…."


def test_an_action_without_a_form_reports_a_service_refusal_as_a_message(client, ppid_utama, make_object):
    item = make_object("dipitem", "published")
    client.force_login(ppid_utama)
    response = client.post(action_url("dipitem", "publish", item), follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:ppid_dipitem_change", args=[item.pk])
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert DipItem.objects.get(pk=item.pk).status == DipItem.Status.PUBLISHED


MOVES = [action.name for action in REQUEST_ACTIONS if action.refusal]


def test_the_status_moves_are_the_rows_with_a_refusal():
    assert MOVES == ["process", "extend", "answer", "withdraw"]


@pytest.mark.parametrize("name", MOVES)
def test_a_move_the_status_does_not_allow_goes_back_with_a_warning(client, ppid_utama, make_object, name):
    info_request = make_object("inforequest", "answered")
    before = snapshot(info_request)
    client.force_login(ppid_utama)
    response = client.post(action_url("inforequest", name, info_request), {"note": "x"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:ppid_inforequest_change", args=[info_request.pk])
    assert [m.level_tag for m in response.context["messages"]] == ["warning"]
    assert snapshot(info_request) == before


def test_a_service_refusal_without_a_field_stands_above_the_form(client, ppid_utama, make_object):
    item = make_object("dipitem", "draft")  # a draft cannot be withdrawn
    client.force_login(ppid_utama)
    response = client.post(action_url("dipitem", "withdraw", item), {"note": "Salah unggah"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert 'class="errornote"' in response.content.decode()
    assert DipItem.objects.get(pk=item.pk).status == DipItem.Status.DRAFT
