"""Carrying a rule or a decision to the articles already processed (issue 13).

A rule is applied whenever an article is processed (apply.mentions_apply_editorial), so
the articles processed before it was saved, changed, switched off or deleted are simply
processed again, in the background: `name_reapply` marks every article that names the
rule's name pending and hands it to the workers (processing.submit, the Celery task
mapapp.tasks.process_articles). That work is idempotent and claims each article with one
conditional update; marking an article pending also takes it from a worker that was
processing it without the rule, whose write is then refused (service.articles_process)."""
from collections.abc import Iterable

from mapapp.geoparsing.normalize import folded_name
from mapapp.models import Mention, PlaceDecision
from mapapp.processing import service
from mapapp.processing.submit import articles_submit

# What a rule is made of; a change to anything else (its note) re-processes nothing.
RULE_MEANING_FIELDS = frozenset({"name", "context_country", "place", "is_active"})


def articles_naming(names: Iterable[str]) -> list[int]:
    """Ids of the articles whose mentions name any of `names` (case and spacing ignored),
    leaving out, name by name, the articles where an editor decided that name (their
    decision outranks any rule)."""
    keys = {folded_name(name) for name in names}
    if not keys:
        return []
    # Matched on the folded name in Python: SQL's case-insensitive comparison is not
    # Unicode's on every database, and a deployment has far fewer spellings than mentions.
    surfaces = [surface for surface in Mention.objects.values_list("surface", flat=True).distinct()
                if folded_name(surface) in keys]
    named = Mention.objects.filter(surface__in=surfaces).values_list("article_id", "surface").distinct()
    decided = set(PlaceDecision.objects.filter(name__in=keys).values_list("article_id", "name"))
    return sorted({pk for pk, surface in named if (pk, folded_name(surface)) not in decided})


def name_reapply(*, names: Iterable[str], besides: Iterable[int] = ()) -> int:
    """Re-process in the background every article already processed that names any of
    `names` (see `articles_naming`), except `besides`, so that the rules for those names
    as they now stand apply to them. Returns how many articles were queued; they are
    sent to the workers once the current transaction commits."""
    skip = set(besides)
    return articles_reapply(article_ids=[pk for pk in articles_naming(names) if pk not in skip])


def articles_reapply(*, article_ids: list[int]) -> int:
    """Re-process `article_ids` in the background, so that the editors' decisions and
    rules as they now stand apply to them. Returns how many were queued."""
    if article_ids:
        service.articles_reset_for_processing(article_ids=article_ids)
        articles_submit(article_ids=article_ids)
    return len(article_ids)


def rule_changed_names(*, old_name: str | None, new_name: str | None, changed: Iterable[str]) -> set[str]:
    """The names whose articles a rule's creation, change or deletion concerns: none when
    only its note changed; the old name too when it was renamed."""
    if not RULE_MEANING_FIELDS & set(changed):
        return set()
    return {folded_name(name) for name in (old_name, new_name) if name}


def reapply_note(count: int) -> str:
    """What the editor is told once `count` articles are queued for re-processing."""
    if not count:
        return "No article processed so far names it: it applies as articles are processed."
    articles = "article" if count == 1 else "articles"
    return (f"Applying it to {count} {articles} in the background: the {articles} already "
            "processed that name it are re-processed and show the change when done.")
