"""Settings for the test suite. The database is SQLite in a file unless DATABASE_URL
points elsewhere; the test database name carries the process id so that parallel
runs (and real worker processes started by a test) never collide."""
import os

from .base import *  # noqa: F403
from .base import DATABASES, VAR_DIR

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

_run = os.environ.setdefault("CONFLICTMAP_TEST_RUN", str(os.getpid()))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{_run}.sqlite3")}
else:
    DATABASES["default"]["TEST"] = {"NAME": f"test_conflictmap_{_run}"}
