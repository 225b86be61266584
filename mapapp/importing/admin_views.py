"""The admin's "Import articles" page: upload a JSONL, CSV, RSS/Atom or HTML file (or a
zip of HTML pages); a background worker imports it while the import's page shows its
progress, then exactly which records were saved and which were rejected and why."""
from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse

from mapapp.importing.jobs import import_job_create
from mapapp.importing.limits import LIMITS, size_text
from mapapp.importing.models import ImportJob, ImportOutcome
from mapapp.importing.sources import FORMATS

PERMISSION = "mapapp.add_article"
SHOWN_OUTCOMES = 2000  # per kind on the job's page; the counts are always complete


class ImportForm(forms.Form):
    file = forms.FileField(help_text="JSONL, CSV, RSS/Atom (.rss, .atom, .xml), an HTML page, "
                                     f"or a .zip of HTML pages; at most {size_text(LIMITS.upload_bytes)}.")
    format = forms.ChoiceField(choices=[("auto", "From the file name"),
                                        *((name, name) for name in FORMATS)], initial="auto")
    source = forms.CharField(required=False, max_length=200,
                             help_text="Outlet name for records that do not name one.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > LIMITS.upload_bytes:
            raise forms.ValidationError(f"The file is larger than {size_text(LIMITS.upload_bytes)}.")
        return upload


def article_import_view(request: HttpRequest) -> HttpResponse:
    """GET: the upload form and the latest imports. POST: queue the file's import and
    go to its page."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = import_job_create(
            file_name=upload.name or "upload", content=b"".join(upload.chunks()),
            fmt=form.cleaned_data["format"], default_source=form.cleaned_data["source"],
            created_by=request.user)
        return HttpResponseRedirect(reverse("admin:mapapp_importjob_change", args=[job.pk]))
    context = {
        **admin.site.each_context(request),
        "title": "Import articles",
        "opts": _article_opts(),
        "form": form,
        "recent_jobs": ImportJob.objects.defer("upload")[:10],
    }
    return render(request, "admin/mapapp/article/import.html", context)


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """Imports are made by uploading (the article list's Import button), never edited;
    anyone who may import may follow them."""

    list_display = ("file_name", "status", "records_done", "records_total", "imported",
                    "duplicates", "rejected", "created_by", "created_at")
    list_filter = ("status",)

    def get_queryset(self, request):
        return super().get_queryset(request).defer("upload")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.has_perm(PERMISSION) or super().has_view_permission(request, obj)

    def has_module_permission(self, request) -> bool:
        return self.has_view_permission(request)

    def get_urls(self):
        own = [path("<int:object_id>/progress/", self.admin_site.admin_view(self.progress_view),
                    name="mapapp_importjob_progress")]
        return own + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The import's page: progress while it runs, then its exact report."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        job = get_object_or_404(ImportJob.objects.defer("upload"), pk=object_id)
        outcomes = {kind: ImportOutcome.objects.filter(job=job, outcome=kind)
                    .select_related(None)[:SHOWN_OUTCOMES]
                    for kind in ImportOutcome.Outcome.values}
        context = {
            **self.admin_site.each_context(request),
            "title": f"Import of {job.file_name}",
            "opts": _article_opts(),
            "job": job,
            "outcomes": outcomes,
            "shown_outcomes": SHOWN_OUTCOMES,
        }
        return render(request, "admin/mapapp/article/import_job.html", context)

    def progress_view(self, request, object_id):
        """The job's progress as JSON, for scripts and monitoring."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        job = get_object_or_404(ImportJob.objects.defer("upload"), pk=object_id)
        return JsonResponse({
            "status": job.status, "records_total": job.records_total,
            "records_done": job.records_done, "imported": job.imported,
            "duplicates": job.duplicates, "rejected": job.rejected, "error": job.error,
        })


def _article_opts():
    from mapapp.models import Article

    return Article._meta
