"""Editors' corrections applied to freshly built mentions, so that re-processing an
article never undoes them. Called by mapapp.processing.service (articles_process),
inside the transaction that replaces a batch's mentions."""
from collections import defaultdict

from mapapp.geoparsing.normalize import folded_name
from mapapp.models import Mention, Place, PlaceDecision, Rule
from mapapp.review.rules import rule_governing, story_countries

# "Compare with the mention's own place", distinct from "the machine found no place".
_CURRENT = object()


def mentions_apply_editorial(mentions_by_article: dict[int, list[Mention]]) -> None:
    """Give every mention the place its article's editor chose for that name; failing
    that, the place a matching rule names; failing that, leave the machine's choice.
    Changes the (unsaved) mentions in place; two queries for a whole batch of articles.
    A mention here is anything with Mention's fields: a Mention, or the processing
    service's MentionDraft."""
    keys_by_article = {
        pk: {folded_name(m.surface) for m in mentions} for pk, mentions in mentions_by_article.items() if mentions
    }
    if not keys_by_article:
        return
    every_key = set().union(*keys_by_article.values())
    decisions: dict[int, dict[str, PlaceDecision]] = defaultdict(dict)
    for decision in PlaceDecision.objects.filter(article_id__in=keys_by_article, name__in=every_key) \
            .select_related("place"):
        decisions[decision.article_id][decision.name] = decision
    rules: dict[str, list[Rule]] = defaultdict(list)
    for rule in Rule.objects.filter(is_active=True, name__in=every_key).select_related("place"):
        rules[rule.name].append(rule)
    for pk, keys in keys_by_article.items():
        ruled = {key: rules[key] for key in keys - decisions[pk].keys() if key in rules}
        _apply(mentions_by_article[pk], decisions[pk], ruled)


def _apply(mentions: list[Mention], decisions: dict[str, PlaceDecision], rules: dict[str, list[Rule]]) -> None:
    for mention in mentions:
        decision = decisions.get(folded_name(mention.surface))
        if decision is not None:
            mention_set_place(mention, decision.place)
    # Context is read once, from the machine's choices plus the editor's decisions, so
    # that the order in which rules are applied does not change their outcome.
    governing = {
        key: rule_governing(candidates, story_countries(mentions, besides=key))
        for key, candidates in rules.items()
    }
    for mention in mentions:
        rule = governing.get(folded_name(mention.surface))
        if rule is not None:
            mention_set_place(mention, rule.place)


def mention_set_place(
    mention: Mention, place: Place | None, *, machine: Place | object | None = _CURRENT
) -> None:
    """Point one mention at `place` (None: not a place) and mark how it was reviewed:
    confirmed when the machine (`machine`, by default the mention's current place) had
    it right, corrected when not, rejected when None."""
    if place is None:
        mention.place = None
        mention.review = Mention.Review.REJECTED
        return
    machine = mention.place if machine is _CURRENT else machine
    same = isinstance(machine, Place) and machine.pk == place.pk
    mention.review = Mention.Review.CONFIRMED if same else Mention.Review.CORRECTED
    mention.place = place
