"""The Geoparser: recognition + disambiguation -> Toponyms (see types.py for the contract)."""

from __future__ import annotations

from functools import lru_cache

from mapapp.geoparsing.disambiguation import Resolution, resolve
from mapapp.geoparsing.gazetteer import KIND_NAMES, Gazetteer, load_gazetteer
from mapapp.geoparsing.recognizer import Mention, Recognizer
from mapapp.geoparsing.types import Candidate, Toponym

ALTERNATIVES_KEPT = 5
ENTRIES_KEPT = 50_000  # entries whose description is kept at hand (the same places recur)


class Geoparser:
    """Finds the places a text names and where they are. Thread-safe once built."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self._recognizer = Recognizer(self.gazetteer)

    def parse(self, text: str) -> list[Toponym]:
        """Toponyms in ``text``, sorted by start, non-overlapping."""
        mentions = self._recognizer.mentions(text)  # in text order
        if not mentions:
            return []
        # One sense per name: every mention of a name gets its name's resolution.
        resolutions = resolve(self.gazetteer, text, mentions)
        return [self._toponym(m, resolutions[m.key]) for m in mentions]

    def candidate(self, entry: int, score: float) -> Candidate:
        """Gazetteer entry ``entry`` as an alternative scored ``score``."""
        return Candidate(**_place_fields(self.gazetteer, entry), score=round(score, 3))

    def _toponym(self, m: Mention, r: Resolution) -> Toponym:
        """The Toponym for mention ``m`` resolved as ``r``; an unresolved one keeps its own
        spelling as its name and has no point."""
        alternatives = tuple(self.candidate(e, s) for e, s in r.ranked[:ALTERNATIVES_KEPT])
        if r.entry < 0:
            place = {"name": m.surface, "geonameid": None, "latitude": None, "longitude": None,
                     "kind": "other", "country_code": "", "admin1": "", "population": 0}
            confidence = 0.0
        else:
            place, confidence = _place_fields(self.gazetteer, r.entry), r.confidence
        return Toponym(start=m.start, end=m.end, surface=m.surface, **place, confidence=confidence,
                       is_demonym=m.is_demonym, candidates=alternatives)


@lru_cache(maxsize=ENTRIES_KEPT)
def _place_fields(gaz: Gazetteer, entry: int) -> dict:
    """What Toponym and Candidate say about gazetteer entry ``entry``, by field name.
    (Shared between calls: do not change it.)"""
    return {
        "name": gaz.name[entry],
        "geonameid": gaz.geonameid[entry] or None,
        "latitude": gaz.latitude[entry],
        "longitude": gaz.longitude[entry],
        "kind": KIND_NAMES[gaz.kind[entry]],
        "country_code": gaz.country[entry],
        "admin1": gaz.admin1[entry],
        "population": gaz.population[entry],
    }
