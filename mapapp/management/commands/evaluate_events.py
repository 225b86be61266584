"""`manage.py evaluate_events [--heldout] [--errors N] [FILE ...]`: score the events engine
(mapapp/events/) on the labelled set: event-or-not, type and grouping, and speed.

Without files it scores mapapp/evaluation/data/events_dev.jsonl, or with --heldout
events_heldout.jsonl: the held-out fifth, scored once and never tuned on."""
from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mapapp.events.evaluation import EventsEvaluation, RecordResult, evaluate_events, grouping_errors
from mapapp.events.taxonomy import EVENT_TYPES

DATA = Path(__file__).resolve().parents[2] / "evaluation" / "data"


class Command(BaseCommand):
    help = "Score event detection, typing and grouping on the labelled events set."

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="*", help="labelled JSONL files (default: the dev set)")
        parser.add_argument("--heldout", action="store_true", help="score the held-out set instead")
        parser.add_argument("--errors", type=int, default=0, metavar="N",
                            help="also list N wrongly judged records and N wrongly grouped pairs of each kind "
                                 "(dev only: never read held-out errors)")

    def handle(self, *args, files: list[str], heldout: bool, errors: int, **options) -> None:
        paths = [Path(f) for f in files] or [DATA / ("events_heldout.jsonl" if heldout else "events_dev.jsonl")]
        for path in paths:
            if not path.exists():
                raise CommandError(f"No labelled set at {path}.")
            evaluation = evaluate_events(path)
            self.stdout.write(table(evaluation))
            if errors:
                self.stdout.write(error_listing(evaluation, errors))
                self.stdout.write(grouping_listing(evaluation, errors))


def table(evaluation: EventsEvaluation) -> str:
    """The figures as a plain-text table (Markdown-friendly)."""
    lines = [
        f"{evaluation.corpus}: {len(evaluation.results)} place records, {evaluation.articles} articles",
        "",
        "| measure | precision | recall | F1 | support |",
        "|---|---|---|---|---|",
    ]

    def row(name, s) -> str:
        return f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.support} |"

    lines.append(row("event (is_event)", evaluation.event))
    lines.append(row("not an event", evaluation.not_event))
    lines.append(row("event or not, macro average", evaluation.event_or_not))
    lines.append(f"| event or not, accuracy | | | {evaluation.event_accuracy:.3f} | {len(evaluation.results)} |")
    for value, scores in evaluation.types.items():
        lines.append(row(f"type: {EVENT_TYPES[value].label}", scores))
    lines.append(f"| **type macro-F1** | | | {evaluation.type_macro_f1:.3f} | |")
    lines.append(row("grouping (pairwise)", evaluation.grouping))
    lines.append("")
    lines.append(f"speed: {evaluation.records_per_second:.0f} records/s, "
                 f"{evaluation.articles_per_second:.0f} docs/s (geoparse, date, judge, group)")
    return "\n".join(lines)


def error_listing(evaluation: EventsEvaluation, limit: int) -> str:
    lines = ["", "wrong judgements:"]
    wrong = [r for r in evaluation.results
             if r.judgement.is_event != r.record["is_event"]
             or (r.record["is_event"] and r.judgement.event_type != r.record["type"])]
    for r in wrong[:limit]:
        gold = r.record["type"] if r.record["is_event"] else "no event"
        got = r.judgement.event_type if r.judgement.is_event else "no event"
        lines.append(f"- {r.record['id']} {r.record['place']}: gold {gold}, got {got} "
                     f"({r.judgement.score:.2f}; {'; '.join(r.judgement.cues)})")
        lines.append(f"    {r.record['passage']}")
    return "\n".join(lines)


def grouping_listing(evaluation: EventsEvaluation, limit: int) -> str:
    """Pairs of records grouping split apart or wrongly joined, each with its place as
    resolved, its dates as grouping saw them and its types (gold and engine)."""
    split, joined = grouping_errors(evaluation)
    lines = ["", f"split apart ({len(split)} pairs of one gold event in two events):"]
    for a, b in split[:limit]:
        lines += [f"- {a.record['event']}", f"    {_grouped(a)}", f"    {_grouped(b)}"]
    lines += ["", f"wrongly joined ({len(joined)} pairs in one event that gold keeps apart):"]
    for a, b in joined[:limit]:
        lines += [f"- event {a.group}", f"    {_grouped(a)}", f"    {_grouped(b)}"]
    return "\n".join(lines)


def _grouped(result: RecordResult) -> str:
    place, record, when = result.place, result.record, result.when
    hosts = "".join(f" in {host.name}" for host in place.within)
    gold = f"{record['type']} {record['event_date']}" if record["is_event"] else "no event"
    return (f"{record['id']} {record['source']} ({record['published']}): {record['place']} -> {place.name}{hosts} "
            f"[{place.kind}, {place.country_code or '?'}], {when.start}..{when.end} ({when.source}), "
            f"gold {gold}, got {result.judgement.event_type}, event {result.group}")
