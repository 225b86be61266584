"""Reads for the review queue: which names need a human first, and everything an
editor needs to decide one (passage, candidates, distances) without leaving the page.

One queue item is one name in one article, because a choice applies to every mention
of that name in the article. Whether a name waits is decided in one place
(`name_reasons`), so the queue, an article's page and the publish message count alike.
The queue holds every waiting name of every article that is not retracted, whatever its
processing status (a pending or failed article's mentions are still on the map), in
pages of QUEUE_PAGE_ARTICLES articles."""
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby, pairwise
from operator import itemgetter

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import TextField
from django.db.models.functions import Cast

from mapapp.geoparsing.certainty import UNSURE, toponym_status
from mapapp.geoparsing.normalize import folded_name
from mapapp.geoparsing.recognizer import is_world_area
from mapapp.models import Article, Mention, Place, PlaceDecision, Rule
from mapapp.review.countries import country_name
from mapapp.review.geo import distance_km

# Below settings.MAP_SURE_CONFIDENCE the machine's choice is "unsure" and shown to a human
# first (mapapp/geoparsing/certainty.py).
# A rival candidate within this many score points of the best is a real alternative...
STRONG_MARGIN = 1.5
# ...if it lies this far from the best one (not two GeoNames entries for one town).
DISTINCT_KM = 50.0
# One page of the queue holds the waiting names of this many articles.
QUEUE_PAGE_ARTICLES = 20
NEWEST_FIRST, OLDEST_FIRST = "newest", "oldest"

REASON_UNRESOLVED = "no place found"
REASON_CONTESTED = "several strong candidates"
REASON_LOW_CONFIDENCE = "low confidence"
_REASON_ORDER = (REASON_UNRESOLVED, REASON_CONTESTED, REASON_LOW_CONFIDENCE)


@dataclass(frozen=True)
class CandidateOption:
    """One place the geoparser considered, as the editor sees it."""

    index: int
    geonameid: int | None
    name: str
    kind: str
    admin1: str
    country_code: str
    population: int
    latitude: float
    longitude: float
    score: float
    is_current: bool
    nearest_km: float | None
    nearest_name: str
    # A world area: not drawn, so no distance is measured from its nominal point.
    is_area: bool = False


@dataclass
class ReviewItem:
    """One name in one article, with what the machine did and what it could have done."""

    article: Article
    name: str
    mentions: list[Mention]
    reasons: list[str]
    candidates: list[CandidateOption]
    decision: PlaceDecision | None = None
    # A continent, sea or world region: never drawn as a point, so nothing to confirm.
    is_area: bool = False
    # Where the page should scroll once this item is settled: the next one waiting.
    next_anchor: str = "content"
    rules: list[Rule] = field(default_factory=list)
    # (country code, name) a rule may be limited to: the countries the article names,
    # most often first, then those of the candidates ("Tripoli in stories about Lebanon").
    rule_contexts: list[tuple[str, str]] = field(default_factory=list)

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    @property
    def surface(self) -> str:
        return self.first.surface

    @property
    def place(self):
        return self.first.place

    @property
    def confidence(self) -> float:
        return min(m.confidence for m in self.mentions)

    @property
    def needs_review(self) -> bool:
        return bool(self.reasons)

    @property
    def passage_parts(self) -> tuple[str, str, str]:
        """The first passage split around the name, for highlighting."""
        start, end = self.first.highlight
        passage = self.first.passage
        return passage[:start], passage[start:end], passage[end:]

    @property
    def anchor(self) -> str:
        return f"name-{self.first.pk}"


def place_is_area(place: Place | None) -> bool:
    """Whether `place` is a continent, sea, ocean or world region ("the Middle East",
    "the EU"): the map never draws it as a point, so an editor has no point to confirm."""
    return place is not None and is_world_area(place.name, place.kind, place.country_code)


def name_reasons(mentions: list[Mention], *, is_area: bool) -> list[str]:
    """Why the name of `mentions` (one name in one article, text order) waits for an
    editor, most urgent first; empty when it does not. A name the machine placed on a
    world area (`is_area`, see `place_is_area`) does not wait: it is listed as an area,
    not drawn."""
    return [] if is_area else review_reasons(mentions)


def review_reasons(mentions: list[Mention]) -> list[str]:
    """Why a name needs a human (empty if it does not), most urgent first. The caller
    has set world areas aside (`name_reasons`)."""
    if any(m.review != Mention.Review.MACHINE for m in mentions):
        return []
    first = mentions[0]
    reasons = []
    if first.place_id is None:
        reasons.append(REASON_UNRESOLVED)
    if _contested(first.candidates):
        reasons.append(REASON_CONTESTED)
    least = min(m.confidence for m in mentions)
    if first.place_id is not None and toponym_status(least, threshold=settings.MAP_SURE_CONFIDENCE) == UNSURE:
        reasons.append(REASON_LOW_CONFIDENCE)
    return reasons


def _contested(candidates: list[dict]) -> bool:
    if len(candidates) < 2:
        return False
    best = candidates[0]
    return any(
        best["score"] - rival["score"] <= STRONG_MARGIN
        and distance_km(best["latitude"], best["longitude"],
                        rival["latitude"], rival["longitude"]) > DISTINCT_KM
        for rival in candidates[1:]
    )


def article_review_items(article: Article) -> list[ReviewItem]:
    """Every name the machine found in `article` (demonyms aside), those needing a human
    first (most urgent reason, then lowest confidence), then the rest in text order."""
    mentions = list(
        article.mentions.filter(is_demonym=False).select_related("place").order_by("start")
    )
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(folded_name(mention.surface), []).append(mention)
    decisions = {d.name: d for d in article.decisions.select_related("place", "decided_by")}
    rules: dict[str, list[Rule]] = {}
    for rule in Rule.objects.filter(name__in=grouped, is_active=True).select_related("place"):
        rules.setdefault(rule.name, []).append(rule)
    placed = [m.place for m in article.mentions.select_related("place")
              if m.place is not None and m.place.country_code
              and m.review != Mention.Review.REJECTED]
    countries = Counter(place.country_code for place in placed)
    items = []
    for key, named in grouped.items():
        items.append(ReviewItem(
            article=article,
            name=key,
            mentions=named,
            reasons=name_reasons(named, is_area=place_is_area(named[0].place)),
            is_area=place_is_area(named[0].place),
            candidates=_options(named[0], _other_points(grouped, key)),
            decision=decisions.get(key),
            rules=rules.get(key, []),
            rule_contexts=_rule_contexts(countries, named[0]),
        ))
    items.sort(key=_urgency)
    waiting = [item for item in items if item.needs_review]
    for item, following in pairwise(waiting):
        item.next_anchor = following.anchor
    return items


def names_waiting(*, article_ids: Iterable[int] | None = None) -> dict[int, int]:
    """How many names wait for an editor in each article that has any: the articles
    `article_ids` (whatever their publication), or, by default, every article in the
    queue (all but the retracted). One pass over the mentions; the same count as
    `article_review_items` gives, by the same rule (`name_reasons`)."""
    return {pk: len(names.waiting) for pk, names in _names_by_article(article_ids).items()
            if names.waiting}


@dataclass
class ArticleNames:
    """What one article holds for the queue: its waiting names and its world areas."""

    waiting: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)  # as first written, e.g. "Middle East"


class _CountedMention:
    """A mention as the counting pass reads it: the fields `review_reasons` looks at, its
    candidates decoded only if the rule gets that far (a plain row, not a model
    instance: the pass reads every mention of the queue)."""

    __slots__ = ("_candidates", "confidence", "place_id", "review", "surface")

    def __init__(self, surface: str, place_id: int | None, review: str, confidence: float,
                 candidates: str | list | None) -> None:
        self.surface, self.place_id, self.review = surface, place_id, review
        self.confidence, self._candidates = confidence, candidates

    @property
    def candidates(self) -> list[dict]:
        if isinstance(self._candidates, str):
            self._candidates = json.loads(self._candidates)
        return self._candidates or []


def _area_place_ids() -> set[int]:
    """The places that are world areas (few: they have no country)."""
    rows = Place.objects.filter(country_code="").values_list("pk", "name", "kind", "country_code")
    return {pk for pk, name, kind, code in rows if is_world_area(name, kind, code)}


def _names_by_article(article_ids: Iterable[int] | None) -> dict[int, ArticleNames]:
    mentions = Mention.objects.filter(is_demonym=False)
    if article_ids is None:
        unreviewed = Mention.objects.filter(review=Mention.Review.MACHINE).values("article_id")
        mentions = mentions.filter(article_id__in=unreviewed).exclude(
            article__publication=Article.Publication.RETRACTED)
    else:
        mentions = mentions.filter(article_id__in=list(article_ids))
    rows = (
        mentions.annotate(candidates_text=Cast("candidates", output_field=TextField()))
        .order_by("article_id", "start")
        .values_list("article_id", "surface", "place_id", "review", "confidence", "candidates_text")
    )
    areas = _area_place_ids()
    found: dict[int, ArticleNames] = {}
    for article_id, of_article in groupby(rows.iterator(chunk_size=5000), key=itemgetter(0)):
        grouped: dict[str, list[_CountedMention]] = {}
        for _, *fields in of_article:
            mention = _CountedMention(*fields)
            grouped.setdefault(folded_name(mention.surface), []).append(mention)
        names = ArticleNames()
        for key, named in grouped.items():
            first = named[0]
            if name_reasons(named, is_area=first.place_id in areas):
                names.waiting.append(key)
            elif first.place_id in areas and first.review != Mention.Review.REJECTED:
                names.areas.append(first.surface)
        found[article_id] = names
    return found


@dataclass
class QueueArticle:
    """One article on a page of the queue: its waiting names (full items, most urgent
    first) and the world areas it names, which are not drawn."""

    article: Article
    items: list[ReviewItem]
    areas: list[str]


@dataclass
class QueuePage:
    """One page of the review queue, with the totals of the whole queue."""

    articles: list[QueueArticle]
    page: Page
    names: int  # waiting in the whole queue
    article_count: int  # articles with a waiting name
    order: str
    # Articles waiting for a worker (new, edited, or re-processed for a rule): their names
    # join the queue, or leave it, once processed.
    processing: int = 0

    @property
    def items(self) -> list[ReviewItem]:
        return [item for entry in self.articles for item in entry.items]


def review_queue_page(*, page: int | str = 1, order: str = NEWEST_FIRST,
                      per_page: int = QUEUE_PAGE_ARTICLES) -> QueuePage:
    """One page of the queue: the articles that have a waiting name, newest (or oldest)
    first, with every waiting name of each and the world areas it names. No article is
    left out: the pages together hold the whole queue."""
    by_article = _names_by_article(None)
    shown = [pk for pk, names in by_article.items() if names.waiting]
    newest = order != OLDEST_FIRST
    ordering = ("-created_at", "-id") if newest else ("created_at", "id")
    ordered = list(Article.objects.filter(pk__in=shown).order_by(*ordering)
                   .values_list("pk", flat=True))
    paged = Paginator(ordered, per_page).get_page(page)
    articles = Article.objects.in_bulk(list(paged.object_list))
    entries = []
    for pk in paged.object_list:
        items = [item for item in article_review_items(articles[pk]) if item.needs_review]
        entries.append(QueueArticle(article=articles[pk], items=items, areas=by_article[pk].areas))
    waiting = [item for entry in entries for item in entry.items]
    for item, following in pairwise(waiting):
        item.next_anchor = following.anchor
    if waiting:
        waiting[-1].next_anchor = "content"
    return QueuePage(
        articles=entries, page=paged,
        names=sum(len(names.waiting) for names in by_article.values()),
        article_count=len(shown),
        order=NEWEST_FIRST if newest else OLDEST_FIRST,
        processing=Article.objects.filter(
            status__in=[Article.Status.PENDING, Article.Status.PROCESSING]).count(),
    )


def review_queue() -> list[ReviewItem]:
    """Every name waiting for an editor, in every article of the queue, newest articles
    first (all pages of `review_queue_page` at once)."""
    first = review_queue_page(per_page=1_000_000)
    return first.items


def _urgency(item: ReviewItem) -> tuple:
    if not item.reasons:
        return (1, len(_REASON_ORDER), 0.0, item.first.start)
    rank = min(_REASON_ORDER.index(r) for r in item.reasons)
    return (0, rank, item.confidence, item.first.start)


def _rule_contexts(countries: Counter[str], mention: Mention) -> list[tuple[str, str]]:
    codes = [code for code, _ in countries.most_common()]
    codes += [c["country_code"] for c in mention.candidates if c.get("country_code")]
    return [(code, country_name(code)) for code in dict.fromkeys(codes)]


def _other_points(grouped: dict[str, list[Mention]], key: str) -> list[tuple[str, float, float]]:
    """Where the article's other names were placed; countries and world areas are left
    out, as their centre says little about where a story happens."""
    points = []
    for other, named in grouped.items():
        place = named[0].place
        if other == key or place is None or place.kind == place.Kind.COUNTRY or place_is_area(place):
            continue
        if named[0].review == Mention.Review.REJECTED:
            continue
        points.append((place.name, place.latitude, place.longitude))
    return points


def _options(mention: Mention, others: list[tuple[str, float, float]]) -> list[CandidateOption]:
    current = mention.place
    options = []
    for index, c in enumerate(mention.candidates):
        is_area = is_world_area(c["name"], c.get("kind", ""), c.get("country_code", ""))
        nearest = min(
            ((distance_km(c["latitude"], c["longitude"], lat, lon), name)
             for name, lat, lon in ([] if is_area else others)),
            default=(None, ""),
        )
        is_current = current is not None and (
            (c.get("geonameid") is not None and c["geonameid"] == current.geonameid)
            or (c.get("geonameid") is None and c["name"] == current.name)
        )
        options.append(CandidateOption(
            index=index, geonameid=c.get("geonameid"), name=c["name"], kind=c.get("kind", ""),
            admin1=c.get("admin1", ""), country_code=c.get("country_code", ""),
            population=c.get("population") or 0, latitude=c["latitude"],
            longitude=c["longitude"], score=c.get("score", 0.0), is_current=is_current,
            nearest_km=nearest[0], nearest_name=nearest[1], is_area=is_area,
        ))
    return options
