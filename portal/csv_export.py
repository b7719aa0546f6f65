"""The one CSV writer of every export: cells cannot become spreadsheet formulas.

A spreadsheet opening a CSV runs a cell that starts with ``=``, ``+``, ``-``
or ``@`` (and, in some programs, one that starts with a tab or a carriage
return) as a formula, so a KIM name like ``=HYPERLINK(…)`` written by anyone
who can edit it would act on the computer of whoever opens the open data.
Such text cells get a leading apostrophe, which spreadsheets show as text;
numbers are written as they are (a negative amount stays a number).

    writer = csv_export.writer(response)
    writer = csv_export.DictWriter(response, fieldnames=[…])
"""

import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The cell as written: text that a spreadsheet would evaluate gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """A csv.writer whose rows are neutralised cell by cell."""

    def __init__(self, inner):
        self._inner = inner
        self.dialect = inner.dialect

    def writerow(self, row):
        return self._inner.writerow([neutralise(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(file, *args, **kwargs):
    return SafeWriter(csv.writer(file, *args, **kwargs))


class DictWriter(csv.DictWriter):
    def __init__(self, file, fieldnames, *args, **kwargs):
        super().__init__(file, fieldnames, *args, **kwargs)
        self.writer = SafeWriter(self.writer)
