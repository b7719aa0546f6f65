"""The demo's information requests: several hundred across 2017–2025, in every status.

Each request is planned by `plan_request` (unit, requester, its path through
`REQUEST_WORKFLOW`, the written notice, survey answers, an objection) and
written in bulk; `ppid.full_scale` plans its many more requests the same way.
"""

import base64
import datetime
import random

from django.db.models import Max
from django.utils import timezone

from .. import access_codes, deadlines
from ..deadlines import WorkingCalendar
from ..models import (
    REQUEST_WORKFLOW,
    InfoRequest,
    Objection,
    PpidUnit,
    RequestChannel,
    RequestEvent,
    SurveyResponse,
    WrittenNotice,
)
from ..services.numbers import REQUEST_SERIES, format_number, raise_counter
from .answers import write_objections, written_notice
from .content import FIRST_NAMES, OCCUPATIONS, REQUESTS_PER_YEAR, SCORE_WEIGHTS, SEDAHKIDUL, SUBJECTS, YEARS

S = InfoRequest.Status
PURPOSES = ["Bahan kajian", "Pengawasan pembangunan desa", "Tugas kuliah", "Pemberitaan", "Keperluan pribadi"]


def _code(rng):
    raw = base64.b32encode(rng.getrandbits(136).to_bytes(17, "big")).decode()[: access_codes.CODE_LENGTH]
    return access_codes.format_code(raw)


def working_date(rng, year, calendar, latest=None):
    while True:
        day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randint(0, 364))
        if day.year == year and calendar.is_working_day(day) and (latest is None or day <= latest):
            return day


def _choose_unit(rng, sequence, utama, agencies, villages, busy_villages, sedahkidul):
    pick = rng.random()
    if sequence % 9 == 1 or pick < 0.1:
        return sedahkidul
    if pick < 0.3:
        return utama
    if pick < 0.5:
        return rng.choice(agencies) if agencies else utama
    if pick < 0.75:
        return rng.choice(busy_villages) if busy_villages else utama
    return rng.choice(villages) if villages else utama


def _new_request(rng, year, sequence, unit, calendar):
    """An unsaved request in its start status and its plain access code."""
    latest = datetime.date(year, 12, 31) if year < 2025 else datetime.date(2025, 12, 22)
    received = working_date(rng, year, calendar, latest)
    first_due = calendar.add_working_days(received, deadlines.ANSWER_DAYS).due
    name = f"{rng.choice(FIRST_NAMES)} Contoh"
    channel = rng.choices(RequestChannel.values, weights=[60, 20, 5, 10, 5])[0]
    code = _code(rng)
    with_email = rng.random() < 0.8
    info_request = InfoRequest(
        number=format_number(REQUEST_SERIES, year, sequence),
        year=year,
        sequence=sequence,
        unit=unit,
        channel=channel,
        received_on=received,
        registered_at=timezone.make_aware(
            datetime.datetime.combine(received, datetime.time(9, rng.randint(0, 59)))
        ),
        requester_name=name,
        requester_initials=" ".join(f"{part[0]}." for part in name.split()),
        requester_address=f"Alamat contoh No. {sequence}, {unit.village.name if unit.village_id else 'Bojonegoro'}",
        requester_phone="" if with_email and rng.random() < 0.5 else f"0800-0000-{sequence:04d}",
        requester_email=f"pemohon{year}{sequence:03d}@contoh.invalid" if with_email else "",
        requester_occupation=rng.choice(OCCUPATIONS),
        information_requested=rng.choice(SUBJECTS).format(year=year - rng.randint(0, 1)),
        purpose=rng.choice(PURPOSES),
        obtain_method=rng.choice(["inspect", "softcopy", "softcopy", "hardcopy"]),
        delivery_method=rng.choice(["collect", "email", "email", "post", "whatsapp"]),
        original_due_on=first_due,
        due_on=first_due,
        access_code_hash=access_codes.hash_code(code),
        is_sample=True,
    )
    return info_request, code


def _final_status(rng, year, received):
    """The last days of 2025 are planned open (see `_close_late_open`); a few withdrawn; the rest answered."""
    if year == 2025 and received >= datetime.date(2025, 11, 17):
        return None
    roll = rng.random()
    if roll < 0.05:
        return S.WITHDRAWN
    if roll < 0.18:
        return S.REFUSED
    if roll < 0.3:
        return S.PARTLY_GRANTED
    return S.GRANTED


def _extend(rng, info_request, calendar):
    """Use the one extension; the step on the request's path."""
    days = rng.randint(3, 7)
    info_request.extension_days = days
    info_request.extension_reason = "Dokumen masih dihimpun dari beberapa bidang (contoh)."
    info_request.due_on = calendar.add_working_days(info_request.original_due_on, days).due
    at = timezone.make_aware(datetime.datetime.combine(info_request.original_due_on, datetime.time(10)))
    return (S.EXTENDED, at, info_request.extension_reason)


def _answered_after(rng, info_request, calendar, extended):
    """(working days taken, whether that is late) for an answered request."""
    late = rng.random() < 0.08
    taken = calendar.working_days_between(info_request.received_on, info_request.due_on)
    if late:
        return taken + rng.randint(1, 6), late
    if extended:
        return rng.randint(deadlines.ANSWER_DAYS + 1, taken), late
    return rng.randint(2, taken), late


def _survey(rng, info_request):
    if rng.random() >= 0.45:
        return None
    scores = {f"q{i}": rng.choices([1, 2, 3, 4], weights=SCORE_WEIGHTS)[0] for i in range(1, 10)}
    return SurveyResponse(
        unit=info_request.unit,
        year=info_request.answered_on.year,
        submitted_at=info_request.closed_at + datetime.timedelta(days=1),
        is_sample=True,
        **scores,
    )


def _answer(rng, plan, status, calendar, extended, path):
    """Answer a planned request: its last step, notice, survey and perhaps an objection."""
    info_request = plan["request"]
    days, late = _answered_after(rng, info_request, calendar, extended)
    answered = calendar.add_working_days(info_request.received_on, days).due
    info_request.answered_on = answered
    info_request.working_days_taken = days
    info_request.closed_at = timezone.make_aware(datetime.datetime.combine(answered, datetime.time(14)))
    path.append((status, info_request.closed_at))
    plan["notice"] = written_notice(rng, info_request, status, answered)
    plan["survey"] = _survey(rng, info_request)
    objectionable = status in (S.REFUSED, S.PARTLY_GRANTED) or late
    if objectionable and rng.random() < 0.35:
        plan["objection"] = Objection(request=info_request)


def plan_request(rng, year, sequence, calendar, utama, agencies, villages, busy_villages, sedahkidul):
    """One invented request with its history, notice, survey and objection, not yet saved."""
    unit = _choose_unit(rng, sequence, utama, agencies, villages, busy_villages, sedahkidul)
    info_request, code = _new_request(rng, year, sequence, unit, calendar)
    plan = {
        "request": info_request,
        "code": code,
        "events": [],
        "notice": None,
        "survey": None,
        "objection": None,
    }
    status = _final_status(rng, year, info_request.received_on)
    late_open = status is None
    if late_open:
        status = [S.REGISTERED, S.IN_PROCESS, S.EXTENDED][sequence % 3]
    at = info_request.registered_at
    path = [(S.REGISTERED, at, "Data contoh")]
    if status != S.REGISTERED:
        at = at + datetime.timedelta(days=rng.randint(0, 2), hours=2)
        path.append((S.IN_PROCESS, at))
    extended = status == S.EXTENDED or (status in InfoRequest.ANSWERED_STATUSES and rng.random() < 0.15)
    if extended:
        path.append(_extend(rng, info_request, calendar))
        at = path[-1][1]
    if status == S.WITHDRAWN:
        info_request.closed_at = at + datetime.timedelta(days=3)
        path.append((S.WITHDRAWN, info_request.closed_at, "Dicabut oleh pemohon (contoh)."))
    elif status in InfoRequest.ANSWERED_STATUSES:
        _answer(rng, plan, status, calendar, extended, path)
    if late_open:
        _close_late_open(plan, status, calendar, path)
    plan["events"] = REQUEST_WORKFLOW.seed(info_request, path)
    return plan


def _close_late_open(plan, status, calendar, path):
    """Answer a request the plan left open, so the demo carries no work a year overdue.

    Today's open work comes from `ppid.demo.workload`, dated from the day the
    demo is loaded. A generator of the request's own keeps the main one, and so
    every other planned request, as it was; these answers draw no objection.
    """
    side = random.Random(plan["request"].number)
    final = side.choice([S.GRANTED, S.GRANTED, S.PARTLY_GRANTED, S.REFUSED])
    _answer(side, plan, final, calendar, status == S.EXTENDED, path)
    plan["objection"] = None


def write_request_children(plans, *, batch_size):
    """Write the timeline, notice and survey of planned requests whose ``pk`` is set.

    Returns the plans with an objection, which `write_objections` writes next.
    """
    events, notices, surveys, objected = [], [], [], []
    for plan in plans:
        events += REQUEST_WORKFLOW.attach(plan["request"], plan["events"])
        for key, bucket in (("notice", notices), ("survey", surveys)):
            if plan[key]:
                plan[key].request_id = plan["request"].pk
                bucket.append(plan[key])
        if plan["objection"]:
            plan["objection"].request_id = plan["request"].pk
            objected.append(plan)
    RequestEvent.objects.bulk_create(events, batch_size=batch_size)
    WrittenNotice.objects.bulk_create(notices, batch_size=batch_size)
    SurveyResponse.objects.bulk_create(surveys, batch_size=batch_size)
    return objected


def requests(rng, units, objection_rng):
    """Write the demo's missing requests; return (how many, (number, code) of one to track)."""
    calendar = WorkingCalendar.from_db()
    utama = next(u for u in units if u.kind == PpidUnit.Kind.UTAMA)
    agencies = [u for u in units if u.kind == PpidUnit.Kind.PELAKSANA]
    villages = [u for u in units if u.kind == PpidUnit.Kind.DESA]
    sedahkidul = next((u for u in villages if u.village_id == SEDAHKIDUL), villages[0] if villages else utama)
    busy_villages = rng.sample(villages, min(12, len(villages)))
    existing = set(InfoRequest.objects.filter(year__in=YEARS).values_list("number", flat=True))
    plans, example = [], None
    for year in YEARS:
        for sequence in range(1, REQUESTS_PER_YEAR[year] + 1):
            plan = plan_request(
                rng, year, sequence, calendar, utama, agencies, villages, busy_villages, sedahkidul
            )
            if plan["request"].number == "PPID/2025/000001":
                example = (plan["request"].number, plan["code"])
            if plan["request"].number not in existing:
                plans.append(plan)
    InfoRequest.objects.bulk_create([p["request"] for p in plans], batch_size=300)
    numbers = [p["request"].number for p in plans]
    ids = dict(InfoRequest.objects.filter(number__in=numbers).values_list("number", "pk"))
    for plan in plans:
        plan["request"].pk = ids[plan["request"].number]
    objected = write_request_children(plans, batch_size=500)
    write_objections(objection_rng, objected, calendar, timezone.localdate())
    for year in YEARS:
        top = InfoRequest.objects.filter(year=year).aggregate(top=Max("sequence"))["top"] or 0
        raise_counter(series=REQUEST_SERIES, year=year, to=top)
    return len(plans), example
