"""`manage.py evaluate_map` prints what a reader would see, per gold file."""

from __future__ import annotations

import io
import json

from django.core.management import call_command

GOLD = {"id": "g1", "text": "Drones struck Odesa and Kharkiv; the Tripoli talks in Libya stalled.",
        "toponyms": [
            {"start": 14, "end": 19, "name": "Odesa", "lat": 46.4857, "lon": 30.7438},
            {"start": 24, "end": 31, "name": "Kharkiv", "lat": 49.9818, "lon": 36.2548},
            {"start": 37, "end": 44, "name": "Tripoli", "lat": 32.8874, "lon": 13.1873},
            {"start": 54, "end": 59, "name": "Libya", "lat": 26.4981, "lon": 17.7308}]}


def _run(tmp_path, *options: str) -> str:
    gold = tmp_path / "tiny.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    out = io.StringIO()
    call_command("evaluate_map", str(gold), str(gold), *options, stdout=out)
    return out.getvalue()


def test_json_output_has_one_row_of_figures_per_gold_file(tmp_path):
    rows = [json.loads(line) for line in _run(tmp_path, "--json").splitlines()]
    assert len(rows) == 2
    row = rows[0]
    assert row["corpus"] == "tiny"
    for figure in ("mapped", "precision", "sure_precision", "sure_share", "wrong_caught", "recall",
                   "ece", "docs_per_second"):
        assert figure in row
    assert row["mapped"] >= 3
    assert row["recall"] >= 0.75
    assert len(row["reliability"]) == 10
    assert sum(b["count"] for b in row["reliability"]) == row["mapped"]


def test_text_output_shows_the_reliability_table_and_the_threshold(tmp_path):
    text = _run(tmp_path, "--threshold", "0.9", "--errors", "3")
    assert "sure at confidence >= 0.9" in text
    assert "[0.9, 1.0]" in text
    assert "ECE" in text and "docs/s" in text
    assert "missed (" in text
