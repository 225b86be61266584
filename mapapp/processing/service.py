"""Writes: turning an article's text into mentions of places (claim -> parse ->
store), and keeping each article's processing status truthful. Celery tasks, admin
actions and commands call these; they hold no logic of their own.

Articles are processed in batches (a bulk import queues them a few dozen to a task):
the text of each is read on its own, but the database sees one claim, one place lookup
and one write per batch. That is where the throughput comes from: per article, the
round trips and commits cost more than reading the text (see README,
Throughput). A failure stays with its own article and never costs its batch-mates."""
from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, fields

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from mapapp.dating import EventDate, date_passages
from mapapp.events.services import events_after_processing
from mapapp.geoparsing import Toponym, geoparse
from mapapp.models import Article, Mention, Place
from mapapp.passages import mask_markup, passage_at, split_passages
from mapapp.processing.copying import copy_rows
from mapapp.processing.online_places import online_places_for, query_key
from mapapp.processing.revision import revision_bump
from mapapp.review.apply import mentions_apply_editorial

logger = logging.getLogger(__name__)

# Kept in the status row so an editor sees why an article failed, not a whole traceback.
MAX_ERROR_CHARS = 2000
TOOK_TOO_LONG = "Processing took too long."


class TemporaryProcessingError(Exception):
    """A failure worth retrying later (a service that timed out or was unreachable)."""


class Outcome(enum.Enum):
    """What processing did with one article of a batch."""

    DONE = "done"  # its mentions are stored and it is marked done
    NOT_CLAIMABLE = "not claimable"  # missing, done already, or another worker's live claim
    CLAIM_LOST = "claim lost"  # the sweep handed it on while this claim read its text
    FAILED = "failed"  # a permanent error, recorded on the article for an editor
    RETRY = "retry"  # a temporary error: pending again, for the caller to retry later
    DEFERRED = "deferred"  # a batch-mate ran out of time first: pending again, to be queued on its own


@dataclass(frozen=True)
class ProcessingOutcome:
    """What became of one article of a batch: its outcome, the mentions stored when
    done, the error when it failed or is to be retried."""

    article_id: int
    outcome: Outcome
    mentions: int = 0
    error: str = ""

    @property
    def processed(self) -> bool:
        return self.outcome is Outcome.DONE


@dataclass(slots=True)
class MentionDraft:
    """A mention not yet written: what processing builds and the editors' decisions
    adjust (mapapp.review.apply) before it is stored. The fields are Mention's; a plain
    object because a news article yields tens of them and a model instance costs more
    to make than the row costs to write."""

    article_id: int
    place: Place | None
    surface: str
    start: int
    end: int
    passage: str
    passage_start: int
    confidence: float
    is_demonym: bool
    candidates: list[dict]
    event_date: dt.date
    event_date_end: dt.date
    date_precision: str
    date_source: str
    date_expression: str
    review: str = Mention.Review.MACHINE


DRAFT_FIELDS = [f.name for f in fields(MentionDraft)]


@dataclass(frozen=True)
class Finding:
    """One place name found in a text: where, the passage around it, and its date."""

    toponym: Toponym
    passage: tuple[int, int]
    when: EventDate


def article_claim(*, article_id: int, now: dt.datetime | None = None) -> bool:
    """Atomically move an article to PROCESSING if it is waiting (pending or failed) or
    its previous claim is stale. Two workers given the same article: one wins."""
    return article_id in articles_claim(article_ids=[article_id], now=now)


def articles_claim(*, article_ids: Iterable[int], now: dt.datetime | None = None) -> set[int]:
    """Claim every article of `article_ids` that is claimable, in one conditional
    update; the ids won. The claim's start time is its token: the ids won are those
    holding exactly this token afterwards (two claims cannot share a microsecond and
    an article)."""
    now = now or timezone.now()
    ids = list(article_ids)
    stale_before = now - dt.timedelta(seconds=settings.PROCESSING_STALE_AFTER_SECONDS)
    waiting = Q(status__in=[Article.Status.PENDING, Article.Status.FAILED])
    stale = Q(status=Article.Status.PROCESSING, processing_started_at__lt=stale_before)
    claimed = Article.objects.filter(Q(pk__in=ids) & (waiting | stale)).update(
        status=Article.Status.PROCESSING,
        processing_started_at=now,
        status_changed_at=now,
        attempts=F("attempts") + 1,
    )
    if not claimed:
        return set()
    return set(
        Article.objects.filter(
            pk__in=ids, status=Article.Status.PROCESSING, processing_started_at=now
        ).values_list("pk", flat=True)
    )


def article_process(*, article_id: int) -> ProcessingOutcome:
    """Process one article (see `articles_process`)."""
    return articles_process(article_ids=[article_id])[0]


def articles_process(*, article_ids: list[int]) -> list[ProcessingOutcome]:
    """Find and resolve the places each article mentions and replace its mentions, all
    the batch's writes in one transaction. Idempotent: running it again yields the same
    rows. One outcome per id, in order."""
    claimed_at = timezone.now()
    claimed = articles_claim(article_ids=article_ids, now=claimed_at)
    outcomes = {pk: ProcessingOutcome(pk, Outcome.NOT_CLAIMABLE) for pk in article_ids if pk not in claimed}
    articles = Article.objects.filter(pk__in=claimed).only("pk", "body", "published_at", "created_at")
    by_id = {article.pk: article for article in articles}
    order = sorted(claimed)
    found: dict[int, tuple[str, list[Finding]]] = {}
    online: dict[str, Place] = {}  # names the gazetteer lacks, placed by the online geocoder
    for position, pk in enumerate(order):
        article = by_id[pk]
        try:
            findings = findings_from_text(article.body, published=article_reference_date(article))
            online.update(online_places_for(f.toponym for f in findings))  # {} unless enabled
        except SoftTimeLimitExceeded:
            # The batch ran out of time on this article: it fails, its batch-mates
            # not yet read go back to the queue on their own.
            outcomes[pk] = _failed(pk, claimed_at, TOOK_TOO_LONG)
            outcomes.update(_deferred(order[position + 1 :], claimed_at))
            break
        except TemporaryProcessingError as exc:
            article_release(article_id=pk, error=f"Will retry: {exc}")
            outcomes[pk] = ProcessingOutcome(pk, Outcome.RETRY, error=str(exc))
        except Exception as exc:  # every failure must reach the editor
            logger.exception("Processing article %s failed", pk)
            outcomes[pk] = _failed(pk, claimed_at, f"{type(exc).__name__}: {exc}")
        else:
            found[pk] = (article.body, findings)
    outcomes.update(_store(found, claimed_at, online))
    return [outcomes[pk] for pk in article_ids]


def _store(found: dict[int, tuple[str, list[Finding]]], claimed_at: dt.datetime,
           online: dict[str, Place] | None = None) -> dict[int, ProcessingOutcome]:
    """Write the mentions of every article in `found` in one transaction. If that
    fails, write them one by one so that only the article at fault is marked failed.
    `online` places the names the gazetteer left without a point (by query_key)."""
    if not found:
        return {}
    places = places_for([f.toponym for _, findings in found.values() for f in findings])
    online = online or {}

    def place_of(toponym: Toponym) -> Place | None:
        if toponym.latitude is None and online:
            return online.get(query_key(toponym.name)[:300])
        return places.get(_place_key(toponym))

    mentions = {
        pk: [_mention(pk, text, f, place_of(f.toponym)) for f in findings]
        for pk, (text, findings) in found.items()
    }
    if len(mentions) > 1:
        try:
            return _write(mentions, claimed_at)
        except DatabaseError:
            logger.warning("Storing a batch failed; storing its articles one by one", exc_info=True)
    outcomes = {}
    for pk, rows in mentions.items():
        try:
            outcomes.update(_write({pk: rows}, claimed_at))
        except DatabaseError as exc:
            logger.exception("Storing the mentions of article %s failed", pk)
            outcomes[pk] = _failed(pk, claimed_at, f"The mentions could not be stored: {exc}")
    return outcomes


def _write(mentions: dict[int, list[MentionDraft]], claimed_at: dt.datetime) -> dict[int, ProcessingOutcome]:
    """Replace the mentions of the articles this claim still holds and mark them done."""
    with transaction.atomic():
        # Only the claim holder may write; a sweep may have handed an article on.
        ours = set(
            Article.objects.select_for_update()
            .filter(pk__in=mentions, status=Article.Status.PROCESSING, processing_started_at=claimed_at)
            .values_list("pk", flat=True)
        )
        outcomes = {pk: ProcessingOutcome(pk, Outcome.CLAIM_LOST) for pk in mentions if pk not in ours}
        if not ours:
            return outcomes
        now = timezone.now()
        Article.objects.filter(pk__in=ours).update(
            status=Article.Status.DONE, processed_at=now, status_changed_at=now, last_error=""
        )
        Mention.objects.filter(article_id__in=ours).delete()
        kept = {pk: rows for pk, rows in mentions.items() if pk in ours}
        # Editors' decisions and rules outrank the machine, so re-processing keeps them
        # (issue 6). Read inside this transaction, so a decision saved meanwhile is kept.
        mentions_apply_editorial(kept)
        mentions_insert([m for rows in kept.values() for m in rows])
        events_after_processing(kept)  # judge each mention, regroup the events there (issue 15)
        revision_bump()  # the reader map's in-memory index rebuilds on next request
    outcomes.update({pk: ProcessingOutcome(pk, Outcome.DONE, mentions=len(rows)) for pk, rows in kept.items()})
    return outcomes


def _failed(article_id: int, claimed_at: dt.datetime, error: str) -> ProcessingOutcome:
    """Record a permanent failure under this claim (a claim handed on is left alone)."""
    Article.objects.filter(
        pk=article_id, status=Article.Status.PROCESSING, processing_started_at=claimed_at
    ).update(status=Article.Status.FAILED, last_error=error[:MAX_ERROR_CHARS], status_changed_at=timezone.now())
    return ProcessingOutcome(article_id, Outcome.FAILED, error=error)


def _deferred(article_ids: list[int], claimed_at: dt.datetime) -> dict[int, ProcessingOutcome]:
    """Give unread articles of a batch back to the queue (pending again)."""
    Article.objects.filter(
        pk__in=article_ids, status=Article.Status.PROCESSING, processing_started_at=claimed_at
    ).update(status=Article.Status.PENDING, status_changed_at=timezone.now())
    return {pk: ProcessingOutcome(pk, Outcome.DEFERRED) for pk in article_ids}


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


def findings_from_text(text: str, *, published: dt.date) -> list[Finding]:
    """Every place named in `text`, with its passage and the date that passage is
    about. Plain text work: no database."""
    readable = mask_markup(text)
    toponyms = geoparse(readable)
    if not toponyms:
        return []
    spans = split_passages(readable)
    passage_of = [passage_at(spans, t.start) for t in toponyms]
    used_spans = sorted(set(passage_of))
    dates = dict(zip(used_spans, date_passages(readable, used_spans, published), strict=True))
    return [Finding(toponym, span, dates[span]) for toponym, span in zip(toponyms, passage_of, strict=True)]


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
    named = {key: toponym for key, toponym in wanted.items() if key[0] == "name"}
    if named:
        # Most already exist: one query finds them (the oldest row of a name wins, as
        # in _named_place); only new ones take the locked path.
        existing = Place.objects.filter(geonameid=None, name__in={t.name for t in named.values()})
        for place in existing.order_by("pk"):
            key = ("name", place.name, place.kind, place.country_code)
            if key in named:
                found.setdefault(key, place)
    for key, toponym in named.items():
        if key not in found:
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


def mentions_insert(drafts: list[MentionDraft]) -> None:
    """Write drafts as Mention rows: through COPY on PostgreSQL (see mapapp/processing/copying.py),
    bulk_create elsewhere."""
    if connection.vendor != "postgresql":
        Mention.objects.bulk_create(
            [Mention(**{name: getattr(d, name) for name in DRAFT_FIELDS}) for d in drafts], batch_size=500
        )
        return
    columns = [Mention._meta.get_field(name).column for name in DRAFT_FIELDS]
    place_at, candidates_at = DRAFT_FIELDS.index("place"), DRAFT_FIELDS.index("candidates")

    def row(draft: MentionDraft) -> list:
        values = [getattr(draft, name) for name in DRAFT_FIELDS]
        values[place_at] = draft.place.pk if draft.place is not None else None
        values[candidates_at] = json.dumps(draft.candidates)
        return values

    copy_rows(Mention._meta.db_table, columns, map(row, drafts))


def _mention(article_id: int, text: str, finding: Finding, place: Place | None) -> MentionDraft:
    toponym, (start, end), when = finding.toponym, finding.passage, finding.when
    return MentionDraft(
        article_id=article_id,
        place=place,
        surface=text[toponym.start : toponym.end][:300],
        start=toponym.start,
        end=toponym.end,
        passage=text[start:end],
        passage_start=start,
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
