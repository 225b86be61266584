"""Throughput of ``date_passages``: passages per second on an article repeated.

Run ``python -m mapapp.benchmarks.dating [ARTICLE] [--copies N]``; the default
article is the DW report in ../shared/corpus (never copied into the project).
The first pass warms dateparser's lazy loading and is reported apart. "Fresh"
runs give each pass another publication date, so no parsed expression comes
from the cache (as with a stream of new articles); "cached" runs repeat one date.
CPU time is reported beside wall time because the machine is often shared.
"""

import argparse
import datetime
import time
from dataclasses import dataclass
from pathlib import Path

from mapapp.dating.governing import date_passages
from mapapp.passages import split_passages

DEFAULT_ARTICLE = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / (
    "dw-2015-09-19-assad-exit-kerry.txt"
)
DEFAULT_PUBLISHED = datetime.date(2015, 9, 19)


@dataclass(frozen=True, slots=True)
class BenchmarkRun:
    """What one benchmark measured."""

    words: int
    passages: int
    first_seconds: float
    fresh: tuple[float, float]  # wall, CPU seconds
    cached: tuple[float, float]
    repeats: int

    def _figures(self, seconds: tuple[float, float]) -> str:
        wall, cpu = seconds
        per_second = self.passages * self.repeats / cpu if cpu else float("inf")
        return (
            f"{1000 * wall / self.repeats:.1f} ms wall, {1000 * cpu / self.repeats:.1f} ms CPU per article, "
            f"{per_second:,.0f} passages per CPU second"
        )

    def __str__(self) -> str:
        return (
            f"{self.words} words, {self.passages} passages, {self.repeats} runs each; "
            f"first call {1000 * self.first_seconds:.0f} ms\n  fresh:  {self._figures(self.fresh)}\n"
            f"  cached: {self._figures(self.cached)}"
        )


def run_benchmark(text: str, published: datetime.date, *, repeats: int = 20) -> BenchmarkRun:
    """Date every passage of ``text`` once cold, then ``repeats`` times with fresh
    publication dates and ``repeats`` times with the same one."""
    spans = split_passages(text)
    began = time.perf_counter()
    date_passages(text, spans, published)
    first = time.perf_counter() - began
    began, began_cpu = time.perf_counter(), time.process_time()
    for offset in range(1, repeats + 1):
        date_passages(text, spans, published - datetime.timedelta(days=offset))
    fresh = (time.perf_counter() - began, time.process_time() - began_cpu)
    began, began_cpu = time.perf_counter(), time.process_time()
    for _ in range(repeats):
        date_passages(text, spans, published)
    cached = (time.perf_counter() - began, time.process_time() - began_cpu)
    return BenchmarkRun(len(text.split()), len(spans), first, fresh, cached, repeats)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("--copies", type=int, default=6, help="repeat the article to make it longer")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--published", type=datetime.date.fromisoformat, default=DEFAULT_PUBLISHED)
    args = parser.parse_args(argv)
    text = "\n\n".join([args.article.read_text(encoding="utf-8")] * args.copies)
    print(run_benchmark(text, args.published, repeats=args.repeats))


if __name__ == "__main__":
    main()
