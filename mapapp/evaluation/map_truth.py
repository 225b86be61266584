"""Map truth: of the toponyms a geoparser output would put on the map, how many are right, and
how well its certainty separates right from wrong.

The rules are those of ../shared/bench/map_truth.py, so figures compare across the team:

- a mapped toponym is one with coordinates that is not a demonym ("Syrian" is not drawn);
- it is right when its span overlaps a gold toponym whose point lies within 161 km of it
  (1,000 km when it is a country, 400 km when a first-level region: a reader sees those as areas,
  and corpora disagree on their centre points);
- it is unsure when it says ``"status": "unsure"`` (or ``"review": true``), else, when it carries
  neither, when its confidence is below the threshold;
- a gold toponym without coordinates (a street in LGL) is never counted as missed, but a
  prediction overlapping only such toponyms is wrong;
- a gold toponym is found when a mapped toponym overlaps it within 161 km, whatever its kind.

Calibration: the expected calibration error over 10 equal-width confidence bins, the mean over
bins, weighted by their size, of |share right - mean confidence|.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

CITY_TOLERANCE_KM = 161.0
AREA_TOLERANCE_KM = {"country": 1000.0, "region": 400.0}
BINS = 10


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, Earth radius 6,371 km)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_chord = (math.sin((phi2 - phi1) / 2) ** 2
                  + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(half_chord)))


def read_jsonl(path: Path | str) -> list[dict]:
    """One JSON object per non-blank line."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def is_mapped(prediction: dict) -> bool:
    """Whether the map would draw this predicted toponym: located, and not a demonym."""
    return prediction.get("lat") is not None and not prediction.get("is_demonym")


def is_unsure(prediction: dict, threshold: float) -> bool:
    """Whether a predicted toponym is unsure: its own status or review flag, else its confidence."""
    if "status" in prediction or "review" in prediction:
        return prediction.get("status") == "unsure" or prediction.get("review") is True
    return prediction.get("confidence", 1.0) < threshold


def _overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


@dataclass(frozen=True, slots=True)
class JudgedToponym:
    """One mapped toponym and the verdict on it."""

    doc_id: str
    start: int
    end: int
    name: str
    kind: str | None
    confidence: float
    sure: bool
    right: bool
    gold_name: str | None  # the overlapping gold toponym, None when the span is no gold place
    error_km: float | None  # distance to that gold toponym's point


@dataclass(frozen=True, slots=True)
class MissedToponym:
    """A gold toponym with coordinates that no mapped toponym put within 161 km."""

    doc_id: str
    start: int
    end: int
    name: str


@dataclass(frozen=True, slots=True)
class ReliabilityBin:
    """Mapped toponyms whose confidence lies in [low, high) (the last bin includes 1.0)."""

    low: float
    high: float
    count: int
    mean_confidence: float
    share_right: float


@dataclass
class MapTruth:
    """The verdicts on one corpus, and the figures a reader would feel."""

    judged: list[JudgedToponym] = field(default_factory=list)
    missed: list[MissedToponym] = field(default_factory=list)
    gold_total: int = 0

    @property
    def mapped(self) -> int:
        return len(self.judged)

    @property
    def right(self) -> int:
        return sum(t.right for t in self.judged)

    @property
    def precision(self) -> float:
        """Share of mapped toponyms that are right."""
        return self.right / max(self.mapped, 1)

    @property
    def sure_share(self) -> float:
        """Share of mapped toponyms that are sure."""
        return sum(t.sure for t in self.judged) / max(self.mapped, 1)

    @property
    def sure_precision(self) -> float:
        """Share of sure toponyms that are right."""
        sure = [t for t in self.judged if t.sure]
        return sum(t.right for t in sure) / max(len(sure), 1)

    @property
    def wrong_caught(self) -> float:
        """Share of wrong toponyms that are unsure, i.e. sent to an editor."""
        wrong = [t for t in self.judged if not t.right]
        return sum(not t.sure for t in wrong) / max(len(wrong), 1)

    @property
    def recall(self) -> float:
        """Share of gold toponyms with coordinates that a mapped toponym put within 161 km."""
        return (self.gold_total - len(self.missed)) / max(self.gold_total, 1)

    def reliability(self, bins: int = BINS) -> list[ReliabilityBin]:
        return reliability_table([(t.confidence, t.right) for t in self.judged], bins)

    @property
    def ece(self) -> float:
        return expected_calibration_error(self.reliability())

    def figures(self) -> dict[str, float | int]:
        """The headline figures, named as map_truth.py names them, plus ECE."""
        return {"mapped": self.mapped, "precision": self.precision, "sure_share": self.sure_share,
                "sure_precision": self.sure_precision, "wrong_caught": self.wrong_caught,
                "recall": self.recall, "ece": self.ece}


def reliability_table(outcomes: Iterable[tuple[float, bool]], bins: int = BINS) -> list[ReliabilityBin]:
    """(confidence, right) pairs grouped into ``bins`` equal-width confidence bins over [0, 1].

    Every bin is listed, empty ones with count 0. Confidences outside [0, 1] are clamped.
    """
    members: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for raw_confidence, right in outcomes:
        confidence = min(max(raw_confidence, 0.0), 1.0)
        members[min(int(confidence * bins), bins - 1)].append((confidence, right))
    table = []
    for i, group in enumerate(members):
        count = len(group)
        table.append(ReliabilityBin(
            low=i / bins, high=(i + 1) / bins, count=count,
            mean_confidence=sum(c for c, _ in group) / count if count else 0.0,
            share_right=sum(r for _, r in group) / count if count else 0.0))
    return table


def expected_calibration_error(table: list[ReliabilityBin]) -> float:
    """Sum over bins of (bin size / total) * |share right - mean confidence|; 0 when empty."""
    total = sum(b.count for b in table)
    if not total:
        return 0.0
    return sum(b.count / total * abs(b.share_right - b.mean_confidence) for b in table)


def judge_document(doc_id: str, gold_toponyms: list[dict], predictions: list[dict], *,
                   threshold: float) -> tuple[list[JudgedToponym], list[MissedToponym], int]:
    """Verdicts on one document's mapped predictions, the gold toponyms they missed, and how
    many gold toponyms with coordinates it has."""
    located_gold = [g for g in gold_toponyms if g.get("lat") is not None]
    mapped = [p for p in predictions if is_mapped(p)]
    judged = []
    for p in mapped:
        tolerance = AREA_TOLERANCE_KM.get(p.get("kind"), CITY_TOLERANCE_KM)
        overlapping = [(distance_km(g["lat"], g["lon"], p["lat"], p["lon"]), g)
                       for g in located_gold if _overlaps(g, p)]
        nearest = min(overlapping, key=lambda pair: pair[0], default=None)
        judged.append(JudgedToponym(
            doc_id=doc_id, start=p["start"], end=p["end"], name=p.get("name", ""),
            kind=p.get("kind"), confidence=p.get("confidence", 1.0),
            sure=not is_unsure(p, threshold),
            right=any(km <= tolerance for km, _ in overlapping),
            gold_name=nearest[1].get("name") if nearest else None,
            error_km=nearest[0] if nearest else None))
    missed = [MissedToponym(doc_id=doc_id, start=g["start"], end=g["end"], name=g.get("name", ""))
              for g in located_gold
              if not any(_overlaps(g, p) and distance_km(g["lat"], g["lon"], p["lat"], p["lon"])
                         <= CITY_TOLERANCE_KM for p in mapped)]
    return judged, missed, len(located_gold)


def score_predictions(gold_documents: list[dict], predicted_documents: Iterable[dict], *,
                      threshold: float) -> MapTruth:
    """Judge predictions ({"id", "toponyms"} per document) against gold documents.

    Recall counts every gold document; one with no prediction document has all its toponyms
    missed. Predictions for an id absent from the gold are all wrong.
    """
    gold = {doc["id"]: doc["toponyms"] for doc in gold_documents}
    predicted = {doc["id"]: doc.get("toponyms", []) for doc in predicted_documents}
    truth = MapTruth()
    for doc_id in list(gold) + [i for i in predicted if i not in gold]:
        judged, missed, located = judge_document(doc_id, gold.get(doc_id, []), predicted.get(doc_id, []),
                                                 threshold=threshold)
        truth.judged.extend(judged)
        truth.missed.extend(missed)
        truth.gold_total += located
    return truth


def span_in_context(text: str, start: int, end: int, width: int = 40) -> str:
    """The text around a span, the span in brackets, on one line (for error listings)."""
    before = text[max(0, start - width):start].replace("\n", " ")
    after = text[end:end + width].replace("\n", " ")
    return f"...{before}[{text[start:end]}]{after}..."
