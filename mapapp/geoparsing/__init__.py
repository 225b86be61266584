"""Offline geoparsing: find the places a news text names and put them on the map.

Plain Python (no Django). ``geoparse(text)`` uses one process-wide Geoparser whose
gazetteer is loaded lazily, once, from the on-disk index (built on first use if missing).
"""

from __future__ import annotations

import threading

from mapapp.geoparsing.parser import Geoparser
from mapapp.geoparsing.types import Candidate, Toponym

__all__ = ["Candidate", "Geoparser", "Toponym", "geoparse", "get_geoparser"]

_default: Geoparser | None = None
_lock = threading.Lock()


def get_geoparser() -> Geoparser:
    """The shared default Geoparser, created (and its gazetteer loaded) on first call."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Geoparser()
    return _default


def geoparse(text: str) -> list[Toponym]:
    """Toponyms in ``text``, sorted by start and non-overlapping, using the default Geoparser."""
    return get_geoparser().parse(text)
