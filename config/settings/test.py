"""Settings for the test suite. The database is SQLite in a file unless DATABASE_URL
points elsewhere; the test database name carries the process id so that parallel
runs (and real worker processes started by a test) never collide."""
import os

from .base import *  # noqa: F403
from .base import BROKER_DIR, CELERY_BROKER_TRANSPORT_OPTIONS, DATABASES, VAR_DIR

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

_run = os.environ.setdefault("CONFLICTMAP_TEST_RUN", str(os.getpid()))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{_run}.sqlite3")}
else:
    DATABASES["default"]["TEST"] = {"NAME": f"test_conflictmap_{_run}"}

# Each test run has its own broker folders, so real workers started by one run never
# take another run's tasks.
if "data_folder_in" in CELERY_BROKER_TRANSPORT_OPTIONS:
    _queue = BROKER_DIR / f"test-{_run}"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        **CELERY_BROKER_TRANSPORT_OPTIONS,
        "data_folder_in": str(_queue / "queue"),
        "data_folder_out": str(_queue / "queue"),
        "control_folder": str(_queue / "control"),
    }
    for _folder in ("queue", "control"):
        (_queue / _folder).mkdir(parents=True, exist_ok=True)
