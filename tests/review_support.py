"""Helpers shared by the editor's-desk tests: real articles run through the real
processing service (geoparser, gazetteer, database), and users in real roles."""
from django.contrib.auth import get_user_model

from mapapp.models import Article, Mention
from mapapp.processing import service
from mapapp.review.roles import editors_group_sync

# A story about Lebanon's Tripoli that names no Lebanese place besides it: the machine
# takes the bigger, better-known Libyan capital.
TRIPOLI_STORY = (
    "Clashes broke out in Tripoli on Monday between supporters and opponents of the "
    "Syrian government, the army said. By Tuesday evening Tripoli was quiet again."
)
LIBYA, LEBANON = "LY", "LB"


def processed_article(body: str, *, title: str = "Clashes in Tripoli",
                      publication: str = Article.Publication.DRAFT) -> Article:
    article = Article.objects.create(title=title, body=body, publication=publication,
                                     source="Test wire")
    outcome = service.article_process(article_id=article.pk)
    assert outcome.processed, outcome
    return Article.objects.get(pk=article.pk)


def reprocess(article: Article) -> Article:
    service.articles_reset_for_processing(article_ids=[article.pk])
    outcome = service.article_process(article_id=article.pk)
    assert outcome.processed, outcome
    return Article.objects.get(pk=article.pk)


def mentions_of(article: Article, surface: str) -> list[Mention]:
    return list(article.mentions.filter(surface=surface).select_related("place")
                .order_by("start"))


def candidate_index(mention: Mention, country_code: str) -> int:
    """Position of the first candidate in `country_code` (the form posts positions)."""
    for index, candidate in enumerate(mention.candidates):
        if candidate["country_code"] == country_code:
            return index
    raise AssertionError(f"no {country_code} candidate for {mention.surface}: {mention.candidates}")


def make_editor(username: str = "editor", password: str = "correct-horse-9"):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", password,
                                                is_staff=True)
    user.groups.add(editors_group_sync())
    return get_user_model().objects.get(pk=user.pk)  # fresh: no stale permission cache
