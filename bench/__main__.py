"""`make bench`: the portal at full scale, served as in production, measured with wrk.

    .venv/bin/python -m bench [--duration 20] [--connections 32] [--reload]

1. PostgreSQL databases ``portal_bench`` (the demo topped up to full scale by
   `load_full_scale`) and ``portal_bench_small`` (the demo alone); both are
   kept between runs (``--reload`` rebuilds them).
2. Each page's query count on both, which must be equal.
3. Each page's cost in one process (``bench.inprocess``) with the page cache
   off, on both databases, as a multiple of the plainest page's in the same run.
4. gunicorn (production settings, ``gunicorn.conf.py``, whitenoise, Redis)
   behind nginx with the repository's locations file, on loopback; wrk for
   ``--duration`` seconds per page at ``--connections`` connections, with the
   page cache off and then on; each worker's memory after each run. The
   plainest page is measured too, as a reference held to no target.
5. The tables with the targets, printed and written to bench-results/.

Exits 1 when a target is missed. Needs nginx and wrk (installed from Debian's
packages when absent) and PostgreSQL on 127.0.0.1:5432 (started when it is not
answering) and Redis on 127.0.0.1:6379.
"""

import argparse
import datetime
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

from . import report
from .common import PYTHON, RESULTS, ROOT, SERVER, STATIC_ROOT, run, say
from .pages import IN_PROCESS, REFERENCE, SEARCHES
from .stack import measure_stack


def ensure_tools():
    missing = [
        package for package, command in (("nginx", "nginx"), ("wrk", "wrk")) if not shutil.which(command)
    ]
    if missing:
        say(f"== Installing {' '.join(missing)} from Debian's packages")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run(["apt-get", "update", "-qq"], env=env)
        run(["apt-get", "install", "-y", "-qq", *missing], env=env)


def _answers(host, port):
    import socket

    try:
        socket.create_connection((host, port), timeout=2).close()
        return True
    except OSError:
        return False


def ensure_services():
    if not _answers("127.0.0.1", 5432):
        say("== Starting PostgreSQL")
        version = sorted(os.listdir("/etc/postgresql"))[-1]
        run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"])
    if not _answers("127.0.0.1", 6379):
        say("== Starting Redis")
        run(["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379", "--save", ""])


class Database:
    """A PostgreSQL database for the benchmark, with its own encryption key and media folder."""

    def __init__(self, name, loader):
        self.name = name
        self.loader = loader
        self.url = f"{SERVER}/{name}"
        # The key's file is written only once the data is loaded: it marks a usable database.
        self.key_file = RESULTS / f"{name}.key"
        self.key = None
        self.media = RESULTS / f"media-{name}"

    def env(self, **extra):
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("REDIS_URL", "DATABASE_REPLICA_URL", "DJANGO_SETTINGS_MODULE", "S3_BUCKET")
        }
        env.update(
            DATABASE_URL=self.url,
            SITE_URL="http://127.0.0.1",
            FIELD_ENCRYPTION_KEY=self.key or self.key_file.read_text().strip(),
            MEDIA_ROOT=str(self.media),
            STATIC_ROOT=str(STATIC_ROOT),
            PRIVATE_MEDIA_ROOT=str(self.media / "private"),
            DJANGO_SECRET_KEY="bench-" + secrets.token_urlsafe(40),
            DJANGO_ALLOWED_HOSTS="localhost,127.0.0.1",
            DJANGO_SECURE_SSL_REDIRECT="0",
        )
        env.update(extra)
        return env

    def _exists(self):
        import psycopg

        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
            return connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.name]).fetchone()

    def prepare(self, *, reload):
        if not reload and self.key_file.exists() and self._exists():
            say(f"== {self.name}: kept from an earlier run (--reload rebuilds it)")
            run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env=self.env(DJANGO_DEBUG="1"))
            self.vacuum()
            return
        import psycopg
        from cryptography.fernet import Fernet

        say(f"== {self.name}: {self.loader}")
        started = time.monotonic()
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{self.name}"')
        shutil.rmtree(self.media, ignore_errors=True)
        self.key_file.unlink(missing_ok=True)
        self.key = Fernet.generate_key().decode()
        env = self.env(DJANGO_DEBUG="1")
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env=env)
        run([PYTHON, "manage.py", "createcachetable"], env=env)
        run([PYTHON, "manage.py", self.loader], env=env)
        self.key_file.write_text(self.key)
        say(f"   loaded in {time.monotonic() - started:.0f} s")
        self.vacuum()

    def vacuum(self):
        """VACUUM ANALYZE: the planner's statistics and visibility map of a database in use.

        Right after a bulk load PostgreSQL knows nothing of the new rows (it
        plans for a handful and reads the heap for every index entry) until
        autovacuum gets round to them, possibly in the middle of a measurement.
        """
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE")

    def in_process(self, *, runs, batch):
        """Each page's milliseconds in one process (`bench.inprocess`), page cache off."""
        # The search limit per client is lifted, as through the stack: every search measured is answered.
        env = self.env(
            DJANGO_DEBUG="0",
            PAGE_CACHE_SECONDS="0",
            DJANGO_SETTINGS_MODULE="bench.settings",
            SEARCH_RATE="1000000/m",
        )
        command = [PYTHON, "-m", "bench.inprocess", "--runs", str(runs), "--batch", str(batch)]
        return json.loads(run(command, env=env, capture=True).strip().splitlines()[-1])["ms"]

    def queries(self, *, counts=False):
        env = self.env(
            DJANGO_DEBUG="0",
            PAGE_CACHE_SECONDS="0",
            DJANGO_SETTINGS_MODULE="bench.settings",
            SEARCH_RATE="1000000/m",
        )
        output = run(
            [PYTHON, "-m", "bench.queries", *(["--counts"] if counts else [])], env=env, capture=True
        )
        return json.loads(output.strip().splitlines()[-1])


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.machine(),
    )
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "commit": commit.stdout.strip() or "?",
        "cores": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
    }


def arguments(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=20, help="seconds of wrk per page (20)")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections (32)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--reload", action="store_true", help="rebuild both databases")
    parser.add_argument(
        "--database",
        default="portal_bench",
        help="name of the full-scale database (portal_bench); the small demo's gets _small after it",
    )
    parser.add_argument("--port", type=int, default=8088, help="nginx's port on loopback (8088)")
    parser.add_argument("--app-port", type=int, default=8098, help="gunicorn's port on loopback (8098)")
    parser.add_argument("--cache", choices=["off", "on", "both"], default="both")
    parser.add_argument(
        "--only",
        choices=["all", "in-process", "stack"],
        default="all",
        help="measure in one process, through the stack, or both (all)",
    )
    parser.add_argument("--runs", type=int, default=15, help="batches per page in one process (15)")
    parser.add_argument("--batch", type=int, default=2, help="requests per batch in one process (2)")
    parser.add_argument(
        "--small-only",
        action="store_true",
        help="measure the small demo database only (a quick look; the targets need full scale)",
    )
    return parser.parse_args(argv)


def write_report(result):
    text = result.markdown()
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"bench-{stamp}.md").write_text(text)
    (RESULTS / f"bench-{stamp}.json").write_text(result.as_json())
    say("")
    say(text)
    say(f"Written to bench-results/bench-{stamp}.md and .json")


def main(argv=None):
    args = arguments(argv)
    RESULTS.mkdir(exist_ok=True)
    ensure_tools()
    ensure_services()
    full = Database(args.database, "load_full_scale")
    small = Database(f"{args.database}_small", "load_demo")
    if args.small_only:
        full = small
    for database in {small.name: small, full.name: full}.values():
        database.prepare(reload=args.reload)

    run([PYTHON, "manage.py", "collectstatic", "--noinput", "--clear", "-v0"], env=full.env(DJANGO_DEBUG="0"))
    result = report.Result(machine=machine())
    say("== Query counts, small demo and full scale")
    result.queries_small = small.queries()["queries"]
    measured = full.queries(counts=True)
    result.queries_full, result.data = measured["queries"], measured["data"]
    if args.small_only:
        result.machine["data"] = "small demo only"
    if args.only != "stack":
        measure_in_process(result, full=full, small=small, args=args)
    if args.only != "in-process":
        measure_stack(result, full=full, args=args)
    write_report(result)
    return 1 if result.misses() else 0


def measure_in_process(result, *, full, small, args):
    say(f"== In one process, page cache off: best of {args.runs} batches of {args.batch} per page")
    result.in_process_names = {page.path: page.name for page in IN_PROCESS}
    result.reference_path = REFERENCE.path
    result.searches = tuple(sorted(SEARCHES))
    for size, database in (("full", full), ("small", small)):
        result.in_process[size] = database.in_process(runs=args.runs, batch=args.batch)
    for path, name in result.in_process_names.items():
        costs = [result.in_process[size].get(path, 0) for size in ("full", "small")]
        multiples = [result.multiple(size, path) or 0 for size in ("full", "small")]
        say(
            f"   {name:32} full {costs[0]:6.1f} ms {multiples[0]:4.1f}×   "
            f"small {costs[1]:6.1f} ms {multiples[1]:4.1f}×"
        )


if __name__ == "__main__":
    sys.exit(main())
