"""CSV with a header row naming the columns (title, body, url, source, published_at...)."""
from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

from mapapp.importing.records import RawRecord, Rejection

# Article bodies are long; the csv module's default field limit (128 KiB) is not enough.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_csv(path: Path) -> Iterator[RawRecord | Rejection]:
    """One raw record per data row; the dialect (comma, semicolon, tab) is sniffed."""
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        sample = handle.read(64 * 1024)
        handle.seek(0)
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.DictReader(handle, dialect=dialect)
        try:
            for row in reader:
                where = f"{path.name} row {reader.line_num}"
                if None in row:
                    yield Rejection(where, "more values than columns")
                    continue
                yield RawRecord(where, {key: value for key, value in row.items() if key})
        except csv.Error as exc:
            yield Rejection(f"{path.name} row {reader.line_num}", f"unreadable CSV ({exc})")
