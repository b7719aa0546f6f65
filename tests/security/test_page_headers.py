"""Every public page type sends a strict Content-Security-Policy and the security headers, with no inline code."""

import pytest
from django.http import FileResponse

from portal import languages
from portal.uploads.serving import FILE_POLICY
from tests.security.conftest import data_pages, html_pages, html_posts
from tests.security.page_checks import header_problems, inline_code, policy_problems


def file_header_problems(response):
    """A user file is a download that cannot run: attachment, nosniff, the sandbox policy."""
    expected = {"Content-Security-Policy": FILE_POLICY, "X-Content-Type-Options": "nosniff"}
    problems = [
        f"{name} is {response.get(name)!r}" for name, value in expected.items() if response.get(name) != value
    ]
    if not response.get("Content-Disposition", "").startswith("attachment"):
        problems.append("not an attachment")
    return problems


def test_policy_problems_names_every_weakening():
    strict = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
    assert policy_problems(strict) == []
    weak = strict.replace("script-src 'self'", "script-src 'self' 'unsafe-inline' https://cdn.example")
    assert policy_problems(weak) == [
        "script-src is [\"'self'\", \"'unsafe-inline'\", 'https://cdn.example']",
        "script-src allows 'unsafe-inline'",
        "script-src allows https://cdn.example",
    ]
    assert "frame-ancestors is None" in policy_problems(strict.replace("; frame-ancestors 'none'", ""))


def test_inline_code_finder_sees_every_kind_of_inline_code():
    html = (
        '<script>alert(1)</script><script src="/static/js/a.js"></script><style>p{}</style>'
        '<p style="color:red" onclick="x()">x</p><a href="javascript:alert(1)">y</a>'
        '<img src="https://cdn.example/a.png"><img src="/media/a.webp" srcset="/media/a.webp 480w">'
        '<link rel="stylesheet" href="//fonts.example/f.css">'
    )
    assert inline_code(html) == [
        "inline <script>",
        "code inside <script>",
        "<style> element",
        "style attribute on <p>",
        "onclick handler on <p>",
        "javascript: URL in <a href>",
        "<img> loads from cdn.example",
        "<link> loads from fonts.example",
    ]


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_public_html_page_sends_a_strict_policy_and_has_no_inline_code(client, public_site, language):
    found = {}
    pages = [(url, None) for url in html_pages(public_site)] + html_posts(public_site)
    for url, data in pages:
        url = "/en" + url if language == "en" and languages.is_page(url) else url
        response = client.get(url) if data is None else client.post(url, data, follow=True)
        assert response.status_code in (200, 400, 404), (url, response.status_code)
        assert response["Content-Type"].startswith("text/html"), url
        problems = header_problems(response) + inline_code(response.content.decode())
        if problems:
            found[url] = problems
    assert found == {}


def test_every_open_data_feed_and_machine_page_sends_the_security_headers(client, public_site):
    found = {}
    for url in data_pages(public_site):
        response = client.get(url)
        assert response.status_code < 500, url
        problems = (
            file_header_problems(response)
            if isinstance(response, FileResponse)
            else header_problems(response)
        )
        if problems:
            found[url] = problems
    assert found == {}
