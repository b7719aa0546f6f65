"""The preview of a Siskeudes import as plain text, for the command line.

The back office shows the same plan as a page (``ogp/admin/siskeudes_import.html``).
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import balance
from ..models import BudgetVersion
from .plan import NEEDS_CONFIRMATION, OUT_OF_SCOPE, UNCHANGED, UNMATCHED

STATE_LABELS = {
    UNMATCHED: _("no portal village of that name in that kecamatan; map it in the back office"),
    NEEDS_CONFIRMATION: _("suggested match, to be confirmed"),
    OUT_OF_SCOPE: _("outside the villages you may import"),
}


def rupiah(amount):
    return "–" if amount is None else f"Rp{amount:,}".replace(",", ".")


def signed(amount):
    return f"{amount:+,}".replace(",", ".")


def version_problems(step):
    """The balance checks (`ogp.balance`) that a planned version's lines fail."""
    return balance.budget_problems((row.account, row.activity, row.source, row.amount) for row in step.rows)


def report_problems(report, rows):
    """The lines of a planned report realised above their budget, `rows` being its version's lines."""
    return balance.over_budget(
        (position, f"{row.account} {row.description}", row.amount, report.realised.get(row.key, 0), "")
        for position, row in enumerate(rows, start=1)
    )


def balance_checks(item):
    """(version or report label, [Imbalance]) for every version and report a village-year would write.

    The import publishes what it writes, so a failed check needs the officer's
    written explanation, which the public page shows beside the figures.
    """
    checks = [
        (step.kind_label, version_problems(step)) for step in item.versions if step.outcome != UNCHANGED
    ]
    rows = item.versions[-1].rows if item.versions else []
    checks.extend(
        (report.label(), report_problems(report, rows))
        for report in item.reports
        if report.outcome != UNCHANGED
    )
    return checks


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
        for label, end in item.waiting_periods:
            waiting = gettext("%(period)s: not reported yet, the period ends on %(date)s") % {
                "period": label,
                "date": f"{end:%d/%m/%Y}",
            }
            lines.append(f"  {waiting}")
        lines.extend(_check_lines(item))
    return lines


def _check_lines(item):
    lines = []
    for label, problems in balance_checks(item):
        if not problems:
            lines.append("  " + gettext("%(name)s: the books balance.") % {"name": label})
        lines.extend(f"  ! {label}: {problem.message}" for problem in problems)
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
