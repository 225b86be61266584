"""`manage.py serve`: what `make run` starts (web and a real worker on the embedded
defaults, demo articles on the map without any other step, a dead worker restarted) and,
with --production, what `make serve` starts (migrate, collectstatic, gunicorn, worker and
beat, stopped together)."""
import contextlib
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, fetch, wait_until

DEMO_PLACES = {"Benghazi", "Aleppo", "Kharkiv", "Addis Ababa"}  # first and last demo articles


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def mapped_names(port: int, **headers: str) -> set[str]:
    answer = fetch(f"http://127.0.0.1:{port}/api/places", **headers)
    if not answer or answer[0] != 200:
        return set()
    return {f["properties"]["name"] for f in json.loads(answer[1])["features"]}


def started_programs(log: Path) -> list[tuple[str, int]]:
    """(name, pid) of every program start `serve` reported, in order."""
    return [(name, int(pid)) for name, pid in
            re.findall(r"^(.+?) started \(pid (\d+)\)", log.read_text(), re.MULTILINE)]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A child of serve that died but was not reaped yet is a zombie, not alive.
    status = Path(f"/proc/{pid}/stat")
    return status.exists() and status.read_text().split(")")[-1].split()[0] != "Z"


class Serve:
    """`manage.py serve` in its own process group, its output in a log file."""

    def __init__(self, tmp_path: Path, *args: str, background: bool = False, **env: str) -> None:
        self.port = free_port()
        self.log = tmp_path / "serve.log"
        self.env = {
            **{k: v for k, v in os.environ.items()
               if k not in ("DATABASE_URL", "CELERY_BROKER_URL", "DEBUG")},
            "DJANGO_SETTINGS_MODULE": "config.settings.local",
            "CONFLICTMAP_VAR_DIR": str(tmp_path / "var"),
            "PORT": str(self.port),
            **env,
        }
        with self.log.open("wb") as log:
            # `background`: started as `cmd &` from a shell script is, with SIGINT ignored.
            ignore_sigint = (lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if background else None
            self.process = subprocess.Popen([sys.executable, "manage.py", "serve", *args], cwd=REPO,
                                            env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True,
                                            preexec_fn=ignore_sigint)  # noqa: PLW1509 (one signal() call)

    def manage(self, *args: str) -> str:
        """Run another management command against the same database and broker."""
        return subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=self.env,
                              check=True, capture_output=True, text=True, timeout=120).stdout

    def stop(self, signum: int = signal.SIGINT) -> None:
        os.killpg(self.process.pid, signum)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def kill_leftovers(self) -> None:
        for _, pid in started_programs(self.log):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)


@pytest.fixture
def serve(tmp_path):
    started: list[Serve] = []

    def start(*args: str, background: bool = False, **env: str) -> Serve:
        started.append(Serve(tmp_path, *args, background=background, **env))
        return started[-1]

    yield start
    for server in started:
        if server.process.poll() is None:
            server.stop(signal.SIGKILL)
        server.kill_leftovers()


def test_serve_starts_web_and_worker_and_maps_the_demo_articles(serve):
    server = serve()
    wait_until(lambda: mapped_names(server.port) >= DEMO_PLACES, timeout=150, interval=1,
               message="demo articles did not reach the map")
    assert len(mapped_names(server.port)) >= 20
    status, page = fetch(f"http://127.0.0.1:{server.port}/")
    assert status == 200 and b'id="map"' in page
    server.stop()
    assert "Worker started" in server.log.read_text()
    assert not any(alive(pid) for _, pid in started_programs(server.log))


def test_serve_started_in_the_background_still_stops_everything_on_sigint(serve):
    server = serve("--no-demo", background=True)
    wait_until(lambda: fetch(f"http://127.0.0.1:{server.port}/api/places"), timeout=60,
               message="the web server did not answer")
    pids = [pid for _, pid in started_programs(server.log)]
    assert len(pids) == 2
    server.stop(signal.SIGINT)
    assert server.process.returncode == 0
    assert "Stopping..." in server.log.read_text()
    assert not any(alive(pid) for pid in pids)


def test_serve_runs_without_debug_and_still_serves_the_static_files(serve):
    server = serve("--no-demo")
    wait_until(lambda: fetch(f"http://127.0.0.1:{server.port}/"), timeout=60, interval=0.5,
               message="the web server did not answer")
    status, page = fetch(f"http://127.0.0.1:{server.port}/")
    assert status == 200
    scripts = re.findall(rb'src="(/static/[^"]+\.js)"', page)
    assert scripts, page[:2000]
    for script in scripts:
        assert fetch(f"http://127.0.0.1:{server.port}{script.decode()}")[0] == 200, script
    # DEBUG's yellow page with settings and tracebacks never shows: a plain 404.
    status, body = fetch(f"http://127.0.0.1:{server.port}/no-such-page/")
    assert status == 404
    assert b"DEBUG = True" not in body and b"URLconf" not in body


def test_serve_restarts_a_worker_that_dies(serve):
    server = serve("--no-demo")
    first = wait_until(lambda: [pid for name, pid in started_programs(server.log) if name == "Worker"],
                       timeout=60, message="no worker started")[0]
    wait_until(lambda: fetch(f"http://127.0.0.1:{server.port}/api/places"), timeout=60,
               message="the web server did not answer")
    os.kill(first, signal.SIGKILL)
    second = wait_until(
        lambda: [pid for name, pid in started_programs(server.log) if name == "Worker" and pid != first],
        timeout=30, message=f"the killed worker was not replaced:\n{server.log.read_text()[-3000:]}")[0]
    assert alive(second) and not alive(first)
    assert f"Worker (pid {first}) exited" in server.log.read_text()
    server.manage("load_demo")
    wait_until(lambda: mapped_names(server.port) >= DEMO_PLACES, timeout=120, interval=1,
               message="the new worker did not process the articles")


def test_serve_refuses_a_port_in_use_before_starting_a_worker(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.local",
               "CONFLICTMAP_VAR_DIR": str(tmp_path / "var"), "PORT": str(port)}
        result = subprocess.run([sys.executable, "manage.py", "serve"], check=False, cwd=REPO, env=env,
                                capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert f"Port {port} on 127.0.0.1 is in use" in result.stderr
    assert "Worker started" not in result.stdout


def test_serve_production_runs_gunicorn_worker_and_beat_and_stops_them_together(serve, tmp_path):
    server = serve("--production", DJANGO_SETTINGS_MODULE="config.settings.production",
                   SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="map.example.org",
                   SECURE_PROXY_SSL_HEADER="true")
    # What the HTTPS proxy in front would send.
    proxied = {"Host": "map.example.org", "X-Forwarded-Proto": "https"}
    wait_until(lambda: len(started_programs(server.log)) >= 3, timeout=120,
               message=f"serve --production did not start:\n{server.log.read_text()[-3000:]}")
    names = [name for name, _ in started_programs(server.log)]
    assert names == ["Web server (gunicorn)", "Worker", "Beat"]
    wait_until(lambda: fetch(f"http://127.0.0.1:{server.port}/", **proxied), timeout=60,
               message="gunicorn did not answer")
    status, page = fetch(f"http://127.0.0.1:{server.port}/", **proxied)
    assert status == 200
    # collectstatic ran: the page links hashed file names that WhiteNoise serves.
    scripts = re.findall(rb'src="(/static/[^"]+\.[0-9a-f]{12}\.js)"', page)
    assert scripts, page[:2000]
    for script in scripts:
        assert fetch(f"http://127.0.0.1:{server.port}{script.decode()}", **proxied)[0] == 200
    # Plain HTTP is sent to HTTPS.
    status, _ = fetch(f"http://127.0.0.1:{server.port}/", Host="map.example.org")
    assert status == 301
    server.manage("load_demo")
    wait_until(lambda: mapped_names(server.port, **proxied) >= DEMO_PLACES, timeout=120, interval=1,
               message="the worker did not process the demo articles")
    pids = [pid for _, pid in started_programs(server.log)]
    server.stop(signal.SIGTERM)
    assert server.process.returncode == 0
    assert not any(alive(pid) for pid in pids)
