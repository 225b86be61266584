"""Speed and size figures for the geoparser (what `manage.py bench_geoparse` prints).

* throughput: documents per second on one core, geoparsing alone (text already in memory);
* cold start: seconds for a fresh Python process to load the gazetteer index from disk;
* memory: peak resident set size of a fresh process that loaded it and parsed a document.
Figures are measured, never asserted: benchmarks are not tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from mapapp.geoparsing.parser import Geoparser

_FRESH_PROCESS = """
import json, resource, sys, time
started = time.perf_counter()
from mapapp.geoparsing.gazetteer import load_gazetteer
gazetteer = load_gazetteer()
loaded = time.perf_counter() - started
from mapapp.geoparsing import Geoparser
Geoparser(gazetteer).parse("Fighting near Idlib, Syria's northwestern province, reached Latakia.")
rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"load_seconds": loaded, "peak_rss_mib": rss_mib}))
"""


@dataclass(frozen=True, slots=True)
class Throughput:
    documents: int
    seconds: float  # wall clock, best pass
    cpu_seconds: float  # CPU time of this process, best pass: unaffected by other load
    cpu: int | None

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else float("inf")

    @property
    def docs_per_cpu_second(self) -> float:
        return self.documents / self.cpu_seconds if self.cpu_seconds else float("inf")


@dataclass(frozen=True, slots=True)
class ColdStart:
    load_seconds: float
    peak_rss_mib: float


def pin_to_one_core() -> int | None:
    """Restrict this process to a single CPU (Linux); returns the CPU, or None if unsupported."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def throughput(corpus: Path, geoparser: Geoparser, *, repeats: int = 3) -> Throughput:
    """Best of ``repeats`` passes over the corpus texts, on one core."""
    with open(corpus, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    cpu = pin_to_one_core()
    geoparser.parse(texts[0])  # warm caches outside the clock
    best = best_cpu = float("inf")
    for _ in range(repeats):
        started, started_cpu = time.perf_counter(), time.process_time()
        for text in texts:
            geoparser.parse(text)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    return Throughput(len(texts), best, best_cpu, cpu)


def cold_start() -> ColdStart:
    """Load the gazetteer in a fresh interpreter (index already built) and report time and memory."""
    repo_root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(repo_root), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", _FRESH_PROCESS], check=True, capture_output=True,
                          text=True, env=env, cwd=repo_root)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return ColdStart(figures["load_seconds"], figures["peak_rss_mib"])
