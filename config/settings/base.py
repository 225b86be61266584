"""Settings shared by every environment. Values come from the environment, with
development defaults that need no external server (SQLite, a filesystem broker)."""
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF

from config.env import env_bool, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parents[2]
# Everything the app writes at run time (SQLite file, broker folders, gazetteer index).
VAR_DIR = Path(env_str("CONFLICTMAP_VAR_DIR", str(BASE_DIR / "var")))
# Whatever the database or broker, the default SQLite file and the gazetteer live here.
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = env_str("SECRET_KEY", "development-only-not-secret")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # The admin without autodiscovery: django-leaflet ships an admin module whose form
    # widgets need the GDAL system library. We only use its template tags, so the admin
    # modules are imported by name in MapappConfig.ready() and GDAL is never required.
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "leaflet",
    "simple_history",
    "csp",
    "axes",
    "mapapp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "mapapp.readermap.access.MapLoginRequiredMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout answer.
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
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database(url: str) -> dict:
    config = dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
                                   conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Web and worker write at once: WAL lets readers run beside the writer,
        # IMMEDIATE takes the write lock up front (no deadlock on upgrade), and
        # the timeout waits for the lock instead of failing with "database is locked".
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "timeout": env_int("SQLITE_TIMEOUT", 30),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL",
        }
    return config


DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'conflictmap.sqlite3'}")
DATABASES = {"default": _database(DATABASE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# username from one address, that pair is locked out for AXES_COOLOFF_HOURS.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_float("AXES_COOLOFF_HOURS", 1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

LANGUAGE_CODE = "en"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

LOGIN_URL = "admin:login"
# A private deployment: the map, its API and exports need a login (mapapp/readermap/access.py).
MAP_REQUIRE_LOGIN = env_bool("MAP_REQUIRE_LOGIN", False)

# --- Map -------------------------------------------------------------------
# A mapped toponym at or above this confidence is "sure" (drawn as certain); below it, "unsure"
# (sent to an editor). One rule, mapapp.geoparsing.certainty.toponym_status, which the review
# queue, `geoparse` and `evaluate_map` all use. Confidences are calibrated probabilities of being
# right (mapapp/geoparsing/calibration.py). 0.55 keeps >= 80 % of toponyms sure on every dev corpus
# (`evaluate_map` on LGL, GeoVirus, conflict_dev) and raises sure precision and wrong caught on each.
MAP_SURE_CONFIDENCE = env_float("MAP_SURE_CONFIDENCE", 0.55)
# Whether readers see "unsure" mentions (drawn distinctly and filterable) or only sure and
# editor-verified ones ("hidden until reviewed"): mapapp/readermap/trust.py.
MAP_SHOW_UNSURE = env_bool("MAP_SHOW_UNSURE", True)
MAP_TILES_URL = env_str("MAP_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILES_ATTRIBUTION = env_str(
    "MAP_TILES_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
# Online geocoder for names the offline gazetteer cannot place (and the editors' point
# picker): off unless named. "nominatim" asks OpenStreetMap's Nominatim through geopy, no
# faster than one request per ONLINE_GEOCODER_MIN_DELAY_SECONDS (its usage policy: at most
# one a second, a User-Agent naming the deployment); each name is asked once per deployment.
ONLINE_GEOCODER = env_str("ONLINE_GEOCODER", "")
ONLINE_GEOCODER_URL = env_str("ONLINE_GEOCODER_URL", "")  # empty: the service's public address
ONLINE_GEOCODER_USER_AGENT = env_str("ONLINE_GEOCODER_USER_AGENT", "conflictmap/1.0")
ONLINE_GEOCODER_MIN_DELAY_SECONDS = env_float("ONLINE_GEOCODER_MIN_DELAY_SECONDS", 1.0)
ONLINE_GEOCODER_TIMEOUT_SECONDS = env_float("ONLINE_GEOCODER_TIMEOUT_SECONDS", 10.0)
LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (30.0, 30.0),
    "DEFAULT_ZOOM": 3,
    "MIN_ZOOM": 2,
    "MAX_ZOOM": 18,
    "RESET_VIEW": False,
    "TILES": [("OpenStreetMap", MAP_TILES_URL, {"attribution": MAP_TILES_ATTRIBUTION})],
}

# --- Content-Security-Policy (django-csp) ----------------------------------------
# No inline script anywhere and scripts only from this site: a string from data that
# ever reaches the page as HTML still cannot run. Images may come from the tile server.
def _origin(url: str) -> str:
    """The scheme and host of a tile URL template, its `{s}` subdomain as a wildcard."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Style attributes: only the one django-simple-history's history page writes
        # (`<p class="paginator" style="border-top: 0">`), allowed by its hash. A style
        # attribute cannot run script; the hash keeps even that one exact value.
        "style-src-attr": ["'unsafe-hashes'", "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"],
        "img-src": [SELF, "data:", _origin(MAP_TILES_URL)],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# --- Background processing ---------------------------------------------------
# Default broker: kombu's filesystem transport. It needs no server, keeps queued
# messages in files (they survive a restart of web or worker) and, polled every
# 50 ms, costs ~44 ms a task: well inside the 1 s budget from save to done.
BROKER_DIR = VAR_DIR / "broker"
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    # kombu's transport, writing each message whole before a worker can see it.
    CELERY_BROKER_TRANSPORT = "mapapp.processing.filesystem_broker:Transport"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
        "polling_interval": env_float("CELERY_BROKER_POLLING_INTERVAL", 0.05),
    }
    # The transport expects its folders to exist, in web and worker alike.
    for _folder in ("queue", "control"):
        (BROKER_DIR / _folder).mkdir(parents=True, exist_ok=True)
else:
    # Redis/SQS redeliver unacknowledged messages after this long; keep it above
    # the hard time limit so a slow task is not run twice.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Deployments (or test runs) sharing one Redis or RabbitMQ keep apart by queue name.
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "celery")
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 240)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 300)
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Articles saved in one transaction (a bulk import) are processed this many to a task:
# one claim, one place lookup and one write per batch instead of per article.
PROCESSING_BATCH_SIZE = env_int("PROCESSING_BATCH_SIZE", 25)
# The sweep (mapapp/processing/sweep.py) re-queues an article pending or claimed longer than the
# grace period once the broker and the live workers show nobody holds it; when they
# cannot be asked, only after PROCESSING_STALE_AFTER_SECONDS (above the hard time limit,
# so a live worker's claim is never taken on age alone).
PROCESSING_STALE_AFTER_SECONDS = env_int("PROCESSING_STALE_AFTER_SECONDS", 600)
SWEEP_GRACE_SECONDS = env_int("SWEEP_GRACE_SECONDS", 15)
SWEEP_ASK_TIMEOUT_SECONDS = env_float("SWEEP_ASK_TIMEOUT_SECONDS", 1.0)
# Celery closes a worker's database connections after every task unless told to reuse
# them; a new PostgreSQL connection per article cost ~50 ms here. Reused connections are
# still health-checked and aged (CONN_MAX_AGE) before each task: mapapp/processing/worker_session.py.
CELERY_DB_REUSE_MAX = 1000
# Workers need not wait for the disk on PostgreSQL commits: see mapapp/processing/worker_session.py.
WORKER_SYNCHRONOUS_COMMIT = env_bool("WORKER_SYNCHRONOUS_COMMIT", False)
CELERY_BEAT_SCHEDULE = {
    "requeue-stale-articles": {
        "task": "mapapp.tasks.requeue_stale_articles",
        "schedule": env_float("SWEEP_INTERVAL_SECONDS", 30.0),
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
