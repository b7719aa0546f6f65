"""The portal's own pages and tasks as search results.

A citizen types what they want to do ("keberatan", "permohonan informasi",
"village budget"), not the title of a page. Each app lists its task pages
with a few keywords in both languages in its ``search.py``
(`register_pages`); a query matching a keyword, or close to one, puts that
page first in the results.
"""

import difflib
from dataclasses import dataclass

from django.urls import reverse

from .search_text import fold, terms

CLOSE_ENOUGH = 0.84


@dataclass(frozen=True)
class TaskPage:
    url_name: str
    title: object  # lazy translated
    keywords: tuple  # in Indonesian and English, as citizens write them

    @property
    def url(self):
        return reverse(self.url_name)


_pages: list[TaskPage] = []


def register_pages(*pages):
    for page in pages:
        if page.url_name not in {known.url_name for known in _pages}:
            _pages.append(page)


def task_pages():
    return list(_pages)


def _score(page, query, query_terms):
    """3 for the exact keyword, 2 when every word typed starts a keyword word, 1.5 when the
    query holds a whole keyword ("cara mengajukan keberatan"), else the spelling closeness."""
    best = 0.0
    for keyword in (fold(page.title), *(fold(k) for k in page.keywords)):
        keyword_terms = keyword.split()
        if query == keyword:
            return 3.0
        if len(query) >= 4 and all(
            any(word.startswith(term) for word in keyword_terms) for term in query_terms
        ):
            best = max(best, 2.0)
        elif all(word in query_terms for word in keyword_terms):
            best = max(best, 1.5)
        else:
            ratio = difflib.SequenceMatcher(None, query, keyword).ratio()
            if ratio >= CLOSE_ENOUGH:
                best = max(best, ratio)
    return best


def matching_pages(query, limit=3):
    """The task pages a query asks for, best first."""
    folded = " ".join(terms(query))
    query_terms = folded.split()
    if not query_terms:
        return []
    scored = [(score, page) for page in _pages if (score := _score(page, folded, query_terms)) > 0]
    scored.sort(key=lambda pair: -pair[0])
    return [page for _score_value, page in scored[:limit]]
