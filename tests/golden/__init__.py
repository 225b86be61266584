"""Golden-output tests: the geoparser's and the date reader's whole output, stored and
compared. The inputs both read are the development corpora where they lie in
../shared/bench (never copied here) and the demo articles."""
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO.parent / "shared" / "bench"
CORPORA = ("lgl.jsonl", "geovirus.jsonl")
DEMO_ARTICLES = REPO / "mapapp" / "demo" / "articles.json"
DATA = Path(__file__).with_name("data")
