"""The editors' side of events: list and filter them; retype or move one (its form),
merge several, split passages off into a new event, take passages out of every event.
Every change goes through mapapp/events/editing.py, so re-processing keeps it."""
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from mapapp.events.editing import (
    EventEditError,
    event_move,
    event_retype,
    event_split,
    events_merge,
    passages_not_event,
)
from mapapp.events.models import Event, EventPassage
from mapapp.events.taxonomy import EVENT_TYPES


class EventPassageInline(admin.TabularInline):
    model = EventPassage
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ("surface", "article", "score", "event_type", "event_date", "cues", "pinned")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


def _retype_action(value: str):
    def retype(modeladmin, request, queryset: QuerySet) -> None:
        for event in queryset:
            event_retype(event=event, event_type=value, user=request.user)
        modeladmin.message_user(request, f"{queryset.count()} events are now {EVENT_TYPES[value].label}.")

    retype.__name__ = f"retype_{value}"
    return admin.action(description=f"Retype as {EVENT_TYPES[value].label}",
                        permissions=["change"])(retype)


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "event_type", "place", "start", "precision", "source_count",
                    "passage_count", "edited")
    list_filter = ("event_type", "precision", "edited", "place__country_code")
    search_fields = ("place__name",)
    date_hierarchy = "start"
    raw_id_fields = ("place",)
    fields = ("event_type", "place", "start", "end", "precision", "first_reported", "source_count",
              "passage_count", "edited", "edited_by", "edited_at", "passages_link")
    readonly_fields = ("start", "end", "precision", "first_reported", "source_count", "passage_count",
                       "edited", "edited_by", "edited_at", "passages_link")
    inlines = (EventPassageInline,)
    actions = ("merge", *(_retype_action(value) for value in EVENT_TYPES))

    def has_add_permission(self, request) -> bool:
        return False  # events come from articles; an editor reshapes them

    @admin.display(description="Split or take out passages")
    def passages_link(self, obj: Event) -> str:
        url = reverse("admin:mapapp_eventpassage_changelist") + f"?event__id__exact={obj.pk}"
        return format_html('<a href="{}">Choose passages of this event</a>', url)

    def save_model(self, request, obj: Event, form, change: bool) -> None:
        """A changed type or place is the editor's from now on (editing services)."""
        if not change:
            super().save_model(request, obj, form, change)
            return
        if "event_type" in form.changed_data:
            event_retype(event=obj, event_type=obj.event_type, user=request.user)
        if "place" in form.changed_data:
            event_move(event=obj, place=obj.place, user=request.user)

    @admin.action(description="Merge the selected events into one", permissions=["change"])
    def merge(self, request, queryset: QuerySet) -> None:
        try:
            kept = events_merge(events=list(queryset), user=request.user)
        except EventEditError as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        self.message_user(request, f"Merged into {kept}.")


@admin.register(EventPassage)
class EventPassageAdmin(admin.ModelAdmin):
    list_display = ("surface", "article", "event", "is_event", "event_type", "score", "event_date", "pinned")
    list_filter = ("is_event", "event_type", "pinned")
    search_fields = ("surface", "article__title")
    list_select_related = ("article", "event", "event__place")
    readonly_fields = ("article", "start", "end", "surface", "place", "is_event", "score", "event_type",
                       "cues", "event_date", "event_date_end", "dated", "event", "pinned")
    actions = ("split_off", "not_an_event")

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description="Split the selected passages into a new event", permissions=["change"])
    def split_off(self, request, queryset: QuerySet) -> None:
        events = {p.event_id for p in queryset}
        if len(events) != 1 or None in events:
            self.message_user(request, "Choose passages of one event.", messages.ERROR)
            return
        event = Event.objects.get(pk=events.pop())
        try:
            new = event_split(event=event, passages=list(queryset), user=request.user)
        except EventEditError as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        self.message_user(request, f"Split off as a new event: {new}.")

    @admin.action(description="Not an event: take the selected passages out of every event",
                  permissions=["change"])
    def not_an_event(self, request, queryset: QuerySet) -> None:
        count = passages_not_event(passages=list(queryset), user=request.user)
        self.message_user(request, f"{count} passages are out of every event.")
