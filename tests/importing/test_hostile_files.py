"""The hostile files of issue 11 (defects 5 and 6): zip bombs, nesting that exhausts the
stack, numbers and dates Python cannot hold, names the file system refuses, a NUL, an
unbalanced CSV quote. Each is refused or rejected with its reason, quickly, and never
costs another record its place."""
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError
from django.db import DataError
from django.urls import reverse

from mapapp.importing import service
from mapapp.importing.archives import read_zip
from mapapp.importing.limits import MB, ImportLimits, ImportRefused
from mapapp.importing.pages import page_record
from mapapp.models import Article, ImportJob, ImportOutcome
from tests.importing.helpers import (
    article,
    assert_report_is_exact,
    jsonl,
    outcomes,
    run_command,
    run_job,
    sign_in_editor,
    zipped,
)
from tests.test_importing import PAGE

pytestmark = pytest.mark.django_db

NESTED_DIVS = ("<div>" * 200 + "x" + "</div>" * 200)


@pytest.fixture
def editor(client):
    return sign_in_editor(client)


def admin_upload(client, name: str, content: bytes):
    """Upload through the admin's page, run the queued job as a worker would, and return
    the job and its page."""
    response = client.post(reverse("mapapp_article_import"),
                           {"file": SimpleUploadedFile(name, content), "format": "auto"})
    assert response.status_code == 302, response.status_code
    job = ImportJob.objects.latest("pk")
    from mapapp.importing.jobs import import_job_run

    import_job_run(job_id=job.pk)
    page = client.get(response["Location"])
    assert page.status_code == 200
    job.refresh_from_db()
    return job, page.content.decode()


# Defect 5: zip bombs


def test_a_small_zip_of_nested_divs_is_refused_in_seconds_not_minutes(client, editor):
    bomb = zipped({"story.html": "<html><body>" + NESTED_DIVS * 4500 + "</body></html>"})
    assert len(bomb) < 40_000  # the size of the 26 KB zip, unpacking to 10 MB
    started = time.monotonic()
    job, page = admin_upload(client, "pages.zip", bomb)
    assert time.monotonic() - started < 5
    assert job.status == ImportJob.Status.REFUSED
    assert "zip bomb" in job.error and "zip bomb" in page
    assert not Article.objects.exists()


def test_a_zip_that_unpacks_past_the_byte_limit_is_refused_whole(tmp_path):
    page = PAGE.replace("Aid groups", "Aid groups " + "and more aid groups " * 2000)
    archive = tmp_path / "pages.zip"
    archive.write_bytes(zipped({f"page{n}.html": page for n in range(30)}))
    with pytest.raises(ImportRefused, match="unpacks to more than 1 MB"):
        read_zip(archive, ImportLimits(unzipped_bytes=1 * MB))


def test_a_zip_with_too_many_members_is_refused(tmp_path):
    archive = tmp_path / "pages.zip"
    archive.write_bytes(zipped({f"p{n}.html": PAGE for n in range(11)}))
    with pytest.raises(ImportRefused, match="11 members, more than 10"):
        read_zip(archive, ImportLimits(zip_members=10))


def test_a_member_that_unpacks_to_more_than_its_header_says_is_rejected_alone(tmp_path):
    big = PAGE.replace("Aid groups", "Aid groups " + "near the border crossing " * 20_000)
    archive = tmp_path / "pages.zip"
    archive.write_bytes(zipped({"liar.html": big, "honest.html": PAGE}))
    # Rewrite the liar's declared size (local header and central directory) to 1,000 bytes.
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as bundle:
        liar = bundle.getinfo("liar.html")
    real = liar.file_size.to_bytes(4, "little")
    assert data.count(real) == 2
    data[:] = data.replace(real, (1000).to_bytes(4, "little"))
    archive.write_bytes(bytes(data))
    records = list(read_zip(archive))
    assert records[0].where == "liar.html"
    assert "damaged member" in records[0].reason or "unpacks to more than" in records[0].reason
    assert records[1].fields["title"] == "Shelling hits Aleppo"


def test_a_page_nested_too_deep_or_too_big_is_rejected_before_extraction():
    deep = ("<html><body>" + "<div>" * 150 + "Shelling in Aleppo." + "</div>" * 150 + "</body></html>")
    assert page_record(deep.encode(), where="deep.html").reason == "HTML nested deeper than 100 elements"
    crowded = "<html><body>" + "<p>Shelling in Aleppo.</p>" * 60_000 + "</body></html>"
    started = time.monotonic()
    assert page_record(crowded.encode(), where="crowded.html").reason == \
        "page has more than 50000 HTML elements"
    assert time.monotonic() - started < 3


def test_a_page_that_takes_longer_than_the_parse_time_limit_is_rejected():
    page = ("<html><body><article>" + "<p>Shelling in Aleppo, residents said.</p>" * 20_000
            + "</article></body></html>").encode()
    rejection = page_record(page, where="slow.html", limits=ImportLimits(seconds_per_file=0.05))
    assert rejection.reason == "slow.html took more than 0.05 s to parse"


# Defect 6: crashes and silent partial imports


def test_deeply_nested_json_is_rejected_and_every_other_line_imported(tmp_path):
    source = tmp_path / "wire.jsonl"
    source.write_text(jsonl(*(article(n) for n in range(250)),
                            '{"title": "Deep", "body": ' + "[" * 100_000 + "]" * 100_000 + "}",
                            *(article(n) for n in range(250, 255))))
    output = run_command(source)
    assert "255 imported, 0 duplicates, 1 rejected" in output
    assert "line 251: JSON nested deeper than 32 levels" in output
    assert Article.objects.count() == 255


def test_a_number_of_five_thousand_digits_is_rejected(tmp_path):
    source = tmp_path / "wire.jsonl"
    source.write_text(jsonl(article(1), '{"title": "Big", "body": "x", "count": ' + "9" * 5000 + "}",
                            article(2)))
    output = run_command(source)
    assert "2 imported, 0 duplicates, 1 rejected" in output
    assert "line 2: a number with more than 50 digits" in output


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:00:00-12:00",
                                    "0001-01-01"])
def test_a_date_at_the_ends_of_the_calendar_is_rejected_as_out_of_range(tmp_path, moment):
    source = tmp_path / "wire.jsonl"
    source.write_text(jsonl(article(1, published_at=moment), article(2)))
    output = run_command(source)
    assert "1 imported, 0 duplicates, 1 rejected" in output
    assert f"line 1: date out of range '{moment}'" in output


def test_a_zip_member_with_a_250_character_name_is_imported(client, editor):
    name = "saved/" + "a" * 240 + ".html"
    job, page = admin_upload(client, "pages.zip", zipped({name: PAGE}))
    assert (job.status, job.imported) == (ImportJob.Status.DONE, 1)
    assert "saved/aaaa" in page


def test_a_nul_character_costs_only_its_own_record(tmp_path):
    source = tmp_path / "wire.jsonl"
    source.write_text(jsonl(article(1), article(2), article(3, body="Shelling\u0000 in Homs."),
                            article(4), article(5)))
    output = run_command(source)
    assert "4 imported, 0 duplicates, 1 rejected" in output
    assert "line 3: body contains a NUL character" in output
    assert sorted(Article.objects.values_list("title", flat=True)) == [
        "Report 1", "Report 2", "Report 4", "Report 5"]


def test_a_lone_surrogate_is_rejected_not_a_crash(tmp_path):
    source = tmp_path / "wire.jsonl"
    source.write_text(jsonl(article(1, title="Aleppo \\ud800"), article(2)).replace("\\\\", "\\"))
    output = run_command(source)
    assert "1 imported, 0 duplicates, 1 rejected" in output
    assert "line 1: title is not valid Unicode" in output


def test_an_unbalanced_csv_quote_refuses_the_file_with_the_reason(tmp_path):
    source = tmp_path / "desk.csv"
    source.write_text(
        "title,body,url\n"
        'Aleppo,"Shelling in Aleppo,https://example.org/1\n'
        "Homs,Shelling in Homs,https://example.org/2\n"
        "Hama,Shelling in Hama,https://example.org/3\n"
        "Idlib,Shelling in Idlib,https://example.org/4\n"
        'Raqqa,"Shelling in Raqqa",https://example.org/5\n'
    )
    with pytest.raises(CommandError, match="1 of 1 files refused"):
        run_command(source)
    assert not Article.objects.exists()
    job = run_job("desk.csv", source.read_bytes())
    assert job.status == ImportJob.Status.REFUSED
    assert "row starting at line 2" in job.error and "quote is probably unbalanced" in job.error


def test_the_admin_reports_hostile_lines_on_the_job_page_never_a_500(client, editor):
    content = jsonl(*(article(n) for n in range(200)),
                    "[" * 50_000 + "]" * 50_000,
                    '{"title": 1' + "0" * 5000 + ', "body": "x"}',
                    article(900, published_at="0001-01-01T00:00:00+14:00"),
                    article(901, body="NUL \u0000 here"))
    job, page = admin_upload(client, "wire.jsonl", content.encode())
    assert (job.status, job.imported, job.rejected) == (ImportJob.Status.DONE, 200, 4)
    assert "200 imported, 0 duplicates, 4 rejected." in page
    for reason in ("JSON nested deeper", "more than 50 digits", "date out of range",
                   "body contains a NUL character"):
        assert reason in page


# Every record saved or rejected, exactly once


def test_an_import_interrupted_mid_file_resumes_where_its_last_commit_ended(monkeypatch):
    content = jsonl(*(article(n) for n in range(450)))
    real_bulk_create = ImportOutcome.objects.bulk_create
    chunks = []

    class WorkerKilled(BaseException):
        pass

    def killed_in_the_second_chunk(objs, *args, **kwargs):
        chunks.append(1)
        if len(chunks) == 2:
            raise WorkerKilled
        return real_bulk_create(objs, *args, **kwargs)

    monkeypatch.setattr(ImportOutcome.objects, "bulk_create", killed_in_the_second_chunk)
    with pytest.raises(WorkerKilled):
        run_job("wire.jsonl", content)
    job = ImportJob.objects.get()
    assert (job.status, job.records_done, job.imported) == (ImportJob.Status.SAVING, 200, 200)
    assert Article.objects.count() == 200  # the second chunk rolled back with its report
    monkeypatch.undo()
    from mapapp.importing.jobs import import_job_run

    import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.imported, job.duplicates) == (ImportJob.Status.DONE, 450, 0)
    assert_report_is_exact(job, articles_before=0)
    assert ImportJob.objects.get().upload == b""


def test_a_record_the_database_refuses_is_rejected_and_its_chunk_mates_kept(monkeypatch):
    real_save = Article.save

    def refuse_report_3(self, *args, **kwargs):
        if self.title == "Report 3":
            raise DataError("value too long for type character varying(200)")
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Article, "save", refuse_report_3)
    job = run_job("wire.jsonl", jsonl(*(article(n) for n in range(1, 6))))
    assert (job.imported, job.rejected) == (4, 1)
    assert ("wire.jsonl line 3", "rejected",
            "refused by the database (DataError: value too long for type character varying(200))"
            ) in outcomes(job)
    assert_report_is_exact(job, articles_before=0)


def test_a_run_overtaken_by_another_run_of_the_same_job_saves_nothing_twice(monkeypatch):
    job = ImportJob.objects.create(file_name="wire.jsonl", upload=jsonl(article(1)).encode())
    real_import = service.articles_import

    def another_run_committed_first(records, **kwargs):
        ImportJob.objects.filter(pk=job.pk).update(records_done=1)
        return real_import(records, **kwargs)

    monkeypatch.setattr("mapapp.importing.jobs.articles_import", another_run_committed_first)
    from mapapp.importing.jobs import import_job_run

    import_job_run(job_id=job.pk)
    assert not Article.objects.exists() and not ImportOutcome.objects.exists()


def test_a_zip_whose_pages_together_take_too_long_is_refused(tmp_path):
    archive = tmp_path / "pages.zip"
    archive.write_bytes(zipped({f"page{n}.html": PAGE.replace("Aleppo", f"Aleppo {n}") for n in range(5)}))
    with pytest.raises(ImportRefused, match="reading the zip's pages took more than 0 s"):
        read_zip(archive, ImportLimits(seconds_per_import=0))
