"""The national reference data shipped with the app, read from ``ogp/data/``.

`load()` is called by a data migration, so every deployment has the
Permendagri 20/2018 chart of accounts, the functional classification of
spending and the Siskeudes sources of funds. It takes the model classes as
arguments (the migration passes its historical models) and only adds what is
missing: names edited in the back office are kept.
"""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def rows(name):
    """The rows of one data file as dictionaries."""
    with (DATA_DIR / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _split(code):
    parts = code.split(".")
    return len(parts), int(parts[-1]), ".".join(parts[:-1]) or None


def load(*, FundSource, Account, Activity):
    """Create the national rows that are missing; return how many were added."""
    added = 0
    existing = set(FundSource.objects.values_list("code", flat=True))
    sources = [
        FundSource(
            code=row["code"],
            alternative_codes=row["alternative_codes"],
            name=row["name"],
            order=int(row["order"]),
        )
        for row in rows("fund_sources.csv")
        if row["code"] not in existing
    ]
    FundSource.objects.bulk_create(sources)
    added += len(sources)

    existing = set(Account.objects.values_list("code", flat=True))
    accounts = []
    for row in sorted(rows("accounts.csv"), key=lambda r: (r["code"].count("."), r["code"])):
        if row["code"] in existing:
            continue
        level, number, parent = _split(row["code"])
        accounts.append(
            Account(
                code=row["code"],
                name=row["name"],
                level=level,
                number=number,
                parent_id=parent,
                fund_source_id=row["fund_source"] or None,
                is_national=True,
            )
        )
    Account.objects.bulk_create(accounts)
    added += len(accounts)

    existing = set(Activity.objects.values_list("code", flat=True))
    activities = []
    for row in sorted(rows("activities.csv"), key=lambda r: (r["code"].count("."), r["code"])):
        if row["code"] in existing:
            continue
        level, number, parent = _split(row["code"])
        activities.append(
            Activity(
                code=row["code"],
                name=row["name"],
                level=level,
                number=number,
                parent_id=parent,
                is_national=True,
            )
        )
    Activity.objects.bulk_create(activities)
    added += len(activities)
    return added
