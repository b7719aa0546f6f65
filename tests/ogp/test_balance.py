"""Books that balance: the identities are checked on import and publishing, and explained when they fail."""

import datetime

import pytest
from django.urls import reverse

from ogp import balance, services
from ogp.imports import ImportFileError
from ogp.models import BudgetVersion, RealisationReport, Status
from portal.workflow import InvalidTransition

from .conftest import ORIGINAL, REVISED, SEDAHKIDUL, csv_upload, village

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
# 942.000.000 of spending against 1.250.000.000 of revenue, plus a road of 700.000.000 more:
# surplus −392.000.000 + net financing 10.000.000 = SiLPA −382.000.000.
UNBALANCED = [
    *ORIGINAL,
    ("5.3.5.02", "02.03.10", "Upah rabat beton", "Dusun Krajan RT 01", "DDS", 700_000_000),
]


def items(rows):
    return [(account, activity, source, amount) for account, activity, _d, _l, source, amount in rows]


def test_a_covered_budget_has_no_imbalance():
    assert balance.budget_problems(items(ORIGINAL)) == []


def test_an_uncovered_deficit_is_an_imbalance(english):
    (problem,) = balance.budget_problems(items(UNBALANCED))
    assert problem.check == "silpa"
    assert str(problem.message).startswith("Spending is Rp382.000.000 more than revenue plus net financing")


def test_stated_totals_must_equal_the_sum_of_their_lines(english):
    stated = {"4": 1_250_000_000, "5.3": 800_000_000, "02": 902_000_000, "silpa": 318_000_000}
    problems = balance.budget_problems(items(ORIGINAL), stated=stated)
    assert [(p.check, p.subject) for p in problems] == [("total", "5.3")]
    assert "lines add up to Rp900.000.000" in str(problems[0].message)


def test_a_line_realised_above_its_budget_needs_a_note():
    lines = [(3, "5.2.1.02 Belanja alat listrik", 4_000_000, 4_500_000, ""), (4, "x", 10, 20, "harga naik")]
    (problem,) = balance.over_budget(lines)
    assert (problem.check, problem.line) == ("over_budget", 3)


def test_publishing_an_unbalanced_import_is_refused_on_the_row(english):
    with pytest.raises(ImportFileError, match=r"^1 problem\(s\) in the file$") as refused:
        _import(UNBALANCED)
    (error,) = refused.value.errors
    assert (error.row, error.column) == (2, "anggaran")
    assert "A deficit must be covered by financing" in str(error.message)
    assert not BudgetVersion.objects.exists()


def test_with_an_explanation_it_is_published_and_the_page_shows_it(client, english):
    explanation = "Kekurangan ditutup SiLPA 2023 yang baru diaudit; Perdes perubahan menyusul."
    version = BudgetVersion.objects.get(
        pk=_import(UNBALANCED, explanation=explanation).outcomes[0].version.pk
    )
    assert (version.status, version.balance_explanation) == (Status.PUBLISHED, explanation)
    html = client.get(f"/en/apbdes/2024/{SEDAHKIDUL}/").content.decode()
    assert "These books do not balance. The village explains:" in html
    assert explanation in html


def test_a_perubahan_needs_its_public_note(publish_budget, english):
    publish_budget()
    with pytest.raises(ImportFileError) as refused:
        publish_budget(REVISED, kind=BudgetVersion.Kind.PERUBAHAN, new_version=True, note="")
    assert [str(error.message) for error in refused.value.errors] == [
        "Write the public note: what this APBDes Perubahan changes and why."
    ]


def test_the_village_page_shows_the_note_and_the_lines_that_changed(client, publish_budget):
    publish_budget()
    revised = publish_budget(REVISED, kind=BudgetVersion.Kind.PERUBAHAN, new_version=True)
    html = client.get(f"/en/apbdes/2024/{SEDAHKIDUL}/").content.decode()
    assert "What changed and why" in html and revised.note in html
    table = html[html.index('id="tabel-perbandingan-baris"') :]
    table = table[: table.index("</table>")]
    assert "Rabat beton jalan desa · Dusun Krajan RT 01" in table
    assert "Rp100.000.000" in table and "Rp150.000.000" in table  # the road's increase, the new drainage
    assert "Belanja alat listrik" not in table  # unchanged lines are left out


def test_a_report_realised_above_budget_is_published_only_with_an_explanation(publish_budget, english):
    publish_budget()
    realised = [0] * len(ORIGINAL)
    realised[4] = 4_500_000  # the 4.000.000 electrical supplies line
    services.import_realisation(
        upload=csv_upload(ORIGINAL, realised=realised),
        year=2024,
        period=RealisationReport.Period.SEMESTER_1,
        as_of=datetime.date(2024, 6, 30),
        village=village(),
    )
    report = RealisationReport.objects.get()
    with pytest.raises(InvalidTransition) as refused:
        services.change_report_status(report=report, to=Status.PUBLISHED)
    assert refused.value.code == "unbalanced"
    assert "5.2.1.02 Belanja alat listrik: realised Rp4.500.000 is above its budget of Rp4.000.000." in str(
        refused.value
    )
    RealisationReport.objects.filter(pk=report.pk).update(balance_explanation="Harga lampu naik.")
    report.refresh_from_db()
    assert services.change_report_status(report=report, to=Status.PUBLISHED).status == Status.PUBLISHED


def _import(rows, **kwargs):
    return services.import_budget(
        upload=csv_upload(rows),
        year=2024,
        village=village(),
        perdes_number="2 Tahun 2024",
        perdes_date=datetime.date(2024, 1, 10),
        publish=True,
        **kwargs,
    )


def test_importing_and_publishing_a_report_above_budget_points_to_the_row(publish_budget, english):
    publish_budget()
    realised = [0] * len(ORIGINAL)
    realised[4] = 4_500_000
    options = {
        "year": 2024,
        "period": RealisationReport.Period.SEMESTER_1,
        "as_of": datetime.date(2024, 6, 30),
        "village": village(),
        "publish": True,
    }
    with pytest.raises(ImportFileError) as refused:
        services.import_realisation(upload=csv_upload(ORIGINAL, realised=realised), **options)
    assert [(error.row, error.column) for error in refused.value.errors] == [(6, "realisasi")]
    result = services.import_realisation(
        upload=csv_upload(ORIGINAL, realised=realised), explanation="Harga lampu naik.", **options
    )
    assert result.outcomes[0].report.status == Status.PUBLISHED


def test_the_admin_warns_about_a_draft_whose_books_do_not_balance(client, officer_sedahkidul):
    client.force_login(officer_sedahkidul)
    response = client.post(
        reverse("admin:ogp_budget_import"),
        {
            "what": "budget",
            "village": SEDAHKIDUL,
            "year": 2024,
            "kind": "murni",
            "file": csv_upload(UNBALANCED),
        },
        follow=True,
        **EN,
    )
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1 and "A deficit must be covered by financing" in warnings[0]
    assert BudgetVersion.objects.get().status == Status.DRAFT
