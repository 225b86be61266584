"""The map's revision number: one row that goes up whenever what readers may see
changes, so every process holding an in-memory map index knows when to rebuild it.

Saves and deletes through the ORM bump it through the signals below; bulk writes
(the processing service, the synthetic-data command) call `revision_bump` themselves."""
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from mapapp.models import Article, MapRevision, Mention, Place

REVISION_ID = 1


def revision_current() -> str:
    """A token that changes whenever the map's data changes: the number and the time of
    the last bump (the time tells apart two databases that reached the same number)."""
    row = MapRevision.objects.filter(pk=REVISION_ID).values_list("number", "changed_at").first()
    return f"{row[0]}@{row[1].isoformat()}" if row else "0"


def revision_bump() -> None:
    """Raise the revision inside the current transaction: other processes see it exactly
    when they can see the change itself, and a rollback takes both back."""
    updated = MapRevision.objects.filter(pk=REVISION_ID).update(
        number=F("number") + 1, changed_at=timezone.now()
    )
    if not updated:
        MapRevision.objects.get_or_create(pk=REVISION_ID, defaults={"number": 1})


@receiver(post_save, sender=Article, dispatch_uid="mapapp.processing.revision.article_saved")
def article_saved(sender, instance: Article, created: bool, **kwargs) -> None:
    # A new draft shows nothing on the map yet (no mentions, not published). Not bumping
    # for it matters: an import's transaction would otherwise hold the revision row from
    # its first article to its commit, and every worker's write would wait for it.
    if created and instance.publication != Article.Publication.PUBLISHED:
        return
    revision_bump()


@receiver(post_save, sender=Mention, dispatch_uid="mapapp.processing.revision.mention_saved")
@receiver(post_save, sender=Place, dispatch_uid="mapapp.processing.revision.place_saved")
@receiver(post_delete, sender=Article, dispatch_uid="mapapp.processing.revision.article_deleted")
@receiver(post_delete, sender=Place, dispatch_uid="mapapp.processing.revision.place_deleted")
def map_data_changed(sender, **kwargs) -> None:
    # No receiver for Mention deletes on purpose: any receiver turns Django's fast
    # bulk delete into a row-by-row one; those deletes come through an Article's
    # delete or the processing service, which both bump.
    revision_bump()
