"""Small helpers shared by the dating tests."""

import datetime

from mapapp.dating import EventDate, date_passages


def date_of(sentence: str, published: str, language: str | None = None) -> EventDate:
    """The date ``date_passages`` gives a one-sentence article."""
    return date_passages(sentence, [(0, len(sentence))], day(published), language=language)[0]


def dates_of(sentences: list[str], published: str, separator: str = " ") -> list[EventDate]:
    """The dates of consecutive sentences joined by ``separator``."""
    text, spans = "", []
    for sentence in sentences:
        if text:
            text += separator
        spans.append((len(text), len(text) + len(sentence)))
        text += sentence
    return date_passages(text, spans, day(published))


def day(iso: str) -> datetime.date:
    return datetime.date.fromisoformat(iso)
