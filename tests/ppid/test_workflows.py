"""The three status machines walked in full: every allowed move succeeds, every other is refused."""

import datetime

from ppid import services
from ppid.models import DIP_WORKFLOW, OBJECTION_WORKFLOW, REQUEST_WORKFLOW, DipCategory, DipItem, InfoRequest
from tests.workflow import walk_table

from .conftest import answer, reload

D = datetime.date
S = InfoRequest.Status


def _move_request(info_request, to_status):
    """One move through the services, with what each move needs."""
    if to_status in InfoRequest.ANSWERED_STATUSES and reload(info_request).is_open:
        return answer(info_request, decision=to_status)
    return services.change_request_status(
        info_request=info_request,
        to_status=to_status,
        extension_days=3,
        extension_reason="Arsip masih dicari.",
        note="Dicabut pemohon.",
    )


def test_request_table(register):
    tried = walk_table(
        REQUEST_WORKFLOW,
        create=lambda: register(received_on=D(2025, 6, 2)).request,
        move=_move_request,
    )
    assert tried == len(S) ** 2


def test_a_request_is_closed_by_answering_it_not_by_moving_it(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    services.change_request_status(info_request=info_request, to_status=S.IN_PROCESS)
    answer(info_request, decision=S.GRANTED)
    assert (reload(info_request).status, reload(info_request).events.count()) == (S.GRANTED, 3)


def _refused_request(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    answer(info_request, decision="refused", issued_on=D(2025, 6, 11))
    return reload(info_request)


def test_objection_table(register, ppid_utama):
    def create():
        return services.file_objection(
            info_request=_refused_request(register),
            grounds={"d"},
            statement="Saya keberatan.",
            filed_on=D(2025, 6, 20),
        )

    def move(objection, to_status):
        return services.change_objection_status(
            objection=objection,
            to_status=to_status,
            actor=ppid_utama,
            decision="Jawaban atasan.",
            decided_on=D(2025, 7, 1),
            note="Dicabut pemohon.",
        )

    tried = walk_table(OBJECTION_WORKFLOW, create=create, move=move)
    assert tried == len(OBJECTION_WORKFLOW.statuses) ** 2


def test_dip_table(unit_sedahkidul):
    def create():
        return DipItem.objects.create(
            unit=unit_sedahkidul,
            category=DipCategory.BERKALA,
            title="APB Desa 2025",
            holding_official="Kaur Keuangan",
            responsible_person="Kepala Desa",
            year=2025,
            retention_period="5 tahun",
        )

    def move(item, to_status):
        return services.change_dip_status(item=item, to_status=to_status, note="Alasan.")

    assert walk_table(DIP_WORKFLOW, create=create, move=move) == len(DipItem.Status) ** 2


def test_republishing_keeps_the_first_publication_time(unit_sedahkidul):
    item = DipItem.objects.create(
        unit=unit_sedahkidul,
        category=DipCategory.BERKALA,
        title="APB Desa 2025",
        holding_official="Kaur Keuangan",
        responsible_person="Kepala Desa",
        year=2025,
        retention_period="5 tahun",
    )
    services.change_dip_status(item=item, to_status="published")
    first = item.published_at
    services.change_dip_status(item=item, to_status="withdrawn", note="Salah unggah.")
    services.change_dip_status(item=item, to_status="published")
    assert item.published_at == first and item.events.count() == 3
