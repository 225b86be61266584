"""What a reader hands over (a raw record: a position in the source and loose fields)
and what survives checking (an ArticleRecord), or why it did not (a Rejection)."""
from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import dateparse, timezone

# Field names accepted for each article field, first match wins.
ALIASES = {
    "title": ("title", "headline"),
    "body": ("body", "text", "content", "article"),
    "url": ("url", "link"),
    "source": ("source", "outlet", "publisher"),
    "published_at": ("published_at", "published", "date", "pubdate"),
    "language": ("language", "lang"),
}
MAX_TITLE = 500
MAX_URL = 2000  # Article.url's column
# Years a moment may have: far enough from datetime's ends that converting it to UTC or
# to the site's time zone (up to 14 hours either way) can never overflow.
YEARS = range(2, 9999)


@dataclass(frozen=True)
class RawRecord:
    where: str  # "line 12", "row 4", "entry 3", "page.html": how the summary points at it
    fields: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ArticleRecord:
    where: str
    title: str
    body: str
    url: str | None
    source: str
    published_at: dt.datetime | None
    language: str


@dataclass(frozen=True)
class Rejection:
    where: str
    reason: str


def record_check(raw: RawRecord, *, default_source: str = "") -> ArticleRecord | Rejection:
    """An article ready to save, or the reason it cannot be: a missing title, a date
    that is not a date, an empty text, a malformed URL. Never raises for bad input."""
    values = {name: _first(raw.fields, names) for name, names in ALIASES.items()}
    for name, value in values.items():
        if problem := text_problem(value):
            return Rejection(raw.where, f"{name} {problem}")
    title = " ".join(values["title"].split())
    if not title:
        return Rejection(raw.where, "missing title")
    body = values["body"].strip()
    if not body:
        return Rejection(raw.where, "empty text")
    published_at = None
    if values["published_at"].strip():
        written = read_moment(values["published_at"])
        if written is None:
            return Rejection(raw.where, f"malformed date {values['published_at'][:60]!r}")
        published_at = moment_in_range(written)
        if published_at is None:
            return Rejection(raw.where, f"date out of range {values['published_at'][:60]!r}")
    url = values["url"].strip() or None
    if url and len(url) > MAX_URL:
        return Rejection(raw.where, f"URL longer than {MAX_URL} characters")
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            return Rejection(raw.where, f"malformed URL {url[:80]!r}")
    return ArticleRecord(
        where=raw.where,
        title=title[:MAX_TITLE],
        body=body,
        url=url,
        source=(values["source"].strip() or default_source)[:200],
        published_at=published_at,
        language=values["language"].strip()[:12],
    )


def text_problem(value: str) -> str | None:
    """Why a text cannot be stored as it is (every database refuses a NUL character,
    and a lone surrogate is not UTF-8), or None."""
    if "\x00" in value:
        return "contains a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid Unicode (a lone surrogate)"
    return None


def parse_moment(text: str) -> dt.datetime | None:
    """An aware datetime in UTC from ISO 8601 (date or date and time) or RFC 2822 (feeds,
    e-mail), naive values taken in the site's time zone; None if it is neither, or if it
    lies so near year 1 or 9999 that a time zone could carry it out of range."""
    moment = read_moment(text)
    return None if moment is None else moment_in_range(moment)


def read_moment(text: str) -> dt.datetime | None:
    """The moment a text names, as written (naive or aware), or None."""
    text = text.strip()
    try:
        moment = dateparse.parse_datetime(text)
        if moment is None and (day := dateparse.parse_date(text)) is not None:
            moment = dt.datetime.combine(day, dt.time(0))
    except (ValueError, OverflowError):  # well-formed but impossible, e.g. 2016-02-30
        return None
    if moment is None:
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return moment


def moment_in_range(moment: dt.datetime) -> dt.datetime | None:
    """The moment as an aware UTC datetime, or None when its year is out of YEARS."""
    if moment.year not in YEARS:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    moment = moment.astimezone(dt.UTC)
    return moment if moment.year in YEARS else None


def _first(fields: dict, names: tuple[str, ...]) -> str:
    lowered = {str(key).strip().lower(): value for key, value in fields.items()}
    for name in names:
        value = lowered.get(name)
        if value is not None and str(value).strip():
            return str(value)
    return ""
