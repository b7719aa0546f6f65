"""The village openness index: weights, classes from configurable thresholds, ranking, the 2017 results."""

import io
import re
from decimal import Decimal

import pytest

from ogp import demo, services
from ogp.models import Assessment, Indicator, IndicatorScore, OpennessClass, Pillar, VillageScore, classify
from portal.models import Village

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_weighted_total_from_indicator_scores():
    pillars = [
        (Decimal(2), [(1, Decimal(1), Decimal(100)), (2, Decimal(3), Decimal(50))]),
        (Decimal(1), [(3, Decimal(1), Decimal(100))]),
    ]
    # Pillar 1: (80/100·100·1 + 25/50·100·3) / 4 = (80 + 150) / 4 = 57.5
    # Pillar 2: 90. Total: (57.5·2 + 90·1) / 3 = 205 / 3 = 68.333… → 68.33
    total = services.weighted_total(pillars, {1: Decimal(80), 2: Decimal(25), 3: Decimal(90)})
    assert total == Decimal("68.33")


def test_weighted_total_skips_unscored_pillars_and_is_none_without_scores():
    pillars = [(Decimal(1), [(1, Decimal(1), Decimal(100))]), (Decimal(1), [(2, Decimal(1), Decimal(100))])]
    assert services.weighted_total(pillars, {1: Decimal(70)}) == Decimal("70.00")
    assert services.weighted_total(pillars, {}) is None


def make_assessment():
    assessment = Assessment.objects.create(year=2030, title="Uji", is_published=True)
    for name, minimum in (("Terbuka", 75), ("Menuju Terbuka", 60), ("Belum Terbuka", 0)):
        OpennessClass.objects.create(assessment=assessment, name=name, min_score=Decimal(minimum))
    return assessment


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        ("83.33", "Terbuka"),
        ("75.00", "Terbuka"),
        ("74.99", "Menuju Terbuka"),
        ("60", "Menuju Terbuka"),
        ("12", "Belum Terbuka"),
    ],
)
def test_classes_follow_the_configured_thresholds(score, expected):
    assessment = make_assessment()
    assert classify(Decimal(score), assessment.classes.all()).name == expected


def test_changing_a_threshold_changes_the_class():
    assessment = make_assessment()
    OpennessClass.objects.filter(assessment=assessment, name="Terbuka").update(min_score=Decimal(80))
    assert classify(Decimal("77.34"), assessment.classes.all()).name == "Menuju Terbuka"


def test_recompute_score_uses_the_indicators():
    assessment = make_assessment()
    pillar = Pillar.objects.create(assessment=assessment, key=Pillar.Key.TRANSPARANSI, weight=Decimal(1))
    first = Indicator.objects.create(pillar=pillar, name="A", weight=Decimal(1))
    second = Indicator.objects.create(pillar=pillar, name="B", weight=Decimal(1))
    score = VillageScore.objects.create(
        assessment=assessment, village=Village.objects.first(), total=Decimal(0)
    )
    IndicatorScore.objects.create(village_score=score, indicator=first, score=Decimal(70))
    IndicatorScore.objects.create(village_score=score, indicator=second, score=Decimal(81))
    assert services.recompute_score(village_score=score) == Decimal("75.50")
    assert VillageScore.objects.get(pk=score.pk).total == Decimal("75.50")


def test_the_2017_results_are_loaded_exactly():
    demo.load_openness_index(io.StringIO())
    assessment = Assessment.objects.get(year=2017)
    real = {
        s.village.name: (s.total, s.is_sample)
        for s in VillageScore.objects.filter(assessment=assessment, is_sample=False).select_related("village")
    }
    assert real == {
        "Mojodeso": (Decimal("83.33"), False),
        "Deru": (Decimal("82.23"), False),
        "Sukoharjo": (Decimal("79.51"), False),
        "Kandangan": (Decimal("77.34"), False),
        "Rendeng": (Decimal("71.21"), False),
    }
    assert VillageScore.objects.filter(assessment=assessment).count() == 28
    assert VillageScore.objects.filter(assessment=assessment, is_sample=True).count() == 23
    districts = VillageScore.objects.filter(assessment=assessment).values_list(
        "village__district_id", flat=True
    )
    assert len(set(districts)) == 28  # one village per kecamatan
    assert assessment.pillars.count() == 4
    demo.load_openness_index(io.StringIO())
    assert VillageScore.objects.filter(assessment=assessment).count() == 28


def test_openness_page_ranks_villages_and_names_their_class(client):
    demo.load_openness_index(io.StringIO())
    html = client.get("/en/keterbukaan/").content.decode()
    assert "Village openness index 2017" in html
    mojodeso, deru, rendeng = html.index("Desa Mojodeso"), html.index("Desa Deru"), html.index("Desa Rendeng")
    assert mojodeso < deru < rendeng
    ranking = html[html.index('id="peringkat"') :]
    row = ranking[ranking.index("Desa Rendeng") : ranking.index("</tr>", ranking.index("Desa Rendeng"))]
    assert "71.21" in row or "71,21" in row
    assert "Menuju Terbuka" in row
    first = ranking[ranking.index("Desa Mojodeso") : ranking.index("</tr>", ranking.index("Desa Mojodeso"))]
    assert "Terbuka" in first and "Menuju" not in first
    assert "Sample data." in html
    assert client.get("/keterbukaan/2017/").status_code == 200
    assert client.get("/keterbukaan/2016/").status_code == 404


def test_equal_scores_share_a_rank(client):
    assessment = make_assessment()
    villages = list(Village.objects.order_by("code")[:3])
    for village, total in zip(villages, ("80", "80", "70"), strict=True):
        VillageScore.objects.create(assessment=assessment, village=village, total=Decimal(total))
    response = client.get("/keterbukaan/2030/")
    assert [row["rank"] for row in response.context["ranked"]] == [1, 1, 3]


def test_without_a_published_assessment_the_page_says_so_and_hides_drafts(client):
    Assessment.objects.create(year=2031, title="Belum terbit", is_published=False)
    response = client.get("/keterbukaan/")
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"No openness assessment has been published yet|Belum ada penilaian", html)
    assert "Belum terbit" not in html
    assert client.get("/keterbukaan/2031/").status_code == 404


@pytest.mark.parametrize("villages", [3, 12])
def test_openness_page_query_count_does_not_grow_with_villages(
    client, villages, django_assert_max_num_queries
):
    assessment = make_assessment()
    pillar = Pillar.objects.create(assessment=assessment, key=Pillar.Key.INOVASI)
    Indicator.objects.create(pillar=pillar, name="Forum bersama")
    for index, village in enumerate(Village.objects.order_by("code")[:villages]):
        VillageScore.objects.create(assessment=assessment, village=village, total=Decimal(50 + index))
    with django_assert_max_num_queries(7):
        response = client.get("/keterbukaan/2030/")
    assert len(response.context["ranked"]) == villages
