"""Queue an article for processing whenever its text is new or changed."""
from django.db.models.signals import post_save
from django.dispatch import receiver

from mapapp.models import Article
from mapapp.queueing import article_enqueue_on_commit


@receiver(post_save, sender=Article, dispatch_uid="mapapp.article_text_saved")
def article_text_saved(sender, instance: Article, created: bool, **kwargs) -> None:
    if getattr(instance, "_text_changed", False):
        instance._text_changed = False
        article_enqueue_on_commit(article_id=instance.pk)
