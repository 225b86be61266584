"""Publishing: an article reaches readers (map, API, exports) only once an editor
publishes it, and leaves them again when retracted. Every change is saved row by row so
the article's history records who did it."""
from mapapp.models import Article


def articles_set_publication(*, articles, publication: str, user) -> list[Article]:
    """Move `articles` to `publication` (draft, published or retracted); returns the
    ones that actually changed. The caller checks the user's right to publish."""
    if publication not in Article.Publication.values:
        raise ValueError(f"unknown publication state {publication!r}")
    changed = []
    for article in articles:
        if article.publication == publication:
            continue
        article.publication = publication
        article._history_user = user
        article.save(update_fields=["publication", "updated_at"])
        changed.append(article)
    return changed
