"""The Geoparser: recognition + disambiguation -> Toponyms (see types.py for the contract)."""

from __future__ import annotations

from mapapp.geoparsing.disambiguation import Resolution, resolve
from mapapp.geoparsing.gazetteer import KIND_NAMES, Gazetteer, load_gazetteer
from mapapp.geoparsing.recognizer import Recognizer
from mapapp.geoparsing.types import Candidate, Toponym

ALTERNATIVES_KEPT = 5


class Geoparser:
    """Finds the places a text names and where they are. Thread-safe once built."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self._recognizer = Recognizer(self.gazetteer)

    def parse(self, text: str) -> list[Toponym]:
        """Toponyms in ``text``, sorted by start, non-overlapping."""
        mentions = self._recognizer.mentions(text)
        if not mentions:
            return []
        resolutions = resolve(self.gazetteer, text, mentions)
        alternatives = {key: tuple(self.candidate(e, s) for e, s in r.ranked[:ALTERNATIVES_KEPT])
                        for key, r in resolutions.items()}
        return [
            self._toponym(m.start, m.end, m.surface, m.is_demonym, resolutions[m.key], alternatives[m.key])
            for m in mentions  # the recogniser returns them in text order
        ]

    def candidate(self, entry: int, score: float) -> Candidate:
        g = self.gazetteer
        return Candidate(
            geonameid=g.geonameid[entry] or None, name=g.name[entry], kind=KIND_NAMES[g.kind[entry]],
            country_code=g.country[entry], admin1=g.admin1[entry], population=g.population[entry],
            latitude=g.latitude[entry], longitude=g.longitude[entry], score=round(score, 3),
        )

    def _toponym(self, start: int, end: int, surface: str, is_demonym: bool, r: Resolution,
                 candidates: tuple[Candidate, ...]) -> Toponym:
        g = self.gazetteer
        if r.entry < 0:
            return Toponym(start, end, surface, surface, None, None, None, "other", "", "", 0,
                           0.0, is_demonym, candidates)
        e = r.entry
        return Toponym(
            start=start, end=end, surface=surface, name=g.name[e], geonameid=g.geonameid[e] or None,
            latitude=g.latitude[e], longitude=g.longitude[e], kind=KIND_NAMES[g.kind[e]],
            country_code=g.country[e], admin1=g.admin1[e], population=g.population[e],
            confidence=r.confidence, is_demonym=is_demonym, candidates=candidates,
        )
