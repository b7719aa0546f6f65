"""The APBDes pages' cached parts never outlive a publication: publish, then read the page."""

import pytest
from django.db import transaction

from ogp import statements
from ogp.models import Account, BudgetVersion
from portal import data_versions

from .conftest import ORIGINAL, REVISED, SEDAHKIDUL, SUMBERREJO

EN = {"language": "en"}
ID = {"language": "id"}
VILLAGE = f"/apbdes/2024/{SEDAHKIDUL}/"
REGENCY = "/apbdes/2024/"


def page(client, url, language="en"):
    """The page in `language`: English pages live under /en/, Indonesian ones unprefixed."""
    response = client.get(("/en" if language == "en" else "") + url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def publish_revision(publish_budget):
    return publish_budget(REVISED, kind=BudgetVersion.Kind.PERUBAHAN, new_version=True)


def test_a_revision_published_after_the_page_was_read_shows_at_once(client, publish_budget):
    publish_budget()
    assert "Rp942.000.000" in page(client, VILLAGE)
    publish_revision(publish_budget)
    html = page(client, VILLAGE)
    assert "Rp1.192.000.000" in html
    assert "Original and revised budget" in html


def test_a_realisation_report_published_after_the_page_was_read_shows_at_once(
    client, publish_budget, publish_report
):
    publish_budget()
    assert "realised:" not in page(client, VILLAGE)
    publish_report(ORIGINAL, [amount // 2 for *_line, amount in ORIGINAL])
    assert "realised:" in page(client, VILLAGE)


def test_the_regency_page_counts_a_village_published_after_it_was_read(client, publish_budget):
    publish_budget()
    assert "1 of 419 desa have published their APBDes 2024" in page(client, REGENCY)
    publish_budget(code=SUMBERREJO)
    assert "2 of 419 desa have published their APBDes 2024" in page(client, REGENCY)
    # A version published anew for a village already counted moves the totals.
    publish_revision(publish_budget)
    assert "Rp2.134.000.000" in page(client, REGENCY)


def test_a_new_fiscal_year_appears_in_the_year_list_once_published(client, publish_budget):
    publish_budget()
    assert 'href="/en/apbdes/2025/"' not in page(client, REGENCY)
    publish_budget(year=2025)
    assert 'href="/en/apbdes/2025/"' in page(client, REGENCY)


def test_each_language_keeps_its_own_part(client, publish_budget):
    publish_budget()
    assert "In brief" in page(client, VILLAGE, **EN)
    html = page(client, VILLAGE, **ID)
    assert "In brief" not in html
    assert "Ringkasan" in html


def test_a_renamed_account_shows_its_new_name(client, publish_budget):
    publish_budget()
    assert "Rabat beton" in page(client, VILLAGE)
    account = Account.objects.get(code="5.3.5.03")
    account.name = "Belanja modal jalan desa (nama baru)"
    account.save()
    assert "Belanja modal jalan desa (nama baru)" in page(client, VILLAGE)
    assert statements.Names.load().accounts["5.3.5.03"] == "Belanja modal jalan desa (nama baru)"


def test_an_unknown_query_parameter_is_rendered_without_keeping_a_part(client, publish_budget, settings):
    publish_budget()
    before = set(_fragment_keys())
    page(client, REGENCY + "?utm_source=x")
    page(client, REGENCY + "?kecamatan=tidak-ada")
    assert set(_fragment_keys()) == before
    page(client, REGENCY + "?urut=desa&arah=asc")
    assert len(set(_fragment_keys()) - before) == 1


def _fragment_keys():
    from django.core.cache import cache

    return [key for key in cache._cache if ":fragment:" in key]


def test_each_change_moves_the_counter_and_a_failed_publication_moves_nothing(db):
    assert data_versions.current("ogp")[0][1] == 0
    data_versions.changed("ogp")
    data_versions.changed("ogp")
    assert data_versions.current("ogp")[0][1] == 2
    with pytest.raises(RuntimeError, match="refused"), transaction.atomic():
        data_versions.changed("ogp")
        raise RuntimeError("refused")
    assert data_versions.current("ogp")[0][1] == 2


def test_a_part_is_rendered_again_once_its_topic_moves(db, settings):
    calls = []

    def render():
        calls.append(1)
        return f"<p>{len(calls)}</p>"

    first = data_versions.fragment("test", topics=["ogp"], parts=[1], render=render)
    assert data_versions.fragment("test", topics=["ogp"], parts=[1], render=render) == first
    data_versions.changed("ogp")
    assert data_versions.fragment("test", topics=["ogp"], parts=[1], render=render) == "<p>2</p>"
    settings.FRAGMENT_CACHE_SECONDS = 0
    assert data_versions.fragment("test", topics=["ogp"], parts=[1], render=render) == "<p>3</p>"


@pytest.mark.parametrize("release", ["r1", "r2"])
def test_a_release_keeps_its_own_parts(settings, release, db):
    settings.RELEASE = release
    data_versions.release.cache_clear()
    try:
        assert data_versions.fragment_key("x", versions=()).startswith(f"fragment:{release}:")
    finally:
        data_versions.release.cache_clear()
