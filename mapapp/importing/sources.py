"""From a path (file or folder) to raw records, choosing the reader by format: the one
registry of the formats an import understands."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from mapapp.importing.archives import read_zip
from mapapp.importing.feeds import read_feed
from mapapp.importing.jsonl import read_jsonl
from mapapp.importing.limits import LIMITS, ImportLimits, ImportRefused, size_text
from mapapp.importing.pages import PAGE_SUFFIXES, read_page, read_pages
from mapapp.importing.records import RawRecord, Rejection
from mapapp.importing.tabular import read_csv

Reader = Callable[[Path, ImportLimits], Iterator[RawRecord | Rejection]]

FORMATS: dict[str, Reader] = {
    "jsonl": read_jsonl,
    "csv": lambda path, limits: read_csv(path),
    "feed": read_feed,
    "html": lambda path, limits: (read_pages(path, limits) if path.is_dir()
                                  else iter([read_page(path, limits=limits)])),
    "zip": read_zip,
}
SUFFIXES = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".zip": "zip",
    **{suffix: "html" for suffix in PAGE_SUFFIXES},
}


class UnknownFormat(ImportRefused):
    pass


def source_format(path: Path) -> str:
    """The format of a file from its name, a folder being a folder of HTML pages."""
    if path.is_dir():
        return "html"
    try:
        return SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise UnknownFormat(
            f"cannot tell the format of {path.name}: use --format ({', '.join(FORMATS)})"
        ) from None


def read_source(path: Path, fmt: str = "auto",
                limits: ImportLimits = LIMITS) -> list[RawRecord | Rejection]:
    """Every raw record (or rejection of an unreadable part) of a file or folder, read
    in full before anything is saved, so a file refused as a whole (ImportRefused: a
    zip bomb, broken CSV quoting, a feed past the parse-time limit) saves nothing."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(path)
    if path.is_file() and path.stat().st_size > limits.upload_bytes:
        raise ImportRefused(f"{path.name} is larger than {size_text(limits.upload_bytes)}")
    if fmt != "auto" and fmt not in FORMATS:
        raise UnknownFormat(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    reader = FORMATS[source_format(path) if fmt == "auto" else fmt]
    return list(reader(path, limits))
