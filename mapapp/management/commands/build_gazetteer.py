"""`manage.py build_gazetteer`: (re)build the embedded gazetteer index from the installed packages."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from mapapp.geoparsing.gazetteer import build_gazetteer, default_directory


class Command(BaseCommand):
    help = "Build the offline gazetteer index (written atomically; safe while workers run)."

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        path = build_gazetteer(default_directory())
        size_mib = path.stat().st_size / 2**20
        self.stdout.write(f"gazetteer written to {path} ({size_mib:.1f} MiB) in {time.perf_counter() - started:.1f} s")
