"""Formatting filters and shared components for every template.

The filters wrap the functions of portal.formatting, which Python code
calls directly.

{% load portal %}
{{ amount|rupiah }}            → Rp1.250.000.000
{{ visit.date|tanggal }}       → Selasa, 19 September 2017
{{ value|persen }}             → 83,3%
{{ letter.date|tanggal_angka }} → 19-09-2017
{% satisfaction_widget %}      → the page satisfaction poll
{% panels slot obj %}          → render the panels registered for a slot
"""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .. import formatting, poll
from .. import panels as panel_registry

register = template.Library()


# The formatting filters are the functions of portal.formatting, registered as they are.
rupiah = register.filter("rupiah", formatting.rupiah)
angka = register.filter("angka", formatting.angka)
persen = register.filter("persen", formatting.persen)
tanggal = register.filter("tanggal", formatting.tanggal)
tanggal_pendek = register.filter("tanggal_pendek", formatting.tanggal_pendek)
tanggal_angka = register.filter("tanggal_angka", formatting.tanggal_angka)


@register.simple_tag(takes_context=True)
def satisfaction_widget(context, title=""):
    """The page satisfaction poll for the current page (two queries; see portal.poll)."""
    return poll.widget(context["request"], title)


@register.simple_tag(takes_context=True)
def panels(context, slot, obj):
    """Render every panel registered for a slot (see portal.panels)."""
    request = context.get("request")
    html = [
        render_to_string(panel.template, panel.context, request=request)
        for panel in panel_registry.build(slot, obj)
    ]
    return mark_safe("".join(html))
