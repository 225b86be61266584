"""`manage.py serve` (what `make run` starts): web and a real worker on the embedded
defaults, demo articles loaded and on the map without any other step."""
import json
import os
import signal
import socket
import subprocess
import sys
import urllib.request

from tests.conftest import REPO, wait_until


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch_json(url: str):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return json.load(response)
    except OSError:
        return None


def test_serve_starts_web_and_worker_and_maps_the_demo_articles(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "CONFLICTMAP_VAR_DIR": str(tmp_path / "var"),
        "PORT": str(port),
    }
    env.pop("DATABASE_URL", None)
    env.pop("CELERY_BROKER_URL", None)
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen([sys.executable, "manage.py", "serve"], cwd=REPO, env=env,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    def mapped_names() -> set[str]:
        data = fetch_json(f"http://127.0.0.1:{port}/api/places") or {"features": []}
        return {f["properties"]["name"] for f in data["features"]}

    def demo_places_on_the_map() -> bool:
        names = mapped_names()
        # Places from the first and the last demo articles: all of them were processed.
        return {"Benghazi", "Aleppo", "Kharkiv", "Addis Ababa"} <= names

    try:
        wait_until(demo_places_on_the_map, timeout=150, interval=1,
                   message="demo articles did not reach the map")
        assert len(mapped_names()) >= 20
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert b'id="map"' in response.read()
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()
    assert "Worker started" in (tmp_path / "serve.log").read_text()


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
