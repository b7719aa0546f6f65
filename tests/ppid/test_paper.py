"""The receipt and the written notice on paper: letterhead, letter number, PDF without the access code."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from ppid import paper, services
from ppid.models import InfoRequest, Letter, LetterCounter, LetterKind
from tests.concurrency import run_at_once

from .conftest import answer, make_requester, page_url, reload
from .pages import text

D = datetime.date


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def test_receipt_pdf_holds_letter_number_unit_and_registration_number_never_the_code(register):
    registration = register(received_on=D(2025, 6, 2))
    info_request = registration.request
    data = paper.receipt_pdf(info_request)
    assert data.startswith(b"%PDF-")
    text, reader = pdf_text(data)
    letter = Letter.objects.get(request=info_request, kind=LetterKind.RECEIPT)
    assert letter.number == "001/TBP/PPID-DESA-SEDAHKIDUL/2025"
    flat = " ".join(text.split())
    assert letter.number in flat
    assert "PPID Desa Sedahkidul" in flat
    assert info_request.number in flat
    assert "PEMERINTAH KABUPATEN BOJONEGORO" in flat
    assert "Sedahkidul, 2 Juni 2025" in flat  # in the language the requester used
    code = registration.access_code
    assert code not in flat and code.replace("-", "") not in flat.replace("-", "")
    assert code.encode() not in data
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.5)  # A4
    assert reader.pages[0].mediabox.height == pytest.approx(841.89, abs=0.5)


def test_a_letter_keeps_its_number_when_printed_again(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    first = services.issue_letter(info_request=info_request, kind=LetterKind.RECEIPT)
    again = services.issue_letter(info_request=info_request, kind=LetterKind.RECEIPT)
    assert first == again and Letter.objects.count() == 1


def test_notice_pdf_carries_the_answer_and_its_own_number(register, utama):
    info_request = register(unit=utama, received_on=D(2025, 6, 2)).request
    answer(info_request, issued_on=D(2025, 6, 11))
    text, _reader = pdf_text(paper.notice_pdf(reload(info_request)))
    flat = " ".join(text.split())
    assert "001/PT/PPID-BJN/2025" in flat
    assert "DINAS KOMUNIKASI DAN INFORMATIKA" in flat
    assert "Salinan APB Desa 2025 (PDF)" in flat
    assert "Sekdes Uji" in flat and "Bojonegoro, 11 Juni 2025" in flat


def test_letter_numbers_run_per_unit_kind_and_year(register, unit_sumberrejo):
    numbers = []
    for unit, day in [
        (None, D(2025, 6, 2)),
        (None, D(2025, 6, 3)),
        (unit_sumberrejo, D(2025, 6, 3)),
        (None, D(2026, 1, 5)),
    ]:
        info_request = register(unit=unit, received_on=day).request
        numbers.append(services.issue_letter(info_request=info_request, kind=LetterKind.RECEIPT).number)
    assert numbers == [
        "001/TBP/PPID-DESA-SEDAHKIDUL/2025",
        "002/TBP/PPID-DESA-SEDAHKIDUL/2025",
        "001/TBP/PPID-DESA-SUMBERREJO/2025",
        "001/TBP/PPID-DESA-SEDAHKIDUL/2026",
    ]
    assert LetterCounter.objects.get(unit__slug="desa-sedahkidul", kind="receipt", year=2025).last_number == 2


def test_a_notice_letter_needs_the_notice(register):
    info_request = register(received_on=D(2025, 6, 2)).request
    with pytest.raises(ValidationError, match="no written notice"):
        services.issue_letter(info_request=info_request, kind=LetterKind.NOTICE)


def test_a_unit_may_set_its_own_code(register, unit_sedahkidul):
    unit_sedahkidul.letter_code = "412.309.09"
    unit_sedahkidul.save()
    info_request = register(received_on=D(2025, 6, 2)).request
    assert (
        services.issue_letter(info_request=info_request, kind="receipt").number == "001/TBP/412.309.09/2025"
    )


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks (SELECT … FOR UPDATE) need PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_callers_never_share_or_repeat_a_letter_number(unit_sedahkidul):
    """Six requests numbered at once, and each of them asked for twice, from twelve connections."""
    requests = [
        services.register_request(
            unit=unit_sedahkidul,
            requester=make_requester(name=f"Pemohon {index}"),
            information_requested="APB Desa",
            purpose="Kajian",
            obtain_method="softcopy",
            delivery_method="email",
            received_on=D(2025, 6, 2),
        ).request
        for index in range(6)
    ]

    def number_one(index):
        info_request = InfoRequest.objects.get(pk=requests[index % 6].pk)
        return info_request.pk, services.issue_letter(info_request=info_request, kind="receipt").number

    results, errors = run_at_once(number_one, threads=12)
    assert errors == []
    by_request = {}
    for pk, number in results:
        by_request.setdefault(pk, set()).add(number)
    assert all(len(numbers) == 1 for numbers in by_request.values())  # the same letter, the same number
    numbers = sorted(number for numbers in by_request.values() for number in numbers)
    assert numbers == [f"{n:03d}/TBP/PPID-DESA-SEDAHKIDUL/2025" for n in range(1, 7)]
    assert Letter.objects.count() == 6
    assert LetterCounter.objects.get(unit=unit_sedahkidul, kind="receipt", year=2025).last_number == 6


def _emblem(settings, tmp_path):
    static = tmp_path / "static"
    (static / "img").mkdir(parents=True)
    Image.new("RGB", (40, 48), (200, 30, 30)).save(static / "img" / "lambang.png")
    settings.STATICFILES_DIRS = [static]
    settings.REGION_LOGO = "img/lambang.png"


def test_print_page_is_a_letter_without_the_website_around_it(client, settings, tmp_path, register):
    _emblem(settings, tmp_path)
    registration = register(received_on=D(2025, 6, 2))
    token = signing.dumps({"request": registration.request.pk}, salt="ppid.receipt")
    response = client.get(page_url("ppid:receipt_print", token))
    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "css/paper.css" in html and "css/portal.css" not in html
    for chrome in ("site-header", "site-footer", "main-nav", "breadcrumbs", "skip-link", "<nav", "<footer"):
        assert chrome not in html
    assert "PEMERINTAH KABUPATEN BOJONEGORO" in html and 'src="/static/img/lambang.png"' in html
    assert "001/TBP/PPID-DESA-SEDAHKIDUL/2025" in html and registration.request.number in html
    assert registration.access_code not in html
    assert "http://testserver/ppid/permohonan/lacak/" in html  # an address to follow it from paper
    pdf = client.get(page_url("ppid:receipt_pdf", token))
    assert pdf["Content-Type"] == "application/pdf" and "no-store" in pdf["Cache-Control"]
    assert (
        pdf["Content-Disposition"]
        == f'attachment; filename="tanda-bukti-{registration.request.number.replace("/", "-")}.pdf"'
    )
    reader = PdfReader(io.BytesIO(pdf.content))
    assert reader.pages[0].images  # the emblem
    assert "001/TBP/PPID-DESA-SEDAHKIDUL/2025" in " ".join(reader.pages[0].extract_text().split())


def test_print_css_sets_a4_and_hides_the_tools():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/paper.css")).read_text(encoding="utf-8")
    assert "@page { size: A4 portrait;" in css
    assert re.search(r"@media print \{[^@]*\.paper-tools \{ display: none; \}", css)


def test_requester_finds_receipt_and_notice_pdfs_from_tracking(client, register):
    registration = register(received_on=D(2025, 6, 2))
    answer(registration.request, issued_on=D(2025, 6, 11))
    html = text(
        client.post(
            page_url("ppid:track"),
            {"number": registration.request.number, "code": registration.access_code},
            follow=True,
        )
    )
    receipt_url = re.search(r'href="(/ppid/permohonan/tanda-terima/[^"]+/pdf/)"', html).group(1)
    notice_url = re.search(r'href="(/ppid/permohonan/pemberitahuan/[^"]+/pdf/)"', html).group(1)
    for url, number in ((receipt_url, "001/TBP/"), (notice_url, "001/PT/")):
        response = client.get(url)
        assert response.status_code == 200
        assert number in PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert client.get(receipt_url.replace("/pdf/", "x/pdf/")).status_code == 404


def test_the_notice_of_an_unanswered_request_is_not_found(client, register):
    registration = register(received_on=D(2025, 6, 2))
    token = signing.dumps({"request": registration.request.pk}, salt="ppid.notice")
    assert client.get(reverse("ppid:notice_print", args=[token])).status_code == 404
    assert client.get(reverse("ppid:notice_pdf", args=[token])).status_code == 404
    assert not Letter.objects.exists()


def test_officer_downloads_pdfs_in_scope_only(client, register, officer_sedahkidul, unit_sumberrejo):
    mine = register(received_on=D(2025, 6, 2)).request
    theirs = register(unit=unit_sumberrejo, received_on=D(2025, 6, 2)).request
    answer(mine, issued_on=D(2025, 6, 11))
    client.force_login(officer_sedahkidul)
    for name in ("receipt_pdf", "notice_pdf"):
        response = client.get(reverse(f"admin:ppid_inforequest_{name}", args=[mine.pk]))
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert client.get(reverse(f"admin:ppid_inforequest_{name}", args=[theirs.pk])).status_code == 404
    notice_page = client.get(reverse("admin:ppid_inforequest_notice", args=[mine.pk])).content.decode()
    assert "001/PT/PPID-DESA-SEDAHKIDUL/2025" in notice_page and "site-footer" not in notice_page


def test_the_registration_email_carries_the_receipt_pdf_without_the_code(register):
    from .conftest import deliver

    registration = register(received_on=D(2025, 6, 2), requester=make_requester(email="sri@example.org"))
    info_request = registration.request
    [message] = deliver(to="sri@example.org")
    [(name, content, mimetype)] = message.attachments
    assert name == paper.pdf_filename(info_request, LetterKind.RECEIPT) and mimetype == "application/pdf"
    flat = " ".join(pdf_text(content)[0].split())
    assert info_request.number in flat
    assert Letter.objects.get(request=info_request, kind=LetterKind.RECEIPT).number in flat
    assert registration.access_code.encode() not in content  # the code is in the e-mail text only


def test_a_receipt_for_a_request_that_is_gone_is_no_attachment(db):
    assert paper.receipt_for_message("999999") is None
