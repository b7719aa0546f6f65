"""Realisation entries of an export: each receipt and payment line with its parsed date.

Receipts are ``Ta_TBPRinci`` lines dated by their ``Ta_TBP``; payments are
``Ta_SPPRinci`` lines dated by their ``Ta_SPP``, except advances (``Jn_SPP`` =
``UM``), which count once they are accounted for in ``Ta_SPJRinci`` (dated by
``Ta_SPJ``). Bank mutations and general-journal entries are not read.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .reading import Problem, account_code, activity_code, parse_amount, parse_date

ADVANCE = "UM"

# (detail table, header table, number column, date column)
SOURCES = (
    ("Ta_TBPRinci", "Ta_TBP", "No_Bukti", "Tgl_Bukti"),
    ("Ta_SPPRinci", "Ta_SPP", "No_SPP", "Tgl_SPP"),
    ("Ta_SPJRinci", "Ta_SPJ", "No_SPJ", "Tgl_SPJ"),
)


@dataclass(frozen=True)
class Entry:
    village: str
    year: int
    key: tuple  # (account, kegiatan)
    amount: int
    date: datetime.date | None
    problem: Problem | None = None


def realisation_entries(export, chart):
    """Every realisation line of the export, or the problem that keeps it out."""
    for detail, header, number_column, date_column in SOURCES:
        if not export.has(detail) or not export.has(header):
            continue
        headers = {
            (row["Tahun"], row["Kd_Desa"], row[number_column]): (number, row)
            for number, row in export.rows(header)
        }
        for number, row in export.rows(detail):
            entry = _entry(detail, header, number, row, headers, number_column, date_column, chart)
            if entry is not None:
                yield entry


def _entry(detail, header, number, row, headers, number_column, date_column, chart):
    try:
        year = int(row["Tahun"])
    except ValueError:
        year = 0

    def refused(file_name, column, row_number, message):
        return Entry(row["Kd_Desa"], year, (), 0, None, Problem(file_name, column, row_number, message))

    head = headers.get((row["Tahun"], row["Kd_Desa"], row[number_column]))
    if head is None:
        message = _("%(number)s is not in %(file)s.") % {
            "number": row[number_column][:40],
            "file": f"{header}.csv",
        }
        return refused(f"{detail}.csv", number_column, number, message)
    head_number, head_row = head
    if head_row.get("Jn_SPP", "").strip().upper() == ADVANCE:
        return None
    date = parse_date(head_row[date_column])
    if date is None:
        message = _("“%(value)s” is not a date (MM/DD/YYYY).") % {"value": head_row[date_column][:30]}
        return refused(f"{header}.csv", date_column, head_number, message)
    amount = parse_amount(row["Nilai"])
    if amount is None:
        message = _("“%(value)s” is not an amount.") % {"value": row["Nilai"][:30]}
        return refused(f"{detail}.csv", "Nilai", number, message)
    account = account_code(row["Kd_Rincian"])
    if account not in chart.accounts:
        message = _("The account %(code)s is not in the chart of accounts.") % {"code": row["Kd_Rincian"]}
        return refused(f"{detail}.csv", "Kd_Rincian", number, message)
    activity = activity_code(row["Kd_Keg"], row["Kd_Desa"]) if account.startswith("5") else ""
    return Entry(row["Kd_Desa"], year, (account, activity), amount, date)
