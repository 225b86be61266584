"""Editors reshape events in the admin: retype and move through the form, merge, split
passages off, take passages out of every event; re-processing keeps each change."""
import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from mapapp.events.models import Event, EventPassage
from mapapp.models import Place
from tests.events.helpers import (
    PROTEST_KHARKIV_LATER,
    SHELLING_KHARKIV,
    SHELLING_KHARKIV_AGAIN,
    processed,
    reprocess,
)
from tests.review_support import make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    # A member of the Editors group, not a superuser: the group must hold what events need.
    client.force_login(make_editor())
    return client


def act(client, model: str, action: str, objects) -> None:
    response = client.post(reverse(f"admin:mapapp_{model}_changelist"),
                           {"action": action, ACTION_CHECKBOX_NAME: [o.pk for o in objects]})
    assert response.status_code == 302, response.content.decode()[:2000]


def test_the_event_list_filters_by_type(editor_client):
    processed(SHELLING_KHARKIV, source="Dnipro Daily")
    processed(PROTEST_KHARKIV_LATER, source="Dnipro Daily", day=14)

    page = editor_client.get(reverse("admin:mapapp_event_changelist"), {"event_type__exact": "protests"})

    assert page.status_code == 200
    assert page.context["cl"].result_count == 1


def change_form(client, event: Event, **fields) -> None:
    data = {"event_type": event.event_type, "place": event.place_id,
            "passages-TOTAL_FORMS": "0", "passages-INITIAL_FORMS": "0", **fields}
    response = client.post(reverse("admin:mapapp_event_change", args=[event.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_a_retype_in_the_form_sticks_across_reprocessing(editor_client):
    article = processed(SHELLING_KHARKIV, source="Dnipro Daily")
    event = Event.objects.get()

    change_form(editor_client, event, event_type="battles")
    reprocess(article)

    event.refresh_from_db()
    assert (event.event_type, event.edited) == ("battles", True)
    assert event.passages.count() == 1


def test_a_retype_action_sticks_across_reprocessing(editor_client):
    article = processed(SHELLING_KHARKIV, source="Dnipro Daily")

    act(editor_client, "event", "retype_riots", Event.objects.all())
    reprocess(article)

    assert list(Event.objects.values_list("event_type", flat=True)) == ["riots"]


def test_a_moved_event_stays_at_its_new_place(editor_client):
    article = processed(SHELLING_KHARKIV, source="Dnipro Daily")
    event = Event.objects.get()
    district = Place.objects.create(name="Saltivka", latitude=50.02, longitude=36.35, country_code="UA",
                                    admin1="Kharkiv Oblast", kind="city")

    change_form(editor_client, event, place=district.pk)
    reprocess(article)

    event.refresh_from_db()
    assert (event.place, event.event_type) == (district, "explosions_remote_violence")


def test_merged_events_stay_merged_after_reprocessing(editor_client):
    first = processed(SHELLING_KHARKIV, source="Dnipro Daily")
    processed(PROTEST_KHARKIV_LATER, source="Kharkiv Courier", day=14)
    assert Event.objects.count() == 2

    act(editor_client, "event", "merge", Event.objects.all())
    reprocess(first)

    event = Event.objects.get()
    assert (event.source_count, event.passage_count, event.edited) == (2, 2, True)


def test_a_split_off_passage_stays_in_its_own_event(editor_client):
    processed(SHELLING_KHARKIV, source="Dnipro Daily")
    second = processed(SHELLING_KHARKIV_AGAIN, source="Black Sea Monitor", day=10)
    event = Event.objects.get()
    passage = EventPassage.objects.get(article=second, event=event)

    act(editor_client, "eventpassage", "split_off", [passage])
    reprocess(second)

    assert Event.objects.count() == 2
    assert sorted(e.passages.count() for e in Event.objects.all()) == [1, 1]
    passage = EventPassage.objects.get(article=second, event__isnull=False)
    assert passage.event != event and passage.pinned


def test_a_passage_taken_out_of_every_event_stays_out(editor_client):
    article = processed(SHELLING_KHARKIV, source="Dnipro Daily")

    act(editor_client, "eventpassage", "not_an_event", EventPassage.objects.filter(is_event=True))
    reprocess(article)

    assert Event.objects.count() == 0
    assert EventPassage.objects.get(article=article, surface="Kharkiv").pinned
