"""Measuring what a reader of the map would see (plain Python, no Django).

- ``certainty``: the one rule that makes a mapped toponym "sure" or "unsure".
- ``map_truth``: scores geoparser output against a gold corpus (right, sure, caught, recall,
  calibration), with the same rules as ../shared/bench/map_truth.py.
- ``data/``: our own conflict-zone gold set (see data/README.md).
"""
