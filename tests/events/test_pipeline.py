"""Processing an article judges its place mentions and builds events; re-processing
gives the same events and keeps what an editor changed."""
import datetime as dt

import pytest

from mapapp.events.editing import event_retype
from mapapp.events.models import Event, EventPassage
from mapapp.events.services import merged_windows
from mapapp.models import Place
from mapapp.review.decisions import decision_record
from tests.events.helpers import (
    PROTEST_KHARKIV_LATER,
    SHELLING_KHARKIV,
    SHELLING_KHARKIV_AGAIN,
    processed,
    reprocess,
)
from tests.review_support import make_editor

pytestmark = pytest.mark.django_db


def test_an_article_about_a_strike_gives_an_event_at_the_town_and_none_at_the_capital():
    article = processed(SHELLING_KHARKIV, source="Dnipro Daily")

    judged = {p.surface: p for p in EventPassage.objects.filter(article=article)}
    assert judged["Kharkiv"].is_event
    assert judged["Kharkiv"].event_type == "explosions_remote_violence"
    assert not judged["Moscow"].is_event
    event = Event.objects.get()
    assert event.place.name == "Kharkiv"
    assert event.start == dt.date(2024, 4, 9)
    assert (event.source_count, event.passage_count) == (1, 1)


def test_two_outlets_reporting_one_strike_make_one_event_with_two_sources():
    processed(SHELLING_KHARKIV, source="Dnipro Daily")
    processed(SHELLING_KHARKIV_AGAIN, source="Black Sea Monitor", day=10)

    event = Event.objects.get()
    assert event.source_count == 2
    assert event.passages.count() == 2


def test_deleting_a_report_recounts_its_event_and_the_last_report_takes_the_event_with_it():
    first = processed(SHELLING_KHARKIV, source="Dnipro Daily")
    second = processed(SHELLING_KHARKIV_AGAIN, source="Black Sea Monitor", day=10)
    event = Event.objects.get()

    second.delete()
    event.refresh_from_db()
    assert (event.source_count, event.passages.count()) == (1, 1)

    first.delete()
    assert not Event.objects.exists()


def test_the_same_town_on_another_day_with_another_type_is_another_event():
    processed(SHELLING_KHARKIV, source="Dnipro Daily")
    processed(PROTEST_KHARKIV_LATER, source="Dnipro Daily", day=14)

    assert sorted(Event.objects.values_list("event_type", "start")) == [
        ("explosions_remote_violence", dt.date(2024, 4, 9)), ("protests", dt.date(2024, 4, 13))]


def test_reprocessing_keeps_the_events_and_their_ids():
    article = processed(SHELLING_KHARKIV, source="Dnipro Daily")
    before = list(Event.objects.values_list("pk", "event_type", "place_id"))

    reprocess(article)

    assert list(Event.objects.values_list("pk", "event_type", "place_id")) == before
    assert EventPassage.objects.filter(article=article, event__isnull=False).count() == 1


def test_reprocessing_keeps_the_editors_retype():
    article = processed(SHELLING_KHARKIV, source="Dnipro Daily")
    event = Event.objects.get()
    event_retype(event=event, event_type="violence_against_civilians", user=make_editor())

    reprocess(article)

    event.refresh_from_db()
    assert event.event_type == "violence_against_civilians"
    assert event.edited
    assert event.passages.count() == 1
    assert Event.objects.count() == 1


def test_a_new_report_of_an_edited_event_joins_it():
    processed(SHELLING_KHARKIV, source="Dnipro Daily")
    event = Event.objects.get()
    event_retype(event=event, event_type="battles", user=make_editor())
    processed(SHELLING_KHARKIV_AGAIN.replace("missile attack", "battle"), source="Black Sea Monitor", day=10)

    event.refresh_from_db()
    assert (event.event_type, event.source_count) == ("battles", 2)


def test_regrouping_reads_only_the_days_around_a_batchs_events_merged_per_country():
    week = dt.timedelta(days=7)
    windows = [("UA", dt.date(2024, 4, 9), dt.date(2024, 4, 9)), ("UA", dt.date(2024, 4, 12), dt.date(2024, 4, 12)),
               ("UA", dt.date(2024, 9, 1), dt.date(2024, 9, 1)), ("SD", dt.date(2024, 4, 9), dt.date(2024, 4, 10))]

    assert merged_windows(windows, margin=week) == [
        ("SD", dt.date(2024, 4, 2), dt.date(2024, 4, 17)),
        ("UA", dt.date(2024, 4, 2), dt.date(2024, 4, 19)),
        ("UA", dt.date(2024, 8, 25), dt.date(2024, 9, 8)),
    ]


def test_a_draft_is_judged_and_grouped_too():
    article = processed(SHELLING_KHARKIV, source="Dnipro Daily", published=False)

    kharkiv = EventPassage.objects.get(article=article, surface="Kharkiv")
    assert kharkiv.is_event and kharkiv.event is not None
    assert kharkiv.cues


def test_a_name_the_editor_said_is_no_place_makes_no_event_after_reprocessing():
    article = processed(SHELLING_KHARKIV, source="Dnipro Daily")
    decision_record(article=article, name="Kharkiv", place=None, user=make_editor())

    reprocess(article)

    assert not EventPassage.objects.filter(article=article, surface="Kharkiv").exists()
    assert not Event.objects.exists()


def test_an_editors_decision_moves_or_removes_the_event_at_once():
    article = processed(SHELLING_KHARKIV, source="Dnipro Daily")
    editor = make_editor()
    elsewhere = Place.objects.create(name="Kharkiv (as the editor set it)", latitude=49.9, longitude=36.4,
                                     country_code="UA", kind="city")

    decision_record(article=article, name="Kharkiv", place=elsewhere, user=editor)
    assert Event.objects.get().place == elsewhere

    decision_record(article=article, name="Kharkiv", place=None, user=editor)
    assert not Event.objects.exists()
