"""The OGP action plan page and the 2016–2017 commitments as the reference gives them."""

import io

import pytest

from ogp import demo
from ogp.models import ActionPlan, Commitment, EarlyResult, Milestone

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def plan():
    demo.load_action_plan(io.StringIO())
    return ActionPlan.objects.get()


def test_the_five_commitments_are_loaded_as_real_records(plan):
    commitments = {c.code: c for c in Commitment.objects.all()}
    assert list(commitments) == ["BOJ0001", "BOJ0002", "BOJ0003", "BOJ0004", "BOJ0005"]
    assert commitments["BOJ0001"].title == "Data Revolution"
    assert commitments["BOJ0001"].lead_agency.startswith("Dinas Komunikasi dan Informatika")
    assert commitments["BOJ0002"].title == "Enhancing Village Government Accountability"
    assert commitments["BOJ0003"].title == "Improving Local Budget Transparency"
    assert commitments["BOJ0004"].title == "Open Data Contract"
    assert commitments["BOJ0005"].title == "Improving Quality of Public Services"
    assert not any(c.is_sample for c in commitments.values())
    # IRM 2017: major for two (BOJ0005 among them), marginal for BOJ0001–0003.
    assert [commitments[code].early_results for code in sorted(commitments)] == [
        EarlyResult.MARGINAL,
        EarlyResult.MARGINAL,
        EarlyResult.MARGINAL,
        EarlyResult.MAJOR,
        EarlyResult.MAJOR,
    ]
    assert (plan.irm_complete, plan.irm_substantial, plan.irm_limited) == (0, 4, 1)
    first = Milestone.objects.get(commitment__code="BOJ0002")
    assert "baliho" in first.title and not first.is_sample
    demo.load_action_plan(io.StringIO())
    assert Commitment.objects.count() == 5 and Milestone.objects.count() == 6


def test_ogp_page_lists_the_commitments_with_the_irm_findings(client, plan):
    html = client.get("/en/ogp/").content.decode()
    for code in ("BOJ0001", "BOJ0002", "BOJ0003", "BOJ0004", "BOJ0005"):
        assert code in html
    assert "Independent Reporting Mechanism (IRM) 2017" in html
    assert "Dinas Komunikasi dan Informatika" in html
    assert "Seoul" in html  # the 15 subnational pioneers
    assert "Sample data." not in html


def test_commitment_page_shows_milestones_and_labels_invented_ones(client, plan):
    html = client.get("/en/ogp/BOJ0003/").content.decode()
    assert "Improving Local Budget Transparency" in html
    assert "Sample data." in html
    assert html.count("badge--warn") == 2  # the two invented milestones
    real = client.get("/en/ogp/boj0002/").content.decode()
    assert "Publikasi APBDes dan laporan pertanggungjawaban" in real
    assert "Sample data." not in real
    assert 'id="penilaian"' in real


def test_unknown_or_unpublished_commitments_are_not_found(client, plan):
    assert client.get("/ogp/BOJ9999/").status_code == 404
    ActionPlan.objects.update(is_published=False)
    assert client.get("/ogp/BOJ0001/").status_code == 404
    assert "BOJ0001" not in client.get("/ogp/").content.decode()


@pytest.mark.parametrize("extra", [0, 8])
def test_ogp_pages_query_count_does_not_grow_with_commitments(
    client, plan, extra, django_assert_max_num_queries
):
    for number in range(extra):
        commitment = Commitment.objects.create(
            plan=plan, code=f"BOJ01{number:02d}", title=f"Komitmen {number}"
        )
        Milestone.objects.create(commitment=commitment, title="Tonggak")
    with django_assert_max_num_queries(2):
        response = client.get("/ogp/")
    assert response.content.decode().count("/ogp/BOJ0") == 5 + extra
    with django_assert_max_num_queries(3):
        assert client.get("/ogp/BOJ0002/").status_code == 200
