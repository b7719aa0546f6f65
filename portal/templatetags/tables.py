"""Tables that read on a phone, with no column cut off and no script.

    {% load tables %}
    {% stacked_table %}<table>…</table>{% endstacked_table %}

Every body and footer cell gets the header of its column as ``data-label``
and the table the class ``stacked``. On a narrow screen the stylesheet
(static/css/portal.css, "Stacked tables") shows each row as a block: its row
header first, then one "label: value" line per cell. On a wider screen, and in
print, it stays an ordinary table. The table's HTML is the template's own, so
the tags are found with patterns rather than a full parser.
"""

import html
import re

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

CELL = re.compile(r"<(t[dh])(\s[^>]*)?>(.*?)</\1>", re.S)
OPEN_CELL = re.compile(r"<(t[dh])(\s[^>]*)?>")
ROW = re.compile(r"<tr(\s[^>]*)?>(.*?)</tr>", re.S)
SECTION = re.compile(r"<(tbody|tfoot)(\s[^>]*)?>(.*?)</\1>", re.S)
TABLE = re.compile(r"<table(\s[^>]*)?>")
COLSPAN = re.compile(r'colspan="(\d+)"')


def _span(attributes):
    found = COLSPAN.search(attributes or "")
    return int(found.group(1)) if found else 1


def _text(fragment):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def column_labels(table):
    """The text of each column's header, from the last row of the table's head."""
    head = re.search(r"<thead(?:\s[^>]*)?>(.*?)</thead>", table, re.S)
    rows = ROW.findall(head.group(1)) if head else []
    labels = []
    for _name, attributes, content in CELL.findall(rows[-1][1]) if rows else []:
        labels += [_text(content)] * _span(attributes)
    return labels


def _label_row(row, labels):
    column = 0

    def label(match):
        nonlocal column
        name, attributes = match.group(1), match.group(2) or ""
        text = labels[column] if column < len(labels) else ""
        span = _span(attributes)
        column += span
        # A cell across columns ("Jumlah" over the label columns) names itself.
        if not text or span > 1 or "data-label=" in attributes or 'scope="row"' in attributes:
            return match.group(0)
        return f'<{name}{attributes} data-label="{html.escape(text)}">'

    return OPEN_CELL.sub(label, row)


def stack(table):
    """The table's HTML with its cells labelled and the class that stacks it on a phone."""
    labels = column_labels(table)
    if not labels:
        return table

    def section(match):
        rows = ROW.sub(lambda row: _label_row(row.group(0), labels), match.group(3))
        return f"<{match.group(1)}{match.group(2) or ''}>{rows}</{match.group(1)}>"

    if SECTION.search(table):
        table = SECTION.sub(section, table)
    else:  # rows straight after the head
        head_end = table.find("</thead>") + len("</thead>")
        rows = ROW.sub(lambda row: _label_row(row.group(0), labels), table[head_end:])
        table = table[:head_end] + rows

    def with_class(match):
        attributes = match.group(1) or ""
        if 'class="' in attributes:
            return "<table" + attributes.replace('class="', 'class="stacked ', 1) + ">"
        return f'<table class="stacked"{attributes}>'

    return TABLE.sub(with_class, table, count=1)


class StackedTableNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        return mark_safe(stack(self.nodelist.render(context)))  # the template's own escaped HTML


@register.tag
def stacked_table(parser, token):
    nodelist = parser.parse(("endstacked_table",))
    parser.delete_first_token()
    return StackedTableNode(nodelist)
