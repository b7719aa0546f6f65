"""The budget statement of one version, as the public page and the downloads show it.

`build()` turns a version's lines (one query) and, optionally, one report's
realised amounts (one query) into the sections citizens read on a billboard:
headline figures, revenue by source, spending by bidang with its sub-bidang
and activities, spending by economic type, financing, and budget against
realisation at every level of the chart of accounts. All sums come from
`ogp.figures` in a single pass, so the page, the CSV and the JSON agree.
"""

from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from portal import data_versions
from portal.charts import bar_chart
from portal.templatetags.portal import persen, rupiah

from . import figures
from .models import Account, Activity, FundSource

# The data version of the chart of accounts, activities and sources of funds.
REFERENCE_TOPIC = "ogp-reference"


@dataclass
class Names:
    """Names of accounts, activities and sources of funds.

    Read once per process (three small queries) and again only when staff
    change one of the three tables: `load()` costs one query otherwise.
    """

    accounts: dict
    activities: dict
    sources: dict  # in display order

    @classmethod
    def read(cls):
        return cls(
            accounts=dict(Account.objects.values_list("code", "name")),
            activities=dict(Activity.objects.values_list("code", "name")),
            sources=OrderedDict(FundSource.objects.order_by("order", "code").values_list("code", "name")),
        )

    @classmethod
    def load(cls):
        return data_versions.remember("ogp-names", topics=[REFERENCE_TOPIC], load=cls.read)


@receiver([post_save, post_delete], sender=Account)
@receiver([post_save, post_delete], sender=Activity)
@receiver([post_save, post_delete], sender=FundSource)
def _reference_changed(sender, **kwargs):
    data_versions.changed(REFERENCE_TOPIC)


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    budget: int
    realised: int | None = None
    level: int = 0

    @property
    def remaining(self):
        return self.budget - (self.realised or 0)

    @property
    def rate(self):
        return figures.shown(figures.rate(self.budget, self.realised))


@dataclass
class LineView:
    pk: int
    account: str
    account_name: str
    activity: str
    activity_name: str
    source: str
    description: str
    location: str
    amount: int
    realised: int | None
    executor: str = ""

    @property
    def rate(self):
        return figures.shown(figures.rate(self.amount, self.realised))


@dataclass
class Group:
    """A bidang or sub-bidang with its total, realisation and what lies beneath."""

    code: str
    name: str
    budget: int
    realised: int | None
    children: list = field(default_factory=list)
    lines: list = field(default_factory=list)

    @property
    def rate(self):
        return figures.shown(figures.rate(self.budget, self.realised))

    @property
    def anchor(self):
        return "bidang-" + self.code.replace(".", "-")


LINE_FIELDS = (
    "id",
    "account_id",
    "activity_id",
    "fund_source_id",
    "description",
    "location",
    "amount",
    "executor",
)


@dataclass
class Statement:
    version: object
    report: object
    lines: list
    totals: figures.Totals
    realised: figures.Totals | None
    names: Names

    # --- Headline and tables ---------------------------------------------

    def _realised(self, getter):
        return getter(self.realised) if self.realised is not None else None

    @cached_property
    def headline(self):
        t, r = self.totals, self.realised
        return [
            Row("pendapatan", _("Revenue"), t.revenue, r.revenue if r else None),
            Row("belanja", _("Spending"), t.spending, r.spending if r else None),
            Row("surplus", _("Surplus/(deficit)"), t.surplus, r.surplus if r else None),
            Row("pembiayaan", _("Net financing"), t.net_financing, r.net_financing if r else None),
            Row("silpa", _("SiLPA (year-end balance)"), t.silpa, r.silpa if r else None),
        ]

    @cached_property
    def unfinished(self):
        """Kegiatan not carried out or not finished in the report, with the budget that remains (Pasal 72)."""
        if self.realised is None:
            return []
        rows = []
        for code in sorted(c for c in self.totals.by_activity if c.count(".") == 2):
            budget, realised = self.totals.activity(code), self.realised.activity(code)
            if realised < budget:
                rows.append(Row(code, self.names.activities.get(code, code), budget, realised))
        return rows

    @cached_property
    def revenue_by_source(self):
        rows = []
        for code, name in self.names.sources.items():
            amount = self.totals.by_source.get(code, 0)
            realised = self.realised.by_source.get(code, 0) if self.realised else None
            if amount or realised:
                rows.append(Row(code, name, amount, realised))
        return rows

    def account_rows(self, top, *, depth=3):
        """Budget and realisation for every account under `top` down to `depth` levels."""
        rows = []
        for code in sorted(self.totals.by_account):
            if not code.startswith(top) or code.count(".") + 1 > depth:
                continue
            realised = self.realised.account(code) if self.realised else None
            rows.append(
                Row(
                    code,
                    self.names.accounts.get(code, code),
                    self.totals.account(code),
                    realised,
                    code.count("."),
                )
            )
        return rows

    @cached_property
    def revenue_rows(self):
        return self.account_rows(figures.REVENUE)

    @cached_property
    def spending_rows(self):
        return self.account_rows(figures.SPENDING)

    @cached_property
    def financing_rows(self):
        return self.account_rows(figures.FINANCING)

    @cached_property
    def economic_rows(self):
        """Spending by economic type: the kelompok of account 5 (pegawai, barang/jasa, modal, tak terduga)."""
        return [row for row in self.spending_rows if row.level == 1]

    def _group(self, code):
        return Group(
            code,
            self.names.activities.get(code, code),
            self.totals.activity(code),
            self.realised.activity(code) if self.realised is not None else None,
        )

    @cached_property
    def bidang(self):
        """Spending by function: bidang › sub-bidang › kegiatan › lines, in code order."""
        tree = OrderedDict()
        for line in sorted(
            (line for line in self.lines if line.account.startswith(figures.SPENDING)),
            key=lambda line: (line.activity, line.account, line.description, line.location),
        ):
            codes = figures.activity_prefixes(line.activity)
            level = tree
            for depth, code in enumerate(codes):
                group = level.get(code)
                if group is None:
                    group = level[code] = self._group(code)
                    group.children = OrderedDict()
                if depth == len(codes) - 1:
                    group.lines.append(line)
                level = group.children
        return _as_lists(tree)

    # --- Charts -------------------------------------------------------------

    @cached_property
    def revenue_chart(self):
        return bar_chart(
            _("Revenue by source of funds"),
            [(row.label, row.budget) for row in self.revenue_by_source],
            label_heading=_("Source of funds"),
            value_heading=_("Budget"),
            display=rupiah,
        )

    @cached_property
    def bidang_chart(self):
        return bar_chart(
            _("Spending by bidang"),
            [(group.name, group.budget, f"#{group.anchor}") for group in self.bidang],
            label_heading=_("Bidang"),
            value_heading=_("Budget"),
            display=rupiah,
        )

    @cached_property
    def economic_chart(self):
        return bar_chart(
            _("Spending by economic type"),
            [(row.label, row.budget) for row in self.economic_rows],
            label_heading=_("Type of spending"),
            value_heading=_("Budget"),
            display=rupiah,
        )

    @cached_property
    def realisation_chart(self):
        if self.realised is None:
            return None
        rows = self.headline[:2]
        return bar_chart(
            _("Realisation of revenue and spending (%)"),
            [(row.label, float(row.rate or 0)) for row in rows],
            label_heading=_("Item"),
            value_heading=_("Realisation"),
            display=persen,
        )


def _as_lists(tree):
    groups = list(tree.values())
    for group in groups:
        group.children = _as_lists(group.children)
    return groups


def build(version, *, report=None, names=None):
    """The statement of a version, with the realisation of `report` (a report on this version) if given."""
    names = names or Names.load()
    realised_by_line = {}
    if report is not None:
        realised_by_line = dict(report.lines.values_list("line_id", "amount"))
    lines = []
    for pk, account, activity, source, description, location, amount, executor in version.lines.order_by(
        "position", "pk"
    ).values_list(*LINE_FIELDS):
        lines.append(
            LineView(
                pk=pk,
                account=account,
                account_name=names.accounts.get(account, account),
                activity=activity or "",
                activity_name=names.activities.get(activity, "") if activity else "",
                source=source or "",
                description=description,
                location=location,
                amount=amount,
                realised=realised_by_line.get(pk, 0) if report is not None else None,
                executor=executor,
            )
        )
    totals = figures.tally((line.account, line.activity, line.source, line.amount) for line in lines)
    realised = None
    if report is not None:
        realised = figures.tally((line.account, line.activity, line.source, line.realised) for line in lines)
    return Statement(
        version=version, report=report, lines=lines, totals=totals, realised=realised, names=names
    )


def comparison(original, revised, names):
    """Original against revised version by kelompok, source and bidang, from their frozen totals."""
    first = figures.Totals.from_json(original.breakdown)
    second = figures.Totals.from_json(revised.breakdown)
    account_codes = sorted(
        code for code in set(first.by_account) | set(second.by_account) if code.count(".") <= 1
    )
    bidang_codes = sorted(
        code for code in set(first.by_activity) | set(second.by_activity) if "." not in code
    )
    rows = figures.compare([(code, names.accounts.get(code, code)) for code in account_codes], first, second)
    rows += [
        figures.Comparison("silpa", _("SiLPA (year-end balance)"), first.silpa, second.silpa),
    ]
    bidang_rows = figures.compare(
        [(code, names.activities.get(code, code)) for code in bidang_codes], first, second, kind="activity"
    )
    return {"accounts": rows, "bidang": bidang_rows}


CHANGE_FIELDS = ("account_id", "activity_id", "fund_source_id", "description", "location", "amount")


def line_changes(original, revised):
    """The lines whose amount differs between two versions, matched by account, kegiatan, source,
    description and location (two queries); a line only in one version counts as 0 in the other."""
    amounts = {}
    for column, version in enumerate((original, revised)):
        for *key, amount in version.lines.order_by("position", "pk").values_list(*CHANGE_FIELDS):
            amounts.setdefault(tuple(key), [0, 0])[column] = amount
    return [
        figures.Comparison(key[0], " · ".join(part for part in (key[3], key[4]) if part), first, second)
        for key, (first, second) in amounts.items()
        if first != second
    ]
