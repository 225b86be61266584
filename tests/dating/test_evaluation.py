"""The evaluation set is well formed and the scorer counts what it says."""

import datetime
from collections import Counter

from mapapp.dating import EventDate
from mapapp.dating.evaluation import evaluate, is_correct, load_cases, report

REQUIRED_CATEGORIES = {
    "weekday", "yesterday", "ago", "last_period", "earlier_this", "since", "explicit_en",
    "german", "french", "spanish", "arabic", "no_date", "inheritance",
}


def test_the_set_has_at_least_100_unique_passages_covering_every_category():
    cases = load_cases()
    assert len(cases) >= 100
    assert len({c.id for c in cases}) == len(cases)
    assert len({(c.passage, c.published) for c in cases}) == len(cases)
    assert set(Counter(c.category for c in cases)) >= REQUIRED_CATEGORIES


def test_gold_dates_are_consistent_with_their_precision():
    for case in load_cases():
        gold = case.gold
        assert gold.start <= gold.end, case.id
        assert gold.precision in ("day", "month", "year", "range"), case.id
        assert gold.source in ("stated", "inferred", "published"), case.id
        if gold.precision == "day":
            assert gold.start == gold.end, case.id
        if gold.precision == "month":
            assert gold.start.day == 1 and (gold.end + datetime.timedelta(days=1)).day == 1, case.id
        if gold.precision == "year":
            assert (gold.start.month, gold.start.day, gold.end.month, gold.end.day) == (1, 1, 12, 31), case.id
        if gold.source == "published":
            assert gold.start == gold.end == case.published, case.id


def day(iso: str) -> datetime.date:
    return datetime.date.fromisoformat(iso)


def stated(start: str, end: str, precision: str) -> EventDate:
    return EventDate(start=day(start), end=day(end), precision=precision, source="stated", expression="")


def test_a_day_must_be_hit_exactly_and_a_span_only_overlapped():
    gold_day = stated("2015-09-17", "2015-09-17", "day")
    week = stated("2015-09-14", "2015-09-20", "range")
    assert is_correct(gold_day, gold_day)
    assert not is_correct(week, gold_day)
    assert is_correct(gold_day, week)
    assert not is_correct(stated("2015-09-21", "2015-09-21", "day"), week)


def test_the_report_prints_accuracy_per_category_and_the_failures():
    outcomes = evaluate(load_cases())
    text = report(outcomes)
    right = sum(o.correct for o in outcomes)
    assert text.startswith(f"date accuracy: {right}/{len(outcomes)}")
    assert "\nweekday " in text and "\narabic " in text
    assert f"failures ({len(outcomes) - right})" in text
