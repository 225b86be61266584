"""The evaluation harness writes what the map plots: demonyms only when asked for."""

from __future__ import annotations

import json

from mapapp.geoparsing.bulk import geoparse_jsonl

TEXT = "Syrian forces shelled Idlib, the Syrian Observatory said."


def _written(tmp_path, geoparser, **options) -> list[str]:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    geoparse_jsonl(source, target, geoparser, **options)
    (row,) = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    return [TEXT[t["start"]:t["end"]] for t in row["toponyms"]]


def test_demonyms_are_left_out_like_on_the_map(tmp_path, geoparser):
    assert _written(tmp_path, geoparser) == ["Idlib"]


def test_demonyms_are_written_flagged_when_asked_for(tmp_path, geoparser):
    assert "Syrian" in _written(tmp_path, geoparser, include_demonyms=True)
