"""gunicorn behind nginx on loopback, measured with wrk (the through-the-stack part of `make bench`)."""

import dataclasses
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

from . import report
from .common import PYTHON, RESULTS, ROOT, run, say
from .pages import BASELINE, PAGES, REFERENCE


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


def measure_stack(result, *, full, args):
    folder = RESULTS / "run"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for cache in ("off", "on") if args.cache == "both" else (args.cache,):
        say(f"== Cache {cache}: {args.duration} s per page at {args.connections} connections")
        with Stack(full, cache=cache, port=args.port, app_port=args.app_port, folder=folder) as stack:
            measure_pages(stack, result, args, cache)
            result.worker_rss_mb[cache] = stack.worker_rss_mb()
