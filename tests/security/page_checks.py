"""What a strict page policy and the security headers look like, and a finder of inline code."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

# --- The Content-Security-Policy and the security headers ----------------------------


def policy_problems(header):
    """What is wrong with a Content-Security-Policy header, as short phrases (empty when strict)."""
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    problems = []
    for name, wanted in (
        ("default-src", ["'self'"]),
        ("script-src", ["'self'"]),
        ("style-src", ["'self'"]),
        ("object-src", ["'none'"]),
        ("frame-ancestors", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
    ):
        if directives.get(name) != wanted:
            problems.append(f"{name} is {directives.get(name)}")
    for name, sources in directives.items():
        for source in sources:
            if source not in ("'self'", "'none'", "data:"):
                problems.append(f"{name} allows {source}")
    return problems


def header_problems(response):
    problems = policy_problems(response.get("Content-Security-Policy", ""))
    expected = {
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    for name, value in expected.items():
        if response.get(name) != value:
            problems.append(f"{name} is {response.get(name)!r}")
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


class InlineCodeFinder(HTMLParser):
    """Collects what a strict CSP would block or what loads from another host."""

    RESOURCE_ATTRIBUTES = {
        "script": "src",
        "img": "src",
        "source": "srcset",
        "iframe": "src",
        "form": "action",
    }
    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster"}

    def __init__(self):
        super().__init__()
        self.problems = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "style":
            self.problems.append("<style> element")
        # A JSON-LD block is data the browser never runs (and CSP does not govern).
        if tag == "script" and attrs.get("type") != "application/ld+json":
            if not attrs.get("src"):
                self.problems.append("inline <script>")
            self._in_script = True
        for name, value in attrs.items():
            if name == "style":
                self.problems.append(f"style attribute on <{tag}>")
            if name.startswith("on"):
                self.problems.append(f"{name} handler on <{tag}>")
            if name in self.URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"javascript: URL in <{tag} {name}>")
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon", "preload", "modulepreload"):
            self._same_origin(tag, attrs.get("href"))
        if tag in self.RESOURCE_ATTRIBUTES:
            self._same_origin(tag, attrs.get(self.RESOURCE_ATTRIBUTES[tag]))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.problems.append("code inside <script>")

    def _same_origin(self, tag, url):
        for candidate in (url or "").split(","):
            address = candidate.strip().split(" ")[0]
            if not address or address.startswith("data:"):
                continue
            parts = urlsplit(address)
            if parts.netloc and parts.netloc != "testserver":
                self.problems.append(f"<{tag}> loads from {parts.netloc}")


def inline_code(html):
    finder = InlineCodeFinder()
    finder.feed(html)
    return finder.problems


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
