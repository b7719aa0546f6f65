"""Keeping the counted figures (`Tally`) equal to the records, in the transaction that changes them.

What a request counts for is a pure function of its row, its written notice,
its objections and their disputes (`family_counts`). A service that changes
any of them wraps the change in `moving(request_id)`: the request row is
locked, its counts are taken before and after, and the difference is added
to the tallies before the transaction commits. `rebuild()` recomputes every
tally from the records (the command `rebuild_ppid_tallies`, and the demo and
full-scale loaders after their bulk writes).

Measures, counted per unit and year (requests in the year received,
objections in the year filed, disputes in the year filed at the Komisi):
``requests``, ``status:<status>``, ``channel:<channel>``, ``sample``,
``days:<working days taken>``, ``on_time``, ``answered_late``,
``refused:<Pasal 17 letter or not_held>``, ``partly:<letter>``,
``open_due:<due date>`` (open requests by deadline, for “late” on any day),
``objections``, ``objection_status:<status>``, ``objection_ground:<letter>``,
``objection_on_time``, ``disputes``, ``dispute_pending``,
``dispute_outcome:<outcome>``, ``court``; obligations of upheld objections
(in the year they fall due, for the unit that owes them): ``late_obligation``
(carried out after the due date) and ``obligation_due:<due date>`` (open
ones by due date, for “late” on any day); survey responses (in the year
submitted, for the unit they rated): ``ikm_respondents`` and ``ikm_sum:<element>``
(the sum of the scores, not a number of rows).
"""

from collections import Counter
from contextlib import contextmanager

from django.db import IntegrityError, connection, transaction
from django.db.models import F

from .models import (
    ELEMENTS,
    Dispute,
    InfoRequest,
    Objection,
    Obligation,
    SurveyResponse,
    Tally,
    WrittenNotice,
)
from .models.objections import GROUND_FIELDS

S = InfoRequest.Status

REQUEST_FIELDS = (
    "pk",
    "unit_id",
    "year",
    "status",
    "channel",
    "is_sample",
    "due_on",
    "answered_on",
    "working_days_taken",
    "notice__refusal_reason",
    "notice__exemption_ground",
)
OBJECTION_FIELDS = (
    "pk",
    "request__unit_id",
    "year",
    "status",
    "due_on",
    "decided_on",
    *GROUND_FIELDS.values(),
)
DISPUTE_FIELDS = ("objection__request__unit_id", "filed_on", "decided_on", "outcome", "court_filed_on")
OBLIGATION_FIELDS = ("unit_id", "status", "due_on", "fulfilled_on")
SURVEY_FIELDS = ("unit_id", "year", *(name for name, _label in ELEMENTS))


def request_counts(row):
    """The (measure, key) pairs one request counts for, from a `REQUEST_FIELDS` row."""
    status = row["status"]
    pairs = [("requests", ""), ("status", status), ("channel", row["channel"])]
    if row["is_sample"]:
        pairs.append(("sample", ""))
    if status in InfoRequest.OPEN_STATUSES:
        pairs.append(("open_due", row["due_on"].isoformat()))
    if status in InfoRequest.ANSWERED_STATUSES:
        if row["working_days_taken"] is not None:
            pairs.append(("days", str(row["working_days_taken"])))
        pairs.append(("on_time", "") if row["answered_on"] <= row["due_on"] else ("answered_late", ""))
    letter = row["notice__exemption_ground"] or ""
    if status == S.REFUSED:
        not_held = row["notice__refusal_reason"] == WrittenNotice.RefusalReason.NOT_HELD
        pairs.append(("refused", "not_held" if not_held else letter))
    elif status == S.PARTLY_GRANTED:
        pairs.append(("partly", letter))
    return pairs


def objection_counts(row):
    pairs = [("objections", ""), ("objection_status", row["status"])]
    pairs += [("objection_ground", letter) for letter, name in GROUND_FIELDS.items() if row[name]]
    if row["decided_on"] is not None and row["decided_on"] <= row["due_on"]:
        pairs.append(("objection_on_time", ""))
    return pairs


def dispute_counts(row):
    pairs = [("disputes", "")]
    if row["decided_on"] is None:
        pairs.append(("dispute_pending", ""))
    if row["outcome"]:
        pairs.append(("dispute_outcome", row["outcome"]))
    if row["court_filed_on"] is not None:
        pairs.append(("court", ""))
    return pairs


def obligation_counts(row):
    """A fulfilled-late obligation counts as late; an open one by its due date; a cancelled one not at all."""
    if row["status"] == Obligation.Status.OPEN:
        return [("obligation_due", row["due_on"].isoformat())]
    if row["status"] == Obligation.Status.FULFILLED and row["fulfilled_on"] > row["due_on"]:
        return [("late_obligation", "")]
    return []


def survey_counts(row):
    """A survey response counts one respondent and adds its score to each element's sum."""
    return [("ikm_respondents", "", 1), *(("ikm_sum", name, row[name]) for name, _label in ELEMENTS)]


def _add(counter, unit_id, year, pairs):
    for measure, key, *weight in pairs:
        amount = weight[0] if weight else 1
        counter[(unit_id, year, measure, key)] += amount
        counter[(None, year, measure, key)] += amount


def count_rows(requests, objections, disputes, surveys=(), obligations=()):
    """A Counter of (unit id or None, year, measure, key) over rows of the five kinds."""
    counter = Counter()
    for row in obligations:
        _add(counter, row["unit_id"], row["due_on"].year, obligation_counts(row))
    for row in surveys:
        _add(counter, row["unit_id"], row["year"], survey_counts(row))
    for row in requests:
        _add(counter, row["unit_id"], row["year"], request_counts(row))
    for row in objections:
        _add(counter, row["request__unit_id"], row["year"], objection_counts(row))
    for row in disputes:
        _add(counter, row["objection__request__unit_id"], row["filed_on"].year, dispute_counts(row))
    return counter


def family_counts(request_ids):
    """What the given requests, their objections, disputes, obligations and surveys count for; five queries."""
    return count_rows(
        InfoRequest.objects.filter(pk__in=request_ids).order_by().values(*REQUEST_FIELDS),
        Objection.objects.filter(request__in=request_ids).order_by().values(*OBJECTION_FIELDS),
        Dispute.objects.filter(objection__request__in=request_ids).order_by().values(*DISPUTE_FIELDS),
        SurveyResponse.objects.filter(request__in=request_ids).order_by().values(*SURVEY_FIELDS),
        Obligation.objects.filter(objection__request__in=request_ids).order_by().values(*OBLIGATION_FIELDS),
    )


def _bump(unit_id, year, measure, key, delta):
    rows = Tally.objects.filter(unit_id=unit_id, year=year, measure=measure, key=key)
    if rows.update(count=F("count") + delta):
        return
    try:
        with transaction.atomic():
            Tally.objects.create(unit_id=unit_id, year=year, measure=measure, key=key, count=delta)
    except IntegrityError:
        # Another transaction created the row first; add to it.
        rows.update(count=F("count") + delta)


def apply(delta):
    """Add a Counter of changes (which may hold negative numbers) to the tallies."""
    for (unit_id, year, measure, key), change in sorted(delta.items(), key=_order):
        if change:
            _bump(unit_id, year, measure, key, change)


def _order(item):
    # One fixed order of row updates in every transaction, so two never wait on each other.
    (unit_id, year, measure, key), _change = item
    return (unit_id is not None, unit_id or 0, year, measure, key)


def _difference(after, before):
    delta = Counter(after)
    delta.subtract(before)
    return delta


@contextmanager
def moving(*request_ids):
    """Count what changes inside the block for these requests (and their objections and disputes).

    Must run inside the transaction of the change. Locks the requests' rows
    first, so two changes to one request are counted one after the other.
    """
    ids = sorted({pk for pk in request_ids if pk is not None})
    list(InfoRequest.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))
    before = family_counts(ids)
    yield
    apply(_difference(family_counts(ids), before))


def added(request_id):
    """Count a request that has just been saved."""
    apply(family_counts([request_id]))


def open_requests_moving():
    """For a change to the deadlines of open requests: a `moving` over every open request."""
    ids = InfoRequest.objects.open().order_by().values_list("pk", flat=True)
    return moving(*ids)


def fresh_counts():
    """Every tally computed from the records, as a Counter (only the non-zero ones)."""
    counter = count_rows(
        InfoRequest.objects.order_by().values(*REQUEST_FIELDS).iterator(chunk_size=5000),
        Objection.objects.order_by().values(*OBJECTION_FIELDS).iterator(chunk_size=5000),
        Dispute.objects.order_by().values(*DISPUTE_FIELDS).iterator(chunk_size=5000),
        SurveyResponse.objects.order_by().values(*SURVEY_FIELDS).iterator(chunk_size=5000),
        Obligation.objects.order_by().values(*OBLIGATION_FIELDS).iterator(chunk_size=5000),
    )
    return Counter({key: value for key, value in counter.items() if value})


def stored_counts():
    """The tallies as stored, as a Counter (only the non-zero ones)."""
    return Counter(
        {
            (unit_id, year, measure, key): count
            for unit_id, year, measure, key, count in Tally.objects.exclude(count=0).values_list(
                "unit_id", "year", "measure", "key", "count"
            )
        }
    )


@transaction.atomic
def rebuild():
    """Replace every tally with one computed from the records; returns how many rows were written."""
    if connection.vendor == "postgresql":
        # A move committing meanwhile waits for this one, then adds its change to the new rows.
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {Tally._meta.db_table} IN EXCLUSIVE MODE")
    counter = fresh_counts()
    Tally.objects.all().delete()
    Tally.objects.bulk_create(
        [
            Tally(unit_id=unit_id, year=year, measure=measure, key=key, count=count)
            for (unit_id, year, measure, key), count in counter.items()
        ],
        batch_size=2000,
    )
    return len(counter)
