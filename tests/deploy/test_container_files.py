"""The Dockerfile and compose.yaml stay in step with the README's production steps and
with the settings the app reads (the images cannot be built here, so they are read)."""
import re
import shlex
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import REPO
from tests.deploy.compose_file import parse_compose
from tests.deploy.readme import scale_out_block

DOCKERFILE = (REPO / "Dockerfile").read_text()


@pytest.fixture(scope="module")
def compose() -> dict:
    return parse_compose((REPO / "compose.yaml").read_text())


def dockerfile_instructions(name: str) -> list[str]:
    """The arguments of every `name` instruction, continuation lines joined."""
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [line.split(None, 1)[1] for line in joined.splitlines() if line.startswith(f"{name} ")]


def readme_program(program: str) -> list[str]:
    """The README's command for `program`, without the `.venv/bin/` in front."""
    words = shlex.split(scale_out_block().command_running(program).text)
    return [Path(words[0]).name, *words[1:]]


def shell_words(command: list[str]) -> list[str]:
    """A compose command's words, `sh -c "a && exec b"` read as the words of b."""
    if command[:2] == ["sh", "-c"]:
        return shlex.split(command[2].split("exec ", 1)[1])
    return command


def test_compose_runs_web_worker_beat_postgresql_and_redis(compose):
    assert set(compose["services"]) == {"web", "worker", "beat", "db", "redis"}
    assert compose["services"]["db"]["image"].startswith("postgres:")
    assert compose["services"]["redis"]["image"].startswith("redis:")
    for name in ("web", "worker", "beat"):
        assert compose["services"][name]["build"] == "."


def test_compose_commands_are_the_readme_commands(compose):
    services = compose["services"]
    web = shell_words(services["web"]["command"])
    assert web[:2] == readme_program("gunicorn")[:2] == ["gunicorn", "config.wsgi:application"]
    assert "manage.py migrate" in services["web"]["command"][2]
    worker = services["worker"]["command"]
    assert worker[:len(readme_program("worker"))] == readme_program("worker")
    beat = services["beat"]["command"]
    assert beat[:len(readme_program("beat"))] == readme_program("beat")


def test_compose_sets_what_the_readme_exports_and_points_at_its_own_servers(compose):
    app = compose["services"]["web"]["environment"]
    assert set(scale_out_block().environment) <= set(app)
    assert app["DJANGO_SETTINGS_MODULE"] == scale_out_block().environment["DJANGO_SETTINGS_MODULE"].text
    # No default secret: compose stops with a message when SECRET_KEY is not given.
    assert app["SECRET_KEY"].startswith("${SECRET_KEY:?")
    database = urlsplit(app["DATABASE_URL"])
    db = compose["services"]["db"]["environment"]
    assert (database.hostname, database.username, database.password, database.path) == \
        ("db", db["POSTGRES_USER"], db["POSTGRES_PASSWORD"], f"/{db['POSTGRES_DB']}")
    assert urlsplit(app["CELERY_BROKER_URL"]).hostname == "redis"
    for name in ("worker", "beat"):
        assert compose["services"][name]["environment"] == app


def test_every_variable_compose_sets_is_a_documented_setting(compose):
    example = (REPO / ".env.example").read_text()
    listed = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", example, re.MULTILINE))
    assert set(compose["services"]["web"]["environment"]) - listed == set()


def test_the_image_installs_the_lock_collects_static_files_and_serves_with_gunicorn():
    base = dockerfile_instructions("FROM")[0]
    lock_python = re.search(r"pip-compile with Python (\d+\.\d+)", (REPO / "requirements.txt").read_text())
    assert base.startswith(f"python:{lock_python.group(1)}-")
    runs = " ".join(dockerfile_instructions("RUN"))
    assert "pip install --no-cache-dir --require-hashes -r /tmp/requirements.txt" in runs
    assert "manage.py collectstatic --noinput" in runs
    assert "manage.py build_gazetteer" in runs
    assert "DJANGO_SETTINGS_MODULE=config.settings.production" in " ".join(dockerfile_instructions("ENV"))
    command = shlex.split(dockerfile_instructions("CMD")[0].replace('", "', " ").strip('[]"'))
    assert command[:2] == readme_program("gunicorn")[:2]
    for copied in dockerfile_instructions("COPY"):
        source = copied.split()[0]
        assert (REPO / source).exists(), source


def test_the_image_leaves_local_installs_and_run_time_files_out():
    ignored = set((REPO / ".dockerignore").read_text().split())
    assert {".git", ".venv", "var", ".env"} <= ignored
