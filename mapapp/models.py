"""The conflict map's data: articles as editors paste them, the places they mention,
and each mention with the exact passage that names the place (provenance)."""
import hashlib
import unicodedata

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history import register as register_history
from simple_history.models import HistoricalRecords

from mapapp.review.history import SaveHistory


def content_hash(body: str) -> str:
    """A fingerprint of an article's text that ignores case, Unicode form and spacing,
    so the same text pasted twice (or once from another outlet's feed) is recognised."""
    folded = unicodedata.normalize("NFKC", body).casefold()
    return hashlib.sha256(" ".join(folded.split()).encode("utf-8")).hexdigest()


class Article(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        PROCESSING = "processing", "Processing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    class Publication(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        RETRACTED = "retracted", "Retracted"

    title = models.CharField(max_length=500)
    source = models.CharField(max_length=200, blank=True, help_text="The outlet's name.")
    url = models.URLField(max_length=2000, null=True, blank=True, unique=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    body = models.TextField(blank=True, help_text="The raw text, as pasted.")
    language = models.CharField(max_length=12, blank=True)
    content_hash = models.CharField(max_length=64, editable=False, db_index=True)

    publication = models.CharField(
        max_length=12, choices=Publication.choices, default=Publication.DRAFT, db_index=True
    )
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    last_error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    processing_started_at = models.DateTimeField(null=True, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["body"])

    class Meta:
        ordering = ["-published_at", "-id"]
        # Editing and publishing are separate rights (issue 6): see mapapp/review/roles.py.
        permissions = [("publish_article", "Can publish and retract articles")]
        constraints = [
            # The same text is not ingested twice; empty bodies are all alike and exempt.
            models.UniqueConstraint(
                fields=["content_hash"], condition=~Q(body=""), name="article_unique_text"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        if {"content_hash", "published_at"} <= set(field_names):
            instance._saved_inputs = (instance.content_hash, instance.published_at)
        return instance

    def processing_inputs_changed(self) -> bool:
        """Whether what processing reads (the text, and the publication date relative
        dates are resolved against) differs from what was last saved; always true for an
        article not saved yet, or loaded without those fields."""
        return (content_hash(self.body), self.published_at) != getattr(self, "_saved_inputs", None)

    def save(self, *args, **kwargs) -> None:
        """Save; when the processing inputs changed (`processing_inputs_changed`), mark
        the article pending, since its mentions no longer match its text. Saving queues
        nothing: mapapp.processing.submit.article_save saves and submits it for
        processing. An article saved any other way stays pending until the periodic
        sweep (mapapp/processing/sweep.py) queues it."""
        changed = self.processing_inputs_changed()
        self.content_hash = content_hash(self.body)
        if self.url == "":
            self.url = None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            changed = changed and bool({"body", "published_at"} & set(update_fields))
        if changed:
            self.status = self.Status.PENDING
            self.status_changed_at = timezone.now()
            self.last_error = ""
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "status", "status_changed_at",
                                           "last_error", "content_hash"}
        super().save(*args, **kwargs)
        self._saved_inputs = (self.content_hash, self.published_at)


class Place(models.Model):
    class Kind(models.TextChoices):
        COUNTRY = "country", "Country"
        REGION = "region", "First-level region"
        CITY = "city", "City or town"
        OTHER = "other", "Other"

    class Origin(models.TextChoices):
        GAZETTEER = "gazetteer", "GeoNames gazetteer"
        ONLINE_NOMINATIM = "online:nominatim", "Online geocoder: Nominatim"
        EDITOR = "editor", "Set by an editor"

    name = models.CharField(max_length=200)
    geonameid = models.BigIntegerField(null=True, blank=True, unique=True)
    latitude = models.FloatField(validators=[MinValueValidator(-90), MaxValueValidator(90)])
    longitude = models.FloatField(validators=[MinValueValidator(-180), MaxValueValidator(180)])
    country_code = models.CharField(max_length=2, blank=True, db_index=True)
    admin1 = models.CharField("region", max_length=200, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    population = models.BigIntegerField(default=0)
    origin = models.CharField(max_length=40, choices=Origin.choices, default=Origin.GAZETTEER)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["latitude", "longitude"])]

    def __str__(self) -> str:
        where = ", ".join(part for part in (self.admin1, self.country_code) if part)
        return f"{self.name} ({where})" if where else self.name


class OnlineGeocoderAnswer(models.Model):
    """What an online geocoder answered for one name, kept so that each name is asked once
    per deployment (mapapp/processing/online_places.py): the place it gave, or none."""

    service = models.CharField(max_length=40, help_text="The geocoder asked, e.g. nominatim.")
    query = models.CharField(max_length=300, help_text="The name asked: case and spacing ignored.")
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
        help_text="Empty means the geocoder knew no such place.",
    )
    asked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "query"], name="online_answer_unique_query"),
        ]

    def __str__(self) -> str:
        return f"{self.service}: {self.query} -> {self.place or 'not found'}"


class Mention(models.Model):
    """One occurrence of a place name in an article, with the passage around it."""

    class DatePrecision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        YEAR = "year", "Year"
        RANGE = "range", "Range"

    class DateSource(models.TextChoices):
        STATED = "stated", "Stated in the passage"
        INFERRED = "inferred", "Inferred from the article"
        PUBLISHED = "published", "Publication date"

    class Review(models.TextChoices):
        MACHINE = "machine", "Not reviewed"
        CONFIRMED = "confirmed", "Confirmed"
        CORRECTED = "corrected", "Corrected"
        REJECTED = "rejected", "Not a place"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )
    surface = models.CharField("text as written", max_length=300)
    start = models.PositiveIntegerField(help_text="Offset of the name in the article body.")
    end = models.PositiveIntegerField()
    passage = models.TextField()
    passage_start = models.PositiveIntegerField(help_text="Offset of the passage in the body.")
    confidence = models.FloatField(default=0.0)
    is_demonym = models.BooleanField(default=False)
    candidates = models.JSONField(default=list, blank=True)

    event_date = models.DateField(null=True, blank=True)
    event_date_end = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    date_source = models.CharField(
        max_length=10, choices=DateSource.choices, default=DateSource.PUBLISHED
    )
    date_expression = models.CharField(max_length=200, blank=True)

    review = models.CharField(
        max_length=10, choices=Review.choices, default=Review.MACHINE, db_index=True
    )

    class Meta:
        ordering = ["article_id", "start"]
        constraints = [
            models.UniqueConstraint(fields=["article", "start", "end"], name="mention_unique_span"),
        ]
        indexes = [
            models.Index(fields=["place", "event_date"]),
            models.Index(fields=["event_date"]),
        ]

    def __str__(self) -> str:
        return f"{self.surface} in {self.article_id}@{self.start}"

    @property
    def highlight(self) -> tuple[int, int]:
        """The name's span inside `passage`."""
        return self.start - self.passage_start, self.end - self.passage_start


class MapRevision(models.Model):
    """One row whose number goes up whenever what readers may see changes (an article,
    a place or a mention saved or deleted). Every web process compares it with the
    revision its in-memory map index was built from, so all processes stay current."""

    number = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"map revision {self.number}"


# --- The editor's desk (issue 6): decisions and rules that outlive re-processing ---------

class Rule(models.Model):
    """What a name means in future articles, set by an editor: "Tripoli in a story about
    Lebanon is the Lebanese city" (place set, context LB) or "Hammond is never a place"
    (no place, no context). Applied whenever an article is processed; an editor's
    decision on one article overrides it."""

    name = models.CharField(
        max_length=300, db_index=True, help_text="The name as matched: case and spacing ignored."
    )
    context_country = models.CharField(
        "in stories about", max_length=2, blank=True,
        help_text="Country code the story must name (through another place); blank: every story.",
    )
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.PROTECT, related_name="rules",
        help_text="Empty means the name is never a place.",
    )
    is_active = models.BooleanField(default=True)
    note = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "context_country"]
        constraints = [
            models.UniqueConstraint(fields=["name", "context_country"], name="rule_unique_context"),
        ]

    def __str__(self) -> str:
        where = f" in a story about {self.context_country}" if self.context_country else ""
        meaning = str(self.place) if self.place_id else "never a place"
        return f"{self.name}{where}: {meaning}"


class PlaceDecision(models.Model):
    """An editor's choice for every mention of one name in one article: a place (from the
    candidates or a point set on the map) or "not a place". Survives re-processing."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="decisions")
    name = models.CharField(
        max_length=300, help_text="The name as matched: case and spacing ignored."
    )
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions",
        help_text="Empty means the name is not a place in this article.",
    )
    machine_place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="What processing had chosen when the editor decided.",
    )
    rule = models.ForeignKey(
        Rule, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions",
        help_text="The rule saved together with this decision, if any.",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["article_id", "name"]
        constraints = [
            models.UniqueConstraint(fields=["article", "name"], name="decision_unique_name"),
        ]

    def __str__(self) -> str:
        meaning = str(self.place) if self.place_id else "not a place"
        return f"{self.name} in {self.article_id}: {meaning}"


class ReviewQueueEntry(Mention):
    """The admin's review queue: mentions that need a human first (see mapapp/review/queue.py)."""

    class Meta:
        proxy = True
        verbose_name = "review queue"
        verbose_name_plural = "review queue"


# Mentions are rebuilt by processing (bulk_create, no history); editors' changes to them
# are recorded. The passage and candidates never change after processing.
register_history(Mention, records_class=SaveHistory, excluded_fields=["passage", "candidates"])

# Events (issue 15) live with the events engine (mapapp/events/models.py), and the
# import's background jobs with the import code (mapapp/importing/models.py).
from mapapp.events.models import Event, EventPassage  # noqa: E402, F401
from mapapp.importing.models import ImportJob, ImportOutcome  # noqa: E402, F401
