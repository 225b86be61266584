"""Name keys: the one spelling-insensitive form under which names are indexed and looked up."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"[’‘`ʼʻ'´]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/]+")
_DROPPED = re.compile(r"[.,()\"]")


def name_key(name: str) -> str:
    """Return the lookup key of a name: accents, case, apostrophes, dots and hyphens ignored.

    "Sana'a" and "Sanaa", "U.S." and "US", "Deir al-Zour" and "Deir al Zour" share a key.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.casefold())
    text = _DROPPED.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


def is_latin_name(name: str) -> bool:
    """True when every letter of ``name`` is Latin script (what English news text uses)."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in name if ch.isalpha())
