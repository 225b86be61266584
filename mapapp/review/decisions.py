"""Recording an editor's choice for a name in an article: every mention of that name
takes it at once, and so do the events its passages report; the decision is kept for
re-processing, and it can be saved as a rule for future articles."""
from django.db import transaction

from mapapp.events.services import events_after_processing
from mapapp.geoparsing.normalize import folded_name
from mapapp.models import Article, Mention, Place, PlaceDecision
from mapapp.review.apply import mention_set_place
from mapapp.review.rules import rule_save

# The reason shown in a mention's history for the state processing left it in.
AS_PROCESSED = "as found by processing"


class DecisionError(ValueError):
    """The choice cannot apply (e.g. the article no longer mentions that name)."""


def mentions_named(article: Article, name: str) -> list[Mention]:
    """The article's mentions of `name` (case and spacing ignored), in text order."""
    key = folded_name(name)
    return [
        m for m in article.mentions.select_related("place").order_by("start")
        if folded_name(m.surface) == key
    ]


def decision_record(
    *, article: Article, name: str, place: Place | None, user, rule_context: str | None = None
) -> PlaceDecision:
    """Make `place` (None: not a place) what `name` means throughout `article`, now and
    after any re-processing. With `rule_context` ("" for every story, or a country code)
    the choice is also saved as a rule for future articles. Every change is recorded in
    the history of the mentions, the decision and the rule, under `user`."""
    key = folded_name(name)
    with transaction.atomic():
        # Processing takes this row's lock before it replaces the mentions: holding it
        # here means either it sees this decision or this decision sees its new mentions.
        article = Article.objects.select_for_update().get(pk=article.pk)
        mentions = mentions_named(article, key)
        if not mentions:
            raise DecisionError(f"The article no longer mentions {name!r}; re-open the queue.")
        decision = PlaceDecision.objects.select_for_update().filter(
            article=article, name=key).first()
        if decision is None:
            decision = PlaceDecision(article=article, name=key, machine_place=mentions[0].place)
        _record_baseline(mentions)
        for mention in mentions:
            before = mention.place
            mention_set_place(mention, place, machine=decision.machine_place)
            mention._history_user = user
            mention._change_reason = f"{_label(before)} -> {_label(place)} (editor's decision)"
            mention.save(update_fields=["place", "review"])
        # The events follow at once: a passage moved to another place, or no place, is
        # judged and grouped again as processing would.
        events_after_processing({article.pk: list(article.mentions.select_related("place").order_by("start"))})
        if rule_context is not None:
            decision.rule = rule_save(name=key, context_country=rule_context, place=place,
                                      user=user)
        decision.place = place
        decision.decided_by = user
        decision._history_user = user
        decision.save()
    return decision


def _record_baseline(mentions: list[Mention]) -> None:
    """Processing creates mentions in bulk, without history; give the ones about to
    change a first history row so their history reads "from what to what"."""
    history = Mention.history.model
    seen = set(history.objects.filter(id__in=[m.pk for m in mentions])
               .values_list("id", flat=True))
    fresh = [m for m in mentions if m.pk not in seen]
    for mention in fresh:
        mention._history_user = None  # processing, not the editor now at the desk
        mention._change_reason = AS_PROCESSED
    if fresh:
        Mention.history.bulk_history_create(fresh, default_date=fresh[0].article.processed_at)


def _label(place: Place | None) -> str:
    return str(place) if place is not None else "no place"


def decision_from_mention_edit(*, mention: Mention, changed: set[str], user) -> PlaceDecision | None:
    """An edit of one mention's place or review in the admin, made to stick: it becomes
    the decision for that name in the article (so re-processing keeps it and the other
    mentions of the name follow). Returns None when there is nothing to decide."""
    if not {"place", "review"} & changed:
        return None
    if mention.review == Mention.Review.REJECTED:
        place = None
    elif "place" in changed or mention.review != Mention.Review.MACHINE:
        place = mention.place
    else:
        return None  # set back to "not reviewed": the previous decision stands
    return decision_record(article=mention.article, name=mention.surface, place=place,
                           user=user)
