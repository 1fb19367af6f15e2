"""Puentes settings: one module, configured only through PUENTES_* environment variables.

Parsing is strict: a value that cannot be understood stops the start with a message naming
the variable, rather than silently falling back to a default.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PUENTES_VAR_DIR", BASE_DIR / "var"))

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def _secret_key() -> str:
    """The key from PUENTES_SECRET_KEY, else one generated once for this checkout.

    A generated key is random (never a shared default) and kept in var/ so sessions survive
    restarts; a deployment on several machines must set PUENTES_SECRET_KEY on each.
    """
    configured = os.environ.get("PUENTES_SECRET_KEY")
    if configured is not None:
        if len(configured) < 50:
            raise ImproperlyConfigured("PUENTES_SECRET_KEY must be at least 50 characters")
        return configured
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


DEBUG = env_bool("PUENTES_DEBUG", False)
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("PUENTES_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("PUENTES_CSRF_TRUSTED_ORIGINS", [])

# HTTPS hardening: on for any real deployment (documented in docs/operations.md).
HTTPS = env_bool("PUENTES_HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("PUENTES_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
TRUST_X_FORWARDED_FOR = env_bool("PUENTES_BEHIND_PROXY", False)
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "puentes.core",
    "puentes.network",
    "puentes.people",
    "puentes.screening",
    "puentes.directory",
    "puentes.notifications",
    "puentes.referrals",
    "puentes.care",
    "puentes.billing",
    "puentes.workforce",
    "puentes.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "puentes.network.middleware.IdleSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "puentes.core.http_errors.ApiErrorShapeMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "puentes.network.middleware.UserPreferencesMiddleware",
    "puentes.core.audit.ReadAuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy on every page: scripts, styles and everything else only from
# Puentes itself; no inline script or style, no framing. The generated API docs (Swagger UI
# from a CDN, with an inline start-up script) are the one exception.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/api/v1/docs", "/hsds/docs"],
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
    },
}

ROOT_URLCONF = "puentes.urls"
# Under /api/ and /hsds/ a CSRF failure is the API's one error shape (core.http_errors).
CSRF_FAILURE_VIEW = "puentes.core.http_errors.csrf_failure"
WSGI_APPLICATION = "puentes.wsgi.application"
ASGI_APPLICATION = "puentes.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "puentes.web.context_processors.navigation",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("PUENTES_DATABASE_URL") or f"sqlite:///{VAR_DIR / 'puentes.sqlite3'}"
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
except ValueError as error:
    raise ImproperlyConfigured(f"PUENTES_DATABASE_URL is not a database URL: {error}") from None
if DATABASES["default"]["ENGINE"] not in {
    "django.db.backends.sqlite3",
    "django.db.backends.postgresql",
}:
    raise ImproperlyConfigured("PUENTES_DATABASE_URL must be a sqlite:// or postgres:// URL")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # WAL lets readers and the writer work at once; a busy timeout waits instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
else:
    # Planner settings for a database that fits in memory or sits on SSD (an operator can
    # replace them with PUENTES_POSTGRES_OPTIONS; docs/operations.md). random_page_cost 1.1
    # instead of 4 (PostgreSQL's default, priced for spinning disks): a CHW's caseload of a
    # thousand was read by scanning the organization's 100,000 people (52 ms) instead of
    # looking each one up (3 ms). join_collapse_limit 4 instead of 8: the ORM writes a list's
    # joins starting from the table it filters, the order PostgreSQL ends up choosing anyway,
    # and searching every order of eight joined tables took 14-20 ms of planning for a query
    # that runs in 1 (the encounter list). No parallel workers for one query: on a small
    # server a request's count that takes three processes takes the cores the other
    # requests are waiting for, and finishes no sooner under load.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = os.environ.get(
        "PUENTES_POSTGRES_OPTIONS",
        "-c random_page_cost=1.1 -c join_collapse_limit=4 -c max_parallel_workers_per_gather=0",
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "network.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:login"

# Shared devices: a session ends after this many idle minutes or when the browser closes.
SESSION_IDLE_MINUTES = env_int("PUENTES_SESSION_IDLE_MINUTES", 30, minimum=1)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
# Not on every request (a write per page): network.middleware.IdleSessionMiddleware moves
# the expiry forward at most once a minute.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Sign-in lockout (django-axes): per user name, so one office's shared IP is not locked out.
AXES_FAILURE_LIMIT = env_int("PUENTES_LOGIN_FAILURE_LIMIT", 5, minimum=1)
LOGIN_LOCKOUT_MINUTES = env_int("PUENTES_LOGIN_LOCKOUT_MINUTES", 15, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
# Per address as well (network.signin): this many failed sign-ins or API keys from one
# address within LOGIN_LOCKOUT_MINUTES stop it; high enough that an office behind one
# address is not stopped by its own typos, low enough to stop guessing across accounts.
LOGIN_IP_FAILURE_LIMIT = env_int("PUENTES_LOGIN_IP_FAILURE_LIMIT", 30, minimum=1)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/locked.html"
AXES_VERBOSE = False
# W006 asks axes to lock by IP too; axes would use the per-account limit for it, and a
# clinic's staff share one public IP. network.signin stops an address at its own, higher
# limit instead.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "puentes" / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("PUENTES_STATIC_ROOT", VAR_DIR / "static"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = Path(os.environ.get("PUENTES_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

EMAIL_HOST = os.environ.get("PUENTES_EMAIL_HOST", "")
EMAIL_PORT = env_int("PUENTES_EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = os.environ.get("PUENTES_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("PUENTES_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("PUENTES_EMAIL_USE_TLS", True)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("PUENTES_FROM_EMAIL", "Puentes <puentes@localhost>")

# Where links in e-mails (invitations) point; the request's own host when unset.
PUBLIC_URL = os.environ.get("PUENTES_PUBLIC_URL", "").rstrip("/")

# The HSDS API (/hsds/) is public unless this is false; the directory holds no personal data.
DIRECTORY_PUBLIC = env_bool("PUENTES_DIRECTORY_PUBLIC", True)

# Background work (directory imports; later notifications) goes through django-tasks. The
# database backend needs a worker (`manage.py db_worker`); "immediate" runs each task in the
# request that enqueues it (tests, or a deployment that cannot run a worker).
TASKS_BACKEND = os.environ.get("PUENTES_TASKS_BACKEND", "database")
if TASKS_BACKEND not in {"database", "immediate"}:
    raise ImproperlyConfigured("PUENTES_TASKS_BACKEND must be 'database' or 'immediate'")
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if TASKS_BACKEND == "database"
        else "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default"],
    }
}
# A worker leases the job it runs and renews the lease every third of this many seconds;
# a job whose lease lapses (its worker died) is retried or ended by `manage.py worker`'s
# reaper (see core/jobs.py).
JOB_LEASE_SECONDS = env_int("PUENTES_JOB_LEASE_SECONDS", 60, minimum=3)
# A directory import runs in one transaction, so its progress cannot be read from its own
# row until it ends; the worker writes progress to a cache every process can read.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "progress": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(Path(os.environ.get("PUENTES_PROGRESS_DIR", VAR_DIR / "progress"))),
        "TIMEOUT": 24 * 3600,
    },
}
# Uploaded directory files wait here for the worker (bytes, not a path the user chose).
DIRECTORY_UPLOAD_MAX_MB = env_int("PUENTES_DIRECTORY_UPLOAD_MAX_MB", 200, minimum=1)
# A directory ZIP may unpack to at most this much, and at most this many times its size
# (a real export compresses about 10:1; a "ZIP bomb" hundreds or thousands to one).
DIRECTORY_UNPACKED_MAX_MB = env_int("PUENTES_DIRECTORY_UNPACKED_MAX_MB", 1024, minimum=1)
DIRECTORY_ZIP_RATIO_MAX = env_int("PUENTES_DIRECTORY_ZIP_RATIO_MAX", 100, minimum=2)
# A full re-import may mark inactive at most this share of a source's records unless the
# operator confirms it: a larger loss is far more often a broken export than a real one.
DIRECTORY_DEACTIVATE_MAX_PERCENT = env_int("PUENTES_DIRECTORY_DEACTIVATE_MAX_PERCENT", 20)
# No uploaded file may be larger than the largest any form takes; counted while it streams.
UPLOAD_MAX_MB = DIRECTORY_UPLOAD_MAX_MB
FILE_UPLOAD_HANDLERS = [
    "puentes.core.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

API_PAGE_SIZE_DEFAULT = 50
API_PAGE_SIZE_MAX = 200

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("PUENTES_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
