"""Fixtures for the browser gates: Debian's Chromium driven by Playwright.

The server is started by e2e/run.sh (`make e2e`) with the demo data; its
address is in E2E_BASE_URL. The last page of every journey, and of every
other test that fails, is saved as a screenshot in e2e-artifacts/; a failing
test's report names the file.
"""

import contextlib
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

BASE_URL = os.environ.get("E2E_BASE_URL", "http://localhost:8089")
PASSWORD = os.environ.get("E2E_PASSWORD", "")
ARTIFACTS = Path(__file__).resolve().parent.parent / "e2e-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
BROWSER_FIXTURES = ("phone", "desk", "no_js")


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class OffSiteRequests(list):
    """Every request a page made to a host other than the portal's own."""


def _context(browser, **options):
    context = browser.new_context(base_url=BASE_URL, locale="id-ID", **options)
    context.set_default_timeout(15_000)
    own_host = urlsplit(BASE_URL).hostname
    off_site = OffSiteRequests()

    def watch(req):
        host = urlsplit(req.url).hostname
        if host and host != own_host and not req.url.startswith("data:"):
            off_site.append(req.url)

    context.on("request", watch)
    context.off_site = off_site
    return context


def _keep_last_document(page):
    """Remember the HTML the server sent for the page's current document.

    The Nu HTML Checker must read what the server sent: the browser's DOM has
    already repaired stray or misnested tags.
    """
    page.last_document = None

    def keep(response):
        if response.request.resource_type == "document" and response.frame == page.main_frame:
            page.last_document = response

    page.on("response", keep)


def screenshot_path(node, fixture):
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", node.name)[:110].strip("_")
    return ARTIFACTS / f"{name}-{fixture}.png"


def _screenshot(page, path):
    ARTIFACTS.mkdir(exist_ok=True)
    with contextlib.suppress(Exception):
        page.screenshot(path=str(path), full_page=True)
        return path
    return None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failure, screenshot each browser the test used and name the files in its report."""
    report = yield
    if report.failed and call.when in ("setup", "call"):
        for fixture in BROWSER_FIXTURES:
            page = getattr(item, "funcargs", {}).get(fixture)
            if page is None:
                continue
            path = _screenshot(page, screenshot_path(item, fixture))
            if path:
                item.screenshot_taken = True
                report.sections.append((f"Screenshot ({fixture})", f"{path} (last address {page.url})"))
    return report


def _browser_page(context, request, fixture, always_screenshot):
    page = context.new_page()
    _keep_last_document(page)
    yield page
    if always_screenshot and not getattr(request.node, "screenshot_taken", False):
        _screenshot(page, screenshot_path(request.node, fixture))


def _is_journey(request):
    return request.node.module.__name__.endswith("test_journeys")


@pytest.fixture
def phone(browser, request):
    """A citizen's phone: 360×740, touch, Indonesian. Fails the test on any off-site request."""
    context = _context(browser, viewport=PHONE, is_mobile=True, has_touch=True, accept_downloads=True)
    yield from _browser_page(context, request, "phone", _is_journey(request))
    off_site = list(context.off_site)
    context.close()
    assert not off_site, f"requests to other hosts: {off_site}"


@pytest.fixture
def desk(browser, request):
    """An officer's desktop browser."""
    context = _context(browser, viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield from _browser_page(context, request, "desk", _is_journey(request))
    off_site = list(context.off_site)
    context.close()
    assert not off_site, f"requests to other hosts: {off_site}"


@pytest.fixture
def no_js(browser, request):
    """A phone with JavaScript turned off."""
    context = _context(browser, viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=False)
    yield from _browser_page(context, request, "no_js", _is_journey(request))
    off_site = list(context.off_site)
    context.close()
    assert not off_site, f"requests to other hosts: {off_site}"


def admin_login(page, username):
    page.goto("/admin/login/")
    page.get_by_label(re.compile("Nama pengguna|Username")).fill(username)
    page.get_by_label(re.compile("Sandi|Kata sandi|Password")).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Masuk|Log in")).click()
    page.wait_for_url(re.compile(r"/admin/(?!login)"))


def find_village(page, name):
    """From the home page, find a village with the region search and open its page."""
    page.goto("/")
    field = page.get_by_label(re.compile("Cari desa|Find a village"))
    field.fill(name)
    # The region search's own button, not the site search in the header.
    page.locator("form", has=field).get_by_role("button", name=re.compile("^(Cari|Search)$")).click()
    page.get_by_role("link", name=re.compile(rf"^Desa {name}$")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Desa {name}")
