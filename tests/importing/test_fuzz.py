"""Fuzzing the import's readers with malformed JSON Lines, CSV, RSS/Atom, HTML pages and
zips (Hypothesis). Whatever the file, the job ends done or refused (never failed: no
exception escapes), and its report is exact: every record has one outcome, a reason when
it was not imported, counts that add up, and exactly the articles it says it saved.

Runs on SQLite here; tests/importing/test_on_postgresql.py runs this file again on
PostgreSQL. Bounded: a few hundred examples in all, no deadline (a slow machine is not
a failure)."""
import csv
import io
import json
import zipfile
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapapp.models import Article, ImportJob
from tests.importing.helpers import assert_report_is_exact, run_job, zipped
from tests.test_importing import PAGE

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=150, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])
FEW = settings(FUZZ, max_examples=80)

SPECIAL = st.sampled_from([
    "", " ", "\x00", "\ud800", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00",
    "2016-02-30", "2016-05-02T10:00:00Z", "Tue, 06 Oct 2015 08:00:00 GMT", "x" * 600,
    "https://example.org/" + "a" * 2100, "https://example.org/ok", "javascript:alert(1)",
    "9" * 5000, "<script>alert(1)</script>", '"', ",", ";", "\t", "\r\n", "Aleppo",
])
# Surrogates included: JSON can carry them, UTF-8 cannot.
CHARACTER = st.one_of(st.characters(exclude_categories=[]),
                      st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF))
TEXT = st.one_of(SPECIAL, st.text(CHARACTER, max_size=40))
KEYS = st.one_of(st.sampled_from(["title", "body", "text", "url", "link", "source",
                                  "published_at", "date", "language", "headline"]), st.text(max_size=8))
JSON_VALUE = st.recursive(
    st.one_of(TEXT, st.integers(), st.floats(), st.none(), st.booleans()),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=6)
RECORD = st.dictionaries(KEYS, JSON_VALUE, max_size=7)
GOOD_RECORD = st.fixed_dictionaries({"title": TEXT, "body": TEXT}, optional={
    "url": TEXT, "published_at": TEXT, "source": TEXT, "language": TEXT})
NO_NEWLINES = st.text(st.characters(exclude_characters="\r\n\ufeff", exclude_categories=["Cs"]),
                      max_size=60)


def json_line(draw_value) -> st.SearchStrategy[str]:
    return st.one_of(
        st.builds(lambda r, ascii_only: json.dumps(r, ensure_ascii=ascii_only), GOOD_RECORD, st.booleans()),
        st.builds(json.dumps, RECORD),
        st.builds(lambda depth: "[" * depth + "]" * depth, st.integers(1, 20_000)),
        st.builds(lambda digits: '{"title": "n", "body": ' + "7" * digits + "}", st.integers(1, 6000)),
        st.builds(lambda r, cut: json.dumps(r)[:cut], GOOD_RECORD, st.integers(0, 30)),
        NO_NEWLINES,
    )


def articles_now() -> int:
    return Article.objects.count()


def finished(job: ImportJob, before: int) -> ImportJob:
    job.refresh_from_db()
    assert job.status != ImportJob.Status.FAILED, job.error
    assert_report_is_exact(job, articles_before=before)
    return job


@FUZZ
@given(lines=st.lists(json_line(None), max_size=12), blank=st.sampled_from(["", "   ", "\t"]))
def test_any_json_lines_file_gives_one_outcome_per_line(lines, blank):
    before = articles_now()
    content = "\n".join([*lines[:3], blank, *lines[3:]]) + "\n"
    job = finished(run_job("fuzz.jsonl", content), before)
    assert job.status == ImportJob.Status.DONE
    assert job.records_total == sum(1 for line in content.split("\n") if line.strip())


@FUZZ
@given(rows=st.lists(st.lists(TEXT, min_size=4, max_size=4), max_size=8),
       columns=st.permutations(["title", "body", "published_at", "url"]),
       delimiter=st.sampled_from([",", ";", "\t"]),
       broken_at=st.none() | st.integers(min_value=0))
def test_any_csv_file_is_imported_row_by_row_or_refused_whole(rows, columns, delimiter, broken_at):
    before = articles_now()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(columns)
    writer.writerows(rows)
    content = buffer.getvalue()
    if broken_at is not None:  # a stray quote somewhere after the header
        cut = len(content.split("\n", 1)[0]) + 1 + broken_at % max(1, len(content))
        content = content[:cut] + '"' + content[cut:]
    job = finished(run_job("fuzz.csv", content), before)
    if broken_at is None:
        assert job.status == ImportJob.Status.DONE, job.error
        assert job.records_total == len(rows)
    elif job.status == ImportJob.Status.REFUSED:
        assert "unreadable CSV" in job.error


XML_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=40) | SPECIAL.filter(
    lambda s: not any(c in s for c in "\x00\ud800\r"))


def atom_feed(entries: list[dict]) -> str:
    items = "".join(
        f"<entry><title>{escape(e['title'])}</title><link href={quoteattr(e['link'])}/>"
        f"<updated>{escape(e['date'])}</updated>"
        f"<content type='html'>{escape(e['body'])}</content></entry>" for e in entries)
    return ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>Fuzz</title>{items}</feed>")


def rss_feed(entries: list[dict]) -> str:
    items = "".join(
        f"<item><title>{escape(e['title'])}</title><link>{escape(e['link'])}</link>"
        f"<pubDate>{escape(e['date'])}</pubDate><description>{escape(e['body'])}</description></item>"
        for e in entries)
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Fuzz</title>{items}</channel></rss>"


@FEW
@given(entries=st.lists(st.fixed_dictionaries({"title": XML_TEXT, "body": XML_TEXT,
                                               "link": XML_TEXT, "date": XML_TEXT}), max_size=6),
       atom=st.booleans(), damage=st.none() | st.tuples(st.integers(min_value=0), NO_NEWLINES))
def test_any_feed_gives_one_outcome_per_entry_or_one_rejection(entries, atom, damage):
    before = articles_now()
    content = atom_feed(entries) if atom else rss_feed(entries)
    if damage is not None:
        at = damage[0] % (len(content) + 1)
        content = content[:at] + damage[1] + content[at:]
    job = finished(run_job("fuzz.atom" if atom else "fuzz.rss", content), before)
    assert job.status == ImportJob.Status.DONE
    if damage is None:
        assert job.records_total == len(entries)


TAGS = st.sampled_from(["div", "p", "article", "h1", "title", "script", "style", "table", "td",
                        "span", "a", "meta", "br", "!--", "nav", "html", "body", "head"])

ATTRIBUTES = st.sampled_from(["", " class=x", ' href="', ' content="2016-05-02"'])


@st.composite
def html_pages(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append("<" + draw(TAGS) + draw(ATTRIBUTES) + ">")
        elif kind == 1:
            parts.append(f"</{draw(TAGS)}>")
        else:
            parts.append(draw(TEXT))
    if draw(st.booleans()):
        depth = draw(st.integers(0, 400))
        parts.append("<div>" * depth + "Shelling in Aleppo." + "</div>" * draw(st.integers(0, depth)))
    if draw(st.booleans()):
        parts.insert(0, PAGE[: draw(st.integers(0, len(PAGE)))])
    return "".join(parts)


@FEW
@given(page=html_pages())
def test_any_html_page_is_one_article_or_one_rejection(page):
    before = articles_now()
    job = finished(run_job("fuzz.html", page), before)
    assert job.status == ImportJob.Status.DONE
    assert job.records_total == 1


MEMBER_NAMES = st.one_of(
    st.sampled_from(["page.html", "../../etc/page.html", "/abs/page.htm", "dir/", "readme.txt",
                     "a" * 250 + ".html", "ü/日本.xhtml", "page.HTML", "x\x00y.html"]),
    st.text(max_size=30).map(lambda name: name + ".html"),
).filter(lambda name: name.split("\x00")[0])  # zipfile cuts a name at NUL: one must be left
MEMBER_BODIES = st.one_of(st.just(PAGE), html_pages(), st.binary(max_size=200).map(bytes),
                          st.integers(1, 3000).map(lambda n: "<div>" * n + "x" + "</div>" * n))


@FEW
@given(members=st.lists(st.tuples(MEMBER_NAMES, MEMBER_BODIES), max_size=5),
       stored=st.booleans(), damage=st.none() | st.tuples(st.integers(min_value=0), st.binary(min_size=1, max_size=8)))
def test_any_zip_gives_one_outcome_per_page_or_is_refused_whole(members, stored, damage):
    before = articles_now()
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as bundle:
        for name, body in members:
            data = body.encode("utf-8", "surrogatepass") if isinstance(body, str) else body
            bundle.writestr(name.encode("utf-8", "replace").decode("utf-8"), data)
    content = archive.getvalue()
    if damage is not None:
        at = damage[0] % (len(content) + 1)
        content = content[:at] + damage[1] + content[at + len(damage[1]):]
    job = finished(run_job("fuzz.zip", content), before)
    if damage is None and job.status == ImportJob.Status.DONE:
        with zipfile.ZipFile(io.BytesIO(content)) as bundle:
            pages = [m for m in bundle.infolist() if not m.is_dir()
                     and m.filename.lower().endswith((".html", ".htm", ".xhtml"))]  # even ".html"
        assert job.records_total == len(pages)
    elif damage is None:
        assert "zip bomb" in job.error, job.error  # the only reason to refuse a sound zip this small


def test_the_fuzz_helpers_build_a_zip_the_import_reads():
    job = run_job("pages.zip", zipped({"a.html": PAGE}))
    assert (job.status, job.imported) == (ImportJob.Status.DONE, 1)
