"""Reading APBDes files in the documented template and checking every row.

A file is CSV (UTF-8, comma or semicolon separated) or XLSX (the first sheet,
or the sheet named ``APBDes``) whose first row names the columns of
`COLUMNS` (`columns`). `parse()` (`checking`) reads the whole file
(`reading`), reads each cell (`cells`) and collects every problem with its
row number and column; it saves nothing. `ogp.services.import_budget` and
`import_realisation` then check what needs the database (scope, published
years, matching lines) and save all or nothing. `template` writes the
template handed out in the back office.
"""

from .cells import (
    normalise_account_code,
    normalise_activity_code,
    normalise_village_code,
    parse_date,
    parse_rupiah,
    text,
)
from .checking import FIELD_COLUMNS, MAX_ERRORS, MAX_ROWS, parse
from .columns import COLUMN_NAMES, COLUMN_ORDER, COLUMNS, HEADER_ALIASES, Column, ImportFileError, RowError
from .parsed import Chart, ParsedFile, ParsedRow, budget_fingerprint, fingerprint
from .reading import read_table
from .template import TEMPLATE_EXAMPLES, template_csv, template_xlsx

__all__ = [
    "COLUMNS",
    "COLUMN_NAMES",
    "COLUMN_ORDER",
    "FIELD_COLUMNS",
    "HEADER_ALIASES",
    "MAX_ERRORS",
    "MAX_ROWS",
    "TEMPLATE_EXAMPLES",
    "Chart",
    "Column",
    "ImportFileError",
    "ParsedFile",
    "ParsedRow",
    "RowError",
    "budget_fingerprint",
    "fingerprint",
    "normalise_account_code",
    "normalise_activity_code",
    "normalise_village_code",
    "parse",
    "parse_date",
    "parse_rupiah",
    "read_table",
    "template_csv",
    "template_xlsx",
    "text",
]
