"""Template tags of the ogp app.

{% load ogp %}
{% village_rows rows %}   → the <tr> rows of the regency page's village table

The regency page lists every village of the regency at once; rendering those
few thousand cells through the template engine costs more than the rest of the
page together, so the rows are built here as plain strings. Every value is
HTML-escaped with the standard library's `html.escape` before it is placed in
the markup, and numbers go through portal.formatting, as the
`rupiah`/`persen` filters of the templates do.
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from portal.formatting import persen, rupiah

register = template.Library()

ROW = (
    '<tr><th scope="row"><a href="{url}">{name}</a>{sample}</th><td>{district}</td>'
    '<td class="num">{revenue}</td><td class="num">{dana_desa}</td><td class="num">{spending}</td>'
    '<td class="num">{silpa}</td><td class="num">{rate}</td><td>{version}{versions}</td></tr>'
)


@register.simple_tag
def village_rows(rows):
    sample = f' <span class="badge badge--warn">{escape(gettext("sample"))}</span>'
    no_report = f'<span class="meta">{escape(gettext("no report"))}</span>'
    html = []
    for row in rows:
        if row.spending_rate is not None:
            rate = f'{escape(persen(row.spending_rate_shown))} <span class="meta">({escape(row.report_label)})</span>'
        else:
            rate = no_report
        versions = ""
        if row.published_versions > 1:
            text = ngettext("%(n)s version", "%(n)s versions", row.published_versions) % {
                "n": row.published_versions
            }
            versions = f' <span class="meta">({escape(text)})</span>'
        html.append(
            ROW.format(
                url=escape(row.url),
                name=escape(row.name),
                sample=sample if row.is_sample else "",
                district=escape(row.district_name),
                revenue=escape(rupiah(row.revenue)),
                dana_desa=escape(rupiah(row.dana_desa)),
                spending=escape(rupiah(row.spending)),
                silpa=escape(rupiah(row.silpa)),
                rate=rate,
                version=escape(row.version_label),
                versions=versions,
            )
        )
    return mark_safe("\n".join(html))
