"""Settings read from the environment, and what production refuses to start with."""
import json
import os
import re
import secrets
import subprocess
import sys

import pytest

from tests.conftest import REPO

STRONG_KEY = secrets.token_urlsafe(50)


def start_django(settings_module: str, *, code: str = "", **env: str) -> subprocess.CompletedProcess:
    """Set Django up in a fresh process with only `env` on top of a clean environment."""
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("SECRET_KEY", "ALLOWED_HOSTS") and not k.startswith("SECURE_")}
    environment.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run([sys.executable, "-c", f"import django; django.setup()\n{code}"],
                           check=False, cwd=REPO, env=environment, capture_output=True, text=True)


def production_settings(**env: str) -> dict:
    """The security settings production ends up with under `env` (plus a strong key)."""
    names = ["DEBUG", "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "SECURE_HSTS_SECONDS",
             "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SESSION_COOKIE_SECURE"]
    code = ("import json; from django.conf import settings\n"
            f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))")
    result = start_django("config.settings.production", code=code,
                          **{"SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "map.example.org", **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_refuses_to_start_without_a_secret_key():
    result = start_django("config.settings.production", ALLOWED_HOSTS="map.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = start_django("config.settings.production", SECRET_KEY=STRONG_KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_starts_with_both():
    result = start_django("config.settings.production", SECRET_KEY=STRONG_KEY,
                          ALLOWED_HOSTS="map.example.org")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("key", "reason"), [
    ("s3cret-for-this-test", "it has 20 characters, fewer than 50"),
    ("ab" * 40, "it has 2 distinct characters, fewer than 5"),
    ("development-only-not-secret", "it is the development default"),
    ("django-insecure-" + secrets.token_urlsafe(50), "it starts with 'django-insecure'"),
])
def test_production_refuses_a_weak_secret_key(key, reason):
    result = start_django("config.settings.production", SECRET_KEY=key,
                          ALLOWED_HOSTS="map.example.org")
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is too weak for production" in result.stderr
    assert reason in result.stderr


def test_production_defaults_are_https_only_with_hsts():
    assert production_settings() == {
        "DEBUG": False,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_PROXY_SSL_HEADER": None,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SESSION_COOKIE_SECURE": True,
    }


def test_production_https_settings_come_from_the_environment():
    chosen = production_settings(SECURE_SSL_REDIRECT="false", SECURE_HSTS_SECONDS="3600",
                                 SECURE_HSTS_INCLUDE_SUBDOMAINS="false",
                                 SECURE_HSTS_PRELOAD="no")
    assert chosen["SECURE_SSL_REDIRECT"] is False
    assert chosen["SECURE_HSTS_SECONDS"] == 3600
    assert chosen["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert chosen["SECURE_HSTS_PRELOAD"] is False


@pytest.mark.parametrize(("value", "header"), [
    ("false", None),
    ("true", ["HTTP_X_FORWARDED_PROTO", "https"]),
    ("HTTP_X_FORWARDED_PROTO", ["HTTP_X_FORWARDED_PROTO", "https"]),
    ("X-Forwarded-Proto", ["HTTP_X_FORWARDED_PROTO", "https"]),
    ("X-Scheme", ["HTTP_X_SCHEME", "https"]),
])
def test_the_proxy_ssl_header_is_trusted_only_when_the_environment_names_it(value, header):
    assert production_settings(SECURE_PROXY_SSL_HEADER=value)["SECURE_PROXY_SSL_HEADER"] == header


def test_local_settings_run_without_debug_unless_asked():
    code = "from django.conf import settings; print(settings.DEBUG)"
    environment = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    quiet = subprocess.run([sys.executable, "-c", f"import django; django.setup()\n{code}"],
                           cwd=REPO, env={**environment, "DJANGO_SETTINGS_MODULE": "config.settings.local"},
                           capture_output=True, text=True, check=True)
    assert quiet.stdout.strip().splitlines()[-1] == "False"
    asked = start_django("config.settings.local", code=code, DEBUG="true")
    assert asked.stdout.strip().splitlines()[-1] == "True"


def test_every_setting_read_from_the_environment_is_in_env_example():
    example = (REPO / ".env.example").read_text()
    listed = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", example, re.MULTILINE))
    used: set[str] = set()
    for path in [*(REPO / "config").rglob("*.py"), *(REPO / "mapapp").rglob("*.py")]:
        used |= set(re.findall(r"""env_\w+\(\s*["']([A-Z][A-Z0-9_]+)["']""", path.read_text()))
        used |= set(re.findall(r"""environ(?:\.get)?\(\s*["']([A-Z][A-Z0-9_]+)["']""", path.read_text()))
        used |= set(re.findall(r"""_required\(\s*["']([A-Z][A-Z0-9_]+)["']""", path.read_text()))
    # Not settings: the process plumbing passed on to child processes.
    internal = {"DJANGO_SETTINGS_MODULE", "CONFLICTMAP_TEST_RUN", "PYTHONPATH"}
    assert used - internal - listed == set()
