"""The admin's import as a background job: queued on upload, run by a real worker,
followed on its page while it runs, and never a 500 when the queue is down."""
import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mapapp import tasks
from mapapp.importing.jobs import NOT_QUEUED_NOTE
from mapapp.importing.limits import ImportLimits
from mapapp.models import Article, ImportJob
from tests.conftest import wait_until
from tests.importing.helpers import article, assert_report_is_exact, jsonl, sign_in_editor


def upload(client, name: str, content: str):
    return client.post(reverse("mapapp_article_import"),
                       {"file": SimpleUploadedFile(name, content.encode()), "format": "auto"})


@pytest.mark.django_db(transaction=True)
def test_an_upload_is_imported_by_a_real_worker_in_the_background(client, celery_worker_process):
    sign_in_editor(client)
    response = upload(client, "wire.jsonl", jsonl(*(article(n) for n in range(30)), "{broken"))
    assert response.status_code == 302
    job = ImportJob.objects.get()
    wait_until(lambda: ImportJob.objects.get(pk=job.pk).finished, timeout=60,
               message="the worker did not finish the import")
    assert_report_is_exact(job, articles_before=0)
    assert (job.status, job.imported, job.rejected) == (ImportJob.Status.DONE, 30, 1)
    page = client.get(response["Location"]).content.decode()
    assert "30 imported, 0 duplicates, 1 rejected." in page and "wire.jsonl line 31" in page
    # The imported articles were submitted for processing as they were saved.
    wait_until(lambda: not Article.objects.exclude(status=Article.Status.DONE).exists(), timeout=60,
               message="the imported articles were not processed")


@pytest.mark.django_db
def test_the_job_page_shows_progress_while_the_import_waits_or_runs(client):
    sign_in_editor(client)
    response = upload(client, "wire.jsonl", jsonl(article(1)))
    page = client.get(response["Location"]).content.decode()
    assert "Queued" in page and '<meta http-equiv="refresh"' in page
    job = ImportJob.objects.get()
    progress = client.get(reverse("admin:mapapp_importjob_progress", args=[job.pk])).json()
    assert progress == {"status": "queued", "records_total": None, "records_done": 0, "imported": 0,
                        "duplicates": 0, "rejected": 0, "error": ""}
    tasks.run_import_job(job.pk)
    page = client.get(response["Location"]).content.decode()
    assert "Done" in page and "refresh" not in page
    assert client.get(reverse("mapapp_article_import")).content.decode().count("wire.jsonl") == 1
    imports = client.get(reverse("admin:mapapp_importjob_changelist"))
    assert imports.status_code == 200 and "wire.jsonl" in imports.content.decode()


@pytest.mark.django_db
def test_an_unreachable_task_queue_is_said_on_the_job_not_a_500(client, monkeypatch,
                                                                 django_capture_on_commit_callbacks):
    sign_in_editor(client)

    def broker_down(*args, **kwargs):
        raise ConnectionRefusedError("broker down")

    monkeypatch.setattr(tasks.run_import_job, "apply_async", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, "wire.jsonl", jsonl(article(1)))
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert (job.status, job.error) == (ImportJob.Status.FAILED, NOT_QUEUED_NOTE)
    assert NOT_QUEUED_NOTE in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_a_file_over_the_upload_limit_is_refused_by_the_form(client, monkeypatch):
    sign_in_editor(client)
    monkeypatch.setattr("mapapp.importing.admin_views.LIMITS", ImportLimits(upload_bytes=100))
    response = upload(client, "wire.jsonl", jsonl(*(article(n) for n in range(10))))
    assert response.status_code == 200
    assert "The file is larger than 100 bytes." in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_staff_without_the_right_to_import_cannot_see_imports(client):
    user = User.objects.create_user("reader", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(user)
    job = ImportJob.objects.create(file_name="wire.jsonl")
    assert client.get(reverse("admin:mapapp_importjob_change", args=[job.pk])).status_code == 403
    assert client.get(reverse("admin:mapapp_importjob_progress", args=[job.pk])).status_code == 403
