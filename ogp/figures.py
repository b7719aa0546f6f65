"""Derived figures of a village budget, as Permendagri 20/2018 defines them.

- totals at every level of the chart of accounts (akun, kelompok, jenis,
  obyek) and of the functional classification (bidang, sub-bidang, kegiatan);
- Surplus/(Defisit) = Pendapatan (4) − Belanja (5);
- Pembiayaan Netto = Penerimaan (6.1) − Pengeluaran (6.2);
- SiLPA tahun berjalan = Surplus/(Defisit) + Pembiayaan Netto;
- realisation % = realisasi / anggaran, shown as 100% where the budget is 0 and
  something was realised (and as no figure where both are 0).

Everything here is pure arithmetic on integer Rupiah; nothing touches the
database, so the same code serves publishing, pages, downloads and tests.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

REVENUE = "4"
SPENDING = "5"
FINANCING = "6"
FINANCING_RECEIPTS = "6.1"
FINANCING_EXPENDITURE = "6.2"
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def surplus(revenue, spending):
    return revenue - spending


def net_financing(receipts, expenditure):
    return receipts - expenditure


def silpa(surplus_value, net_financing_value):
    return surplus_value + net_financing_value


def rate(budget, realised):
    """Realisation as a percentage rounded to two decimals, or None when there is nothing to compare."""
    if realised is None:
        return None
    if not budget:
        return HUNDRED if realised > 0 else None
    return (Decimal(realised) * HUNDRED / Decimal(budget)).quantize(CENT, rounding=ROUND_HALF_UP)


def shown(value, places=1):
    """A percentage rounded half-up for display (the `persen` filter cuts extra digits off)."""
    if value is None:
        return None
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def account_prefixes(code):
    """ "5.2.1.02" → ["5", "5.2", "5.2.1", "5.2.1.02"]: the code and every level above it."""
    parts = code.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def activity_prefixes(code):
    """ "01.02.03" → ["01", "01.02", "01.02.03"]."""
    return account_prefixes(code) if code else []


@dataclass
class Totals:
    """Sums of one set of amounts (a version's budget or a report's realisation)."""

    by_account: dict = field(default_factory=dict)
    by_activity: dict = field(default_factory=dict)
    by_source: dict = field(default_factory=dict)
    spending_by_source: dict = field(default_factory=dict)

    @property
    def revenue(self):
        return self.by_account.get(REVENUE, 0)

    @property
    def spending(self):
        return self.by_account.get(SPENDING, 0)

    @property
    def financing_receipts(self):
        return self.by_account.get(FINANCING_RECEIPTS, 0)

    @property
    def financing_expenditure(self):
        return self.by_account.get(FINANCING_EXPENDITURE, 0)

    @property
    def surplus(self):
        return surplus(self.revenue, self.spending)

    @property
    def net_financing(self):
        return net_financing(self.financing_receipts, self.financing_expenditure)

    @property
    def silpa(self):
        return silpa(self.surplus, self.net_financing)

    def account(self, code):
        return self.by_account.get(code, 0)

    def activity(self, code):
        return self.by_activity.get(code, 0)

    def as_json(self):
        return {
            "account": self.by_account,
            "activity": self.by_activity,
            "source": self.by_source,
            "spending_source": self.spending_by_source,
        }

    @classmethod
    def from_json(cls, data):
        data = data or {}
        return cls(
            by_account=dict(data.get("account", {})),
            by_activity=dict(data.get("activity", {})),
            by_source=dict(data.get("source", {})),
            spending_by_source=dict(data.get("spending_source", {})),
        )


def tally(items):
    """Totals of (account code, kegiatan code, source code, amount) tuples, in one pass."""
    by_account = defaultdict(int)
    by_activity = defaultdict(int)
    by_source = defaultdict(int)
    spending_by_source = defaultdict(int)
    for account_code, activity_code, source_code, amount in items:
        if not amount:
            # Zero lines still appear in tables, but they add nothing.
            for prefix in account_prefixes(account_code):
                by_account.setdefault(prefix, 0)
            continue
        for prefix in account_prefixes(account_code):
            by_account[prefix] += amount
        top = account_code[:1]
        if top == SPENDING:
            for prefix in activity_prefixes(activity_code):
                by_activity[prefix] += amount
            spending_by_source[source_code or ""] += amount
        elif top == REVENUE:
            by_source[source_code or ""] += amount
    return Totals(dict(by_account), dict(by_activity), dict(by_source), dict(spending_by_source))


@dataclass(frozen=True)
class Comparison:
    code: str
    label: str
    original: int
    revised: int

    @property
    def difference(self):
        return self.revised - self.original


def compare(rows, original, revised, *, kind="account"):
    """Side-by-side rows of (code, label) for two Totals: original, revised and the difference."""
    pick = {"account": Totals.account, "activity": Totals.activity}[kind]
    return [Comparison(code, label, pick(original, code), pick(revised, code)) for code, label in rows]
