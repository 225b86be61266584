"""The editors' side: articles with their processing status and mentions."""
from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from mapapp import services
from mapapp.models import Article, Mention, Place
from mapapp.queueing import article_enqueue_on_commit


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ("surface", "passage", "place", "confidence", "is_demonym", "event_date", "review")
    readonly_fields = ("surface", "passage", "place", "confidence", "is_demonym", "event_date")
    ordering = ("start",)

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = (
        "title", "source", "published_at", "publication", "status_badge", "mention_count",
    )
    list_filter = ("publication", "status", "source")
    search_fields = ("title", "source", "url")
    date_hierarchy = "published_at"
    readonly_fields = (
        "status", "last_error", "attempts", "status_changed_at", "processing_started_at",
        "processed_at", "content_hash", "created_at", "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("title", "source", "url", "published_at", "publication", "body")}),
        ("Processing", {"fields": readonly_fields}),
    )
    inlines = [MentionInline]
    actions = ["reprocess"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_mentions=Count("mentions"))

    @admin.display(description="Mentions", ordering="_mentions")
    def mention_count(self, obj: Article) -> int:
        return obj._mentions

    @admin.display(description="Status", ordering="status")
    def status_badge(self, obj: Article) -> str:
        if obj.status == Article.Status.FAILED:
            return format_html('<span title="{}">failed: {}</span>', obj.last_error,
                               obj.last_error[:80])
        return obj.get_status_display()

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description="Re-process the selected articles")
    def reprocess(self, request, queryset) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        services.articles_reset_for_processing(article_ids=ids)
        for article_id in ids:
            article_enqueue_on_commit(article_id=article_id)
        self.message_user(request, f"{len(ids)} article(s) queued for processing.",
                          messages.SUCCESS)


@admin.register(Place)
class PlaceAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "admin1", "country_code", "latitude", "longitude",
                    "geonameid", "origin")
    list_filter = ("kind", "origin", "country_code")
    search_fields = ("name", "admin1", "=geonameid")


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ("surface", "place", "article", "confidence", "event_date", "review")
    list_filter = ("review", "is_demonym", "date_precision")
    search_fields = ("surface", "passage", "article__title")
    raw_id_fields = ("article", "place")
    readonly_fields = ("article", "surface", "start", "end", "passage", "passage_start",
                       "candidates")
