"""RSS and Atom feeds, read with feedparser (which copes with the malformed ones)."""
from __future__ import annotations

import calendar
import datetime as dt
import html
from collections.abc import Iterator
from pathlib import Path

import feedparser
from django.utils.html import strip_tags

from mapapp.importing.limits import LIMITS, ImportLimits, ImportRefused, ParseTimeout, time_limit
from mapapp.importing.records import RawRecord, Rejection


def read_feed(path: Path, limits: ImportLimits = LIMITS) -> Iterator[RawRecord | Rejection]:
    """One raw record per feed entry: its full content when the feed carries it, else
    its summary, as plain text. The whole feed is read within the parse-time limit; a
    feed that takes longer is refused (ImportRefused)."""
    try:
        with time_limit(limits.seconds_per_file, path.name):
            records = _feed_records(path)
    except ParseTimeout as exc:
        raise ImportRefused(str(exc)) from None
    return iter(records)


def _feed_records(path: Path) -> list[RawRecord | Rejection]:
    feed = feedparser.parse(path.read_bytes())
    if feed.bozo and not feed.entries:
        return [Rejection(path.name, f"not a readable feed ({feed.get('bozo_exception')})")]
    outlet = str(feed.feed.get("title") or "")
    records: list[RawRecord | Rejection] = []
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{path.name} entry {number}"
        try:
            records.append(RawRecord(where, _entry_fields(entry, outlet)))
        except Exception as exc:  # feedparser hands over whatever a broken feed holds
            records.append(Rejection(where, f"unreadable entry ({type(exc).__name__})"))
    return records


def _entry_fields(entry, outlet: str) -> dict:
    contents = [str(c.get("value") or "") for c in entry.get("content") or []]
    body = "\n\n".join(filter(None, contents)) or str(entry.get("summary") or "")
    return {
        "title": _text(str(entry.get("title") or "")),
        "body": _text(body),
        "url": str(entry.get("link") or ""),
        "source": outlet,
        "published_at": _published(entry),
    }


def _published(entry) -> str:
    """ISO 8601 when feedparser understood the date; the raw text when it did not (so
    the check rejects it as malformed); empty when the entry has none."""
    for key in ("published", "updated"):
        if entry.get(key):
            parsed = entry.get(f"{key}_parsed")
            try:
                return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC).isoformat()
            except (TypeError, ValueError, OverflowError, OSError):
                return str(entry[key])  # a date feedparser could not place: judged as text
    return ""


def _text(markup: str) -> str:
    # Feed content is HTML; paragraphs become blank lines so passages still split.
    for tag in ("</p>", "<br>", "<br/>", "<br />"):
        markup = markup.replace(tag, tag + "\n\n")
    lines = (" ".join(line.split()) for line in html.unescape(strip_tags(markup)).splitlines())
    return "\n\n".join(line for line in lines if line)
