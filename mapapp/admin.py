"""The editors' side: articles with their processing status and mentions, the review
queue, publishing, decisions and rules, each with its history (who, when, what)."""
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from mapapp.geoparsing.normalize import folded_name
from mapapp.models import Article, Mention, Place, PlaceDecision, ReviewQueueEntry, Rule
from mapapp.processing import service
from mapapp.processing.submit import article_save, articles_submit
from mapapp.review import admin_views, roles
from mapapp.review.decisions import decision_from_mention_edit
from mapapp.review.propagation import articles_reapply, name_reapply, reapply_note, rule_changed_names
from mapapp.review.publishing import articles_set_publication
from mapapp.review.queue import names_waiting


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
        "title", "source", "published_at", "publication_badge", "status_badge",
        "mention_count",
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
    inlines = (MentionInline,)
    actions = ("reprocess", "publish", "retract")

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/review/",
                 view(lambda request, object_id: admin_views.article_review_page(
                     self.admin_site, request, object_id)),
                 name="mapapp_article_review"),
            path("<path:object_id>/publication/", view(self.publication_view),
                 name="mapapp_article_publication"),
            *super().get_urls(),
        ]

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm(roles.PUBLISH_PERMISSION)

    def get_readonly_fields(self, request, obj=None):
        # Publishing is a right of its own: without it the form cannot publish either.
        fields = tuple(super().get_readonly_fields(request, obj))
        return fields if self.has_publish_permission(request) else (*fields, "publication")

    @admin.display(description="Publication", ordering="publication")
    def publication_badge(self, obj: Article) -> str:
        if obj.publication == Article.Publication.RETRACTED:
            return format_html('<strong class="retracted">{}</strong>',
                               "Retracted: hidden from the map")
        return obj.get_publication_display()

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        if object_id is not None:
            article = self.get_object(request, object_id)
            if article is not None:
                extra_context["review_waiting"] = _names_waiting(article)
                extra_context["can_publish"] = self.has_publish_permission(request)
                extra_context["can_review"] = admin_views.can_review(request.user)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def publication_view(self, request, object_id: str):
        """POST publication=published|retracted|draft from the article page's buttons."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_publish_permission(request):
            raise PermissionDenied
        article = admin_views.article_or_404(object_id)
        target = request.POST.get("publication", "")
        if target not in Article.Publication.values:
            self.message_user(request, "Unknown publication state.", messages.ERROR)
        else:
            self._report_publication(request, [article], target)
        here = reverse("admin:mapapp_article_change", args=[article.pk])
        return HttpResponseRedirect(admin_views.next_url(request, here))

    @admin.action(description="Publish the selected articles", permissions=["publish"])
    def publish(self, request, queryset) -> None:
        self._report_publication(request, queryset, Article.Publication.PUBLISHED)

    @admin.action(description="Retract the selected articles", permissions=["publish"])
    def retract(self, request, queryset) -> None:
        self._report_publication(request, queryset, Article.Publication.RETRACTED)

    def _report_publication(self, request, articles, target: str) -> None:
        changed = articles_set_publication(articles=articles, publication=target,
                                           user=request.user)
        if target == Article.Publication.PUBLISHED:
            waiting = sum(names_waiting(article_ids=[a.pk for a in changed]).values())
            note = f"{len(changed)} article(s) published: readers see them on the map now."
            if waiting:
                note += f" {waiting} name(s) still wait in the review queue."
        elif target == Article.Publication.RETRACTED:
            note = (f"{len(changed)} article(s) retracted: they no longer appear on the "
                    "public map, the API or exports.")
        else:
            note = f"{len(changed)} article(s) back to draft: hidden from readers."
        self.message_user(request, note, messages.SUCCESS)

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
        article_save(article=obj)

    def save_formset(self, request, form, formset, change: bool) -> None:
        super().save_formset(request, form, formset, change)
        if formset.model is Mention:
            # A review set in the inline is a decision for that name (see decisions.py).
            for inline_form in formset.forms:
                if inline_form.instance.pk and inline_form.has_changed():
                    decision_from_mention_edit(mention=inline_form.instance,
                                               changed=set(inline_form.changed_data),
                                               user=request.user)

    @admin.action(description="Re-process the selected articles")
    def reprocess(self, request, queryset) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        service.articles_reset_for_processing(article_ids=ids)
        articles_submit(article_ids=ids)
        self.message_user(request, f"{len(ids)} article(s) queued for processing.",
                          messages.SUCCESS)


@admin.register(Place)
class PlaceAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "admin1", "country_code", "latitude", "longitude",
                    "geonameid", "origin")
    list_filter = ("kind", "origin", "country_code")
    search_fields = ("name", "admin1", "=geonameid")


@admin.register(Mention)
class MentionAdmin(SimpleHistoryAdmin):
    list_display = ("surface", "place", "article", "confidence", "event_date", "review")
    list_filter = ("review", "is_demonym", "date_precision")
    search_fields = ("surface", "passage", "article__title")
    raw_id_fields = ("article", "place")
    readonly_fields = ("article", "surface", "start", "end", "passage", "passage_start",
                       "candidates")

    def save_model(self, request, obj: Mention, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change:
            decision_from_mention_edit(mention=obj, changed=set(form.changed_data),
                                       user=request.user)


def _names_waiting(article: Article) -> int:
    return names_waiting(article_ids=[article.pk]).get(article.pk, 0)


@admin.register(ReviewQueueEntry)
class ReviewQueueAdmin(admin.ModelAdmin):
    """The admin index entry "Review queue": names that need a human, across articles."""

    def has_module_permission(self, request) -> bool:
        return admin_views.can_review(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return admin_views.can_review(request.user)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("", view(lambda request: admin_views.queue_page(self.admin_site, request)),
                 name="mapapp_reviewqueueentry_changelist"),
            path("audit/", view(lambda request: admin_views.audit_page(self.admin_site, request)),
                 name="mapapp_audit"),
            path("place-search/", view(admin_views.place_search), name="mapapp_place_search"),
        ]


@admin.register(PlaceDecision)
class PlaceDecisionAdmin(SimpleHistoryAdmin):
    list_display = ("name", "article", "place", "machine_place", "rule", "decided_by",
                    "decided_at")
    list_filter = (("place", admin.EmptyFieldListFilter),)
    search_fields = ("name", "article__title")
    raw_id_fields = ("article", "place", "machine_place", "rule")
    readonly_fields = ("machine_place", "decided_by", "decided_at")

    def save_model(self, request, obj: PlaceDecision, form, change: bool) -> None:
        obj.decided_by = request.user
        super().save_model(request, obj, form, change)
        # The mentions follow once the article is re-processed (issue 13).
        articles = {obj.article_id, form.initial.get("article") or obj.article_id}
        messages.info(request, reapply_note(articles_reapply(article_ids=sorted(articles))))

    def delete_model(self, request, obj: PlaceDecision) -> None:
        super().delete_model(request, obj)
        _reprocess_after_undo(request, [obj.article_id])

    def delete_queryset(self, request, queryset) -> None:
        article_ids = sorted(set(queryset.values_list("article_id", flat=True)))
        super().delete_queryset(request, queryset)
        _reprocess_after_undo(request, article_ids)


def _reprocess_after_undo(request, article_ids: list[int]) -> None:
    """A deleted decision no longer holds the mentions: re-process so the machine's
    choice (or a rule) takes over again."""
    service.articles_reset_for_processing(article_ids=article_ids)
    articles_submit(article_ids=article_ids)
    messages.info(request, f"{len(article_ids)} article(s) queued for re-processing without "
                           "the deleted decision(s).")


@admin.register(Rule)
class RuleAdmin(SimpleHistoryAdmin):
    list_display = ("name", "context_country", "meaning", "is_active", "created_by",
                    "updated_at")
    list_filter = ("is_active", "context_country")
    search_fields = ("name", "note")
    raw_id_fields = ("place",)
    readonly_fields = ("created_by", "created_at", "updated_at")

    @admin.display(description="Means")
    def meaning(self, obj: Rule) -> str:
        return str(obj.place) if obj.place_id else "never a place"

    def save_model(self, request, obj: Rule, form, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        obj.name = folded_name(obj.name)
        super().save_model(request, obj, form, change)
        # Articles processed before the change follow it in the background (issue 13).
        names = rule_changed_names(old_name=form.initial.get("name"), new_name=obj.name,
                                   changed=form.changed_data if change else ["name"])
        if names:
            messages.info(request, reapply_note(name_reapply(names=names)))

    def delete_model(self, request, obj: Rule) -> None:
        super().delete_model(request, obj)
        messages.info(request, reapply_note(name_reapply(names=[obj.name])))

    def delete_queryset(self, request, queryset) -> None:
        names = set(queryset.values_list("name", flat=True))
        super().delete_queryset(request, queryset)
        messages.info(request, reapply_note(name_reapply(names=names)))


# Events (issue 15) have their admin with the events engine.
import mapapp.events.admin  # noqa: E402, F401
