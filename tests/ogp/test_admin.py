"""The back office: village officers see and change only their own village's budgets;
published versions are read-only; the file import and status buttons go through the services."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ogp import services
from ogp.models import Budget, BudgetLine, BudgetVersion, RealisationReport, Status

from .conftest import ORIGINAL, REVISED, SEDAHKIDUL, SUMBERREJO, csv_upload, village

pytestmark = pytest.mark.django_db


def upload(rows=ORIGINAL, **kwargs):
    return SimpleUploadedFile("apbdes.csv", csv_upload(rows, **kwargs).getvalue(), content_type="text/csv")


@pytest.fixture
def two_budgets(publish_budget):
    return publish_budget(code=SEDAHKIDUL), publish_budget(REVISED, code=SUMBERREJO)


def test_officer_lists_only_their_own_villages_budgets(client, officer_sedahkidul, two_budgets):
    client.force_login(officer_sedahkidul)
    html = client.get(reverse("admin:ogp_budgetversion_changelist")).content.decode()
    assert "Sedahkidul" in html and "Sumberrejo" not in html
    html = client.get(reverse("admin:ogp_budget_changelist")).content.decode()
    assert "Sedahkidul" in html and "Sumberrejo" not in html


@pytest.mark.parametrize("model", ["budget", "budgetversion"])
def test_another_villages_records_are_not_found(
    client, officer_sedahkidul, officer_sumberrejo, two_budgets, model
):
    mine, theirs = two_budgets
    target = theirs if model == "budgetversion" else theirs.budget
    client.force_login(officer_sedahkidul)
    assert client.get(reverse(f"admin:ogp_{model}_change", args=[target.pk])).status_code == 404
    client.force_login(officer_sumberrejo)
    assert client.get(reverse(f"admin:ogp_{model}_change", args=[target.pk])).status_code == 200


def test_published_version_is_read_only_and_cannot_be_deleted(client, officer_sedahkidul, two_budgets):
    mine, _theirs = two_budgets
    client.force_login(officer_sedahkidul)
    url = reverse("admin:ogp_budgetversion_change", args=[mine.pk])
    html = client.get(url).content.decode()
    assert 'name="perdes_number"' not in html  # shown, not editable
    response = client.post(url, {"perdes_number": "99 Tahun 2024", "kind": "murni"})
    assert response.status_code == 403
    assert (
        client.post(reverse("admin:ogp_budgetversion_delete", args=[mine.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert BudgetVersion.objects.get(pk=mine.pk).perdes_number == "2 Tahun 2024"


def test_officer_imports_a_file_in_the_admin(client, officer_sedahkidul):
    client.force_login(officer_sedahkidul)
    url = reverse("admin:ogp_budget_import")
    form = client.get(url).content.decode()
    assert "Sedahkidul" in form and "Sumberrejo" not in form
    response = client.post(
        url,
        {
            "what": "budget",
            "village": SEDAHKIDUL,
            "year": 2024,
            "kind": "murni",
            "perdes_number": "2 Tahun 2024",
            "perdes_date": "2024-01-10",
            "publish": "on",
            "file": upload(),
        },
    )
    assert response.status_code == 302
    version = BudgetVersion.objects.get(budget__village_id=SEDAHKIDUL)
    assert response["Location"] == reverse("admin:ogp_budgetversion_change", args=[version.pk])
    assert version.status == Status.PUBLISHED
    assert version.created_by == officer_sedahkidul


def test_admin_import_lists_every_problem_and_saves_nothing(client, officer_sedahkidul):
    client.force_login(officer_sedahkidul)
    bad = [*ORIGINAL, ("9.9.9.99", "", "Akun asing", "", "", "abc")]
    response = client.post(
        reverse("admin:ogp_budget_import"),
        {"what": "budget", "village": SEDAHKIDUL, "year": 2024, "kind": "murni", "file": upload(bad)},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was saved" in html
    assert "<td>11</td><td><code>kode_rekening</code></td>" in html
    assert "<td>11</td><td><code>anggaran</code></td>" in html
    assert not Budget.objects.exists()


def test_admin_import_refuses_another_village(client, officer_sedahkidul):
    client.force_login(officer_sedahkidul)
    response = client.post(
        reverse("admin:ogp_budget_import"),
        {"what": "budget", "village": SUMBERREJO, "year": 2024, "kind": "murni", "file": upload()},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["village"]
    # A file naming the other village in its kode_desa column is refused too.
    response = client.post(
        reverse("admin:ogp_budget_import"),
        {
            "what": "budget",
            "village": SEDAHKIDUL,
            "year": 2024,
            "kind": "murni",
            "file": upload(village=SUMBERREJO),
        },
    )
    assert [(e.row, e.column) for e in response.context["errors"]] == [(r, "kode_desa") for r in range(2, 11)]
    assert not Budget.objects.exists()


def test_admin_import_of_a_realisation_report(client, officer_sedahkidul, publish_budget):
    publish_budget()
    client.force_login(officer_sedahkidul)
    response = client.post(
        reverse("admin:ogp_budget_import"),
        {
            "what": "realisation",
            "village": SEDAHKIDUL,
            "year": 2024,
            "kind": "murni",
            "period": "akhir",
            "as_of": "2024-12-31",
            "file": upload(realised=list(range(len(ORIGINAL)))),
        },
    )
    report = RealisationReport.objects.get()
    assert response["Location"] == reverse("admin:ogp_realisationreport_change", args=[report.pk])
    assert report.status == Status.DRAFT


def test_templates_download_from_the_admin(client, officer_sedahkidul):
    client.force_login(officer_sedahkidul)
    csv_response = client.get(reverse("admin:ogp_budget_import_template", args=["csv"]))
    assert csv_response.content.decode("utf-8-sig").startswith("kode_desa,tahun,kode_rekening")
    xlsx = client.get(reverse("admin:ogp_budget_import_template", args=["xlsx"]))
    assert xlsx.content[:2] == b"PK"


def test_template_in_an_unknown_format_is_refused(client, officer_sedahkidul):
    client.force_login(officer_sedahkidul)
    assert client.get(reverse("admin:ogp_budget_import_template", args=["ods"])).status_code == 403


def test_publish_button_calls_the_service(client, officer_sedahkidul):
    services.import_budget(
        upload=csv_upload(ORIGINAL),
        year=2024,
        village=village(),
        perdes_number="2 Tahun 2024",
        perdes_date=datetime.date(2024, 1, 10),
    )
    version = BudgetVersion.objects.get()
    client.force_login(officer_sedahkidul)
    change = client.get(reverse("admin:ogp_budgetversion_change", args=[version.pk])).content.decode()
    status_url = reverse("admin:ogp_budgetversion_status", args=[version.pk, "published"])
    assert status_url in change
    assert client.get(status_url).status_code == 405
    client.post(status_url)
    version.refresh_from_db()
    assert version.status == Status.PUBLISHED
    assert version.status_changes.get(to_status=Status.PUBLISHED).actor == officer_sedahkidul


def test_another_officer_cannot_publish_my_draft(client, officer_sumberrejo):
    services.import_budget(upload=csv_upload(ORIGINAL), year=2024, village=village())
    version = BudgetVersion.objects.get()
    client.force_login(officer_sumberrejo)
    response = client.post(reverse("admin:ogp_budgetversion_status", args=[version.pk, "published"]))
    assert response.status_code == 404
    assert BudgetVersion.objects.get().status == Status.DRAFT


def test_draft_lines_are_edited_in_the_admin_with_scoped_choices(client, officer_sedahkidul):
    services.import_budget(upload=csv_upload(ORIGINAL[:2]), year=2024, village=village())
    version = BudgetVersion.objects.get()
    lines = list(version.lines.order_by("position"))
    client.force_login(officer_sedahkidul)
    data = {
        "kind": "murni",
        "perdes_number": "2 Tahun 2024",
        "perdes_date": "2024-01-10",
        "note": "",
        "lines-TOTAL_FORMS": "2",
        "lines-INITIAL_FORMS": "2",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "1000",
    }
    for index, line in enumerate(lines):
        data.update(
            {
                f"lines-{index}-id": line.pk,
                f"lines-{index}-version": version.pk,
                f"lines-{index}-position": line.position,
                f"lines-{index}-account": line.account_id,
                f"lines-{index}-activity": "",
                f"lines-{index}-fund_source": line.fund_source_id,
                f"lines-{index}-description": line.description,
                f"lines-{index}-location": "",
                f"lines-{index}-amount": line.amount + 1,
            }
        )
    response = client.post(reverse("admin:ogp_budgetversion_change", args=[version.pk]), data)
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    assert sorted(BudgetLine.objects.values_list("amount", flat=True)) == sorted(
        line.amount + 1 for line in lines
    )
    # A spending line without its kegiatan is refused by the same rule the import applies.
    data.update({"lines-0-account": "5.2.1.02", "lines-0-fund_source": "ADD"})
    response = client.post(reverse("admin:ogp_budgetversion_change", args=[version.pk]), data)
    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.errors[0]["activity"]


def test_starting_a_revision_from_the_admin_action(client, officer_sedahkidul, publish_budget):
    version = publish_budget()
    client.force_login(officer_sedahkidul)
    client.post(
        reverse("admin:ogp_budgetversion_changelist"),
        {"action": "start_revision", "_selected_action": [version.pk]},
    )
    draft = BudgetVersion.objects.get(status=Status.DRAFT)
    assert (draft.number, draft.kind, draft.lines.count()) == (2, "perubahan", len(ORIGINAL))


def test_regional_obyek_is_added_by_the_administrator(client, administrator):
    client.force_login(administrator)
    url = reverse("admin:ogp_account_add")
    refused = client.post(url, {"code": "4.1.4.05", "name": "Pungutan pasar hewan"})
    assert refused.status_code == 200 and refused.context["adminform"].form.errors["code"]
    client.post(url, {"code": "4.1.4.91", "name": "Retribusi pasar hewan desa"})
    from ogp.models import Account

    account = Account.objects.get(code="4.1.4.91")
    assert (account.level, account.parent_id, account.fund_source_id, account.is_national) == (
        4,
        "4.1.4",
        "PAD",
        False,
    )


@pytest.mark.parametrize(
    "model",
    [
        "account",
        "activity",
        "fundsource",
        "budget",
        "budgetversion",
        "realisationreport",
        "budgetsummary",
        "billboardphoto",
        "assessment",
        "pillar",
        "villagescore",
        "actionplan",
        "commitment",
    ],
)
def test_every_admin_list_opens_for_the_administrator(client, administrator, two_budgets, model):
    client.force_login(administrator)
    assert client.get(reverse(f"admin:ogp_{model}_changelist")).status_code == 200


def test_officer_has_no_access_to_the_openness_index(client, officer_sedahkidul):
    client.force_login(officer_sedahkidul)
    assert client.get(reverse("admin:ogp_assessment_changelist")).status_code == 403


def test_import_needs_a_role_that_may_add_budgets(client, make_staff):
    nobody = make_staff("tanpa_peran")
    client.force_login(nobody)
    assert client.get(reverse("admin:ogp_budget_import")).status_code == 403
    assert User.objects.filter(username="tanpa_peran").exists()
