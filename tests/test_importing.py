"""Bulk import: `manage.py import_articles` and the admin's upload page, on real files."""
import io
import json
import zipfile

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from mapapp.importing.jobs import import_job_run
from mapapp.models import Article, ImportJob
from tests.importing.helpers import sign_in_editor

pytestmark = pytest.mark.django_db

PAGE = """<html><head><title>Shelling hits Aleppo | Demo Times</title>
<meta property="og:title" content="Shelling hits Aleppo">
<meta property="og:site_name" content="Demo Times">
<meta name="date" content="2016-05-02">
<link rel="canonical" href="https://example.org/aleppo-shelling"></head>
<body><nav>Home | World | Sport</nav><article><h1>Shelling hits Aleppo</h1>
<p>Government forces shelled the eastern districts of Aleppo on Monday, residents said,
as fighting spread toward Idlib province and the roads west of the city.</p>
<p>Aid groups in Gaziantep said convoys had been held at the border for a third day.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>"""

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Demo Wire</title>
<item><title>Strikes near Hama</title><link>https://example.org/hama</link>
<pubDate>Tue, 06 Oct 2015 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Jets struck villages near Hama.&lt;/p&gt;
&lt;p&gt;Families fled to Idlib.&lt;/p&gt;</description></item>
<item><title>Undated clashes</title><link>https://example.org/deir</link>
<pubDate>sometime last week</pubDate><description>Clashes in Deir ez-Zor.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Demo Atom</title><entry><title>Kharkiv under fire</title>
<link href="https://example.org/kharkiv"/><updated>2022-03-01T06:00:00Z</updated>
<content type="html">&lt;p&gt;Russian artillery shelled Kharkiv overnight.&lt;/p&gt;</content></entry></feed>"""


def jsonl(*rows) -> str:
    return "\n".join(row if isinstance(row, str) else json.dumps(row) for row in rows) + "\n"


def run_import(*args) -> str:
    out = io.StringIO()
    call_command("import_articles", *map(str, args), "--no-progress", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_a_jsonl_file_is_imported_with_bad_lines_rejected_for_a_reason(tmp_path):
    source = tmp_path / "wire.jsonl"
    source.write_text(jsonl(
        {"title": "Shelling in Aleppo", "body": "Government forces shelled Aleppo on Monday.",
         "url": "https://example.org/1", "published_at": "2016-05-02T10:00:00Z", "source": "Wire"},
        {"title": "", "body": "A text about Homs with no title."},
        {"title": "A bad date", "body": "Fighting near Idlib.", "published_at": "2016-13-45"},
        "{not json",
        {"title": "Same words", "body": "government forces   SHELLED Aleppo on Monday."},
        {"title": "Same link", "body": "Another text about Mosul.", "url": "https://example.org/1"},
    ))
    output = run_import(source)
    assert "1 imported, 2 duplicates, 3 rejected" in output
    assert "line 2: missing title" in output
    assert "line 3: malformed date '2016-13-45'" in output
    assert "line 4: not valid JSON" in output
    article = Article.objects.get()
    assert (article.title, article.source, article.url) == (
        "Shelling in Aleppo", "Wire", "https://example.org/1")
    assert article.published_at.isoformat() == "2016-05-02T10:00:00+00:00"
    assert article.status == Article.Status.PENDING


def test_importing_the_same_file_again_only_finds_duplicates(tmp_path):
    source = tmp_path / "wire.jsonl"
    source.write_text(jsonl(
        {"title": "One", "body": "Shelling in Aleppo.", "url": "https://example.org/a"},
        {"title": "Two", "body": "Shelling in Homs."},
    ))
    assert "2 imported, 0 duplicates, 0 rejected" in run_import(source)
    again = run_import(source)
    assert "0 imported, 2 duplicates, 0 rejected" in again
    assert "same URL as article" in again and "same text as article" in again
    assert Article.objects.count() == 2


def test_a_csv_file_with_an_impossible_date_is_imported_row_by_row(tmp_path):
    source = tmp_path / "desk.csv"
    source.write_text(
        "title;body;published_at;url\n"
        'Kharkiv shelled;"Russian forces shelled Kharkiv overnight; two were hurt.";2022-03-01;\n'
        "Kyiv;Sirens in Kyiv.;2022-02-30;\n"
        ";Untitled text about Odesa.;2022-03-02;\n"
    )
    output = run_import(source)
    assert "1 imported, 0 duplicates, 2 rejected" in output
    assert "malformed date '2022-02-30'" in output and "missing title" in output
    assert Article.objects.get().body == "Russian forces shelled Kharkiv overnight; two were hurt."


def test_rss_and_atom_entries_become_articles_with_plain_text(tmp_path):
    (tmp_path / "wire.rss").write_text(RSS)
    (tmp_path / "desk.atom").write_text(ATOM)
    output = run_import(tmp_path / "wire.rss", tmp_path / "desk.atom")
    assert "wire.rss: 1 imported, 0 duplicates, 1 rejected" in output
    assert "entry 2: malformed date 'sometime last week'" in output
    assert "desk.atom: 1 imported" in output
    hama = Article.objects.get(url="https://example.org/hama")
    assert hama.source == "Demo Wire"
    assert hama.body == "Jets struck villages near Hama.\n\nFamilies fled to Idlib."
    assert hama.published_at.isoformat() == "2015-10-06T08:00:00+00:00"
    assert Article.objects.get(url="https://example.org/kharkiv").title == "Kharkiv under fire"


def test_a_folder_of_html_pages_keeps_the_article_text_and_drops_the_page_furniture(tmp_path):
    pages = tmp_path / "saved"
    (pages / "2016").mkdir(parents=True)
    (pages / "2016" / "aleppo.html").write_text(PAGE)
    (pages / "empty.html").write_text("<html><head><title>Nothing</title></head><body></body></html>")
    output = run_import(pages)
    assert "1 imported, 0 duplicates, 1 rejected" in output
    assert "empty.html: no article text found" in output
    article = Article.objects.get()
    assert article.title == "Shelling hits Aleppo"
    assert article.url == "https://example.org/aleppo-shelling"
    assert article.published_at.date().isoformat() == "2016-05-02"
    assert "eastern districts of Aleppo" in article.body
    assert "newsletter" not in article.body and "Sport" not in article.body


def test_an_unknown_file_type_or_missing_path_is_a_clear_error(tmp_path):
    (tmp_path / "notes.docx").write_text("x")
    with pytest.raises(CommandError, match="cannot tell the format"):
        run_import(tmp_path / "notes.docx")
    with pytest.raises(CommandError, match="no such file"):
        run_import(tmp_path / "missing.jsonl")


@pytest.fixture
def editor(client):
    return sign_in_editor(client)


def admin_import(client, upload):
    """Upload through the admin, run the queued job as the worker would, and return the
    job's page."""
    response = client.post(reverse("mapapp_article_import"), {"file": upload, "format": "auto"})
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert response["Location"] == reverse("admin:mapapp_importjob_change", args=[job.pk])
    assert job.status == ImportJob.Status.QUEUED
    import_job_run(job_id=job.pk)
    return client.get(response["Location"])


def test_the_admin_imports_an_uploaded_file_and_shows_the_summary(client, editor):
    upload = SimpleUploadedFile("wire.jsonl", jsonl(
        {"title": "Shelling in Aleppo", "body": "Government forces shelled Aleppo."},
        {"title": "", "body": "No title."},
    ).encode())
    response = admin_import(client, upload)
    assert response.status_code == 200
    page = response.content.decode()
    assert "1 imported, 0 duplicates, 1 rejected." in page
    assert "wire.jsonl line 2" in page and "missing title" in page
    assert Article.objects.get().created_by == editor


def test_the_admin_imports_a_zip_of_html_pages(client, editor):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("../../etc/aleppo.html", PAGE)
        zipped.writestr("readme.txt", "not a page")
    upload = SimpleUploadedFile("pages.zip", archive.getvalue())
    response = admin_import(client, upload)
    assert "1 imported, 0 duplicates, 0 rejected." in response.content.decode()
    assert Article.objects.get().title == "Shelling hits Aleppo"


def test_the_article_list_links_to_the_import_page(client, editor):
    response = client.get(reverse("admin:mapapp_article_changelist"))
    assert reverse("mapapp_article_import") in response.content.decode()


def test_staff_without_the_right_to_add_articles_cannot_import(client):
    user = User.objects.create_user("reader", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(user)
    assert client.get(reverse("mapapp_article_import")).status_code == 403
    assert reverse("mapapp_article_import") not in client.get(
        reverse("admin:mapapp_article_changelist")).content.decode()


def test_the_import_page_requires_signing_in(client):
    response = client.get(reverse("mapapp_article_import"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
