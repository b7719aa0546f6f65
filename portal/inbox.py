"""The officer's inbox: work waiting for the signed-in user, on the admin start page and in its navigation.

Each domain app contributes from its ``inbox.py`` (discovered at start-up like
panels and search) with `register(provider)`. A provider is an object with

- ``counts(request)``: ``{"app_label.model_name": number}`` of waiting rows,
  shown next to the model's name in the admin's lists (every admin page), and
- ``sections(request)``: the `Section` rows of the start page, each with its
  first items, their deadlines and links.

Both use a fixed number of queries and only rows inside the user's scope
(`portal.scoping`); they return nothing for a user whose role has no such work.
The core knows no app: it only gathers what the providers give.
"""

import datetime
from dataclasses import dataclass, field

_providers = []


@dataclass(frozen=True)
class Item:
    label: str
    url: str
    deadline: datetime.date | None = None
    overdue: bool = False
    detail: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    count: int
    items: list = field(default_factory=list)
    more_url: str = ""
    # "warning" for work past its deadline; "" otherwise.
    tone: str = ""

    @property
    def more(self):
        return max(0, self.count - len(self.items))


def register(provider):
    if provider not in _providers:
        _providers.append(provider)
    return provider


def counts(request):
    """Waiting rows per model label for this user, computed once per request."""
    cached = getattr(request, "_portal_inbox_counts", None)
    if cached is None:
        cached = {}
        if getattr(request.user, "is_staff", False):
            for provider in _providers:
                cached.update(provider.counts(request))
        request._portal_inbox_counts = cached
    return cached


def sections(request):
    if not getattr(request.user, "is_staff", False):
        return []
    found = []
    for provider in _providers:
        found.extend(provider.sections(request))
    return found
