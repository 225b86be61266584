"""Events flattened for the export formats: one row per passage that reports an event
(CSV), and an event told as plain text (KML descriptions, the offline map's popups).
Every text is printable (mapapp.readermap.exports.text), whatever the article held."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from mapapp.readermap.event_reports import EventReport
from mapapp.readermap.exports.text import printable

# Passages told per event in a KML description or a popup; the rest are counted.
PASSAGES_TOLD = 20


@dataclass(frozen=True, kw_only=True)
class EventPassageRow:
    """One passage reporting one event, with the event's own columns first."""

    event_id: int
    event_type: str
    event_label: str
    event_start: str
    event_end: str
    precision: str
    first_reported: str
    sources: int
    passages: int
    place_id: int
    place: str
    kind: str
    region: str
    country: str
    latitude: float
    longitude: float
    passage_id: int
    article_id: int
    source: str
    title: str
    url: str
    published: str
    surface: str
    place_start: int  # offsets of the place name in the article's text
    place_end: int
    passage: str
    passage_start: int | str  # offset of the passage in the article's text ("" when unknown)
    passage_date: str
    score: float
    cues: str


def event_passage_rows(reports: Iterable[EventReport]) -> Iterator[EventPassageRow]:
    """A row per published passage of each event, events in the given order."""
    for report in reports:
        event, place = report.event, report.event.place
        for passages in report.by_source.values():
            for reported in passages:
                judgement, mention = reported.judgement, reported.mention
                article = judgement.article
                yield EventPassageRow(
                    event_id=event.pk,
                    event_type=event.event_type,
                    event_label=printable(event.label),
                    event_start=event.start.isoformat(),
                    event_end=event.end.isoformat(),
                    precision=event.precision,
                    first_reported=_day(event_first_reported(event)),
                    sources=event.sources,
                    passages=event.passages_shown,
                    place_id=place.pk,
                    place=printable(place.name),
                    kind=printable(place.kind),
                    region=printable(place.admin1),
                    country=printable(place.country_code),
                    latitude=place.latitude,
                    longitude=place.longitude,
                    passage_id=judgement.pk,
                    article_id=article.pk,
                    source=printable(article.source),
                    title=printable(article.title),
                    url=printable(article.url or ""),
                    published=_day(article.published_at),
                    surface=printable(judgement.surface),
                    place_start=judgement.start,
                    place_end=judgement.end,
                    passage=printable(mention.passage) if mention else "",
                    passage_start=mention.passage_start if mention else "",
                    passage_date=(judgement.event_date.isoformat()
                                  if judgement.dated and judgement.event_date else ""),
                    score=round(judgement.score, 2),
                    cues=printable("; ".join(judgement.cues)),
                )


def event_first_reported(event):
    """When a published article first reported the event."""
    return getattr(event, "published_first", None) or event.first_reported


def event_title(report: EventReport) -> str:
    """'Protests in Kharkiv', printable."""
    return printable(f"{report.event.label} in {report.event.place.name}")


def event_dates(report: EventReport) -> str:
    """The event's date or dates and their precision, e.g. '2024-04-09 (day)'."""
    event = report.event
    days = event.start.isoformat()
    if event.end != event.start:
        days += f" to {event.end.isoformat()}"
    return f"{days} ({event.get_precision_display().lower()})"


def event_sources_line(report: EventReport) -> str:
    sources, passages = report.event.sources, report.event.passages_shown
    return (f"Reported by {sources} source{'s' if sources != 1 else ''}, "
            f"{passages} passage{'s' if passages != 1 else ''}")


def event_told(report: EventReport) -> list[tuple[str, list[str]]]:
    """The event's passages as plain text grouped by source: [(source, [passage told
    with its article's title, date and link])], at most PASSAGES_TOLD in all."""
    told: list[tuple[str, list[str]]] = []
    left = PASSAGES_TOLD
    for source, passages in report.by_source.items():
        if left <= 0:
            break
        lines = []
        for reported in passages[:left]:
            article, mention = reported.judgement.article, reported.mention
            text = mention.passage if mention else reported.judgement.surface
            lines.append(printable(f"“{text}” — {article.title}, {_day(article.published_at)} "
                                   f"{_web_address(article.url)}".rstrip()))
        left -= len(lines)
        told.append((printable(source), lines))
    return told


def event_description(report: EventReport) -> str:
    """The event as plain text: type, place, dates, sources, passages by source."""
    lines = [event_title(report), event_dates(report), event_sources_line(report)]
    shown = 0
    for source, passages in event_told(report):
        lines += ["", f"{source}:"] + [f"- {p}" for p in passages]
        shown += len(passages)
    if report.event.passages_shown > shown:
        lines += ["", f"and {report.event.passages_shown - shown} more passages"]
    return "\n".join(lines)


def _web_address(url: str | None) -> str:
    # Only a web address is worth telling; a reader's program may make it a link.
    return url if url and url.lower().startswith(("http://", "https://")) else ""


def _day(moment) -> str:
    return moment.date().isoformat() if moment else ""
