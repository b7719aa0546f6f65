"""The machine-readable side of the open data catalogue.

`portal.datasets` is the registry each app fills; this package publishes it
for other systems: a DCAT-AP 3 catalogue (`dcat`), a read-only CKAN action
API (`ckan`), Frictionless data packages (`packages`), typed XLSX copies of
the CSV files (`spreadsheets`), the OpenAPI description of the JSON
endpoints (`openapi`) and the HTTP conventions every data URL follows
(`http`: CORS, HEAD, ETag/Last-Modified, 304, JSON errors).
"""
