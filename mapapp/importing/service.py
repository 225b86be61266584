"""Saving checked records as articles, skipping those already here (same URL or same
text), in chunks so thousands of articles import in seconds and a crash part-way
leaves whole chunks. Each saved article is queued for processing on commit."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from mapapp.importing.records import ArticleRecord, RawRecord, Rejection, record_check
from mapapp.models import Article, content_hash

CHUNK = 200


@dataclass
class ImportSummary:
    imported: int = 0
    duplicates: list[Rejection] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.imported + len(self.duplicates) + len(self.rejected)

    def reasons(self) -> dict[str, int]:
        """How many records were rejected for each kind of reason."""
        counts: dict[str, int] = {}
        for rejection in self.rejected:
            kind = rejection.reason.split(" '")[0].split(" (")[0]
            counts[kind] = counts.get(kind, 0) + 1
        return counts


def articles_import(
    records: Iterable[RawRecord | Rejection],
    *,
    default_source: str = "",
    created_by=None,
    on_record: Callable[[], None] | None = None,
) -> ImportSummary:
    """Check, de-duplicate (against the database and within the import) and save every
    record. Bad records are counted with their reason; they never stop the import."""
    summary = ImportSummary()
    chunk: list[ArticleRecord] = []
    seen_urls: set[str] = set()
    seen_hashes: set[str] = set()
    for record in records:
        checked = record if isinstance(record, Rejection) else record_check(
            record, default_source=default_source
        )
        if isinstance(checked, Rejection):
            summary.rejected.append(checked)
        elif checked.url in seen_urls:
            summary.duplicates.append(Rejection(checked.where, "same URL earlier in this import"))
        elif (digest := content_hash(checked.body)) in seen_hashes:
            summary.duplicates.append(Rejection(checked.where, "same text earlier in this import"))
        else:
            if checked.url:
                seen_urls.add(checked.url)
            seen_hashes.add(digest)
            chunk.append(checked)
        if len(chunk) >= CHUNK:
            _save_chunk(chunk, summary, created_by)
            chunk = []
        if on_record:
            on_record()
    if chunk:
        _save_chunk(chunk, summary, created_by)
    return summary


def _save_chunk(chunk: list[ArticleRecord], summary: ImportSummary, created_by) -> None:
    hashes = {content_hash(r.body): r for r in chunk}
    urls = [r.url for r in chunk if r.url]
    known_urls = dict(Article.objects.filter(url__in=urls).values_list("url", "pk"))
    known_hashes = dict(
        Article.objects.filter(content_hash__in=list(hashes)).exclude(body="")
        .values_list("content_hash", "pk")
    )
    with transaction.atomic():
        for record in chunk:
            digest = content_hash(record.body)
            if record.url in known_urls:
                summary.duplicates.append(
                    Rejection(record.where, f"same URL as article {known_urls[record.url]}"))
                continue
            if digest in known_hashes:
                summary.duplicates.append(
                    Rejection(record.where, f"same text as article {known_hashes[digest]}"))
                continue
            try:
                with transaction.atomic():  # another import may have saved it meanwhile
                    article = Article(
                        title=record.title, body=record.body, url=record.url,
                        source=record.source, published_at=record.published_at,
                        language=record.language, created_by=created_by,
                    )
                    article.save()
            except IntegrityError:
                summary.duplicates.append(Rejection(record.where, "saved meanwhile by someone else"))
                continue
            summary.imported += 1
            summary.article_ids.append(article.pk)
