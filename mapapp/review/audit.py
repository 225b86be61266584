"""The audit trail across the editor's desk: who changed which article, mention,
place, decision or rule, when, and from what to what (django-simple-history rows)."""
from dataclasses import dataclass

from django.db import models

from mapapp.models import Article, Mention, Place, PlaceDecision, Rule

AUDITED = (Article, Mention, Place, PlaceDecision, Rule)
ACTIONS = {"+": "added", "~": "changed", "-": "deleted"}
# Bookkeeping fields whose change says nothing to a reader of the trail.
QUIET_FIELDS = {"updated_at", "decided_at", "status_changed_at"}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class AuditEntry:
    when: object
    who: str
    what: str  # the model's verbose name
    object_id: int
    object_label: str
    action: str
    changes: list[FieldChange]
    reason: str


def recent_changes(*, limit: int = 100) -> list[AuditEntry]:
    """The latest `limit` history rows of every audited model, newest first."""
    rows = []
    for model in AUDITED:
        rows.extend(model.history.select_related("history_user").order_by("-history_date")[:limit])
    rows.sort(key=lambda row: row.history_date, reverse=True)
    return [_entry(row) for row in rows[:limit]]


def _entry(row) -> AuditEntry:
    model = row.instance_type
    changes = []
    previous = row.prev_record if row.history_type == "~" else None
    if previous is not None:
        delta = row.diff_against(previous)
        changes = [
            FieldChange(change.field, _shown(model, change.field, change.old),
                        _shown(model, change.field, change.new))
            for change in delta.changes if change.field not in QUIET_FIELDS
        ]
    return AuditEntry(
        when=row.history_date,
        who=row.history_user.get_username() if row.history_user else "processing",
        what=str(model._meta.verbose_name),
        object_id=row.id,
        object_label=str(row.instance)[:120],
        action=ACTIONS.get(row.history_type, row.history_type),
        changes=changes,
        reason=row.history_change_reason or "",
    )


def _shown(model, field_name: str, value) -> str:
    """A value as an editor reads it: a place's name rather than its id."""
    if value is None or value == "":
        return "—"
    field = model._meta.get_field(field_name)
    if isinstance(field, models.ForeignKey):
        related = field.related_model.objects.filter(pk=value).first()
        return str(related) if related is not None else f"#{value} (deleted)"
    return str(value)[:200]
