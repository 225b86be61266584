"""The embedded gazetteer: a compact on-disk index of GeoNames places, built once and shared.

Build (``build_gazetteer``) reads the PyPI packages listed in gazetteer_sources.py and airports.py,
plus any GeoNames dumps a deployment downloaded (geonames_dump.py), and writes one pickle file;
loading it (``load_gazetteer``) takes about a second and no network, ever.
The file is written to a temporary name and renamed into place, so concurrent processes
(web, workers, parallel tests) never see a half-written index.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import pickle
import subprocess
import sys
import tempfile
import threading
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mapapp.geoparsing.index_builder import build_index_payload, spelled_many_ways
from mapapp.geoparsing.normalize import ARTICLES

FORMAT_VERSION = 17
KIND_NAMES = ("country", "region", "city", "other")
KIND_CODE = {name: code for code, name in enumerate(KIND_NAMES)}

# Flags carried by each posting of the name index, next to the entry number.
ALTERNATE = 1  # matched an alternate name, not the entry's own name
DEMONYM = 2  # "Syrian": an adjective or noun naming the people of the place
FLAG_BITS = 2

# The modules whose code decides what the index holds. The file name carries a fingerprint
# of their source, so an index built by older code (another engineer's, or CI's cache) is
# never loaded: the first use after a change builds a new one beside it.
BUILD_MODULES = ("index_builder.py", "gazetteer_sources.py", "normalize.py", "aliases.py", "regions.py",
                 "display.py", "airports.py", "geonames_dump.py")


def _build_fingerprint() -> str:
    digest = hashlib.sha256(str(FORMAT_VERSION).encode())
    for module in BUILD_MODULES:
        digest.update((Path(__file__).with_name(module)).read_bytes())
    return digest.hexdigest()[:12]


_FILENAME = f"gazetteer-v{FORMAT_VERSION}-{_build_fingerprint()}-py{sys.version_info[0]}{sys.version_info[1]}.pickle"


DUMPS_MANIFEST = "geonames-dumps.json"  # the GeoNames dumps the index was built with


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
    familiar_words: frozenset[str]  # words English writes often enough (Zipf >= 3) to be no variant spelling
    neighbours: dict[str, frozenset[str]]  # ISO alpha-2 -> the countries bordering it
    name_prefixes: frozenset[str]  # all proper word prefixes of multiword keys ("new", "new york")
    # transliteration key (normalize.transliteration_key) -> the name keys that share it
    loose_names: dict[str, tuple[str, ...]]
    loose_first_words: frozenset[str]  # the first word of every transliteration key
    # ISO alpha-2 codes of countries whose names news transliterates (Arabic, Cyrillic... script)
    transliterated_countries: frozenset[str]

    def __len__(self) -> int:
        return len(self.name)

    def lookup(self, key: str) -> tuple[int, ...]:
        """Postings for a normalised name key (see normalize.name_key), () if unknown."""
        return self.names.get(key, ())

    def lookup_transliterated(self, loose_key: str, *, article_names_only: bool = False) -> tuple[int, ...]:
        """Postings for a transliteration key (see normalize.transliteration_key), each
        flagged ALTERNATE: a spelling no gazetteer name has exactly is less sure. Only places
        in countries whose names are transliterated count ("Curtiss" is no spelling of
        Curtis, Nebraska); demonyms are left out. With ``article_names_only``, only names that
        begin with an Arabic article count ("Al Hasakah" may be written "Al Hasakeh"; "Al
        Gore" is not Gore)."""
        postings: set[int] = set()
        for key in self.loose_names.get(loose_key, ()):
            if article_names_only and key.partition(" ")[0] not in ARTICLES:
                continue
            postings.update(p | ALTERNATE for p in self.names[key]
                            if not p & DEMONYM and self._spelled_many_ways(p >> FLAG_BITS))
        return tuple(sorted(postings))

    def _spelled_many_ways(self, entry: int) -> bool:
        """See index_builder.spelled_many_ways."""
        return spelled_many_ways(self.kind[entry], self.country[entry], self.population[entry],
                                 self.transliterated_countries)


def build_gazetteer(directory: Path | None = None, *, geonames: Sequence[Path] | None = None,
                    alternate_names: Path | None = None) -> Path:
    """Build the index from the installed packages and atomically put it in place.

    ``geonames`` are GeoNames dumps (allCountries.zip, SY.zip, cities500.zip) and
    ``alternate_names`` alternateNamesV2.zip, loaded on top of the packaged data. They are
    recorded in the directory (DUMPS_MANIFEST), so a rebuild with ``geonames=None`` (the
    automatic one after an upgrade) loads them again; ``geonames=()`` builds from the
    packaged data alone and forgets them.

    Takes about 25 s and 700 MB at its peak on the packaged data; load_gazetteer runs it in
    a child process so that a web or worker process never keeps that memory.
    """
    directory = directory or default_directory()
    directory.mkdir(parents=True, exist_ok=True)
    if geonames is None:
        geonames, alternate_names = _recorded_dumps(directory)
    dumps = [Path(d).resolve() for d in geonames]
    alternates = Path(alternate_names).resolve() if alternate_names else None
    payload = build_index_payload(dumps, alternates)
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
    _record_dumps(directory, dumps, alternates)
    # Indexes built by other code are never loaded again (see BUILD_MODULES); processes that
    # loaded one keep it in memory, so its file can go.
    for stale in directory.glob("gazetteer-v*.pickle"):
        if stale.name != target.name:
            stale.unlink(missing_ok=True)
    return target


def _recorded_dumps(directory: Path) -> tuple[list[Path], Path | None]:
    """The dumps the last build in ``directory`` loaded, those still on disk (a missing one is
    reported on stderr and left out: a worker must not stop over it)."""
    manifest = directory / DUMPS_MANIFEST
    if not manifest.exists():
        return [], None
    recorded = json.loads(manifest.read_text(encoding="utf-8"))
    dumps = [Path(name) for name in recorded.get("geonames", [])]
    alternates = Path(recorded["alternate_names"]) if recorded.get("alternate_names") else None
    for gone in (d for d in [*dumps, alternates] if d is not None and not d.exists()):
        print(f"gazetteer: GeoNames dump {gone} recorded in {manifest} is gone; building without it",
              file=sys.stderr)
    return [d for d in dumps if d.exists()], alternates if alternates and alternates.exists() else None


def _record_dumps(directory: Path, dumps: list[Path], alternates: Path | None) -> None:
    manifest = directory / DUMPS_MANIFEST
    if not dumps and alternates is None:
        manifest.unlink(missing_ok=True)
        return
    content = {"geonames": [str(d) for d in dumps], "alternate_names": str(alternates) if alternates else None}
    manifest.write_text(json.dumps(content, indent=1) + "\n", encoding="utf-8")


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
