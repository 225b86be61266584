"""Calibrated confidence: the disambiguation's raw score turned into a probability of being right.

The raw score (disambiguation._resolution) measures a winner's lead over its best rival; it
says nothing of how often a name of that sort is no place at all, or the wrong one. The
calibration table maps it, per group of toponyms that behave alike (the kind of place and the
size of its population), through a monotone step function fitted on gold corpora, so that
among toponyms given 0.8, about 8 in 10 are right (span right and point within the map-truth
tolerance). The table is refitted by `manage.py calibrate_confidence`.

Fitting is isotonic regression by pool-adjacent-violators: the raw scores are sorted, and
neighbouring blocks whose share right falls as the score rises are merged until it never does.
Applying the table interpolates linearly between the blocks' mean raw scores, so it stays
monotone and gives equal scores equal confidences. Plain Python, no Django.
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

TABLE_PATH = Path(__file__).with_name("data") / "confidence_calibration.json"
ALL = "all"
MIN_GROUP_SIZE = 150  # toponyms a group needs in the gold to get its own curve
MIN_BLOCK_WEIGHT = 20.0  # a step rests on at least this many toponyms (fewer overfit)
POPULATION_BANDS = ((100, "tiny"), (10_000, "small"), (1_000_000, "town"))  # below each bound; above: "large"


@dataclass(frozen=True, slots=True)
class Features:
    """What the calibration distinguishes about a resolved toponym."""

    kind: str  # "country", "region", "city" or "other"
    population: int
    repeated: bool  # the document names it more than once


def population_band(population: int) -> str:
    """"tiny" under 100 people (or unknown), "small" under 10,000, "town" under a million,
    else "large"."""
    for bound, band in POPULATION_BANDS:
        if population < bound:
            return band
    return "large"


def group_keys(features: Features) -> tuple[str, ...]:
    """The groups a toponym belongs to, most specific first: kind, population band and whether
    the name recurs; kind and band; kind; everything. The first one the table has a curve for
    is used. (Chosen by cross-validated ECE on the dev corpora: a recurring name and a large
    place are more often a real, rightly placed one.)"""
    kind_band = f"{features.kind}|{population_band(features.population)}"
    recurrence = "repeated" if features.repeated else "once"
    return (f"{kind_band}|{recurrence}", kind_band, features.kind, ALL)


@dataclass(frozen=True, slots=True)
class Curve:
    """A monotone map from raw score to probability: (raw, probability) knots, raw ascending,
    probability non-decreasing; linear between knots, flat beyond the ends."""

    raw: tuple[float, ...]
    probability: tuple[float, ...]

    def __call__(self, score: float) -> float:
        raw, prob = self.raw, self.probability
        if score <= raw[0]:
            return prob[0]
        if score >= raw[-1]:
            return prob[-1]
        hi = next(i for i, r in enumerate(raw) if r >= score)
        lo = hi - 1
        share = (score - raw[lo]) / (raw[hi] - raw[lo])
        return prob[lo] + share * (prob[hi] - prob[lo])


def pool_adjacent_violators(points: Iterable[tuple[float, float] | tuple[float, float, float]],
                            min_block_weight: float = MIN_BLOCK_WEIGHT) -> Curve:
    """The isotonic (non-decreasing) fit of outcomes ``y`` in [0, 1] to scores ``x``, from
    (x, y) or (x, y, weight) tuples, as a Curve through each block's weighted mean score and
    mean outcome.

    Equal scores always share a block. Blocks lighter than ``min_block_weight`` are merged
    into a neighbour, so no step rests on a handful of toponyms. Raises ValueError on no points.
    """
    by_score: dict[float, list[float]] = defaultdict(lambda: [0.0, 0.0])  # x -> [sum of w*y, sum of w]
    for x, y, *weight in points:
        w = weight[0] if weight else 1.0
        by_score[x][0] += w * y
        by_score[x][1] += w
    if not by_score:
        raise ValueError("no points to fit")
    # blocks: [sum of x*weight, sum of y, weight]
    blocks: list[list[float]] = []
    for x in sorted(by_score):
        outcome, weight = by_score[x]
        blocks.append([x * weight, outcome, weight])
        while len(blocks) > 1 and _violates(blocks[-2], blocks[-1]):
            _merge_last_two(blocks)
    # Too-light blocks join the neighbour closest in outcome; merging two adjacent blocks
    # of a non-decreasing sequence keeps it non-decreasing.
    while len(blocks) > 1:
        light = min(range(len(blocks)), key=lambda i: blocks[i][2])
        if blocks[light][2] >= min_block_weight:
            break
        if light == 0:
            partner = 1
        elif light == len(blocks) - 1:
            partner = light - 1
        else:
            mean = blocks[light][1] / blocks[light][2]
            below = abs(blocks[light - 1][1] / blocks[light - 1][2] - mean)
            above = abs(blocks[light + 1][1] / blocks[light + 1][2] - mean)
            partner = light - 1 if below <= above else light + 1
        first = min(light, partner)
        blocks[first] = [a + b for a, b in zip(blocks[first], blocks[first + 1], strict=True)]
        del blocks[first + 1]
    return Curve(raw=tuple(b[0] / b[2] for b in blocks), probability=tuple(b[1] / b[2] for b in blocks))


def _violates(lower: list[float], upper: list[float]) -> bool:
    return lower[1] / lower[2] >= upper[1] / upper[2]  # ties merge too: one knot per level


def _merge_last_two(blocks: list[list[float]]) -> None:
    last = blocks.pop()
    blocks[-1] = [a + b for a, b in zip(blocks[-1], last, strict=True)]


@dataclass(frozen=True, slots=True)
class CalibrationTable:
    """One Curve per group (see group_keys); applies the most specific one it has."""

    curves: dict[str, Curve]

    def probability(self, raw: float, features: Features) -> float:
        """The calibrated confidence of a raw score, rounded to 3 decimals; the raw score
        itself when the table has no curve that fits."""
        for key in group_keys(features):
            curve = self.curves.get(key)
            if curve is not None:
                return round(min(max(curve(raw), 0.0), 1.0), 3)
        return raw

    def to_json(self) -> dict:
        return {"groups": {key: {"raw": [round(r, 6) for r in c.raw],
                                 "probability": [round(p, 6) for p in c.probability]}
                           for key, c in sorted(self.curves.items())}}

    @classmethod
    def from_json(cls, data: dict) -> CalibrationTable:
        return cls({key: Curve(tuple(g["raw"]), tuple(g["probability"])) for key, g in data["groups"].items()})


def fit_table(examples: Iterable[tuple[float, Features, bool] | tuple[float, Features, bool, float]], *,
              min_group_size: int = MIN_GROUP_SIZE) -> CalibrationTable:
    """A table fitted on (raw score, features, right[, weight]) examples: a curve for
    everything, and one for every group with at least ``min_group_size`` examples."""
    grouped: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    for raw, features, right, *weight in examples:
        for key in group_keys(features):
            grouped[key].append((raw, 1.0 if right else 0.0, weight[0] if weight else 1.0))
    curves = {key: pool_adjacent_violators(points) for key, points in grouped.items()
              if key == ALL or len(points) >= min_group_size}
    return CalibrationTable(curves)


def read_table(path: Path | str = TABLE_PATH) -> CalibrationTable | None:
    """The table stored at ``path``, or None when there is none."""
    try:
        with open(path, encoding="utf-8") as f:
            return CalibrationTable.from_json(json.load(f))
    except FileNotFoundError:
        return None


def write_table(table: CalibrationTable, path: Path | str = TABLE_PATH) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    """Store ``table`` as JSON, one group's curve a line (diffs then show which curves moved)."""
    groups = table.to_json()["groups"]
    lines = [f" {json.dumps(key)}: {json.dumps(curve, sort_keys=True)}" for key, curve in groups.items()]
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"groups": {\n' + ",\n".join(lines) + "\n}}\n")


_state = threading.local()
_loaded: list[CalibrationTable | None] = []  # the stored table, read once
_load_lock = threading.Lock()


def _stored_table() -> CalibrationTable | None:
    if not _loaded:
        with _load_lock:
            if not _loaded:
                _loaded.append(read_table())
    return _loaded[0]


@contextmanager
def raw_scores() -> Iterator[None]:
    """Within this block (in this thread), calibrated_confidence returns the raw score:
    what the calibration is fitted on."""
    before = getattr(_state, "off", False)
    _state.off = True
    try:
        yield
    finally:
        _state.off = before


def calibrated_confidence(raw: float, features: Features) -> float:
    """The probability that a toponym with raw score ``raw`` is right, by the stored table
    (the raw score when there is no table, or inside raw_scores())."""
    if getattr(_state, "off", False):
        return raw
    table = _stored_table()
    return raw if table is None else table.probability(raw, features)

