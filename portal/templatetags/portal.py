"""Formatting filters and shared components for every template.

{% load portal %}
{{ amount|rupiah }}            → Rp1.250.000.000
{{ visit.date|tanggal }}       → Selasa, 19 September 2017
{{ value|persen }}             → 83,3%
{% satisfaction_widget %}      → the page satisfaction poll
{% panels slot obj %}          → render the panels registered for a slot
"""

import datetime

from django import template
from django.core import signing
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .. import panels as panel_registry
from ..forms import VoteForm
from ..models import SatisfactionVote
from ..services import VISITOR_COOKIE, vote_summary, voter_key

register = template.Library()


@register.filter
def rupiah(value):
    """Integer Rupiah with dot thousands separators and no space: Rp1.250.000.000."""
    if value is None or value == "":
        return ""
    try:
        amount = int(value)
    except (TypeError, ValueError):
        return value
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(amount):,}".replace(",", ".")


@register.filter
def angka(value):
    """A whole number with dot thousands separators: 50.000."""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return value


@register.filter
def tanggal(value):
    """A long date with the weekday: “Selasa, 19 September 2017”."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return formats.date_format(value, "l, j F Y")


@register.filter
def tanggal_pendek(value):
    """A short date: “19 Sep 2017”."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return formats.date_format(value, "j M Y")


@register.filter
def persen(value, digits=1):
    """A percentage with a localised decimal separator: 83,3%."""
    if value is None or value == "":
        return "–"
    try:
        digits = int(digits)
        number = round(float(value), digits)
    except (TypeError, ValueError):
        return value
    return f"{formats.number_format(number, decimal_pos=digits)}%"


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
    token = signing.dumps({"path": path, "title": str(title)[:200]}, salt=VoteForm.SALT)
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


@register.filter
def ordinal_date_range(start, end):
    """“19 September 2017” or “19–21 September 2017” for a visit's dates."""
    if not start:
        return ""
    if not end or end == start:
        return formats.date_format(start, "j F Y")
    if start.year == end.year and start.month == end.month:
        return f"{start.day}–{formats.date_format(end, 'j F Y')}"
    return _("%(start)s to %(end)s") % {
        "start": formats.date_format(start, "j F Y"),
        "end": formats.date_format(end, "j F Y"),
    }
