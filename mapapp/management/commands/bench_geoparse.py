"""`manage.py bench_geoparse [CORPUS.jsonl]`: print the geoparser's speed and size figures.

LGL documents per second on one core (geoparsing alone), gazetteer load time in a fresh
process, and the peak RSS of a process that loaded it. See mapapp/benchmarks/geoparser.py.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mapapp.benchmarks.geoparser import cold_start, throughput
from mapapp.geoparsing import get_geoparser


class Command(BaseCommand):
    help = "Print geoparsing throughput (docs/s, one core), gazetteer cold-start time and peak RSS."

    def add_arguments(self, parser) -> None:
        default = Path(settings.BASE_DIR).parent / "shared" / "bench" / "lgl.jsonl"
        parser.add_argument("corpus", nargs="?", default=str(default),
                            help="JSONL with {'text'} per line (default: the shared LGL corpus)")
        parser.add_argument("--repeats", type=int, default=3)

    def handle(self, *args, corpus: str, repeats: int, **options) -> None:
        if not Path(corpus).exists():
            raise CommandError(f"corpus not found: {corpus}")
        start = cold_start()  # also makes sure the index is built before timing
        run = throughput(Path(corpus), get_geoparser(), repeats=repeats)
        self.stdout.write(f"throughput: {run.documents} docs, best of {repeats}, one core (cpu {run.cpu}): "
                          f"{run.docs_per_second:.0f} docs/s wall clock ({run.seconds:.3f} s), "
                          f"{run.docs_per_cpu_second:.0f} docs/s of CPU time ({run.cpu_seconds:.3f} s)")
        self.stdout.write(f"gazetteer load in a fresh process: {start.load_seconds:.2f} s")
        self.stdout.write(f"peak RSS of a process that loaded it and parsed: {start.peak_rss_mib:.0f} MiB")
