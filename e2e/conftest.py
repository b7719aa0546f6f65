"""Fixtures for the browser gates: Debian's Chromium driven by Playwright.

The server is started by e2e/run.sh (`make e2e`) with the demo data; its
address is in E2E_BASE_URL. Every test's last page is saved as a screenshot
in e2e-artifacts/.
"""

import contextlib
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

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


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class OffSiteRequests(list):
    """Every request a page made to a host other than the portal's own."""


def _context(browser, request, **options):
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


def _screenshot(page, request):
    ARTIFACTS.mkdir(exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)[:120]
    with contextlib.suppress(Exception):
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture
def phone(browser, request):
    """A citizen's phone: 360×740, touch, Indonesian."""
    context = _context(
        browser, request, viewport=PHONE, is_mobile=True, has_touch=True, accept_downloads=True
    )
    page = context.new_page()
    yield page
    _screenshot(page, request)
    assert not context.off_site, f"requests to other hosts: {context.off_site}"
    context.close()


@pytest.fixture
def desk(browser, request):
    """An officer's desktop browser."""
    context = _context(browser, request, viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    yield page
    _screenshot(page, request)
    context.close()


@pytest.fixture
def no_js(browser, request):
    """A phone with JavaScript turned off."""
    context = _context(browser, request, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    yield page
    _screenshot(page, request)
    context.close()


def admin_login(page, username):
    page.goto("/admin/login/")
    page.get_by_label(re.compile("Nama pengguna|Username")).fill(username)
    page.get_by_label(re.compile("Kata sandi|Password")).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Masuk|Log in")).click()
    page.wait_for_url(re.compile(r"/admin/(?!login)"))
