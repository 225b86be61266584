"""Run the geoparser over a gold corpus as the app does and judge what the map would show."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from mapapp.evaluation.map_truth import MapTruth, read_jsonl, score_predictions
from mapapp.geoparsing.bulk import toponym_record
from mapapp.geoparsing.certainty import toponym_status
from mapapp.geoparsing.parser import Geoparser
from mapapp.geoparsing.types import Toponym


@dataclass(frozen=True, slots=True)
class CorpusEvaluation:
    """One gold corpus scored: the verdicts, the texts (for error listings) and the speed."""

    corpus: str
    truth: MapTruth
    texts: dict[str, str]
    documents: int
    seconds: float  # geoparsing alone

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else float("inf")


def mapped_record(toponym: Toponym, *, threshold: float) -> dict:
    """A toponym as `manage.py geoparse` writes it, with the status the app gives it."""
    return {**toponym_record(toponym), "status": toponym_status(toponym.confidence, threshold=threshold)}


def evaluate_corpus(gold_path: Path | str, geoparser: Geoparser, *, threshold: float) -> CorpusEvaluation:
    """Geoparse every document of a gold JSONL file and score the output."""
    documents = read_jsonl(gold_path)
    started = time.perf_counter()
    toponyms = [geoparser.parse(doc["text"]) for doc in documents]
    seconds = time.perf_counter() - started
    predictions = [
        {"id": doc["id"],
         "toponyms": [mapped_record(t, threshold=threshold) for t in found]}
        for doc, found in zip(documents, toponyms, strict=True)]
    truth = score_predictions(documents, predictions, threshold=threshold)
    return CorpusEvaluation(corpus=Path(gold_path).stem, truth=truth,
                            texts={doc["id"]: doc["text"] for doc in documents},
                            documents=len(documents), seconds=seconds)
