"""Fixtures of the fuzz tests: one published thing of every kind, and a fresh-visitor client."""

import pytest
from django.core.cache import cache
from hypothesis import currently_in_test_context, note

from tests.integration.conftest import (  # noqa: F401
    make_kim,
    make_visit,
    portal,
    post_in_state,
    publish_budget,
    register,
    sendang_potro,
    unit_sedahkidul,
)
from tests.ogp.conftest import publish_report  # noqa: F401
from tests.security.conftest import editor, public_site, public_site_for_module  # noqa: F401
from tests.security.page_checks import inline_code
from tests.visits.conftest import magelang  # noqa: F401


@pytest.fixture
def site(public_site):  # noqa: F811
    """One published thing of every kind (see tests/security/conftest.py)."""
    return public_site


@pytest.fixture
def fuzz_client(client, django_capture_on_commit_callbacks):
    """Send one request as a fresh visitor: throttles reset, after-commit work (e-mails) run.

    Every HTML answer is also checked for inline code, so input reflected
    without escaping (``<script>``, an ``onmouseover=`` breaking out of an
    attribute) fails the run.
    """

    def send(method, path, data=None, **extra):
        cache.clear()
        client.cookies.clear()
        with django_capture_on_commit_callbacks(execute=True):
            if method == "post":
                response = client.post(path, data or {}, **extra)
            else:
                response = client.get(path, data, **extra)
        if response.streaming:
            b"".join(response.streaming_content)  # errors in a streamed body surface here
        elif response.get("Content-Type", "").startswith("text/html"):
            # Whatever was sent comes back escaped: no input makes a page carry code.
            assert inline_code(response.content.decode()) == []
        if currently_in_test_context():
            note(f"{method.upper()} {path} {data!r} -> {response.status_code}")
        return response

    return send
