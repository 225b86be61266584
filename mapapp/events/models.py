"""Events in the database: each place mention's judgement (is it where something
happened, of what type) and the events that group them. Imported by mapapp/models.py.

A judgement is kept by the mention's span (article, start, end), not by the mention
row: processing replaces mention rows, while an editor's placing of a passage in an
event (`pinned`) must outlive that, like a name decision (mapapp/review/decisions.py)."""
from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from mapapp.events.taxonomy import EVENT_TYPES, TYPE_CHOICES


class Event(models.Model):
    """Something that happened at a place, over a day or a few, and the passages of
    one or more articles that report it."""

    class Precision(models.TextChoices):
        DAY = "day", "Day"
        RANGE = "range", "A few days"
        MONTH = "month", "Month"
        YEAR = "year", "Year"

    event_type = models.CharField("type", max_length=32, choices=TYPE_CHOICES, db_index=True)
    place = models.ForeignKey("mapapp.Place", on_delete=models.CASCADE, related_name="events")
    start = models.DateField(db_index=True)
    end = models.DateField()
    precision = models.CharField(max_length=8, choices=Precision.choices, default=Precision.DAY)
    first_reported = models.DateTimeField(null=True, blank=True,
                                          help_text="The earliest publication of a passage.")
    source_count = models.PositiveIntegerField("sources", default=0)
    passage_count = models.PositiveIntegerField("passages", default=0)
    edited = models.BooleanField(
        default=False,
        help_text="An editor retyped, moved, merged or split it: re-processing keeps its type, "
                  "place and passages.",
    )
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    edited_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start", "-id"]
        indexes = [models.Index(fields=["place", "start"])]

    def __str__(self) -> str:
        return f"{self.label} in {self.place.name if self.place_id else '?'}, {self.start}"

    @property
    def label(self) -> str:
        return EVENT_TYPES[self.event_type].label if self.event_type in EVENT_TYPES else self.event_type


class EventPassage(models.Model):
    """One place mention's judgement (does its passage report an event located at that
    place? with which score, type and deciding words) and the event it belongs to."""

    article = models.ForeignKey("mapapp.Article", on_delete=models.CASCADE, related_name="event_passages")
    start = models.PositiveIntegerField(help_text="Offset of the place name in the article body.")
    end = models.PositiveIntegerField()
    surface = models.CharField("text as written", max_length=300)
    place = models.ForeignKey("mapapp.Place", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    host = models.ForeignKey("mapapp.Place", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+",
                             help_text="The place the passage says this one lies in ('X district of Y').")
    is_event = models.BooleanField(default=False, db_index=True)
    score = models.FloatField(default=0.0)
    event_type = models.CharField("type", max_length=32, choices=TYPE_CHOICES)
    cues = models.JSONField(default=list, blank=True, help_text="The words that decided.")
    event_date = models.DateField(null=True, blank=True)
    event_date_end = models.DateField(null=True, blank=True)
    dated = models.BooleanField(default=True, help_text="The passage gives its own date.")
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="passages")
    pinned = models.BooleanField(
        default=False,
        help_text="An editor put this passage in its event (or, with no event, out of every "
                  "event): re-processing keeps it there.",
    )

    class Meta:
        ordering = ["article_id", "start"]
        constraints = [
            models.UniqueConstraint(fields=["article", "start", "end"], name="event_passage_unique_span"),
        ]
        indexes = [models.Index(fields=["place", "event_date"])]

    def __str__(self) -> str:
        verdict = self.get_event_type_display() if self.is_event else "no event"
        return f"{self.surface} in {self.article_id}@{self.start}: {verdict}"
