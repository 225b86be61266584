"""Calibrated confidence: the raw disambiguation score becomes a probability of being right."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from mapapp.geoparsing.calibration import (
    CalibrationTable,
    Curve,
    Features,
    calibrated_confidence,
    fit_table,
    pool_adjacent_violators,
    raw_scores,
    read_table,
)

CITY_ONCE = Features(kind="city", population=50_000, repeated=False)


def test_pool_adjacent_violators_merges_the_blocks_that_go_down():
    # 0.2 right then 0.3 wrong goes down: one block at 0.5; 0.4 and 0.5 both right: one level.
    curve = pool_adjacent_violators([(0.1, 0.0), (0.2, 1.0), (0.3, 0.0), (0.4, 1.0), (0.5, 1.0)],
                                    min_block_weight=1)
    assert curve.raw == pytest.approx((0.1, 0.25, 0.45))
    assert curve.probability == pytest.approx((0.0, 0.5, 1.0))


def test_equal_scores_share_one_block_and_light_blocks_join_a_neighbour():
    points = [(0.5, 0.0)] * 3 + [(0.5, 1.0)] + [(0.9, 1.0)] * 30 + [(0.95, 0.0)]
    curve = pool_adjacent_violators(points, min_block_weight=4)
    # 0.5 holds 1 right in 4; 0.9 and 0.95 go down (30/30 then 0/1) and pool.
    assert curve.probability == pytest.approx((0.25, 30 / 31))
    assert curve.raw[0] == pytest.approx(0.5)


def test_pool_adjacent_violators_refuses_no_points():
    with pytest.raises(ValueError):
        pool_adjacent_violators([])


def test_a_curve_interpolates_between_knots_and_is_flat_beyond_them():
    curve = Curve(raw=(0.5, 0.9), probability=(0.2, 0.6))
    assert curve(0.1) == pytest.approx(0.2)
    assert curve(0.7) == pytest.approx(0.4)
    assert curve(1.0) == pytest.approx(0.6)


def test_a_table_uses_the_most_specific_group_it_has():
    table = CalibrationTable({"all": Curve((0.5, 1.0), (0.5, 0.5)),
                              "city": Curve((0.5, 1.0), (0.1, 0.9))})
    assert table.probability(1.0, CITY_ONCE) == 0.9
    assert table.probability(1.0, Features(kind="country", population=10**7, repeated=True)) == 0.5


def test_fit_table_gives_small_groups_no_curve_of_their_own():
    examples = [(0.6 + i / 1000, CITY_ONCE, i % 3 > 0) for i in range(200)]
    examples += [(0.9, Features(kind="country", population=10**7, repeated=True), True)] * 5
    table = fit_table(examples, min_group_size=150)
    assert {"all", "city", "city|town", "city|town|once"} <= set(table.curves)
    assert "country" not in table.curves


def test_the_stored_table_is_monotone_and_within_zero_and_one():
    table = read_table()
    assert table is not None and "all" in table.curves
    for key, curve in table.curves.items():
        assert list(curve.raw) == sorted(set(curve.raw)), key
        assert list(curve.probability) == sorted(curve.probability), key
        assert all(0.0 <= p <= 1.0 for p in curve.probability), key
        scores = [i / 100 for i in range(101)]
        calibrated = [curve(s) for s in scores]
        assert calibrated == sorted(calibrated), key


def test_calibration_is_deterministic_and_switched_off_by_raw_scores():
    assert calibrated_confidence(0.95, CITY_ONCE) == calibrated_confidence(0.95, CITY_ONCE)
    with raw_scores():
        assert calibrated_confidence(0.95, CITY_ONCE) == 0.95


def test_the_geoparser_gives_the_same_calibrated_confidences_every_time(geoparser):
    text = "Shelling hit Kharkiv and Kherson overnight, officials in Kyiv said. Springfield was quiet."
    first = [(t.surface, t.confidence) for t in geoparser.parse(text)]
    assert first == [(t.surface, t.confidence) for t in geoparser.parse(text)]
    assert all(0.0 <= c <= 1.0 for _s, c in first)
    with raw_scores():
        raw = [(t.surface, t.confidence) for t in geoparser.parse(text)]
    assert [s for s, _c in raw] == [s for s, _c in first]


GOLD = [
    {"id": "a", "text": "Shelling hit Kharkiv and Kherson overnight, officials in Kyiv said.",
     "toponyms": [{"start": 13, "end": 20, "name": "Kharkiv", "lat": 49.98, "lon": 36.25},
                  {"start": 25, "end": 32, "name": "Kherson", "lat": 46.64, "lon": 32.61},
                  {"start": 57, "end": 61, "name": "Kyiv", "lat": 50.45, "lon": 30.52}]},
    {"id": "b", "text": "Aid convoys left Damascus for Aleppo, Syria, on Monday.",
     "toponyms": [{"start": 17, "end": 25, "name": "Damascus", "lat": 33.51, "lon": 36.29},
                  {"start": 30, "end": 36, "name": "Aleppo", "lat": 36.20, "lon": 37.16},
                  {"start": 38, "end": 43, "name": "Syria", "lat": 35.0, "lon": 38.5}]},
]


def test_the_command_refits_the_table_from_a_tiny_gold_file(tmp_path):
    gold = tmp_path / "tiny.jsonl"
    gold.write_text("".join(json.dumps(doc) + "\n" for doc in GOLD), encoding="utf-8")
    table_path = tmp_path / "table.json"
    out = io.StringIO()
    call_command("calibrate_confidence", str(gold), "--output", str(table_path), stdout=out)
    report = out.getvalue()
    assert "tiny: 6 mapped toponyms  ECE" in report
    table = read_table(table_path)
    assert table is not None and set(table.curves) == {"all"}  # too few toponyms for any group
    assert table.curves["all"].probability == (1.0,)  # all six are right


def test_a_dry_run_writes_nothing(tmp_path):
    gold = tmp_path / "tiny.jsonl"
    gold.write_text(json.dumps(GOLD[0]) + "\n", encoding="utf-8")
    call_command("calibrate_confidence", str(gold), "--dry-run", "--output", str(tmp_path / "t.json"),
                 stdout=io.StringIO())
    assert not (tmp_path / "t.json").exists()
