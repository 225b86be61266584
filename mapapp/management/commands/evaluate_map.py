"""`manage.py evaluate_map GOLD.jsonl [GOLD2.jsonl ...] [--threshold T] [--json] [--errors N]`:
what a reader of the map would see on gold corpora.

For each file: runs the geoparser as the app does, gives each toponym its sure/unsure status,
and prints the toponyms mapped, precision of sure toponyms, share sure, share of wrong ones
caught as unsure, recall, expected calibration error with its reliability table, and docs/s.
The rules are mapapp.evaluation.map_truth's (those of ../shared/bench/map_truth.py).
"""

from __future__ import annotations

import json

from django.conf import settings
from django.core.management.base import BaseCommand

from mapapp.evaluation.map_truth import span_in_context
from mapapp.evaluation.run import CorpusEvaluation, evaluate_corpus
from mapapp.geoparsing import get_geoparser


class Command(BaseCommand):
    help = "Score the geoparser on gold JSONL files as a reader of the map would see it."

    def add_arguments(self, parser) -> None:
        parser.add_argument("gold", nargs="+", help="gold JSONL files ({'id', 'text', 'toponyms'} per line)")
        parser.add_argument("--threshold", type=float, default=None,
                            help="confidence at which a toponym is sure (default: settings.MAP_SURE_CONFIDENCE)")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print one JSON object per corpus")
        parser.add_argument("--errors", type=int, default=0, metavar="N",
                            help="also list the N most confident wrong toponyms and N misses per corpus")

    def handle(self, *args, gold: list[str], threshold: float | None, as_json: bool, errors: int,
               **options) -> None:
        threshold = settings.MAP_SURE_CONFIDENCE if threshold is None else threshold
        geoparser = get_geoparser()
        geoparser.parse("Warming up the gazetteer in Aleppo.")  # loading is not geoparsing time
        for path in gold:
            evaluation = evaluate_corpus(path, geoparser, threshold=threshold)
            if as_json:
                self.stdout.write(_as_json(evaluation, threshold))
            else:
                self.stdout.write(_as_text(evaluation, threshold))
            if errors:
                self.stdout.write(_error_listing(evaluation, errors))


def _figures(evaluation: CorpusEvaluation, threshold: float) -> dict:
    return {"corpus": evaluation.corpus, "threshold": threshold, **evaluation.truth.figures(),
            "docs_per_second": round(evaluation.docs_per_second, 1)}


def _as_json(evaluation: CorpusEvaluation, threshold: float) -> str:
    row = _figures(evaluation, threshold)
    row["reliability"] = [{"low": b.low, "high": b.high, "count": b.count,
                           "mean_confidence": b.mean_confidence, "share_right": b.share_right}
                          for b in evaluation.truth.reliability()]
    return json.dumps(row)


def _as_text(evaluation: CorpusEvaluation, threshold: float) -> str:
    truth = evaluation.truth
    lines = [
        f"{evaluation.corpus}: {evaluation.documents} documents, sure at confidence >= {threshold:g}",
        f"  mapped {truth.mapped}  precision {truth.precision:.3f}  sure precision {truth.sure_precision:.3f}"
        f"  sure share {truth.sure_share:.3f}  wrong caught {truth.wrong_caught:.3f}"
        f"  recall {truth.recall:.3f}  ECE {truth.ece:.3f}  {evaluation.docs_per_second:.0f} docs/s",
        "  confidence      count  mean conf  share right",
    ]
    for b in truth.reliability():
        closing = "]" if b.high == 1.0 else ")"
        shown = f"{b.mean_confidence:9.3f}  {b.share_right:11.3f}" if b.count else f"{'-':>9}  {'-':>11}"
        lines.append(f"  [{b.low:.1f}, {b.high:.1f}{closing}  {b.count:7d}  {shown}")
    return "\n".join(lines)


def _error_listing(evaluation: CorpusEvaluation, limit: int) -> str:
    truth = evaluation.truth
    wrong = sorted((t for t in truth.judged if not t.right), key=lambda t: -t.confidence)[:limit]
    lines = [f"  most confident wrong toponyms ({sum(not t.right for t in truth.judged)} wrong):"]
    for t in wrong:
        where = (f"gold {t.gold_name!r} {t.error_km:.0f} km away" if t.gold_name is not None
                 else "no gold place here")
        lines.append(f"    {t.confidence:.2f} {'sure' if t.sure else 'unsure'} {t.doc_id} "
                     f"-> {t.name} ({t.kind}); {where}: "
                     f"{span_in_context(evaluation.texts[t.doc_id], t.start, t.end)}")
    lines.append(f"  missed ({len(truth.missed)}):")
    for m in truth.missed[:limit]:
        lines.append(f"    {m.doc_id}: {span_in_context(evaluation.texts[m.doc_id], m.start, m.end)}")
    return "\n".join(lines)
