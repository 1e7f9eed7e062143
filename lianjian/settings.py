"""Settings read from the environment.

The embedded default is a SQLite file and in-process background jobs, so a fresh machine needs nothing but Python.
Production points DATABASE_URL at PostgreSQL and CELERY_BROKER_URL at Redis.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("LIANJIAN_DATA_DIR", BASE_DIR / "var"))
DATA_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("LIANJIAN_DEBUG", True)
SECRET_KEY = os.environ.get("LIANJIAN_SECRET_KEY", "dev-only-insecure-key-change-me-in-production")
ALLOWED_HOSTS = os.environ.get("LIANJIAN_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_htmx",
    "lianjian.core",
    "lianjian.audit",
    "lianjian.org",
    "lianjian.workdays",
    "lianjian.deadlines",
    "lianjian.notifications",
    "lianjian.jobs",
    "lianjian.trading",
    "lianjian.experts",
    "lianjian.monitoring",
    "lianjian.complaints",
    "lianjian.cases",
    "lianjian.inspections",
    "lianjian.meetings",
    "lianjian.sharing",
    "lianjian.oversight",
    "lianjian.performance",
    "lianjian.credit",
    "lianjian.portal",
    "lianjian.dashboards",
    "lianjian.accounts",
    "lianjian.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "lianjian.web.security.SecurityHeadersMiddleware",
    "lianjian.accounts.middleware.SessionLimitsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "lianjian.urls"
WSGI_APPLICATION = "lianjian.wsgi.application"

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
                "lianjian.web.navigation.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'lianjian.sqlite3'}",
        conn_max_age=int(os.environ.get("LIANJIAN_DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web process and the job runner write to one file without "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

AUTH_USER_MODEL = "org.User"
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "web:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "lianjian.accounts.validators.PasswordPolicyValidator",
     "OPTIONS": {"min_length": int(os.environ.get("LIANJIAN_PASSWORD_MIN_LENGTH", "12")),
                 "min_classes": int(os.environ.get("LIANJIAN_PASSWORD_MIN_CLASSES", "3"))}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in throttling: failures within the window, counted per username and address, per username from anywhere
# (a distributed guess at one account) and per address across usernames (password spraying; offices share a NAT
# address, hence the higher limit). Reaching a limit locks that key for the lockout period.
LIANJIAN_LOGIN_MAX_FAILURES = int(os.environ.get("LIANJIAN_LOGIN_MAX_FAILURES", "5"))
LIANJIAN_LOGIN_MAX_FAILURES_PER_USERNAME = int(os.environ.get("LIANJIAN_LOGIN_MAX_FAILURES_PER_USERNAME", "10"))
LIANJIAN_LOGIN_MAX_FAILURES_PER_IP = int(os.environ.get("LIANJIAN_LOGIN_MAX_FAILURES_PER_IP", "30"))
LIANJIAN_LOGIN_FAILURE_WINDOW_SECONDS = int(os.environ.get("LIANJIAN_LOGIN_FAILURE_WINDOW_SECONDS", "900"))
LIANJIAN_LOGIN_LOCKOUT_SECONDS = int(os.environ.get("LIANJIAN_LOGIN_LOCKOUT_SECONDS", "900"))
# Behind a TLS proxy, the request header carrying the client's address (e.g. HTTP_X_REAL_IP); empty: REMOTE_ADDR.
LIANJIAN_CLIENT_IP_HEADER = os.environ.get("LIANJIAN_CLIENT_IP_HEADER", "")
# Roles that must sign in with a TOTP second factor (comma-separated role codes, e.g. "admin,office_staff");
# everyone else may enable it on their own.
LIANJIAN_TOTP_REQUIRED_ROLES = [r for r in os.environ.get("LIANJIAN_TOTP_REQUIRED_ROLES", "").split(",") if r.strip()]

# Sessions end after the idle timeout (the cookie's age, renewed by every request) and in any case after the
# absolute limit since sign-in; the cookie does not outlive the browser.
SESSION_COOKIE_AGE = int(os.environ.get("LIANJIAN_SESSION_IDLE_SECONDS", "1800"))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
LIANJIAN_SESSION_ABSOLUTE_SECONDS = int(os.environ.get("LIANJIAN_SESSION_ABSOLUTE_SECONDS", str(12 * 3600)))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Security headers on every response. Scripts only from our own static files (the Alpine CSP build needs no
# 'unsafe-eval'); inline style attributes stay allowed because ECharts tooltips and htmx's indicator styles write
# them. Django's own middleware adds X-Content-Type-Options, Referrer-Policy, Cross-Origin-Opener-Policy.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
LIANJIAN_CONTENT_SECURITY_POLICY = os.environ.get("LIANJIAN_CONTENT_SECURITY_POLICY", "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
    "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
    "frame-ancestors 'none'",
]))
LIANJIAN_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

if not DEBUG:
    # Production: HTTPS only. Behind a proxy that terminates TLS, set LIANJIAN_BEHIND_TLS_PROXY=true (the proxy
    # must set X-Forwarded-Proto) or, when the proxy itself redirects, LIANJIAN_SSL_REDIRECT=false.
    SECURE_SSL_REDIRECT = env_bool("LIANJIAN_SSL_REDIRECT", True)
    if env_bool("LIANJIAN_BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("LIANJIAN_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("LIANJIAN_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("LIANJIAN_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("LIANJIAN_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
# Each app keeps its own catalogue in <app>/locale, so the team working on one domain owns its translations.
LOCALE_PATHS = []
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

EMAIL_BACKEND = os.environ.get("LIANJIAN_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Fernet keys for encrypted fields, newest first (lianjian/core/crypto.py); unset, a key is derived from SECRET_KEY.
LIANJIAN_FIELD_KEYS = [k.strip() for k in os.environ.get("LIANJIAN_FIELD_KEYS", "").split(",") if k.strip()]
# Prefix of the links in e-mails (the site's public address); empty keeps them relative.
LIANJIAN_SITE_URL = os.environ.get("LIANJIAN_SITE_URL", "")
DEFAULT_FROM_EMAIL = os.environ.get("LIANJIAN_FROM_EMAIL", "lianjian@localhost")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "lianjian.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Lianjian API",
    "DESCRIPTION": "联监 — 公共资源交易协同监管平台 API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Choice sets that share a field name (kind, source, outcome) get their own component names.
    "ENUM_NAME_OVERRIDES": {
        "AccessKindEnum": "lianjian.oversight.models.AccessKind",
        "AgendaSourceEnum": "lianjian.meetings.models.AgendaSource",
        "ClueOutcomeEnum": "lianjian.cases.models.clues.ClueOutcome",
        "ClueSourceEnum": "lianjian.cases.models.clues.ClueSource",
        "ComplaintKindEnum": "lianjian.complaints.models.ComplaintKind",
        "DayKindEnum": "lianjian.workdays.models.DayKind",
        "DecisionKindEnum": "lianjian.cases.models.cases.DecisionKind",
        "DecisionOutcomeEnum": "lianjian.complaints.models.DecisionOutcome",
        "LiaisonKindEnum": "lianjian.org.models.LiaisonKind",
        "MeetingKindEnum": "lianjian.meetings.models.MeetingKind",
        "ObjectKindEnum": "lianjian.inspections.models.ObjectKind",
        "InspectionOutcomeEnum": "lianjian.inspections.models.Outcome",
        "PenaltyKindEnum": "lianjian.experts.models.PenaltyKind",
        "PowerKindEnum": "lianjian.org.models.PowerKind",
        "RecordSourceEnum": "lianjian.credit.models.records.RecordSource",
        "TransferKindEnum": "lianjian.cases.models.transfers.TransferKind",
        "WatchKindEnum": "lianjian.monitoring.models.WatchKind",
    },
}

# Background jobs: without a broker they run in a thread of the process that queued them (after commit) and
# `lianjian jobs work` picks up anything left behind; with a broker they go to Celery workers.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
LIANJIAN_JOB_BACKEND = os.environ.get("LIANJIAN_JOB_BACKEND", "celery" if CELERY_BROKER_URL else "thread")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "lianjian.core.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler",
                             "formatter": os.environ.get("LIANJIAN_LOG_FORMAT", "text")}},
    "root": {"handlers": ["console"], "level": os.environ.get("LIANJIAN_LOG_LEVEL", "WARNING")},
}
SPECTACULAR_SETTINGS.update({
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
})
INSTALLED_APPS.append("drf_spectacular_sidecar")
