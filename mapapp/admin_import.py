"""The admin's "Import articles" page: upload a JSONL, CSV, RSS/Atom or HTML file (or a
zip of HTML pages) and get the same import and summary as `manage.py import_articles`."""
from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mapapp.importing import FORMATS, articles_import, read_source
from mapapp.importing.pages import PAGE_SUFFIXES
from mapapp.importing.sources import UnknownFormat, source_format

PERMISSION = "mapapp.add_article"
# A zip of pages may not unpack to more than this: a guard against zip bombs.
MAX_UNZIPPED_BYTES = 500 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(help_text="JSONL, CSV, RSS/Atom (.rss, .atom, .xml), an HTML page, "
                                     "or a .zip of HTML pages.")
    format = forms.ChoiceField(choices=[("auto", "From the file name"),
                                        *((name, name) for name in FORMATS)], initial="auto")
    source = forms.CharField(required=False, max_length=200,
                             help_text="Outlet name for records that do not name one.")


def article_import_view(request: HttpRequest) -> HttpResponse:
    """GET: the upload form. POST: import the file and show the summary."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    summary = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with tempfile.TemporaryDirectory(prefix="conflictmap-import-") as workdir:
            try:
                path, fmt = _stage(upload, Path(workdir), form.cleaned_data["format"])
                summary = articles_import(read_source(path, fmt),
                                          default_source=form.cleaned_data["source"],
                                          created_by=request.user)
            except (UnknownFormat, zipfile.BadZipFile, ValueError) as exc:
                form.add_error("file", str(exc))
        if summary is not None:
            messages.success(request, f"{summary.imported} imported, {len(summary.duplicates)} "
                                      f"duplicates, {len(summary.rejected)} rejected.")
    context = {
        **admin.site.each_context(request),
        "title": "Import articles",
        "opts": _article_opts(),
        "form": form,
        "summary": summary,
    }
    return render(request, "admin/mapapp/article/import.html", context)


def _stage(upload, workdir: Path, fmt: str) -> tuple[Path, str]:
    """Write the upload to disk (a zip unpacked into a folder of pages)."""
    name = Path(upload.name).name or "upload"
    target = workdir / name
    with target.open("wb") as handle:
        for piece in upload.chunks():
            handle.write(piece)
    if target.suffix.lower() == ".zip":
        return _unzip_pages(target, workdir / "pages"), "html"
    return target, source_format(target) if fmt == "auto" else fmt


def _unzip_pages(archive: Path, folder: Path) -> Path:
    folder.mkdir()
    with zipfile.ZipFile(archive) as zipped:
        pages = [m for m in zipped.infolist()
                 if not m.is_dir() and Path(m.filename).suffix.lower() in PAGE_SUFFIXES]
        if sum(m.file_size for m in pages) > MAX_UNZIPPED_BYTES:
            raise ValueError("the zip unpacks to more than 500 MB")
        for number, member in enumerate(pages):
            # Flattened names: a member can never be written outside the folder.
            (folder / f"{number:06d}-{Path(member.filename).name}").write_bytes(zipped.read(member))
    return folder


def _article_opts():
    from mapapp.models import Article

    return Article._meta
