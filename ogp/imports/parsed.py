"""What a checked file holds, the reference data it is checked against, and content fingerprints."""

import hashlib
from dataclasses import dataclass, field

from ..models import Account, Activity, FundSource


@dataclass
class ParsedRow:
    row: int
    village_code: str
    account: str
    activity: str
    source: str
    description: str
    location: str
    amount: int | None
    realised: int | None
    executor: str = ""

    @property
    def key(self):
        """What makes a line unique within a version."""
        return (self.account, self.activity, self.source, self.description, self.location)


@dataclass
class ParsedFile:
    by_village: dict = field(default_factory=dict)
    perdes: dict = field(default_factory=dict)  # village code → (number, date)
    errors: list = field(default_factory=list)

    @property
    def row_count(self):
        return sum(len(rows) for rows in self.by_village.values())


class Chart:
    """The reference data in memory (three queries), shared by all rows of an import."""

    def __init__(self, accounts, activities, sources):
        self.accounts = accounts  # code → (level, fund source code)
        self.activities = activities  # code → level
        self.sources = sources  # any accepted code, upper-case → code

    @classmethod
    def load(cls):
        accounts = {
            code: (level, source)
            for code, level, source in Account.objects.values_list("code", "level", "fund_source_id")
        }
        activities = dict(Activity.objects.values_list("code", "level"))
        sources = {}
        for source in FundSource.objects.all():
            for code in source.all_codes():
                sources[code] = source.code
        return cls(accounts, activities, sources)


def fingerprint(items):
    """A stable hash of a set of lines, to recognise the same content imported twice."""
    digest = hashlib.sha256()
    for item in sorted(items):
        digest.update("\x1f".join(str(part) for part in item).encode())
        digest.update(b"\x1e")
    return digest.hexdigest()


def budget_fingerprint(rows):
    return fingerprint((*row.key, row.amount) for row in rows)
