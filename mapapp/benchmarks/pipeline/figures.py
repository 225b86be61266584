"""Percentiles and the printed table."""
from __future__ import annotations

import math


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share in 0..1) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


COLUMNS = ("configuration", "workers", "corpus", "words/article", "mentions/article", "articles",
           "saved/s", "articles/s", "burst p50 s", "burst p95 s", "paced p50 s", "paced p95 s")


def table(rows: list[dict]) -> str:
    """A Markdown table of the driver's results."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in rows:
        cells = [row["configuration"], str(row["workers"]), row["corpus"], f"{row['words']:.0f}",
                 f"{row['mentions']:.1f}", str(row["articles"]), f"{row['saves_per_second']:.0f}",
                 f"{row['per_second']:.1f}", f"{row['burst_p50']:.2f}", f"{row['burst_p95']:.2f}",
                 f"{row['paced_p50']:.3f}", f"{row['paced_p95']:.3f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
