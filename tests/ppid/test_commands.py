import datetime
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from ppid.models import InfoRequest, ReminderSent, RequestEvent
from tests.concurrency import run_on_several_hosts

from .conftest import answer, deliver, make_requester, reload

D = datetime.date


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_reminder_command_runs_once_a_day(register):
    register(received_on=D(2025, 5, 2))  # due Tue 20 May 2025
    deliver()
    mail.outbox.clear()  # the registration and the new-request messages
    first = run("send_ppid_reminders", "--date", "2025-06-16")
    assert "1 overdue" in first and "1 e-mail(s) queued" in first  # the unit's own address
    assert [m.to for m in deliver()] == [["ppid@desa-sedahkidul.example.org"]]
    second = run("send_ppid_reminders", "--date", "2025-06-16")
    assert "0 overdue" in second and "0 e-mail(s) queued" in second
    assert ReminderSent.objects.count() == 1
    run("send_ppid_reminders", "--date", "2025-06-17")
    assert ReminderSent.objects.count() == 2


def test_reminder_command_rejects_a_bad_date(db):
    with pytest.raises(CommandError, match="--date must look like 2026-03-17"):
        run("send_ppid_reminders", "--date", "17-06-2025")


@pytest.fixture
def old_closed_request(register):
    info_request = register(requester=make_requester(name="Lama Sekali"), received_on=D(2019, 3, 4)).request
    answer(info_request, issued_on=D(2019, 3, 8))
    InfoRequest.objects.filter(pk=info_request.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=6 * 366)
    )
    return reload(info_request)


def test_retention_dry_run_reports_and_changes_nothing(old_closed_request, register):
    recent = register(received_on=D(2025, 6, 2)).request
    answer(recent, issued_on=D(2025, 6, 4))
    output = run("anonymise_ppid_requesters", "--dry-run")
    assert f"Would anonymise {old_closed_request.number}: requester_name, requester_nik" in output
    assert recent.number not in output
    assert "1 request(s) would be anonymised." in output
    assert reload(old_closed_request).requester_name == "Lama Sekali"


def test_retention_anonymises_and_logs(old_closed_request, caplog):
    with caplog.at_level("INFO", logger="ppid.services"):
        output = run("anonymise_ppid_requesters")
    info_request = reload(old_closed_request)
    assert f"Anonymised {info_request.number}" in output
    assert (
        info_request.requester_name == "—"
        and info_request.requester_nik == ""
        and info_request.requester_email == ""
    )
    assert info_request.events.filter(kind=RequestEvent.Kind.ANONYMISED).exists()
    assert info_request.number in caplog.text
    assert "0 request(s) anonymised." in run("anonymise_ppid_requesters")


def test_retention_period_comes_from_the_setting(old_closed_request, settings):
    settings.PPID_RETENTION_YEARS = 10
    assert "0 request(s) would be anonymised." in run("anonymise_ppid_requesters", "--dry-run")
    assert "1 request(s) would be anonymised." in run(
        "anonymise_ppid_requesters", "--dry-run", "--years", "5"
    )


@pytest.mark.django_db(transaction=True)
def test_reminders_run_on_several_hosts_at_once_send_each_reminder_once(register):
    numbers = [
        register(received_on=D(2025, 5, 2)).request.number,  # both overdue on 16 June 2025
        register(received_on=D(2025, 5, 5)).request.number,
    ]
    deliver()
    mail.outbox.clear()  # the requesters' registration e-mails
    assert run_on_several_hosts("send_ppid_reminders", "--date", "2025-06-16") == []
    assert ReminderSent.objects.filter(sent_on=D(2025, 6, 16)).count() == 2
    # Each host queues what it claimed: every request is in exactly one reminder.
    bodies = "".join(message.body for message in deliver())
    assert [bodies.count(number) for number in numbers] == [1, 1]


@pytest.mark.django_db(transaction=True)
def test_retention_run_on_several_hosts_at_once_anonymises_once(old_closed_request):
    assert run_on_several_hosts("anonymise_ppid_requesters") == []
    info_request = reload(old_closed_request)
    assert info_request.requester_name == "—"
    assert info_request.events.filter(kind=RequestEvent.Kind.ANONYMISED).count() == 1
