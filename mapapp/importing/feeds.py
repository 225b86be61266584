"""RSS and Atom feeds, read with feedparser (which copes with the malformed ones)."""
from __future__ import annotations

import calendar
import datetime as dt
import html
from collections.abc import Iterator
from pathlib import Path

import feedparser
from django.utils.html import strip_tags

from mapapp.importing.records import RawRecord, Rejection


def read_feed(path: Path) -> Iterator[RawRecord | Rejection]:
    """One raw record per feed entry: its full content when the feed carries it, else
    its summary, as plain text."""
    feed = feedparser.parse(path.read_bytes())
    if feed.bozo and not feed.entries:
        yield Rejection(path.name, f"not a readable feed ({feed.get('bozo_exception')})")
        return
    outlet = feed.feed.get("title", "")
    for number, entry in enumerate(feed.entries, start=1):
        contents = [c.get("value", "") for c in entry.get("content", [])]
        body = "\n\n".join(filter(None, contents)) or entry.get("summary", "")
        yield RawRecord(f"{path.name} entry {number}", {
            "title": _text(entry.get("title", "")),
            "body": _text(body),
            "url": entry.get("link", ""),
            "source": outlet,
            "published_at": _published(entry),
        })


def _published(entry) -> str:
    """ISO 8601 when feedparser understood the date; the raw text when it did not (so
    the check rejects it as malformed); empty when the entry has none."""
    for key in ("published", "updated"):
        if entry.get(key):
            parsed = entry.get(f"{key}_parsed")
            if parsed is None:
                return entry[key]
            return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC).isoformat()
    return ""


def _text(markup: str) -> str:
    # Feed content is HTML; paragraphs become blank lines so passages still split.
    for tag in ("</p>", "<br>", "<br/>", "<br />"):
        markup = markup.replace(tag, tag + "\n\n")
    lines = (" ".join(line.split()) for line in html.unescape(strip_tags(markup)).splitlines())
    return "\n\n".join(line for line in lines if line)
