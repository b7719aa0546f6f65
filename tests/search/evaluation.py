"""Scoring the search against tests/search/queries.py: the share of queries whose
expected page is among the first three results."""

import re

from portal import search

from .queries import CASES

TOP = 3
TARGET = 0.9


def evaluate(cases=CASES):
    """(share found in the top three, [(query, pattern, what came instead)])."""
    misses = []
    for query, pattern in cases:
        urls = search.top_urls(search.clean_query(query), TOP)
        if not any(re.search(pattern, url) for url in urls):
            misses.append((query, pattern, urls))
    return 1 - len(misses) / len(cases), misses


def report(share, misses, total=None):
    total = total or len(CASES)
    lines = [
        f"Search evaluation: {share:.0%} of {total} queries found in the top {TOP} (target {TARGET:.0%})."
    ]
    lines += [f"  missed {query!r}: wanted {pattern}, got {urls}" for query, pattern, urls in misses]
    return "\n".join(lines)
