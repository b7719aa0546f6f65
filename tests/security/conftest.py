"""The data set of the security tests: one published thing of every kind, and the page lists.

`public_site` is built through each app's own services and test helpers, so every page type
renders with content; `html_pages`, `html_posts` and `data_pages` list what the tests walk.
"""

import copy
import datetime
import io

import pytest
from django.contrib.auth.models import User
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from kim.models import Forum
from ogp import demo as ogp_demo
from ogp.models import Commitment
from portal import demo as portal_demo
from portal.models import OfficePage
from portal.roles import Role
from ppid import services as ppid_services
from ppid.forms import SurveyForm
from ppid.models import (
    AnnualReport,
    Regulation,
    ServiceStandard,
)
from tests.conftest import SEDAHKIDUL, create_staff
from tests.integration.conftest import (  # noqa: F401
    fill_portal,
    make_kim,
    make_visit,
    portal,
    post_in_state,
    publish_budget,
    register,
    sendang_potro,
    unit_sedahkidul,
)
from tests.kim.conftest import register_kim
from tests.ogp.conftest import ORIGINAL, publish_realisation_report, publish_report  # noqa: F401
from tests.ppid.conftest import _village_unit, answer, make_requester
from tests.sample_files import pdf_bytes
from tests.shared_data import media_under, shared_for_module
from tests.visits.conftest import create_magelang, magelang, visit_maker  # noqa: F401

TODAY = timezone.localdate()


def _ppid_records(unit):
    """An answered and refused request with its notice, an objection, and a surveyed request."""
    received = TODAY - datetime.timedelta(days=7)
    answered = ppid_services.register_request(
        unit=unit,
        requester=make_requester(name="Budi Santoso"),
        information_requested="Salinan RKP Desa",
        purpose="Kajian",
        obtain_method="softcopy",
        delivery_method="email",
        received_on=received,
    )
    document = SimpleUploadedFile("rkp.pdf", pdf_bytes("RKP Desa"), content_type="application/pdf")
    answer(answered.request, decision="refused", issued_on=TODAY, documents=[("RKP Desa", document)])
    objection = ppid_services.file_objection(
        info_request=answered.request, grounds=["a"], statement="Informasi ini bukan rahasia."
    )
    surveyed_registration = ppid_services.register_request(
        unit=unit,
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
    return {
        "answered": answered,
        "objection": objection,
        "surveyed": surveyed,
        "surveyed_registration": surveyed_registration,
    }


def _reference_pages():
    """A regulation, the maklumat, the annual report text and the KIM forum."""
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
    return {"regulation": regulation, "annual_report": annual_report, "forum": forum}


@pytest.fixture(scope="module")
def public_site_for_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """`portal` (one of everything about Desa Sedahkidul) plus what the remaining page types show,
    built once for the module's tests (`tests.shared_data`).

    Adds an answered request with its notice, an objection and a survey, a
    realisation report, the openness index, the OGP plan, office pages, a
    regulation, the maklumat, the annual report text and the KIM forum.
    """
    root = tmp_path_factory.mktemp("public-site")
    capture = TestCase.captureOnCommitCallbacks
    with shared_for_module(django_db_blocker, root):
        site = fill_portal(
            make_visit=visit_maker(create_magelang()),
            kim=register_kim("KIM Sendang Potro", SEDAHKIDUL, slug="sendang-potro"),
            editor=create_staff("editor_diskominfo", Role.EDITOR),
            unit=_village_unit(SEDAHKIDUL, "desa-sedahkidul"),
            capture=capture,
        )
        with capture(execute=True):
            records = _ppid_records(site["request"].unit)
            report = publish_realisation_report(
                ORIGINAL, [line[5] // 2 for line in ORIGINAL], year=TODAY.year
            )
            ogp_demo.load_openness_index(io.StringIO())
            ogp_demo.load_action_plan(io.StringIO())
            portal_demo.load_office_pages(io.StringIO())
        yield (
            root,
            {
                **site,
                **records,
                **_reference_pages(),
                "report": report,
                "commitment": Commitment.objects.published().first(),
                "office_page": OfficePage.objects.published().first(),
            },
        )


@pytest.fixture
def public_site(public_site_for_module, db, settings):
    """The module's `public_site_for_module`, with this test's files where it wrote its own;
    each test's writes are undone, and each gets its own copy of the objects."""
    root, site = public_site_for_module
    media_under(settings, root)
    return copy.deepcopy(site)


@pytest.fixture
def editor(request, make_staff):
    """The editor; beside `public_site`, the one the site was built with."""
    if "public_site" in request.fixturenames:
        return User.objects.get(username="editor_diskominfo")
    return make_staff("editor_diskominfo", Role.EDITOR)


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


@pytest.fixture
def private_files(public_site, django_capture_on_commit_callbacks):
    """A desk request with an identity scan and a power of attorney, and an answer document."""
    with django_capture_on_commit_callbacks(execute=True):
        registration = ppid_services.register_request(
            unit=public_site["request"].unit,
            requester=make_requester(
                identity_scan=SimpleUploadedFile("ktp.pdf", pdf_bytes("KTP"), content_type="application/pdf"),
                is_proxy=True,
                proxy_letter=SimpleUploadedFile(
                    "kuasa.pdf", pdf_bytes("KUASA"), content_type="application/pdf"
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
            pdf_bytes("KTP"),
        ),
        "power of attorney": (
            reverse("admin:ppid_inforequest_file", args=[info_request.pk, "kuasa"]),
            pdf_bytes("KUASA"),
        ),
        "answer document": (
            reverse("admin:ppid_answerdocument_download", args=[document.pk]),
            pdf_bytes("RKP Desa"),
        ),
    }
