"""The Place rows an editor's choice points at: a gazetteer candidate the geoparser
offered, or a point the editor set on the map."""
from mapapp.models import Place


def place_from_candidate(candidate: dict) -> Place:
    """The Place for one of a mention's candidates (its stored JSON), created if no
    mention used it before. Gazetteer entries are shared by GeoNames id."""
    kind = candidate.get("kind") if candidate.get("kind") in Place.Kind.values else Place.Kind.OTHER
    details = {
        "name": candidate["name"],
        "latitude": candidate["latitude"],
        "longitude": candidate["longitude"],
        "country_code": candidate.get("country_code") or "",
        "admin1": candidate.get("admin1") or "",
        "kind": kind,
        "population": candidate.get("population") or 0,
    }
    if candidate.get("geonameid") is not None:
        place, _ = Place.objects.get_or_create(
            geonameid=candidate["geonameid"], defaults=details
        )
        return place
    place, _ = Place.objects.get_or_create(
        geonameid=None, name=details["name"], kind=kind,
        country_code=details["country_code"], defaults=details,
    )
    return place


def place_from_point(*, name: str, latitude: float, longitude: float) -> Place:
    """A place an editor set by hand; the same name at the same point is reused."""
    place, _ = Place.objects.get_or_create(
        geonameid=None, origin=Place.Origin.EDITOR, name=name[:200],
        latitude=latitude, longitude=longitude,
        defaults={"kind": Place.Kind.OTHER},
    )
    return place
