"""`manage.py calibrate_confidence [GOLD.jsonl ...] [--dry-run] [--threshold T]`: refit the table
that turns the geoparser's raw score into a probability of being right (calibration.py).

Geoparses every gold document with calibration switched off, judges each mapped toponym by the
map-truth rules (span right and point within tolerance), and fits the table on all of them.
What it reports is measured honestly: the documents are split in two halves (by a hash of
their id), a table fitted on one half scores the other, and the ECE, reliability table and
sure/unsure figures printed per corpus come from those held-out confidences. It also names
the sure threshold that gives the best sure precision while keeping >= 80 % of toponyms sure
in every corpus.

Defaults: ../shared/bench/lgl.jsonl, ../shared/bench/geovirus.jsonl and
mapapp/evaluation/data/conflict_dev.jsonl (never the held-out conflict set).
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from mapapp.evaluation.map_truth import (
    expected_calibration_error,
    judge_document,
    read_jsonl,
    reliability_table,
)
from mapapp.evaluation.run import mapped_record
from mapapp.geoparsing import get_geoparser
from mapapp.geoparsing.calibration import (
    TABLE_PATH,
    CalibrationTable,
    Features,
    fit_table,
    raw_scores,
    write_table,
)
from mapapp.geoparsing.normalize import name_key
from mapapp.geoparsing.parser import Geoparser

REPO = Path(__file__).resolve().parents[3]
DEFAULT_GOLD = (REPO.parent / "shared" / "bench" / "lgl.jsonl",
                REPO.parent / "shared" / "bench" / "geovirus.jsonl",
                REPO / "mapapp" / "evaluation" / "data" / "conflict_dev.jsonl")
MIN_SURE_SHARE = 0.80
# How far each corpus counts as an equal share rather than by its size: 0.5 gave the lowest
# cross-validated ECE summed over LGL, GeoVirus and conflict_dev (0 and 1 both measured).
BALANCE = 0.5
THRESHOLDS = [round(0.5 + i / 100, 2) for i in range(50)]  # candidate sure thresholds, 0.50 to 0.99


@dataclass(frozen=True, slots=True)
class Example:
    """One mapped toponym of a gold document: its raw score, features and verdict."""

    corpus: str
    doc_id: str
    raw: float
    features: Features
    right: bool


def collect_examples(gold_path: Path | str, geoparser: Geoparser) -> list[Example]:
    """Every mapped toponym of a gold file, geoparsed with calibration off, judged by map truth."""
    corpus = Path(gold_path).stem
    examples = []
    for doc in read_jsonl(gold_path):
        with raw_scores():
            toponyms = geoparser.parse(doc["text"])
        records = [mapped_record(t, threshold=0.0) for t in toponyms]
        judged, _missed, _located = judge_document(doc["id"], doc["toponyms"], records, threshold=0.0)
        verdict = {(j.start, j.end): j.right for j in judged}
        # The disambiguation gives every mention of a name one sense; its name key groups them.
        mentions = defaultdict(int)
        for t in toponyms:
            mentions[name_key(t.surface)] += 1
        for t in toponyms:
            if (t.start, t.end) in verdict:
                features = Features(kind=t.kind, population=t.population, repeated=mentions[name_key(t.surface)] > 1)
                examples.append(Example(corpus, doc["id"], t.confidence, features, verdict[(t.start, t.end)]))
    return examples


def document_half(doc_id: str) -> int:
    """0 or 1, fixed for a document id (so every run splits the same way)."""
    return zlib.crc32(doc_id.encode("utf-8")) % 2


def fit(examples: list[Example]) -> CalibrationTable:
    """The table fitted on ``examples``, each corpus weighing BALANCE of an equal share
    and 1 - BALANCE of its size (so a small corpus is not drowned by a large one). With no
    examples, a table without curves: it leaves raw scores as they are."""
    if not examples:
        return CalibrationTable({})
    sizes = Counter(e.corpus for e in examples)
    even = len(examples) / len(sizes)
    weight = {c: BALANCE * even / n + (1 - BALANCE) for c, n in sizes.items()}
    return fit_table((e.raw, e.features, e.right, weight[e.corpus]) for e in examples)


def cross_validated(examples: list[Example]) -> list[tuple[Example, float]]:
    """Each example with the confidence a table fitted on the other half of the documents gives it."""
    out = []
    for half in (0, 1):
        table = fit([e for e in examples if document_half(e.doc_id) != half])
        out.extend((e, table.probability(e.raw, e.features)) for e in examples if document_half(e.doc_id) == half)
    return out


@dataclass(frozen=True, slots=True)
class SureFigures:
    sure_precision: float
    sure_share: float
    wrong_caught: float


def sure_figures(scored: list[tuple[Example, float]], threshold: float) -> SureFigures:
    """Sure precision, sure share and wrong caught when toponyms at or above ``threshold`` are sure."""
    sure = [e for e, p in scored if p >= threshold]
    wrong = [(e, p) for e, p in scored if not e.right]
    return SureFigures(sure_precision=sum(e.right for e in sure) / max(len(sure), 1),
                       sure_share=len(sure) / max(len(scored), 1),
                       wrong_caught=sum(p < threshold for _e, p in wrong) / max(len(wrong), 1))


def best_threshold(by_corpus: dict[str, list[tuple[Example, float]]]) -> float | None:
    """The candidate threshold with the best mean sure precision over the corpora among those
    keeping at least MIN_SURE_SHARE of every corpus sure; None when none does."""
    best, best_precision = None, -1.0
    for threshold in THRESHOLDS:
        figures = [sure_figures(scored, threshold) for scored in by_corpus.values()]
        if all(f.sure_share >= MIN_SURE_SHARE for f in figures):
            precision = sum(f.sure_precision for f in figures) / len(figures)
            if precision > best_precision:
                best, best_precision = threshold, precision
    return best


class Command(BaseCommand):
    help = "Refit the confidence calibration table from gold JSONL files (cross-validated report)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("gold", nargs="*", help="gold JSONL files (default: LGL, GeoVirus, conflict_dev)")
        parser.add_argument("--dry-run", action="store_true", help="report only; leave the stored table alone")
        parser.add_argument("--output", default=str(TABLE_PATH), help="where to write the table")
        parser.add_argument("--threshold", type=float, default=None,
                            help="sure threshold to report at (default: settings.MAP_SURE_CONFIDENCE)")

    def handle(self, *args, gold: list[str], dry_run: bool, output: str, threshold: float | None,
               **options) -> None:
        threshold = settings.MAP_SURE_CONFIDENCE if threshold is None else threshold
        paths = gold or [str(p) for p in DEFAULT_GOLD]
        geoparser = get_geoparser()
        examples = [e for path in paths for e in collect_examples(path, geoparser)]
        if not examples:
            self.stderr.write("no mapped toponyms in the gold files: nothing to fit")
            return
        by_corpus: dict[str, list[tuple[Example, float]]] = defaultdict(list)
        for example, probability in cross_validated(examples):
            by_corpus[example.corpus].append((example, probability))
        raw_by_corpus = {corpus: [(e, e.raw) for e, _p in scored] for corpus, scored in by_corpus.items()}
        self.stdout.write("Cross-validated by document (fitted on one half, scored on the other):")
        for corpus, scored in by_corpus.items():
            self._report(corpus, scored, raw_by_corpus[corpus], threshold)
        proposal = best_threshold(by_corpus)
        if proposal is None:
            self.stdout.write(f"no threshold keeps >= {MIN_SURE_SHARE:.0%} sure in every corpus")
        else:
            shown = "  ".join(f"{c}: {_sure_line(sure_figures(s, proposal))}" for c, s in by_corpus.items())
            self.stdout.write(f"best threshold with >= {MIN_SURE_SHARE:.0%} sure everywhere: {proposal:g}  ({shown})")
        table = fit(examples)
        if dry_run:
            self.stdout.write(f"dry run: {len(table.curves)} curves fitted on {len(examples)} toponyms, not written")
        else:
            write_table(table, output)
            self.stdout.write(f"wrote {len(table.curves)} curves fitted on {len(examples)} toponyms to {output}")

    def _report(self, corpus: str, scored: list[tuple[Example, float]], raw: list[tuple[Example, float]],
                threshold: float) -> None:
        table = reliability_table([(p, e.right) for e, p in scored])
        raw_ece = expected_calibration_error(reliability_table([(p, e.right) for e, p in raw]))
        self.stdout.write(f"{corpus}: {len(scored)} mapped toponyms  ECE {expected_calibration_error(table):.3f}"
                          f" (raw score {raw_ece:.3f})")
        self.stdout.write(f"  at {threshold:g}: calibrated {_sure_line(sure_figures(scored, threshold))};"
                          f" raw {_sure_line(sure_figures(raw, threshold))}")
        self.stdout.write("  confidence      count  mean conf  share right")
        for b in table:
            if b.count:
                closing = "]" if b.high == 1.0 else ")"
                self.stdout.write(f"  [{b.low:.1f}, {b.high:.1f}{closing}  {b.count:7d}"
                                  f"  {b.mean_confidence:9.3f}  {b.share_right:11.3f}")


def _sure_line(f: SureFigures) -> str:
    return f"sure precision {f.sure_precision:.3f}, sure {f.sure_share:.3f}, wrong caught {f.wrong_caught:.3f}"
