"""Writes: turning an article's text into mentions of places, and keeping each
article's processing status truthful. Views, admin actions, commands and Celery
tasks call these; they hold no logic of their own."""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from mapapp.dating import EventDate, date_passages
from mapapp.geoparsing import Toponym, geoparse
from mapapp.models import Article, Mention, Place
from mapapp.passages import mask_markup, passage_at, split_passages
from mapapp.review.apply import mentions_apply_editorial
from mapapp.revision import revision_bump

logger = logging.getLogger(__name__)

# Kept in the status row so an editor sees why an article failed, not a whole traceback.
MAX_ERROR_CHARS = 2000


class TemporaryProcessingError(Exception):
    """A failure worth retrying later (a service that timed out or was unreachable)."""


@dataclass(frozen=True)
class ProcessingOutcome:
    article_id: int
    processed: bool
    mentions: int = 0
    reason: str = ""


def article_claim(*, article_id: int, now: dt.datetime | None = None) -> bool:
    """Atomically move an article to PROCESSING if it is waiting (pending or failed) or
    its previous claim is stale. Two workers given the same article: one wins."""
    now = now or timezone.now()
    stale_before = now - dt.timedelta(seconds=settings.PROCESSING_STALE_AFTER_SECONDS)
    waiting = Q(status__in=[Article.Status.PENDING, Article.Status.FAILED])
    stale = Q(status=Article.Status.PROCESSING, processing_started_at__lt=stale_before)
    claimed = Article.objects.filter(Q(pk=article_id) & (waiting | stale)).update(
        status=Article.Status.PROCESSING,
        processing_started_at=now,
        status_changed_at=now,
        attempts=F("attempts") + 1,
    )
    return claimed == 1


def article_process(*, article_id: int) -> ProcessingOutcome:
    """Find and resolve the places an article mentions and replace its mentions in
    one transaction. Idempotent: running it again yields the same rows."""
    # The claim's start time is its token: only the holder of this very claim may write.
    claimed_at = timezone.now()
    if not article_claim(article_id=article_id, now=claimed_at):
        return ProcessingOutcome(article_id, processed=False, reason="not claimable")
    article = Article.objects.get(pk=article_id)
    mentions = mentions_from_text(
        article.body, published=article_reference_date(article), article_id=article_id
    )
    with transaction.atomic():
        # Only the claim holder may write; a sweep may have handed the article on.
        still_ours = Article.objects.filter(
            pk=article_id,
            status=Article.Status.PROCESSING,
            processing_started_at=claimed_at,
        ).update(
            status=Article.Status.DONE,
            processed_at=timezone.now(),
            status_changed_at=timezone.now(),
            last_error="",
        )
        if not still_ours:
            transaction.set_rollback(True)
            return ProcessingOutcome(article_id, processed=False, reason="claim lost")
        Mention.objects.filter(article_id=article_id).delete()
        # Editors' decisions and rules outrank the machine, so re-processing keeps them
        # (issue 6). Read inside this transaction, so a decision saved meanwhile is kept.
        mentions_apply_editorial(mentions, article_id=article_id)
        Mention.objects.bulk_create(mentions, batch_size=500)
        revision_bump()  # the reader map's in-memory index rebuilds on next request
    return ProcessingOutcome(article_id, processed=True, mentions=len(mentions))


def article_mark_failed(*, article_id: int, error: str) -> None:
    """Record a permanent failure so the admin shows it and an editor can retry."""
    Article.objects.filter(pk=article_id).update(
        status=Article.Status.FAILED,
        last_error=error[:MAX_ERROR_CHARS],
        status_changed_at=timezone.now(),
    )


def article_release(*, article_id: int, error: str) -> None:
    """Give a claimed article back to the queue after a temporary failure."""
    Article.objects.filter(pk=article_id, status=Article.Status.PROCESSING).update(
        status=Article.Status.PENDING,
        last_error=error[:MAX_ERROR_CHARS],
        status_changed_at=timezone.now(),
    )


def article_release_orphaned(*, article_id: int, claimed_at: dt.datetime, note: str) -> bool:
    """Hand back a claim whose worker is gone, but only that very claim (identified by
    its start time): if its holder finished or another worker re-claimed meanwhile,
    nothing changes. A holder that was only slow loses its claim and its write with it."""
    return bool(
        Article.objects.filter(
            pk=article_id, status=Article.Status.PROCESSING, processing_started_at=claimed_at
        ).update(
            status=Article.Status.PENDING,
            last_error=note[:MAX_ERROR_CHARS],
            status_changed_at=timezone.now(),
        )
    )


def articles_reset_for_processing(*, article_ids: list[int]) -> int:
    """Mark articles as waiting again (an editor asked to re-process them)."""
    return Article.objects.filter(pk__in=article_ids).update(
        status=Article.Status.PENDING, last_error="", status_changed_at=timezone.now()
    )


def article_reference_date(article: Article) -> dt.date:
    """The date relative expressions are resolved against: publication, else entry."""
    moment = article.published_at or article.created_at or timezone.now()
    return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()


def mentions_from_text(text: str, *, published: dt.date, article_id: int) -> list[Mention]:
    """Unsaved Mention rows for every place named in `text`, each with its passage and
    the date that passage is about. Places are created in the gazetteer table as needed."""
    readable = mask_markup(text)
    toponyms = geoparse(readable)
    if not toponyms:
        return []
    spans = split_passages(readable)
    passage_of = [passage_at(spans, t.start) for t in toponyms]
    used_spans = sorted(set(passage_of))
    dates = dict(zip(used_spans, date_passages(readable, used_spans, published), strict=True))
    places = places_for(toponyms)
    return [
        _mention(article_id, text, toponym, span, dates[span], places.get(_place_key(toponym)))
        for toponym, span in zip(toponyms, passage_of, strict=True)
    ]


def places_for(toponyms: list[Toponym]) -> dict[tuple, Place]:
    """The Place row for each resolved toponym, creating missing ones."""
    wanted: dict[tuple, Toponym] = {}
    for toponym in toponyms:
        if toponym.latitude is not None and toponym.longitude is not None:
            wanted.setdefault(_place_key(toponym), toponym)
    ids = [key[1] for key in wanted if key[0] == "gn"]
    found = {("gn", p.geonameid): p for p in Place.objects.filter(geonameid__in=ids)}
    missing = [
        _place(t) for key, t in wanted.items() if key[0] == "gn" and key not in found
    ]
    if missing:
        # Another worker may create the same places at the same moment.
        Place.objects.bulk_create(missing, ignore_conflicts=True)
        found = {("gn", p.geonameid): p for p in Place.objects.filter(geonameid__in=ids)}
    for key, toponym in wanted.items():
        if key[0] == "name":
            found[key] = _named_place(key, toponym)
    return found


def _named_place(key: tuple, toponym: Toponym) -> Place:
    """The one Place row for a place with no GeoNames id, created if missing. Nothing in
    the table makes such rows unique, so two workers meeting the same new name at once
    are serialised here (a PostgreSQL advisory lock on the name; SQLite's IMMEDIATE
    transactions serialise all writers anyway). Older duplicates, if any, are tolerated."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            digest = hashlib.blake2b(repr(key).encode("utf-8"), digest_size=8).digest()
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)",
                               [int.from_bytes(digest, "big", signed=True)])
        lookup = {"geonameid": None, "name": toponym.name, "kind": toponym.kind,
                  "country_code": toponym.country_code}
        place = Place.objects.filter(**lookup).order_by("pk").first()
        if place is None:
            place = Place.objects.create(
                **lookup, latitude=toponym.latitude, longitude=toponym.longitude,
                population=toponym.population, admin1=toponym.admin1,
            )
    return place


def _place_key(toponym: Toponym) -> tuple:
    if toponym.geonameid is not None:
        return ("gn", toponym.geonameid)
    return ("name", toponym.name, toponym.kind, toponym.country_code)


def _place(toponym: Toponym) -> Place:
    return Place(
        name=toponym.name,
        geonameid=toponym.geonameid,
        latitude=toponym.latitude,
        longitude=toponym.longitude,
        country_code=toponym.country_code,
        admin1=toponym.admin1,
        kind=toponym.kind if toponym.kind in Place.Kind.values else Place.Kind.OTHER,
        population=toponym.population,
    )


def _mention(
    article_id: int,
    text: str,
    toponym: Toponym,
    span: tuple[int, int],
    when: EventDate,
    place: Place | None,
) -> Mention:
    return Mention(
        article_id=article_id,
        place=place,
        surface=text[toponym.start : toponym.end][:300],
        start=toponym.start,
        end=toponym.end,
        passage=text[span[0] : span[1]],
        passage_start=span[0],
        confidence=toponym.confidence,
        is_demonym=toponym.is_demonym,
        candidates=[_candidate_json(c) for c in toponym.candidates],
        event_date=when.start,
        event_date_end=when.end,
        date_precision=when.precision,
        date_source=when.source,
        date_expression=when.expression[:200],
    )


def _candidate_json(candidate) -> dict:
    return {
        "geonameid": candidate.geonameid,
        "name": candidate.name,
        "kind": candidate.kind,
        "country_code": candidate.country_code,
        "admin1": candidate.admin1,
        "population": candidate.population,
        "latitude": candidate.latitude,
        "longitude": candidate.longitude,
        "score": candidate.score,
    }
