"""Shared fixtures: the source article, real Celery worker processes and a real
browser (Debian's Chromium driven by Playwright)."""
import http.client
import os
import time
import urllib.parse
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests
# make around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS_ARTICLE = SHARED / "corpus" / "dw-2015-09-19-assad-exit-kerry.txt"
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


@pytest.fixture(scope="session")
def corpus_article_text() -> str:
    """The DW report of 19 September 2015 the project started from, as saved from the web."""
    if not CORPUS_ARTICLE.exists():
        pytest.skip(f"the shared corpus is not at {CORPUS_ARTICLE}")
    return CORPUS_ARTICLE.read_text(encoding="utf-8")


def database_url_for_workers() -> str:
    """A DATABASE_URL that points a child process at the database this test uses."""
    from django.db import connection

    config = connection.settings_dict
    if config["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{config['NAME']}"
    user = config.get("USER") or ""
    password = f":{config['PASSWORD']}" if config.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    return f"postgres://{auth}{config.get('HOST') or '127.0.0.1'}:{config.get('PORT') or 5432}/{config['NAME']}"


@pytest.fixture
def celery_worker_process(transactional_db, tmp_path):
    """One real worker, started before the test and stopped after it."""
    from tests.pipeline_helpers import Worker

    worker = Worker(tmp_path / "worker.log").start()
    yield worker
    worker.stop()


def fetch(url: str, *, timeout: float = 5, **headers: str) -> tuple[int, bytes] | None:
    """(status, body) of one GET, redirects not followed; None while nothing answers."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", target, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    except OSError:
        return None
    finally:
        connection.close()


def wait_until(predicate, *, timeout: float = 60, interval: float = 0.2, message: str = ""):
    """Poll `predicate` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    pytest.fail(message or f"condition not met within {timeout} s")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    """A fresh browser tab; a screenshot of its last state is saved as a test artifact.
    Tile requests are refused: this machine has no route to the tile servers."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.route("https://*.openstreetmap.org/**", lambda route: route.abort())
    yield tab
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    finally:
        context.close()


def pytest_sessionfinish(session, exitstatus) -> None:
    """Remove this run's filesystem-broker folders (tasks left by tests that had no worker)."""
    import shutil

    from django.conf import settings

    run = os.environ.get("CONFLICTMAP_TEST_RUN")
    if run and settings.configured:
        shutil.rmtree(settings.BROKER_DIR / f"test-{run}", ignore_errors=True)
