"""`make bench`: the portal at full scale, served as in production, measured with wrk.

    .venv/bin/python -m bench [--duration 20] [--connections 32] [--reload]

1. PostgreSQL databases ``portal_bench`` (the demo topped up to full scale by
   `load_full_scale`) and ``portal_bench_small`` (the demo alone); both are
   kept between runs (``--reload`` rebuilds them).
2. Each page's query count on both, which must be equal.
3. gunicorn (production settings, ``gunicorn.conf.py``, whitenoise, Redis)
   behind nginx with the repository's locations file, on loopback; wrk for
   ``--duration`` seconds per page at ``--connections`` connections, with the
   page cache off and then on; each worker's memory after each run. The
   plainest page is measured too, as a reference held to no target.
4. The table with the targets, printed and written to bench-results/.

Exits 1 when a target is missed. Needs nginx and wrk (installed from Debian's
packages when absent) and PostgreSQL on 127.0.0.1:5432 (started when it is not
answering) and Redis on 127.0.0.1:6379.
"""

import argparse
import dataclasses
import datetime
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from . import report
from .pages import BASELINE, PAGES, REFERENCE

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
STATIC_ROOT = RESULTS / "static"
PYTHON = sys.executable
SERVER = "postgres://postgres@127.0.0.1:5432"


def say(text):
    print(text, flush=True)


def run(command, *, env=None, capture=False):
    result = subprocess.run(command, cwd=ROOT, env=env, text=True, capture_output=capture, check=False)
    if result.returncode:
        detail = (result.stderr or "")[-3000:] if capture else ""
        raise SystemExit(f"failed ({result.returncode}): {' '.join(map(str, command))}\n{detail}")
    return result.stdout if capture else ""


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

    def queries(self, *, counts=False):
        env = self.env(DJANGO_DEBUG="0", PAGE_CACHE_SECONDS="0", DJANGO_SETTINGS_MODULE="bench.settings")
        output = run(
            [PYTHON, "-m", "bench.queries", *(["--counts"] if counts else [])], env=env, capture=True
        )
        return json.loads(output.strip().splitlines()[-1])


class Stack:
    """gunicorn behind nginx on loopback, with the page cache on or off."""

    def __init__(self, database, *, cache, port, app_port, folder):
        self.database = database
        self.cache = cache
        self.port = port
        self.app_port = app_port
        self.folder = folder
        self.gunicorn = None
        self.nginx_conf = folder / "nginx.conf"

    def __enter__(self):
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.folder / name).mkdir(parents=True, exist_ok=True)
            (self.folder / name).chmod(0o777)  # nginx's workers buffer large answers here
        template = (ROOT / "deploy/bench/nginx.conf").read_text()
        for name, value in {
            "RUN": self.folder,
            "ROOT": ROOT,
            "PORT": self.port,
            "APP_PORT": self.app_port,
        }.items():
            template = template.replace(f"@{name}@", str(value))
        self.nginx_conf.write_text(template)
        run(["redis-cli", "-n", "5", "flushdb"], capture=True)
        env = self.database.env(
            DJANGO_DEBUG="0",
            DJANGO_SETTINGS_MODULE="bench.settings",
            REDIS_URL="redis://127.0.0.1:6379/5",
            PAGE_CACHE_SECONDS="60" if self.cache == "on" else "0",
            GUNICORN_BIND=f"127.0.0.1:{self.app_port}",
            # One address sends every request here; the search limit is for citizens.
            SEARCH_RATE="1000000/m",
        )
        log = (self.folder / f"gunicorn-cache-{self.cache}.log").open("w")
        self.gunicorn = subprocess.Popen(
            [str(Path(PYTHON).parent / "gunicorn"), "-c", "gunicorn.conf.py", "portal.wsgi:application"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        run(["nginx", "-t", "-q", "-c", str(self.nginx_conf)], capture=True)
        run(["nginx", "-c", str(self.nginx_conf)])
        self._wait_until_up()
        return self

    def __exit__(self, *exc):
        subprocess.run(["nginx", "-c", str(self.nginx_conf), "-s", "quit"], check=False, capture_output=True)
        if self.gunicorn:
            self.gunicorn.terminate()
            try:
                self.gunicorn.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.gunicorn.kill()
        time.sleep(1)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def _wait_until_up(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.gunicorn.poll() is not None:
                raise SystemExit(f"gunicorn stopped; see {self.folder}/gunicorn-cache-{self.cache}.log")
            try:
                with urllib.request.urlopen(self.url(BASELINE.path), timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit("the stack did not answer within 60 s")

    def check(self, path):
        """Fail early when a page does not answer 200 (wrk would only count it)."""
        with urllib.request.urlopen(self.url(path), timeout=30) as response:
            if response.status != 200:
                raise SystemExit(f"{path} answered {response.status}")

    def worker_rss_mb(self):
        children = Path(f"/proc/{self.gunicorn.pid}/task/{self.gunicorn.pid}/children").read_text().split()
        sizes = []
        for pid in children:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return sizes


def wrk(stack, page, *, duration, connections, threads, cache):
    output = run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            # As every browser does: compressed pages where the portal compresses.
            "-H",
            "Accept-Encoding: gzip",
            "-s",
            str(ROOT / "bench/wrk.lua"),
            stack.url(page.path),
        ],
        capture=True,
    )
    return report.parse_wrk(output, page=page.name, path=page.path, cache=cache)


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
    parser.add_argument("--port", type=int, default=8088, help="nginx's port on loopback (8088)")
    parser.add_argument("--app-port", type=int, default=8098, help="gunicorn's port on loopback (8098)")
    parser.add_argument("--cache", choices=["off", "on", "both"], default="both")
    parser.add_argument(
        "--small-only",
        action="store_true",
        help="measure the small demo database only (a quick look; the targets need full scale)",
    )
    return parser.parse_args(argv)


def measure_pages(stack, result, args, cache):
    """Every page between two baseline runs, each warmed first; the runs go into ``result``."""
    # The baseline before and after the pages: a drift between the two shows a
    # machine whose speed changed, and their mean is what each page is held to.
    before = dataclasses.replace(BASELINE, name=f"{BASELINE.name}, before")
    after = dataclasses.replace(BASELINE, name=f"{BASELINE.name}, after")
    for page in [before, *PAGES, REFERENCE, after]:
        stack.check(page.path)
        wrk(stack, page, duration=3, connections=8, threads=1, cache=cache)  # warm every worker
        measured_run = wrk(
            stack,
            page,
            duration=args.duration,
            connections=args.connections,
            threads=args.threads,
            cache=cache,
        )
        if page in (before, after):
            result.baseline.setdefault(cache, []).append(measured_run)
        elif page == REFERENCE:
            result.references.append(measured_run)
        else:
            result.pages.append(measured_run)
        say(
            f"   {page.name:32} {measured_run.rps:8,.0f} req/s  p50 {measured_run.p50_ms:6.1f} ms  "
            f"p99 {measured_run.p99_ms:6.1f} ms  non-2xx {measured_run.non2xx + measured_run.socket_errors}"
        )


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
    full = Database("portal_bench", "load_full_scale")
    small = Database("portal_bench_small", "load_demo")
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

    folder = RESULTS / "run"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)

    for cache in ("off", "on") if args.cache == "both" else (args.cache,):
        say(f"== Cache {cache}: {args.duration} s per page at {args.connections} connections")
        with Stack(full, cache=cache, port=args.port, app_port=args.app_port, folder=folder) as stack:
            measure_pages(stack, result, args, cache)
            result.worker_rss_mb[cache] = stack.worker_rss_mb()

    write_report(result)
    return 1 if result.misses() else 0


if __name__ == "__main__":
    sys.exit(main())
