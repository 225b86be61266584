import os
import subprocess
import sys

from tests.conftest import REPO


def start_django(settings_module: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    environment.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run([sys.executable, "-c", "import django; django.setup()"], check=False,
                          cwd=REPO, env=environment, capture_output=True, text=True)


def test_production_refuses_to_start_without_a_secret_key():
    result = start_django("config.settings.production", ALLOWED_HOSTS="map.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = start_django("config.settings.production", SECRET_KEY="s3cret-for-this-test")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_starts_with_both():
    result = start_django("config.settings.production", SECRET_KEY="s3cret-for-this-test",
                          ALLOWED_HOSTS="map.example.org")
    assert result.returncode == 0, result.stderr


def test_every_setting_read_from_the_environment_is_in_env_example():
    import re

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
