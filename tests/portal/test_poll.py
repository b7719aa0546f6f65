"""The poll written in Python gives the HTML of its reference template, with its token cached."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from portal import poll
from portal.forms import VoteForm
from portal.models import SatisfactionVote
from portal.services import VoteShare


def _normalised(html):
    return re.sub(r">\s+<", "><", html.strip())


def _shares(counts):
    total = sum(counts)
    return [
        VoteShare(choice=value, label=label, count=count, percent=round(100 * count / total) if total else 0)
        for (value, label), count in zip(SatisfactionVote.Choice.choices, counts, strict=True)
    ], total


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize(("own", "counts"), [(None, (0, 0, 0, 0)), (3, (5, 1, 0, 1)), (1, (0, 0, 0, 1))])
def test_the_python_poll_matches_its_reference_template(language, own, counts):
    shares, total = _shares(counts)
    token = VoteForm.sign("/kunjungan/", "Kunjungan <&>")
    with translation.override(language):
        reference = render_to_string(
            "components/_satisfaction.html",
            {
                "form": VoteForm(initial={"token": token, "choice": own}),
                "shares": shares,
                "total": total,
                "own_label": dict(SatisfactionVote.Choice.choices).get(own),
            },
        )
        written = poll.render(token=token, own=own, shares=shares, total=total)
    assert _normalised(written) == _normalised(reference)


def test_a_page_token_is_signed_once_per_process(monkeypatch):
    poll.token("/ppid/", "PPID")
    calls = []
    monkeypatch.setattr(VoteForm, "sign", classmethod(lambda cls, *args: calls.append(args)))
    assert VoteForm.unsign(poll.token("/ppid/", "PPID")) == {"path": "/ppid/", "title": "PPID"}
    assert calls == []


def test_a_new_secret_key_signs_a_new_token(settings):
    before = poll.token("/ppid/", "PPID")
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"
    assert poll.token("/ppid/", "PPID") != before
    assert VoteForm.unsign(poll.token("/ppid/", "PPID"))["path"] == "/ppid/"
