"""Imports run in the background: an editor's upload becomes an ImportJob, a worker reads
and saves it, and the job keeps its progress and the exact outcome of every record.

A job is read whole before anything is saved (a file refused as a whole saves nothing),
then saved chunk by chunk; each chunk's articles, outcomes and counters commit in one
transaction, guarded by a conditional update on the job's position, so a job re-run
after its worker died resumes where the last commit ended and two runs of one job
never save a record twice."""
from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from mapapp.importing.limits import LIMITS, ImportRefused, size_text
from mapapp.importing.models import ImportJob, ImportOutcome
from mapapp.importing.service import DUPLICATE, IMPORTED, REJECTED, RecordOutcome, articles_import
from mapapp.importing.sources import read_source

logger = logging.getLogger(__name__)

IMPORT_TASK = "mapapp.tasks.run_import_job"
NOT_QUEUED_NOTE = "Not queued: the task queue was unreachable. Upload the file again later."
STORED_NAME = 100  # characters of an upload's name kept on disk while it is read


class JobOvertaken(Exception):
    """Another run of the same job committed this chunk first."""


def import_job_create(*, file_name: str, content: bytes, fmt: str = "auto",
                      default_source: str = "", created_by=None) -> ImportJob:
    """Record an upload as a queued job and queue it once the transaction commits. A
    file over the upload limit is refused at once (the job says so)."""
    job = ImportJob(file_name=storable(Path(file_name).name or "upload", 255), format=fmt,
                    default_source=default_source, created_by=created_by)
    if len(content) > LIMITS.upload_bytes:
        job.status = ImportJob.Status.REFUSED
        job.error = f"the file is larger than {size_text(LIMITS.upload_bytes)}"
        job.finished_at = timezone.now()
        job.save()
        return job
    job.upload = content
    job.save()
    transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _enqueue(job_id: int) -> None:
    # Sent by name, so that importing does not import mapapp.tasks (which imports it).
    from celery import current_app

    try:
        current_app.signature(IMPORT_TASK, args=(job_id,)).apply_async(
            retry=True, retry_policy={"max_retries": 2})
    except Exception:  # a broker failure must not turn the upload into a 500
        logger.warning("Could not queue import job %s", job_id, exc_info=True)
        ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.QUEUED).update(
            status=ImportJob.Status.FAILED, error=NOT_QUEUED_NOTE, finished_at=timezone.now())


def import_job_run(*, job_id: int) -> ImportJob | None:
    """Read and save the job's file; finish it as done (every record imported, a
    duplicate or rejected with its reason), refused (the file as a whole, with why:
    nothing saved) or failed (an unexpected error, the records saved so far reported).
    Runs again safely: a finished job is left alone, an interrupted one resumes."""
    active = [ImportJob.Status.QUEUED, ImportJob.Status.READING, ImportJob.Status.SAVING]
    claimed = ImportJob.objects.filter(pk=job_id, status__in=active).update(
        status=ImportJob.Status.READING, started_at=timezone.now())
    if not claimed:
        return ImportJob.objects.filter(pk=job_id).first()
    job = ImportJob.objects.get(pk=job_id)
    try:
        _read_and_save(job)
    except ImportRefused as exc:
        _finish(job, ImportJob.Status.REFUSED, str(exc))
    except JobOvertaken:
        logger.info("Import job %s is being run elsewhere; this run stops", job_id)
    except Exception as exc:  # reported on the job, never as a traceback to the editor
        logger.exception("Import job %s failed", job_id)
        _finish(job, ImportJob.Status.FAILED, f"unexpected error ({type(exc).__name__}: {exc})"[:1000])
    job.refresh_from_db()
    return job


def _read_and_save(job: ImportJob) -> None:
    with tempfile.TemporaryDirectory(prefix="conflictmap-import-") as workdir:
        path = Path(workdir) / _disk_name(job.file_name)
        path.write_bytes(bytes(job.upload))
        records = read_source(path, job.format)
    ImportJob.objects.filter(pk=job.pk).update(
        records_total=len(records), status=ImportJob.Status.SAVING)
    position = {"done": job.records_done}

    def record_chunk(outcomes: list[RecordOutcome]) -> None:
        counts = {kind: sum(o.outcome == kind for o in outcomes)
                  for kind in (IMPORTED, DUPLICATE, REJECTED)}
        moved = ImportJob.objects.filter(pk=job.pk, records_done=position["done"]).update(
            records_done=F("records_done") + len(outcomes),
            imported=F("imported") + counts[IMPORTED],
            duplicates=F("duplicates") + counts[DUPLICATE],
            rejected=F("rejected") + counts[REJECTED],
        )
        if not moved:
            raise JobOvertaken  # rolls this chunk back: the other run has saved it
        ImportOutcome.objects.bulk_create(ImportOutcome(
            job_id=job.pk, position=o.position, where=storable(o.where, 300), outcome=o.outcome,
            reason=storable(o.reason, 500), article_id=o.article_id) for o in outcomes)
        position["done"] += len(outcomes)

    articles_import(records, default_source=job.default_source, created_by=job.created_by,
                    on_chunk=record_chunk, start=job.records_done)
    _finish(job, ImportJob.Status.DONE, "")


def _finish(job: ImportJob, status: str, error: str) -> None:
    ImportJob.objects.filter(pk=job.pk).update(
        status=status, error=storable(error, 1000), finished_at=timezone.now(), upload=b"")


def _disk_name(file_name: str) -> str:
    """A name safe to create in the job's folder that keeps the upload's suffix (the
    format is told from it) and the start of its name (reports point at it)."""
    name = Path(storable(file_name, 255).replace("\\", "/")).name.strip(".") or "upload"
    if len(name.encode()) <= STORED_NAME:
        return name
    path = Path(name)
    stem = path.stem.encode()[:STORED_NAME].decode("utf-8", "ignore")
    return stem + path.suffix[:12]


def storable(text: str, length: int) -> str:
    """Text any database column takes: no NUL, no lone surrogate, at most `length`."""
    text = text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    return text if len(text) <= length else text[: length - 1] + "…"
