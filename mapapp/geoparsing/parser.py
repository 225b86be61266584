"""The Geoparser: recognition + disambiguation -> Toponyms (see types.py for the contract)."""

from __future__ import annotations

from mapapp.geoparsing.disambiguation import Resolution, resolve
from mapapp.geoparsing.gazetteer import KIND_NAMES, Gazetteer, load_gazetteer
from mapapp.geoparsing.recognizer import Mention, Recognizer
from mapapp.geoparsing.types import Candidate, Toponym

ALTERNATIVES_KEPT = 5
ENTRIES_KEPT = 50_000  # entries whose fields are kept at hand; past that the memo starts afresh


class Geoparser:
    """Finds the places a text names and where they are. Thread-safe once built."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self._recognizer = Recognizer(self.gazetteer)
        self._fields: dict[int, tuple] = {}

    def parse(self, text: str) -> list[Toponym]:
        """Toponyms in ``text``, sorted by start, non-overlapping."""
        mentions = self._recognizer.mentions(text)
        if not mentions:
            return []
        resolutions = resolve(self.gazetteer, text, mentions)
        # Every mention of a name gets the same place: describe it once per name.
        described = {key: self._described(r) for key, r in resolutions.items()}
        toponyms = []
        for m in mentions:  # the recogniser returns them in text order
            place, candidates = described[m.key]
            if place is None:
                toponyms.append(_unresolved(m, candidates))
            else:
                toponyms.append(Toponym(m.start, m.end, m.surface, *place, m.is_demonym, candidates))
        return toponyms

    def candidate(self, entry: int, score: float) -> Candidate:
        return Candidate(*self._entry_fields(entry), round(score, 3))

    def _described(self, r: Resolution) -> tuple[tuple | None, tuple[Candidate, ...]]:
        """The Toponym fields from ``name`` to ``confidence`` (None when nothing fits) and
        the alternatives, for one resolution."""
        candidates = tuple(self.candidate(e, s) for e, s in r.ranked[:ALTERNATIVES_KEPT])
        if r.entry < 0:
            return None, candidates
        geonameid, name, kind, country_code, admin1, population, latitude, longitude = self._entry_fields(r.entry)
        return (name, geonameid, latitude, longitude, kind, country_code, admin1, population,
                r.confidence), candidates

    def _entry_fields(self, entry: int) -> tuple:
        """The Candidate fields before ``score``, looked up once per entry: names recur."""
        fields = self._fields.get(entry)
        if fields is None:
            if len(self._fields) >= ENTRIES_KEPT:
                self._fields.clear()
            g = self.gazetteer
            fields = self._fields[entry] = (
                g.geonameid[entry] or None, g.name[entry], KIND_NAMES[g.kind[entry]], g.country[entry],
                g.admin1[entry], g.population[entry], g.latitude[entry], g.longitude[entry],
            )
        return fields


def _unresolved(m: Mention, candidates: tuple[Candidate, ...]) -> Toponym:
    return Toponym(m.start, m.end, m.surface, m.surface, None, None, None, "other", "", "", 0, 0.0,
                   m.is_demonym, candidates)
