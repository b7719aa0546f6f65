"""Open-data shapes of budgets: CSV rows and JSON documents.

The column names are those of the import template (``kode_rekening``,
``anggaran``, …) plus readable names, so a downloaded file can be re-imported
and opened by anyone. Amounts are integer Rupiah, booleans ``true``/``false``,
times ISO 8601 with +07:00 (the conventions of `portal.opendata.conventions`).
"""

import io
import json

from portal import csv_export
from portal.opendata.conventions import boolean, iso_time

from . import figures

LINE_COLUMNS = [
    "kode_desa",
    "nama_desa",
    "tahun",
    "versi",
    "jenis_versi",
    "kode_rekening",
    "nama_rekening",
    "kode_kegiatan",
    "nama_kegiatan",
    "uraian",
    "lokasi",
    "sumber_dana",
    "anggaran",
    "realisasi",
    "data_contoh",
]

SUMMARY_COLUMNS = [
    "kode_desa",
    "nama_desa",
    "kode_kecamatan",
    "nama_kecamatan",
    "tahun",
    "versi_berlaku",
    "jenis_versi",
    "jumlah_versi",
    "pendapatan",
    "belanja",
    "surplus_defisit",
    "penerimaan_pembiayaan",
    "pengeluaran_pembiayaan",
    "pembiayaan_netto",
    "silpa",
    "dana_desa",
    "alokasi_dana_desa",
    "laporan_realisasi",
    "realisasi_pendapatan",
    "realisasi_belanja",
    "persen_realisasi_pendapatan",
    "persen_realisasi_belanja",
    "data_contoh",
    "diterbitkan",
]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """Text written by people, made safe for spreadsheets: a leading =, +, -, @ would
    start a formula when the file is opened, so it gets a protective apostrophe
    (which the import removes again)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(columns, rows):
    buffer = io.StringIO()
    writer = csv_export.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


class Echo:
    """A file-like object whose write returns the value, for streaming CSV."""

    def write(self, value):
        return value


def stream_csv(columns, rows):
    writer = csv_export.writer(Echo(), lineterminator="\r\n")
    yield "\ufeff" + writer.writerow(columns)
    for row in rows:
        yield writer.writerow(row)


def stream_json_rows(columns, rows, *, meta):
    """A JSON document {…meta, "kolom": [...], "baris": [{column: value}, …]} written piece by piece."""
    head = json.dumps({**meta, "kolom": columns}, ensure_ascii=False)[:-1]
    yield head + ', "baris": ['
    first = True
    for row in rows:
        yield (
            ("" if first else ",")
            + "\n"
            + json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False)
        )
        first = False
    yield "\n]}\n"


def _number(value):
    return "" if value is None else str(value)


def statement_line_rows(statement, village, year):
    version = statement.version
    sample = boolean(version.budget.is_sample)
    for line in statement.lines:
        yield [
            village.code,
            village.name,
            year,
            version.number,
            version.kind,
            line.account,
            line.account_name,
            line.activity,
            line.activity_name,
            cell(line.description),
            cell(line.location),
            line.source,
            line.amount,
            _number(line.realised),
            sample,
        ]


def totals_json(totals):
    return {
        "pendapatan": totals.revenue,
        "belanja": totals.spending,
        "surplus_defisit": totals.surplus,
        "penerimaan_pembiayaan": totals.financing_receipts,
        "pengeluaran_pembiayaan": totals.financing_expenditure,
        "pembiayaan_netto": totals.net_financing,
        "silpa": totals.silpa,
        "per_sumber_dana": totals.by_source,
        "per_rekening": {
            code: amount for code, amount in sorted(totals.by_account.items()) if code.count(".") <= 2
        },
        "per_bidang": {
            code: amount for code, amount in sorted(totals.by_activity.items()) if code.count(".") <= 1
        },
    }


def version_json(version):
    return {
        "versi": version.number,
        "jenis": version.kind,
        "nama_jenis": str(version.get_kind_display()),
        "nomor_perdes": version.perdes_number,
        "tanggal_perdes": version.perdes_date.isoformat() if version.perdes_date else None,
        "diterbitkan": iso_time(version.published_at) or None,
        "catatan": version.note,
    }


def report_json(report):
    return {
        "periode": report.period,
        "nama_periode": str(report.get_period_display()),
        "posisi_per": report.as_of.isoformat(),
        "versi": report.version.number,
        "diterbitkan": iso_time(report.published_at) or None,
    }


def statement_json(statement, *, village, year, versions, reports, url):
    budget = statement.version.budget
    data = {
        "desa": {
            "kode": village.code,
            "nama": village.name,
            "jenis": village.kind,
            "kode_kecamatan": village.district_id,
            "nama_kecamatan": village.district.name,
        },
        "tahun": year,
        "url": url,
        "data_contoh": budget.is_sample,
        "versi": version_json(statement.version),
        "anggaran": totals_json(statement.totals),
        "laporan_realisasi": report_json(statement.report) if statement.report else None,
        "realisasi": totals_json(statement.realised) if statement.realised else None,
        "persen_realisasi": None,
        "semua_versi": [version_json(version) for version in versions],
        "semua_laporan": [report_json(report) for report in reports],
        "baris": [
            {
                "kode_rekening": line.account,
                "nama_rekening": line.account_name,
                "kode_kegiatan": line.activity or None,
                "nama_kegiatan": line.activity_name or None,
                "uraian": line.description,
                "lokasi": line.location,
                "sumber_dana": line.source or None,
                "anggaran": line.amount,
                "realisasi": line.realised,
            }
            for line in statement.lines
        ],
    }
    if statement.realised is not None:
        data["persen_realisasi"] = {
            "pendapatan": _percent(figures.rate(statement.totals.revenue, statement.realised.revenue)),
            "belanja": _percent(figures.rate(statement.totals.spending, statement.realised.spending)),
        }
    return data


def _percent(value):
    return None if value is None else float(value)


def summary_row(summary):
    village = summary.village
    report = summary.report
    return [
        village.code,
        village.name,
        village.district_id,
        village.district.name,
        summary.year,
        summary.version.number,
        summary.version.kind,
        summary.published_versions,
        summary.revenue,
        summary.spending,
        summary.surplus,
        summary.financing_receipts,
        summary.financing_expenditure,
        summary.net_financing,
        summary.silpa,
        summary.revenue_by_source.get("DDS", 0),
        summary.revenue_by_source.get("ADD", 0),
        report.period if report else "",
        _number(summary.realised_revenue),
        _number(summary.realised_spending),
        _number(summary.revenue_rate),
        _number(summary.spending_rate),
        boolean(summary.is_sample),
        iso_time(summary.last_published_at),
    ]


def summary_json(summary, *, url):
    row = dict(zip(SUMMARY_COLUMNS, summary_row(summary), strict=True))
    for key in ("realisasi_pendapatan", "realisasi_belanja"):
        row[key] = int(row[key]) if row[key] != "" else None
    for key in ("persen_realisasi_pendapatan", "persen_realisasi_belanja"):
        row[key] = float(row[key]) if row[key] != "" else None
    row["laporan_realisasi"] = row["laporan_realisasi"] or None
    row["data_contoh"] = summary.is_sample
    row["pendapatan_per_sumber_dana"] = summary.revenue_by_source
    row["url"] = url
    return row
