"""`manage.py build_gazetteer`: (re)build the embedded gazetteer index from the installed packages,
plus GeoNames dumps a deployment downloaded itself (``--geonames SY.zip --alternate-names
alternateNamesV2.zip``)."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mapapp.geoparsing.gazetteer import build_gazetteer, default_directory


class Command(BaseCommand):
    help = "Build the offline gazetteer index (written atomically; safe while workers run)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--geonames", nargs="+", type=Path, metavar="DUMP",
                            help="GeoNames geoname-table dumps to add (allCountries.zip, SY.zip, cities500.zip, "
                                 "or their .txt): their populated places and alternate names")
        parser.add_argument("--alternate-names", type=Path, metavar="FILE",
                            help="GeoNames alternateNamesV2.zip (or .txt): more spellings of the towns and villages")
        parser.add_argument("--packaged-only", action="store_true",
                            help="build from the packaged data alone, forgetting dumps loaded by an earlier build")

    def handle(self, *args, geonames: list[Path] | None, alternate_names: Path | None, packaged_only: bool,
               **options) -> None:
        if packaged_only and (geonames or alternate_names):
            raise CommandError("--packaged-only cannot be combined with --geonames or --alternate-names")
        for path in [*(geonames or ()), *filter(None, [alternate_names])]:
            if not path.is_file():
                raise CommandError(f"GeoNames dump not found: {path}")
        # Without options, the dumps recorded by the last build (if any) are loaded again.
        dumps = () if packaged_only else (geonames or []) if geonames or alternate_names else None
        started = time.perf_counter()
        try:
            path = build_gazetteer(default_directory(), geonames=dumps,
                                   alternate_names=alternate_names)
        except ValueError as error:  # a file that is not in GeoNames' format
            raise CommandError(str(error)) from error
        size_mib = path.stat().st_size / 2**20
        self.stdout.write(f"gazetteer written to {path} ({size_mib:.1f} MiB) in {time.perf_counter() - started:.1f} s")
