"""Deadlines in Indonesian working days, checked against dates worked out by hand.

Holidays used below (holidays package, categories public + government):
2025: Fri 28 Mar cuti bersama Nyepi, Sat 29 Mar Nyepi, Mon 31 Mar Idul Fitri,
Tue 1 Apr Idul Fitri day 2, Wed 2 – Fri 4 Apr and Mon 7 Apr cuti bersama
Idul Fitri, Fri 18 Apr Good Friday, Thu 1 May Labour Day, Fri 6 Jun Idul Adha,
Mon 9 Jun cuti bersama Idul Adha, Fri 27 Jun Islamic New Year, Thu 25 Dec
Christmas, Fri 26 Dec cuti bersama Christmas. 2026: Thu 1 Jan New Year,
Wed 18 Mar cuti bersama Nyepi, Thu 19 Mar Nyepi, Fri 20 Mar cuti bersama
Idul Fitri, Sat 21 – Sun 22 Mar Idul Fitri, Mon 23 – Tue 24 Mar cuti bersama,
Fri 3 Apr Good Friday.
"""

import ast
import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from ppid import deadlines, services
from ppid.deadlines import WorkingCalendar
from ppid.models import InfoRequest, NonWorkingDay

from .conftest import answer, reload

D = datetime.date


def test_request_before_idul_fitri_2025_is_due_after_the_whole_holiday():
    # Received Thu 27 Mar 2025. Skipped: Fri 28 (cuti Nyepi), Sat 29, Sun 30,
    # Mon 31 Mar, Tue 1 Apr (Idul Fitri), Wed 2 – Fri 4 (cuti), Sat 5, Sun 6,
    # Mon 7 (cuti). Working days: Tue 8 (1), Wed 9 (2), Thu 10 (3), Fri 11 (4),
    # Mon 14 (5), Tue 15 (6), Wed 16 (7), Thu 17 (8), [Fri 18 Good Friday],
    # Mon 21 (9), Tue 22 Apr (10).
    deadline = WorkingCalendar().add_working_days(D(2025, 3, 27), 10)
    assert deadline.due == D(2025, 4, 22)
    skipped = {day.date for day in deadline.skipped_holidays}
    assert {D(2025, 3, 28), D(2025, 3, 31), D(2025, 4, 1), D(2025, 4, 7), D(2025, 4, 18)} <= skipped


def test_cuti_bersama_count_as_working_days_when_the_setting_is_off(settings):
    # Same request, cuti bersama counted: Fri 28 Mar (1), Wed 2 (2), Thu 3 (3),
    # Fri 4 (4), Mon 7 (5), Tue 8 (6), Wed 9 (7), Thu 10 (8), Fri 11 (9), Mon 14 Apr (10).
    settings.PPID_SKIP_CUTI_BERSAMA = False
    assert WorkingCalendar().add_working_days(D(2025, 3, 27), 10).due == D(2025, 4, 14)


def test_request_before_idul_fitri_2026_is_due_on_8_april():
    # Received Tue 17 Mar 2026. Skipped: Wed 18 – Tue 24 Mar (Nyepi, its cuti,
    # Idul Fitri and its cuti, the weekend). Wed 25 (1), Thu 26 (2), Fri 27 (3),
    # Mon 30 (4), Tue 31 (5), Wed 1 Apr (6), Thu 2 (7), [Fri 3 Good Friday],
    # Mon 6 (8), Tue 7 (9), Wed 8 Apr (10).
    assert WorkingCalendar().add_working_days(D(2026, 3, 17), 10).due == D(2026, 4, 8)


def test_request_spanning_the_year_end():
    # Received Mon 22 Dec 2025: Tue 23 (1), Wed 24 (2), [Thu 25 Christmas,
    # Fri 26 cuti, weekend], Mon 29 (3), Tue 30 (4), Wed 31 (5), [Thu 1 Jan
    # New Year], Fri 2 (6), Mon 5 (7), Tue 6 (8), Wed 7 (9), Thu 8 Jan 2026 (10).
    assert WorkingCalendar().add_working_days(D(2025, 12, 22), 10).due == D(2026, 1, 8)


def test_a_request_received_on_a_saturday_counts_from_the_next_working_day():
    # Received Sat 10 May 2025: [Sun 11, Mon 12 Waisak, Tue 13 cuti Waisak],
    # Wed 14 (1), Thu 15 (2), Fri 16 (3), Mon 19 (4), Tue 20 (5), Wed 21 (6),
    # Thu 22 (7), Fri 23 (8), Mon 26 (9), Tue 27 May (10).
    assert WorkingCalendar().add_working_days(D(2025, 5, 10), 10).due == D(2025, 5, 27)
    # Received Sat 18 Oct 2025, no holidays: Mon 20 (1) … Fri 31 Oct (10).
    assert WorkingCalendar().add_working_days(D(2025, 10, 18), 10).due == D(2025, 10, 31)


def test_local_non_working_day_is_skipped_and_explained():
    calendar = WorkingCalendar(local_days={D(2025, 10, 20): "Hari Jadi Kabupaten"})
    # Received Fri 17 Oct 2025: [Mon 20 local day], Tue 21 (1) … Mon 3 Nov (10).
    deadline = calendar.add_working_days(D(2025, 10, 17), 10)
    assert deadline.due == D(2025, 11, 3)
    assert [(d.date, d.reason) for d in deadline.skipped_holidays] == [
        (D(2025, 10, 20), "Hari Jadi Kabupaten")
    ]
    # Sat 18, Sun 19, Sat 25, Sun 26 Oct, Sat 1, Sun 2 Nov.
    assert deadline.skipped_weekend_count == 6


def test_working_days_between_counts_after_the_start_up_to_the_end():
    calendar = WorkingCalendar()
    assert calendar.working_days_between(D(2025, 3, 27), D(2025, 4, 22)) == 10
    assert calendar.working_days_between(D(2025, 4, 22), D(2025, 4, 22)) == 0


def test_registration_stores_the_due_date(register):
    info_request = register(received_on=D(2025, 3, 27)).request
    assert info_request.original_due_on == info_request.due_on == D(2025, 4, 22)


def test_extension_adds_up_to_seven_working_days_to_the_first_due_date(register):
    # First due Tue 22 Apr 2025; +7: Wed 23 (1), Thu 24 (2), Fri 25 (3), Mon 28 (4),
    # Tue 29 (5), Wed 30 (6), [Thu 1 May Labour Day], Fri 2 May (7).
    info_request = register(received_on=D(2025, 3, 27)).request
    services.change_request_status(info_request=info_request, to_status="in_process")
    services.change_request_status(
        info_request=info_request, to_status="extended", extension_days=7, extension_reason="Arsip di gudang."
    )
    info_request = reload(info_request)
    assert info_request.due_on == D(2025, 5, 2)
    assert info_request.original_due_on == D(2025, 4, 22)
    first, extended = info_request.deadline(WorkingCalendar())
    assert (first.due, extended.due) == (D(2025, 4, 22), D(2025, 5, 2))


@pytest.mark.parametrize("days", [0, 8])
def test_extension_outside_one_to_seven_days_is_refused(register, days):
    info_request = register(received_on=D(2025, 3, 27)).request
    services.change_request_status(info_request=info_request, to_status="in_process")
    with pytest.raises(ValidationError, match="between 1 and 7 working days") as error:
        services.change_request_status(
            info_request=info_request, to_status="extended", extension_days=days, extension_reason="Alasan."
        )
    assert "extension_days" in error.value.error_dict
    assert reload(info_request).status == InfoRequest.Status.IN_PROCESS


def test_extension_without_a_written_reason_is_refused(register):
    info_request = register(received_on=D(2025, 3, 27)).request
    services.change_request_status(info_request=info_request, to_status="in_process")
    with pytest.raises(ValidationError, match="needs a written reason") as error:
        services.change_request_status(
            info_request=info_request, to_status="extended", extension_days=3, extension_reason="  "
        )
    assert "extension_reason" in error.value.error_dict


def test_extension_happens_once_only(register):
    info_request = register(received_on=D(2025, 3, 27)).request
    services.change_request_status(info_request=info_request, to_status="in_process")
    services.change_request_status(
        info_request=info_request, to_status="extended", extension_days=2, extension_reason="Arsip."
    )
    with pytest.raises(services.InvalidTransition, match="“Extended” cannot become “Extended”") as refused:
        services.change_request_status(
            info_request=info_request, to_status="extended", extension_days=5, extension_reason="Lagi."
        )
    assert refused.value.code == "invalid_transition"
    assert reload(info_request).extension_days == 2


def test_objection_window_is_thirty_working_days_from_the_notice(register):
    # Notice Mon 2 Jun 2025. Skipped: Fri 6 Jun (Idul Adha), Mon 9 Jun (cuti),
    # Fri 27 Jun (Islamic New Year) and the weekends. Tue 3 (1), Wed 4 (2),
    # Thu 5 (3), Tue 10 (4) … Thu 26 Jun (16), Mon 30 Jun (17), Tue 1 Jul (18)
    # … Thu 17 Jul 2025 (30).
    info_request = register(received_on=D(2025, 5, 26)).request
    answer(info_request, decision="refused", issued_on=D(2025, 6, 2))
    info_request = reload(info_request)
    arose, last_day = services.objection_window(info_request, WorkingCalendar())
    assert (arose, last_day) == (D(2025, 6, 2), D(2025, 7, 17))
    objection = services.file_objection(
        info_request=info_request, grounds={"a"}, statement="Keberatan.", filed_on=D(2025, 7, 17)
    )
    # The atasan's answer is due 30 working days after filing: Fri 18 Jul (1) …
    # [Sun 17 Aug, Mon 18 Aug cuti] … Fri 29 Aug 2025 (30).
    assert objection.due_on == D(2025, 8, 29)


def test_objection_after_the_window_is_refused(register):
    info_request = register(received_on=D(2025, 5, 26)).request
    answer(info_request, decision="refused", issued_on=D(2025, 6, 2))
    with pytest.raises(ValidationError, match="ended on 17-07-2025") as error:
        services.file_objection(
            info_request=reload(info_request), grounds={"a"}, statement="Terlambat.", filed_on=D(2025, 7, 18)
        )
    assert "17-07-2025" in " ".join(error.value.messages)
    assert not reload(info_request).objections.exists()


def test_adding_a_local_non_working_day_moves_open_deadlines(register):
    # Received Fri 17 Oct 2025: due Fri 31 Oct; with Mon 20 Oct closed it is Mon 3 Nov.
    info_request = register(received_on=D(2025, 10, 17)).request
    assert info_request.due_on == D(2025, 10, 31)
    changed = services.save_non_working_day(day=NonWorkingDay(date=D(2025, 10, 20), description="Hari Jadi"))
    assert changed == 1
    assert reload(info_request).due_on == D(2025, 11, 3)
    services.delete_non_working_day(day=NonWorkingDay.objects.get())
    assert reload(info_request).due_on == D(2025, 10, 31)


def test_statutory_periods():
    assert (deadlines.ANSWER_DAYS, deadlines.MAX_EXTENSION_DAYS) == (10, 7)
    assert (
        deadlines.OBJECTION_FILING_DAYS,
        deadlines.OBJECTION_ANSWER_DAYS,
        deadlines.DISPUTE_FILING_DAYS,
    ) == (30, 30, 14)


def _imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            yield node.module or "", [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            yield from ((alias.name, []) for alias in node.names)


def test_the_models_count_periods_without_importing_the_calendar():
    """The calendar reads the models' local days, so the models must not import it back."""
    models_dir = Path(deadlines.__file__).parent / "models"
    offending = [
        path.name
        for path in sorted(models_dir.glob("*.py"))
        for module, names in _imported_modules(path)
        if module.endswith("deadlines") or "deadlines" in names
    ]
    assert offending == []
    assert deadlines.ANSWER_DAYS == 10 and deadlines.MAX_EXTENSION_DAYS == 7
