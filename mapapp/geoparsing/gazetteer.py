"""The embedded gazetteer: a compact on-disk index of GeoNames places, built once and shared.

Build (``build_gazetteer``) reads the PyPI packages listed in gazetteer_sources.py and writes one
pickle file; loading it (``load_gazetteer``) takes about a second and no network, ever.
The file is written to a temporary name and renamed into place, so concurrent processes
(web, workers, parallel tests) never see a half-written index.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import subprocess
import sys
import tempfile
import threading
from array import array
from dataclasses import dataclass
from pathlib import Path

from mapapp.geoparsing.index_builder import build_index_payload

FORMAT_VERSION = 16
KIND_NAMES = ("country", "region", "city", "other")
KIND_CODE = {name: code for code, name in enumerate(KIND_NAMES)}

# Flags carried by each posting of the name index, next to the entry number.
ALTERNATE = 1  # matched an alternate name, not the entry's own name
DEMONYM = 2  # "Syrian": an adjective or noun naming the people of the place
FLAG_BITS = 2

_FILENAME = f"gazetteer-v{FORMAT_VERSION}-py{sys.version_info[0]}{sys.version_info[1]}.pickle"


def default_directory() -> Path:
    """Where the index lives: $CONFLICTMAP_GAZETTEER_DIR or <repo root>/var/gazetteer."""
    configured = os.environ.get("CONFLICTMAP_GAZETTEER_DIR")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "var" / "gazetteer"


@dataclass(slots=True, eq=False)
class Gazetteer:
    """Parallel arrays describing every entry, plus the name index.

    ``names[key]`` is a tuple of postings ``entry << FLAG_BITS | flags``. A gazetteer is
    equal only to itself (and hashed by identity), so caches can be keyed by it.
    """

    geonameid: array  # 0 when the entry has no GeoNames id
    name: list[str]
    kind: bytes
    country: list[str]
    admin1: list[str]
    region: array  # entry number of the first-level division holding the entry, or -1
    county: array  # entry number of the second-level division holding the entry, or -1
    population: array
    latitude: array
    longitude: array
    capital: bytes  # 1 for national capitals
    names: dict[str, tuple[int, ...]]
    country_entry: dict[str, int]  # ISO alpha-2 -> entry number of the country
    common_words: frozenset[str]  # frequent lower-case English words
    first_names: frozenset[str]  # given names (lower case), to tell people from places
    popular_first_names: frozenset[str]  # the very common ones: "Michael" alone is a person
    frequent_words: frozenset[str]  # very frequent written words, proper nouns included
    neighbours: dict[str, frozenset[str]]  # ISO alpha-2 -> the countries bordering it
    name_prefixes: frozenset[str]  # all proper word prefixes of multiword keys ("new", "new york")

    def __len__(self) -> int:
        return len(self.name)

    def lookup(self, key: str) -> tuple[int, ...]:
        """Postings for a normalised name key (see normalize.name_key), () if unknown."""
        return self.names.get(key, ())


def build_gazetteer(directory: Path | None = None) -> Path:
    """Build the index from the installed packages and atomically put it in place.

    Takes about 15 s and 700 MB at its peak; load_gazetteer runs it in a child process so
    that a web or worker process never keeps that memory.
    """
    directory = directory or default_directory()
    directory.mkdir(parents=True, exist_ok=True)
    payload = build_index_payload()
    payload["version"] = FORMAT_VERSION
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(payload, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o644)  # readable by the web and worker users alike
        target = directory / _FILENAME
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def load_gazetteer(directory: Path | None = None, *, build_if_missing: bool = True) -> Gazetteer:
    """Load the index from disk, building it first (in a child process) when it is missing.

    Concurrent first uses queue on a lock file, so one process builds while the others
    wait and then load what it wrote; the atomic rename means nobody reads half a file.
    """
    directory = directory or default_directory()
    path = directory / _FILENAME
    if not path.exists():
        if not build_if_missing:
            raise FileNotFoundError(path)
        _build_once(directory, path)
    with open(path, "rb") as f:
        payload = pickle.load(f)
    payload.pop("version", None)
    return Gazetteer(**payload)


def _build_once(directory: Path, path: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    with _thread_lock, open(directory / ".build.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if path.exists():
                return  # another process built it while we waited
            code = "import sys; from pathlib import Path; " \
                   "from mapapp.geoparsing.gazetteer import build_gazetteer; build_gazetteer(Path(sys.argv[1]))"
            package_root = str(Path(__file__).resolve().parents[2])
            search_path = os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
            env = {**os.environ, "PYTHONPATH": search_path}
            subprocess.run([sys.executable, "-c", code, str(directory)], check=True, env=env)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


_thread_lock = threading.Lock()
