"""What a billboard says: the figures of one published version, from its budget statement.

`billboard_for` reads a version's lines once (`ogp.statements.build`) and
returns a `Billboard`: revenue by source, spending by bidang, the largest
kegiatan with where they are carried out, financing, the headline totals and
the Perdes, with the address of the public page its QR code points to. The
totals are those the version was published with (`ogp.figures`), so the
billboard, the page and the downloads agree.
"""

from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from portal import wilayah

from .. import statements

LARGEST_ACTIVITIES = 5
MAX_LOCATIONS = 3


@dataclass(frozen=True)
class Figure:
    label: str
    amount: int
    note: str = ""  # e.g. where a kegiatan is carried out


@dataclass
class Billboard:
    title: str
    place: str
    version_line: str
    perdes: str
    url: str
    is_sample: bool
    headline: list = field(default_factory=list)
    revenue: list = field(default_factory=list)
    bidang: list = field(default_factory=list)
    activities: list = field(default_factory=list)
    financing: list = field(default_factory=list)
    source_line: str = ""


def billboard_for(version, *, url, names=None):
    """The billboard of a published `version` (its budget and village selected), QR to `url`."""
    statement = statements.build(version, names=names)
    budget, village = version.budget, version.budget.village
    totals = statement.totals
    regency = wilayah.regency_or_none(village.code[:5])
    place = [village.district.label]
    if regency is not None:
        place.append(f"{regency.kind.title()} {regency.name}")
    perdes = _("Perdes No. %(number)s of %(date)s") % {
        "number": version.perdes_number,
        "date": long_date(version.perdes_date),
    }
    return Billboard(
        title=_("APBDes %(year)s %(village)s") % {"year": budget.year, "village": village.label},
        place=", ".join(place),
        version_line=f"{version.get_kind_display()} · {perdes}",
        perdes=perdes,
        url=url,
        is_sample=budget.is_sample,
        headline=[
            Figure(_("Revenue"), totals.revenue),
            Figure(_("Spending"), totals.spending),
            Figure(_("Surplus/(deficit)"), totals.surplus),
            Figure(_("SiLPA (year-end balance)"), totals.silpa),
        ],
        revenue=[Figure(row.label, row.budget) for row in statement.revenue_by_source],
        bidang=[Figure(group.name, group.budget) for group in statement.bidang],
        activities=largest_activities(statement),
        financing=[
            Figure(_("Financing receipts"), totals.financing_receipts),
            Figure(_("Financing expenditure"), totals.financing_expenditure),
            Figure(_("Net financing"), totals.net_financing),
        ],
        source_line=_("Version %(number)s, published on the portal on %(date)s.")
        % {"number": version.number, "date": long_date(version.published_at)},
    )


def largest_activities(statement, count=LARGEST_ACTIVITIES):
    """The `count` kegiatan with the largest budgets, each with the places its lines name."""
    places = {}
    for line in statement.lines:
        if line.activity and line.location:
            seen = places.setdefault(line.activity, [])
            if line.location not in seen:
                seen.append(line.location)
    kegiatan = [code for code in statement.totals.by_activity if code.count(".") == 2]
    kegiatan.sort(key=lambda code: (-statement.totals.activity(code), code))
    figures = []
    for code in kegiatan[:count]:
        amount = statement.totals.activity(code)
        if amount <= 0:
            break
        where = places.get(code, [])
        note = ", ".join(where[:MAX_LOCATIONS]) + (" …" if len(where) > MAX_LOCATIONS else "")
        figures.append(Figure(statement.names.activities.get(code, code), amount, note))
    return figures


def long_date(value):
    """``19 September 2017``, in the active language; the time zone's date for a moment."""
    if not value:
        return "–"
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, "j F Y")
