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


def read_csv(path: Path) -> Iterator[RawRecord | Rejection]:
    """One raw record per data row; the dialect (comma, semicolon, tab) is sniffed.

    A file whose quoting is broken is refused whole (ImportRefused): after an unbalanced
    quote the rows that follow cannot be told apart, and guessing would save several
    rows as one article's text. The refusal comes before any record is handed over."""
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        sample = handle.read(64 * 1024)
        handle.seek(0)
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.DictReader(handle, dialect=dialect, strict=True)
        records: list[RawRecord | Rejection] = []
        try:
            for row in reader:
                where = f"{path.name} row {reader.line_num}"
                if None in row:
                    records.append(Rejection(where, "more values than columns"))
                    continue
                fields = {key: value for key, value in row.items() if key}
                if swallowed := _swallowed_rows(fields, reader.fieldnames or [], dialect.delimiter):
                    raise ImportRefused(
                        f"{where}: a quote seems unbalanced: the field {swallowed!r} holds "
                        f"what look like further rows; fix the quoting and import again")
                records.append(RawRecord(where, fields))
        except csv.Error as exc:
            raise ImportRefused(f"{path.name} row {reader.line_num}: unreadable CSV ({exc}); "
                                "a quote may be unbalanced") from None
    return iter(records)


def _swallowed_rows(fields: dict, columns: list[str], delimiter: str) -> str | None:
    """The column whose value holds a line that splits into a whole row of this file
    (as many values as there are columns), the sign of rows taken into a quoted field
    that was never closed; None when there is none. Files of fewer than three columns
    are not judged: a paragraph with one comma would look like a row."""
    if len(columns) < 3:
        return None
    for name, value in fields.items():
        if not value or "\n" not in value:
            continue
        for line in value.splitlines()[1:]:
            if line.count(delimiter) == len(columns) - 1:
                return name
    return None
