"""One rule for sure and unsure, read from the settings by the commands that write statuses."""

from __future__ import annotations

import io
import json

from django.conf import settings
from django.core.management import call_command

from mapapp.geoparsing.certainty import SURE, UNSURE, toponym_status

TEXT = "Shelling hit Kharkiv and Kherson overnight, officials in Kyiv said."


def test_a_toponym_at_the_threshold_is_sure_and_one_below_it_unsure():
    assert toponym_status(0.75, threshold=0.75) == SURE
    assert toponym_status(0.7499, threshold=0.75) == UNSURE
    assert toponym_status(1.0, threshold=0.95) == SURE


def test_the_sure_threshold_is_a_setting_between_zero_and_one():
    assert 0.0 < settings.MAP_SURE_CONFIDENCE <= 1.0


def _geoparsed(tmp_path, *extra: str) -> list[dict]:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    call_command("geoparse", str(source), str(target), *extra, stdout=io.StringIO())
    (row,) = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    return row["toponyms"]


def test_geoparse_writes_the_status_the_app_gives_each_toponym(tmp_path):
    toponyms = _geoparsed(tmp_path)
    assert [TEXT[t["start"]:t["end"]] for t in toponyms] == ["Kharkiv", "Kherson", "Kyiv"]
    for t in toponyms:
        assert t["status"] == toponym_status(t["confidence"], threshold=settings.MAP_SURE_CONFIDENCE)


def test_geoparse_threshold_option_overrides_the_setting(tmp_path):
    assert {t["status"] for t in _geoparsed(tmp_path, "--threshold", "1.01")} == {UNSURE}
    assert {t["status"] for t in _geoparsed(tmp_path, "--threshold", "0")} == {SURE}
