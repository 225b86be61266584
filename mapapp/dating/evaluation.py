"""Scoring ``date_passages`` against the hand-written passages in evaluation.jsonl.

Each line holds a passage in the project's own words, its publication date, the
sentences before it (``context``, same paragraph unless ``paragraph_break``),
and the gold event date. ``split`` is "dev" for passages written while the
rules were built and "held_out" for those written before the rules ever saw
them (figures on the latter are the honest ones). A prediction is right when it names the gold day
exactly (gold precision "day") or overlaps the gold span (any other precision).
"""

import datetime
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mapapp.dating.event_date import EventDate
from mapapp.dating.governing import date_passages

EVALUATION_SET = Path(__file__).with_name("evaluation.jsonl")


@dataclass(frozen=True, slots=True)
class Case:
    """One evaluation passage with its gold date."""

    id: str
    split: str
    category: str
    language: str | None
    published: datetime.date
    context: tuple[str, ...]
    paragraph_break: bool
    passage: str
    gold: EventDate


@dataclass(frozen=True, slots=True)
class Outcome:
    """A case, what ``date_passages`` said about it, and whether that is right."""

    case: Case
    predicted: EventDate
    correct: bool


def load_cases(path: Path = EVALUATION_SET) -> list[Case]:
    """The cases stored in ``path``, one JSON object a line."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        gold = row["gold"]
        cases.append(
            Case(
                id=row["id"],
                split=row.get("split", "dev"),
                category=row["category"],
                language=row["language"],
                published=datetime.date.fromisoformat(row["published"]),
                context=tuple(row["context"]),
                paragraph_break=row["paragraph_break"],
                passage=row["passage"],
                gold=EventDate(
                    start=datetime.date.fromisoformat(gold["start"]),
                    end=datetime.date.fromisoformat(gold["end"]),
                    precision=gold["precision"],
                    source=gold["source"],
                    expression="",
                ),
            )
        )
    return cases


def article_of(case: Case) -> tuple[str, list[tuple[int, int]]]:
    """The case as a small article: its text and the spans of its sentences."""
    parts = [*case.context, case.passage]
    text, spans = "", []
    for index, part in enumerate(parts):
        if index:
            last = index == len(parts) - 1
            text += "\n\n" if last and case.paragraph_break else " "
        spans.append((len(text), len(text) + len(part)))
        text += part
    return text, spans


def is_correct(predicted: EventDate, gold: EventDate) -> bool:
    """Exact day where the gold precision is a day; overlapping spans otherwise."""
    if gold.precision == "day":
        return predicted.start == predicted.end == gold.start
    return predicted.start <= gold.end and gold.start <= predicted.end


def evaluate(cases: Iterable[Case]) -> list[Outcome]:
    """Date every case's passage and compare it with the gold date."""
    outcomes = []
    for case in cases:
        text, spans = article_of(case)
        predicted = date_passages(text, spans, case.published, language=case.language)[-1]
        outcomes.append(Outcome(case, predicted, is_correct(predicted, case.gold)))
    return outcomes


def report(outcomes: list[Outcome]) -> str:
    """Accuracy overall, per split and per category (all cases and held-out ones),
    agreement on precision and source, and every failure."""
    lines = []
    total = len(outcomes)
    right = sum(o.correct for o in outcomes)
    lines.append(f"date accuracy: {right}/{total} = {_percent(right, total)}")
    same_precision = sum(o.predicted.precision == o.case.gold.precision for o in outcomes)
    same_source = sum(o.predicted.source == o.case.gold.source for o in outcomes)
    lines.append(f"precision agrees: {same_precision}/{total} = {_percent(same_precision, total)}")
    lines.append(f"source agrees: {same_source}/{total} = {_percent(same_source, total)}")
    for split in sorted({o.case.split for o in outcomes}):
        group = [o for o in outcomes if o.case.split == split]
        good = sum(o.correct for o in group)
        lines.append(f"split {split}: {good}/{len(group)} = {_percent(good, len(group))}")
    lines.append("")
    lines.append(f"{'category':<14} {'all':>16}   {'held out':>16}")
    by_category: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_category[outcome.case.category].append(outcome)
    for category, group in by_category.items():
        held_out = [o for o in group if o.case.split != "dev"]
        lines.append(f"{category:<14} {_fraction(group):>16}   {_fraction(held_out):>16}")
    failures = [o for o in outcomes if not o.correct]
    lines.append("")
    lines.append(f"failures ({len(failures)}):")
    for outcome in failures:
        gold, got = outcome.case.gold, outcome.predicted
        lines.append(
            f"- {outcome.case.id}: {outcome.case.passage!r}\n"
            f"    gold {_span(gold)} {gold.precision}/{gold.source}; "
            f"got {_span(got)} {got.precision}/{got.source} from {got.expression!r}"
        )
    return "\n".join(lines)


def _fraction(group: list[Outcome]) -> str:
    right = sum(o.correct for o in group)
    return f"{right}/{len(group)} {_percent(right, len(group)):>6}" if group else "-"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def _span(date: EventDate) -> str:
    return date.start.isoformat() if date.start == date.end else f"{date.start}..{date.end}"
