"""Deleting an article takes its event passages with it (a cascade). The events those
passages belonged to are then grouped again from what is left: recounted, or deleted when
no passage is left, so no event outlives every report of it."""
from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver

from mapapp.events.models import EventPassage
from mapapp.events.services import events_regroup
from mapapp.models import Article


@receiver(pre_delete, sender=Article, dispatch_uid="mapapp.events.receivers.article_deleting")
def article_deleting(sender, instance: Article, **kwargs) -> None:
    instance._event_ids = set(
        EventPassage.objects.filter(article=instance, event__isnull=False)
        .values_list("event_id", flat=True)
    )


@receiver(post_delete, sender=Article, dispatch_uid="mapapp.events.receivers.article_deleted")
def article_deleted(sender, instance: Article, **kwargs) -> None:
    # Django sends this inside the delete's transaction: the regrouping commits with it.
    event_ids = getattr(instance, "_event_ids", None)
    if event_ids:
        events_regroup(windows=(), event_ids=event_ids)
