"""Geoparse JSONL files of documents: the evaluation harness behind `manage.py geoparse`."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from mapapp.geoparsing.parser import Geoparser
from mapapp.geoparsing.types import Toponym


@dataclass(frozen=True, slots=True)
class BulkRun:
    documents: int
    seconds: float  # geoparsing alone: reading, writing and gazetteer loading excluded

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else float("inf")


def toponym_record(t: Toponym) -> dict:
    """The prediction shape ../shared/bench/score.py reads (extra keys are ignored there)."""
    return {"start": t.start, "end": t.end, "name": t.name, "lat": t.latitude, "lon": t.longitude,
            "geonameid": t.geonameid, "kind": t.kind, "is_demonym": t.is_demonym,
            "confidence": t.confidence}


def geoparse_jsonl(source: Path | str, target: Path | str, geoparser: Geoparser, *,
                   include_demonyms: bool = False) -> BulkRun:
    """Read {"id", "text"} per line from ``source``; write {"id", "toponyms"} per line to ``target``.

    Demonyms ("Syrian") are left out, as the map leaves them out, unless ``include_demonyms``
    is True (then they are written flagged: LGL annotates them, GeoVirus does not).
    """
    with open(source, encoding="utf-8") as f:
        documents = [json.loads(line) for line in f if line.strip()]
    started = time.perf_counter()
    results = [(doc["id"], geoparser.parse(doc["text"])) for doc in documents]
    elapsed = time.perf_counter() - started
    with open(target, "w", encoding="utf-8") as f:
        for doc_id, toponyms in results:
            row = {"id": doc_id, "toponyms": [toponym_record(t) for t in toponyms
                                              if include_demonyms or not t.is_demonym]}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return BulkRun(len(documents), elapsed)
