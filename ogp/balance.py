"""Whether a village's books balance: the identities an APBDes and its realisation must satisfy.

- Surplus/(Defisit) + Pembiayaan Netto = SiLPA tahun berjalan, and a budget
  may not plan a negative SiLPA: a deficit must be covered by financing;
- a total a source states for a level (akun, kelompok, jenis, bidang, …, or
  the SiLPA) equals the sum of its lines;
- the realisation of a line is not above its budget unless a note explains it.

Pure functions on integer Rupiah, like `ogp.figures`: publishing and the
imports call them and refuse, line by line, what fails until the officer
writes an explanation, which the public page then shows beside the figures.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from portal.templatetags.portal import rupiah

from . import figures


@dataclass(frozen=True)
class Imbalance:
    """One failed check: what it concerns (a code, a line) and the message for the officer."""

    check: str  # "silpa", "total" or "over_budget"
    subject: str
    message: str
    line: int | None = None  # the file row or line position it points to, when there is one


def budget_problems(items, *, stated=None):
    """The imbalances of a budget from its (account, kegiatan, source, amount) items.

    `stated` maps codes (account or kegiatan, or ``"silpa"``) to the totals a
    source file states for them; each must equal what the lines add up to.
    """
    totals = figures.tally(items)
    problems = []
    if totals.silpa < 0:
        problems.append(
            Imbalance(
                "silpa",
                "SiLPA",
                _(
                    "Spending is %(gap)s more than revenue plus net financing: surplus/(deficit) %(surplus)s "
                    "+ net financing %(net)s = SiLPA %(silpa)s. A deficit must be covered by financing."
                )
                % {
                    "gap": rupiah(-totals.silpa),
                    "surplus": rupiah(totals.surplus),
                    "net": rupiah(totals.net_financing),
                    "silpa": rupiah(totals.silpa),
                },
            )
        )
    for code, amount in sorted((stated or {}).items()):
        counted = _counted(totals, code)
        if counted != amount:
            message = _("The stated total of %(code)s is %(stated)s, but its lines add up to %(counted)s.")
            values = {"code": code, "stated": rupiah(amount), "counted": rupiah(counted)}
            problems.append(Imbalance("total", code, message % values))
    return problems


def _counted(totals, code):
    if code == "silpa":
        return totals.silpa
    if code[:1].isdigit() and len(code.split(".")[0]) == 2:
        return totals.activity(code)
    return totals.account(code)


def over_budget(lines):
    """The lines realised above their budget without a note.

    `lines` are (line, label, budget, realised, note) with `line` the row or
    position to point to.
    """
    problems = []
    for line, label, budget, realised, note in lines:
        if realised > budget and not (note or "").strip():
            message = _("%(line)s: realised %(realised)s is above its budget of %(budget)s.")
            values = {"line": label, "realised": rupiah(realised), "budget": rupiah(budget)}
            problems.append(Imbalance("over_budget", label, message % values, line=line))
    return problems
