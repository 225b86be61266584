"""The one place-name normaliser: folded names for editors' decisions, looser keys for the gazetteer."""

from __future__ import annotations

import pytest

from mapapp.geoparsing.normalize import folded_name, name_key


@pytest.mark.parametrize("spelling", ["TRIPOLI", "Tripoli", "  Tripoli\n", "ＴＲＩＰＯＬＩ"])
def test_a_name_folds_the_same_however_it_is_typed(spelling):
    assert folded_name(spelling) == "tripoli"


def test_folding_keeps_apostrophes_hyphens_and_accents():
    assert folded_name("Sana'a") != folded_name("Sanaa")
    assert folded_name("Deir al-Zour") == "deir al-zour"
    assert folded_name("Aïn Issa") == "aïn issa"


@pytest.mark.parametrize(("a", "b"), [("Sana'a", "Sanaa"), ("U.S.", "US"), ("Deir al-Zour", "Deir al Zour"),
                                      ("Aïn Issa", "AIN ISSA"), ("Sana’a", "sanaa")])
def test_spellings_that_differ_in_accents_apostrophes_dots_or_hyphens_share_a_key(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("name", ["Sana'a", "Aïn Issa", "St. Louis", "Port-au-Prince", "ＴＲＩＰＯＬＩ\n", "Ḩalab"])
def test_the_key_is_the_folded_name_loosened(name):
    assert name_key(folded_name(name)) == name_key(name)


def test_review_stores_decisions_and_rules_under_the_folded_form():
    from mapapp.review import decisions, rules

    assert decisions.folded_name is rules.folded_name is folded_name
    assert folded_name("TRIPOLI\n") == folded_name("Tripoli") == "tripoli"
    assert folded_name("Sana'a") != folded_name("Sanaa")
