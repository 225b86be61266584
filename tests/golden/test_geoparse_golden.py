"""The geoparser's whole output, stored and compared exactly: a refactoring that moves,
adds, drops or re-resolves any toponym, or changes a confidence or an alternative's score,
shows up here.

Inputs, parsed by ``Geoparser.parse`` (what ``geoparse()``, the processing service and
``manage.py geoparse`` all call):

- the dev corpora ../shared/bench/lgl.jsonl and geovirus.jsonl, read where they lie;
- the demo articles (mapapp/demo/articles.json), masked as the service masks them.

Stored per document, one row per toponym (demonyms included, as ``parse`` returns them):
start, end, place, latitude, longitude, confidence, kind, is_demonym and the alternatives
considered as [place, latitude, longitude, score]. ``place`` is the GeoNames id, or the
gazetteer's own name for a hand-written entry without one ("Middle East"), or null when
the name was not resolved. Spans are offsets: no corpus text enters the repository.
Coordinates are rounded to 5 decimals, scores and confidences to 6.

Regenerate after an intended change of behaviour (and read the diff of the data):

    .venv/bin/python -m tests.golden.test_geoparse_golden --regenerate
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mapapp.geoparsing import Candidate, Toponym, get_geoparser
from mapapp.passages import mask_markup
from tests.golden import BENCH, CORPORA, DATA, DEMO_ARTICLES

CORPUS_GOLDEN = DATA / "geoparse_bench.json.gz"
DEMO_GOLDEN = DATA / "geoparse_demo.json"
MISMATCHES_SHOWN = 8
FIELDS = ("start", "end", "place", "lat", "lon", "confidence", "kind", "is_demonym", "alternatives")


def _place(geonameid: int | None, name: str, resolved: bool) -> int | str | None:
    if not resolved:
        return None  # the name is then the text's own spelling: not stored
    return geonameid if geonameid is not None else name


def _coordinate(value: float | None) -> float | None:
    return None if value is None else round(value, 5)


def alternative_row(c: Candidate) -> list:
    return [_place(c.geonameid, c.name, True), _coordinate(c.latitude), _coordinate(c.longitude), round(c.score, 6)]


def toponym_row(t: Toponym) -> list:
    """One toponym as stored: see FIELDS."""
    resolved = t.latitude is not None
    return [
        t.start, t.end, _place(t.geonameid, t.name, resolved), _coordinate(t.latitude), _coordinate(t.longitude),
        round(t.confidence, 6), t.kind, t.is_demonym, [alternative_row(c) for c in t.candidates],
    ]


def parsed_documents(documents: Iterator[tuple[str, str]]) -> Iterator[tuple[str, str, list[list]]]:
    """(id, text, rows) for each (id, text)."""
    geoparser = get_geoparser()
    for doc_id, text in documents:
        yield doc_id, text, [toponym_row(t) for t in geoparser.parse(text)]


def corpus_documents() -> Iterator[tuple[str, str]]:
    for corpus in CORPORA:
        with open(BENCH / corpus, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    doc = json.loads(line)
                    yield f"{corpus}/{doc['id']}", doc["text"]


def demo_documents() -> Iterator[tuple[str, str]]:
    for number, article in enumerate(json.loads(DEMO_ARTICLES.read_text(encoding="utf-8"))):
        yield f"demo/{number}", mask_markup(article["body"])


def _load(path: Path) -> dict[str, list[list]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as stored:
        return json.load(stored)


def _save(path: Path, parsed: Iterator[tuple[str, str, list[list]]]) -> None:
    # One document a line: small diffs in git for the uncompressed file.
    body = "{\n" + ",\n".join(f"{json.dumps(doc_id)}: {json.dumps(rows, ensure_ascii=False)}"
                              for doc_id, _text, rows in parsed) + "\n}\n"
    if path.suffix == ".gz":
        # mtime=0 keeps the compressed bytes the same for the same content.
        path.write_bytes(gzip.compress(body.encode("utf-8"), mtime=0))
    else:
        path.write_text(body, encoding="utf-8")


def _row_difference(doc_id: str, text: str, old: list | None, new: list | None) -> str:
    """The first toponym of a document that differs: the fields that changed, or the whole
    row when the span is only on one side."""
    start, end = (new or old)[:2]
    heading = f"{doc_id} toponym {start}-{end} {text[start:end]!r}:"
    if old is None or new is None:
        return f"{heading}\n    stored   {old}\n    computed {new}"
    changed = [name for name, a, b in zip(FIELDS, old, new, strict=True) if a != b]
    return "\n".join([heading,
                      "    stored   " + ", ".join(f"{name}={old[FIELDS.index(name)]!r}" for name in changed),
                      "    computed " + ", ".join(f"{name}={new[FIELDS.index(name)]!r}" for name in changed)])


def differences(stored: dict[str, list[list]], parsed: Iterator[tuple[str, str, list[list]]]) -> list[str]:
    """Readable lines for the first documents whose toponyms differ (the first differing
    toponym of each, showing only the fields that changed)."""
    lines: list[str] = []
    seen = set()
    for doc_id, text, rows in parsed:
        seen.add(doc_id)
        want = stored.get(doc_id)
        if want is None:
            lines.append(f"{doc_id}: not in the stored output")
        elif want != rows:
            if len(want) != len(rows):
                lines.append(f"{doc_id}: {len(want)} toponyms stored, {len(rows)} now")
            stored_at = {(r[0], r[1]): r for r in want}
            computed_at = {(r[0], r[1]): r for r in rows}
            for span in sorted(stored_at.keys() | computed_at.keys()):
                old, new = stored_at.get(span), computed_at.get(span)
                if old != new:
                    lines.append(_row_difference(doc_id, text, old, new))
                    break
        if len(lines) >= MISMATCHES_SHOWN:
            return lines
    lines += [f"{doc_id}: stored but no longer computed" for doc_id in stored if doc_id not in seen]
    return lines[:MISMATCHES_SHOWN]


def _check(path: Path, parsed: Iterator[tuple[str, str, list[list]]]) -> None:
    found = differences(_load(path), parsed)
    assert not found, (
        f"the geoparser's output differs from {path.name} (first mismatches below); if the change "
        "is intended, regenerate with `python -m tests.golden.test_geoparse_golden --regenerate`:\n"
        + "\n".join(found)
    )


def test_geoparsing_of_the_demo_articles_is_unchanged():
    _check(DEMO_GOLDEN, parsed_documents(demo_documents()))


@pytest.mark.skipif(not BENCH.is_dir(), reason=f"the shared dev corpora are absent: {BENCH} not found")
def test_geoparsing_of_the_dev_corpora_is_unchanged():
    _check(CORPUS_GOLDEN, parsed_documents(corpus_documents()))


def regenerate() -> None:
    """Store the current output (the corpora only where they are present)."""
    DATA.mkdir(exist_ok=True)
    _save(DEMO_GOLDEN, parsed_documents(demo_documents()))
    print(f"wrote {DEMO_GOLDEN}")
    if BENCH.is_dir():
        _save(CORPUS_GOLDEN, parsed_documents(corpus_documents()))
        print(f"wrote {CORPUS_GOLDEN} ({CORPUS_GOLDEN.stat().st_size:,} bytes)")
    else:
        print(f"skipped the dev corpora: {BENCH} not found")


if __name__ == "__main__":
    if sys.argv[1:] != ["--regenerate"]:
        sys.exit(__doc__)
    regenerate()
