"""Building hostile import files, and importing them the way the admin does (an upload
becomes a job that a worker runs) or the way the command does."""
from __future__ import annotations

import io
import json
import zipfile

from django.contrib.auth.models import Permission, User
from django.core.management import call_command

from mapapp.importing.jobs import import_job_create, import_job_run
from mapapp.models import Article, ImportJob, ImportOutcome


def sign_in_editor(client) -> User:
    """Sign `client` in as a staff user who may add articles, so may import them."""
    user = User.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(
        codename__in=["add_article", "view_article", "change_article"]))
    client.force_login(user)
    return user


def jsonl(*rows) -> str:
    return "\n".join(row if isinstance(row, str) else json.dumps(row) for row in rows) + "\n"


def article(n: int, **fields) -> dict:
    return {"title": f"Report {n}", "body": f"Shelling reported in Aleppo, report number {n}.",
            **fields}


def zipped(members: dict[str, bytes | str], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", compression=compression) as bundle:
        for name, content in members.items():
            bundle.writestr(name, content)
    return archive.getvalue()


def run_job(file_name: str, content: bytes | str, **options) -> ImportJob:
    """Create the job as the upload page does and run it as the worker does."""
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    job = import_job_create(file_name=file_name, content=data, **options)
    return import_job_run(job_id=job.pk) or job


def outcomes(job: ImportJob) -> list[tuple[str, str, str]]:
    return list(ImportOutcome.objects.filter(job=job).values_list("where", "outcome", "reason"))


def run_command(*paths) -> str:
    out = io.StringIO()
    call_command("import_articles", *map(str, paths), "--no-progress", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def assert_report_is_exact(job: ImportJob, *, articles_before: int) -> None:
    """A finished job's counts add up, every record has one outcome (a reason when it
    was not imported), and the articles it reports are exactly the ones added."""
    job.refresh_from_db()
    assert job.status in (ImportJob.Status.DONE, ImportJob.Status.REFUSED), (job.status, job.error)
    rows = list(ImportOutcome.objects.filter(job=job).order_by("position"))
    if job.status == ImportJob.Status.REFUSED:
        assert job.error and not rows
        assert Article.objects.count() == articles_before
        return
    assert job.records_total == job.records_done == len(rows)
    assert [row.position for row in rows] == list(range(len(rows)))
    assert job.imported + job.duplicates + job.rejected == len(rows)
    assert sum(row.outcome == "imported" for row in rows) == job.imported
    assert all(row.reason for row in rows if row.outcome != "imported")
    imported_ids = {row.article_id for row in rows if row.outcome == "imported"}
    assert None not in imported_ids and len(imported_ids) == job.imported
    assert Article.objects.count() == articles_before + job.imported
    assert Article.objects.filter(pk__in=imported_ids).count() == job.imported
