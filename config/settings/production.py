"""Production settings: no fallback for secrets (a missing or weak one stops start-up),
HTTPS enforced, and each security header settable from the environment.

The defaults are the strict ones, so `manage.py check --deploy` is clean with nothing
but SECRET_KEY and ALLOWED_HOSTS set; loosen one only knowingly (.env.example)."""
import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_int, env_list, env_str

# What Django's own deploy check (security.W009) counts as a weak key.
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_UNIQUE_CHARACTERS = 5
DEVELOPMENT_SECRET_KEY = "development-only-not-secret"


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


def weak_secret_key_reason(key: str) -> str | None:
    """Why `key` is too weak to sign sessions and password-reset links, or None if it is not."""
    if key == DEVELOPMENT_SECRET_KEY:
        return "it is the development default"
    if key.startswith("django-insecure"):
        return "it starts with 'django-insecure', the mark of a generated development key"
    if len(key) < SECRET_KEY_MIN_LENGTH:
        return f"it has {len(key)} characters, fewer than {SECRET_KEY_MIN_LENGTH}"
    if len(set(key)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS:
        return (f"it has {len(set(key))} distinct characters, "
                f"fewer than {SECRET_KEY_MIN_UNIQUE_CHARACTERS}")
    return None


def _proxy_ssl_header(raw: str) -> tuple[str, str] | None:
    """SECURE_PROXY_SSL_HEADER: off unless the deployment says a proxy sets it.

    Trusting the header without a proxy that overwrites it would let any client claim
    HTTPS. "true" means the usual `X-Forwarded-Proto: https`; any other value names
    the header (`X-Forwarded-Proto` or its WSGI form `HTTP_X_FORWARDED_PROTO`)."""
    value = raw.strip()
    if value.lower() in {"", "0", "false", "no", "off"}:
        return None
    if value.lower() in {"1", "true", "yes", "on"}:
        value = "HTTP_X_FORWARDED_PROTO"
    header = value.upper().replace("-", "_")
    if not header.startswith("HTTP_"):
        header = f"HTTP_{header}"
    return (header, "https")


SECRET_KEY = _required("SECRET_KEY")
_weakness = weak_secret_key_reason(SECRET_KEY)
if _weakness:
    raise ImproperlyConfigured(
        f"SECRET_KEY is too weak for production: {_weakness}. Generate one with "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("The environment variable ALLOWED_HOSTS must be set in production.")
DEBUG = False

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = _proxy_ssl_header(env_str("SECURE_PROXY_SSL_HEADER", ""))
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)  # one year
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# `celery beat` keeps its schedule with the app's other run-time files, not in the
# current directory.
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")  # noqa: F405
