"""From a path (file or folder) to raw records, choosing the reader by format."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from mapapp.importing.feeds import read_feed
from mapapp.importing.jsonl import read_jsonl
from mapapp.importing.pages import PAGE_SUFFIXES, read_page, read_pages
from mapapp.importing.records import RawRecord, Rejection
from mapapp.importing.tabular import read_csv

Reader = Callable[[Path], Iterator[RawRecord | Rejection]]

FORMATS: dict[str, Reader] = {
    "jsonl": read_jsonl,
    "csv": read_csv,
    "feed": read_feed,
    "html": lambda path: read_pages(path) if path.is_dir() else iter([read_page(path)]),
}
SUFFIXES = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    **{suffix: "html" for suffix in PAGE_SUFFIXES},
}


class UnknownFormat(ValueError):
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


def read_source(path: Path, fmt: str = "auto") -> Iterator[RawRecord | Rejection]:
    """Raw records (or rejections of unreadable parts) from a file or folder."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(path)
    return FORMATS[source_format(path) if fmt == "auto" else fmt](path)
