"""Rules carry an editor's decision to future articles. Which rule governs a name in a
story: one whose country the story names (through its other places) wins over a rule
for every story; among several, the country the story names most often."""
from collections import Counter

from mapapp.geoparsing.normalize import folded_name
from mapapp.models import Mention, Place, Rule


def story_countries(mentions: list[Mention], *, besides: str) -> Counter[str]:
    """How often the story names each country, through places other than `besides`
    (a name must not be its own context: Tripoli alone says nothing about Lebanon)."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        if mention.place is None or mention.review == Mention.Review.REJECTED:
            continue
        if folded_name(mention.surface) == besides or not mention.place.country_code:
            continue
        counts[mention.place.country_code] += 1
    return counts


def rule_governing(rules: list[Rule], countries: Counter[str]) -> Rule | None:
    """The rule that applies to a name in a story naming `countries`, or None."""
    in_context = [r for r in rules if r.context_country and countries[r.context_country]]
    if in_context:
        return max(in_context, key=lambda r: (countries[r.context_country], r.context_country))
    return next((r for r in rules if not r.context_country), None)


def rule_save(*, name: str, context_country: str, place: Place | None, user) -> Rule:
    """Create or replace the rule for `name` in that context, active again if it was off."""
    rule = Rule.objects.filter(name=folded_name(name), context_country=context_country).first()
    if rule is None:
        rule = Rule(name=folded_name(name), context_country=context_country, created_by=user)
    rule.place = place
    rule.is_active = True
    rule.save()
    return rule
