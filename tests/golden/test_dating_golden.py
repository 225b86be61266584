"""The dating's whole output, stored and compared exactly: a refactoring that changes
any passage's date, precision, source or governing expression shows up here.

Inputs, dated as the processing service dates them (``mask_markup``, ``split_passages``,
then ``date_passages``):

- the dev corpora ../shared/bench/lgl.jsonl and geovirus.jsonl, read where they lie (their
  text never enters the repository: the stored file keeps offsets, dates and a hash of
  each governing expression). Each document is dated three ways: every passage against
  one publication day; only the passages naming a gold toponym (as the service passes
  only passages with places, so the skipped sentences are caught up on) against another
  day; and, for every fifth document, every passage with a language given ("de", "fr",
  "es", "ar", "en-GB", or "xx" which has no vocabulary);
- the evaluation set (mapapp/dating/evaluation.jsonl), every passage of each case;
- the demo articles (mapapp/demo/articles.json), all passages and every other one.

Publication days are derived from each document's id, so they are fixed and varied.

Regenerate after an intended change of behaviour (and read the diff of the data):

    .venv/bin/python -m tests.golden.test_dating_golden --regenerate
"""

import datetime
import gzip
import hashlib
import json
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from mapapp.dating import date_passages
from mapapp.dating.evaluation import article_of, load_cases
from mapapp.passages import mask_markup, passage_at, split_passages
from tests.golden import BENCH, CORPORA, DATA, DEMO_ARTICLES

CORPUS_GOLDEN = DATA / "dating_bench.json.gz"
PROJECT_GOLDEN = DATA / "dating_project.json"
# Languages given for every fifth corpus document: each vocabulary, a regional
# code, and a language without a vocabulary (numeric dates only).
GIVEN_LANGUAGES = ("de", "fr", "es", "ar", "en-GB", "xx")
FIRST_DAY = datetime.date(2005, 1, 1)
DAYS_SPANNED = 6000  # to mid-2021
MISMATCHES_SHOWN = 8


def day_for(key: str) -> datetime.date:
    """A publication day fixed by ``key`` and spread over sixteen years."""
    return FIRST_DAY + datetime.timedelta(days=zlib.crc32(key.encode()) % DAYS_SPANNED)


def expression_hash(expression: str) -> str:
    """Stands for a corpus expression, whose text must not be stored."""
    return hashlib.sha1(expression.encode()).hexdigest()[:12] if expression else ""


def dated_rows(text, spans, published, language, *, hide_text):
    """``date_passages``'s answer as rows: passage start and end, event start and end,
    precision, source, governing expression (hashed when ``hide_text``)."""
    dates = date_passages(text, spans, published, language=language)
    return [
        [start, end, date.start.isoformat(), date.end.isoformat(), date.precision, date.source,
         expression_hash(date.expression) if hide_text else date.expression]
        for (start, end), date in zip(spans, dates, strict=True)
    ]


def _run(key, text, spans, published, language, *, hide_text):
    return {
        "key": key,
        "published": published.isoformat(),
        "language": language,
        "rows": dated_rows(text, spans, published, language, hide_text=hide_text),
    }


def corpus_runs() -> Iterator[tuple[dict, str]]:
    """Every dating of the shared corpora, with the text it read."""
    for corpus in CORPORA:
        # Split on newlines only: the texts hold other line separators (U+2028).
        lines = (BENCH / corpus).read_text(encoding="utf-8").split("\n")
        for index, line in enumerate(line for line in lines if line.strip()):
            doc = json.loads(line)
            text = mask_markup(doc["text"])
            spans = split_passages(text)
            doc_id = doc["id"]
            yield _run(f"{doc_id}/all", text, spans, day_for(doc_id), None, hide_text=True), text
            with_places = _passages_naming(spans, doc["toponyms"])
            yield _run(f"{doc_id}/places", text, with_places, day_for(doc_id + "/places"), None,
                       hide_text=True), text
            if index % 5 == 0:
                language = GIVEN_LANGUAGES[index // 5 % len(GIVEN_LANGUAGES)]
                yield _run(f"{doc_id}/{language}", text, spans, day_for(doc_id + language), language,
                           hide_text=True), text


def _passages_naming(spans, toponyms) -> list[tuple[int, int]]:
    """The passages holding a gold toponym, as the service dates only passages with places."""
    found = set()
    for toponym in toponyms:
        try:
            found.add(passage_at(spans, toponym["start"]))
        except ValueError:  # an offset between passages (whitespace)
            continue
    return sorted(found)


def project_runs() -> Iterator[tuple[dict, str]]:
    """Every dating of the evaluation set and the demo articles, with the text it read."""
    for case in load_cases():
        text, spans = article_of(case)
        yield _run(f"evaluation/{case.id}", text, spans, case.published, case.language, hide_text=False), text
    for number, article in enumerate(json.loads(DEMO_ARTICLES.read_text(encoding="utf-8"))):
        text = mask_markup(article["body"])
        spans = split_passages(text)
        published = datetime.date.fromisoformat(article["published_at"][:10])
        yield _run(f"demo/{number}/all", text, spans, published, None, hide_text=False), text
        yield _run(f"demo/{number}/every-other", text, spans[1::2], published, None, hide_text=False), text


def _load(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as stored:
        return json.load(stored)


def _save(path: Path, runs: list[dict]) -> None:
    # One run a line: small diffs in git for the uncompressed file.
    body = "[\n" + ",\n".join(json.dumps(run, ensure_ascii=False) for run in runs) + "\n]\n"
    if path.suffix == ".gz":
        # mtime=0 keeps the compressed bytes the same for the same content.
        path.write_bytes(gzip.compress(body.encode("utf-8"), mtime=0))
    else:
        path.write_text(body, encoding="utf-8")


def _differences(stored: list[dict], computed: list[tuple[dict, str]]) -> list[str]:
    """Readable lines for the first runs and passages that differ."""
    lines: list[str] = []
    expected = {run["key"]: run for run in stored}
    seen = set()
    for run, text in computed:
        seen.add(run["key"])
        want = expected.get(run["key"])
        if want is None:
            lines.append(f"{run['key']}: not in the stored output")
        elif want["published"] != run["published"] or want["language"] != run["language"]:
            lines.append(f"{run['key']}: input changed ({want['published']}, {want['language']})")
        elif want["rows"] != run["rows"]:
            got_rows = run["rows"]
            if len(want["rows"]) != len(got_rows):
                lines.append(f"{run['key']}: {len(want['rows'])} passages stored, {len(got_rows)} now")
            for old, new in zip(want["rows"], got_rows, strict=False):
                if old != new:
                    passage = text[new[0] : new[1]][:100]
                    lines.append(
                        f"{run['key']} (published {run['published']}, language {run['language']}) "
                        f"passage {new[0]}-{new[1]} {passage!r}:\n    stored   {old[2:]}\n    computed {new[2:]}"
                    )
                    break
        if len(lines) >= MISMATCHES_SHOWN:
            return lines
    lines += [f"{key}: stored but no longer computed" for key in expected if key not in seen]
    return lines[:MISMATCHES_SHOWN]


def _check(path: Path, computed: list[tuple[dict, str]]) -> None:
    differences = _differences(_load(path), computed)
    assert not differences, (
        f"dating output differs from {path.name} (first {len(differences)} differences shown; "
        "regenerate only for an intended change, see this module's docstring):\n" + "\n".join(differences)
    )


def test_dating_of_the_evaluation_set_and_demo_articles_is_unchanged():
    computed = list(project_runs())
    assert sum(len(run["rows"]) for run, _ in computed) > 400
    _check(PROJECT_GOLDEN, computed)


@pytest.mark.skipif(not BENCH.is_dir(), reason=f"the shared dev corpora are absent: {BENCH} not found")
def test_dating_of_the_dev_corpora_is_unchanged():
    computed = list(corpus_runs())
    # The comparison means something only if many passages carry a date of their own.
    stated = sum(row[5] == "stated" for run, _ in computed for row in run["rows"])
    assert stated > 1000
    _check(CORPUS_GOLDEN, computed)


def regenerate() -> None:
    """Write the stored outputs from the code as it is now."""
    DATA.mkdir(exist_ok=True)
    _save(PROJECT_GOLDEN, [run for run, _ in project_runs()])
    print(f"wrote {PROJECT_GOLDEN}")
    if BENCH.is_dir():
        _save(CORPUS_GOLDEN, [run for run, _ in corpus_runs()])
        print(f"wrote {CORPUS_GOLDEN}")
    else:
        print(f"{BENCH} not found: {CORPUS_GOLDEN.name} left as it was")


if __name__ == "__main__":
    if sys.argv[1:] != ["--regenerate"]:
        sys.exit("usage: python -m tests.golden.test_dating_golden --regenerate")
    regenerate()
