"""An offline basemap: every country's outline as one GeoJSON FeatureCollection,
taken from the `countryinfo` package (outlines from Natural Earth via world.geo.json),
so the reader's map shows land and borders when no tile server answers."""
import functools
import json

from countryinfo import all_countries

# Three decimals (about 100 m) is far finer than these outlines' own detail.
PRECISION = 3


@functools.cache
def countries_geojson() -> bytes:
    """The outlines, each feature carrying `iso2`, `iso3` and `name`; built once."""
    features = []
    for country in all_countries():
        try:
            outline, iso, name = country.geo_json() or {}, country.iso() or {}, country.name()
        except (KeyError, ValueError):  # small islands carry no outline
            continue
        for feature in outline.get("features", []):
            features.append({
                "type": "Feature",
                "id": iso.get("alpha3") or feature.get("id"),
                "properties": {"name": name, "iso2": iso.get("alpha2", ""),
                               "iso3": iso.get("alpha3", "")},
                "geometry": _rounded(feature["geometry"]),
            })
    features.sort(key=lambda f: f["properties"]["name"])
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, separators=(",", ":")).encode("utf-8")


def _rounded(geometry: dict) -> dict:
    return {"type": geometry["type"], "coordinates": _round(geometry["coordinates"])}


def _round(value):
    if isinstance(value, list):
        return [_round(v) for v in value]
    return round(value, PRECISION)


@functools.cache
def country_names() -> dict[str, str]:
    """Country names by ISO 3166-1 alpha-2 code, as the gazetteer shows them (GeoNames'
    names with the app's display names), then the outlines' package for any it lacks."""
    from mapapp.geoparsing.aliases import COUNTRY_DISPLAY
    from mapapp.geoparsing.gazetteer_sources import countries

    names: dict[str, str] = {}
    for country in all_countries():
        try:
            code, name = (country.iso() or {}).get("alpha2", ""), country.name()
        except (KeyError, ValueError):
            continue
        if code and name:
            names[code.upper()] = name
    names.update({c.iso: COUNTRY_DISPLAY.get(c.iso, c.name) for c in countries()})
    return names
