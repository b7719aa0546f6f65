"""Full-scale sample requests for the benchmark: a regency's register after years of use.

Tops the information requests up to `TOTAL_REQUESTS`, spread over the demo's
years in the demo's growing yearly proportions, across the regency's PPID
Utama, its agencies and the villages that have a PPID Desa. Each request is
planned by the demo's own `ppid.demo.plan_request` (status mix, history rows, the
written notice, survey answers, objections and disputes), so the register,
statistics and reports treat them like any other request. Everything written
is sample data: ``is_sample`` is set and requesters are the demo's fictitious
“… Contoh” with no NIK.

Within a year the new requests are numbered after the highest number already
given (request or counter) in the order they were registered, and the
year's `RegistrationCounter` is moved to the last one, so a request filed
afterwards through `services.register_request` gets the next number.

Idempotent: it counts the requests there are and adds only the remainder.
"""

import datetime
import random
import time

from django.db.models import Max
from django.utils import timezone

from portal.demo import full_scale_loader

from . import demo, tallies
from .deadlines import Deadline, WorkingCalendar
from .models import InfoRequest, PpidUnit, RegistrationCounter
from .services.numbers import REQUEST_SERIES, format_number

TOTAL_REQUESTS = 50_000
SEED = demo.SEED + 100
# Villages that file many more requests than the rest (as in the demo, scaled up).
BUSY_VILLAGES = 24
BATCH_SIZE = 1000
ONE_DAY = datetime.timedelta(days=1)


class _PlanningCalendar(WorkingCalendar):
    """A working calendar for planning many requests: each day is looked up once.

    Its deadlines carry the due date only (``skipped`` stays empty): planning
    never shows how a date was reached, and building that list for every one
    of hundreds of thousands of deadlines would cost more than the rest.
    """

    def __init__(self, calendar):
        super().__init__(local_days=calendar.local_days, skip_cuti_bersama=calendar.skip_cuti_bersama)
        self._reasons, self._due = {}, {}

    def reason(self, day):
        if day not in self._reasons:
            self._reasons[day] = super().reason(day)
        return self._reasons[day]

    def add_working_days(self, start, days):
        if days < 0:
            raise ValueError("days must not be negative")
        if (start, days) not in self._due:
            current, counted = start, 0
            while counted < days:
                current += ONE_DAY
                if self.reason(current) is None:
                    counted += 1
            self._due[start, days] = current
        return Deadline(start=start, days=days, due=self._due[start, days])


def shares_per_year(count, weights):
    """Split `count` over the years in proportion to `weights` ({year: weight}); the parts add up exactly."""
    total = sum(weights.values())
    exact = {year: count * weight / total for year, weight in weights.items()}
    parts = {year: int(value) for year, value in exact.items()}
    left = count - sum(parts.values())
    for year in sorted(exact, key=lambda y: (parts[y] - exact[y], y))[:left]:
        parts[year] += 1
    return parts


@full_scale_loader(order=20, name="ppid")
def load(stdout):
    started = time.perf_counter()
    existing = InfoRequest.objects.count()
    missing = TOTAL_REQUESTS - existing
    if missing <= 0:
        stdout.write(f"  {existing} requests already; none added")
        return
    units = list(PpidUnit.objects.published().select_related("village").order_by("kind_order", "slug"))
    if not units:
        stdout.write("  no PPID units (load the demo first); no requests added")
        return
    rng = random.Random(SEED)
    utama = next((u for u in units if u.kind == PpidUnit.Kind.UTAMA), units[0])
    agencies = [u for u in units if u.kind == PpidUnit.Kind.PELAKSANA]
    villages = [u for u in units if u.kind == PpidUnit.Kind.DESA]
    busy_villages = rng.sample(villages, min(BUSY_VILLAGES, len(villages)))
    calendar = _PlanningCalendar(WorkingCalendar.from_db())
    today = timezone.localdate()
    weights = {year: demo.REQUESTS_PER_YEAR[year] for year in demo.YEARS}
    added = objections = 0
    for year, count in shares_per_year(missing, weights).items():
        if not count:
            continue
        plans = [
            demo.plan_request(
                rng,
                year,
                sequence,
                calendar,
                utama,
                agencies,
                villages,
                busy_villages,
                # The demo's story village gets a fifth of its requests; at scale they go to any village.
                rng.choice(villages) if villages else utama,
            )
            for sequence in range(1, count + 1)
        ]
        objections += _save_year(rng, year, plans, calendar, today)
        added += count
    tallies.rebuild()
    stdout.write(
        f"  {added} sample requests added ({existing + added} in all), {objections} objections, "
        f"in {time.perf_counter() - started:.1f} s"
    )


def _save_year(rng, year, plans, calendar, today):
    """Number one year's planned requests after the year's last number, save them in bulk, move the counter."""
    counter, _created = RegistrationCounter.objects.get_or_create(series=REQUEST_SERIES, year=year)
    counter = RegistrationCounter.objects.select_for_update().get(pk=counter.pk)
    top = InfoRequest.objects.filter(year=year).aggregate(top=Max("sequence"))["top"] or 0
    start = max(top, counter.last_number)
    # Numbers follow the order of registration, as the counter would have given them.
    plans.sort(key=lambda plan: plan["request"].registered_at)
    for sequence, plan in enumerate(plans, start=start + 1):
        info_request = plan["request"]
        info_request.sequence = sequence
        info_request.number = format_number(REQUEST_SERIES, year, sequence)
    InfoRequest.objects.bulk_create([plan["request"] for plan in plans], batch_size=BATCH_SIZE)
    ids = dict(
        InfoRequest.objects.filter(year=year, sequence__gt=start).order_by().values_list("sequence", "pk")
    )
    for plan in plans:
        plan["request"].pk = ids[plan["request"].sequence]
    objected = demo.write_request_children(plans, batch_size=BATCH_SIZE)
    if objected:
        demo.write_objections(rng, objected, calendar, today)
    counter.last_number = start + len(plans)
    counter.save(update_fields=["last_number"])
    return len(objected)
