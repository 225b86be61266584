"""Value types returned by the geoparser: the contract the rest of the app codes against."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("country", "region", "city", "other")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry considered for a toponym, with the score disambiguation gave it."""

    geonameid: int | None
    name: str
    kind: str
    country_code: str
    admin1: str
    population: int
    latitude: float
    longitude: float
    score: float


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in a text; ``text[start:end] == surface`` always holds.

    ``geonameid``/``latitude``/``longitude`` are None when the name could not be resolved.
    ``candidates`` holds the top few alternatives considered, best first.
    """

    start: int
    end: int
    surface: str
    name: str
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    kind: str
    country_code: str
    admin1: str
    population: int
    confidence: float
    is_demonym: bool
    candidates: tuple[Candidate, ...]
