"""What the admin says happened to each message, the phone links, the outbox list and officers' switches."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from ppid import outbox, services
from ppid.models import MessageKind, NotificationPreference, OutboxMessage
from ppid.outbox import channels

from .conftest import answer, deliver, make_requester, reload

D = datetime.date
PHONE_ONLY = {"email": "", "phone": "0812-3456-7890"}


@pytest.fixture(autouse=True)
def _admin_in_english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def request_page(client, info_request):
    response = client.get(reverse("admin:ppid_inforequest_change", args=[info_request.pk]))
    assert response.status_code == 200
    return response.content.decode()


# --- The wording, one state at a time -----------------------------------------------------


def test_an_address_is_masked_to_its_first_letters():
    assert channels.mask_email("sri@example.org") == "s…@e…"
    assert channels.mask_email("") == "…"


@pytest.mark.parametrize(
    ("phone", "international"),
    [
        ("0812-3456-7890", "6281234567890"),
        ("+62 812 3456 7890", "6281234567890"),
        ("812 3456 7890", "6281234567890"),
        ("(0353) 881826", "62353881826"),
        ("12", ""),
    ],
)
def test_phone_numbers_become_international(phone, international):
    assert channels.international_number(phone) == international


def test_each_state_of_a_message_is_said_as_it_is(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    message = info_request.messages.get(kind=MessageKind.REGISTERED)
    assert channels.message_outcome(message) == "e-mail queued to s…@e…"
    at = timezone.make_aware(datetime.datetime(2026, 3, 17, 8, 5))
    message.attempts, message.last_error, message.next_attempt_at = 2, "SMTPServerDisconnected: gone", at
    assert channels.message_outcome(message) == (
        "failed: SMTPServerDisconnected: gone (attempt 2; next attempt at 17-03-2026 08:05)"
    )
    message.next_attempt_at = None
    assert channels.message_outcome(message) == (
        "failed: SMTPServerDisconnected: gone (after 2 attempts; no further attempt)"
    )
    message.sent_at = at
    assert channels.message_outcome(message) == "e-mail sent at 17-03-2026 08:05 to s…@e…"


# --- The request's page -------------------------------------------------------------------


def test_the_request_page_says_queued_then_sent(client, register, ppid_utama):
    info_request = register(received_on=D(2025, 6, 2)).request
    client.force_login(ppid_utama)
    html = request_page(client, info_request)
    assert "Messages to the requester" in html and "e-mail queued to s…@e…" in html
    deliver()
    html = request_page(client, info_request)
    assert re.search(r"e-mail sent at \d\d-\d\d-\d{4} \d\d:\d\d to s…@e…", html)
    assert "queued" not in html.split("Messages to the requester")[1].split("</fieldset>")[0]


def test_the_request_page_says_a_send_failed_and_why(client, register, ppid_utama, settings):
    info_request = register(received_on=D(2025, 6, 2)).request
    settings.EMAIL_BACKEND = "tests.ppid.test_outbox.DownBackend"
    deliver()
    client.force_login(ppid_utama)
    html = request_page(client, info_request)
    assert (
        "failed: ConnectionRefusedError: [Errno 111] Connection refused (attempt 1; next attempt at" in html
    )


def test_a_phone_only_requester_gets_a_call_and_a_whatsapp_link_without_the_code(
    client, register, ppid_utama, settings
):
    settings.SITE_URL = "https://portal.example.go.id"
    registration = register(requester=make_requester(**PHONE_ONLY), received_on=D(2025, 6, 2))
    info_request = registration.request
    client.force_login(ppid_utama)
    html = request_page(client, info_request)
    assert "no e-mail address: contact the requester by phone" in html
    assert 'href="tel:+6281234567890"' in html
    link = re.search(r'href="(https://wa\.me/[^"]+)"', html).group(1).replace("&amp;", "&")
    parts = urlsplit(link)
    assert parts.path == "/6281234567890"
    [text] = parse_qs(parts.query)["text"]
    assert info_request.number in text
    assert "https://portal.example.go.id/ppid/permohonan/lacak/" in text
    assert registration.access_code not in text and registration.access_code not in link
    assert registration.access_code not in html


def test_the_whatsapp_text_is_in_the_requester_language(register):
    info_request = register(requester=make_requester(**PHONE_ONLY), received_on=D(2025, 6, 2)).request
    assert "Permohonan informasi publik Anda" in channels.whatsapp_text(info_request)
    info_request.language = "en"
    assert "Your request for public information" in channels.whatsapp_text(info_request)


def test_after_an_answer_the_admin_says_what_happened_to_the_message(client, register, ppid_utama):
    email = register(received_on=D(2025, 6, 2)).request
    phone = register(requester=make_requester(**PHONE_ONLY), received_on=D(2025, 6, 2)).request
    for info_request in (email, phone):
        services.change_request_status(info_request=info_request, to_status="in_process")
    client.force_login(ppid_utama)
    said = {}
    for info_request in (email, phone):
        response = client.post(
            reverse("admin:ppid_inforequest_extend", args=[info_request.pk]),
            {"extension_days": "3", "extension_reason": "Arsip di gudang"},
            follow=True,
        )
        said[info_request.pk] = [str(m) for m in response.context["messages"]]
    assert said[email.pk] == ["The deadline is extended. Message to the requester: e-mail queued to s…@e…."]
    assert said[phone.pk] == ["The deadline is extended. No e-mail address: contact the requester by phone."]


# --- The outbox list ------------------------------------------------------------------------


def test_a_village_officer_sees_only_the_messages_of_their_village(
    client, register, unit_sumberrejo, officer_sedahkidul
):
    mine = register(received_on=D(2025, 6, 2)).request
    theirs = register(unit=unit_sumberrejo, received_on=D(2025, 6, 2)).request
    client.force_login(officer_sedahkidul)
    response = client.get(reverse("admin:ppid_outboxmessage_changelist"))
    assert response.status_code == 200
    html = response.content.decode()
    assert mine.number in html and theirs.number not in html
    other = theirs.messages.first()
    assert client.get(reverse("admin:ppid_outboxmessage_change", args=[other.pk])).status_code == 404


def test_the_outbox_never_shows_a_message_text_or_a_requester_address(client, register, ppid_utama):
    registration = register(received_on=D(2025, 6, 2))
    message = registration.request.messages.get(kind=MessageKind.REGISTERED)
    client.force_login(ppid_utama)
    for url in (
        reverse("admin:ppid_outboxmessage_changelist"),
        reverse("admin:ppid_outboxmessage_change", args=[message.pk]),
    ):
        html = client.get(url).content.decode()
        assert registration.access_code not in html
        assert "sri@example.org" not in html and "s…@e…" in html


def test_send_again_puts_failed_messages_back_in_line(client, register, ppid_utama, officer_sedahkidul):
    info_request = register(received_on=D(2025, 6, 2)).request
    OutboxMessage.objects.update(next_attempt_at=None, attempts=12, last_error="SMTPDataError: 554")
    client.force_login(officer_sedahkidul)  # may look, not resend
    changelist = reverse("admin:ppid_outboxmessage_changelist")
    assert "send_again" not in client.get(changelist).content.decode()
    client.force_login(ppid_utama)
    ids = list(info_request.messages.values_list("pk", flat=True))
    client.post(changelist, {"action": "send_again", "_selected_action": ids})
    assert all(m.next_attempt_at is not None for m in OutboxMessage.objects.all())
    assert outbox.send_due().sent == len(ids)


# --- Officers' own switches --------------------------------------------------------------


def test_an_officer_switches_a_kind_off_for_themselves(client, officer_sedahkidul, officer_sumberrejo):
    client.force_login(officer_sedahkidul)
    response = client.get(reverse("admin:ppid_notificationpreference_changelist"))
    own = NotificationPreference.objects.get(user=officer_sedahkidul)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:ppid_notificationpreference_change", args=[own.pk])
    form = client.get(response["Location"]).content.decode()
    assert 'name="user"' not in form and 'name="new_request"' in form
    client.post(
        response["Location"],
        {"new_objection": "on", "due_soon": "on", "overdue": "on", "obligation_due": "on"},
    )
    own = reload_preference(own)
    assert not own.new_request and own.new_objection and own.user == officer_sedahkidul
    # Nobody reaches another officer's switches.
    theirs = NotificationPreference.objects.create(user=officer_sumberrejo)
    url = reverse("admin:ppid_notificationpreference_change", args=[theirs.pk])
    assert client.get(url).status_code == 302  # the admin's “does not exist” redirect
    assert reload_preference(theirs).new_request


def test_an_administrator_sees_every_officer_switches(client, administrator, officer_sedahkidul):
    NotificationPreference.objects.create(user=officer_sedahkidul, overdue=False)
    client.force_login(administrator)
    response = client.get(reverse("admin:ppid_notificationpreference_changelist"))
    assert response.status_code == 200 and "sekdes_sedahkidul" in response.content.decode()


def reload_preference(preference):
    return NotificationPreference.objects.get(pk=preference.pk)


def test_answered_page_lists_every_requester_message(client, register, ppid_utama):
    info_request = register(received_on=D(2025, 6, 2)).request
    answer(info_request, issued_on=D(2025, 6, 4))
    client.force_login(ppid_utama)
    html = request_page(client, reload(info_request))
    box = html.split("Messages to the requester")[1].split("</fieldset>")[0]
    assert "Request registered" in box and "Request answered" in box
