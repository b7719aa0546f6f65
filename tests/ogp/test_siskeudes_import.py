"""Importing a Siskeudes export: matching, versions, realisation, scope and a second import."""

import datetime

import pytest
from django.utils import timezone

from ogp.models import Budget, BudgetVersion, RealisationReport, SiskeudesVillage, Status
from ogp.services.siskeudes_import import FAILED, IMPORTED, import_siskeudes, preview_siskeudes
from ogp.siskeudes import plan as planning
from ogp.siskeudes.sample import SampleVillage

from .siskeudes_exports import sedahkidul, sumberrejo, upload

SEDAHKIDUL = "35.22.18.2007"
SUMBERREJO = "35.22.12.2006"
BOTH = frozenset({"01.2001.", "02.2006."})


def _items(plan):
    return {item.match.source.code: item for item in plan.items}


@pytest.mark.django_db
def test_preview_suggests_villages_by_name_within_the_kecamatan_and_waits_for_confirmation():
    _read, plan = preview_siskeudes(upload())
    items = _items(plan)
    assert {code: (item.match.village.code, item.state) for code, item in items.items()} == {
        "01.2001.": (SEDAHKIDUL, planning.NEEDS_CONFIRMATION),
        "02.2006.": (SUMBERREJO, planning.NEEDS_CONFIRMATION),
    }
    assert plan.importable() == []
    assert not Budget.objects.filter(year=2024).exists()


@pytest.mark.django_db
def test_preview_totals_per_akun_and_bidang_and_line_count():
    _read, plan = preview_siskeudes(upload(), confirm=BOTH)
    murni, perubahan = _items(plan)["01.2001."].versions
    assert (murni.kind, murni.outcome, murni.line_count) == ("murni", planning.CREATED, 9)
    # The disaster item is 0 in the original, so it is left out of the murni.
    assert murni.by_akun() == [
        ("4", None, 1_300_000_000, None),
        ("5", None, 1_180_000_000, None),
        ("6.1", None, 30_000_000, None),
        ("6.2", None, 20_000_000, None),
    ]
    assert murni.by_bidang() == [
        ("01", None, 80_000_000, None),
        ("02", None, 1_100_000_000, None),
        ("03", None, 0, None),
        ("04", None, 0, None),
        ("05", None, 0, None),
    ]
    assert (perubahan.kind, perubahan.line_count) == ("perubahan", 10)
    assert [row[2] for row in perubahan.by_akun()] == [1_300_000_000, 1_330_000_000, 50_000_000, 20_000_000]
    assert [row[2] for row in perubahan.by_bidang()] == [80_000_000, 1_200_000_000, 0, 0, 50_000_000]
    only = _items(plan)["02.2006."]
    assert [step.kind for step in only.versions] == ["murni"]
    assert [row[2] for row in only.versions[0].by_akun()] == [900_000_000, 850_000_000, 0, 0]
    assert only.reports == []


@pytest.mark.django_db
def test_realisation_cut_into_semester_one_and_year_end():
    _read, plan = preview_siskeudes(upload(), confirm=BOTH)
    semester, year_end = _items(plan)["01.2001."].reports
    # Up to 30 June: receipts 400.000.000 + 250.000.000, siltap 30.000.000 and the
    # 15.000.000 advance once accounted for (the advance itself does not count).
    assert (semester.period, semester.as_of, semester.total) == (
        RealisationReport.Period.SEMESTER_1,
        datetime.date(2024, 6, 30),
        695_000_000,
    )
    assert (year_end.period, year_end.as_of, year_end.total) == (
        "akhir",
        datetime.date(2024, 12, 31),
        2_025_000_000,
    )
    # 15.000.000 on the two items of 5.2.1.02 [01.01.04]: the first takes up to its budget.
    by_description = {key[3]: amount for key, amount in year_end.realised.items()}
    assert by_description["Lampu kantor"] == 12_000_000
    assert by_description["Kabel, stopkontak; saklar"] == 3_000_000
    assert by_description["Baliho APBDes"] == 900_000_000


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("today", "reported", "waiting"),
    [
        (datetime.date(2024, 6, 29), [], ["semester1", "akhir"]),
        (datetime.date(2024, 6, 30), ["semester1"], ["akhir"]),
        (datetime.date(2024, 12, 30), ["semester1"], ["akhir"]),
        (datetime.date(2025, 1, 2), ["semester1", "akhir"], []),
    ],
)
def test_a_period_not_yet_ended_gets_no_report(today, reported, waiting, english):
    _read, plan = preview_siskeudes(upload(), confirm=BOTH, today=today)
    item = _items(plan)["01.2001."]
    assert [str(step.period) for step in item.reports] == reported
    assert [str(period) for period, _end in item.waiting] == waiting
    from ogp.siskeudes.preview import preview_lines

    shown = [line.strip() for line in preview_lines(plan) if "not reported yet" in line]
    expected = {
        "semester1": "Semester I: not reported yet, the period ends on 30/06/2024",
        "akhir": "Year end: not reported yet, the period ends on 31/12/2024",
    }
    assert shown[: len(waiting)] == [expected[period] for period in waiting]


@pytest.mark.django_db
def test_a_report_whose_position_date_is_still_to_come_is_not_published(english):
    from ogp import services
    from portal.workflow import InvalidTransition

    import_siskeudes(upload(realisation=False), confirm=BOTH, only={"01.2001."})
    version = Budget.objects.get(village_id=SEDAHKIDUL, year=2024).versions.order_by("number").last()
    report = services.start_report(
        version=version, period="akhir", as_of=timezone.localdate() + datetime.timedelta(days=1)
    )
    with pytest.raises(InvalidTransition, match="a day still to come") as refused:
        services.change_report_status(report=report, to=Status.PUBLISHED)
    assert refused.value.code == "future_position"
    report.refresh_from_db()
    assert report.status == Status.DRAFT and report.published_at is None


@pytest.mark.django_db
def test_confirmed_import_publishes_each_version_with_its_perdes_and_the_reports():
    plan, result = import_siskeudes(upload(), confirm=BOTH)
    assert [outcome.outcome for outcome in result.outcomes] == [IMPORTED, IMPORTED]
    versions = list(BudgetVersion.objects.filter(budget__village_id=SEDAHKIDUL, budget__year=2024))
    assert [(v.number, v.kind, v.status, v.perdes_number, v.perdes_date) for v in versions] == [
        (1, "murni", Status.PUBLISHED, "1 Tahun 2024", datetime.date(2024, 1, 15)),
        (2, "perubahan", Status.PUBLISHED, "6 Tahun 2024", datetime.date(2024, 8, 20)),
    ]
    assert [(v.revenue, v.spending, v.financing_receipts, v.financing_expenditure) for v in versions] == [
        (1_300_000_000, 1_180_000_000, 30_000_000, 20_000_000),
        (1_300_000_000, 1_330_000_000, 50_000_000, 20_000_000),
    ]
    assert versions[1].based_on_id == versions[0].pk
    line = versions[0].lines.get(description="Penghasilan tetap Kepala Desa")
    assert (line.account_id, line.activity_id, line.fund_source_id) == ("5.1.1.01", "01.01.01", "ADD")
    assert versions[1].lines.get(description="Baliho APBDes").location == "Depan Kantor Desa"
    reports = RealisationReport.objects.filter(version=versions[1]).order_by("period")
    assert [(r.period, r.status, r.revenue, r.spending) for r in reports] == [
        ("akhir", Status.PUBLISHED, 1_050_000_000, 975_000_000),
        ("semester1", Status.PUBLISHED, 650_000_000, 45_000_000),
    ]
    assert set(SiskeudesVillage.objects.values_list("code", "village_id")) == {
        ("01.2001.", SEDAHKIDUL),
        ("02.2006.", SUMBERREJO),
    }
    other = BudgetVersion.objects.get(budget__village_id=SUMBERREJO, budget__year=2024)
    assert (other.kind, other.revenue, other.spending) == ("murni", 900_000_000, 850_000_000)


@pytest.mark.django_db
def test_importing_the_same_export_twice_changes_nothing():
    import_siskeudes(upload(), confirm=BOTH)
    before = (BudgetVersion.objects.count(), RealisationReport.objects.count())
    plan, result = import_siskeudes(upload())
    assert [outcome.outcome for outcome in result.outcomes] == [planning.UNCHANGED, planning.UNCHANGED]
    assert all(
        step.outcome == planning.UNCHANGED for item in plan.items for step in item.versions + item.reports
    )
    assert (BudgetVersion.objects.count(), RealisationReport.objects.count()) == before


@pytest.mark.django_db
def test_preview_shows_differences_from_what_is_published():
    import_siskeudes(upload([sumberrejo()]), confirm=BOTH)
    changed = sumberrejo()
    changed.items[2] = ("02.02.01.", "5.2.2.01.", "DDS", "Honor kader PKD", 700_000_000, 700_000_000)
    _read, plan = preview_siskeudes(upload([changed]))
    (step,) = _items(plan)["02.2006."].versions
    assert step.outcome == planning.CREATED
    assert step.by_akun()[1] == ("5", 850_000_000, 750_000_000, -100_000_000)
    assert step.by_bidang()[1] == ("02", 800_000_000, 700_000_000, -100_000_000)


@pytest.mark.django_db
def test_an_unmatched_village_is_listed_and_not_imported():
    stranger = SampleVillage("09", "09.2001.", "KECAMATAN ATLANTIS", "DESA ENTAH", items=sumberrejo().items)
    plan, result = import_siskeudes(upload([stranger, sumberrejo()]), confirm=BOTH | {"09.2001."})
    items = _items(plan)
    assert (items["09.2001."].state, items["09.2001."].match.village) == (planning.UNMATCHED, None)
    assert [outcome.item.match.source.code for outcome in result.outcomes] == ["02.2006."]


@pytest.mark.django_db
def test_an_administrators_correction_of_the_mapping_is_used(administrator):
    SiskeudesVillage.objects.create(code="02.2006.", village_id=SEDAHKIDUL, village_name="Sumberrejo")
    _read, plan = preview_siskeudes(upload([sumberrejo()]))
    item = _items(plan)["02.2006."]
    assert (item.match.state, item.match.village.code, item.state) == (
        "confirmed",
        SEDAHKIDUL,
        planning.READY,
    )


@pytest.mark.django_db
def test_a_village_officer_imports_only_their_own_village(officer_sumberrejo):
    plan, result = import_siskeudes(upload(), user=officer_sumberrejo, confirm=BOTH)
    assert _items(plan)["01.2001."].state == planning.OUT_OF_SCOPE
    assert [outcome.item.match.village.code for outcome in result.outcomes] == [SUMBERREJO]
    assert not Budget.objects.filter(village_id=SEDAHKIDUL, year=2024).exists()
    assert not SiskeudesVillage.objects.filter(code="01.2001.").exists()


@pytest.mark.django_db
def test_a_village_without_perdes_is_refused_alone(english):
    missing = sumberrejo()
    missing.perdes = ("", "")
    plan, result = import_siskeudes(upload([sedahkidul(), missing]), confirm=BOTH)
    problems = [str(problem) for problem in _items(plan)["02.2006."].problems]
    assert problems == [
        "Ta_Desa.csv, column No_Perdes: Ta_Desa gives no Perdes number and date for APBDes (original) 2024."
    ]
    assert [outcome.item.match.source.code for outcome in result.outcomes] == ["01.2001."]
    assert not Budget.objects.filter(village_id=SUMBERREJO, year=2024).exists()


@pytest.mark.django_db
def test_a_village_year_whose_publishing_fails_is_rolled_back_alone(english):
    early = sumberrejo()
    early.perdes = ("2 Tahun 2020", "01/20/2020 00:00:00")
    _plan, result = import_siskeudes(upload([sedahkidul(), early]), confirm=BOTH)
    outcomes = {outcome.item.match.source.code: outcome for outcome in result.outcomes}
    assert outcomes["01.2001."].outcome == IMPORTED
    assert outcomes["02.2006."].outcome == FAILED
    assert "dated in 2023 or 2024" in outcomes["02.2006."].message
    assert not Budget.objects.filter(village_id=SUMBERREJO, year=2024).exists()


@pytest.mark.django_db
def test_an_account_outside_the_chart_is_reported_by_file_row_and_column(english):
    odd = sumberrejo()
    odd.items.append(("02.02.01.", "5.9.9.99.", "DDS", "Tidak ada", 1_000, 1_000))
    _read, plan = preview_siskeudes(upload([odd]), confirm=BOTH)
    problems = [str(problem) for problem in _items(plan)["02.2006."].problems]
    assert problems == [
        "Ta_RABRinci.csv row 5, column Kd_Rincian: The account 5.9.9.99. is not in the chart of accounts."
    ]
    assert plan.importable() == []


@pytest.mark.django_db
def test_realisation_without_a_budget_line_is_reported(english):
    odd = sumberrejo()
    odd.payments.append(("03/01/2024 00:00:00", "LS", "05.01.01.", "5.2.1.02.", 5_000))
    _read, plan = preview_siskeudes(upload([odd]), confirm=BOTH)
    problems = [str(problem) for problem in _items(plan)["02.2006."].problems]
    assert problems == [
        "Ta_SPPRinci.csv, column Kd_Rincian: 5000 realised on 5.2.1.02 05.01.01, which has no budget line."
    ]
    assert plan.importable() == []


@pytest.mark.django_db
def test_the_demo_village_is_imported_from_a_sample_export_once():
    import io

    from ogp import demo

    demo.load_siskeudes_sample(io.StringIO())
    demo.load_siskeudes_sample(io.StringIO())
    budget = Budget.objects.get(village_id=SEDAHKIDUL, year=demo.SISKEUDES_YEAR)
    assert budget.is_sample
    versions = list(budget.versions.order_by("number"))
    assert [(v.kind, v.status) for v in versions] == [
        ("murni", Status.PUBLISHED),
        ("perubahan", Status.PUBLISHED),
    ]
    assert versions[1].revenue == versions[1].spending
    # Semester I and the year end, each once its period has ended (the demo year may still be running).
    ends = (datetime.date(demo.SISKEUDES_YEAR, 6, 30), datetime.date(demo.SISKEUDES_YEAR, 12, 31))
    ended = [end for end in ends if end <= timezone.localdate()]
    reports = RealisationReport.objects.filter(version=versions[1], status=Status.PUBLISHED)
    assert sorted(reports.values_list("as_of", flat=True)) == ended
