"""`manage.py evaluate_dates`: accuracy of passage dating on the hand-written evaluation set.

Prints overall and per-category accuracy (exact day where the gold precision is a
day, overlap otherwise) and every failure. `--benchmark` also prints passages per
second on the DW article repeated.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from mapapp.benchmarks.dating import DEFAULT_ARTICLE, DEFAULT_PUBLISHED, run_benchmark
from mapapp.dating.evaluation import EVALUATION_SET, evaluate, load_cases, report


class Command(BaseCommand):
    help = "Score the passage dater against mapapp/dating/evaluation.jsonl."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--path", type=Path, default=EVALUATION_SET, help="a JSONL evaluation set")
        parser.add_argument("--split", help="only this split (dev or held_out)")
        parser.add_argument("--category", help="only this category")
        parser.add_argument("--benchmark", action="store_true", help="also time the DW article repeated")

    def handle(self, *args, path: Path, split: str | None, category: str | None, benchmark: bool,
               **options) -> None:
        cases = [
            case for case in load_cases(path)
            if (split is None or case.split == split) and (category is None or case.category == category)
        ]
        self.stdout.write(report(evaluate(cases)))
        if benchmark:
            text = "\n\n".join([DEFAULT_ARTICLE.read_text(encoding="utf-8")] * 6)
            self.stdout.write("\nbenchmark (DW article x6): " + str(run_benchmark(text, DEFAULT_PUBLISHED)))
