"""Readers for GeoNames' own dump files, which a deployment downloads itself (build time only).

https://download.geonames.org/export/dump/ publishes the geoname table for the whole world
(allCountries.zip), per country (SY.zip, UA.zip) and by town size (cities500.zip), and the
alternate names (alternateNamesV2.zip). Each zip holds one tab-separated, UTF-8 text file
without a header; readme.txt describes the columns. The packaged data already holds towns of
500 inhabitants or more; these dumps add the villages news names in a war (most have no
population figure) and more spellings of every place.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

GEONAME_COLUMNS = 19
ALTERNATE_NAME_COLUMNS = 10  # alternateNamesV2: 8 columns in the older alternateNames.txt
# Feature class P: populated places (cities, towns, villages, camps). Divisions (A) come from
# the packaged data, which also gives them their outline's centre.
POPULATED_PLACE = "P"
# "isolanguage" values of alternate names that are codes or links, not names.
NOT_NAMES = frozenset(["link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "abbr", "phon", "piny"])


@dataclass(frozen=True, slots=True)
class GeoName:
    """One row of the geoname table that matters to the gazetteer."""

    geonameid: int
    name: str
    alternate_names: tuple[str, ...]
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    country: str
    admin1: str
    population: int


def _text_member(archive: zipfile.ZipFile, path: Path) -> str:
    """The data file inside a GeoNames zip: "<stem>.txt" (SY.zip holds SY.txt and readme.txt)."""
    names = archive.namelist()
    wanted = f"{path.stem}.txt"
    if wanted in names:
        return wanted
    data = [n for n in names if n.endswith(".txt") and not n.lower().startswith(("readme", "iso-languagecodes"))]
    if len(data) != 1:
        raise ValueError(f"{path}: expected one GeoNames data file, found {names}")
    return data[0]


def _lines(path: Path) -> Iterator[list[str]]:
    """The tab-separated rows of a GeoNames file, plain or zipped, read as a stream."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive, archive.open(_text_member(archive, path)) as raw:
            for line in io.TextIOWrapper(raw, encoding="utf-8"):
                yield line.rstrip("\r\n").split("\t")
    else:
        with open(path, encoding="utf-8") as f:
            for line in f:
                yield line.rstrip("\r\n").split("\t")


def populated_places(path: Path) -> Iterator[GeoName]:
    """Populated places (feature class P) of a geoname-table dump, with coordinates.

    Raises ValueError on a row that is not in the geoname table's 19-column format, so a
    wrong file (the alternate names given as places) is refused rather than half read.
    """
    for number, row in enumerate(_lines(path), start=1):
        if len(row) != GEONAME_COLUMNS:
            raise ValueError(f"{path}, line {number}: {len(row)} columns, a GeoNames geoname row has 19")
        if row[6] != POPULATED_PLACE or not row[4] or not row[5]:
            continue
        yield GeoName(
            geonameid=int(row[0]),
            name=row[1],
            alternate_names=tuple(a for a in row[3].split(",") if a),
            latitude=float(row[4]),
            longitude=float(row[5]),
            feature_class=row[6],
            feature_code=row[7],
            country=row[8],
            admin1=row[10],
            population=int(row[14] or 0),
        )


def alternate_names(path: Path, geonameids: set[int]) -> Iterator[tuple[int, str]]:
    """(geonameid, name) for the alternate names of the places in ``geonameids``: names in
    a language or in none, not colloquial or historic ones, not codes or links (NOT_NAMES)."""
    for number, row in enumerate(_lines(path), start=1):
        if len(row) not in (ALTERNATE_NAME_COLUMNS, 8):
            raise ValueError(f"{path}, line {number}: {len(row)} columns, an alternate-names row has 10")
        geonameid = int(row[1])
        if geonameid not in geonameids or row[2] in NOT_NAMES or "1" in row[6:8]:
            continue
        yield geonameid, row[3]
