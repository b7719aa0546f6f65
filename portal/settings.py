"""Settings for Portal Keterbukaan.

Every value that differs between a laptop and production is read from the
environment in the block at the top of this file (django-environ; a `.env` file
in the project root is read too). With no environment at all the portal runs in
development mode on SQLite. `.env.example` documents every variable.
"""

import ipaddress
import sys
from pathlib import Path

import environ

from portal import production_secrets

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --- Environment -----------------------------------------------------------
DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
DATABASE_URL = env.str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASE_REPLICA_URL = env.str("DATABASE_REPLICA_URL", default="")
DB_CONN_MAX_AGE = env.int("DB_CONN_MAX_AGE", default=60)
REDIS_URL = env.str("REDIS_URL", default="")
EMAIL_URL = env.str("EMAIL_URL", default="consolemail://")
# Seconds to wait for the mail server before an attempt counts as failed (send_outbox).
EMAIL_TIMEOUT_SECONDS = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="ppid@localhost")
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private_media")))
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
S3_BUCKET = env.str("S3_BUCKET", default="")
S3_ENDPOINT_URL = env.str("S3_ENDPOINT_URL", default="")
S3_REGION = env.str("S3_REGION", default="")
S3_CUSTOM_DOMAIN = env.str("S3_CUSTOM_DOMAIN", default="")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 31536000)
TRUST_PROXY_HEADERS = env.bool("DJANGO_TRUST_PROXY_HEADERS", default=not DEBUG)
# Proxies (addresses or CIDR networks) whose X-Forwarded-For is believed; none by default.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
# Serve uploaded media from Django itself (development and single-host setups
# without nginx in front).
SERVE_MEDIA = env.bool("DJANGO_SERVE_MEDIA", default=DEBUG)
LOG_LEVEL = env.str("DJANGO_LOG_LEVEL", default="INFO")
# The deployment's territory: a Kemendagri kabupaten/kota code (PP.KK).
REGION_CODE = env.str("REGION_CODE", default="35.22")
# The communications office running the portal (shown in the header and footer).
OFFICE_NAME = env.str("OFFICE_NAME", default="Dinas Komunikasi dan Informatika")
OFFICE_ADDRESS = env.str("OFFICE_ADDRESS", default="")
OFFICE_PHONE = env.str("OFFICE_PHONE", default="")
OFFICE_EMAIL = env.str("OFFICE_EMAIL", default="")
# The government's emblem on printed letters: a static file path (img/lambang.png; PNG, JPEG or SVG).
REGION_LOGO = env.str("REGION_LOGO", default="")
# Key for personal data encrypted at rest (e.g. the requester's NIK).
FIELD_ENCRYPTION_KEY = env.str("FIELD_ENCRYPTION_KEY", default="")
# Staff sessions end after this many seconds without activity.
SESSION_COOKIE_AGE = env.int("STAFF_SESSION_SECONDS", default=60 * 60 * 2)
# Staff sessions end this many seconds after sign-in, however active (default 12 hours).
STAFF_SESSION_MAX_SECONDS = env.int("STAFF_SESSION_MAX_SECONDS", default=60 * 60 * 12)
# Roles that must use two-factor authentication in the admin.
OTP_REQUIRED = env.bool("OTP_REQUIRED", default=not DEBUG)
# Working days: whether cuti bersama (collective leave) days are skipped.
PPID_SKIP_CUTI_BERSAMA = env.bool("PPID_SKIP_CUTI_BERSAMA", default=True)
# Whether requesters may ask for answers by WhatsApp (a common practice, not statute).
PPID_WHATSAPP_DELIVERY = env.bool("PPID_WHATSAPP_DELIVERY", default=True)
# The portal's public address, for links in e-mails (https://portal.example.go.id).
# Required in production: a message's links must work outside the site.
SITE_URL = env.str("SITE_URL", default="").rstrip("/")
# Years after a request closes before the requester's personal data is anonymised.
PPID_RETENTION_YEARS = env.int("PPID_RETENTION_YEARS", default=5)
# Harvesting village OpenSID sites: seconds per request, largest feed in bytes, and the
# host names that may be on a private address (only for a local test server).
PPID_OPENSID_TIMEOUT = env.int("PPID_OPENSID_TIMEOUT", default=20)
PPID_OPENSID_MAX_BYTES = env.int("PPID_OPENSID_MAX_BYTES", default=5 * 1024 * 1024)
PPID_OPENSID_PRIVATE_HOSTS = env.list("PPID_OPENSID_PRIVATE_HOSTS", default=[])
# Public pages are cached for this many seconds (0 turns the page cache off).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0 if DEBUG else 60)
CACHE_MIDDLEWARE_SECONDS = PAGE_CACHE_SECONDS
# Page parts that change only when an officer publishes are cached under the
# data's version (portal.data_versions) for this long (0 turns it off), and
# under the release: a new deployment's templates never meet an old one's parts.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=60 * 60 * 24)
RELEASE = env.str("PORTAL_RELEASE", default="")
# Searches one client may run per minute (or per s, h, d: "60/m").
SEARCH_RATE = env.str("SEARCH_RATE", default="60/m")
CACHE_MIDDLEWARE_KEY_PREFIX = "page"


def _require(name, value):
    """Stop with one clear line when production lacks a required variable."""
    if not value:
        sys.exit(f"Configuration error: {name} must be set when DJANGO_DEBUG is off.")
    return value


try:
    [ipaddress.ip_network(network, strict=False) for network in TRUSTED_PROXIES]
except ValueError as error:
    sys.exit(f"Configuration error: TRUSTED_PROXIES: {error}.")

if DEBUG:
    SECRET_KEY = SECRET_KEY or production_secrets.DEVELOPMENT_SECRET
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]", "testserver"]
else:
    _require("DJANGO_SECRET_KEY", SECRET_KEY)
    _require("DJANGO_ALLOWED_HOSTS", ALLOWED_HOSTS)
    _require("FIELD_ENCRYPTION_KEY", FIELD_ENCRYPTION_KEY)
    _require("SITE_URL", SITE_URL)
    if not production_secrets.is_site_address(SITE_URL):
        sys.exit(
            "Configuration error: SITE_URL must be the portal's address, like https://portal.example.go.id."
        )
    for _problem in production_secrets.problems(
        secret_key=SECRET_KEY,
        field_keys=[key.strip() for key in FIELD_ENCRYPTION_KEY.split(",") if key.strip()],
        root=BASE_DIR,
    ):
        sys.exit(f"Configuration error: {_problem}")

# --- Applications ----------------------------------------------------------
INSTALLED_APPS = [
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "auditlog",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "portal.apps.PortalConfig",
    "visits.apps.VisitsConfig",
    "kim.apps.KimConfig",
    "ppid.apps.PpidConfig",
    "ogp.apps.OgpConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.middleware.UserFileHeadersMiddleware",
    "portal.middleware.ReplicaReadsMiddleware",
    "portal.middleware.PublicPageCacheUpdateMiddleware",
    # Inside the page cache: a page is compressed once and served compressed from the cache.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.middleware.SessionLifetimeMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.middleware.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.AuditlogMiddleware",
    "portal.middleware.PublicPageCacheFetchMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
                "portal.context_processors.page_languages",
            ],
        },
    },
]

# Django's templates for form widgets; select boxes written in Python (see the module).
FORM_RENDERER = "portal.form_renderer.FormRenderer"

# --- Data ------------------------------------------------------------------
DATABASES = {"default": env.db_url_config(DATABASE_URL)}
DATABASES["default"]["CONN_MAX_AGE"] = DB_CONN_MAX_AGE
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite in WAL mode copes with gunicorn's several processes.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = env.db_url_config(DATABASE_REPLICA_URL)
    DATABASES["replica"]["CONN_MAX_AGE"] = DB_CONN_MAX_AGE
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["portal.db_routers.PrimaryReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        }
    }

# Uploads are stored under an extension chosen from their verified content (portal.uploads).
_private_storage = {
    "BACKEND": "portal.uploads.storage.VerifiedFileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
}
if S3_BUCKET:
    _media_storage = {
        "BACKEND": "portal.uploads.s3.VerifiedS3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT_URL or None,
            "region_name": S3_REGION or None,
            "custom_domain": S3_CUSTOM_DOMAIN or None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    _private_storage = {
        "BACKEND": "portal.uploads.s3.VerifiedS3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT_URL or None,
            "region_name": S3_REGION or None,
            "location": "private",
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _media_storage = {"BACKEND": "portal.uploads.storage.VerifiedFileSystemStorage"}

STORAGES = {
    "default": _media_storage,
    # Identity documents and other personal files: never under MEDIA_URL.
    "private": _private_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = "/media/"
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 10_485_760
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Accounts --------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "portal.passwords.ContextPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "admin:login"
# Admin logins: five failures for one username from one address lock that
# pair out for 30 minutes; every failure is recorded (django-axes).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.client_address.client_address"
AXES_USERNAME_CALLABLE = "portal.throttle.login_username"
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True
OTP_TOTP_ISSUER = "Portal Keterbukaan"
# Nobody, not even an administrator, reads a TOTP secret back from the admin.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True

# --- Language and time -----------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365

# --- E-mail ----------------------------------------------------------------
vars().update(env.email_url_config(EMAIL_URL))
EMAIL_TIMEOUT = EMAIL_TIMEOUT_SECONDS
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security --------------------------------------------------------------
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
if TRUST_PROXY_HEADERS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
if S3_CUSTOM_DOMAIN:
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(f"https://{S3_CUSTOM_DOMAIN}")

# --- Audit trail -----------------------------------------------------------
# Every model change is logged with who, when and which fields changed.
AUDITLOG_INCLUDE_ALL_MODELS = True
AUDITLOG_EXCLUDE_TRACKING_MODELS = (
    "sessions",
    "admin.logentry",
    "portal.satisfactionvote",
    "portal.ratedpage",
    "portal.searchentry",
    "axes.accessattempt",
    "axes.accessfailurelog",
    "axes.accesslog",
    # Each message records its own sending; its text holds an access code.
    "ppid.outboxmessage",
)
# Requesters' personal data never appears in clear in the audit trail.
AUDITLOG_MASK_TRACKING_FIELDS = (
    "password",
    "requester_name",
    "requester_nik",
    "requester_address",
    "requester_phone",
    "requester_email",
    "requester_occupation",
    "requester_entity_decree",
    "requester_identity_scan", "requester_proxy_letter", "access_code_hash",
)  # fmt: skip

# --- Logging ---------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
