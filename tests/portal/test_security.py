"""Back-office security: login lockout, two-factor sign-in, headers, page cache, replica routing."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth.models import User
from django.db import connections
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import db_routers
from portal.models import VillageOfficial
from portal.roles import Role

AXES_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]


@pytest.fixture
def axes_on(settings):
    settings.AUTHENTICATION_BACKENDS = AXES_BACKENDS


def login(client, username, password):
    return client.post(
        reverse("admin:login"), {"username": username, "password": password, "next": "/admin/"}
    )


def test_five_failed_logins_lock_the_account_and_are_recorded(client, axes_on, officer_sedahkidul):
    for _ in range(5):
        assert login(client, officer_sedahkidul.username, "wrong password").status_code in (200, 429)
    response = login(client, officer_sedahkidul.username, "correct horse battery")
    assert response.status_code == 429
    assert "30" in response.content.decode()
    assert AccessAttempt.objects.get(username=officer_sedahkidul.username).failures_since_start >= 5
    assert AccessFailureLog.objects.filter(username=officer_sedahkidul.username).count() >= 5


def test_successful_login_resets_the_failure_count(client, axes_on, officer_sedahkidul):
    login(client, officer_sedahkidul.username, "wrong password")
    assert login(client, officer_sedahkidul.username, "correct horse battery").status_code == 302
    assert not AccessAttempt.objects.filter(username=officer_sedahkidul.username).exists()


def test_password_shorter_than_12_characters_is_refused(client, administrator):
    client.force_login(administrator)
    target = User.objects.create_user("baru", password="x" * 20, is_staff=True)
    response = client.post(
        reverse("admin:auth_user_password_change", args=[target.pk]),
        {"password1": "Pendek123!", "password2": "Pendek123!"},
    )
    assert response.status_code == 200
    assert "12" in response.content.decode()
    target.refresh_from_db()
    assert target.check_password("x" * 20)


def test_staff_sessions_expire_after_inactivity(settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_AGE <= 60 * 60 * 8


@pytest.fixture
def otp_required(settings):
    settings.OTP_REQUIRED = True


@pytest.mark.parametrize(
    "role, needs_2fa",
    [
        (Role.ADMINISTRATOR, True),
        (Role.PPID_UTAMA, True),
        (Role.PPID_DESA, True),
        (Role.EDITOR, False),
        (Role.KIM_MANAGER, False),
    ],
)
def test_two_factor_is_required_for_roles_that_see_personal_data(
    client, make_staff, otp_required, role, needs_2fa
):
    user = make_staff(f"user_{role.name.lower()}", role, "35.22.18.2007")
    client.force_login(user)
    response = client.get("/admin/")
    if needs_2fa:
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/2fa/")
    else:
        assert response.status_code == 200


def test_first_sign_in_sets_up_an_authenticator_then_admin_opens(client, officer_sedahkidul, otp_required):
    client.force_login(officer_sedahkidul)
    assert client.get("/admin/2fa/")["Location"] == "/admin/2fa/setup/"
    page = client.get("/admin/2fa/setup/")
    assert "data:image/svg+xml;base64," in page.content.decode()
    device = TOTPDevice.objects.get(user=officer_sedahkidul, confirmed=False)
    wrong = client.post("/admin/2fa/setup/", {"token": "000000" if totp(device.bin_key) != 0 else "111111"})
    assert wrong.status_code == 200 and not TOTPDevice.objects.get(pk=device.pk).confirmed
    TOTPDevice.objects.get(pk=device.pk).throttle_reset()  # django-otp slows retries after a miss
    good = client.post(
        "/admin/2fa/setup/?next=/admin/portal/village/", {"token": f"{totp(device.bin_key):06d}"}
    )
    assert good["Location"] == "/admin/portal/village/"
    assert client.get("/admin/portal/village/").status_code == 200


def test_later_sign_ins_ask_for_the_current_code(client, officer_sedahkidul, otp_required):
    device = TOTPDevice.objects.create(user=officer_sedahkidul, name="hp", confirmed=True)
    client.force_login(officer_sedahkidul)
    assert client.get("/admin/portal/village/")["Location"] == "/admin/2fa/?next=/admin/portal/village/"
    assert client.post("/admin/2fa/", {"token": "abc"}).status_code == 200  # not six digits
    response = client.post("/admin/2fa/?next=/admin/", {"token": f"{totp(device.bin_key):06d}"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_two_factor_pages_refuse_anonymous_visitors(client, db):
    assert client.get("/admin/2fa/")["Location"].startswith("/admin/login/")
    assert client.get("/admin/2fa/setup/")["Location"].startswith("/admin/login/")


@pytest.mark.parametrize(
    "path", ["/", "/wilayah/", "/wilayah/35.22.18/", "/wilayah/35.22.18.2007/", "/nope/"]
)
def test_public_pages_send_a_strict_content_security_policy(client, db, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "http" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    html = response.content.decode()
    # schema.org JSON-LD is a data block, never run, so the policy need not allow it.
    code = html.replace('<script type="application/ld+json">', "")
    assert "<script" not in code and ' style="' not in html


def test_public_pages_are_cached_for_anonymous_visitors(client, db, settings):
    settings.PAGE_CACHE_SECONDS = 60
    path = "/wilayah/35.22.18.2007/"
    assert "Pak Kades" not in client.get(path).content.decode()
    VillageOfficial.objects.create(village_id="35.22.18.2007", name="Pak Kades", position="Kepala Desa")
    assert "Pak Kades" not in client.get(path).content.decode()  # served from the cache
    staff = Client()
    staff.force_login(User.objects.create_user("staf", is_staff=True))
    assert "Pak Kades" in staff.get(path).content.decode()  # signed-in staff bypass the cache
    settings.PAGE_CACHE_SECONDS = 0
    assert "Pak Kades" in client.get(path).content.decode()


def test_replica_router_reads_public_pages_from_replica_and_writes_to_primary():
    router = db_routers.PrimaryReplicaRouter()
    assert router.db_for_read(VillageOfficial) == "default"
    with db_routers.replica_reads():
        assert router.db_for_read(VillageOfficial) == "replica"
        assert router.db_for_write(VillageOfficial) == "default"
    assert router.allow_migrate("replica", "portal") is False


def test_replica_reads_middleware_keeps_admin_and_posts_on_the_primary(rf):
    from portal.middleware import ReplicaReadsMiddleware

    seen = {}

    def view(request):
        seen[request.method + " " + request.path] = db_routers._replica_reads.get()
        return None

    middleware = ReplicaReadsMiddleware(view)
    middleware(rf.get("/apbdes/"))
    middleware(rf.post("/penilaian/"))
    middleware(rf.get("/admin/"))
    middleware(rf.get("/ppid/permohonan/lacak/"))
    assert seen == {
        "GET /apbdes/": True,
        "POST /penilaian/": False,
        "GET /admin/": False,
        "GET /ppid/permohonan/lacak/": False,
    }
    assert "replica" not in connections.settings or connections.settings["replica"]


def test_cached_pages_are_compressed_once_and_served_compressed(
    client, db, settings, django_assert_num_queries
):
    import gzip

    settings.PAGE_CACHE_SECONDS = 60
    path = "/wilayah/35.22.18.2007/"
    first = client.get(path, headers={"accept-encoding": "gzip"})
    assert first["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in first["Vary"]
    html = gzip.decompress(first.content).decode()
    assert "<html" in html
    with django_assert_num_queries(0):
        again = client.get(path, headers={"accept-encoding": "gzip"})
    assert again["Content-Encoding"] == "gzip"
    assert gzip.decompress(again.content).decode() == html
    plain = client.get(path)
    assert not plain.has_header("Content-Encoding")
    assert plain.content.decode() == html
