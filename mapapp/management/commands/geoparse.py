"""`manage.py geoparse IN.jsonl OUT.jsonl`: geoparse documents in bulk (evaluation harness).

Reads one {"id", "text", ...} object per line, writes one {"id", "toponyms": [{"start",
"end", "name", "lat", "lon", "geonameid", "kind", "confidence", "status"}]} per line, as
../shared/bench/score.py and map_truth.py read them, and prints documents per second
(geoparsing alone). "status" is "sure" or "unsure", as the app decides it from the
confidence (settings.MAP_SURE_CONFIDENCE, or --threshold). Demonyms are left out unless
--demonyms is given: the output is what the map plots.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from mapapp.geoparsing import get_geoparser
from mapapp.geoparsing.bulk import geoparse_jsonl
from mapapp.geoparsing.certainty import toponym_status


class Command(BaseCommand):
    help = "Geoparse a JSONL file of documents into a JSONL file of predicted toponyms."

    def add_arguments(self, parser) -> None:
        parser.add_argument("input", help="JSONL with {'id', 'text'} per line")
        parser.add_argument("output", help="where to write the predictions (JSONL)")
        parser.add_argument("--demonyms", action="store_true",
                            help="also write demonyms ('Syrian'), flagged; by default they are left "
                                 "out, as the map leaves them out (LGL annotates them, GeoVirus does not)")
        parser.add_argument("--threshold", type=float, default=None,
                            help="confidence at which a toponym is sure (default: settings.MAP_SURE_CONFIDENCE)")

    def handle(self, *args, input: str, output: str, demonyms: bool, threshold: float | None,
               **options) -> None:
        threshold = settings.MAP_SURE_CONFIDENCE if threshold is None else threshold
        run = geoparse_jsonl(input, output, get_geoparser(), include_demonyms=demonyms)
        _write_statuses(Path(output), threshold)
        self.stdout.write(f"{run.documents} documents in {run.seconds:.2f} s: {run.docs_per_second:.0f} docs/s")


def _write_statuses(path: Path, threshold: float) -> None:
    """Give every toponym in a prediction file the status the app would give it."""
    with open(path, encoding="utf-8") as f:
        documents = [json.loads(line) for line in f if line.strip()]
    for document in documents:
        for toponym in document["toponyms"]:
            toponym["status"] = toponym_status(toponym["confidence"], threshold=threshold)
    partial = path.with_name(path.name + ".partial")
    with open(partial, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(document, ensure_ascii=False) + "\n" for document in documents)
    os.replace(partial, path)
