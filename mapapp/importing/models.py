"""An import that runs in the background (ImportJob) and the exact outcome of each of
its records (ImportOutcome), written in the same transaction as the articles they
describe, so the report never says more or less than what was saved."""
from django.conf import settings
from django.db import models


class ImportJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        READING = "reading", "Reading the file"
        SAVING = "saving", "Saving articles"
        DONE = "done", "Done"
        REFUSED = "refused", "Refused (nothing imported)"
        FAILED = "failed", "Failed"

    FINISHED = (Status.DONE, Status.REFUSED, Status.FAILED)

    file_name = models.CharField(max_length=255)
    format = models.CharField(max_length=12, default="auto")
    default_source = models.CharField(max_length=200, blank=True)
    # The uploaded file itself, so any worker on any host can read it; emptied once
    # the job has finished.
    upload = models.BinaryField(editable=False, default=bytes)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED,
                              db_index=True)
    error = models.TextField(blank=True, help_text="Why the whole file was refused, or failed.")
    records_total = models.PositiveIntegerField(null=True, blank=True)
    records_done = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "import"

    def __str__(self) -> str:
        return f"Import {self.pk}: {self.file_name}"

    @property
    def finished(self) -> bool:
        return self.status in self.FINISHED


class ImportOutcome(models.Model):
    class Outcome(models.TextChoices):
        IMPORTED = "imported", "Imported"
        DUPLICATE = "duplicate", "Duplicate"
        REJECTED = "rejected", "Rejected"

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="outcomes")
    position = models.PositiveIntegerField(help_text="The record's place in the file, from 0.")
    where = models.CharField(max_length=300)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, db_index=True)
    reason = models.CharField(max_length=500, blank=True)
    article = models.ForeignKey("mapapp.Article", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["job_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="import_outcome_unique_position"),
        ]
