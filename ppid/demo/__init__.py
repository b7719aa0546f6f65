"""Demo content of the information service.

Real facts (the regulations and their titles, the 2017 share of villages with
a PPID Desa, Perki 1/2018's list of what villages publish) are reproduced as
they are. Everything else is invented and flagged ``is_sample``: the officers,
the agencies' lists, several hundred requests across 2017–2025, all closed
(some objected, a few disputed, upheld objections' obligations carried out),
written notices and survey answers, and today's work dated from the day of
loading (`workload`: new, due-soon and overdue requests, an objection to
decide, an obligation falling due). Requesters are obviously fictitious (“… Contoh”, addresses
“Alamat contoh”, e-mail under ``.invalid``) and have no NIK.

Every status is reached along its workflow's table (`Workflow.seed`), so the
demo's histories are ones the services could have written. The loader is
deterministic (seeded) and idempotent: units, items and requests are keyed by
slug, (unit, title, year) and registration number, and only missing rows are
created, in bulk.
"""

import random

from portal import demo

from .. import tallies
from ..models import PpidUnit
from .answers import write_objections, written_notice
from .content import REQUESTS_PER_YEAR, SEDAHKIDUL, SEED, YEARS
from .dip import dip_items
from .requests import plan_request, requests, write_request_children
from .units import annual_report, regulations, service_standards, units
from .workload import workload

__all__ = [
    "REQUESTS_PER_YEAR",
    "SEDAHKIDUL",
    "SEED",
    "YEARS",
    "load",
    "plan_request",
    "write_objections",
    "write_request_children",
    "written_notice",
]


@demo.loader(order=60, name="ppid")
def load(stdout):
    # One generator per section, so a section that creates nothing on a second
    # run does not shift the random choices of the next one.
    regulation_count = regulations()
    service_standards()
    all_units = units(random.Random(SEED))
    items = dip_items(random.Random(SEED + 1), all_units)
    created, example = requests(random.Random(SEED + 2), all_units, random.Random(SEED + 3))
    today_work = workload(all_units)
    annual_report()
    tallies.rebuild()
    desa = sum(1 for unit in all_units if unit.kind == PpidUnit.Kind.DESA)
    stdout.write(
        f"  {len(all_units)} PPID units ({desa} PPID Desa), "
        f"{regulation_count} regulations, {items} new DIP items, {created} new requests"
    )
    stdout.write(f"  {today_work} requests of today's work (dated from today)")
    if example:
        stdout.write(f"  Track {example[0]} with access code {example[1]} (demo only)")
