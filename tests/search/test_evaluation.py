"""The search evaluation: realistic citizen queries against the demo content.

`make search-eval` runs this file and prints the share found in the top three;
it must be at least 90% on SQLite and on PostgreSQL.
"""

import io

import pytest
from django.core.management import call_command

from portal import search

from .evaluation import TARGET, evaluate, report
from .queries import CASES


@pytest.fixture
def demo_content(db, settings):
    settings.DEBUG = True
    for loader in ("kim", "visits", "ppid"):
        call_command("load_demo", only=loader, stdout=io.StringIO())
    search.rebuild()


def test_there_are_at_least_60_realistic_queries():
    assert len(CASES) >= 60
    assert len({query for query, _pattern in CASES}) == len(CASES)


def test_search_finds_at_least_90_percent_in_the_top_three(demo_content, capsys):
    share, misses = evaluate()
    with capsys.disabled():
        print("\n" + report(share, misses))
    assert share >= TARGET, report(share, misses)
