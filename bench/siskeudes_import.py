"""Benchmark: a consolidated Siskeudes export of every desa of the regency for one year.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_siskeudes .venv/bin/python -m bench.siskeudes_import

Not part of the test suite. The database named in DATABASE_URL is dropped and
created afresh (migrations and the regions of REGION_CODE), so point it at a
database of its own (``sqlite:////tmp/siskeudes.sqlite3`` works too, the file
recreated). The export is generated (sample data: seven kinds of spending
with 15 items each, revenue, financing, a revision and payments through the
year, about 110 budget items per village), written as a zip, then read,
matched, previewed and imported with every match confirmed, timed per step;
a second import of the same file must change nothing. Target: under 60 s
for the first import on a 2-core machine. Exits 1 when it is missed.

Each step also prints its CPU time: this process's (user + system) and, on a
PostgreSQL server on this machine, its backend's. On a machine shared with
other work they move far less than the wall time does.
"""

import io
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

TARGET_SECONDS = 60
# A year already ended, so both realisation reports are written as in a real year-end export.
YEAR = 2024


def fresh_database(url):
    parsed = urlparse(url)
    if parsed.scheme == "sqlite" and parsed.path not in ("", "/", "/:memory:"):
        for suffix in ("", "-wal", "-shm"):
            Path(parsed.path + suffix).unlink(missing_ok=True)
        return
    import psycopg

    name = parsed.path.lstrip("/")
    if parsed.scheme not in ("postgres", "postgresql") or not name or name in ("postgres", "portal"):
        raise SystemExit(
            "DATABASE_URL must name a PostgreSQL database (or SQLite file) of the benchmark's own."
        )
    admin_url = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def build(villages):
    from ogp.siskeudes.sample import build_export, generated_village

    district_index = {}
    samples = []
    for number, village in enumerate(villages, start=1):
        kk = district_index.setdefault(village.district_id, f"{len(district_index) + 1:02d}")
        samples.append(
            generated_village(
                kd_kec=kk,
                kd_desa=f"{kk}.{2000 + number:04d}.",
                district_name=village.district.name,
                village_name=village.name,
                year=YEAR,
                seed=number,
            )
        )
    return build_export(samples, year=YEAR)


def server_cpu():
    """CPU seconds (user + system) of this connection's PostgreSQL backend, or None where unseen."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # a server on another machine
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_now():
    times = os.times()
    return times.user + times.system, server_cpu()


def timed(label, function, results):
    """Run `function`, print and record (label, wall, process CPU, server CPU or None)."""
    start, (cpu, server) = time.perf_counter(), cpu_now()
    value = function()
    wall, (cpu_after, server_after) = time.perf_counter() - start, cpu_now()
    spent = (label, wall, cpu_after - cpu, None if server is None else server_after - server)
    results.append(spent)
    server_text = "" if spent[3] is None else f", PostgreSQL backend {spent[3]:.1f} s"
    print(f"  {label}: {wall:.1f} s (CPU: this process {spent[2]:.1f} s{server_text})", flush=True)
    return value


def total_line(label, results):
    wall = sum(item[1] for item in results)
    cpu = sum(item[2] for item in results)
    servers = [item[3] for item in results]
    server_text = "" if None in servers else f", PostgreSQL backend {sum(servers):.1f} s"
    return wall, f"{label}: {wall:.1f} s (CPU: this process {cpu:.1f} s{server_text})"


def main():
    url = os.environ.get("DATABASE_URL", "")
    fresh_database(url)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_regions", verbosity=0)
    from ogp import imports, siskeudes
    from ogp.models import BudgetLine, BudgetVersion, RealisationLine
    from ogp.services import siskeudes_import
    from portal.models import Village

    villages = list(Village.objects.desa().select_related("district").order_by("district__code", "code"))
    content = build(villages)
    print(f"{len(villages)} desa, {YEAR}; export {len(content) / 1e6:.1f} MB (zip)", flush=True)
    results = []
    chart = imports.Chart.load()
    read = timed(
        "read and match", lambda: siskeudes_import.read_siskeudes(io.BytesIO(content), chart=chart), results
    )
    state = timed("load", lambda: siskeudes_import.load_siskeudes(read), results)
    confirm = set(read.matches)
    plan = timed("plan", lambda: siskeudes.plan_export(read, state, confirm=confirm), results)
    result = timed("apply", lambda: siskeudes_import.apply_siskeudes(plan), results)
    total, summary = total_line("first import", results)
    print(
        f"imported {result.count(siskeudes_import.IMPORTED)} village-years, "
        f"failed {result.count(siskeudes_import.FAILED)}: {BudgetVersion.objects.count()} versions, "
        f"{BudgetLine.objects.count()} lines, {RealisationLine.objects.count()} realisation lines"
    )
    print(f"{summary}; target < {TARGET_SECONDS} s")
    again = []
    _plan, second = timed(
        "second import", lambda: siskeudes_import.import_siskeudes(io.BytesIO(content), chart=chart), again
    )
    changed = len(second.outcomes) - second.count("unchanged")
    print(f"{total_line('second import', again)[1]}, {changed} village-years changed")
    missed = total >= TARGET_SECONDS or changed or result.count(siskeudes_import.FAILED)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
