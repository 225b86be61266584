"""Place-name normalisation: the one place where the app decides when two spellings are
the same name.

Two strengths, one built on the other:

- ``folded_name``: the same name however it is typed (Unicode form, case, spacing).
  Editors' decisions and rules are stored under it (mapapp/review/).
- ``name_key``: the folded name with accents, apostrophes, dots and hyphens ignored too,
  the key under which the gazetteer indexes names and the geoparser looks them up.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"[’‘`ʼʻ'´]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/]+")
_DROPPED = re.compile(r"[.,()\"]")


def folded_name(name: str) -> str:
    """Return ``name`` Unicode-normalised (NFKC), case-folded, with single spaces:
    "TRIPOLI", "Tripoli" and "Tripoli\\n" are one name; "Sana'a" and "Sanaa" are not."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def name_key(name: str) -> str:
    """Return the lookup key of a name: its folded form with accents, apostrophes, dots and
    hyphens ignored too.

    "Sana'a" and "Sanaa", "U.S." and "US", "Deir al-Zour" and "Deir al Zour" share a key.
    """
    text = unicodedata.normalize("NFKD", folded_name(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.casefold())
    text = _DROPPED.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


def is_latin_name(name: str) -> bool:
    """True when every letter of ``name`` is Latin script (what English news text uses)."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in name if ch.isalpha())


# The looser key: spellings of one Arabic, Persian, Pashto or Slavic name that differ only in
# how a transliteration wrote them. Rules were chosen by measuring each on the alternate names
# GeoNames gives the 18,561 towns of 26 conflict countries (the share of pairs of one town's
# spellings it joins) against 22,727 frequent English words that are no place name (how many it
# makes look like one). All rules together join 8 % of the pairs (none join exactly). Left out:
# c/k and e/a everywhere (335 and 1,387 more words for 0.2 and 1.9 points of pairs) and a final
# -e read as -a (234 words for 0.4 points); only the transliteration ending -eh is read as -ah.
ARTICLES = frozenset(["al", "el", "ul", "ash", "as", "an", "ad", "at", "ar", "az", "ath", "adh",
                      "es", "ez", "ed", "et", "er"])
_DIGRAPHS = (("kh", "h"), ("gh", "g"), ("dh", "d"), ("sh", "s"), ("ch", "s"), ("zh", "z"), ("dj", "j"),
             ("ou", "u"), ("oo", "u"), ("ee", "i"), ("q", "k"), ("y", "i"), ("w", "v"))
_DOUBLED = re.compile(r"(.)\1+")
_FINAL_EH = re.compile(r"eh$")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_FINAL_IV = re.compile(r"iv$")


@lru_cache(maxsize=100_000)
def loose_word(word: str) -> str:
    """One word of a name key, written the way most transliterations would agree on; "" for an
    Arabic article ("al", "ash"), which news writes, drops or glues to the name at will."""
    if word in ARTICLES:
        return ""
    word = _FINAL_EH.sub("ah", word)  # Hasakeh / Hasakah
    word = _FINAL_H.sub("", word)  # Hodeidah / Hodeida, Hasakah / Hasaka
    word = _FINAL_IV.sub("ov", word)  # Kharkiv / Kharkov, Mykolaiv / Mykolaov
    for written, spoken in _DIGRAPHS:
        word = word.replace(written, spoken)
    return _DOUBLED.sub(r"\1", word)


def transliteration_key(name: str) -> str:
    """Return the loose key of a name: its ``name_key`` with Arabic articles dropped and
    the letters transliterations disagree on (q/k, ou/u, ee/i, kh/h, doubled letters, a
    final -h) written one way.

    "Qamishli", "Al-Qamishli" and "Kamishli" share a loose key, as do "Hasakah", "Hasakeh"
    and "al-Hasaka". The geoparser uses it only when a name's exact key finds nothing.
    """
    return loosened_key(name_key(name))


def loosened_key(key: str) -> str:
    """``transliteration_key`` of a name whose ``name_key`` is ``key`` (words of a key are
    loosened one by one, so the key of a run of words is the run of their loose words)."""
    return " ".join(filter(None, map(loose_word, key.split(" "))))
