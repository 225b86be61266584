"""Passages that report the same thing become one event: same type, same or contained
place, overlapping dates; anything else stays apart."""
import dataclasses
import datetime as dt

from mapapp.events.grouping import EventGroup, FixedEvent, JudgedPassage, PlaceRef, group_passages, place_within

KHARKIV = PlaceRef(id=1, name="Kharkiv", kind="city", country_code="UA", admin1="Kharkiv Oblast",
                   latitude=49.98, longitude=36.25, population=1_421_125)
SALTIVKA = PlaceRef(id=2, name="Saltivka", kind="city", country_code="UA", admin1="Kharkiv Oblast",
                    latitude=50.02, longitude=36.35, population=409_300)
KHARKIV_OBLAST = PlaceRef(id=3, name="Kharkiv Oblast", kind="region", country_code="UA",
                          admin1="Kharkiv Oblast", latitude=49.5, longitude=36.5)
IZIUM = PlaceRef(id=4, name="Izium", kind="city", country_code="UA", admin1="Kharkiv Oblast",
                 latitude=49.21, longitude=37.26, population=45_000)
MAPUTO = PlaceRef(id=5, name="Maputo", kind="city", country_code="MZ", latitude=-25.97, longitude=32.58,
                  population=1_191_613)
MATOLA = PlaceRef(id=6, name="Matola", kind="city", country_code="MZ", latitude=-25.96, longitude=32.46,
                  population=675_422)
MAWASI = PlaceRef(id=7, name="al-Mawasi", country_code="PS")
MAWASI_AGAIN = PlaceRef(id=8, name="Mawasi", country_code="PS")


def passage(key, place, day, *, event_type="explosions_remote_violence", source="Wire", dated=True, days=0):
    start = dt.date(2024, 5, day)
    return JudgedPassage(key=key, event_type=event_type, place=place, start=start,
                         end=start + dt.timedelta(days=days), source=source, dated=dated,
                         published=start + dt.timedelta(days=1))


def test_two_sources_reporting_one_strike_make_one_event_with_two_sources():
    [event] = group_passages([passage("a", KHARKIV, 25, source="Wire"),
                              passage("b", KHARKIV, 25, source="Daily")])

    assert len(event.sources) == 2
    assert (event.start, event.end, event.precision) == (dt.date(2024, 5, 25), dt.date(2024, 5, 25), "day")


def test_same_town_on_another_day_with_another_type_is_two_events():
    events = group_passages([passage("a", KHARKIV, 25),
                             passage("b", KHARKIV, 29, event_type="protests")])

    assert len(events) == 2


def test_same_town_a_week_later_is_another_event():
    assert len(group_passages([passage("a", KHARKIV, 3), passage("b", KHARKIV, 10)])) == 2


def test_a_report_dated_a_day_off_still_joins():
    [event] = group_passages([passage("a", KHARKIV, 25), passage("b", KHARKIV, 26)])

    assert (event.start, event.end, event.precision) == (dt.date(2024, 5, 25), dt.date(2024, 5, 26), "range")


def test_a_district_joins_its_city_and_the_event_is_placed_at_the_district():
    [event] = group_passages([passage("a", KHARKIV, 25), passage("b", SALTIVKA, 25)])

    assert event.place == SALTIVKA


def test_a_town_joins_an_event_reported_at_its_region():
    [event] = group_passages([passage("a", KHARKIV_OBLAST, 25), passage("b", IZIUM, 25)])

    assert event.place == IZIUM


def test_two_cities_of_their_own_side_by_side_stay_apart():
    events = group_passages([passage("a", MAPUTO, 24, event_type="riots"),
                             passage("b", MATOLA, 24, event_type="riots")])

    assert len(events) == 2
    assert not place_within(MATOLA, MAPUTO)


def test_spellings_of_one_unplaced_name_meet():
    assert len(group_passages([passage("a", MAWASI, 13), passage("b", MAWASI_AGAIN, 13)])) == 1


def test_an_undated_report_joins_the_event_of_the_days_before_its_publication():
    undated = passage("b", KHARKIV, 23, dated=False, days=4)

    [event] = group_passages([passage("a", KHARKIV, 25), undated])

    assert (event.start, event.end) == (dt.date(2024, 5, 25), dt.date(2024, 5, 25))


def test_an_editors_event_keeps_its_type_and_takes_new_reports():
    fixed = FixedEvent(id=99, event_type="battles", place=KHARKIV)
    pinned = JudgedPassage(key="a", event_type="explosions_remote_violence", place=KHARKIV,
                           start=dt.date(2024, 5, 25), end=dt.date(2024, 5, 25), source="Wire", fixed_event=99)

    [event] = group_passages([pinned, passage("b", KHARKIV, 25, event_type="battles")], fixed=[fixed])

    assert (event.fixed_event, event.event_type, len(event.passages)) == (99, "battles", 2)


def test_a_later_report_of_a_place_finds_its_event_though_the_event_took_a_wider_name():
    # The gazetteer takes the village for a namesake abroad; the text puts it in Beni.
    beni = PlaceRef(id=20, name="Beni", country_code="CD", latitude=0.49, longitude=29.47, population=140_000)
    village_abroad = PlaceRef(id=21, name="Masally", country_code="AZ", latitude=39.03, longitude=48.66,
                              population=9_600)
    first = passage("a", beni, 3, days=6)
    inside_beni = passage("b", dataclasses.replace(village_abroad, within=frozenset({beni})), 7)
    later = passage("c", village_abroad, 7, dated=False, days=1)

    [event] = group_passages([first, inside_beni, later])

    assert {p.key for p in event.passages} == {"a", "b", "c"}


def test_a_report_of_the_region_a_text_put_the_town_in_joins_the_towns_event():
    centre_nord = PlaceRef(id=30, name="Centre-Nord", kind="region", country_code="BF", admin1="Centre-Nord")
    town = PlaceRef(id=31, name="Barsalogho", country_code="BF")  # not in the gazetteer: no region known
    events = group_passages([passage("a", town, 24),
                             passage("b", dataclasses.replace(town, within=frozenset({centre_nord})), 24),
                             passage("c", centre_nord, 24)])

    assert len(events) == 1


def test_another_town_of_that_region_stays_apart():
    centre_nord = PlaceRef(id=30, name="Centre-Nord", kind="region", country_code="BF", admin1="Centre-Nord")
    town = PlaceRef(id=31, name="Barsalogho", country_code="BF", within=frozenset({centre_nord}))
    other_town = PlaceRef(id=32, name="Kaya", country_code="BF", latitude=13.09, longitude=-1.08,
                          population=66_000)

    assert len(group_passages([passage("a", town, 24), passage("b", other_town, 24)])) == 2


def test_a_rally_one_day_and_a_riot_the_next_at_one_place_are_two_events():
    events = group_passages([passage("a", KHARKIV, 20, event_type="protests"),
                             passage("b", KHARKIV, 21, event_type="riots")])

    assert len(events) == 2


def test_a_rally_some_call_a_riot_on_the_same_day_is_one_event():
    events = group_passages([passage("a", KHARKIV, 20, event_type="protests"),
                             passage("b", KHARKIV, 20, event_type="riots")])

    assert len(events) == 1


def test_an_event_given_its_passages_at_once_knows_their_places_and_days_as_one_built_report_by_report():
    beni = PlaceRef(id=20, name="Beni", country_code="CD", latitude=0.49, longitude=29.47, population=140_000)
    village = PlaceRef(id=22, name="Masala", country_code="CD", within=frozenset({beni}))
    reports = [passage("a", beni, 3, dated=False, days=2), passage("b", village, 6, dated=False)]
    built = EventGroup(event_type="explosions_remote_violence", place=beni)
    for report in reports:
        built.add(report)
    given = EventGroup(event_type="explosions_remote_violence", place=beni, passages=list(reports))

    for event in (built, given):
        assert event.window() == (dt.date(2024, 5, 3), dt.date(2024, 5, 6))
        assert event.names(PlaceRef(id=99, name="Masala", country_code="CD"))
        assert event.names(beni) and not event.names(PlaceRef(id=98, name="Masala", country_code="AZ"))
