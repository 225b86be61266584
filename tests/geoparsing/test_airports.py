"""Airports (airportsdata) are places of their own, found by their names and "<city> airport",
and never take a bare city name from the city."""

from __future__ import annotations


def toponyms(geoparser, text: str) -> dict:
    return {t.surface: t for t in geoparser.parse(text)}


def test_a_bare_city_name_stays_the_city_even_when_an_airport_is_named_after_it(geoparser):
    found = toponyms(geoparser, "Israeli jets struck southern suburbs of Beirut on Sunday.")
    assert (found["Beirut"].name, found["Beirut"].kind, found["Beirut"].country_code) == ("Beirut", "city", "LB")


def test_the_city_and_its_airport_are_told_apart_in_one_sentence(geoparser):
    found = toponyms(geoparser, "Flights resumed at Beirut airport, while Beirut itself was calm.")
    assert found["Beirut airport"].name == "Beirut Rafic Hariri International Airport"
    assert found["Beirut airport"].kind == "other"
    assert found["Beirut"].kind == "city"


def test_an_airport_is_found_by_its_own_name(geoparser):
    found = toponyms(geoparser, "Planes landed at Rafic Hariri International Airport after the ceasefire.")
    airport = found["Rafic Hariri International Airport"]
    assert airport.name == "Beirut Rafic Hariri International Airport"
    assert abs(airport.latitude - 33.82) < 0.05 and abs(airport.longitude - 35.49) < 0.05


def test_an_airport_fought_over_is_found_by_its_city(geoparser):
    found = toponyms(geoparser, "Separatists said fighting near Donetsk airport went on all night.")
    assert found["Donetsk airport"].name == "Donetsk International Airport"
    assert found["Donetsk airport"].country_code == "UA"


def test_an_airport_named_after_a_city_is_the_big_citys(geoparser):
    found = toponyms(geoparser, "Passengers were stranded at Cairo airport for a day.")
    assert found["Cairo airport"].country_code == "EG"


def test_bare_iata_codes_are_not_names(geoparser):
    # BEY (Beirut), KBL (Kabul), ADD (Addis Ababa): three capitals that would read as words.
    gaz = geoparser.gazetteer
    airport_entries = {e for e, name in enumerate(gaz.name) if gaz.kind[e] == 3 and name.endswith("Airport")}
    assert airport_entries
    for code in ("bey", "kbl", "add", "dok", "lhr"):
        assert not {p >> 2 for p in gaz.lookup(code)} & airport_entries
    assert not any(t.kind == "other" for t in geoparser.parse("The BEY and KBL desks said ADD was closed."))
