"""Count each benchmarked page's database queries with the page cache off.

    DJANGO_SETTINGS_MODULE=bench.settings python -m bench.queries

Prints one JSON object, ``{"queries": {path: count}}`` (with ``--counts``,
also ``"data"``: the rows of the main tables); `make bench` runs it against the
full-scale and the small demo database and compares the two.
"""

import json
import os
import sys


def count_queries(paths):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(SERVER_NAME="localhost")
    counts = {}
    for path in paths:
        client.get(path)  # the first request fills per-process caches (the territory)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        counts[path] = len(captured)
    return counts


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from .pages import BASELINE, PAGES, REFERENCE

    result = {"queries": count_queries([BASELINE.path, *(page.path for page in PAGES), REFERENCE.path])}
    if "--counts" in sys.argv:
        result["data"] = data_counts()
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


DATA_MODELS = {
    "villages": "portal.Village",
    "APBDes (village × year)": "ogp.BudgetSummary",
    "APBDes lines": "ogp.BudgetLine",
    "PPID requests": "ppid.InfoRequest",
    "visits": "visits.Visit",
    "KIMs": "kim.Kim",
    "KIM news posts": "kim.Post",
    "search entries": "portal.SearchEntry",
}


def data_counts():
    from django.apps import apps

    return {name: apps.get_model(label).objects.count() for name, label in DATA_MODELS.items()}


if __name__ == "__main__":
    main()
