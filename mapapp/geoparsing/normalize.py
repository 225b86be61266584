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
