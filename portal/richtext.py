"""Staff-written rich text: Markdown in, sanitised HTML out.

Staff write plain text (paragraphs separated by a blank line) with optional
Markdown for headings, lists, emphasis and links; no HTML knowledge is needed.
`to_html()` renders it and then removes everything outside a short allowlist
with nh3, so a pasted ``<script>`` or ``onclick`` never reaches a page. Models
store the sanitised result next to the source when they are saved.
"""

import markdown
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}

HELP_TEXT = (
    "Write plain text; leave an empty line between paragraphs. Optional: "
    "## heading, - list item, **bold**, *italic*, [link text](https://…)."
)


def to_html(source):
    """Render Markdown and sanitise the result; safe to mark as safe in templates."""
    rendered = markdown.markdown(source or "", extensions=["tables", "sane_lists"], output_format="html")
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def to_text(source, limit=None):
    """Plain text of a rich-text source, e.g. for meta descriptions and feeds."""
    return html_to_text(to_html(source), limit=limit)


def html_to_text(html, limit=None):
    """Plain text of HTML that `to_html()` made (a stored ``*_html`` field), cut at a word."""
    text = nh3.clean(html, tags=set()).replace("\n", " ")
    text = " ".join(text.split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text
