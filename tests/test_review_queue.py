"""The review queue in the admin: what it shows first, and its one-click choices."""
import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from mapapp.models import Article, Mention, Place, Rule
from mapapp.review.queue import (
    REASON_CONTESTED,
    REASON_LOW_CONFIDENCE,
    REASON_UNRESOLVED,
    article_review_items,
    names_waiting,
    place_is_area,
    review_queue,
    review_queue_page,
    review_reasons,
)
from tests.review_support import (
    LEBANON,
    TRIPOLI_STORY,
    candidate_index,
    make_editor,
    mentions_of,
    processed_article,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


@pytest.fixture
def article():
    return processed_article(TRIPOLI_STORY)


def review_url(article) -> str:
    return reverse("admin:mapapp_article_review", args=[article.pk])


def choose(client, article, **fields):
    return client.post(review_url(article), {"name": "tripoli", **fields})


def test_the_queue_shows_the_doubtful_name_with_its_candidates(article):
    [item] = [i for i in review_queue() if i.name == "tripoli"]
    assert item.reasons, "the Libyan and Lebanese Tripoli should both look plausible"
    assert len(item.mentions) == 2
    lebanese = item.candidates[candidate_index(item.first, LEBANON)]
    assert lebanese.geonameid == 266826 and lebanese.admin1 and lebanese.population > 100_000
    assert not lebanese.is_current and item.candidates[0].is_current


def test_the_queue_page_lists_the_passage_and_one_click_choices(editor_client, article):
    html = editor_client.get(reverse("admin:mapapp_reviewqueueentry_changelist")).content.decode()
    assert "Clashes broke out in <mark>Tripoli</mark> on Monday" in html
    assert 'value="candidate-0"' in html and 'value="not-place"' in html
    assert "266826" in html  # the Lebanese Tripoli's GeoNames id
    assert "Set the point on the map" in html
    assert '<option value="SY">Yes, in stories about Syria</option>' in html
    assert '<option value="LB">Yes, in stories about Lebanon</option>' in html


def test_confident_names_are_not_queued():
    aleppo = processed_article("Shelling hit Aleppo on Monday, Syrian state media said.",
                               title="A")
    assert mentions_of(aleppo, "Aleppo")[0].place.country_code == "SY"
    assert [i.name for i in review_queue() if i.name == "aleppo"] == []


def test_taking_a_candidate_corrects_every_mention_and_leaves_the_queue(editor_client, article):
    index = candidate_index(mentions_of(article, "Tripoli")[0], LEBANON)
    response = choose(editor_client, article, choice=f"candidate-{index}")
    assert response.status_code == 302
    assert {m.place.country_code for m in mentions_of(article, "Tripoli")} == {LEBANON}
    assert [i for i in review_queue() if i.name == "tripoli"] == []
    page = editor_client.get(response["Location"]).content.decode()
    assert "is now Tripoli" in page and "in all 2 mention(s)" in page


def test_a_choice_can_be_saved_as_a_rule(editor_client, article):
    index = candidate_index(mentions_of(article, "Tripoli")[0], LEBANON)
    choose(editor_client, article, choice=f"candidate-{index}", rule_scope="SY")
    rule = Rule.objects.get(name="tripoli")
    assert rule.context_country == "SY" and rule.place.country_code == LEBANON


def test_not_a_place_rejects_every_mention(editor_client, article):
    choose(editor_client, article, choice="not-place", rule_scope="*")
    assert {m.review for m in mentions_of(article, "Tripoli")} == {Mention.Review.REJECTED}
    assert Rule.objects.get(name="tripoli", context_country="").place is None


def test_a_point_set_on_the_map_becomes_an_editors_place(editor_client, article):
    response = choose(editor_client, article, choice="point", latitude="34.4367",
                      longitude="35.8497", place_name="Tripoli (old city)")
    assert response.status_code == 302
    place = Place.objects.get(origin=Place.Origin.EDITOR)
    assert (place.name, place.latitude, place.longitude) == ("Tripoli (old city)", 34.4367, 35.8497)
    assert {m.place_id for m in mentions_of(article, "Tripoli")} == {place.pk}


@pytest.mark.parametrize(("latitude", "longitude", "message"), [
    ("91", "35.8", "Latitude must be between -90 and 90 degrees"),
    ("34.4", "-180.5", "Longitude must be between -180 and 180 degrees"),
    ("north", "35.8", "Latitude must be a number of degrees"),
    ("nan", "35.8", "Latitude must be a number of degrees"),
    ("", "35.8", "Set the point on the map or type its latitude"),
])
def test_coordinates_out_of_range_are_refused_with_a_clear_message(
    editor_client, article, latitude, longitude, message
):
    response = choose(editor_client, article, choice="point", latitude=latitude,
                      longitude=longitude)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Place.objects.filter(origin=Place.Origin.EDITOR).exists()
    assert {m.review for m in mentions_of(article, "Tripoli")} == {Mention.Review.MACHINE}


def test_a_candidate_that_was_not_offered_is_refused(editor_client, article):
    response = choose(editor_client, article, choice="candidate-99")
    assert response.status_code == 400
    assert "not offered" in response.content.decode()


def test_a_passage_with_markup_is_escaped_in_the_queue(editor_client):
    processed_article("<script>alert(1)</script> Clashes broke out in Tripoli on Monday.",
                      title="<b>bold</b>")
    html = editor_client.get(reverse("admin:mapapp_reviewqueueentry_changelist")).content.decode()
    assert "<script>alert(1)" not in html and "<b>bold</b>" not in html


def test_the_article_page_links_to_its_review_with_the_count_waiting(editor_client, article):
    html = editor_client.get(reverse("admin:mapapp_article_change", args=[article.pk])).content
    assert f'href="{review_url(article)}"' in html.decode()
    assert "waiting)" in html.decode()


def candidate(name: str, score: float, lat: float, lon: float) -> dict:
    return {"geonameid": None, "name": name, "kind": "city", "country_code": "", "admin1": "",
            "population": 0, "latitude": lat, "longitude": lon, "score": score}


TRIPOLI_LY = candidate("Tripoli", 4.4, 32.89, 13.19)


def mention(*, place=True, confidence=0.99, candidates=(TRIPOLI_LY,), review="machine"):
    return Mention(surface="Tripoli", place_id=1 if place else None, confidence=confidence,
                   candidates=list(candidates), review=review)


@pytest.mark.parametrize(("mentions", "reasons"), [
    ([mention()], []),
    ([mention(place=False, candidates=())], [REASON_UNRESOLVED]),
    ([mention(), mention(confidence=0.5)], [REASON_LOW_CONFIDENCE]),
    ([mention(candidates=(TRIPOLI_LY, candidate("Tripoli", 3.5, 34.44, 35.85)))],
     [REASON_CONTESTED]),
    # A rival far behind, or a second entry for the same town, is no real alternative.
    ([mention(candidates=(TRIPOLI_LY, candidate("Tripoli", 1.0, 34.44, 35.85)))], []),
    ([mention(candidates=(TRIPOLI_LY, candidate("Tarabulus", 4.3, 32.9, 13.2)))], []),
    # Once an editor has looked, it leaves the queue.
    ([mention(confidence=0.1, review="corrected")], []),
], ids=["sure", "unresolved", "low", "contested", "weak-rival", "same-town", "reviewed"])
def test_what_needs_a_human(mentions, reasons):
    assert review_reasons(mentions) == reasons


# --- Every waiting name, counted the same everywhere (issue 13) ----------------------

QUEUE_URL = "/admin/mapapp/reviewqueueentry/"


def doubtful_articles(count: int) -> list:
    """`count` processed articles, each with a doubtful Tripoli, oldest first."""
    articles = []
    for n in range(count):
        article = processed_article(
            f"Clashes broke out in Tripoli on day {n + 1} of the truce, the army said.",
            title=f"Tripoli, day {n + 1}")
        Article.objects.filter(pk=article.pk).update(
            created_at=timezone.now() - dt.timedelta(days=count - n))
        articles.append(article)
    return articles


def names_on_every_queue_page(client, **params) -> list[tuple[int, str]]:
    """(article id, name) of every waiting item, following the queue's pages."""
    found, url = [], QUEUE_URL
    while url:
        response = client.get(url, params)
        assert response.status_code == 200
        html = response.content.decode()
        found += [(int(pk), name) for pk, name in re.findall(
            r'<section class="review-item needs-review"[^>]*data-article="(\d+)" data-name="([^"]*)"', html)]
        following = re.search(r'<a href="([^"]+)"[^>]*rel="next"', html)
        url, params = (QUEUE_URL + following.group(1).replace("&amp;", "&"), {}) if following else (None, {})
    return found


def test_the_queue_shows_the_names_of_the_oldest_articles_too(editor_client):
    articles = doubtful_articles(33)
    oldest = articles[0]

    listed = names_on_every_queue_page(editor_client)

    assert (oldest.pk, "tripoli") in listed
    assert sorted(listed) == sorted((a.pk, "tripoli") for a in articles)
    assert {pk for pk, _ in names_on_every_queue_page(editor_client, order="oldest")[:1]} == {oldest.pk}


def test_the_queue_counts_every_waiting_name_as_the_publish_message_does(editor_client):
    articles = doubtful_articles(32)
    gaza = processed_article(
        "Shelling hit Rafah and Khan Younis in the south, and a hospital in Jabalia was "
        "evacuated. In Tripoli, protesters marched.", title="Gaza and Tripoli")
    ids = [a.pk for a in [*articles, gaza]]

    response = editor_client.post(reverse("admin:mapapp_article_changelist"),
                                  {"action": "publish", "_selected_action": ids}, follow=True)
    [note] = [str(m) for m in response.context["messages"]]
    announced = int(re.search(r"(\d+) name\(s\) still wait in the review queue", note).group(1))

    queue = editor_client.get(QUEUE_URL).content.decode()
    header = re.search(r'<p class="queue-count">\s*<strong>(\d+)</strong> names? waiting in '
                       r'<strong>(\d+)</strong> articles?', queue)
    assert header, queue[:3000]
    assert (int(header.group(1)), int(header.group(2))) == (announced, len(ids))
    assert len(names_on_every_queue_page(editor_client)) == announced
    assert announced == sum(waiting_count(a) for a in [*articles, gaza])


def waiting_count(article) -> int:
    return sum(1 for item in article_review_items(article) if item.needs_review)


@pytest.mark.parametrize("status", [Article.Status.PENDING, Article.Status.FAILED])
def test_an_article_waiting_to_be_processed_again_keeps_its_names_in_the_queue(editor_client, status):
    # Its mentions are still on the map until processing replaces them.
    article = processed_article(TRIPOLI_STORY)
    Article.objects.filter(pk=article.pk).update(status=status)
    assert (article.pk, "tripoli") in names_on_every_queue_page(editor_client)
    assert names_waiting(article_ids=[article.pk]) == {article.pk: 1}


def test_a_retracted_article_leaves_the_queue(editor_client):
    article = processed_article(TRIPOLI_STORY, publication=Article.Publication.RETRACTED)
    assert names_on_every_queue_page(editor_client) == []
    assert review_queue() == []
    assert '<p class="queue-count"><strong>0</strong> names waiting' in \
        editor_client.get(QUEUE_URL).content.decode()
    assert waiting_count(article) == 1  # its own page still shows what is left to settle


# --- World areas: never a point at sea to confirm (issue 13, class 7) ---------------

AREAS_STORY = (
    "In the Sahel, jihadists attacked a convoy near Gao on Sunday, and ships in the Red Sea "
    "were struck off Hodeidah. Leaders across the Middle East condemned the attacks."
)


@pytest.fixture
def areas_article():
    article = processed_article(AREAS_STORY, title="Sahel and Red Sea")
    areas = {item.name for item in article_review_items(article) if item.is_area}
    assert {"sahel", "red sea", "middle east"} <= areas, areas
    return article


def test_a_world_area_never_waits_as_a_point_to_confirm(areas_article):
    items = {item.name: item for item in article_review_items(areas_article)}
    for name in ("sahel", "red sea", "middle east"):
        assert not items[name].needs_review, items[name].reasons
    assert items["gao"].needs_review  # a town with rivals still waits
    assert [i.name for i in review_queue() if i.is_area] == []


def test_the_queue_lists_world_areas_as_areas_not_drawn(editor_client, areas_article):
    html = editor_client.get(QUEUE_URL).content.decode()
    [line] = re.findall(r'<p class="areas-not-drawn">(.*?)</p>', html, flags=re.S)
    assert "area, not drawn" in line or "areas, not drawn" in line
    assert "Sahel" in line and "Red Sea" in line and "Middle East" in line
    assert 'data-name="sahel"' not in html


def test_the_article_page_shows_world_areas_apart_with_no_point_on_the_map(editor_client, areas_article):
    html = editor_client.get(review_url(areas_article)).content.decode()
    areas = html.split('<details class="review-areas"', 1)[1]
    assert "Areas named, not drawn on the map (3)" in areas
    sahel = re.search(r'<section class="review-item area"[^>]*data-name="sahel".*?</section>', areas, re.S)
    assert sahel, areas[:2000]
    assert areas.index('data-name="sahel"') < areas.index('<details class="review-settled"')
    assert "area, not drawn" in sahel.group(0)
    # The point picker does not open on the area's nominal point in the desert or at sea.
    assert 'data-lat=""' in sahel.group(0) and 'data-lon=""' in sahel.group(0)
    waiting = re.search(r"<strong>(\d+)</strong> names? waiting", html).group(1)
    assert int(waiting) == waiting_count(areas_article)


def test_the_queue_says_how_many_articles_are_still_being_processed(editor_client):
    article = processed_article(TRIPOLI_STORY)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PENDING)
    html = editor_client.get(QUEUE_URL).content.decode()
    assert re.search(r'<p class="queue-processing" role="status">1 article waiting to be processed', html)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DONE)
    assert 'class="queue-processing"' not in editor_client.get(QUEUE_URL).content.decode()


def varied_stories(corpus_article_text: str) -> list[Article]:
    stories = [
        corpus_article_text, TRIPOLI_STORY, AREAS_STORY,
        "Rebels shelled Kamishli and al-Hasakeh overnight; in Deir ez-Zor the army said "
        "it held the airport. Residents of Manbij fled towards Jarablus.",
        "Mobile phone networks went down in Reading and Bath after the storm, Nice officials said.",
        "Officials in Washington and Georgia said talks in Paris would resume.",
    ]
    return [processed_article(body, title=f"Story {n}", publication=Article.Publication.PUBLISHED)
            for n, body in enumerate(stories)]


def test_the_queue_counts_each_article_as_its_own_page_does(corpus_article_text):
    articles = varied_stories(corpus_article_text)
    pages = {a.pk: waiting_count(a) for a in articles}
    assert names_waiting() == {pk: count for pk, count in pages.items() if count}
    assert names_waiting(article_ids=pages) == {pk: count for pk, count in pages.items() if count}
    assert review_queue_page().names == sum(pages.values()) > 0


def test_no_unsure_mention_a_reader_sees_escapes_the_queue(corpus_article_text, settings):
    from django.db.models import Q

    from mapapp.geoparsing.normalize import folded_name
    from mapapp.readermap.selectors import mentions_visible

    varied_stories(corpus_article_text)
    queued = {(item.article.pk, item.name) for item in review_queue()}

    unsure = mentions_visible().filter(review=Mention.Review.MACHINE).filter(
        Q(confidence__lt=settings.MAP_SURE_CONFIDENCE)).select_related("place")
    drawn = [m for m in unsure if not place_is_area(m.place)]
    assert drawn, "the stories should give the map some unsure mentions"
    missing = {(m.article_id, m.surface) for m in drawn
               if (m.article_id, folded_name(m.surface)) not in queued}
    assert missing == set()


@pytest.mark.parametrize("query", ["page=abc", "page=-1", "page=99999", "order=%3Cscript%3E", "page="])
def test_a_queue_address_with_odd_parameters_still_shows_the_queue(editor_client, article, query):
    response = editor_client.get(f"{QUEUE_URL}?{query}")
    assert response.status_code == 200
    assert 'data-name="tripoli"' in response.content.decode()
    assert "script" not in "".join(re.findall(r'href="\?order=([^"]*)"', response.content.decode()))


def test_distances_are_never_measured_from_a_world_areas_nominal_point(areas_article):
    [gao] = [item for item in article_review_items(areas_article) if item.name == "gao"]
    nearest = {c.nearest_name for c in gao.candidates}
    assert nearest.isdisjoint({"Sahel", "Red Sea", "Middle East"}), nearest


def test_an_area_candidate_is_shown_as_an_area_with_no_distance(editor_client, areas_article):
    [sahel] = [item for item in article_review_items(areas_article) if item.name == "sahel"]
    area, region = sahel.candidates[0], next(c for c in sahel.candidates if c.country_code == "BF")
    assert area.is_area and area.nearest_km is None
    assert not region.is_area and region.nearest_km is not None  # the Burkinabe province
    html = editor_client.get(review_url(areas_article)).content.decode()
    card = re.search(r'<section class="review-item area"[^>]*data-name="sahel".*?</section>', html, re.S)
    assert card.group(0).count("<td>area, not drawn</td>") == 1


def test_confirming_an_area_does_not_claim_the_map_shows_it(editor_client):
    article = processed_article(AREAS_STORY, title="Sahel and Red Sea",
                                publication=Article.Publication.PUBLISHED)
    response = editor_client.post(review_url(article), {"name": "sahel", "choice": "candidate-0"},
                                  follow=True)
    [note] = [str(m) for m in response.context["messages"]]
    assert "is now Sahel" in note and "an area: not drawn on the map" in note
    assert "The public map shows it now" not in note
