"""Development settings: what `make run` uses.

DEBUG is off unless asked for (DEBUG=true): the laptop then behaves like production
(error pages, no debug-only static serving, no SQL kept in memory). Static files are
served by WhiteNoise straight from the apps' folders, so no collectstatic is needed."""
from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", False)
# WhiteNoise finds the files the way `runserver` would in DEBUG, and notices edits.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Empty here (collectstatic is for production); WhiteNoise warns at start when it is missing.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
