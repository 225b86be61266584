"""The README's scale-out block, run as written in a clean runtime-only virtual environment
(issue 12's CI job): PostgreSQL with Redis, PostgreSQL with RabbitMQ, and the mixed case of
SQLite with Redis. Each case runs migrate, collectstatic, a Celery worker, beat and gunicorn
with the production settings, saves published articles and waits for their places on the
map API that gunicorn serves.

The block is read from the README (tests/deploy/readme.py), so the two cannot drift. The
test changes only what must differ on a shared machine: the secret key, a private
PostgreSQL database, a private queue, a free port and private run-time folders; the
gazetteer is built once ("once per host") and shared by the cases."""
from __future__ import annotations

import contextlib
import json
import os
import secrets
import shlex
import signal
import subprocess
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.conftest import REPO, fetch
from tests.deploy.readme import DeploymentBlock, scale_out_block
from tests.deploy.runtime_venv import runtime_venv
from tests.pipeline_helpers import delete_queue, free_port

pytestmark = pytest.mark.services

LONG_RUNNING = ("worker", "beat", "gunicorn")
# What the HTTPS proxy in front of gunicorn sends; ALLOWED_HOSTS is the README's.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
# Places from the first and the last demo articles: all of them were processed.
EXPECTED_PLACES = {"Benghazi", "Aleppo", "Kharkiv", "Addis Ababa"}


@pytest.fixture(scope="module")
def venv() -> Path:
    started = time.monotonic()
    path = runtime_venv()
    print(f"\nruntime venv ready in {time.monotonic() - started:.1f} s: {path}")
    return path


@pytest.fixture(scope="module")
def shared_gazetteer(tmp_path_factory) -> dict:
    """One gazetteer folder for every case; the first case builds it with the README's command."""
    return {"dir": tmp_path_factory.mktemp("gazetteer"), "built": False}


def test_a_runtime_only_install_imports_everything_the_app_needs(venv):
    """kombu's Redis transport needs `packaging`, trafilatura needs `lxml_html_clean`: both
    come with the lock, and so does every module the app and its settings import."""
    code = """
import importlib, pkgutil
import django
django.setup()
import kombu.transport.redis, trafilatura, lxml_html_clean, gunicorn, psycopg  # noqa
for package in ("config", "mapapp"):
    root = importlib.import_module(package)
    for module in pkgutil.walk_packages(root.__path__, f"{package}."):
        importlib.import_module(module.name)
print("imported")
"""
    env = clean_environment(venv)
    env.update(DJANGO_SETTINGS_MODULE="config.settings.production",
               SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="map.example.org")
    result = subprocess.run([str(venv / "bin" / "python"), "-c", code], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "imported" in result.stdout
    pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "list", "--format=freeze"],
                         env=env, capture_output=True, text=True, check=True).stdout.lower()
    assert "pytest" not in pip and "hypothesis" not in pip  # runtime only


@pytest.mark.parametrize(("database", "broker"), [
    ("postgresql", "redis"), ("postgresql", "rabbitmq"), ("sqlite", "redis"),
])
def test_the_readme_scale_out_block_runs_as_written(venv, shared_gazetteer, tmp_path, database, broker):
    block = scale_out_block()
    started = time.monotonic()
    with Deployment(venv, block, tmp_path, database=database, broker=broker,
                    gazetteer=shared_gazetteer) as deployment:
        deployment.run_block()
        ready = time.monotonic()
        assert deployment.get("/")[0] == 200
        assert "Control socket" not in deployment.log("gunicorn")  # gunicorn.conf.py was read
        assert deployment.get("/", proxied=False)[0] == 301  # plain HTTP goes to HTTPS
        deployment.assert_static_files_served()
        deployment.save_published_articles()
        deployment.wait_for_places(EXPECTED_PLACES)
        print(f"\n{database}+{broker}: block ran in {ready - started:.1f} s, "
              f"demo articles on the map {time.monotonic() - ready:.1f} s later; "
              f"steps: {deployment.timings}")


def clean_environment(venv: Path) -> dict[str, str]:
    """This process's environment without anything that would choose settings for the app."""
    dropped = ("DJANGO_", "DATABASE_", "CELERY_", "SECURE_", "CONFLICTMAP_", "AXES_", "VIRTUAL_ENV")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(dropped) and k not in ("SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "PYTHONPATH")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return env


class Deployment:
    """The README block's environment and programs for one case, cleaned up on exit."""

    def __init__(self, venv: Path, block: DeploymentBlock, workdir: Path, *, database: str,
                 broker: str, gazetteer: dict) -> None:
        self.venv, self.block, self.workdir, self.gazetteer = venv, block, workdir, gazetteer
        self.port = free_port()
        self.programs: list[subprocess.Popen] = []
        self.timings: dict[str, float] = {}
        documented = {name: line.text for name, line in block.environment.items()}
        assert documented["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
        self.host = documented["ALLOWED_HOSTS"].split(",")[0]
        self.env = clean_environment(venv)
        self.env.update(documented)
        self.env.update(
            SECRET_KEY=secrets.token_urlsafe(50),
            CELERY_TASK_DEFAULT_QUEUE=f"conflictmap-deploy-{uuid.uuid4().hex[:12]}",
            CONFLICTMAP_VAR_DIR=str(workdir / "var"),
            CONFLICTMAP_GAZETTEER_DIR=str(gazetteer["dir"]),
        )
        self.broker_url = self._broker_url(broker)
        self.env["CELERY_BROKER_URL"] = self.broker_url
        self.database_name = None
        if database == "postgresql":
            self.database_name = f"conflictmap_deploy_{os.getpid()}_{uuid.uuid4().hex[:8]}"
            self.env["DATABASE_URL"] = self._private_database_url(documented["DATABASE_URL"])
        else:
            del self.env["DATABASE_URL"]  # the default: SQLite in CONFLICTMAP_VAR_DIR

    def _broker_url(self, broker: str) -> str:
        """The README's broker URL for `broker`: the value, or the one its comment offers."""
        line = self.block.environment["CELERY_BROKER_URL"]
        offered = [line.text, *(word for word in line.comment.split() if "://" in word)]
        matching = [url for url in offered if urlsplit(url).scheme == {"redis": "redis", "rabbitmq": "amqp"}[broker]]
        assert matching, f"the README offers no {broker} URL: {offered}"
        return matching[0]

    def _private_database_url(self, documented: str) -> str:
        """The README's PostgreSQL server with the local superuser and a database of our own."""
        parts = urlsplit(documented)
        assert parts.scheme.startswith("postgres")
        return urlunsplit((parts.scheme, f"postgres@{parts.hostname}:{parts.port or 5432}",
                           f"/{self.database_name}", "", ""))

    def _admin_connection(self):
        import psycopg

        parts = urlsplit(self.env["DATABASE_URL"])
        return psycopg.connect(host=parts.hostname, port=parts.port, user="postgres",
                               dbname="postgres", autocommit=True)

    def __enter__(self) -> Deployment:
        if self.database_name:
            with self._admin_connection() as connection:
                connection.execute(f'CREATE DATABASE "{self.database_name}"')
        return self

    def __exit__(self, *exc) -> None:
        for program in self.programs:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(program.pid, signal.SIGTERM)
        for program in self.programs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                program.wait(timeout=20)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(program.pid, signal.SIGKILL)
            program.wait()
        delete_queue(self.broker_url, self.env["CELERY_TASK_DEFAULT_QUEUE"])
        if self.database_name:
            with self._admin_connection() as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{self.database_name}" WITH (FORCE)')

    # --- the block ------------------------------------------------------------------
    def as_run_here(self, command: str) -> str:
        """The README command with this venv for `.venv` and a free port for gunicorn's."""
        assert command.startswith(".venv/bin/"), command
        command = f"{self.venv}/bin/{command.removeprefix('.venv/bin/')}"
        if "gunicorn" in shlex.split(command)[0]:
            assert "--bind 127.0.0.1:8000" in command
            command = command.replace("--bind 127.0.0.1:8000", f"--bind 127.0.0.1:{self.port}")
        return command

    def run_block(self) -> None:
        for line in self.block.commands:
            words = shlex.split(line.text)
            if "build_gazetteer" in words and self.gazetteer["built"]:
                continue  # "once per host": the first case built it for all
            command = self.as_run_here(line.text)
            started = time.monotonic()
            name = next((program for program in LONG_RUNNING if program in " ".join(words)), None)
            if name:
                self._start(name, command)
            else:
                result = subprocess.run(["bash", "-c", command], cwd=REPO, env=self.env,
                                        capture_output=True, text=True, timeout=600, check=False)
                assert result.returncode == 0, f"{line.text}\n{result.stdout}\n{result.stderr}"
                if "build_gazetteer" in words:
                    self.gazetteer["built"] = True
            step = words[words.index("manage.py") + 1] if "manage.py" in words else name
            self.timings[step] = round(time.monotonic() - started, 1)
        self._wait_until_ready()

    def _start(self, name: str, command: str) -> None:
        log = (self.workdir / f"{name}.log").open("wb")
        self.programs.append(subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=REPO, env=self.env,
                                              stdout=log, stderr=subprocess.STDOUT,
                                              start_new_session=True))
        self.programs[-1].name = name

    def log(self, name: str) -> str:
        return (self.workdir / f"{name}.log").read_text(errors="replace")

    def _wait_until_ready(self, timeout: float = 120) -> None:
        started = time.monotonic()
        deadline = started + timeout
        while time.monotonic() < deadline:
            for program in self.programs:
                assert program.poll() is None, f"{program.name} exited:\n{self.log(program.name)[-3000:]}"
            # The worker logs nothing at the README's (default) log level: the article
            # reaching the map later is the proof that it runs.
            if self.get("/api/places") is not None:
                self.timings["ready"] = round(time.monotonic() - started, 1)
                return
            time.sleep(0.3)
        pytest.fail("gunicorn did not come up:\n"
                    + "\n".join(self.log(p.name)[-2000:] for p in self.programs))

    # --- using it -------------------------------------------------------------------
    def get(self, path: str, *, proxied: bool = True) -> tuple[int, bytes] | None:
        headers = {"Host": self.host, **(PROXY_HEADERS if proxied else {})}
        return fetch(f"http://127.0.0.1:{self.port}{path}", timeout=10, **headers)

    def assert_static_files_served(self) -> None:
        import re

        page = self.get("/")[1]
        scripts = re.findall(rb'src="(/static/[^"]+\.js)"', page)
        assert scripts
        for script in scripts:
            assert self.get(script.decode())[0] == 200, script

    def save_published_articles(self) -> None:
        """Save the demo articles, published, through the app's own command (the same
        service call an editor's save in the admin makes)."""
        subprocess.run([str(self.venv / "bin" / "python"), "manage.py", "load_demo"], cwd=REPO,
                       env=self.env, capture_output=True, text=True, timeout=120, check=True)

    def wait_for_places(self, names: set[str], timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        seen: set[str] = set()
        while time.monotonic() < deadline:
            answer = self.get("/api/places")
            if answer and answer[0] == 200:
                seen = {f["properties"]["name"] for f in json.loads(answer[1])["features"]}
                if names <= seen:
                    return
            time.sleep(0.5)
        pytest.fail(f"{names - seen} not on the map (it shows {sorted(seen)}); "
                    f"worker log:\n{self.log('worker')[-3000:]}")
