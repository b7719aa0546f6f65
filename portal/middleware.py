"""Request middleware of the portal core.

- `StaffTwoFactorMiddleware`: admin pages need a verified second factor for
  the roles `portal.two_factor` names.
- `PublicPageCache*`: whole public pages are cached in the shared cache for
  ``PAGE_CACHE_SECONDS`` for visitors without a session or pending messages,
  so a spike of citizens costs one render per page per minute. Django's
  GZipMiddleware sits between the two, so a page is stored compressed (one
  entry per Accept-Encoding) and a hit costs no compression.
- `AuditlogMiddleware`: django-auditlog's, recording the client address that
  `portal.client_address` gives instead of a forgeable ``X-Forwarded-For``.
- `UserFileHeadersMiddleware`: files handed out by views (private documents)
  get the same headers as public media (`portal.uploads.serving`).
- `SessionLifetimeMiddleware`: a signed-in session ends ``STAFF_SESSION_MAX_SECONDS``
  after sign-in however active it is (the idle limit is SESSION_COOKIE_AGE).
- `PermissionsPolicyMiddleware`: every answer denies camera, microphone,
  location and the other powerful browser features the portal never uses.
- `ReplicaReadsMiddleware`: public GET pages may read from the read replica;
  writes, the admin and PPID requests stay on the primary.
- `LanguageMiddleware`: a page speaks the language of its address (`/en/…`
  English, unprefixed Indonesian); the admin, APIs, feeds and data files the
  visitor's choice (`portal.languages`). Pages vary by address only, so the
  page cache keeps one entry per page and language.
"""

import time

from auditlog.middleware import AuditlogMiddleware as BaseAuditlogMiddleware
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import FileResponse
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from . import db_routers, languages, two_factor
from .client_address import client_address
from .uploads import serving

# Cookies that mean the visitor may see something personal on the page.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages", "pengunjung")


class StaffTwoFactorMiddleware:
    OPEN_PATHS = ("/admin/login/", "/admin/logout/", "/admin/2fa/", "/admin/jsi18n/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if (
            path.startswith("/admin/")
            and not path.startswith(self.OPEN_PATHS)
            and two_factor.required_for(request.user)
            and not request.user.is_verified()
        ):
            return redirect(f"{reverse('two_factor_verify')}?next={path}")
        return self.get_response(request)


def _cacheable(request):
    return settings.PAGE_CACHE_SECONDS > 0 and not any(name in request.COOKIES for name in PERSONAL_COOKIES)


class PublicPageCacheUpdateMiddleware(UpdateCacheMiddleware):
    def __init__(self, get_response):
        super().__init__(get_response)
        self.page_timeout = None

    def _should_update_cache(self, request, response):
        if not _cacheable(request) or request.path.startswith(("/admin/", "/healthz")):
            return False
        self.cache_timeout = settings.PAGE_CACHE_SECONDS
        return super()._should_update_cache(request, response)


class PublicPageCacheFetchMiddleware(FetchFromCacheMiddleware):
    def process_request(self, request):
        if not _cacheable(request) or request.path.startswith(("/admin/", "/healthz")):
            request._cache_update_cache = False
            return None
        return super().process_request(request)


class ReplicaReadsMiddleware:
    """Lets public GET pages read from the replica; all else stays on the primary."""

    PRIMARY_PATHS = ("/admin/", "/ppid/permohonan/", "/ppid/keberatan/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = languages.split(request.path)[1]
        replica = request.method in ("GET", "HEAD") and not path.startswith(self.PRIMARY_PATHS)
        with db_routers.replica_reads(replica):
            return self.get_response(request)


class AuditlogMiddleware(BaseAuditlogMiddleware):
    """Audit entries carry the address the throttles and the login lockout see."""

    @staticmethod
    def _get_remote_addr(request):
        if settings.AUDITLOG_DISABLE_REMOTE_ADDR:
            return None
        return client_address(request) or None

    @staticmethod
    def _get_remote_port(request):
        return None


class UserFileHeadersMiddleware:
    """A file response never runs in the portal's origin, whichever view sent it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if isinstance(response, FileResponse) and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = serving.FILE_POLICY
            response["X-Content-Type-Options"] = "nosniff"
        return response


SIGNED_IN_AT = "portal_signed_in_at"
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer",
        "microphone", "midi", "payment", "usb", "serial", "hid", "bluetooth", "browsing-topics",
    )
)  # fmt: skip


@receiver(user_logged_in, dispatch_uid="portal-session-signed-in-at")
def _start_session_clock(sender, request, user, **kwargs):
    """Every sign-in starts the absolute lifetime afresh (a kept session keeps no old clock)."""
    if hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = int(time.time())


class SessionLifetimeMiddleware:
    """Ends a signed-in session at its absolute lifetime, however recently it was used."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            signed_in_at = request.session.setdefault(SIGNED_IN_AT, int(time.time()))
            if time.time() - signed_in_at > settings.STAFF_SESSION_MAX_SECONDS:
                logout(request)
                if request.path.startswith("/admin/"):
                    return redirect(f"{reverse('admin:login')}?next={request.path}")
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class LanguageMiddleware(LocaleMiddleware):
    """The language of a page is its address's; elsewhere the visitor's cookie or browser decides."""

    def process_request(self, request):
        from_path, _rest = languages.split(request.path_info)
        if from_path is not None:
            language = from_path
        elif languages.is_page(request.path_info):
            language = settings.LANGUAGE_CODE
        else:
            language = translation.get_language_from_request(request, check_path=False)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        if not languages.is_page(request.path_info):
            patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
