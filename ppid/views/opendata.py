"""`/ppid/register.csv|json` and `/ppid/dip.csv|json`: the register and the DIP as open data."""

from portal.opendata import tables

from .. import opendata


def register_csv(request):
    """`/ppid/register.csv`: the public register of requests, without anything about the requesters."""
    return tables.csv_response(opendata.REGISTER, opendata.REGISTER_COLUMNS, opendata.register_rows(request))


def register_json(request):
    """`/ppid/register.json`: the same as JSON."""
    rows = opendata.register_rows(request)
    payload = {"kolom": opendata.REGISTER_COLUMNS, "jumlah": len(rows), "permohonan": rows}
    return tables.json_response(opendata.REGISTER, payload)


def dip_csv(request):
    """`/ppid/dip.csv`: every published item of the Daftar Informasi Publik."""
    return tables.csv_response(opendata.DIP, opendata.DIP_COLUMNS, opendata.dip_rows(request))


def dip_json(request):
    """`/ppid/dip.json`: the same as JSON."""
    rows = opendata.dip_rows(request)
    payload = {"kolom": opendata.DIP_COLUMNS, "jumlah": len(rows), "informasi": rows}
    return tables.json_response(opendata.DIP, payload)
