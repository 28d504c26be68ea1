"""Settings for every environment, read from the process environment.

Defaults are for a laptop with nothing installed but Python: SQLite in the project
folder, Celery tasks run eagerly, local-memory cache, e-mail printed to the console.
Production selects PostgreSQL, Redis and a real broker through the variables below.
"""

import os
from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# A local checkout's own file (git-ignored): `make run` writes DEBUG=1 and a SECRET_KEY of
# its own there, so manage.py commands work without a prefix. Read before any setting and
# never over a variable the environment sets. ENV_FILE names another file, or none when
# empty: the test and production settings (and the bench) empty it, so they never depend
# on what a developer keeps in .env.
ENV_FILE = os.environ.get("ENV_FILE", str(BASE_DIR / ".env"))
if ENV_FILE:
    environ.Env.read_env(ENV_FILE)

# --- Core -------------------------------------------------------------------

# Off unless asked for: a forgotten variable must never expose tracebacks.
DEBUG = env.bool("DEBUG", default=False)

# A random key is acceptable only for a local DEBUG run: sessions do not survive a
# restart, which is fine there and unacceptable anywhere else.
# Read as is: django-environ would treat a key starting with "$" as the name of another
# variable (its interpolation), and random keys start with "$" one time in fifty.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. (In a local checkout, `make run` "
            "writes a .env with DEBUG=1 and a key of its own.)"
        )
    SECRET_KEY = get_random_secret_key()

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "home",
    "stakeholders",
    # Sign-in: two-factor pages and the audit log of sign-ins (see Accounts below).
    "accounts",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    # Purges the proxy or CDN in front (WAGTAILFRONTENDCACHE below): pages on publish.
    "wagtail.contrib.frontend_cache",
    # Plan content in several languages (replaces wagtail.locales): see README, Languages.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail",
    # After wagtail.admin: its ready() replaces Wagtail's review e-mail handlers.
    "plans",
    "terminology",
    "tracking",
    # The public site: page rendering, caching, exports, PDF, search, comparison.
    "publishing",
    # Admin reports that read several apps (activity, tracker, terminology, gaps).
    "reports",
    # Spreadsheet import and plan bundles, and their commands.
    "interchange",
    # Loads the demo countries (`manage.py load_demo`); reads every app above.
    "demo",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    # Swagger UI's files, served from STATIC_ROOT (no CDN: see CONTENT_SECURITY_POLICY).
    "drf_spectacular_sidecar",
    "guardian",
    "reversion",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Django 5.2 has no CSP of its own (6.0 does); see CONTENT_SECURITY_POLICY below.
    "csp.middleware.CSPMiddleware",
    # https://whitenoise.readthedocs.io/en/stable/django.html
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous hits on cached public pages, answered before routing (publishing/caching.py).
    "publishing.middleware.FastPathMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): has this session entered a one-time code?
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Who must use two-factor authentication is sent to set it up, then to verify.
    "accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "plans.middleware.AdminPagePrivacyMiddleware",
    # Last: turns django-axes' lock-out flag into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.languages",
            ],
        },
    },
]

# --- Database ----------------------------------------------------------------
# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-db-url

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache -------------------------------------------------------------------

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Public pages and exports (see plans/caching.py): seconds a browser, a CDN, and this
# site's own cache keep them. Publishing invalidates this site's cache at once; a CDN
# catches up within PUBLIC_CACHE_SHARED_MAX_AGE.
PUBLIC_CACHE_MAX_AGE = env.int("PUBLIC_CACHE_MAX_AGE", default=60)
PUBLIC_CACHE_SHARED_MAX_AGE = env.int("PUBLIC_CACHE_SHARED_MAX_AGE", default=300)
PUBLIC_CACHE_TIMEOUT = env.int("PUBLIC_CACHE_TIMEOUT", default=24 * 3600)
# A plan's PDF is kept until the plan changes; this only lets stale copies age out.
PUBLIC_PDF_TIMEOUT = env.int("PUBLIC_PDF_TIMEOUT", default=30 * 24 * 3600)
# How long one build may take before another request may ask for it again.
PUBLIC_PDF_BUILD_SECONDS = env.int("PUBLIC_PDF_BUILD_SECONDS", default=120)

# --- Celery ------------------------------------------------------------------
# https://docs.celeryq.dev/en/stable/userguide/configuration.html

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="")
# With no broker there is nobody to hand work to, so run it in-process: the default
# local run needs no services.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = "UTC"
CELERY_TASK_ACKS_LATE = True
# https://docs.celeryq.dev/en/stable/userguide/periodic-tasks.html (run `celery -A config beat`)
CELERY_BEAT_SCHEDULE = {
    "due-soon-and-overdue-reminders": {
        "task": "tracking.tasks.send_reminders",
        "schedule": crontab(hour=5, minute=30),
    },
    "weekly-coordinator-digest": {
        "task": "tracking.tasks.send_digests",
        "schedule": crontab(hour=6, minute=0, day_of_week="mon"),
    },
    # Tasks the broker could not take when they were triggered (home/outbox.py).
    "send-queued-tasks": {"task": "home.tasks.flush_queued_tasks", "schedule": 60.0},
}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1

# --- Authentication ----------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username and address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Object permissions per agency group: https://django-guardian.readthedocs.io/
    "guardian.backends.ObjectPermissionBackend",
]
# Guardian's anonymous user is not needed: nothing unpublished is ever for anonymous users.
ANONYMOUS_USER_NAME = None

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"

# --- Accounts: throttling, lock-out, two-factor ------------------------------
# https://django-axes.readthedocs.io/en/latest/4_configuration.html
# After AXES_FAILURE_LIMIT failed sign-ins for one username from one address, that pair
# is locked out for AXES_COOLOFF_MINUTES (each further try starts the wait again).
# `manage.py axes_reset_username <name>` (or `axes_reset`) lifts a lock-out at once.
AXES_ENABLED = True
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.admin_views.lockout"
# Behind proxies that append to X-Forwarded-For: how many (see accounts.audit.axes_client_ip).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "accounts.audit.axes_client_ip"
# Superusers, coordinators and reviewers must enter a code from an authenticator app
# (accounts.permissions.two_factor_required); others may turn it on. Tests switch the
# redirect off (config/settings/test.py) and on again where they test it.
TWO_FACTOR_ENFORCED = True
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="National action plans")
# A first set-up needs a link sent to the account's e-mail address (accounts.enrolment):
# seconds it stays good. It also dies once opened, and with a password change.
TWO_FACTOR_LINK_TIMEOUT = env.int("TWO_FACTOR_LINK_TIMEOUT", default=3600)

# --- E-mail ------------------------------------------------------------------

EMAIL_URL = env.str("EMAIL_URL", default="consolemail://")
vars().update(env.email_url_config(EMAIL_URL))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="plans@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation ----------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("sw", _("Swahili")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Page content may be translated (wagtail-localize) into the same five languages. A page
# with no translation in the visitor's language is shown in English, under their prefix.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static and media --------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "config" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
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
# Uploaded documents on local disk by default, or in an S3-compatible bucket (a private
# one: Wagtail serves documents through its own view, which checks rights first, then
# redirects to a short-lived signed URL).
if env.str("MEDIA_STORAGE", default="local") == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env.str("AWS_S3_REGION_NAME", default=None),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 300,
            "file_overwrite": False,
        },
    }
# Lets `runserver` with DEBUG off still serve static files from the finders.
WHITENOISE_USE_FINDERS = DEBUG

# Page editors with many inline commitments exceed Django's default of 1000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail -----------------------------------------------------------------

WAGTAIL_SITE_NAME = "National action plans against online child sexual exploitation"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# The public site's address: absolute links (PDF, exports, API, sitemap) say it. After each
# `migrate` it replaces the placeholder Site `localhost:80` (home/sites.py).
PUBLIC_SITE_URL = env.str("PUBLIC_SITE_URL", default=WAGTAILADMIN_BASE_URL)
# Who publishes the IATI export (publishing/iati.py): a deployment sets its organisation
# identifier from org-id.guide (IATI prefixes every activity identifier with it) and its
# IATI organisation type; the default only makes the file well-formed and valid.
IATI_REPORTING_ORG = {
    "ref": env.str("IATI_REPORTING_ORG_REF", default="XI-NAPBUILDER"),
    "type": env.str("IATI_REPORTING_ORG_TYPE", default="90"),
    "name": env.str("IATI_REPORTING_ORG_NAME", default=WAGTAIL_SITE_NAME),
}
# PostgreSQL's English word forms ("trained" finds "training"), as the server's default
# text search configuration gave before, named so that its queries are constants: with
# the default, every row matched re-parsed the query twice to rank it, half the time of
# a search for a word in 30,000 commitments. SQLite's backend has no configurations and
# ignores it. A database indexed under another default needs `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}
}
# No autosave: an autosaved revision made the editor's own next save look stale (it was
# refused), and a refused stale save was then written anyway by the next autosave.
# Saves happen when people press Save; editing sessions still show who else is editing.
WAGTAIL_AUTOSAVE_INTERVAL = 0
# Avatars from gravatar.com would send hashed e-mail addresses to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Approval by a country's own reviewers publishes without model-wide rights; see the function.
WAGTAIL_FINISH_WORKFLOW_ACTION = "plans.approval.publish_workflow_state"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
# Evidence is attendance sheets and reports, not recordings: refuse anything larger.
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("WAGTAILDOCS_MAX_UPLOAD_SIZE", default=20 * 1024 * 1024)
# Served as a download, never rendered in the browser (with nosniff, set globally).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Draftail, reading HTML or malformed input posted instead of its JSON without an error.
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "home.rich_text.DraftailRichTextArea"}}

# --- Front-end cache (a reverse proxy or CDN in front of the site) ------------
# https://docs.wagtail.org/en/stable/reference/contrib/frontendcache.html
# When this site's own cache generations change, the public URLs that show the change
# are purged from the proxy or CDN too (publishing/purging.py), after the transaction
# commits, in a Celery task. Nothing configured: nothing is sent.
WAGTAILFRONTENDCACHE = {}
# Varnish, nginx (proxy_cache_purge) or any cache that accepts `PURGE <path>` with the
# public Host header, at this address (e.g. http://127.0.0.1:6081).
if FRONTEND_CACHE_PURGE_URL := env.str("FRONTEND_CACHE_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE["proxy"] = {
        # Wagtail's HTTPBackend with a time limit (seconds) on each request.
        "BACKEND": "publishing.purge_backends.TimedHTTPBackend",
        "LOCATION": FRONTEND_CACHE_PURGE_URL,
        "TIMEOUT": env.float("FRONTEND_CACHE_PURGE_TIMEOUT", default=5.0),
    }
if CLOUDFLARE_ZONE_ID := env.str("CLOUDFLARE_ZONE_ID", default=""):
    # An API token with the Zone.Cache Purge permission (or the legacy e-mail and key).
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": CLOUDFLARE_ZONE_ID,
        "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN", default="") or None,
        "EMAIL": env.str("CLOUDFLARE_EMAIL", default="") or None,
        "API_KEY": env.str("CLOUDFLARE_API_KEY", default="") or None,
    }
    if not WAGTAILFRONTENDCACHE["cloudflare"]["BEARER_TOKEN"] and not (
        WAGTAILFRONTENDCACHE["cloudflare"]["EMAIL"]
        and WAGTAILFRONTENDCACHE["cloudflare"]["API_KEY"]
    ):
        raise ImproperlyConfigured(
            "CLOUDFLARE_ZONE_ID needs CLOUDFLARE_BEARER_TOKEN, or CLOUDFLARE_EMAIL and "
            "CLOUDFLARE_API_KEY."
        )
if CLOUDFRONT_DISTRIBUTION_ID := env.str("CLOUDFRONT_DISTRIBUTION_ID", default=""):
    # Credentials from the usual AWS variables or the instance's role (boto3).
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": CLOUDFRONT_DISTRIBUTION_ID,
    }
# Wagtail would rewrite a `/<lang>/` prefix into every content language, and leave alone
# the English URLs, which have none: this site names every language's URL itself.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# --- Tracking ----------------------------------------------------------------

# A commitment with no published update for this many days is "stale".
TRACKING_STALE_AFTER_DAYS = env.int("TRACKING_STALE_AFTER_DAYS", default=90)
# Lead agencies are reminded this many days before a commitment is due.
TRACKING_DUE_SOON_DAYS = env.int("TRACKING_DUE_SOON_DAYS", default=30)
# Days before a reporting period's deadline from which lead agencies without a period
# report are reminded (weekly, until they file one or the period closes).
TRACKING_PERIOD_REPORT_NOTICE_DAYS = env.int("TRACKING_PERIOD_REPORT_NOTICE_DAYS", default=14)
# Days after an indicator's collection period (month, quarter, half-year, year) ends from
# which its reporters are reminded of a missing figure (weekly, until one is submitted or
# the next period ends): time to compile the figures.
TRACKING_INDICATOR_FIGURE_GRACE_DAYS = env.int("TRACKING_INDICATOR_FIGURE_GRACE_DAYS", default=14)
# Reminder runs handle this many commitments per batch (a bounded number of queries each).
TRACKING_REMINDER_BATCH_SIZE = env.int("TRACKING_REMINDER_BATCH_SIZE", default=500)
# Weekly digests are sent to this many coordinators per batch (a bounded number of queries).
TRACKING_DIGEST_BATCH_SIZE = env.int("TRACKING_DIGEST_BATCH_SIZE", default=200)

# --- Security ----------------------------------------------------------------
# Safe for local HTTP runs; config/settings/production.py turns on what needs HTTPS.

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
# A load balancer probes over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=False)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=False)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# Only behind a proxy that sets the header itself (and strips it from clients).
if env.bool("USE_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Sessions end after a working day of inactivity, and with the browser.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# The public pages run no inline script or style; the admin (Wagtail's own templates)
# does, so it is left out until Wagtail supports nonces throughout.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/documents/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# --- The read API (/api/v1/, publishing/api/) ---------------------------------
# https://www.django-rest-framework.org/api-guide/settings/ and
# https://drf-spectacular.readthedocs.io/en/latest/settings.html

REST_FRAMEWORK = {
    # Wagtail's /api/v2/ keeps DRF's defaults; /api/v1/ sets its own classes (views.py).
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # The client's address for throttling: as for sign-in (accounts.audit.axes_client_ip),
    # that many entries from the right of X-Forwarded-For; with none, REMOTE_ADDR.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
# Requests per client address (DRF's rate syntax: N/second, minute, hour or day).
API_THROTTLE_RATE = env.str("API_THROTTLE_RATE", default="120/minute")
API_PAGE_SIZE = env.int("API_PAGE_SIZE", default=50)
API_MAX_PAGE_SIZE = env.int("API_MAX_PAGE_SIZE", default=200)
SPECTACULAR_SETTINGS = {
    "TITLE": "National action plans: read API",
    "DESCRIPTION": (
        "Published national plans of action against online child sexual exploitation and "
        "abuse, their public commitments, indicators and progress updates. Public data "
        "only; read-only; cursor pagination; throttled per client."
    ),
    "VERSION": "1",
    "DEFAULT_GENERATOR_CLASS": "publishing.api.schema.APISchemaGenerator",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Swagger UI would otherwise fetch a badge from validator.swagger.io (the CSP refuses it).
    "SWAGGER_UI_SETTINGS": {"validatorUrl": None},
    "ENUM_NAME_OVERRIDES": {
        "CommitmentStatusEnum": "plans.models.Commitment.Status",
    },
}

# --- Logging -----------------------------------------------------------------

LOG_FORMAT = env.str("LOG_FORMAT", default="text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "config.logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            **({"formatter": "json"} if LOG_FORMAT == "json" else {}),
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Wagtail's background tasks log every start and finish at INFO.
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        # Wagtail logs every page and snippet action at INFO; the audit log keeps them.
        "wagtail": {"level": "WARNING"},
    },
}
