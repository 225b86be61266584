"""Our conflict-zone gold set is well formed: every span is the name it claims, every place has
plausible coordinates, and there are enough mentions to measure anything."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from mapapp.evaluation.map_truth import read_jsonl

DATA = Path(__file__).resolve().parents[2] / "mapapp" / "evaluation" / "data"
MINIMUM_MENTIONS = {"conflict_dev.jsonl": 150, "conflict_heldout.jsonl": 60}


@pytest.mark.parametrize("filename", sorted(MINIMUM_MENTIONS))
def test_every_span_is_exactly_the_name_it_annotates(filename):
    for document in read_jsonl(DATA / filename):
        for toponym in document["toponyms"]:
            assert document["text"][toponym["start"]:toponym["end"]] == toponym["name"], document["id"]


@pytest.mark.parametrize("filename", sorted(MINIMUM_MENTIONS))
def test_spans_are_in_text_order_and_never_overlap(filename):
    for document in read_jsonl(DATA / filename):
        spans = [(t["start"], t["end"]) for t in document["toponyms"]]
        assert spans == sorted(spans), document["id"]
        assert all(end <= next_start for (_, end), (next_start, _) in pairwise(spans)), document["id"]


@pytest.mark.parametrize("filename", sorted(MINIMUM_MENTIONS))
def test_every_place_has_coordinates_on_the_globe(filename):
    for document in read_jsonl(DATA / filename):
        for toponym in document["toponyms"]:
            assert -90 <= toponym["lat"] <= 90 and -180 <= toponym["lon"] <= 180, (document["id"], toponym)


@pytest.mark.parametrize(("filename", "minimum"), sorted(MINIMUM_MENTIONS.items()))
def test_the_set_holds_enough_place_mentions(filename, minimum):
    assert sum(len(d["toponyms"]) for d in read_jsonl(DATA / filename)) >= minimum


def test_document_ids_are_unique_across_both_parts():
    ids = [d["id"] for name in MINIMUM_MENTIONS for d in read_jsonl(DATA / name)]
    assert len(ids) == len(set(ids))


def test_held_out_texts_share_no_sentence_with_the_dev_texts():
    def sentences(name: str) -> set[str]:
        return {s.strip() for d in read_jsonl(DATA / name) for s in d["text"].split(". ") if len(s) > 30}
    assert not sentences("conflict_dev.jsonl") & sentences("conflict_heldout.jsonl")
