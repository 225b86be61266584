"""Fixtures for the geoparser tests: the real gazetteer (built once into var/ if missing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mapapp.geoparsing import Geoparser, get_geoparser

REPO = Path(__file__).resolve().parents[2]
DW_ARTICLE = REPO.parent / "shared" / "corpus" / "dw-2015-09-19-assad-exit-kerry.txt"


@pytest.fixture(scope="session")
def geoparser() -> Geoparser:
    return get_geoparser()


@pytest.fixture(scope="session")
def dw_article() -> str:
    if not DW_ARTICLE.exists():
        pytest.skip(f"the shared corpus folder is absent: {DW_ARTICLE} not found")
    return DW_ARTICLE.read_text(encoding="utf-8")
