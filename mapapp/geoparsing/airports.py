"""Airports as gazetteer entries, from the airportsdata package (used only at build time).

News names airports by their full name ("Rafic Hariri International Airport"), by their city
("Beirut airport", "Donetsk Airport") or by a shorter form of the name. Only airports with an
IATA code (the ones airlines and news name) and a name that says it is an airfield are kept.
Bare IATA codes are never names: three capitals collide with words ("BEY", "ADD", "CAN").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A name that says it is an airfield; others ("Station", "Park", "X Field") would read as
# stadiums, parks and companies.
_AIRFIELD_WORDS = re.compile(r"\b(Airport|Airfield|Air Base|Airbase|Aerodrome)\b")
_INTERNATIONAL = re.compile(r"\s+International\b")


@dataclass(frozen=True, slots=True)
class Airport:
    """One airport: its own name, the other names news gives it, where it is."""

    iata: str
    name: str
    city: str
    country: str
    latitude: float
    longitude: float
    other_names: tuple[str, ...]

    @property
    def city_airport_name(self) -> str:
        """"Beirut Airport": the name news gives an airport by its city."""
        return f"{self.city} Airport"


def airports() -> Iterator[Airport]:
    """Every airport with an IATA code, coordinates and an airfield word in its name."""
    import airportsdata

    for code, a in airportsdata.load("IATA").items():
        name, city = a["name"].strip(), (a.get("city") or "").strip()
        if not _AIRFIELD_WORDS.search(name) or a.get("lat") is None or a.get("lon") is None:
            continue
        yield Airport(iata=code, name=name, city=city, country=a["country"], latitude=float(a["lat"]),
                      longitude=float(a["lon"]), other_names=tuple(_other_names(name, city)))


def _other_names(name: str, city: str) -> list[str]:
    """"Beirut Rafic Hariri International Airport" is also "Rafic Hariri International
    Airport", "Beirut Rafic Hariri Airport" and "Beirut Airport"."""
    out = []
    short = _INTERNATIONAL.sub("", name)
    if short != name:
        out.append(short)
    if city and name.startswith(city + " "):
        rest = name[len(city) + 1:]
        if _INTERNATIONAL.sub("", " " + _AIRFIELD_WORDS.sub("", rest)).strip():
            out.append(rest)  # "Heathrow Airport", not "International Airport"
    if city and city[:1].isupper() and not _AIRFIELD_WORDS.search(city):
        out.append(f"{city} Airport")  # Airport.city_airport_name
    return [n for n in dict.fromkeys(out) if n != name]
