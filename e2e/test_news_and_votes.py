"""Journeys outside the information request: KIM news from writing to the feed, and the
satisfaction widget with JavaScript off.

As in test_journeys.py, elements are found by their accessible names and labels,
and patterns accept the English text where that does no harm.
"""

import re
from urllib.parse import urlsplit
from xml.etree import ElementTree

from playwright.sync_api import expect

from .conftest import admin_login, find_village
from .pages import VILLAGE_NAME

# --- KIM news: written by the KIM, published by Diskominfo ---------------------------------

POST_TITLE = "Warga Sedahkidul belajar membaca baliho APBDes di balai desa"
POST_BODY = (
    "Sabtu pagi, KIM Sendang Potro mengajak warga membaca baliho APBDes bersama.\n\n"
    "Perangkat desa menjelaskan pendapatan, belanja dan pembiayaan desa tahun ini."
)


def move_post(page, target):
    """On the post's admin page: "Review and status", then move it to `target`."""
    page.get_by_role("link", name=re.compile("^(Reviu dan status|Review and status)$")).click()
    page.get_by_label(re.compile("Pindahkan ke|Move to")).select_option(label=target)
    page.get_by_role("button", name=re.compile("Pindahkan kabar|Move the post")).click()
    expect(page.locator(".messagelist")).to_contain_text(POST_TITLE)


def test_kim_news_goes_from_the_kim_manager_through_the_editor_to_the_kim_page_and_feed(desk, phone):
    admin_login(desk, "pengelola_kim")
    desk.get_by_role("link", name=re.compile("^(Kabar KIM|KIM news)$")).first.click()
    desk.get_by_role("link", name=re.compile("^(Tambahkan|Add) kabar KIM", re.I)).click()
    kim = desk.get_by_label(re.compile("^KIM"))
    kim_name = kim.locator("option:checked").inner_text()
    assert kim_name == "KIM Sendang Potro", "the manager writes for their own KIM only"
    # get_by_role skips the hidden template of the photo inline, whose labels start alike.
    desk.get_by_role("textbox", name=re.compile("^(Judul|Title):?$")).fill(POST_TITLE)
    desk.get_by_role("textbox", name=re.compile("^(Teks|Text):?$")).fill(POST_BODY)
    desk.get_by_role(
        "button", name=re.compile("^(Simpan dan terus mengedit|Save and continue editing)$")
    ).click()
    expect(desk.locator(".messagelist")).to_contain_text(POST_TITLE)
    move_post(desk, "Diajukan untuk direviu")
    desk.get_by_role("button", name=re.compile("Keluar|Log out")).click()

    admin_login(desk, "editor")
    desk.get_by_role("link", name=re.compile("^(Kabar KIM|KIM news)$")).first.click()
    desk.locator("#searchbar").fill(POST_TITLE)
    desk.locator("#searchbar").press("Enter")
    desk.get_by_role("link", name=POST_TITLE, exact=True).click()
    move_post(desk, "Terbit")

    # A citizen finds it on the KIM's page, reads it, and it is in the KIM news feed.
    find_village(phone, VILLAGE_NAME)
    phone.get_by_role("link", name=kim_name, exact=True).click()
    latest = phone.get_by_role("region", name=re.compile("^(Kabar terbaru|Latest news)$"))
    latest.get_by_role("link", name=POST_TITLE).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(POST_TITLE)
    assert "membaca baliho APBDes bersama" in phone.get_by_role("main").inner_text()
    post_path = urlsplit(phone.url).path

    feed = phone.request.get("/kim/kabar/feed/")
    assert feed.ok and "xml" in feed.headers["content-type"]
    items = ElementTree.fromstring(feed.body()).iter("item")
    links = {item.findtext("title"): urlsplit(item.findtext("link")).path for item in items}
    assert links.get(POST_TITLE) == post_path, f"not in the feed: {sorted(links)[:5]}…"


# --- The satisfaction widget works without JavaScript ------------------------------------


def votes(page):
    """The widget's result table: total and votes per answer."""
    results = page.locator(".poll__results")
    caption = results.locator("caption").inner_text()
    rows = {
        row.get_by_role("rowheader").inner_text(): int(row.get_by_role("cell").last.inner_text())
        for row in results.locator("tbody").get_by_role("row").all()
    }
    return int(re.search(r"\d+", caption).group(0)), rows


def test_satisfaction_vote_is_recorded_and_counted_with_javascript_off(no_js):
    page = no_js
    page.goto("/ppid/")
    widget = page.get_by_role("region", name=re.compile("Nilai halaman ini|Rate this page"))
    total, rows = votes(page)
    widget.get_by_role("radio", name=re.compile("^(Puas|Satisfied)$")).check()
    widget.get_by_role("button", name=re.compile("Kirim penilaian|Send my rating")).click()
    page.wait_for_url(re.compile(r"/ppid/(#penilaian)?$"))
    expect(page.get_by_role("status")).to_contain_text(re.compile("Terima kasih|Thank you"))
    new_total, new_rows = votes(page)
    assert new_total == total + 1
    changed = {answer: new_rows[answer] - rows[answer] for answer in rows if new_rows[answer] != rows[answer]}
    assert list(changed.values()) == [1] and re.match("Puas|Satisfied", next(iter(changed)))
