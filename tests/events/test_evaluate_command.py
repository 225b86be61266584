"""`manage.py evaluate_events` prints the figures table for the labelled dev set."""
from io import StringIO

from django.core.management import call_command


def test_the_command_prints_event_type_and_grouping_figures():
    out = StringIO()

    call_command("evaluate_events", stdout=out)

    table = out.getvalue()
    assert "events_dev.jsonl" in table
    for row in ("| event (is_event) |", "| type: Battles |", "| **type macro-F1** |",
                "| grouping (pairwise) |", "docs/s"):
        assert row in table


def test_errors_lists_wrong_judgements_and_pairs_split_apart_or_wrongly_joined():
    out = StringIO()

    call_command("evaluate_events", errors=3, stdout=out)

    listing = out.getvalue()
    for heading in ("wrong judgements:", "split apart (", "wrongly joined ("):
        assert heading in listing
    assert "gold " in listing.split("split apart (")[1]
