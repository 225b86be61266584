"""Saving checked records as articles, skipping those already here (same URL or same
text). Records go in chunks, one transaction each, so thousands of articles import in
seconds; every record ends as exactly one outcome (imported, duplicate or rejected with
its reason), and a chunk's outcomes are handed to `on_chunk` inside the chunk's own
transaction, so whoever keeps the report (an import job) keeps it exactly in step with
what was committed. Each saved article is submitted for processing when its chunk
commits (one batch a chunk)."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice

from django.db import DatabaseError, IntegrityError, transaction

from mapapp.importing.records import ArticleRecord, RawRecord, Rejection, record_check
from mapapp.models import Article, content_hash
from mapapp.processing.submit import article_save

CHUNK = 200


@dataclass(frozen=True)
class RecordOutcome:
    position: int  # 0-based, in the order the reader gave the records
    where: str
    outcome: str  # IMPORTED, DUPLICATE or REJECTED
    reason: str = ""
    article_id: int | None = None


IMPORTED, DUPLICATE, REJECTED = "imported", "duplicate", "rejected"


@dataclass
class ImportSummary:
    imported: int = 0
    duplicates: list[Rejection] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.imported + len(self.duplicates) + len(self.rejected)

    def add(self, outcome: RecordOutcome) -> None:
        if outcome.outcome == IMPORTED:
            self.imported += 1
            self.article_ids.append(outcome.article_id)
        elif outcome.outcome == DUPLICATE:
            self.duplicates.append(Rejection(outcome.where, outcome.reason))
        else:
            self.rejected.append(Rejection(outcome.where, outcome.reason))

    def reasons(self) -> dict[str, int]:
        """How many records were rejected for each kind of reason."""
        counts: dict[str, int] = {}
        for rejection in self.rejected:
            kind = reason_kind(rejection.reason)
            counts[kind] = counts.get(kind, 0) + 1
        return counts


def reason_kind(reason: str) -> str:
    """A rejection's reason without the value it quotes: "malformed date '2016-13-45'"
    is of the kind "malformed date"."""
    return reason.split(" '")[0].split(" (")[0]


def articles_import(
    records: Iterable[RawRecord | Rejection],
    *,
    default_source: str = "",
    created_by=None,
    on_record: Callable[[], None] | None = None,
    on_chunk: Callable[[list[RecordOutcome]], None] | None = None,
    start: int = 0,
) -> ImportSummary:
    """Check, de-duplicate (against the database and within the import) and save every
    record from position `start` on (an interrupted import resumes where its last
    committed chunk ended). Bad records are rejected with their reason; they never stop
    the import, and no error of one record costs another its place."""
    summary = ImportSummary()
    seen_urls: set[str] = set()
    seen_hashes: set[str] = set()
    stream = enumerate(records)
    if start:
        stream = islice(stream, start, None)
    while chunk := list(islice(stream, CHUNK)):
        outcomes: dict[int, RecordOutcome] = {}
        to_save: list[tuple[int, ArticleRecord]] = []
        for position, record in chunk:
            checked = record if isinstance(record, Rejection) else record_check(
                record, default_source=default_source)
            if isinstance(checked, Rejection):
                outcomes[position] = RecordOutcome(position, checked.where, REJECTED, checked.reason)
            elif checked.url and checked.url in seen_urls:
                outcomes[position] = RecordOutcome(position, checked.where, DUPLICATE,
                                                   "same URL earlier in this import")
            elif (digest := content_hash(checked.body)) in seen_hashes:
                outcomes[position] = RecordOutcome(position, checked.where, DUPLICATE,
                                                   "same text earlier in this import")
            else:
                if checked.url:
                    seen_urls.add(checked.url)
                seen_hashes.add(digest)
                to_save.append((position, checked))
        with transaction.atomic():
            outcomes.update(_save_chunk(to_save, created_by))
            ordered = [outcomes[position] for position, _ in chunk]
            if on_chunk:
                on_chunk(ordered)
        for outcome in ordered:
            summary.add(outcome)
            if on_record:
                on_record()
    return summary


def _save_chunk(chunk: list[tuple[int, ArticleRecord]], created_by) -> dict[int, RecordOutcome]:
    """Save each record in its own savepoint: one the database refuses is rejected with
    the database's reason and its chunk-mates are kept."""
    records = [record for _, record in chunk]
    urls = [r.url for r in records if r.url]
    known_urls = dict(Article.objects.filter(url__in=urls).values_list("url", "pk"))
    known_hashes = dict(
        Article.objects.filter(content_hash__in=[content_hash(r.body) for r in records])
        .exclude(body="").values_list("content_hash", "pk")
    )
    outcomes: dict[int, RecordOutcome] = {}
    for position, record in chunk:
        digest = content_hash(record.body)
        if record.url in known_urls:
            outcomes[position] = RecordOutcome(position, record.where, DUPLICATE,
                                               f"same URL as article {known_urls[record.url]}")
            continue
        if digest in known_hashes:
            outcomes[position] = RecordOutcome(position, record.where, DUPLICATE,
                                               f"same text as article {known_hashes[digest]}")
            continue
        try:
            with transaction.atomic():
                article = Article(
                    title=record.title, body=record.body, url=record.url,
                    source=record.source, published_at=record.published_at,
                    language=record.language, created_by=created_by,
                )
                article_save(article=article)
        except IntegrityError:  # another import saved the same URL or text meanwhile
            outcomes[position] = RecordOutcome(position, record.where, DUPLICATE,
                                               "saved meanwhile by someone else")
            continue
        except (DatabaseError, ValueError, OverflowError) as exc:
            outcomes[position] = RecordOutcome(
                position, record.where, REJECTED,
                f"refused by the database ({type(exc).__name__}: {str(exc)[:120]})")
            continue
        outcomes[position] = RecordOutcome(position, record.where, IMPORTED, article_id=article.pk)
    return outcomes
