"""`manage.py build_gazetteer --geonames ... --alternate-names ...` adds GeoNames' own dumps (villages
the packaged data lacks, more spellings) to the gazetteer. The fixtures in fixtures/ are written in
GeoNames' exact format: SY.zip and UA.zip hold SY.txt and UA.txt (the geoname table's 19 columns)
and a readme.txt; alternateNamesV2.zip holds alternateNamesV2.txt (10 columns)."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from mapapp.geoparsing import Geoparser
from mapapp.geoparsing.gazetteer import DUMPS_MANIFEST, build_gazetteer, load_gazetteer
from mapapp.geoparsing.geonames_dump import alternate_names, populated_places

FIXTURES = Path(__file__).with_name("fixtures")
SY, UA, ALTERNATES = FIXTURES / "SY.zip", FIXTURES / "UA.zip", FIXTURES / "alternateNamesV2.zip"


@pytest.fixture(scope="module")
def gazetteer_directory(tmp_path_factory) -> Path:
    """A gazetteer built by the command from the packaged data plus the fixture dumps."""
    directory = tmp_path_factory.mktemp("gazetteer")
    previous = os.environ.get("CONFLICTMAP_GAZETTEER_DIR")
    os.environ["CONFLICTMAP_GAZETTEER_DIR"] = str(directory)
    try:
        call_command("build_gazetteer", "--geonames", str(SY), str(UA), "--alternate-names", str(ALTERNATES))
    finally:
        if previous is None:
            del os.environ["CONFLICTMAP_GAZETTEER_DIR"]
        else:
            os.environ["CONFLICTMAP_GAZETTEER_DIR"] = previous
    return directory


@pytest.fixture(scope="module")
def dump_geoparser(gazetteer_directory) -> Geoparser:
    return Geoparser(load_gazetteer(gazetteer_directory, build_if_missing=False))


def places(geoparser, text: str) -> dict[str, tuple[int | None, str]]:
    return {t.surface: (t.geonameid, t.country_code) for t in geoparser.parse(text)}


def test_the_reader_keeps_populated_places_only():
    ids = {p.geonameid for p in populated_places(SY)}
    assert ids == {90000001, 90000002, 163434}  # not the district (A) nor the wadi (H)
    mabrukah = next(p for p in populated_places(SY) if p.geonameid == 90000001)
    assert (mabrukah.name, mabrukah.country, mabrukah.admin1) == ("Al Mabrūkah", "SY", "01")
    assert "Al Mabrouka" in mabrukah.alternate_names


def test_the_alternate_names_reader_skips_links_codes_history_and_unknown_places():
    names = set(alternate_names(ALTERNATES, {90000001, 90000002, 90000011, 90000012, 90000013, 172134}))
    assert names == {(90000001, "Mabrouka"), (90000011, "Robotyne"), (90000012, "Kleshchiyevka"),
                     (172134, "Ain Issa")}


def test_a_file_in_another_format_is_refused(tmp_path):
    wrong = tmp_path / "SY.zip"
    with zipfile.ZipFile(wrong, "w") as archive:
        archive.writestr("SY.txt", "163434\tTall Tamr\t36.65\t40.37\n")
    with pytest.raises(ValueError, match="19"):
        list(populated_places(wrong))


def test_villages_of_a_country_dump_are_found_where_the_dump_puts_them(dump_geoparser):
    found = places(dump_geoparser, "Turkish-backed fighters shelled Al Mabrukah on Monday, "
                                   "and Ukrainian troops entered Robotyne the same day.")
    assert found["Al Mabrukah"] == (90000001, "SY")
    assert found["Robotyne"] == (90000011, "UA")
    village = next(t for t in dump_geoparser.parse("Shells fell on Novomykhailivka.") if t.surface == "Novomykhailivka")
    assert (round(village.latitude, 2), round(village.longitude, 2)) == (47.84, 37.29)
    assert village.admin1  # placed in its region (Donetsk), as the packaged towns are


def test_spellings_from_the_dump_and_the_alternate_names_file_are_found(dump_geoparser):
    found = places(dump_geoparser, "Russian bloggers said Rabotino had fallen, and Kleshchiyevka was contested. "
                                   "Aid reached Mabrouka and the camp at Ain Issa.")
    assert found["Rabotino"] == (90000011, "UA")  # the dump's alternatenames column
    assert found["Kleshchiyevka"] == (90000012, "UA")  # alternateNamesV2.txt
    assert found["Mabrouka"] == (90000001, "SY")
    assert found["Ain Issa"] == (172134, "SY")  # a packaged town, given a spelling by the file


def test_a_packaged_town_in_the_dump_is_not_added_twice(dump_geoparser):
    gaz = dump_geoparser.gazetteer
    assert sum(1 for gid in gaz.geonameid if gid == 163434) == 1


def test_historic_names_and_links_are_not_names(dump_geoparser):
    found = places(dump_geoparser, "Shells fell near Novomikhailovka and Nowhereville.")
    assert "Novomikhailovka" not in found and "Nowhereville" not in found


def test_the_default_gazetteer_stays_on_the_packaged_data(geoparser):
    assert "Robotyne" not in places(geoparser, "Ukrainian troops entered Robotyne.")


def test_a_rebuild_without_options_loads_the_recorded_dumps_again(gazetteer_directory):
    assert (gazetteer_directory / DUMPS_MANIFEST).exists()
    rebuilt = load_gazetteer(build_gazetteer(gazetteer_directory).parent, build_if_missing=False)
    assert 90000011 in set(rebuilt.geonameid)


def test_the_command_refuses_a_missing_dump(tmp_path):
    with pytest.raises(CommandError, match="not found"):
        call_command("build_gazetteer", "--geonames", str(tmp_path / "allCountries.zip"))
