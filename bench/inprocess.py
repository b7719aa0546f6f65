"""What each page costs in one process, with the page cache off.

    DJANGO_SETTINGS_MODULE=bench.settings python -m bench.inprocess [--runs 15] [--batch 2]

Each page is requested through Django's test client (the whole middleware
stack, no network): once to fill the per-process caches, then ``--runs``
batches of ``--batch`` requests; a page's cost is the mean of its best batch,
the figure least disturbed by other work on the machine. The plainest page
(`/tentang/`) is measured in turn with every batch of every page, so it meets
the same moments of the run as the pages do and each page's multiple of it
holds however busy the machine is. Prints one JSON object,
``{"ms": {path: milliseconds}}``.
"""

import argparse
import json
import os
import sys
import time


def batch_ms(client, path, batch):
    started = time.perf_counter()
    for _ in range(batch):
        response = client.get(path)
        if response.status_code != 200:  # a refused or failed page would be measured as a cheap one
            raise SystemExit(f"{path} answered {response.status_code}")
    return (time.perf_counter() - started) * 1000 / batch


def measure(paths, reference, *, runs, batch):
    from django.test import Client

    client = Client(SERVER_NAME="localhost")
    for path in [reference, *paths]:
        response = client.get(path)  # fills the per-process caches
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    result = {}
    reference_best = batch_ms(client, reference, batch)
    for path in paths:
        best = None
        for _ in range(runs):
            mean = batch_ms(client, path, batch)
            best = mean if best is None else min(best, mean)
            reference_best = min(reference_best, batch_ms(client, reference, batch))
        result[path] = best
    result[reference] = reference_best
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.inprocess")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--batch", type=int, default=2)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from .pages import IN_PROCESS, REFERENCE

    paths = [page.path for page in IN_PROCESS]
    json.dump({"ms": measure(paths, REFERENCE.path, runs=args.runs, batch=args.batch)}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
