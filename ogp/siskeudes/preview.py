"""The preview of a Siskeudes import as plain text, for the command line.

The back office shows the same plan as a page (``ogp/admin/siskeudes_import.html``).
"""

from django.utils.translation import gettext_lazy as _

from ..models import BudgetVersion
from .plan import NEEDS_CONFIRMATION, OUT_OF_SCOPE, UNMATCHED

STATE_LABELS = {
    UNMATCHED: _("no portal village of that name in that kecamatan; map it in the back office"),
    NEEDS_CONFIRMATION: _("suggested match, to be confirmed"),
    OUT_OF_SCOPE: _("outside the villages you may import"),
}


def rupiah(amount):
    return "–" if amount is None else f"Rp{amount:,}".replace(",", ".")


def signed(amount):
    return f"{amount:+,}".replace(",", ".")


def preview_lines(plan):
    """The lines of text describing every village-year of a plan."""
    lines = [f"! {problem}" for problem in plan.problems]
    for item in plan.items:
        source = item.match.source
        target = item.match.village.label if item.match.village else "?"
        lines.append(f"{source.code} {source.village_name} ({source.district_name}) → {target}, {item.year}")
        if item.state in STATE_LABELS:
            lines.append(f"  [{STATE_LABELS[item.state]}]")
        if item.state in (UNMATCHED, OUT_OF_SCOPE):
            continue
        lines.extend(f"  ! {problem}" for problem in item.problems)
        for step in item.versions:
            lines.extend(_version_lines(step))
        for step in item.reports:
            lines.append(f"  {step.label()} ({step.as_of:%d/%m/%Y}): {step.outcome}, {rupiah(step.total)}")
    return lines


def _version_lines(step):
    perdes = f"Perdes {step.perdes_number or '?'} {step.perdes_date or '?'}"
    label = BudgetVersion.Kind(step.kind).label
    lines = [f"  {label}: {step.outcome}, {step.line_count} lines, {perdes}"]
    for title, rows in (("akun", step.by_akun()), ("bidang", step.by_bidang())):
        for code, published, amount, difference in rows:
            change = "" if difference is None else f" (published {rupiah(published)}, {signed(difference)})"
            lines.append(f"    {title} {code}: {rupiah(amount)}{change}")
    return lines
