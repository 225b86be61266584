"""JSON Lines: one JSON object per line."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from mapapp.importing.limits import LIMITS, ImportLimits, json_depth, size_text
from mapapp.importing.records import RawRecord, Rejection


class _NumberTooLong(ValueError):
    pass


def read_jsonl(path: Path, limits: ImportLimits = LIMITS) -> Iterator[RawRecord | Rejection]:
    """One raw record per non-blank line; a line that is not a JSON object, or one past
    the limits (too long, nested too deep, a number with too many digits), is rejected
    with its reason."""
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            yield _record(line, f"{path.name} line {number}", limits)


def _record(line: str, where: str, limits: ImportLimits) -> RawRecord | Rejection:
    if len(line) > limits.member_bytes:
        return Rejection(where, f"line longer than {size_text(limits.member_bytes)}")
    if json_depth(line) > limits.json_depth:
        return Rejection(where, f"JSON nested deeper than {limits.json_depth} levels")
    try:
        value = json.loads(line, parse_int=lambda digits: _integer(digits, limits))
    except _NumberTooLong as exc:
        return Rejection(where, str(exc))
    except json.JSONDecodeError as exc:
        return Rejection(where, f"not valid JSON ({exc.msg})")
    except (ValueError, RecursionError) as exc:  # the limits above should leave none
        return Rejection(where, f"not valid JSON ({type(exc).__name__})")
    if not isinstance(value, dict):
        return Rejection(where, "not a JSON object")
    return RawRecord(where, value)


def _integer(digits: str, limits: ImportLimits) -> int:
    # Python refuses to read integers of more than 4,300 digits (and reading long ones
    # is quadratic); no article field needs more than a few.
    if len(digits.lstrip("-")) > limits.number_digits:
        raise _NumberTooLong(f"a number with more than {limits.number_digits} digits")
    return int(digits)
