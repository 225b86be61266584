"""Hand articles to the background worker once the saving transaction commits."""
import logging
from functools import partial

from django.db import transaction

logger = logging.getLogger(__name__)


def article_enqueue_on_commit(*, article_id: int) -> None:
    """Queue processing after commit. If the broker is unreachable the article stays
    pending and the periodic sweep queues it later: saving never fails for it."""
    transaction.on_commit(partial(_send, article_id))


def _send(article_id: int) -> None:
    from mapapp.tasks import process_article

    try:
        process_article.apply_async(
            (article_id,),
            retry=True,
            retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.5},
        )
    except Exception:  # noqa: BLE001 - any broker failure leaves the article for the sweep
        logger.warning("Could not queue article %s; the sweep will retry", article_id, exc_info=True)
