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

from .. import formatting
from .. import panels as panel_registry
from ..forms import VoteForm
from ..models import SatisfactionVote
from ..services import VISITOR_COOKIE, vote_summary, voter_key

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
    """The page satisfaction poll for the current page (two queries)."""
    request = context["request"]
    path = request.path
    shares, total = vote_summary(path)
    own = None
    visitor = request.COOKIES.get(VISITOR_COOKIE)
    if visitor:
        own = (
            SatisfactionVote.objects.filter(page__path=path, voter=voter_key(visitor))
            .values_list("choice", flat=True)
            .first()
        )
    token = VoteForm.sign(path, title)
    form = VoteForm(initial={"token": token, "choice": own})
    return render_to_string(
        "components/_satisfaction.html",
        {
            "form": form,
            "shares": shares,
            "total": total,
            "own_label": dict(SatisfactionVote.Choice.choices).get(own),
        },
        request=None,
    )


@register.simple_tag(takes_context=True)
def panels(context, slot, obj):
    """Render every panel registered for a slot (see portal.panels)."""
    request = context.get("request")
    html = [
        render_to_string(panel.template, panel.context, request=request)
        for panel in panel_registry.build(slot, obj)
    ]
    return mark_safe("".join(html))
