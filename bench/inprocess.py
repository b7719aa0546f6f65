"""What each page costs in one process, with the page cache off.

    DJANGO_SETTINGS_MODULE=bench.settings python -m bench.inprocess [--runs 5] [--batch 10]

Each page is requested through Django's test client (the whole middleware
stack, no network): once to fill the per-process caches, then ``--runs``
batches of ``--batch`` requests; a page's cost is the mean of its best batch,
the figure least disturbed by other work on the machine. The plainest page
(`/tentang/`) is measured the same way in the same run, between the others, so
each page's multiple of it holds however busy the machine is. Prints one JSON
object, ``{"ms": {path: milliseconds}}``.
"""

import argparse
import json
import os
import sys
import time


def best_ms(client, path, *, runs, batch):
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    best = None
    for _ in range(runs):
        started = time.perf_counter()
        for _ in range(batch):
            client.get(path)
        mean = (time.perf_counter() - started) * 1000 / batch
        best = mean if best is None else min(best, mean)
    return best


def measure(paths, reference, *, runs, batch):
    from django.test import Client

    client = Client(SERVER_NAME="localhost")
    result = {}
    reference_runs = [best_ms(client, reference, runs=runs, batch=batch)]
    for path in paths:
        result[path] = best_ms(client, path, runs=runs, batch=batch)
        # The reference again after every page: its best over the whole run.
        reference_runs.append(best_ms(client, reference, runs=1, batch=batch))
    result[reference] = min(reference_runs)
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.inprocess")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=10)
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
