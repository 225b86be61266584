"""Scoring the events engine on a labelled set (mapapp/evaluation/data/events_*.jsonl,
described in docs/events-labelling.md). Plain Python, no Django.

Each record is one place named in one passage. The engine runs as the app runs it: the
geoparser reads the passage (for the place's identity, kind, region and point, and whether
it is a nationality), the dating module dates it against the publication date, the
classifier judges the place, and grouping groups the records judged events. Scored:
- event or not: precision, recall, F1 of `is_event`, and accuracy;
- type: per-type precision, recall, F1 over the gold events, and their macro average;
- grouping: pairwise precision, recall, F1 (pairs of records put in one event by the
  engine vs pairs sharing a gold event id);
- speed: records and articles per second through geoparsing, dating, judging, grouping."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from mapapp.dating import EventDate, date_passages
from mapapp.events.classify import Judgement, PlaceSpan, host_places, judge_passage
from mapapp.events.grouping import JudgedPassage, PlaceRef, group_passages, undated_window
from mapapp.events.taxonomy import TYPE_VALUES
from mapapp.geoparsing import Toponym, get_geoparser
from mapapp.geoparsing.normalize import folded_name


@dataclass(frozen=True, kw_only=True)
class Scores:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(kw_only=True)
class RecordResult:
    record: dict
    judgement: Judgement
    place: PlaceRef
    when: EventDate
    group: int | None = None  # the event the engine put it in


@dataclass(kw_only=True)
class EventsEvaluation:
    corpus: str
    results: list[RecordResult]
    seconds: float
    articles: int
    event: Scores = field(init=False)
    not_event: Scores = field(init=False)
    types: dict[str, Scores] = field(init=False)
    grouping: Scores = field(init=False)

    def __post_init__(self) -> None:
        gold = [r.record["is_event"] for r in self.results]
        predicted = [r.judgement.is_event for r in self.results]
        self.event = _scores(gold, predicted, True)
        self.not_event = _scores(gold, predicted, False)
        events = [r for r in self.results if r.record["is_event"]]
        self.types = {t: _scores([r.record["type"] for r in events],
                                 [r.judgement.event_type for r in events], t) for t in TYPE_VALUES}
        self.grouping = _pairwise(self.results)

    @property
    def event_or_not(self) -> Scores:
        """Both classes of event-or-not, averaged."""
        pair = (self.event, self.not_event)
        return Scores(precision=sum(s.precision for s in pair) / 2, recall=sum(s.recall for s in pair) / 2,
                      f1=sum(s.f1 for s in pair) / 2, support=sum(s.support for s in pair))

    @property
    def event_accuracy(self) -> float:
        right = sum(r.judgement.is_event == r.record["is_event"] for r in self.results)
        return right / len(self.results) if self.results else 0.0

    @property
    def type_macro_f1(self) -> float:
        present = [s.f1 for s in self.types.values() if s.support]
        return sum(present) / len(present) if present else 0.0

    @property
    def records_per_second(self) -> float:
        return len(self.results) / self.seconds if self.seconds else 0.0

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def load_records(path: Path | str) -> list[dict]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def evaluate_events(path: Path | str) -> EventsEvaluation:
    """Run the engine over the labelled records of `path` and score it."""
    records = load_records(path)
    geoparser = get_geoparser()
    geoparser.parse("Warming up the gazetteer in Aleppo.")  # loading is not the engine's time
    began = time.perf_counter()
    by_article: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        by_article[record["article"]][record["passage"]].append(record)
    results: list[RecordResult] = []
    for passages in by_article.values():
        results.extend(_article_results(passages, geoparser))
    judged = [_judged(index, r) for index, r in enumerate(results) if r.judgement.is_event]
    for number, event in enumerate(group_passages(judged)):
        for passage in event.passages:
            results[passage.key].group = number
    seconds = time.perf_counter() - began
    return EventsEvaluation(corpus=Path(path).name, results=results, seconds=seconds,
                            articles=len({r["article"] for r in records}))


def _article_results(passages: dict[str, list[dict]], geoparser) -> list[RecordResult]:
    """Judge the records of one article as the app does: the article's passages read
    together (geoparsed and dated as one text, each passage its own span)."""
    text, offsets = "", []
    for passage in passages:
        offsets.append(len(text))
        text += passage + "\n\n"
    toponyms = {t.start: t for t in geoparser.parse(text)}
    published = dt.date.fromisoformat(next(iter(passages.values()))[0]["published"][:10])
    spans_of_text = [(offset, offset + len(passage)) for offset, passage in zip(offsets, passages, strict=True)]
    dates = date_passages(text, spans_of_text, published)
    results = []
    for offset, when, (passage, group) in zip(offsets, dates, passages.items(), strict=True):
        found = [toponyms.get(offset + r["place_start"]) for r in group]
        spans = [PlaceSpan(start=r["place_start"], end=r["place_start"] + len(r["place"]),
                           is_demonym=_is_demonym(t), kind=_kind(t)) for r, t in zip(group, found, strict=True)]
        places = [_place_ref(r, t) for r, t in zip(group, found, strict=True)]
        hosts = host_places(passage, spans)
        for index, (record, judgement) in enumerate(zip(group, judge_passage(passage, spans), strict=True)):
            place = places[index]
            if index in hosts:
                place = dataclasses.replace(place, within=frozenset({places[hosts[index]]}))
            results.append(RecordResult(record=record, judgement=judgement, place=place, when=when))
    return results


def _judged(index: int, result: RecordResult) -> JudgedPassage:
    published = dt.date.fromisoformat(result.record["published"][:10])
    dated = result.when.source != "published"
    start, end = (result.when.start, result.when.end) if dated else undated_window(published)
    return JudgedPassage(key=index, event_type=result.judgement.event_type, place=result.place,
                         start=start, end=end, dated=dated, source=result.record["source"],
                         published=published)


def _kind(toponym: Toponym | None) -> str:
    return toponym.kind if toponym is not None else "city"


def _is_demonym(toponym: Toponym | None) -> bool:
    return toponym is not None and toponym.is_demonym


def _place_ref(record: dict, toponym: Toponym | None) -> PlaceRef:
    """The place as the app would know it: the geoparser's resolution when it found the
    name at that offset, else the name and country as labelled."""
    if toponym is not None and toponym.latitude is not None:
        key = ("gn", toponym.geonameid) if toponym.geonameid is not None else ("name", toponym.name)
        return PlaceRef(id=key, name=toponym.name, kind=toponym.kind,
                        country_code=toponym.country_code, admin1=toponym.admin1,
                        latitude=toponym.latitude, longitude=toponym.longitude,
                        population=toponym.population, spellings=frozenset({record["place"]}))
    return PlaceRef(id=("name", folded_name(record["place"]), record["country"]),
                    name=record["place"], kind="city", country_code=record["country"])


def _scores(gold: list, predicted: list, positive) -> Scores:
    tp = sum(g == positive and p == positive for g, p in zip(gold, predicted, strict=True))
    fp = sum(g != positive and p == positive for g, p in zip(gold, predicted, strict=True))
    fn = sum(g == positive and p != positive for g, p in zip(gold, predicted, strict=True))
    return _prf(tp, fp, fn, support=tp + fn)


def _pairwise(results: list[RecordResult]) -> Scores:
    gold_pairs = _pairs({i: r.record["event"] for i, r in enumerate(results) if r.record["event"]})
    predicted_pairs = _pairs({i: r.group for i, r in enumerate(results) if r.group is not None})
    tp = len(gold_pairs & predicted_pairs)
    return _prf(tp, len(predicted_pairs) - tp, len(gold_pairs) - tp, support=len(gold_pairs))


def grouping_errors(evaluation: EventsEvaluation) -> tuple[list[tuple[RecordResult, RecordResult]],
                                                           list[tuple[RecordResult, RecordResult]]]:
    """The pairs grouping got wrong: (split, joined). Split: records of one gold event the
    engine put in two events (both judged events: a missed event is the classifier's
    error). Joined: records the engine put in one event that gold keeps apart."""
    results = evaluation.results
    gold = _pairs({i: r.record["event"] for i, r in enumerate(results) if r.record["event"]})
    predicted = _pairs({i: r.group for i, r in enumerate(results) if r.group is not None})
    split = [(results[i], results[j]) for i, j in sorted(gold - predicted)
             if results[i].group is not None and results[j].group is not None]
    joined = [(results[i], results[j]) for i, j in sorted(predicted - gold)]
    return split, joined


def _pairs(labels: dict[int, object]) -> set[tuple[int, int]]:
    members: dict[object, list[int]] = defaultdict(list)
    for index, label in labels.items():
        members[label].append(index)
    return {pair for group in members.values() for pair in combinations(sorted(group), 2)}


def _prf(tp: int, fp: int, fn: int, *, support: int) -> Scores:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision=precision, recall=recall, f1=f1, support=support)
