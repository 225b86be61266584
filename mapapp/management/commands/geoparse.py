"""`manage.py geoparse IN.jsonl OUT.jsonl`: geoparse documents in bulk (evaluation harness).

Reads one {"id", "text", ...} object per line, writes one {"id", "toponyms": [{"start",
"end", "name", "lat", "lon", "geonameid", "kind"}]} per line, as ../shared/bench/score.py
reads them, and prints documents per second (geoparsing alone). Demonyms are left out unless
--demonyms is given: the output is what the map plots.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from mapapp.geoparsing import get_geoparser
from mapapp.geoparsing.bulk import geoparse_jsonl


class Command(BaseCommand):
    help = "Geoparse a JSONL file of documents into a JSONL file of predicted toponyms."

    def add_arguments(self, parser) -> None:
        parser.add_argument("input", help="JSONL with {'id', 'text'} per line")
        parser.add_argument("output", help="where to write the predictions (JSONL)")
        parser.add_argument("--demonyms", action="store_true",
                            help="also write demonyms ('Syrian'), flagged; by default they are left "
                                 "out, as the map leaves them out (LGL annotates them, GeoVirus does not)")

    def handle(self, *args, input: str, output: str, demonyms: bool, **options) -> None:
        run = geoparse_jsonl(input, output, get_geoparser(), include_demonyms=demonyms)
        self.stdout.write(f"{run.documents} documents in {run.seconds:.2f} s: {run.docs_per_second:.0f} docs/s")
