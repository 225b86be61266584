"""The on-disk gazetteer index: where it lives, how it is built, what it holds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mapapp.geoparsing.gazetteer import default_directory
from mapapp.geoparsing.normalize import name_key

REPO = Path(__file__).resolve().parents[2]
_LOAD = "from mapapp.geoparsing.gazetteer import load_gazetteer; print(len(load_gazetteer()))"


def test_the_directory_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CONFLICTMAP_GAZETTEER_DIR", str(tmp_path))
    assert default_directory() == tmp_path
    monkeypatch.delenv("CONFLICTMAP_GAZETTEER_DIR")
    assert default_directory() == REPO / "var" / "gazetteer"


def test_concurrent_first_uses_build_one_complete_index(tmp_path):
    """Two processes starting together on an empty directory both get a whole index,
    and no temporary file is left behind."""
    env = {**os.environ, "CONFLICTMAP_GAZETTEER_DIR": str(tmp_path), "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([sys.executable, "-c", _LOAD], env=env, cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    sizes = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        sizes.append(int(out.strip()))
    assert sizes[0] == sizes[1] > 200_000
    files = sorted(f.name for f in tmp_path.iterdir() if f.name != ".build.lock")
    assert len(files) == 1 and files[0].startswith("gazetteer-") and files[0].endswith(".pickle")
    assert (tmp_path / files[0]).stat().st_mode & 0o044, "the index must be readable by other users"


def test_it_holds_countries_regions_cities_and_well_known_regions(geoparser):
    g = geoparser.gazetteer
    kinds = {}
    for name in ("syria", "idlib governorate", "damascus", "middle east", "europe", "laurel county"):
        kinds[name] = {g.kind[p >> 2] for p in g.lookup(name_key(name))}
    assert 0 in kinds["syria"]  # country
    assert 1 in kinds["idlib governorate"]  # first-level region
    assert 2 in kinds["damascus"]  # city
    assert 3 in kinds["middle east"] and 3 in kinds["europe"] and 3 in kinds["laurel county"]


def test_every_entry_has_coordinates(geoparser):
    g = geoparser.gazetteer
    assert all(-90 <= lat <= 90 for lat in g.latitude)
    assert all(-180 <= lon <= 180 for lon in g.longitude)


def test_it_knows_the_common_names_of_world_subregions_and_great_features(geoparser):
    text = "Cases rose in Northern Europe, the Eastern Mediterranean and along the Baltic Sea and the Urals."
    surfaces = [t.surface for t in geoparser.parse(text)]
    assert surfaces == ["Northern Europe", "Eastern Mediterranean", "Baltic Sea", "Urals"]


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    import math
    scale = math.cos(math.radians((a[0] + b[0]) / 2))
    return 111.2 * math.hypot(a[0] - b[0], (a[1] - b[1]) * scale)


def test_new_york_state_is_not_put_on_new_york_city(geoparser):
    (state,) = [t for t in geoparser.parse("Flooding hit New York state.") if t.kind == "region"]
    point = (state.latitude, state.longitude)
    assert _km(point, (40.71, -74.01)) > 150  # Manhattan
    assert _km(point, (42.95, -75.53)) < 120  # the state's geographic centre, near Madison County


def test_a_country_point_hedges_between_landmass_and_published_point():
    from mapapp.geoparsing.gazetteer_sources import _reference_point
    assert _reference_point((0.0, 100.0), (4.0, 108.0)) == (1.0, 102.0)
    assert _reference_point(None, (4.0, 108.0)) == (4.0, 108.0)
    lat, lon = _reference_point((0.0, 178.0), (0.0, -178.0))  # across the antimeridian
    assert (lat, round(lon, 6)) == (0.0, 179.0)


def test_an_index_built_by_other_code_is_never_loaded():
    """The file name carries a fingerprint of the code that builds the index, so a cache left
    by an older checkout (another engineer's, CI's) is ignored and a new index is built."""
    import mapapp.geoparsing.gazetteer as gazetteer

    unfingerprinted = f"gazetteer-v{gazetteer.FORMAT_VERSION}-py{sys.version_info[0]}{sys.version_info[1]}.pickle"
    assert unfingerprinted != gazetteer._FILENAME
    assert gazetteer._build_fingerprint() in gazetteer._FILENAME


def test_every_module_the_index_is_built_from_is_fingerprinted():
    """A module index_builder reads from, changed, must change the index's file name."""
    import ast

    import mapapp.geoparsing.gazetteer as gazetteer

    builder = REPO / "mapapp" / "geoparsing" / "index_builder.py"
    imported = set()
    for node in ast.walk(ast.parse(builder.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "mapapp.geoparsing":
            imported |= {f"{alias.name}.py" for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mapapp.geoparsing."):
            imported.add(node.module.rsplit(".", 1)[1] + ".py")
    assert imported <= {"index_builder.py", *gazetteer.BUILD_MODULES}
    assert all((builder.parent / module).exists() for module in gazetteer.BUILD_MODULES)


def test_a_build_removes_indexes_left_by_other_code(tmp_path):
    import mapapp.geoparsing.gazetteer as gazetteer

    stale = tmp_path / "gazetteer-v16-py311.pickle"
    stale.write_bytes(b"an index in an older format")
    built = gazetteer.build_gazetteer(tmp_path, geonames=())
    assert built.exists() and not stale.exists()
