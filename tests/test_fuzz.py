"""Property-based fuzzing of every public form, query string and address parameter.

Hypothesis sends random and hostile values (long strings, any Unicode, control
characters and NUL bytes, emoji, SQL and HTML fragments, huge numbers, values
of the wrong type, missing and repeated fields, files of the wrong type) to

- every public POST: the request form, tracking, the objection form, the
  satisfaction survey and the page rating;
- the query string of every public page that reads one, in every app, and
  raw query strings that are not even well-formed;
- the parameters inside public addresses (numbers, codes, slugs, signed tokens).

The properties: no response is a server error, and nothing invalid is saved —
a row a form creates passes its model's validation and the domain's rules, a
submission that is invalid for certain (honeypot filled, a required field
missing) creates nothing, tracking and every GET never write to the database,
and no input comes back unescaped.

The run is derandomised (the same examples every time) and small, so it is
quick and repeatable in CI. The throttles share the cache, which is cleared
before every example so each one reaches the view.
"""

import io
import string
from urllib.parse import quote_from_bytes, urlsplit

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, currently_in_test_context, example, given, note, settings
from hypothesis import strategies as st
from PIL import Image

from portal.forms import VoteForm
from portal.models import RatedPage, SatisfactionVote
from ppid import nik as nik_rules
from ppid import services as ppid_services
from ppid.forms import TEXT_LIMIT, SurveyForm
from ppid.models import InfoRequest, Objection, PpidUnit, SurveyResponse
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
from tests.ogp.conftest import publish_report  # noqa: F401
from tests.ppid.conftest import VALID_NIK
from tests.sample_files import pdf_bytes
from tests.security.conftest import public_site  # noqa: F401
from tests.security.page_checks import inline_code
from tests.visits.conftest import magelang  # noqa: F401

TODAY = timezone.localdate()

# Quick and repeatable: the same examples on every run, no example database on disk.
FUZZ = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
FORM_FUZZ = settings(FUZZ, max_examples=25)

# --- Hostile values ------------------------------------------------------------------

HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\r\n",
    "\t\x0b\x0c",
    "\x1b[31m",
    "\u202egnp.exe",
    "\ufeff",
    "\u200b",
    "🙂🏳️‍🌈👨‍👩‍👧",
    "' OR '1'='1' --",
    "1; DROP TABLE ppid_inforequest; --",
    '" onmouseover="alert(1)',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "{{ 7*7 }}{% debug %}",
    "%(name)s %s %d",
    "../../../../etc/passwd",
    "%00",
    "%ZZ",
    "=cmd|' /C calc'!A0",
    "0",
    "-1",
    "007",
    "1.5",
    "1e309",
    "NaN",
    "Infinity",
    "9" * 40,
    "-" + "9" * 40,
    "２０２６",
    "٣٥٢٢١٨٥٥٠٨٩٠٠٠٠١",
    "true",
    "null",
    "[]",
    "{}",
    "PPID/2026/000001",
    "ppid-2026-1",
    "PPID/9999/999999999",
    "KEB/2026/000001",
    "35.22.18.2007",
    "35.22",
    "99.99.99.9999",
    "semester1",
    "akhir",
    "x" * 6000,
    "Ꭿ" * 300,
]

unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # lone surrogates cannot be sent at all
    max_size=80,
)
hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    unicode_text,
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.lists(st.sampled_from(HOSTILE), min_size=2, max_size=3).map("".join),
)
# A field sent once, repeated with several values, or as an empty list.
hostile_value = st.one_of(hostile_text, st.lists(hostile_text, min_size=2, max_size=3))
# Field names that no form expects.
stray_names = st.one_of(
    st.sampled_from(["id", "pk", "status", "is_sample", "csrfmiddlewaretoken", "__proto__", "a[]", ""]),
    st.text(alphabet=string.ascii_letters + "_[]", min_size=1, max_size=12),
)
stray_fields = st.dictionaries(stray_names, hostile_value, max_size=3)


def _png(size=(300, 300), image_format="PNG"):

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(buffer, image_format)
    return buffer.getvalue()


# Files whose content is not what their name says (built fresh: an upload is read once).
WRONG_CONTENT = [
    ("ktp.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "application/pdf"),
    ("ktp.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg"),
    ("ktp.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "image/png"),
    ("ktp.pdf", b"", "application/pdf"),
    ("ktp.pdf", b"PK\x03\x04not really a zip", "application/pdf"),
    ("ktp.jpg", b"GIF89a" + b"\x00" * 40, "image/jpeg"),
    ("ktp.jpg", _png((20, 20), "GIF"), "image/jpeg"),
]
# Genuine PDFs under hostile names: accepted, but the name must never reach storage.
ODD_NAMES = [
    ("../../ktp.pdf", pdf_bytes("kecil"), "application/pdf"),
    ("k\x00tp.pdf", pdf_bytes("kecil"), "application/pdf"),
    ("ktp" + "x" * 300 + ".pdf", pdf_bytes("kecil"), "application/pdf"),
    ("<script>.pdf", pdf_bytes("kecil"), "application/pdf"),
]
hostile_file = st.sampled_from(WRONG_CONTENT + ODD_NAMES)

KEEP, DROP = "keep", "drop"


def field_plan(names):
    """For each field: keep the valid value, send a hostile one, or leave the field out."""
    return st.fixed_dictionaries(
        {name: st.one_of(st.just(KEEP), st.just(DROP), hostile_value) for name in names}
    )


def build(valid, plan, stray):
    data = {}
    for name, choice in plan.items():
        if isinstance(choice, str) and choice == KEEP:
            if name in valid:
                data[name] = valid[name]
        elif isinstance(choice, str) and choice == DROP:
            continue
        else:
            data[name] = choice
    for name, value in stray.items():
        data.setdefault(name, value)
    return data


def filled(value):
    """Whether a field value is non-blank, as a stripped CharField sees it."""
    values = value if isinstance(value, list) else [value]
    return bool(values) and bool(str(values[-1]).strip())


# The values most likely to break something, each sent in every field on its own as well as
# at random, so no run can miss them: a NUL byte, a number beyond any database integer and a
# value far longer than any column.
SHARP = ["\x00", "9" * 40, "x" * 6000]


def sharp_plans(names):
    """Field plans that keep every valid value but put one sharp value in one field."""
    return [{other: value if other == name else KEEP for other in names} for name in names for value in SHARP]


# Hostile to a careless page, yet a perfectly valid statement or suggestion: these must be
# saved as typed and shown escaped.
VALID_BUT_HOSTILE = [
    "<script>alert(1)</script>",
    "' OR '1'='1' --",
    "{{ 7*7 }} %(name)s",
    "🙂 \u202egnp.exe \u200b",
    "=cmd|' /C calc'!A0",
]


def with_examples(check, examples):
    for kwargs in examples:
        check = example(**kwargs)(check)
    return check


# --- What may be saved -----------------------------------------------------------------


def writes(queries):
    """The statements among captured queries that change the database."""
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def text_problems(label, value):
    """NUL bytes never belong in stored text (PostgreSQL refuses them; exports and e-mails break)."""
    return [f"{label} holds a NUL byte"] if "\x00" in (value or "") else []


def info_request_problems(info_request, units):
    problems = []
    try:
        info_request.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        problems.append(f"model validation: {error.message_dict}")
    if info_request.unit_id not in units:
        problems.append("addressed to a unit that is not published")
    if info_request.requester_kind == InfoRequest.RequesterKind.PERSON:
        try:
            nik_rules.validate_nik(info_request.requester_nik)
        except ValidationError:
            problems.append(f"invalid NIK {info_request.requester_nik!r}")
    if not info_request.requester_phone and not info_request.requester_email:
        problems.append("no way to reach the requester")
    for name in ("requester_name", "requester_address", "information_requested", "purpose"):
        value = getattr(info_request, name)
        if not value.strip():
            problems.append(f"{name} is blank")
        problems += text_problems(name, value)
    for name in ("information_requested", "purpose"):
        if len(getattr(info_request, name)) > TEXT_LIMIT:
            problems.append(f"{name} is longer than {TEXT_LIMIT}")
    for name in ("requester_identity_scan", "requester_proxy_letter"):
        upload = getattr(info_request, name)
        if upload:
            with upload.open("rb") as stored:
                head = stored.read(8)
            if not head.startswith((b"%PDF-", b"\xff\xd8\xff", b"\x89PNG", b"RIFF")):
                problems.append(f"{name} holds a file that is not a PDF or a photo: {head!r}")
    return problems


def objection_problems(objection, allowed):
    problems = []
    grounds = {letter for letter in "abcdefg" if getattr(objection, f"ground_{letter}")}
    if not grounds:
        problems.append("no ground")
    if not grounds <= allowed:
        problems.append(f"grounds {sorted(grounds - allowed)} do not apply")
    if not objection.statement.strip() or len(objection.statement) > TEXT_LIMIT:
        problems.append("statement blank or too long")
    return problems + text_problems("statement", objection.statement)


def new_rows(model, before_ids):
    return list(model.objects.exclude(pk__in=before_ids))


@pytest.fixture
def site(public_site):  # noqa: F811
    """One published thing of every kind (see tests/security/conftest.py)."""
    return public_site


@pytest.fixture
def fuzz_client(client, django_capture_on_commit_callbacks):
    """Send one request as a fresh visitor: throttles reset, after-commit work (e-mails) run.

    Every HTML answer is also checked for inline code, so input reflected
    without escaping (``<script>``, an ``onmouseover=`` breaking out of an
    attribute) fails the run.
    """

    def send(method, path, data=None, **extra):
        cache.clear()
        client.cookies.clear()
        with django_capture_on_commit_callbacks(execute=True):
            if method == "post":
                response = client.post(path, data or {}, **extra)
            else:
                response = client.get(path, data, **extra)
        if response.streaming:
            b"".join(response.streaming_content)  # errors in a streamed body surface here
        elif response.get("Content-Type", "").startswith("text/html"):
            # Whatever was sent comes back escaped: no input makes a page carry code.
            assert inline_code(response.content.decode()) == []
        if currently_in_test_context():
            note(f"{method.upper()} {path} {data!r} -> {response.status_code}")
        return response

    return send


# --- Public forms (POST) -------------------------------------------------------------------


def request_form_data(site):
    return {
        "requester_kind": "person",
        "requester_name": "Sri Wulandari",
        "requester_nik": VALID_NIK,
        "requester_entity_decree": "",
        "requester_address": "Jalan Mawar 1, Sedahkidul",
        "requester_occupation": "Guru",
        "requester_phone": "081234567890",
        "requester_email": "sri@example.org",
        "is_proxy": "",
        "unit": str(site["request"].unit.pk),
        "information_requested": "Salinan APB Desa Sedahkidul 2025",
        "purpose": "Pengawasan pembangunan",
        "obtain_method": "softcopy",
        "delivery_method": "email",
        "website": "",
    }


REQUEST_REQUIRED = ("requester_kind", "requester_name", "requester_address", "unit", "information_requested")


def test_request_form_never_fails_and_saves_only_valid_requests(fuzz_client, site):
    valid = request_form_data(site)
    units = set(PpidUnit.objects.published().values_list("pk", flat=True))

    @FORM_FUZZ
    @given(
        plan=field_plan(list(valid)),
        stray=stray_fields,
        scan=st.one_of(st.none(), hostile_file),
        letter=st.one_of(st.none(), hostile_file),
    )
    def check(plan, stray, scan, letter):
        data = build(valid, plan, stray)
        for name, upload in (("requester_identity_scan", scan), ("requester_proxy_letter", letter)):
            if upload:
                data[name] = SimpleUploadedFile(*upload)
        before = set(InfoRequest.objects.values_list("pk", flat=True))
        response = fuzz_client("post", "/ppid/permohonan/baru/", data)
        assert response.status_code < 500
        created = new_rows(InfoRequest, before)
        certainly_invalid = (
            filled(data.get("website", ""))
            or any(name not in data for name in REQUEST_REQUIRED)
            or scan in WRONG_CONTENT
            or letter in WRONG_CONTENT
        )
        if certainly_invalid:
            assert created == [], "an invalid request was saved"
        for info_request in created:
            assert info_request_problems(info_request, units) == []
            assert response.status_code == 200 and info_request.number in response.content.decode()
            for stored in (info_request.requester_identity_scan, info_request.requester_proxy_letter):
                assert "ktp" not in stored.name and ".." not in stored.name and "<" not in stored.name

    all_valid = dict.fromkeys(valid, KEEP)
    files = [
        {"plan": all_valid, "stray": {}, "scan": upload, "letter": None}
        for upload in WRONG_CONTENT + ODD_NAMES
    ] + [{"plan": all_valid, "stray": {}, "scan": None, "letter": upload} for upload in WRONG_CONTENT]
    sharp = [{"plan": plan, "stray": {}, "scan": None, "letter": None} for plan in sharp_plans(valid)]
    with_examples(check, sharp + files)()
    # Genuine scans under odd names were kept (under names of the portal's own making).
    assert InfoRequest.objects.exclude(requester_identity_scan="").count() >= len(ODD_NAMES)
    # The valid submission itself goes through: the fuzzing reached the service.
    before = InfoRequest.objects.count()
    assert fuzz_client("post", "/ppid/permohonan/baru/", valid).status_code == 200
    assert InfoRequest.objects.count() == before + 1


def test_tracking_never_fails_and_never_writes(fuzz_client, site):
    registration = site["answered"]
    valid = {"number": registration.request.number, "code": registration.access_code, "website": ""}

    @FORM_FUZZ
    @given(plan=field_plan(list(valid)), stray=stray_fields)
    def check(plan, stray):
        data = build(valid, plan, stray)
        with CaptureQueriesContext(connection) as queries:
            response = fuzz_client("post", "/ppid/permohonan/lacak/", data)
        assert response.status_code < 500
        assert writes(queries) == []
        shown = registration.request.number in response.content.decode() and "ppid/tracking.html" in [
            t.name for t in response.templates
        ]
        if shown:
            assert data.get("code") == valid["code"] and not filled(data.get("website", ""))
            found.append(data)

    found = []
    examples = [{"plan": plan, "stray": {}} for plan in sharp_plans(valid)]
    with_examples(check, [*examples, {"plan": dict.fromkeys(valid, KEEP), "stray": {}}])()
    assert found, "no example reached the tracking page"


def test_objection_form_never_fails_and_saves_only_valid_objections(fuzz_client, site):
    registration = site["surveyed_registration"]
    info_request = registration.request
    allowed = ppid_services.allowed_grounds(info_request)
    valid = {
        "number": info_request.number,
        "code": registration.access_code,
        "grounds": ["b"],
        "statement": "Informasi yang diberikan tidak sesuai permintaan.",
        "website": "",
    }

    @FORM_FUZZ
    @given(plan=field_plan(list(valid)), stray=stray_fields)
    def check(plan, stray):
        data = build(valid, plan, stray)
        before = set(Objection.objects.values_list("pk", flat=True))
        response = fuzz_client("post", "/ppid/keberatan/baru/", data)
        assert response.status_code < 500
        created = new_rows(Objection, before)
        certainly_invalid = filled(data.get("website", "")) or any(
            name not in data for name in ("number", "code", "grounds", "statement")
        )
        if certainly_invalid:
            assert created == []
        for objection in created:
            assert objection_problems(objection, allowed) == []
            saved.append(objection.statement)
            # Keep the request open to further examples: withdraw what a valid example filed.
            Objection.objects.filter(pk=objection.pk).delete()

    saved = []
    examples = [{"plan": plan, "stray": {}} for plan in sharp_plans(valid)]
    examples += [
        {"plan": {**dict.fromkeys(valid, KEEP), "statement": text}, "stray": {}} for text in VALID_BUT_HOSTILE
    ]
    with_examples(check, examples)()
    assert set(VALID_BUT_HOSTILE) <= set(saved)


def test_survey_never_fails_and_records_only_valid_scores(fuzz_client, site):
    info_request = site["answered"].request
    valid = {"token": SurveyForm.make_token(info_request), **{f"q{n}": "3" for n in range(1, 10)}}
    valid.update(suggestion="Lebih cepat.", website="")

    @FORM_FUZZ
    @given(plan=field_plan(list(valid)), stray=stray_fields)
    def check(plan, stray):
        data = build(valid, plan, stray)
        before = set(SurveyResponse.objects.values_list("pk", flat=True))
        response = fuzz_client("post", "/ppid/permohonan/survei/", data)
        assert response.status_code < 500
        created = new_rows(SurveyResponse, before)
        if filled(data.get("website", "")) or "token" not in data:
            assert created == []
        for survey in created:
            assert survey.request_id == info_request.pk
            assert set(survey.scores) <= {1, 2, 3, 4} and len(survey.scores) == 9
            assert text_problems("suggestion", survey.suggestion) == []
            saved.append(survey.suggestion)
            survey.delete()  # the survey opens once per request; reopen it for the next example

    saved = []
    examples = [{"plan": plan, "stray": {}} for plan in sharp_plans(valid)]
    examples += [
        {"plan": {**dict.fromkeys(valid, KEEP), "suggestion": text}, "stray": {}}
        for text in VALID_BUT_HOSTILE
    ]
    with_examples(check, examples)()
    assert set(VALID_BUT_HOSTILE) <= set(saved)


def test_page_rating_never_fails_and_saves_only_valid_votes(fuzz_client, site):
    page = f"/wilayah/{SEDAHKIDUL}/"

    def token(data):
        return signing.dumps(data, salt=VoteForm.SALT)

    valid = {"choice": "4", "token": token({"path": page, "title": "Sedahkidul"})}
    # Signed by the site, yet not a page a vote can belong to.
    not_a_page = st.sampled_from(
        [
            token({"path": "//evil.example/", "title": "x"}),
            token({"path": "https://evil.example/"}),
            token({"title": "tanpa path"}),
            token(["/"]),
            token({"path": "/\x00"}),
            token({"path": "/a\nb/"}),
            token({"path": "/" + "x" * 3000}),
            signing.dumps({"path": page}, salt="another-salt"),
        ]
    )
    odd_title = hostile_text.map(lambda title: token({"path": page, "title": title}))
    origins = st.sampled_from(["http://testserver", "null", "http://evil.example", "", "testserver", None])

    @FORM_FUZZ
    @given(
        plan=field_plan(list(valid)),
        stray=stray_fields,
        forged=st.one_of(st.none(), not_a_page),
        titled=st.one_of(st.none(), odd_title),
        origin=origins,
    )
    def check(plan, stray, forged, titled, origin):
        data = build(valid, plan, stray)
        if forged or titled:
            data["token"] = forged or titled
        headers = {} if origin is None else {"HTTP_ORIGIN": origin}
        before = set(SatisfactionVote.objects.values_list("pk", flat=True))
        response = fuzz_client("post", "/penilaian/", data, **headers)
        assert response.status_code < 500
        created = new_rows(SatisfactionVote, before)
        if origin != "http://testserver" or forged or "token" not in data:
            assert created == []
        for vote in created:
            assert vote.choice in (1, 2, 3, 4) and vote.page.path == page
            assert vote.page.title.isprintable() and len(vote.page.title) <= 255
        if response.status_code == 302:
            assert response["Location"].startswith("/") and not response["Location"].startswith("//")
        SatisfactionVote.objects.filter(pk__in=[v.pk for v in created]).delete()

    sharp = [
        {"plan": plan, "stray": {}, "forged": None, "titled": None, "origin": "http://testserver"}
        for plan in sharp_plans(valid)
    ]
    with_examples(check, sharp)()
    assert fuzz_client("post", "/penilaian/", valid, HTTP_ORIGIN="http://testserver").status_code == 302
    assert SatisfactionVote.objects.filter(page__path=page, choice=4).exists()


def test_admin_sign_in_never_fails_and_never_signs_in_with_wrong_credentials(fuzz_client, site, settings):

    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    User.objects.create_user("petugas", password="correct horse battery", is_staff=True)
    valid = {"username": "petugas", "password": "correct horse battery", "next": "/admin/"}

    @FORM_FUZZ
    @given(plan=field_plan(list(valid)), stray=stray_fields)
    def check(plan, stray):
        data = build(valid, plan, stray)
        response = fuzz_client("post", "/admin/login/", data)
        assert response.status_code < 500
        signed_in = response.status_code == 302 and response.wsgi_request.user.is_authenticated
        if signed_in:
            assert (data.get("username"), data.get("password")) == ("petugas", "correct horse battery")
            assert urlsplit(response["Location"]).netloc in ("", "testserver")  # never to another site

    with_examples(check, [{"plan": plan, "stray": {}} for plan in sharp_plans(valid)])()


# --- Query strings (GET) -------------------------------------------------------------------


def query_targets(site):
    """Every public page that reads its query string, with the parameters it reads."""
    year = TODAY.year
    budget = f"/apbdes/{year}/{SEDAHKIDUL}/"
    return {
        "portal": [
            ("/wilayah/", ["q"]),
            ("/cari/", ["q", "jenis", "page"]),
            ("/bahasa/en/", ["next"]),
            ("/bahasa/id/", ["next"]),
        ],
        "visits_kim": [
            ("/kunjungan/", ["tahun", "provinsi", "jenis_instansi", "topik", "jenis", "page"]),
            ("/kim/", ["q", "kecamatan", "tingkat", "status", "website", "urut", "page"]),
            ("/kim/kabar/", ["kecamatan", "kim", "page"]),
        ],
        "ppid": [
            ("/ppid/unit/", ["jenis"]),
            ("/ppid/maklumat/", ["versi"]),
            ("/ppid/dip/", ["q", "unit", "category", "year", "page"]),
            ("/ppid/register/", ["unit", "status", "year", "urut", "page"]),
            ("/ppid/statistik/", ["tahun", "urut"]),
            ("/ppid/ikm/", ["tahun"]),
            ("/ppid/permohonan/baru/", ["unit"]),
            ("/ppid/permohonan/lacak/", ["nomor"]),
            ("/ppid/keberatan/baru/", ["nomor"]),
        ],
        "ogp": [
            ("/apbdes/", ["kecamatan", "urut", "arah"]),
            (f"/apbdes/{year}/", ["kecamatan", "urut", "arah"]),
            (budget, ["versi", "laporan"]),
            (f"/apbdes/{year}/{SEDAHKIDUL}.csv", ["versi", "laporan"]),
            (f"/apbdes/{year}/{SEDAHKIDUL}.json", ["versi", "laporan"]),
            ("/apbdes/api/ringkasan/", ["tahun", "kecamatan", "desa", "page", "page_size"]),
            ("/apbdes/api/versi/", ["tahun", "kecamatan", "desa", "page", "page_size"]),
        ],
    }


# Raw query strings that no form would produce: stray separators, bad escapes, bytes that are not UTF-8.
raw_query = st.lists(
    st.one_of(
        st.sampled_from(["&", "=", "%", "%00", "%ZZ", "%FF%FE", "%C3%28", "+", ";", "[]", "%E2%80%AE", "#"]),
        st.text(alphabet=string.ascii_letters + string.digits + "-._~", max_size=8),
        st.binary(max_size=6).map(quote_from_bytes),
    ),
    max_size=12,
).map("".join)


def fuzz_query_strings(fuzz_client, targets):
    for path, names in targets:
        query_check(fuzz_client, path, names)()


def query_check(fuzz_client, path, names):
    """A Hypothesis test of one page's query string."""
    params = st.dictionaries(st.one_of(st.sampled_from(names), stray_names), hostile_value, max_size=5)

    @FUZZ
    @given(params=params, raw=st.one_of(st.none(), raw_query), known=st.sampled_from(names))
    def check(params, raw, known):
        with CaptureQueriesContext(connection) as queries:
            if raw is None:
                response = fuzz_client("get", path, params)
            else:
                response = fuzz_client("get", f"{path}?{known}={raw}&{raw}")
        assert response.status_code < 500
        assert writes(queries) == [], "a GET wrote to the database"
        if response.status_code in (301, 302):
            location = response["Location"]
            assert location.startswith("/") and not location.startswith(("//", "/\\")), location

    sharp = [{"params": {name: value}, "raw": None, "known": name} for name in names for value in SHARP[:2]]
    return with_examples(check, sharp)


def test_portal_query_strings_never_cause_a_server_error(fuzz_client, site):
    fuzz_query_strings(fuzz_client, query_targets(site)["portal"])


def test_visit_and_kim_query_strings_never_cause_a_server_error(fuzz_client, site):
    fuzz_query_strings(fuzz_client, query_targets(site)["visits_kim"])


def test_ppid_query_strings_never_cause_a_server_error(fuzz_client, site):
    fuzz_query_strings(fuzz_client, query_targets(site)["ppid"])


def test_budget_and_openness_query_strings_never_cause_a_server_error(fuzz_client, site):
    fuzz_query_strings(fuzz_client, query_targets(site)["ogp"])


# --- Parameters inside public addresses -------------------------------------------------------

segment = st.one_of(
    st.sampled_from(HOSTILE).map(lambda text: quote_from_bytes(text.encode())),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.text(alphabet=string.ascii_letters + string.digits + ".-_", min_size=1, max_size=30),
    st.binary(min_size=1, max_size=8).map(quote_from_bytes),
)
ADDRESS_PATTERNS = [
    "/wilayah/{}/",
    "/kunjungan/{}/",
    "/kim/{}/",
    "/kim/kabar/{}/",
    "/tentang/{}/",
    "/ppid/unit/{}/",
    "/ppid/dip/{}/",
    "/ppid/permohonan/{}/",
    "/ppid/permohonan/dokumen/{}/",
    "/ppid/permohonan/pemberitahuan/{}/",
    "/ppid/laporan/{}/",
    "/ppid/laporan/{}.csv",
    "/apbdes/{}/",
    "/apbdes/2026/{}/",
    "/apbdes/{}/35.22.18.2007/",
    "/apbdes/{}/35.22.18.2007.json",
    "/apbdes/{}/baris.csv",
    "/apbdes/{}/ringkasan.json",
    "/apbdes/api/versi/{}/",
    "/keterbukaan/{}/",
    "/ogp/{}/",
    "/bahasa/{}/",
    "/sitemap-{}.xml",
]
NUMBERED = ["/ppid/dip/{}/", "/ppid/laporan/{}/", "/apbdes/api/versi/{}/"]


def test_address_parameters_never_cause_a_server_error(fuzz_client, site):
    @settings(FUZZ, max_examples=120)
    @given(pattern=st.sampled_from(ADDRESS_PATTERNS), value=segment)
    def check(pattern, value):
        response = fuzz_client("get", pattern.format(value))
        assert response.status_code < 500

    check()
    # Numbers far beyond any database integer, where the address takes a number.
    for pattern in NUMBERED:
        for number in ("9" * 19, "9" * 30, "1" + "0" * 25):
            assert fuzz_client("get", pattern.format(number)).status_code == 404, pattern


# --- What the fuzzing found ----------------------------------------------------------------------


def test_village_search_drops_control_characters_and_still_finds_the_village(client, db):
    # A NUL byte reached the database, which PostgreSQL refuses with a server error.
    response = client.get("/wilayah/", {"q": "\x00sedahkidul\x07"})
    assert response.status_code == 200
    assert [village.code for village in response.context["results"]] == [SEDAHKIDUL]


def test_request_form_ignores_a_unit_address_that_is_not_a_slug(client, site):
    unit = site["request"].unit
    chosen = f'<option value="{unit.pk}" selected>'
    assert chosen in client.get("/ppid/permohonan/baru/", {"unit": unit.slug}).content.decode()
    for odd in (f"{unit.slug}\x00", "\x00", "desa sedahkidul", "../admin"):
        response = client.get("/ppid/permohonan/baru/", {"unit": odd})
        assert response.status_code == 200 and chosen not in response.content.decode()


@pytest.mark.parametrize("path", ["/\x00", "/a\nb/", "/" + "x" * 300, "//evil.example/", "relative/"])
def test_a_vote_is_refused_for_a_path_that_cannot_be_a_stored_page(client, db, path):
    token = signing.dumps({"path": path, "title": "x"}, salt=VoteForm.SALT)
    response = client.post("/penilaian/", {"choice": 4, "token": token}, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 302 and response["Location"] == "/#penilaian"
    assert not SatisfactionVote.objects.exists() and not RatedPage.objects.exists()


def test_a_vote_keeps_the_page_title_free_of_control_characters(client, db):
    token = signing.dumps(
        {"path": "/wilayah/", "title": "Desa\x00 Sedah\r\nkidul\x1b[31m"}, salt=VoteForm.SALT
    )
    client.post("/penilaian/", {"choice": 4, "token": token}, HTTP_ORIGIN="http://testserver")
    assert RatedPage.objects.get().title == "Desa Sedah kidul [31m"


def test_an_overlong_username_at_sign_in_is_counted_as_a_failure_not_a_server_error(client, db, settings):

    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    response = client.post("/admin/login/", {"username": "x" * 6000, "password": "salah", "next": "/admin/"})
    assert response.status_code == 200
    assert AccessAttempt.objects.get().username == "x" * 255
