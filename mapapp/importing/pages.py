"""Saved HTML pages: the article's main text and metadata, extracted with trafilatura
(navigation, adverts and comments left out). A page is measured before extraction
(size, elements, nesting) and extracted within the parse-time limit."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import trafilatura

from mapapp.importing.limits import (
    LIMITS,
    ImportLimits,
    ParseTimeout,
    html_shape_problem,
    size_text,
    time_limit,
)
from mapapp.importing.records import RawRecord, Rejection

PAGE_SUFFIXES = {".html", ".htm", ".xhtml"}


def read_pages(folder: Path, limits: ImportLimits = LIMITS) -> Iterator[RawRecord | Rejection]:
    """One raw record per HTML file under `folder` (recursively, in name order)."""
    pages = sorted(p for p in folder.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES and p.is_file())
    for page in pages:
        yield read_page(page, where=str(page.relative_to(folder)), limits=limits)


def read_page(page: Path, *, where: str | None = None,
              limits: ImportLimits = LIMITS) -> RawRecord | Rejection:
    where = where or page.name
    if page.stat().st_size > limits.member_bytes:
        return Rejection(where, f"page larger than {size_text(limits.member_bytes)}")
    return page_record(page.read_bytes(), where=where, limits=limits)


def page_record(markup: bytes, *, where: str, limits: ImportLimits = LIMITS) -> RawRecord | Rejection:
    """The article in one page's markup, or why there is none to take."""
    if problem := html_shape_problem(markup, limits):
        return Rejection(where, problem)
    try:
        with time_limit(limits.seconds_per_file, where):
            document = trafilatura.bare_extraction(
                markup, with_metadata=True, include_comments=False, include_images=False
            )
    except ParseTimeout as exc:
        return Rejection(where, str(exc))
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
