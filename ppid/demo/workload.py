"""Today's work in the demo, dated from the day the demo is loaded.

The past years' requests are all closed; these few are what an officer's
inbox shows on the day of loading: requests new today and yesterday, some in
process, two due within 2 working days, one a working day overdue, one
extended, an objection waiting for the atasan and an upheld objection's
obligation falling due next week, mostly at Sedahkidul's PPID Desa (the demo
village) and the PPID Utama. They are written through the services, like
an officer would, with phone-only requesters so no e-mail leaves. Loading
again within a month adds nothing.
"""

import datetime

from django.utils import timezone

from .. import services
from ..deadlines import WorkingCalendar
from ..models import InfoRequest, Objection, Obligation, PpidUnit
from .content import SEDAHKIDUL, SUBJECTS

# Marks the rows of this section, so a second load on a nearby day adds none.
PURPOSE = "Pengawasan pelayanan publik (contoh)"
FRESH_DAYS = 30
# (working days before today it arrived, status it has reached today, unit key)
REQUESTS = [
    (0, "registered", "desa"),
    (0, "registered", "utama"),
    (1, "registered", "desa"),
    (3, "in_process", "desa"),
    (5, "in_process", "utama"),
    (8, "in_process", "desa"),  # due in 2 working days
    (9, "in_process", "utama"),  # due in 1 working day
    (11, "in_process", "desa"),  # due 1 working day ago
    (14, "extended", "desa"),
]


def _back(calendar, today, days):
    day = today
    while not calendar.is_working_day(day):
        day -= datetime.timedelta(days=1)
    for _step in range(days):
        day -= datetime.timedelta(days=1)
        while not calendar.is_working_day(day):
            day -= datetime.timedelta(days=1)
    return day


def _register(unit, received_on, index, calendar):
    registration = services.register_request(
        unit=unit,
        requester=services.Requester(
            name=f"Warga {index + 1} Contoh",
            address=f"Alamat contoh No. {index + 1}",
            phone=f"0800-0000-9{index:03d}",
        ),
        information_requested=SUBJECTS[index % len(SUBJECTS)].format(year=received_on.year - 1),
        purpose=PURPOSE,
        obtain_method="softcopy",
        delivery_method="collect",
        channel="desk",
        received_on=received_on,
        calendar=calendar,
    )
    InfoRequest.objects.filter(pk=registration.request.pk).update(is_sample=True)
    return registration.request


def _move(info_request, status, calendar):
    if status == "registered":
        return
    services.change_request_status(info_request=info_request, to_status="in_process", calendar=calendar)
    if status == "extended":
        services.change_request_status(
            info_request=info_request,
            to_status="extended",
            extension_days=7,
            extension_reason="Dokumen masih dihimpun dari beberapa bidang (contoh).",
            calendar=calendar,
        )


def _refuse(info_request, unit, issued_on, calendar):
    services.answer_request(
        info_request=info_request,
        decision="refused",
        refusal_reason="exempt",
        exemption_ground="h",
        consequence_test="Memuat data pribadi penerima bantuan (contoh).",
        issued_on=issued_on,
        signed_by_name=unit.officer_name,
        signed_by_position=unit.officer_position or unit.name,
        delivery_format="softcopy",
        delivery_method="collect",
        calendar=calendar,
    )


def _objection(info_request, filed_on, calendar):
    objection = services.file_objection(
        info_request=InfoRequest.objects.get(pk=info_request.pk),
        grounds={"a"},
        statement="Saya keberatan atas penolakan permohonan ini (contoh).",
        channel="desk",
        filed_on=filed_on,
        calendar=calendar,
    )
    Objection.objects.filter(pk=objection.pk).update(is_sample=True)
    objection.refresh_from_db()
    return objection


def workload(units, today=None):
    """Write today's work; return how many requests it added (0 when it is there already)."""
    today = today or timezone.localdate()
    if InfoRequest.objects.filter(
        purpose=PURPOSE, received_on__gte=today - datetime.timedelta(days=FRESH_DAYS)
    ):
        return 0
    utama = next(u for u in units if u.kind == PpidUnit.Kind.UTAMA)
    villages = [u for u in units if u.kind == PpidUnit.Kind.DESA]
    desa = next((u for u in villages if u.village_id == SEDAHKIDUL), villages[0] if villages else utama)
    by_key = {"utama": utama, "desa": desa}
    calendar = WorkingCalendar.from_db()
    for index, (days, status, key) in enumerate(REQUESTS):
        _move(_register(by_key[key], _back(calendar, today, days), index, calendar), status, calendar)
    # Refused three weeks ago; the objection filed four working days ago awaits the atasan.
    waiting = _register(desa, _back(calendar, today, 25), len(REQUESTS), calendar)
    _refuse(waiting, desa, _back(calendar, today, 16), calendar)
    _objection(waiting, _back(calendar, today, 4), calendar)
    # Refused and objected earlier; upheld three working days ago, to be carried out in five.
    upheld = _register(desa, _back(calendar, today, 40), len(REQUESTS) + 1, calendar)
    _refuse(upheld, desa, _back(calendar, today, 31), calendar)
    services.change_objection_status(
        objection=_objection(upheld, _back(calendar, today, 28), calendar),
        to_status=Objection.Status.UPHELD,
        decision="Keberatan dikabulkan: salinan diberikan dengan data pribadi dihitamkan (contoh).",
        decided_on=_back(calendar, today, 3),
        obligation_kind="hand_over",
        obligation_due_on=calendar.add_working_days(today, 5).due,
        obligation_order="Serahkan salinan dengan NIK dan alamat penerima dihitamkan (contoh).",
    )
    Obligation.objects.filter(objection__request=upheld).update(is_sample=True)
    return len(REQUESTS) + 2
