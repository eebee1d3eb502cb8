"""Django settings for theodoi, all configurable from environment variables.

Every variable is validated here; a bad value stops start-up with a message
naming it. See README.md ("Cấu hình / Configuration") for the list.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from theodoi.project.env import env_bool, env_int, env_list, env_str, load_secret_key

PACKAGE_DIR = Path(__file__).resolve().parent.parent
SOURCE_ROOT = PACKAGE_DIR.parent


def _default_data_dir() -> Path:
    """A source checkout keeps its data next to the code; an installed
    package keeps it in the directory it is started from."""
    if (SOURCE_ROOT / "pyproject.toml").exists():
        return SOURCE_ROOT / "data"
    return Path.cwd() / "data"


DATA_DIR = Path(env_str("THEODOI_DATA_DIR", str(_default_data_dir()))).resolve()
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = load_secret_key(DATA_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])


def _database() -> dict[str, object]:
    url = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'theodoi.sqlite3'}")
    try:
        config = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
    except Exception as exc:  # the library raises several types for bad URLs
        raise ImproperlyConfigured(f"DATABASE_URL={url!r} is not a database URL: {exc}") from exc
    engine = str(config.get("ENGINE", ""))
    if engine.endswith("sqlite3"):
        Path(str(config["NAME"])).parent.mkdir(parents=True, exist_ok=True)
        # IMMEDIATE: a transaction takes the write lock when it begins, so
        # concurrent writers wait (timeout) instead of failing at once with
        # "database is locked" when a reader upgrades to a writer.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL;",
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        }
        config["CONN_MAX_AGE"] = 0
    elif not engine.endswith("postgresql"):
        raise ImproperlyConfigured(
            f"DATABASE_URL={url!r}: only sqlite:// and postgres:// databases are supported."
        )
    else:
        # ``theodoi serve`` gives each web worker process a connection pool
        # (psycopg_pool, through Django's "pool" option) of at most as many
        # connections as it has threads: a request borrows one and gives it
        # back when it ends, with no "SELECT 1" health check per request.
        # Other commands (and tests) keep one connection per thread.
        pool_size = env_int("THEODOI_DB_POOL_SIZE", 0, minimum=0, maximum=64)
        if pool_size:
            config["CONN_MAX_AGE"] = 0  # Django returns the connection to the pool
            config["CONN_HEALTH_CHECKS"] = False  # the pool hands out working ones
            config["OPTIONS"] = {
                "pool": {
                    "min_size": min(2, pool_size),
                    "max_size": pool_size,
                    "max_idle": 60,  # seconds an idle connection above min_size is kept
                    "timeout": 30,  # seconds a request waits for a free connection
                }
            }
    test_name = env_str("THEODOI_TEST_DB_NAME", "")
    if test_name:
        config["TEST"] = {"NAME": test_name}
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # serves /api/docs from its own static files instead of a CDN
    "theodoi.accounts",
    "theodoi.notifications",
    "theodoi.orgunits",
    "theodoi.documents",
    "theodoi.plans",
    "theodoi.reporting",
    "theodoi.monitoring",
    "theodoi.audit",
    "theodoi.dashboards",
    "theodoi.public",
    "theodoi.recognition",
    "theodoi.inspections",
    "theodoi.leadership",
    "theodoi.reports",
    "theodoi.api",
    "theodoi.search",
]

MIDDLEWARE = [
    "theodoi.project.middleware.RequestSizeLimitMiddleware",  # first: before the body is read
    "django.middleware.security.SecurityMiddleware",
    "theodoi.project.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "theodoi.project.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "theodoi.project.middleware.BoundedIdMiddleware",
]

ROOT_URLCONF = "theodoi.project.urls"
WSGI_APPLICATION = "theodoi.project.wsgi.application"
ASGI_APPLICATION = "theodoi.project.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "theodoi.project.navigation.navigation",
            ],
        },
    },
]

# Django's template renderer with the plain widgets written in Python (the
# same HTML; a template render per widget was a tenth of a form page's CPU).
FORM_RENDERER = "theodoi.project.form_renderer.WidgetRenderer"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTHENTICATION_BACKENDS = ["theodoi.accounts.throttle.ThrottledModelBackend"]
# Login throttling (accounts/throttle.py): wrong passwords per name / per address.
LOGIN_FAILURE_LIMIT = env_int("THEODOI_LOGIN_FAILURE_LIMIT", 5, minimum=1, maximum=1000)
LOGIN_IP_FAILURE_LIMIT = env_int("THEODOI_LOGIN_IP_FAILURE_LIMIT", 30, minimum=1, maximum=100000)
LOGIN_LOCKOUT_MINUTES = env_int("THEODOI_LOGIN_LOCKOUT_MINUTES", 15, minimum=1, maximum=1440)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese is the source language of every UI string; English is a translation.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"
# Uploads over 2.5 MB are spooled to a temporary file, not memory; bodies over
# MAX_UPLOAD_MB are refused with 413 before they are read (RequestSizeLimitMiddleware).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2621440
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o600
MAX_UPLOAD_MB = env_int("THEODOI_MAX_UPLOAD_MB", 50, minimum=1, maximum=1024)

TASKS = {
    "default": {
        "BACKEND": env_str("THEODOI_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# NĐ 09/2019/NĐ-CP: report data runs to the 14th of a period's last month
# (a year: 15/12 of the year before to 14/12). 0 means calendar periods.
REPORTING_CUTOFF_DAY = env_int("THEODOI_REPORTING_CUTOFF_DAY", 14, minimum=0, maximum=28)
# Years a plan stating no horizon ("giai đoạn 2024–2030", "đến năm 2030") is
# tracked, counting its first year: see docs/operations.md.
PLAN_YEARS = env_int("THEODOI_PLAN_YEARS", 5, minimum=1, maximum=30)

# Reporting cycle and reminders (đôn đốc): see docs/operations.md.
REPORTING_LOCK_DAYS = env_int("THEODOI_REPORTING_LOCK_DAYS", 30, minimum=0, maximum=366)
# Days a unit has to fix a report returned after its period locked.
REPORTING_REOPEN_DAYS = env_int("THEODOI_REPORTING_REOPEN_DAYS", 10, minimum=1, maximum=366)
REPORT_ATTACHMENT_MAX_MB = env_int(
    "THEODOI_ATTACHMENT_MAX_MB", 20, minimum=1, maximum=MAX_UPLOAD_MB
)


def _reminder_days(name: str, default: list[str]) -> list[int]:
    try:
        days = sorted({int(item) for item in env_list(name, default)}, reverse=True)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be whole numbers separated by commas.") from None
    if any(not 0 <= day <= 366 for day in days):
        raise ImproperlyConfigured(f"{name}: every day must be within 0..366.")
    return days


REMINDER_DAYS_BEFORE = _reminder_days("THEODOI_REMINDER_DAYS_BEFORE", ["7", "1"])
REMINDER_OVERDUE_EVERY_DAYS = env_int("THEODOI_REMINDER_OVERDUE_EVERY", 3, minimum=1, maximum=90)
REMINDER_HOUR = env_int("THEODOI_REMINDER_HOUR", 7, minimum=0, maximum=23)  # local time

# E-mail: SMTP when EMAIL_HOST is set, else printed to the console.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", EMAIL_PORT == 587)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", EMAIL_PORT == 465)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be on.")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20, minimum=1, maximum=300)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "theodoi <theodoi@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Show the demo accounts on the login page (make run turns this on; never in production).
SHOW_DEMO_LOGINS = env_bool("THEODOI_SHOW_DEMO_LOGINS", False)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if SESSION_COOKIE_SECURE:
    # Behind an HTTPS reverse proxy (docs/operations.md): the proxy sets
    # X-Forwarded-Proto, and browsers are told to use HTTPS only from now on.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0, maximum=63072000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
# Login throttling counts failures per client address: behind the proxy, the
# address the proxy appends to X-Forwarded-For (accounts/throttle.py).
LOGIN_TRUST_FORWARDED_FOR = env_bool("THEODOI_TRUST_FORWARDED_FOR", SESSION_COOKIE_SECURE)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO").upper()},
}
