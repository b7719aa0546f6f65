"""The page satisfaction poll, written as HTML in Python.

It is on many public pages, so it is built without the template engine: the
markup is `templates/components/_satisfaction.html`'s, which stays as its
readable reference (tests compare the two, in both languages). A page's form
token depends only on the page's path and title, so it is signed once per
process and reused.
"""

import functools

from django.conf import settings
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from . import formatting
from .forms import VoteForm
from .models import SatisfactionVote
from .services import VISITOR_COOKIE, rated_path, vote_summary, voter_key

TOKEN_CACHE_SIZE = 4096


@functools.lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _token(secret, path, title):
    return VoteForm.sign(path, title)


def token(path, title):
    """The signed form token of a page (cached per process and secret key)."""
    return _token(settings.SECRET_KEY, path, str(title))


def own_choice(request, path):
    """The visitor's current vote on the page, or None (one query when the visitor has a cookie)."""
    visitor = request.COOKIES.get(VISITOR_COOKIE)
    if not visitor:
        return None
    return (
        SatisfactionVote.objects.filter(page__path=rated_path(path), voter=voter_key(visitor))
        .values_list("choice", flat=True)
        .first()
    )


def widget(request, title=""):
    """The poll for the current page: the form, the visitor's vote and the results (two queries)."""
    path = request.path
    shares, total = vote_summary(path)
    own = own_choice(request, path)
    return mark_safe(render(token=token(path, title), own=own, shares=shares, total=total))


def _choices(own):
    field = VoteForm.base_fields["choice"]
    rows = []
    for index, (value, label) in enumerate(field.choices):
        checked = " checked" if own is not None and str(value) == str(own) else ""
        rows.append(
            f'<div class="poll__choice"><input type="radio" name="choice" value="{escape(value)}" '
            f'id="id_choice_{index}" required{checked}> <label for="id_choice_{index}">{escape(label)}</label></div>'
        )
    return rows


def _rule(own):
    rule = escape(gettext("One vote per visitor per page: voting again replaces your earlier vote."))
    own_label = dict(SatisfactionVote.Choice.choices).get(own)
    if own_label:
        rule += " " + escape(gettext("Your current vote: %(choice)s.") % {"choice": own_label})
    return rule


def render(*, token, own, shares, total):
    """The poll's HTML for a token, the visitor's choice (or None) and the results."""
    caption = ngettext("Result from %(total)s vote", "Result from %(total)s votes", total) % {"total": total}
    results = [
        f'<tr><th scope="row">{escape(share.label)}</th><td>{escape(formatting.persen(share.percent, 0))}</td>'
        f"<td>{share.count}</td></tr>"
        for share in shares
    ]
    parts = [
        '<section class="poll" id="penilaian" aria-labelledby="penilaian-judul">',
        f'<h2 id="penilaian-judul">{escape(gettext("Rate this page"))}</h2>',
        f'<form method="post" action="{escape(reverse("portal:vote"))}" class="poll__form">',
        f'<input type="hidden" name="token" value="{escape(token)}" id="id_token">',
        "<fieldset>",
        f"<legend>{escape(VoteForm.base_fields['choice'].label)}</legend>",
        *_choices(own),
        "</fieldset>",
        f'<button type="submit" class="button">{escape(gettext("Send my rating"))}</button>',
        f'<p class="poll__rule">{_rule(own)}</p>',
        "</form>",
        '<table class="poll__results">',
        f"<caption>{escape(caption)}</caption>",
        f'<thead><tr><th scope="col">{escape(gettext("Answer"))}</th><th scope="col">'
        f'{escape(gettext("Share"))}</th><th scope="col">{escape(gettext("Votes"))}</th></tr></thead>',
        "<tbody>",
        *results,
        "</tbody>",
        "</table>",
        "</section>",
    ]
    return "\n".join(parts)
