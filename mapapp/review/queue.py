"""Reads for the review queue: which names need a human first, and everything an
editor needs to decide one (passage, candidates, distances) without leaving the page.

One queue item is one name in one article, because a choice applies to every mention
of that name in the article."""
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from django.conf import settings

from mapapp.geoparsing.certainty import UNSURE, toponym_status
from mapapp.geoparsing.normalize import folded_name
from mapapp.models import Article, Mention, PlaceDecision, Rule
from mapapp.review.countries import country_name
from mapapp.review.geo import distance_km

# Below settings.MAP_SURE_CONFIDENCE the machine's choice is "unsure" and shown to a human
# first (mapapp/geoparsing/certainty.py).
# A rival candidate within this many score points of the best is a real alternative...
STRONG_MARGIN = 1.5
# ...if it lies this far from the best one (not two GeoNames entries for one town).
DISTINCT_KM = 50.0
# The global queue looks at this many articles with unreviewed names, newest first.
QUEUE_ARTICLES = 30

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


@dataclass
class ReviewItem:
    """One name in one article, with what the machine did and what it could have done."""

    article: Article
    name: str
    mentions: list[Mention]
    reasons: list[str]
    candidates: list[CandidateOption]
    decision: PlaceDecision | None = None
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


def review_reasons(mentions: list[Mention]) -> list[str]:
    """Why a name needs a human (empty if it does not), most urgent first."""
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
            reasons=review_reasons(named),
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


def review_queue(*, limit_articles: int = QUEUE_ARTICLES) -> list[ReviewItem]:
    """Names needing a human across processed articles that still have unreviewed
    mentions, newest articles first."""
    articles = (
        Article.objects.filter(status=Article.Status.DONE, mentions__review=Mention.Review.MACHINE)
        .exclude(publication=Article.Publication.RETRACTED)
        .distinct()
        .order_by("-created_at", "-id")[:limit_articles]
    )
    return [item for article in articles for item in article_review_items(article)
            if item.needs_review]


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
    """Where the article's other names were placed; countries are left out, as their
    centre says little about where a story happens."""
    points = []
    for other, named in grouped.items():
        place = named[0].place
        if other == key or place is None or place.kind == place.Kind.COUNTRY:
            continue
        if named[0].review == Mention.Review.REJECTED:
            continue
        points.append((place.name, place.latitude, place.longitude))
    return points


def _options(mention: Mention, others: list[tuple[str, float, float]]) -> list[CandidateOption]:
    current = mention.place
    options = []
    for index, c in enumerate(mention.candidates):
        nearest = min(
            ((distance_km(c["latitude"], c["longitude"], lat, lon), name)
             for name, lat, lon in others),
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
            nearest_km=nearest[0], nearest_name=nearest[1],
        ))
    return options
