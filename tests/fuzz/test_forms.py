"""Every public form (POST) never fails and saves only what is valid."""

from urllib.parse import urlsplit

from django.contrib.auth.models import User
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import given
from hypothesis import strategies as st

from portal.forms import VoteForm
from portal.models import SatisfactionVote
from ppid import services as ppid_services
from ppid.forms import SurveyForm
from ppid.models import InfoRequest, Objection, PpidUnit, SurveyResponse
from tests.conftest import SEDAHKIDUL
from tests.fuzz.checks import info_request_problems, new_rows, objection_problems, text_problems, writes
from tests.fuzz.values import (
    FORM_FUZZ,
    KEEP,
    ODD_NAMES,
    VALID_BUT_HOSTILE,
    WRONG_CONTENT,
    build,
    field_plan,
    filled,
    hostile_file,
    hostile_text,
    sharp_plans,
    stray_fields,
    with_examples,
)
from tests.ppid.conftest import VALID_NIK

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
            assert response.status_code == 302 and response["Location"] == "/ppid/permohonan/terdaftar/"
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
    assert fuzz_client("post", "/ppid/permohonan/baru/", valid).status_code == 302
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
        # The session remembers the opened request; nothing else is written.
        assert [sql for sql in writes(queries) if "django_session" not in sql] == []
        shown = response.status_code == 302 and response["Location"] == "/ppid/permohonan/lacak/hasil/"
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
        return signing.Signer(salt=VoteForm.SALT).sign_object(data)

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
