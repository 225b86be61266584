"""JSON Lines: one JSON object per line."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from mapapp.importing.records import RawRecord, Rejection


def read_jsonl(path: Path) -> Iterator[RawRecord | Rejection]:
    """One raw record per non-blank line; a line that is not a JSON object is rejected."""
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path.name} line {number}"
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Rejection(where, f"not valid JSON ({exc.msg})")
                continue
            if not isinstance(value, dict):
                yield Rejection(where, "not a JSON object")
                continue
            yield RawRecord(where, value)
