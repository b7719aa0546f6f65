"""What the demo's answered requests lead to: written notices, objections, obligations and disputes."""

import datetime
import random

from django.db.models import Max
from django.utils import timezone

from .. import deadlines
from ..models import (
    OBJECTION_WORKFLOW,
    OBLIGATION_WORKFLOW,
    Dispute,
    InfoRequest,
    Objection,
    ObjectionEvent,
    Obligation,
    ObligationEvent,
    WrittenNotice,
)
from ..services import disputes as disputes_service
from ..services.numbers import OBJECTION_SERIES, format_number, raise_counter
from .content import EXEMPT_ITEMS, NOT_HELD_BODIES

S = InfoRequest.Status


def _refusal(rng, notice):
    if rng.random() < 0.4:
        notice.refusal_reason = WrittenNotice.RefusalReason.NOT_HELD
        notice.information_held = False
        notice.other_body = rng.choice(NOT_HELD_BODIES)
        return
    letter, _title, test = rng.choice(EXEMPT_ITEMS)
    notice.refusal_reason = WrittenNotice.RefusalReason.EXEMPT
    notice.exemption_ground = letter
    notice.consequence_test = test


def written_notice(rng, info_request, status, answered):
    """The unsaved written notice of a request answered with `status` on `answered`."""
    unit = info_request.unit
    notice = WrittenNotice(
        decision=status,
        issued_on=answered,
        signed_by_name=unit.officer_name,
        signed_by_position=unit.officer_position or unit.name,
        delivery_format=info_request.obtain_method,
        delivery_method=info_request.delivery_method,
    )
    if status == S.GRANTED:
        notice.materials = "Salinan dokumen yang diminta (contoh)."
    elif status == S.PARTLY_GRANTED:
        letter, _title, test = rng.choice(EXEMPT_ITEMS)
        notice.materials = "Salinan dokumen dengan bagian yang dihitamkan (contoh)."
        notice.exemption_ground = letter
        notice.consequence_test = test
        notice.redacted_parts = "Nama dan NIK penerima manfaat dihitamkan (contoh)."
    else:
        _refusal(rng, notice)
    if notice.delivery_format == "hardcopy" and rng.random() < 0.5:
        notice.fee = 500 * rng.randint(10, 60)
        notice.payment_method = "Dibayar tunai di meja layanan (contoh)"
    return notice


def _grounds(rng, info_request, notice):
    grounds = set()
    if notice.exemption_ground:
        grounds.add("a")
    if info_request.answered_on > info_request.due_on:
        grounds.add("g")
    if not grounds or rng.random() < 0.3:
        grounds.add(rng.choice("de"))
    return grounds


def _decide(rng, objection, grounds, decided, unit):
    """The atasan's decision; returns the step on the objection's path."""
    status = rng.choice(
        [Objection.Status.UPHELD, Objection.Status.REJECTED, Objection.Status.REJECTED]
        + ([Objection.Status.SETTLED] if "a" not in grounds else [])
    )
    objection.decided_on = decided
    objection.decision = (
        "Atasan PPID telah memeriksa keberatan ini dan memutuskan sebagaimana tercantum (contoh)."
    )
    objection.decision_html = "<p>" + objection.decision + "</p>"
    objection.decided_by_position = unit.atasan_position
    return (status, timezone.make_aware(datetime.datetime.combine(decided, datetime.time(11))))


def _fill_objection(rng, plan, sequences, calendar, today):
    """Fill a planned objection in; return its path through `OBJECTION_WORKFLOW`."""
    info_request, objection = plan["request"], plan["objection"]
    filed = calendar.add_working_days(info_request.answered_on, rng.randint(2, 25)).due
    grounds = _grounds(rng, info_request, plan["notice"])
    year = filed.year
    sequences[year] = sequence = sequences.get(year, 0) + 1
    objection.number = format_number(OBJECTION_SERIES, year, sequence)
    objection.year, objection.sequence = year, sequence
    objection.statement = "Saya keberatan atas jawaban PPID (contoh)."
    objection.filed_on = filed
    objection.filed_at = timezone.make_aware(datetime.datetime.combine(filed, datetime.time(10)))
    objection.ground_arose_on = info_request.answered_on
    objection.due_on = calendar.add_working_days(filed, deadlines.OBJECTION_ANSWER_DAYS).due
    objection.is_sample = True
    for letter in grounds:
        setattr(objection, f"ground_{letter}", True)
    path = [(Objection.Status.FILED, objection.filed_at)]
    decided = calendar.add_working_days(filed, rng.randint(5, 32)).due
    # Past objections are all decided: today's open ones come from `ppid.demo.workload`.
    # The one in ten once left waiting is decided with a generator of its own, so the
    # main one (and every other objection) stays as it was.
    if decided < today:
        decider = rng if rng.random() > 0.1 else random.Random(objection.number)
        path.append(_decide(decider, objection, grounds, decided, info_request.unit))
    return path


def _dispute(rng, objection, calendar, today):
    filed = calendar.add_working_days(objection.decided_on, rng.randint(3, 14)).due
    decided = filed + datetime.timedelta(days=rng.randint(60, 200))
    dispute = Dispute(
        objection=objection,
        commission="Komisi Informasi Provinsi Jawa Timur",
        case_number=f"{rng.randint(10, 400)}/KI-Jatim/{filed.year} (contoh)",
        filed_on=filed,
        mediation_on=filed + datetime.timedelta(days=rng.randint(14, 40)),
        is_sample=True,
    )
    if decided < today:
        dispute.decided_on = decided
        dispute.outcome = rng.choice(Dispute.Outcome.values[:4])
        dispute.summary = "Putusan Komisi Informasi (contoh)."
        if dispute.outcome != Dispute.Outcome.MEDIATED:
            dispute.adjudication_on = dispute.mediation_on + datetime.timedelta(days=20)
    return dispute


def _fulfilled_obligations(histories):
    """Each past upheld objection's obligation, carried out on time (sample rows without a document)."""
    upheld = Objection.objects.filter(number__in=list(histories), status=Objection.Status.UPHELD)
    obligations, paths = [], {}
    for objection in upheld.select_related("request"):
        due = objection.decided_on + datetime.timedelta(days=14)
        obligation = Obligation(
            objection=objection,
            unit_id=objection.request.unit_id,
            kind=Obligation.Kind.HAND_OVER,
            order="Serahkan salinan informasi yang diminta (contoh).",
            due_on=due,
            fulfilled_on=objection.decided_on + datetime.timedelta(days=7),
            fulfilment_note="Salinan diserahkan kepada pemohon (contoh).",
            created_at=timezone.make_aware(
                datetime.datetime.combine(objection.decided_on, datetime.time(11))
            ),
            is_sample=True,
        )
        done = timezone.make_aware(datetime.datetime.combine(obligation.fulfilled_on, datetime.time(10)))
        paths[objection.pk] = OBLIGATION_WORKFLOW.seed(
            obligation, [(Obligation.Status.OPEN, obligation.created_at), (Obligation.Status.FULFILLED, done)]
        )
        obligations.append(obligation)
    Obligation.objects.bulk_create(obligations)
    events = []
    for obligation in Obligation.objects.filter(objection_id__in=list(paths)):
        events += OBLIGATION_WORKFLOW.attach(obligation, paths[obligation.objection_id])
    ObligationEvent.objects.bulk_create(events)


def write_objections(rng, plans, calendar, today):
    """Objections to some refused, partial or late answers; a few go on to the Komisi Informasi."""
    sequences = dict(Objection.objects.values_list("year").annotate(top=Max("sequence")).order_by())
    histories = {}
    for plan in plans:
        objection = plan["objection"]
        path = _fill_objection(rng, plan, sequences, calendar, today)
        histories[objection.number] = OBJECTION_WORKFLOW.seed(objection, path)
    Objection.objects.bulk_create([plan["objection"] for plan in plans], batch_size=300)
    events, disputes = [], []
    for objection in Objection.objects.filter(number__in=list(histories)):
        events += OBJECTION_WORKFLOW.attach(objection, histories[objection.number])
        if objection.status == Objection.Status.REJECTED and rng.random() < 0.35:
            disputes.append(_dispute(rng, objection, calendar, today))
    ObjectionEvent.objects.bulk_create(events, batch_size=500)
    for dispute in disputes:
        disputes_service.mark_filing(dispute, calendar)
    Dispute.objects.bulk_create(disputes)
    _fulfilled_obligations(histories)
    for year, top in sequences.items():
        raise_counter(series=OBJECTION_SERIES, year=year, to=top)
