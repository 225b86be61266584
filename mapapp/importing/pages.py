"""Saved HTML pages: the article's main text and metadata, extracted with trafilatura
(navigation, adverts and comments left out)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import trafilatura

from mapapp.importing.records import RawRecord, Rejection

PAGE_SUFFIXES = {".html", ".htm", ".xhtml"}


def read_pages(folder: Path) -> Iterator[RawRecord | Rejection]:
    """One raw record per HTML file under `folder` (recursively, in name order)."""
    pages = sorted(p for p in folder.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES and p.is_file())
    for page in pages:
        yield read_page(page, where=str(page.relative_to(folder)))


def read_page(page: Path, *, where: str | None = None) -> RawRecord | Rejection:
    where = where or page.name
    try:
        document = trafilatura.bare_extraction(
            page.read_bytes(), with_metadata=True, include_comments=False, include_images=False
        )
    except Exception as exc:  # a broken page must not stop the other pages
        return Rejection(where, f"unreadable page ({type(exc).__name__})")
    if document is None or not (document.text or "").strip():
        return Rejection(where, "no article text found in the page")
    paragraphs = [line.strip() for line in document.text.splitlines() if line.strip()]
    if paragraphs and document.title and paragraphs[0] == document.title.strip():
        paragraphs = paragraphs[1:]  # the headline, already kept as the title
    return RawRecord(where, {
        "title": document.title or "",
        "body": "\n\n".join(paragraphs),
        "url": document.url or "",
        "source": document.sitename or "",
        "published_at": document.date or "",
        "language": document.language or "",
    })
