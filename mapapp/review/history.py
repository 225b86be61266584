"""History for rows that processing rebuilds in bulk (mentions): saves are recorded,
deletes are not. A delete receiver would turn Django's fast bulk delete into a
row-by-row one and add a deletion row per mention at every re-processing; the lasting
record of an editor's choice is the PlaceDecision, which has full history."""
from django.db.models import signals
from simple_history.models import HistoricalRecords


class SaveHistory(HistoricalRecords):
    """HistoricalRecords without the delete receivers."""

    def finalize(self, sender, **kwargs) -> None:
        super().finalize(sender, **kwargs)
        signals.pre_delete.disconnect(self.pre_delete, sender=sender)
        signals.post_delete.disconnect(self.post_delete, sender=sender)
