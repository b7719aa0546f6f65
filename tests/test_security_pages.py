"""Security of every public page type: the Content-Security-Policy and headers, no inline
script or style, the 429 page of every throttled form and of search, uploads judged by
content, private identity documents, deletion of published records refused, and
retention that is logged.

The data set (`public_site`) holds one published thing of every kind, built through
each app's own services and test helpers, so every page type renders with content.
Login lockout, two-factor sign-in and the page cache are in tests/portal/test_security.py.
"""

import datetime
import io
import math
import re
import time
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.auth.models import User
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import OperationalError, transaction
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from kim.models import Forum, Kim, PostPhoto
from ogp import demo as ogp_demo
from ogp.models import BillboardPhoto, Budget, BudgetVersion, Commitment
from ogp.models.budgets import PublishedRecordError
from portal import demo as portal_demo
from portal.forms import VoteForm
from portal.models import OfficePage, SatisfactionVote
from ppid import services as ppid_services
from ppid.forms import SurveyForm
from ppid.models import (
    AnnualReport,
    AnswerDocument,
    DipItem,
    InfoRequest,
    Objection,
    Regulation,
    RequestEvent,
    ServiceStandard,
    SurveyResponse,
    WrittenNotice,
)
from tests.conftest import SEDAHKIDUL
from tests.integration.conftest import (  # noqa: F401
    make_kim,
    make_visit,
    portal,
    post_in_state,
    publish_budget,
    register,
    sendang_potro,
    unit_sedahkidul,
)
from tests.kim.conftest import form_data
from tests.ogp.conftest import ORIGINAL, publish_report  # noqa: F401
from tests.ppid.conftest import answer, make_requester
from tests.visits.conftest import magelang  # noqa: F401
from visits.models import VisitPhoto

TODAY = timezone.localdate()


@pytest.fixture
def public_site(portal, publish_report, django_capture_on_commit_callbacks):  # noqa: F811
    """`portal` (one of everything about Desa Sedahkidul) plus what the remaining page types show.

    Adds an answered request with its notice, an objection and a survey, a
    realisation report, the openness index, the OGP plan, office pages, a
    regulation, the maklumat, the annual report text and the KIM forum.
    """
    with django_capture_on_commit_callbacks(execute=True):
        received = TODAY - datetime.timedelta(days=7)
        answered = ppid_services.register_request(
            unit=portal["request"].unit,
            requester=make_requester(name="Budi Santoso"),
            information_requested="Salinan RKP Desa",
            purpose="Kajian",
            obtain_method="softcopy",
            delivery_method="email",
            received_on=received,
        )
        document = SimpleUploadedFile("rkp.pdf", b"%PDF-1.4 RKP Desa", content_type="application/pdf")
        answer(
            answered.request,
            decision="refused",
            issued_on=TODAY,
            documents=[("RKP Desa", document)],
        )
        objection = ppid_services.file_objection(
            info_request=answered.request, grounds=["a"], statement="Informasi ini bukan rahasia."
        )
        surveyed_registration = ppid_services.register_request(
            unit=portal["request"].unit,
            requester=make_requester(name="Sri Rahayu"),
            information_requested="Daftar penerima BLT",
            purpose="Pengawasan",
            obtain_method="softcopy",
            delivery_method="email",
            received_on=received,
        )
        surveyed = surveyed_registration.request
        answer(surveyed, issued_on=TODAY)
        ppid_services.submit_survey(info_request=surveyed, scores={f"q{n}": 3 for n in range(1, 10)})
        report = publish_report(ORIGINAL, [line[5] // 2 for line in ORIGINAL], year=TODAY.year)
        ogp_demo.load_openness_index(io.StringIO())
        ogp_demo.load_action_plan(io.StringIO())
        portal_demo.load_office_pages(io.StringIO())
    regulation = Regulation.objects.create(
        kind=Regulation.Kind.LAW,
        title="Undang-Undang Nomor 14 Tahun 2008",
        short_name="UU 14/2008",
        year=2008,
        link="/ppid/peraturan/",
    )
    ServiceStandard.objects.create(
        statement="Kami sanggup.", legal_basis="UU 14/2008", procedure="Isi formulir.",
        completion_time="10 hari kerja", fees="Gratis", guarantee="Tepat waktu", evaluation="Survei",
        signed_by_position="PPID Utama", effective_from=datetime.date(2021, 7, 1),
    )  # fmt: skip
    annual_report = AnnualReport.objects.create(year=TODAY.year, facilities="Meja layanan", is_published=True)
    forum = Forum.objects.create(name="Forum KIM Kabupaten", slug="forum-kim", is_public=True)
    return {
        **portal,
        "answered": answered,
        "objection": objection,
        "surveyed": surveyed,
        "surveyed_registration": surveyed_registration,
        "report": report,
        "regulation": regulation,
        "annual_report": annual_report,
        "forum": forum,
        "commitment": Commitment.objects.published().first(),
        "office_page": OfficePage.objects.published().first(),
    }


def html_pages(site):
    """Every public HTML page type (GET), with content from `public_site`."""
    year = TODAY.year
    budget = f"/apbdes/{year}/{SEDAHKIDUL}/"
    answered = site["answered"]
    return [
        "/",
        "/wilayah/",
        "/wilayah/?q=sedah",
        "/wilayah/35.22.18/",
        f"/wilayah/{SEDAHKIDUL}/",
        "/tentang/",
        site["office_page"].get_absolute_url(),
        "/cari/?q=Sedahkidul",
        "/cari/?q=Sedahkidul&jenis=visit",
        "/data/",
        "/feed/",
        "/halaman-yang-tidak-ada/",
        "/kunjungan/",
        "/kunjungan/?tahun=2018",
        site["visit"].get_absolute_url(),
        "/kunjungan/statistik/",
        "/kim/",
        site["kim"].get_absolute_url(),
        "/kim/kabar/",
        site["post"].get_absolute_url(),
        "/kim/cakupan/",
        "/kim/forum/",
        "/ppid/",
        "/ppid/unit/",
        site["request"].unit.get_absolute_url(),
        "/ppid/peraturan/",
        "/ppid/maklumat/",
        "/ppid/dip/",
        site["dip"].get_absolute_url(),
        "/ppid/permohonan/baru/",
        "/ppid/permohonan/lacak/",
        answered.request.get_absolute_url(),
        "/ppid/register/",
        "/ppid/keberatan/baru/",
        "/ppid/statistik/",
        "/ppid/laporan/",
        f"/ppid/laporan/{year}/",
        "/ppid/ikm/",
        "/ppid/permohonan/pemberitahuan/"
        + signing.dumps({"request": answered.request.pk}, salt="ppid.notice")
        + "/",
        "/apbdes/",
        f"/apbdes/{year}/",
        budget,
        budget + "?laporan=semester1",
        "/keterbukaan/",
        "/keterbukaan/2017/",
        "/ogp/",
        site["commitment"].get_absolute_url(),
        "/admin/login/",
    ]


def html_posts(site):
    """The HTML pages a citizen reaches by POST: (path, data) giving a success page."""
    answered = site["answered"]
    unit = site["request"].unit
    return [
        (
            "/ppid/permohonan/lacak/",
            {"number": answered.request.number, "code": answered.access_code},
        ),
        (
            "/ppid/permohonan/baru/",
            {
                "requester_kind": "person",
                "requester_name": "Ani",
                "requester_nik": "3522185508900001",
                "requester_address": "Jalan Melati 2",
                "requester_phone": "081200000000",
                "unit": unit.pk,
                "information_requested": "Jadwal posyandu",
                "purpose": "Keluarga",
                "obtain_method": "softcopy",
                "delivery_method": "collect",
            },
        ),  # fmt: skip
        (
            "/ppid/permohonan/survei/",
            {"token": SurveyForm.make_token(answered.request), **{f"q{n}": 4 for n in range(1, 10)}},
        ),
        ("/ppid/permohonan/survei/", {"token": "tanda-tangan-palsu"}),
        (
            "/ppid/keberatan/baru/",
            {
                "number": site["surveyed_registration"].request.number,
                "code": site["surveyed_registration"].access_code,
                "grounds": ["b"],
                "statement": "Informasi tidak sesuai permintaan.",
            },
        ),
    ]


def data_pages(site):
    """Open data, feeds and machine pages: not HTML, but they carry the same headers."""
    year = TODAY.year
    return [
        "/robots.txt",
        "/sitemap.xml",
        "/healthz",
        "/kunjungan/feed/",
        "/kunjungan/data.csv",
        "/kunjungan/data.json",
        "/kim/data.csv",
        "/kim/data.json",
        "/kim/kabar/feed/atom/",
        "/ppid/dip/feed/",
        "/ppid/statistik.csv",
        "/ppid/statistik.json",
        f"/ppid/laporan/{year}.csv",
        f"/apbdes/{year}/ringkasan.csv",
        f"/apbdes/{year}/ringkasan.json",
        f"/apbdes/{year}/baris.csv",
        f"/apbdes/{year}/{SEDAHKIDUL}.json",
        "/apbdes/api/",
        "/apbdes/api/ringkasan/?tahun=2026",
        "/apbdes/api/versi/",
        "/apbdes/api/versi/abc/",
        "/apbdes/api/ringkasan/?page=x",
        "/ppid/permohonan/dokumen/"
        + signing.dumps(
            {"document": site["answered"].request.notice.documents.get().pk}, salt="ppid.answer-document"
        )
        + "/",
    ]


# --- The Content-Security-Policy and the security headers ----------------------------


def policy_problems(header):
    """What is wrong with a Content-Security-Policy header, as short phrases (empty when strict)."""
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    problems = []
    for name, wanted in (
        ("default-src", ["'self'"]),
        ("script-src", ["'self'"]),
        ("style-src", ["'self'"]),
        ("object-src", ["'none'"]),
        ("frame-ancestors", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
    ):
        if directives.get(name) != wanted:
            problems.append(f"{name} is {directives.get(name)}")
    for name, sources in directives.items():
        for source in sources:
            if source not in ("'self'", "'none'", "data:"):
                problems.append(f"{name} allows {source}")
    return problems


def header_problems(response):
    problems = policy_problems(response.get("Content-Security-Policy", ""))
    expected = {
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    for name, value in expected.items():
        if response.get(name) != value:
            problems.append(f"{name} is {response.get(name)!r}")
    return problems


def test_policy_problems_names_every_weakening():
    strict = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
    assert policy_problems(strict) == []
    weak = strict.replace("script-src 'self'", "script-src 'self' 'unsafe-inline' https://cdn.example")
    assert policy_problems(weak) == [
        "script-src is [\"'self'\", \"'unsafe-inline'\", 'https://cdn.example']",
        "script-src allows 'unsafe-inline'",
        "script-src allows https://cdn.example",
    ]
    assert "frame-ancestors is None" in policy_problems(strict.replace("; frame-ancestors 'none'", ""))


class InlineCodeFinder(HTMLParser):
    """Collects what a strict CSP would block or what loads from another host."""

    RESOURCE_ATTRIBUTES = {
        "script": "src",
        "img": "src",
        "source": "srcset",
        "iframe": "src",
        "form": "action",
    }
    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster"}

    def __init__(self):
        super().__init__()
        self.problems = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "style":
            self.problems.append("<style> element")
        # A JSON-LD block is data the browser never runs (and CSP does not govern).
        if tag == "script" and attrs.get("type") != "application/ld+json":
            if not attrs.get("src"):
                self.problems.append("inline <script>")
            self._in_script = True
        for name, value in attrs.items():
            if name == "style":
                self.problems.append(f"style attribute on <{tag}>")
            if name.startswith("on"):
                self.problems.append(f"{name} handler on <{tag}>")
            if name in self.URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"javascript: URL in <{tag} {name}>")
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon", "preload", "modulepreload"):
            self._same_origin(tag, attrs.get("href"))
        if tag in self.RESOURCE_ATTRIBUTES:
            self._same_origin(tag, attrs.get(self.RESOURCE_ATTRIBUTES[tag]))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.problems.append("code inside <script>")

    def _same_origin(self, tag, url):
        for candidate in (url or "").split(","):
            address = candidate.strip().split(" ")[0]
            if not address or address.startswith("data:"):
                continue
            parts = urlsplit(address)
            if parts.netloc and parts.netloc != "testserver":
                self.problems.append(f"<{tag}> loads from {parts.netloc}")


def inline_code(html):
    finder = InlineCodeFinder()
    finder.feed(html)
    return finder.problems


def test_inline_code_finder_sees_every_kind_of_inline_code():
    html = (
        '<script>alert(1)</script><script src="/static/js/a.js"></script><style>p{}</style>'
        '<p style="color:red" onclick="x()">x</p><a href="javascript:alert(1)">y</a>'
        '<img src="https://cdn.example/a.png"><img src="/media/a.webp" srcset="/media/a.webp 480w">'
        '<link rel="stylesheet" href="//fonts.example/f.css">'
    )
    assert inline_code(html) == [
        "inline <script>",
        "code inside <script>",
        "<style> element",
        "style attribute on <p>",
        "onclick handler on <p>",
        "javascript: URL in <a href>",
        "<img> loads from cdn.example",
        "<link> loads from fonts.example",
    ]


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_public_html_page_sends_a_strict_policy_and_has_no_inline_code(client, public_site, language):
    client.cookies["django_language"] = language
    found = {}
    pages = [(url, None) for url in html_pages(public_site)] + html_posts(public_site)
    for url, data in pages:
        response = client.get(url) if data is None else client.post(url, data)
        assert response.status_code in (200, 400, 404), (url, response.status_code)
        assert response["Content-Type"].startswith("text/html"), url
        problems = header_problems(response) + inline_code(response.content.decode())
        if problems:
            found[url] = problems
    assert found == {}


def test_every_open_data_feed_and_machine_page_sends_the_security_headers(client, public_site):
    found = {}
    for url in data_pages(public_site):
        response = client.get(url)
        assert response.status_code < 500, url
        problems = header_problems(response)
        if problems:
            found[url] = problems
    assert found == {}


# --- The 429 page of every throttled form and of search --------------------------------------

OTHER_CLIENT = {"REMOTE_ADDR": "203.0.113.9"}
SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}


def throttled_endpoints(site):
    """(method, path, rate limit, a valid submission, the rows it creates, extra headers) per throttle."""
    post, tracked = html_posts(site)[1][1], site["surveyed_registration"]
    answered = site["answered"].request
    vote_token = signing.dumps({"path": f"/wilayah/{SEDAHKIDUL}/", "title": "Sedahkidul"}, salt=VoteForm.SALT)
    return {
        "request": ("post", "/ppid/permohonan/baru/", 20, post, InfoRequest, {}),
        "tracking": (
            "post", "/ppid/permohonan/lacak/", 20,
            {"number": tracked.request.number, "code": tracked.access_code}, None, {},
        ),
        "objection": (
            "post", "/ppid/keberatan/baru/", 20,
            {"number": tracked.request.number, "code": tracked.access_code, "grounds": ["b"], "statement": "Kurang."},
            Objection, {},
        ),
        "survey": (
            "post", "/ppid/permohonan/survei/", 20,
            {"token": SurveyForm.make_token(answered), **{f"q{n}": 3 for n in range(1, 10)}}, SurveyResponse, {},
        ),
        "vote": ("post", "/penilaian/", 10, {"choice": 4, "token": vote_token}, SatisfactionVote, SAME_SITE),
        "search": ("get", "/cari/", 60, {"q": "Sedahkidul"}, None, {}),
    }  # fmt: skip


@pytest.fixture
def throttle_clock(monkeypatch):
    """The throttles' clock stopped 25 minutes into the hour, 30 seconds into the minute.

    Limits count per window (an hour, a minute); a run that crossed a window's end
    would start counting afresh halfway through. Only the throttles' clock stops.
    """
    now = time.time()
    stopped = now - now % 3600 + 25 * 60 + 30
    monkeypatch.setattr("portal.throttle.now", lambda: stopped)
    return stopped


@pytest.mark.parametrize("name", ["request", "tracking", "objection", "survey", "vote", "search"])
def test_a_throttled_client_gets_a_clear_429_page_and_nothing_is_saved(
    client, public_site, throttle_clock, name
):
    method, path, limit, valid, model, headers = throttled_endpoints(public_site)[name]
    send = getattr(client, method)
    for _attempt in range(limit):
        # Honeypot filled: refused anyway, but every attempt counts.
        assert send(path, {**valid, "website": "spam"}, **headers).status_code != 429
    before = model.objects.count() if model else None
    response = send(path, valid, **headers)
    html = response.content.decode()
    assert response.status_code == 429
    assert "Terlalu banyak percobaan" in html and "menit" in html  # the page speaks the visitor's language
    # The window ends at the next full minute (vote, search) or hour (the forms).
    wait = 30 if name in ("vote", "search") else 35 * 60 - 30
    assert response["Retry-After"] == str(wait)
    assert f"Tunggu {math.ceil(wait / 60)} menit" in html
    assert "no-store" in response["Cache-Control"]
    assert header_problems(response) == [] and inline_code(html) == []
    if model:
        assert model.objects.count() == before
    if name == "tracking":
        assert public_site["surveyed_registration"].request.number not in html
    # Another client (another address, no cookies) is not held back by this one.
    other = getattr(Client(), method)(path, valid, **headers, **OTHER_CLIENT)
    assert other.status_code in (200, 302)
    if model:
        assert model.objects.count() == before + 1


def test_the_429_page_speaks_english_to_english_visitors(client, public_site, throttle_clock):
    client.cookies["django_language"] = "en"
    for _attempt in range(61):
        response = client.get("/cari/", {"q": "desa"})
    html = response.content.decode()
    assert response.status_code == 429
    assert "Too many attempts" in html and "Please wait 1 minute and try again." in html


# --- Uploads are judged by their content ---------------------------------------------------------


def disguised(kind):
    """A file whose name and declared type say one thing and whose content is another."""

    if kind == "gif-as-jpeg":  # a real image Django's own check accepts, in a format the portal refuses
        buffer = io.BytesIO()
        Image.new("RGB", (400, 300), (10, 120, 60)).save(buffer, "GIF")
        return SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")
    if kind == "html-as-pdf":
        body = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
        return SimpleUploadedFile("dokumen.pdf", body, content_type="application/pdf")
    if kind == "exe-as-csv":
        return SimpleUploadedFile(
            "apbdes.csv", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\xff\xff", content_type="text/csv"
        )
    raise ValueError(kind)


def admin_form(client, url, form_id):

    return form_data(client.get(url).content.decode(), form_id)


def field_error(html, field_id):
    match = re.search(rf'<ul class="errorlist" id="id_{re.escape(field_id)}_error">(.*?)</ul>', html, re.S)
    return match.group(1) if match else ""


def _visit_photo(client, site, users):
    client.force_login(users["editor"])
    url = reverse("admin:visits_visit_change", args=[site["draft_visit"].pk])
    data = admin_form(client, url, "visit_form")
    data.update({"photos-TOTAL_FORMS": "1", "photos-0-order": "0", "photos-0-alt_text": "Rombongan"})
    return url, data, "photos-0-image", "gif-as-jpeg", VisitPhoto.objects.count


def _post_photo(client, site, users):
    client.force_login(users["editor"])
    url = reverse("admin:kim_post_change", args=[site["draft_post"].pk])
    data = admin_form(client, url, "post_form")
    data.update({"photos-TOTAL_FORMS": "1", "photos-0-order": "0", "photos-0-alt_text": "Baliho"})
    return url, data, "photos-0-image", "gif-as-jpeg", PostPhoto.objects.count


def _billboard_photo(client, site, users):
    client.force_login(users["officer"])
    budget = Budget.objects.get(village_id=SEDAHKIDUL, year=TODAY.year)
    data = {"budget": budget.pk, "alt_text": "Baliho APBDes", "order": "0"}
    return reverse("admin:ogp_billboardphoto_add"), data, "image", "gif-as-jpeg", BillboardPhoto.objects.count


def _kim_decree(client, site, users):
    client.force_login(users["editor"])
    url = reverse("admin:kim_kim_change", args=[site["kim"].pk])
    data = admin_form(client, url, "kim_form")
    return url, data, "decree_file", "html-as-pdf", lambda: Kim.objects.exclude(decree_file="").count()


def _regulation_document(client, site, users):
    client.force_login(users["ppid_utama"])
    data = {"kind": "perbup", "title": "Perbup Nomor 1 Tahun 2026", "short_name": "Perbup 1/2026", "year": "2026",
            "order": "0", "is_published": "on"}  # fmt: skip
    return reverse("admin:ppid_regulation_add"), data, "document", "html-as-pdf", Regulation.objects.count


def _dip_document(client, site, users):
    client.force_login(users["officer"])
    url = reverse("admin:ppid_dipitem_add")
    data = admin_form(client, url, "dipitem_form")
    data.update(
        {"category": "berkala", "title": "RKP Desa 2026", "year": "2026", "holding_official": "Sekdes",
         "responsible_person": "Kades", "retention_period": "5 tahun", "softcopy": "on",
         "versions-TOTAL_FORMS": "1", "versions-0-note": "Awal"}
    )  # fmt: skip
    return url, data, "versions-0-document", "html-as-pdf", DipItem.objects.count


def _answer_documents(client, site, users):
    client.force_login(users["officer"])
    info_request = site["request"]
    data = {"decision": "granted", "information_held": "on", "materials": "Salinan APB Desa", "fee": "0",
            "delivery_format": "softcopy", "delivery_method": "email", "issued_on": TODAY.isoformat(),
            "signed_by_name": "Sekdes", "signed_by_position": "Sekretaris Desa"}  # fmt: skip
    url = reverse("admin:ppid_inforequest_answer", args=[info_request.pk])
    return url, data, "documents", "html-as-pdf", WrittenNotice.objects.count


def _budget_import(client, site, users):
    client.force_login(users["officer"])
    data = {"what": "budget", "village": SEDAHKIDUL, "year": "2025", "kind": "murni"}
    return reverse("admin:ogp_budget_import"), data, "file", "exe-as-csv", BudgetVersion.objects.count


def _desk_request_scan(client, site, users):
    client.force_login(users["officer"])
    data = {**html_posts(site)[1][1], "channel": "desk", "received_on": TODAY.isoformat()}
    url = reverse("admin:ppid_inforequest_add")
    return url, data, "requester_identity_scan", "html-as-pdf", InfoRequest.objects.count


def _citizen_identity_scan(client, site, users):
    data = html_posts(site)[1][1]
    return "/ppid/permohonan/baru/", data, "requester_identity_scan", "html-as-pdf", InfoRequest.objects.count


def _citizen_power_of_attorney(client, site, users):
    data = {**html_posts(site)[1][1], "is_proxy": "on"}
    return "/ppid/permohonan/baru/", data, "requester_proxy_letter", "html-as-pdf", InfoRequest.objects.count


UPLOAD_FIELDS = {
    "visit photo": _visit_photo,
    "KIM news photo": _post_photo,
    "APBDes billboard photo": _billboard_photo,
    "KIM decree scan": _kim_decree,
    "regulation document": _regulation_document,
    "DIP document": _dip_document,
    "documents given with an answer": _answer_documents,
    "APBDes import file": _budget_import,
    "identity scan of a desk request": _desk_request_scan,
    "identity scan on the request form": _citizen_identity_scan,
    "power of attorney on the request form": _citizen_power_of_attorney,
}
# What the refusal names: the format found, or the kinds the field accepts.
NAMED_IN_MESSAGE = {"gif-as-jpeg": "GIF", "html-as-pdf": "PDF", "exe-as-csv": "XLSX"}


@pytest.fixture
def back_office(public_site, editor, ppid_utama, officer_sedahkidul):
    return {"editor": editor, "ppid_utama": ppid_utama, "officer": officer_sedahkidul}


@pytest.mark.parametrize("field", list(UPLOAD_FIELDS))
def test_every_upload_field_refuses_a_disguised_file_with_a_message_next_to_it(
    client, public_site, back_office, field
):
    url, data, field_id, kind, saved = UPLOAD_FIELDS[field](client, public_site, back_office)
    before = saved()
    name = field_id.rsplit("-", 1)[-1]
    response = client.post(url, {**data, field_id: disguised(kind)})
    assert response.status_code == 200, response.status_code
    message = field_error(response.content.decode(), field_id)
    assert NAMED_IN_MESSAGE[kind] in message, (name, message)
    assert saved() == before


# --- Private identity documents ----------------------------------------------------------------


@pytest.fixture
def private_files(public_site, django_capture_on_commit_callbacks):
    """A desk request with an identity scan and a power of attorney, and an answer document."""
    with django_capture_on_commit_callbacks(execute=True):
        registration = ppid_services.register_request(
            unit=public_site["request"].unit,
            requester=make_requester(
                identity_scan=SimpleUploadedFile("ktp.pdf", b"%PDF-1.4 KTP", content_type="application/pdf"),
                is_proxy=True,
                proxy_letter=SimpleUploadedFile(
                    "kuasa.pdf", b"%PDF-1.4 KUASA", content_type="application/pdf"
                ),
            ),
            information_requested="Salinan SK Kepala Desa",
            purpose="Kajian",
            obtain_method="softcopy",
            delivery_method="email",
        )
    info_request = registration.request
    document = public_site["answered"].request.notice.documents.get()
    return {
        "identity scan": (
            reverse("admin:ppid_inforequest_file", args=[info_request.pk, "identitas"]),
            b"%PDF-1.4 KTP",
        ),
        "power of attorney": (
            reverse("admin:ppid_inforequest_file", args=[info_request.pk, "kuasa"]),
            b"%PDF-1.4 KUASA",
        ),
        "answer document": (
            reverse("admin:ppid_answerdocument_download", args=[document.pk]),
            b"%PDF-1.4 RKP Desa",
        ),
    }


@pytest.mark.parametrize("kind", ["identity scan", "power of attorney", "answer document"])
def test_private_documents_are_served_only_through_the_permission_checked_view(
    client,
    settings,
    private_files,
    make_staff,
    officer_sedahkidul,
    officer_sumberrejo,
    ppid_utama,
    editor,
    kind,
):
    url, content = private_files[kind]
    for user in (officer_sedahkidul, ppid_utama):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, user
        assert b"".join(response.streaming_content) == content
        assert response["Content-Disposition"].startswith("attachment; filename=")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "no-store" in response["Cache-Control"]
    kim_manager = make_staff("pengelola_lain", "Pengelola KIM", SEDAHKIDUL)
    for user in (officer_sumberrejo, editor, kim_manager):
        client.force_login(user)
        refused = client.get(url)
        assert refused.status_code in (403, 404), user
        assert content not in refused.content
    client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/admin/login/")


def test_private_documents_never_lie_under_the_public_media_address(client, settings, private_files):

    stored = [
        request.requester_identity_scan for request in InfoRequest.objects.exclude(requester_identity_scan="")
    ]
    stored += [
        request.requester_proxy_letter for request in InfoRequest.objects.exclude(requester_proxy_letter="")
    ]
    stored += [document.document for document in AnswerDocument.objects.all()]
    assert len(stored) == 3
    private_root = str(settings.STORAGES["private"]["OPTIONS"]["location"])
    for upload in stored:
        assert upload.path.startswith(private_root) and not upload.path.startswith(str(settings.MEDIA_ROOT))
        assert client.get("/media/" + upload.name).status_code == 404


# --- Published records are never deleted ----------------------------------------------------------


def published_models():
    """Every model of the portal whose rows reach the public site through a `published()` gate."""

    return sorted(
        (
            model
            for model in apps.get_models()
            if model._meta.app_label in ("portal", "visits", "kim", "ppid", "ogp")
            and hasattr(model._default_manager, "published")
        ),
        key=lambda model: model._meta.label,
    )


# Records that are public without a `published()` gate of their own.
OTHER_PUBLIC_RECORDS = {
    "ppid.InfoRequest": lambda: InfoRequest.objects.public_register(),
    "ppid.AnnualReport": lambda: AnnualReport.objects.filter(is_published=True),
}
# Where the app refuses the deletion in the model itself, not only in the admin.
MODEL_LEVEL = {"visits.Visit", "ogp.Budget", "ogp.BudgetVersion", "ogp.RealisationReport"}


def public_records():
    records = {model._meta.label: model._default_manager.published() for model in published_models()}
    records.update({label: queryset() for label, queryset in OTHER_PUBLIC_RECORDS.items()})
    return records


def test_the_walk_over_published_models_covers_every_app():
    labels = {model._meta.label for model in published_models()}
    assert {"portal.OfficePage", "visits.Visit", "kim.Kim", "kim.Post", "kim.Forum", "ppid.DipItem"} <= labels
    assert {"ppid.Regulation", "ogp.BudgetVersion", "ogp.Assessment", "ogp.Commitment"} <= labels


def test_no_published_record_of_any_app_can_be_deleted_in_the_admin(client, public_site, make_staff):

    superuser = User.objects.create_superuser("super", password="correct horse battery")
    client.force_login(superuser)
    kept = {}
    for label, queryset in public_records().items():
        record = queryset.order_by("pk").first()
        assert record is not None, f"the data set has no published {label}"
        opts = record._meta
        delete_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[record.pk])
        page = client.get(delete_url).status_code
        confirm = client.post(delete_url, {"post": "yes"}).status_code
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        bulk = client.post(
            changelist, {"action": "delete_selected", "_selected_action": [str(record.pk)], "post": "yes"}
        ).status_code
        still_there = type(record)._default_manager.filter(pk=record.pk).exists()
        if (page, confirm) != (403, 403) or not still_there:
            kept[label] = (page, confirm, bulk, still_there)
    assert kept == {}


@pytest.mark.parametrize("label", sorted(MODEL_LEVEL))
def test_published_records_refuse_deletion_in_the_model_itself(public_site, label):

    record = public_records()[label].order_by("pk").first()
    with pytest.raises((ProtectedError, PublishedRecordError)), transaction.atomic():
        record.delete()
    assert type(record)._default_manager.filter(pk=record.pk).exists()


def test_a_record_taken_off_the_site_can_be_deleted(client, public_site, administrator):
    client.force_login(administrator)
    page = public_site["office_page"]
    assert (
        client.post(reverse("admin:portal_officepage_delete", args=[page.pk]), {"post": "yes"}).status_code
        == 403
    )
    OfficePage.objects.filter(pk=page.pk).update(is_published=False)
    response = client.post(reverse("admin:portal_officepage_delete", args=[page.pk]), {"post": "yes"})
    assert response.status_code == 302 and not OfficePage.objects.filter(pk=page.pk).exists()


# --- Retention: the only way personal data goes away, and it is logged -----------------------------


def test_retention_removes_the_identity_files_and_logs_every_anonymisation(
    private_files, django_capture_on_commit_callbacks, caplog
):

    info_request = InfoRequest.objects.exclude(requester_identity_scan="").get()
    answer(info_request, issued_on=TODAY)
    InfoRequest.objects.filter(pk=info_request.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=6 * 366)
    )
    files = [info_request.requester_identity_scan, info_request.requester_proxy_letter]
    storage = files[0].storage
    assert all(storage.exists(upload.name) for upload in files)
    audit_before = LogEntry.objects.get_for_object(info_request).count()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True), caplog.at_level("INFO", logger="ppid.services"):
        call_command("anonymise_ppid_requesters", stdout=out)
    info_request.refresh_from_db()
    assert info_request.anonymised_at is not None and info_request.requester_name == "—"
    assert not info_request.requester_identity_scan and not info_request.requester_proxy_letter
    assert not any(storage.exists(upload.name) for upload in files)
    # Logged three times over: the command's output, the application log and the request's own history.
    assert f"Anonymised {info_request.number}" in out.getvalue()
    assert f"anonymised {info_request.number}" in caplog.text
    event = info_request.events.get(kind=RequestEvent.Kind.ANONYMISED)
    assert "requester_identity_scan" in event.note and not event.is_public
    assert LogEntry.objects.get_for_object(info_request).count() > audit_before


# --- Data safety -----------------------------------------------------------------------------------


def test_a_request_is_confirmed_even_when_the_search_index_cannot_be_refreshed(
    client, public_site, monkeypatch, django_capture_on_commit_callbacks, caplog
):

    def locked(kind, objects):
        raise OperationalError("database table is locked")

    monkeypatch.setattr("portal.search.refresh", locked)
    with django_capture_on_commit_callbacks(execute=True), caplog.at_level("ERROR"):
        response = client.post("/ppid/permohonan/baru/", html_posts(public_site)[1][1])
    info_request = InfoRequest.objects.get(requester_name="Ani")
    # The citizen sees the number and the access code of what was saved; the failure is logged.
    assert response.status_code == 200 and info_request.number in response.content.decode()
    assert re.search(r'id="kode">[A-Z2-7-]+<', response.content.decode())
    assert "database table is locked" in caplog.text
