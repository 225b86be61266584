"""Reads for the public map: which places to draw for a time window, and the
passages behind each. Only published articles' mentions reach readers."""
import dataclasses
import datetime as dt
from dataclasses import dataclass

import numpy as np
from django.db.models import QuerySet

from mapapp.models import Article, Mention
from mapapp.readermap import trust
from mapapp.readermap.index import MapIndex
from mapapp.readermap.queries import View, mention_mask


@dataclass(frozen=True)
class Window:
    """A closed range of event dates; either end may be open."""

    start: dt.date | None = None
    end: dt.date | None = None


def mentions_visible() -> QuerySet[Mention]:
    """Mentions a reader may see: from published articles, resolved to a place, not
    rejected by an editor, not mere demonyms ("Syrian"), and not unsure when the
    settings hide unsure mentions until reviewed (mapapp.readermap.trust)."""
    mentions = Mention.objects.filter(
        article__publication=Article.Publication.PUBLISHED,
        place__isnull=False,
        is_demonym=False,
    ).exclude(review=Mention.Review.REJECTED)
    if not trust.unsure_shown():
        mentions = mentions.exclude(trust.unsure_condition())
    return mentions


def mentions_in_window(window: Window) -> QuerySet[Mention]:
    mentions = mentions_visible()
    if window.start is not None:
        mentions = mentions.filter(event_date_end__gte=window.start)
    if window.end is not None:
        mentions = mentions.filter(event_date__lte=window.end)
    return mentions


# --- Views of the map (time window, bounds, filters) --------------------------------

_TEXT_CACHE_SIZE = 16
_text_cache: dict[tuple[str, str], np.ndarray] = {}


def view_resolved(view: View, index: MapIndex) -> View:
    """The view with its free-text search resolved to mention ids (from the database,
    remembered per map revision: typing the same words again costs nothing)."""
    if not view.text:
        return view
    key = (index.revision, view.text)
    matches = _text_cache.get(key)
    if matches is None:
        # No join: the index already knows which mentions are visible.
        ids = Mention.objects.filter(passage__icontains=view.text).values_list("id", flat=True)
        matches = np.sort(np.fromiter(ids.iterator(chunk_size=10_000), dtype=np.int64))
        if len(_text_cache) >= _TEXT_CACHE_SIZE:
            _text_cache.pop(next(iter(_text_cache)))
        _text_cache[key] = matches
    return dataclasses.replace(view, text_matches=matches)


def view_mention_ids(
    view: View, index: MapIndex, *, limit: int, offset: int = 0, place_id: int | None = None
) -> tuple[list[int], int]:
    """Ids of the mentions the view selects (of one place, if given), newest event
    first (then newest publication, newest article), `limit` of them from `offset`, and
    how many in all. A place asked for by id is answered whatever the view's `areas`
    (a reader who clicks a country in the list of areas reads its passages)."""
    mask = mention_mask(index, view_resolved(view, index), areas=place_id is None)
    if place_id is not None:
        at = index.place_index(place_id)
        if at is None:
            return [], 0
        mask &= index.place == at
    selected = np.nonzero(mask)[0]
    total = int(selected.size)
    needed = offset + limit
    if needed < total:
        # Only mentions at least as new as the `needed`-th newest event day can be on the
        # page: sorting those alone spares a full four-key sort of a million rows.
        days = index.day_start[selected]
        kth = np.partition(days, total - needed)[total - needed]
        selected = selected[days >= kth]
    order = np.lexsort((
        -index.mention_id[selected], -index.article[selected],
        -index.day_published[selected], -index.day_start[selected],
    ))
    chosen = index.mention_id[selected[order[offset : offset + limit]]]
    return chosen.tolist(), total


def mentions_by_ids(ids: list[int], *, chunk: int = 500):
    """Visible mentions with their article and place, in the order of `ids`; an id
    that is not visible (any more: an article retracted since the index was built)
    is skipped."""
    for offset in range(0, len(ids), chunk):
        part = ids[offset : offset + chunk]
        rows = mentions_visible().filter(pk__in=part).select_related("article", "place")
        found = {m.pk: m for m in rows}
        yield from (found[i] for i in part if i in found)
