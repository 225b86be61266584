"""Readers' names: the map shows places as English news spells them, not as transliterations."""

from __future__ import annotations

import unicodedata

from mapapp.geoparsing.display import fold_transliteration, region_display_name


def _names(geoparser, text: str) -> dict[str, tuple[str, str]]:
    return {t.surface: (t.name, t.kind) for t in geoparser.parse(text)}


def test_syrian_governorates_and_cities_carry_english_names(geoparser):
    text = ("Fighting spread from the province of Latakia to Tartus governorate, "
            "Idlib province and Hama, and south to Damascus and Aleppo.")
    names = {t.surface: t.name for t in geoparser.parse(text)}
    assert names["Latakia"] == "Latakia"
    assert names["Tartus"] == "Tartus"
    assert names["Idlib"] == "Idlib"
    assert names["Aleppo"] == "Aleppo"
    assert all(name.isascii() for name in names.values()), names


def test_other_regions_are_named_as_english_news_names_them(geoparser):
    names = _names(geoparser, "Shelling hit Donetsk Oblast, while protests filled Khartoum state.")
    assert names["Donetsk Oblast"] == ("Donetsk Oblast", "region")
    assert names["Khartoum"][0] == "Khartoum"


def _marked(ch: str) -> bool:
    """A letter beyond Latin-1 that is a plain letter plus a mark ("Ḩ", "ā", "ţ")."""
    parts = unicodedata.normalize("NFKD", ch)
    return ord(ch) > 0xFF and len(parts) > 1 and parts[0].isascii()


def test_no_region_or_city_is_shown_with_transliteration_marks(geoparser):
    g = geoparser.gazetteer
    marked = [g.name[e] for e in range(len(g)) if g.kind[e] in (1, 2) and any(map(_marked, g.name[e]))]
    assert not marked, marked[:10]
    candidates = [c.name for t in geoparser.parse("Clashes in Ḩalab and Al Lādhiqīyah.") for c in t.candidates]
    assert candidates and not any(_marked(ch) for name in candidates for ch in name), candidates


def test_folding_keeps_everyday_accents_and_drops_transliteration_marks():
    assert fold_transliteration("Ţarţūs") == "Tartus"
    assert fold_transliteration("Al Ḩasakah") == "Al Hasakah"
    assert fold_transliteration("São Paulo") == "São Paulo"
    assert region_display_name("Donetska oblast", "Donetska", ["Donetsk", "Donetsk Oblast"]) == "Donetsk Oblast"
    assert region_display_name("Al Lādhiqīyah", "Latakia", ["Latakia Governorate"]) == "Latakia"
