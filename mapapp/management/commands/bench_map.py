"""`python manage.py bench_map --sizes 10000,100000,1000000 --reset`: how fast the
reader's map is at each size, on the database DATABASE_URL names (use a database made
for it: --reset deletes every article, place and mention in it).

For each size it fills the database with synthetic data (places = mentions/50 up to
20,000; articles = mentions/10), starts the web app as a real server, then measures:
- index build: the first API request after start (the in-memory map index is built);
- API p50/p95: GET /api/places for random viewports (zoom 4-8, hotspots) and time
  windows (7-365 days), plus every tenth request for the whole world and all time;
- first markers: navigation to the first marker on screen in headless Chromium;
- redraw p50/p95: setting a new time window until its markers are drawn."""
from __future__ import annotations

import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Self

from django.conf import settings
from django.core.management import BaseCommand, CommandError, CommandParser
from django.db import connection

from mapapp.benchmarks.synthetic import generate
from mapapp.models import Article, Mention, Place
from mapapp.processing.revision import revision_bump

REPO = Path(settings.BASE_DIR)
CHROMIUM = "/usr/bin/chromium"
HOTSPOTS = [(35.0, 38.0), (33.3, 44.4), (48.5, 35.0), (15.5, 44.2), (34.5, 69.2), (31.5, 34.5)]
VIEWPORT = (1280, 800)


class Command(BaseCommand):
    help = "Benchmark the reader's map API and page at several sizes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--sizes", default="10000,100000,1000000")
        parser.add_argument("--requests", type=int, default=200)
        parser.add_argument("--redraws", type=int, default=20)
        parser.add_argument("--reset", action="store_true",
                            help="Delete all articles, places and mentions first (required).")
        parser.add_argument("--no-browser", action="store_true")

    def handle(self, *args, **options) -> None:
        if not options["reset"]:
            raise CommandError("bench_map replaces all map data: pass --reset, on a database made for it.")
        sizes = [int(s) for s in options["sizes"].split(",") if s.strip()]
        engine = connection.vendor
        rows = []
        for size in sizes:
            self.stdout.write(f"[{engine}] filling {size} mentions ...")
            began = time.perf_counter()
            _reset()
            generate(articles=max(10, size // 10), mentions=size,
                     places=min(20_000, max(50, size // 50)))
            fill = time.perf_counter() - began
            with _Server() as server:
                build = _timed_get(server.url + "/api/places?zoom=3")
                api = _api_latencies(server.url, options["requests"])
                browser = (None, [], []) if options["no_browser"] else _browser(server.url, options["redraws"])
            rows.append((engine, size, fill, build, api, browser))
        self.stdout.write(_table(rows))


def _reset() -> None:
    # Raw deletes: the ORM's cascade would load a million rows to send signals.
    with connection.cursor() as cursor:
        for model in (Mention, Article, Place):
            cursor.execute(f"DELETE FROM {model._meta.db_table}")
        for table in ("mapapp_historicalarticle", "mapapp_historicalplace"):
            if table in connection.introspection.table_names():
                cursor.execute(f"DELETE FROM {table}")
    revision_bump()


class _Server:
    """`manage.py runserver` on a free loopback port, on the same database."""

    def __enter__(self) -> Self:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.local", "DEBUG": "true",
               "DATABASE_URL": os.environ.get("DATABASE_URL", settings.DATABASE_URL)}
        connection.close()  # hold no lock or snapshot while the server reads
        self.log = tempfile.NamedTemporaryFile(prefix="bench-map-server-", suffix=".log", delete=False)
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload",
             "--skip-checks"], cwd=REPO, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/api/openapi.json", timeout=60).read()
                return self
            except OSError:
                time.sleep(0.3)
        self.process.kill()
        raise CommandError(f"the web server did not start; its log: {self.log.name}")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


def _timed_get(url: str) -> float:
    began = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        response.read()
        if response.status != 200:
            raise CommandError(f"{url} answered {response.status}")
    return (time.perf_counter() - began) * 1000


def _random_view(rng: random.Random, whole: bool) -> str:
    if whole:
        return "zoom=3&bbox=-180,-85,180,85"
    zoom = rng.randint(4, 8)
    lat, lon = rng.choice(HOTSPOTS)
    lat += rng.uniform(-3, 3)
    lon += rng.uniform(-3, 3)
    half_w = VIEWPORT[0] / 256 / 2**zoom * 360 / 2
    half_h = min(80.0, half_w * VIEWPORT[1] / VIEWPORT[0] * 1.3)
    start = dt.date(2011, 1, 1) + dt.timedelta(days=rng.randint(0, 5000))
    end = start + dt.timedelta(days=rng.randint(7, 365))
    bbox = f"{lon - half_w:.4f},{max(-90, lat - half_h):.4f},{lon + half_w:.4f},{min(90, lat + half_h):.4f}"
    return f"zoom={zoom}&bbox={bbox}&start={start}&end={end}"


def _api_latencies(base: str, count: int) -> list[float]:
    rng = random.Random(11)
    return [_timed_get(f"{base}/api/places?{_random_view(rng, i % 10 == 0)}") for i in range(count)]


def _browser(base: str, redraws: int) -> tuple[float, list[float], list[float]]:
    from playwright.sync_api import sync_playwright

    rng = random.Random(5)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport={"width": VIEWPORT[0], "height": VIEWPORT[1]})
        page.route("https://*.openstreetmap.org/**", lambda route: route.abort())
        page.goto(base + "/", wait_until="commit")  # warm the browser's caches once
        page.wait_for_selector(".place-marker, .cluster-marker", timeout=60_000)
        url = f"{base}/?lat=35&lng=38&z=5&start=2015-01-01&end=2015-12-31"
        began = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.wait_for_selector(".place-marker, .cluster-marker", timeout=60_000)
        first = (time.perf_counter() - began) * 1000
        inside, outside = [], []
        for _ in range(redraws):
            start = dt.date(2011, 1, 1) + dt.timedelta(days=rng.randint(0, 5000))
            end = start + dt.timedelta(days=rng.randint(7, 365))
            timings = page.evaluate(
                """async ([start, end]) => {
                    const t0 = performance.now();
                    await window.conflictMap.setWindow(start, end);
                    return [performance.now() - t0, window.conflictMap.lastRedrawMs];
                }""",
                [start.isoformat(), end.isoformat()],
            )
            outside.append(timings[0])
            inside.append(timings[1])
        browser.close()
    return first, outside, inside


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def _table(rows: list) -> str:
    lines = [
        "| engine | mentions | fill s | index build ms | API p50 ms | API p95 ms "
        "| first markers ms | redraw p50 ms | redraw p95 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for engine, size, fill, build, api, (first, redraw, _) in rows:
        first_text = f"{first:.0f}" if first is not None else "-"
        lines.append(
            f"| {engine} | {size:,} | {fill:.1f} | {build:.0f} | {_pct(api, 50):.1f} | {_pct(api, 95):.1f} | "
            f"{first_text} | {_pct(redraw, 50):.1f} | {_pct(redraw, 95):.1f} |"
        )
    return "\n".join(lines)
