"""Whole journeys through the portal, as citizens and officers make them.

Elements are found by their accessible names and labels, as a person finds
them by reading; the interface is Indonesian, and patterns also accept the
English text where that does no harm. The journeys of one information request
build on each other in file order (filed, answered, objected to, decided):
`story` carries its registration number and access code from one to the next.
Each journey's last page is kept as a screenshot in e2e-artifacts/.
"""

import csv
import datetime
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .audit import audit
from .conftest import admin_login, find_village
from .keyboard import complete_form
from .pages import VILLAGE_NAME

# An admin model's name, with the count of what waits for the officer when there is any.
WAITING = r"^({})( \(\d+ (menunggu|waiting)\))?$"

REQUESTER = {
    "name": "Siti Aminah Wulandari",
    "nik": "3522184508900001",  # Bojonegoro, a woman born 5 August 1990
    "phone": "081234567890",
    "email": "siti.wulandari@contoh.invalid",
    "address": "Jl. Raya Sedahkidul No. 12, RT 03 RW 01, Purwosari",
}
INFORMATION = "Salinan laporan realisasi APBDes 2024 beserta rincian kegiatan pembangunan jalan desa"
PURPOSE = "Bahan diskusi warga tentang pembangunan jalan di dusun kami"


@pytest.fixture(scope="module")
def story():
    """What one journey hands to the next: the request's number, access code and unit."""
    return {}


def rupiah(text):
    """Rp1.317.883.000 or -Rp57.283.000 as an integer."""
    match = re.search(r"(-?)Rp([0-9.]+)", text)
    assert match, f"no amount in {text!r}"
    return int(match.group(1) + match.group(2).replace(".", ""))


def headline(page, label):
    """The amount of one figure in the budget summary (Pendapatan, Belanja …)."""
    summary = page.get_by_role("region", name=re.compile("^(Ringkasan|Summary)$"))
    item = summary.get_by_role("listitem").filter(has_text=re.compile(rf"Rp[0-9.]+ {label}(?!\w)"))
    return rupiah(item.inner_text())


def track(page, number, code):
    """The tracking form: number and access code, sent by POST; returns the page shown."""
    page.goto("/ppid/permohonan/lacak/")
    page.get_by_label(re.compile("Nomor pendaftaran|Registration number")).fill(number)
    page.get_by_label(re.compile("Kode akses|Access code")).fill(code)
    page.get_by_role("button", name=re.compile("Tampilkan permohonan saya|Show my request")).click()
    page.get_by_role("heading", level=1).filter(has_text=number).wait_for()
    return page


def field_error(page, label):
    """The error message tied to a field: named by its aria-describedby and inside its field group."""
    field = page.get_by_label(label)
    assert field.get_attribute("aria-invalid") == "true", f"{label} is not marked invalid"
    ids = (field.get_attribute("aria-describedby") or "").split()
    errors = [i for i in ids if i.endswith("_error")]
    assert errors, f"{label}: no error in aria-describedby {ids}"
    message = page.locator(f"#{errors[0]}")
    group = field.locator("xpath=ancestor::*[contains(concat(' ', @class, ' '), ' field ')][1]")
    assert group.locator(f"#{errors[0]}").count() == 1, f"{label}: the error is not in the field's group"
    return message.inner_text()


# --- A citizen reads a village budget on a phone ----------------------------------------


def test_citizen_compares_a_village_budgets_versions_and_checks_the_csv_on_a_phone(phone):
    page = phone
    find_village(page, VILLAGE_NAME)

    # The village lists its latest published versions; pick a year with a revised budget.
    revised = page.get_by_role("link", name=re.compile(r"APBDes (\d{4}), versi \d+: APBDes Perubahan")).first
    year = re.search(r"APBDes (\d{4})", revised.inner_text()).group(1)
    page.get_by_role("link", name=f"APBDes {year}", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"APBDes {year} Desa {VILLAGE_NAME}")

    versions = page.get_by_role("navigation", name=re.compile("^(Versi|Versions?)$"))
    in_force = versions.get_by_role("link", name=re.compile("Perubahan|Revised"))
    expect(in_force, "the version in force is shown first").to_have_attribute("aria-current", "page")

    versions.get_by_role("link", name=re.compile(r"murni|original")).click()
    expect(page.locator(".lead")).to_contain_text(re.compile("Versi 1|Version 1"))
    original = {label: headline(page, label) for label in ("Pendapatan", "Belanja")}

    versions = page.get_by_role("navigation", name=re.compile("^(Versi|Versions?)$"))
    versions.get_by_role("link", name=re.compile("Perubahan|Revised")).click()
    expect(page.locator(".lead")).to_contain_text(re.compile("APBDes Perubahan|Revised APBDes"))
    number = re.search(r"(?:Versi|Version) (\d+)", page.locator(".lead").inner_text()).group(1)
    shown = {label: headline(page, label) for label in ("Pendapatan", "Belanja")}
    assert shown != original, "the revised budget shows the same totals as the original"

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(rf"Baris versi {number} \(CSV\)")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
    assert rows and {row["versi"] for row in rows} == {number}
    assert {row["tahun"] for row in rows} == {year}
    from_file = {
        "Pendapatan": sum(int(row["anggaran"]) for row in rows if row["kode_rekening"].startswith("4")),
        "Belanja": sum(int(row["anggaran"]) for row in rows if row["kode_rekening"].startswith("5")),
    }
    assert from_file == shown, f"page {shown} ≠ file {from_file}"
    surplus = headline(page, re.escape("Surplus/(defisit)"))
    assert surplus == from_file["Pendapatan"] - from_file["Belanja"]


# --- A citizen files an information request and tracks it ---------------------------------


def _reload_files_nothing_twice(page, number, code):
    """A reload (or a phone restoring the tab) shows the same registration, and the code only once."""
    registered_at = page.url
    page.reload()
    assert page.url == registered_at
    again = page.get_by_role("status").filter(has_text=number).inner_text()
    assert code not in again and number in again


def test_citizen_corrects_a_request_without_losing_anything_then_tracks_it(phone, story):
    page = phone
    find_village(page, VILLAGE_NAME)
    page.get_by_role(
        "link", name=re.compile(rf"Ajukan permohonan informasi kepada Desa {VILLAGE_NAME}")
    ).click()
    unit = page.get_by_label(re.compile("Unit yang Anda mintai|Unit you"))
    unit_name = unit.locator("option:checked").inner_text()
    assert VILLAGE_NAME in unit_name

    # First attempt: a NIK too short, no way of contact, no request.
    page.get_by_label(re.compile("Nama lengkap|Full name")).fill(REQUESTER["name"])
    page.get_by_label(re.compile("^NIK")).fill("35221845089")
    page.get_by_label(re.compile("^(Alamat|Address)")).fill(REQUESTER["address"])
    page.get_by_label(re.compile("Tujuan|Purpose")).fill(PURPOSE)
    page.get_by_role("radio", name=re.compile("softcopy")).check()
    page.get_by_role("radio", name=re.compile("^(Surel|E-mail)$")).check()
    page.get_by_role("button", name=re.compile("Kirim permohonan|Send the request")).click()

    alert = page.get_by_role("alert")
    assert re.search("belum dapat dikirim|could not be sent", alert.inner_text())
    assert re.search("16 angka|16 digits", field_error(page, re.compile("^NIK")))
    assert re.search("telepon|phone", field_error(page, re.compile("Nomor telepon|Phone")))
    assert field_error(page, re.compile("Informasi yang diminta|Information requested"))
    audit(page, "request-form-with-errors")

    # Nothing typed is lost.
    assert page.get_by_label(re.compile("Nama lengkap|Full name")).input_value() == REQUESTER["name"]
    assert page.get_by_label(re.compile("^NIK")).input_value() == "35221845089"
    assert page.get_by_label(re.compile("^(Alamat|Address)")).input_value() == REQUESTER["address"]
    assert page.get_by_label(re.compile("Tujuan|Purpose")).input_value() == PURPOSE
    assert unit.locator("option:checked").inner_text() == unit_name
    assert page.get_by_role("radio", name=re.compile("softcopy")).is_checked()
    assert page.get_by_role("radio", name=re.compile("^(Surel|E-mail)$")).is_checked()

    # Corrected.
    page.get_by_label(re.compile("^NIK")).fill(REQUESTER["nik"])
    page.get_by_label(re.compile("Nomor telepon|Phone")).fill(REQUESTER["phone"])
    page.get_by_label(re.compile("^(Surel|E-mail)")).fill(REQUESTER["email"])
    page.get_by_label(re.compile("Informasi yang diminta|Information requested")).fill(INFORMATION)
    page.get_by_role("button", name=re.compile("Kirim permohonan|Send the request")).click()

    receipt = page.get_by_role("status").filter(has_text=re.compile("Kode akses|Access code"))
    text = receipt.inner_text()
    number = re.search(r"PPID/\d{4}/\d{6,9}", text).group(0)
    code = re.search(r"(?:Kode akses|Access code):\s*(\S+)", text).group(1)
    assert len(code) >= 16
    audit(page, "request-registered")
    story.update(number=number, code=code, unit=unit_name)
    _reload_files_nothing_twice(page, number, code)

    # Later: the link to track it fills in the number; the code is typed again.
    page.get_by_role("link", name=re.compile("Lacak permohonan ini|Track this request")).click()
    assert page.get_by_label(re.compile("Nomor pendaftaran|Registration number")).input_value() == number
    track(page, number, code)
    assert re.search("Terdaftar|Registered", page.locator(".lead").inner_text())
    assert INFORMATION in page.get_by_text(INFORMATION).inner_text()
    audit(page, "tracking")


# --- The village officer answers it; the register keeps the requester private -----------


def other_village_request(page):
    """A request in the public register addressed to another village's PPID."""
    page.goto("/ppid/register/")
    row = (
        page.get_by_role("row")
        .filter(has_text=re.compile("PPID Desa"))
        .filter(has_not_text=VILLAGE_NAME)
        .first
    )
    return row.get_by_role("rowheader").inner_text().strip()


def _officer_finds_the_request_in_their_inbox(desk, number, elsewhere):
    """The admin start page lists the officer's work: the new request is there, once."""
    desk.goto("/admin/")
    inbox = desk.get_by_role("region", name=re.compile("^(Pekerjaan Anda|Your work)$"))
    new = inbox.locator(".inbox-section--ppid-new")
    expect(new.get_by_role("heading")).to_contain_text(re.compile("Permohonan baru|New requests"))
    expect(new.get_by_role("link", name=number)).to_have_count(1)  # a part of the link's name
    expect(inbox.get_by_role("link", name=elsewhere)).to_have_count(0)
    audit(desk, "officer-inbox")


def _officer_lists_only_their_village(desk, number, elsewhere):
    """The village officer's list and search hold their village's requests only."""
    admin_login(desk, "ppid_desa")
    _officer_finds_the_request_in_their_inbox(desk, number, elsewhere)
    desk.get_by_role(
        "link", name=re.compile(WAITING.format("Permohonan informasi|Information requests"))
    ).first.click()
    results = desk.locator("#result_list")
    expect(results.get_by_role("link", name=number, exact=True)).to_have_count(1)
    expect(results.get_by_role("link", name=elsewhere, exact=True)).to_have_count(0)
    units = results.locator("td.field-unit").all_inner_texts()
    assert units and all(VILLAGE_NAME in unit for unit in units), set(units)
    # Searching for the other village's request by its number finds nothing.
    desk.locator("#searchbar").fill(elsewhere)
    desk.locator("#searchbar").press("Enter")
    expect(desk.locator("#searchbar")).to_have_value(elsewhere)
    expect(desk.locator("#changelist-search .quiet")).to_have_text(re.compile(r"^\s*0\b"))
    expect(desk.get_by_role("link", name=elsewhere, exact=True)).to_have_count(0)
    desk.locator("#searchbar").fill(number)
    desk.locator("#searchbar").press("Enter")


def _officer_records_the_notice(desk, number):
    """The officer answers the request with a written notice granting it in full."""
    desk.get_by_role("link", name=number, exact=True).click()
    desk.get_by_role(
        "link", name=re.compile("Jawab dengan pemberitahuan tertulis|Answer with a written notice")
    ).click()
    desk.get_by_label(re.compile("^(Keputusan|Decision)")).select_option(label="Dikabulkan seluruhnya")
    desk.get_by_label(re.compile("Materi yang akan diberikan|Material to be given")).fill(
        "Salinan laporan realisasi APBDes 2024 dan daftar kegiatan pembangunan jalan desa (PDF)"
    )
    assert desk.get_by_label(re.compile("Tanggal pemberitahuan|Date of the notice")).input_value()
    desk.get_by_role("button", name=re.compile("Catat pemberitahuan|Record the notice")).click()
    # The admin says what happened to the requester's e-mail: queued, not "sent".
    expect(desk.locator(".messagelist")).to_contain_text(re.compile("dicatat|is recorded"))
    expect(desk.locator(".messagelist")).to_contain_text(re.compile("dalam antrean|queued"))


def _citizen_reads_the_answer_and_rates_it(phone, number, code):
    """The citizen's tracking page shows the answer, then the satisfaction survey."""
    track(phone, number, code)
    status = phone.locator(".lead").inner_text()
    assert re.search("^(Dikabulkan|Granted) .*(seluruhnya|in full)", status), status
    answer = phone.get_by_role("region", name=re.compile("Pemberitahuan tertulis|The written notice"))
    assert "daftar kegiatan pembangunan jalan desa" in answer.inner_text()
    audit(phone, "tracking-answered")
    phone.get_by_role("link", name=re.compile("pemberitahuan siap cetak|printable notice")).click()
    assert number in phone.get_by_role("main").inner_text()
    audit(phone, "notice-print")

    # With the answer comes the satisfaction survey, filled in with the keyboard alone.
    track(phone, number, code)
    complete_form(phone, "section[aria-labelledby=survei] form")
    expect(phone.get_by_role("heading", level=1)).to_have_text(re.compile("Terima kasih|Thank you"))
    audit(phone, "survey-thanks")


def _register_shows_initials_only(phone, number):
    """The public register shows the request, with the requester's initials only."""
    phone.goto("/ppid/register/")
    phone.get_by_role("link", name=number, exact=True).click()
    entry = phone.get_by_role("main").inner_text()
    assert INFORMATION in entry
    assert "S. A. W." in entry
    html = phone.content()
    for private in (REQUESTER["name"], REQUESTER["nik"], REQUESTER["phone"], REQUESTER["email"]):
        assert private not in html, f"{private} shown in the public register"
    for part in ("Siti", "Aminah", "Wulandari", "Sedahkidul No. 12", "RT 03"):
        assert part not in entry, f"{part} shown in the public register"


def test_village_officer_sees_only_their_village_and_answers_the_request(desk, phone, story):
    assert story.get("number"), "needs the request filed by the journey before"
    number, code = story["number"], story["code"]
    elsewhere = other_village_request(phone)
    _officer_lists_only_their_village(desk, number, elsewhere)
    _officer_records_the_notice(desk, number)
    _citizen_reads_the_answer_and_rates_it(phone, number, code)
    _register_shows_initials_only(phone, number)


# --- The citizen objects; the atasan PPID decides -----------------------------------------


def test_citizen_objects_and_the_atasan_decides(phone, desk, story):
    assert story.get("number"), "needs the request filed and answered by the journeys before"
    number, code = story["number"], story["code"]

    track(phone, number, code)
    phone.get_by_role("link", name=re.compile("^(Ajukan keberatan|File an objection)$")).last.click()
    assert phone.get_by_label(re.compile("Nomor pendaftaran|Registration number")).input_value() == number
    phone.get_by_label(re.compile("Kode akses|Access code")).fill(code)
    phone.get_by_role("checkbox", name=re.compile(r"^d\. ")).check()
    statement = "Yang saya terima hanya ringkasan; saya meminta salinan laporan realisasi yang lengkap."
    phone.get_by_label(re.compile("Uraian keberatan|Your statement")).fill(statement)
    phone.get_by_role("button", name=re.compile("Kirim keberatan|Send the objection")).click()
    receipt = phone.get_by_role("status").filter(has_text=re.compile("Nomor keberatan|Objection number"))
    objection = re.search(r"\S+/\d{4}/\d+", receipt.inner_text()).group(0)
    audit(phone, "objection-registered")

    admin_login(desk, "ppid_utama")
    desk.get_by_role("link", name=re.compile(WAITING.format("Keberatan|Objections"))).first.click()
    desk.get_by_role("link", name=objection, exact=True).click()
    desk.get_by_role("link", name=re.compile("Putuskan sebagai atasan PPID|Decide as atasan PPID")).click()
    desk.get_by_role("radio", name=re.compile(r"^(Dikabulkan|Upheld)")).check()
    decision = (
        "Keberatan dikabulkan. PPID Desa menyerahkan salinan lengkap laporan realisasi dalam 3 hari kerja."
    )
    due = (datetime.date.today() + datetime.timedelta(days=7)).isoformat()
    desk.get_by_label(re.compile("dilaksanakan paling lambat|to be done by")).fill(due)
    desk.get_by_label(re.compile("Tanggapan tertulis atasan PPID|Written answer of the atasan PPID")).fill(
        decision
    )
    assert desk.get_by_label(re.compile("Tanggal tanggapan|Date of the answer")).input_value()
    desk.get_by_role("button", name=re.compile("Catat keputusan|Record the decision")).click()
    # The admin says what happened to the requester's e-mail: queued, not "sent".
    expect(desk.locator(".messagelist")).to_contain_text(re.compile("dicatat|is recorded"))
    expect(desk.locator(".messagelist")).to_contain_text(re.compile("dalam antrean|queued"))

    track(phone, number, code)
    objections = phone.get_by_role("region", name=re.compile("^(Keberatan|Objections)$"))
    text = objections.inner_text()
    assert objection in text
    assert re.search("Dikabulkan \\(pemohon benar\\)|Upheld", text)
    assert "salinan lengkap laporan realisasi" in text
    audit(phone, "tracking-objection-decided")
