"""CSV with a header row naming the columns (title, body, url, source, published_at...)."""
from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

from mapapp.importing.limits import ImportRefused
from mapapp.importing.records import RawRecord, Rejection

# Article bodies are long; the csv module's default field limit (128 KiB) is not enough.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
DELIMITERS = ",;\t"


class _Dialect(csv.excel):
    strict = True  # text after a closing quote is an error, not glued to the field


def read_csv(path: Path) -> Iterator[RawRecord | Rejection]:
    """One raw record per data row; the delimiter (comma, semicolon or tab) is the one
    the header row uses most.

    A file whose quoting is broken is refused whole (ImportRefused), before any record
    is handed over: after an unbalanced quote the following rows run into one field,
    and reading on would save several rows as one article's text."""
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        header = handle.readline()
        handle.seek(0)
        dialect = type("FileDialect", (_Dialect,), {"delimiter": _delimiter(header)})
        reader = csv.DictReader(handle, dialect=dialect)
        records: list[RawRecord | Rejection] = []
        try:
            for row in reader:
                where = f"{path.name} row {reader.line_num}"
                if None in row:
                    records.append(Rejection(where, "more values than columns"))
                    continue
                records.append(RawRecord(where, {key: value for key, value in row.items() if key}))
        except csv.Error as exc:
            raise ImportRefused(
                f"{path.name}, the row starting at line {reader.line_num + 1}: unreadable CSV ({exc}); a quote is "
                "probably unbalanced, so the rows after it cannot be told apart. Nothing was "
                "imported: fix the quoting and import the file again.") from None
    return iter(records)


def _delimiter(header: str) -> str:
    counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","
