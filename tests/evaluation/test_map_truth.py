"""The map-truth figures: same verdicts as the team's shared script, and a calibration error
computed as defined."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mapapp.evaluation.map_truth import (
    expected_calibration_error,
    reliability_table,
    score_predictions,
)

SHARED_MAP_TRUTH = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "map_truth.py"

# Hand-made gold: two short documents of our own.
GOLD = [
    {"id": "a", "text": "Shelling hit Aleppo and Idlib in Syria; Syrian troops moved toward Homs Street.",
     "toponyms": [
         {"start": 13, "end": 19, "name": "Aleppo", "lat": 36.2021, "lon": 37.1343},
         {"start": 24, "end": 29, "name": "Idlib", "lat": 35.9306, "lon": 36.6339},
         {"start": 33, "end": 38, "name": "Syria", "lat": 35.0, "lon": 38.0},
         {"start": 64, "end": 76, "name": "Homs Street", "lat": None, "lon": None}]},
    {"id": "b", "text": "Tripoli airport closed; fighting in Darfur and near Kyiv.",
     "toponyms": [
         {"start": 0, "end": 7, "name": "Tripoli", "lat": 32.8874, "lon": 13.1873},
         {"start": 36, "end": 42, "name": "Darfur", "lat": 13.5, "lon": 24.0},
         {"start": 52, "end": 56, "name": "Kyiv", "lat": 50.4547, "lon": 30.5238}]},
]
PREDICTIONS = [
    {"id": "a", "toponyms": [
        # right, sure by confidence
        {"start": 13, "end": 19, "name": "Aleppo", "lat": 36.20, "lon": 37.16, "kind": "city", "confidence": 0.97},
        # wrong (Idlib put in Jordan, ~300 km off), sure by its own status despite low confidence
        {"start": 24, "end": 29, "name": "Idlib", "lat": 32.0, "lon": 36.0, "kind": "city",
         "confidence": 0.5, "status": "sure"},
        # a country 600 km off: right, countries get 1,000 km
        {"start": 33, "end": 38, "name": "Syria", "lat": 34.0, "lon": 43.5, "kind": "country", "confidence": 0.99},
        # a demonym: not on the map
        {"start": 40, "end": 46, "name": "Syria", "lat": 35.0, "lon": 38.0, "is_demonym": True, "confidence": 0.9},
        # overlaps only a street without coordinates: wrong, unsure by confidence
        {"start": 64, "end": 68, "name": "Homs", "lat": 34.73, "lon": 36.71, "kind": "city", "confidence": 0.6}]},
    {"id": "b", "toponyms": [
        # Tripoli in Lebanon: wrong, caught by its review flag
        {"start": 0, "end": 7, "name": "Tripoli", "lat": 34.4335, "lon": 35.8441, "kind": "city",
         "confidence": 0.95, "review": True},
        # a region 300 km off: right within 400 km
        {"start": 36, "end": 42, "name": "Darfur", "lat": 12.0, "lon": 26.0, "kind": "region", "confidence": 0.8},
        # no coordinates: not mapped
        {"start": 52, "end": 56, "name": "Kyiv", "lat": None, "lon": None, "confidence": 0.99},
        # a span the gold does not hold: wrong, sure
        {"start": 8, "end": 15, "name": "Airport", "lat": 10.0, "lon": 10.0, "kind": "other", "confidence": 0.92}]},
]


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_figures_match_the_shared_map_truth_script(tmp_path):
    if not SHARED_MAP_TRUTH.exists():
        pytest.skip(f"the shared bench folder is absent: {SHARED_MAP_TRUTH} not found")
    gold = _write_jsonl(tmp_path / "gold.jsonl", GOLD)
    predicted = _write_jsonl(tmp_path / "pred.jsonl", PREDICTIONS)
    for threshold in (0.75, 0.9):
        shared = json.loads(subprocess.run(
            [sys.executable, str(SHARED_MAP_TRUTH), str(gold), str(predicted),
             "--threshold", str(threshold), "--json"],
            capture_output=True, text=True, check=True).stdout)
        ours = score_predictions(GOLD, PREDICTIONS, threshold=threshold).figures()
        for name, value in shared.items():
            assert ours[name] == pytest.approx(value), name


def test_the_hand_made_example_gets_the_verdicts_a_reader_would_give():
    truth = score_predictions(GOLD, PREDICTIONS, threshold=0.75)
    assert truth.mapped == 7  # demonym and unlocated Kyiv left off
    assert [t.name for t in truth.judged if t.right] == ["Aleppo", "Syria", "Darfur"]
    assert truth.sure_precision == pytest.approx(3 / 5)  # Aleppo, Idlib, Syria, Darfur, Airport
    assert truth.wrong_caught == pytest.approx(2 / 4)  # Homs and Tripoli caught; Idlib, Airport not
    # Recall asks for 161 km whatever the kind (the shared rule): Syria and Darfur count as missed.
    assert [m.name for m in truth.missed] == ["Idlib", "Syria", "Tripoli", "Darfur", "Kyiv"]
    assert truth.recall == pytest.approx(1 / 6)  # the street has no coordinates: not counted


def test_a_gold_document_without_predictions_counts_all_its_places_as_missed():
    truth = score_predictions(GOLD, PREDICTIONS[:1], threshold=0.75)
    assert truth.gold_total == 6
    assert {m.name for m in truth.missed} >= {"Tripoli", "Darfur", "Kyiv"}


def test_expected_calibration_error_on_a_hand_made_example():
    # Bin [0.9, 1.0]: 0.95 and 1.0, one right -> mean conf 0.975, share right 0.5, gap 0.475.
    # Bin [0.6, 0.7): 0.6 and 0.65 both right -> mean conf 0.625, gap 0.375.
    # Bin [0.3, 0.4): 0.3 wrong -> gap 0.3. Total 5: ECE = (2*0.475 + 2*0.375 + 0.3) / 5 = 0.4
    outcomes = [(0.95, True), (1.0, False), (0.6, True), (0.65, True), (0.3, False)]
    table = reliability_table(outcomes)
    assert len(table) == 10
    assert [b.count for b in table] == [0, 0, 0, 1, 0, 0, 2, 0, 0, 2]
    assert table[9].mean_confidence == pytest.approx(0.975)
    assert table[9].share_right == pytest.approx(0.5)
    assert expected_calibration_error(table) == pytest.approx(0.4)


def test_a_perfectly_calibrated_set_has_no_calibration_error():
    outcomes = [(0.75, True)] * 3 + [(0.75, False)] + [(0.25, True)] + [(0.25, False)] * 3
    assert expected_calibration_error(reliability_table(outcomes)) == pytest.approx(0.0)


def test_an_empty_corpus_has_no_calibration_error():
    assert expected_calibration_error(reliability_table([])) == 0.0
