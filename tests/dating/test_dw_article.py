"""The checks of issue 7 on the DW report of 19 September 2015, split by the app's own splitter."""

import datetime

import pytest

from mapapp.dating import date_passages
from mapapp.passages import split_passages

PUBLISHED = datetime.date(2015, 9, 19)


@pytest.fixture(scope="module")
def dated(corpus_article_text):
    spans = split_passages(corpus_article_text)
    dates = date_passages(corpus_article_text, spans, PUBLISHED)
    return [(corpus_article_text[s:e], d) for (s, e), d in zip(spans, dates, strict=True)]


def passage(dated, opening: str):
    matches = [d for text, d in dated if text.startswith(opening)]
    assert len(matches) == 1, f"{len(matches)} passages start with {opening!r}"
    return matches[0]


def test_allsource_on_thursday_is_the_17th(dated):
    date = passage(dated, "On Thursday, commercial satellite intelligence firm AllSource Analysis said")
    assert (date.start, date.end, date.precision, date.source) == (
        datetime.date(2015, 9, 17), datetime.date(2015, 9, 17), "day", "stated")


def test_the_airport_captured_10_days_ago_is_the_9th_not_the_saturday_of_the_statement(dated):
    date = passage(dated, "Rebel al Qaeda-linked Nusra Front insurgents executed 71")
    assert (date.start, date.precision, date.expression) == (datetime.date(2015, 9, 9), "day", "10 days ago")


def test_refugees_fleeing_since_2011_is_a_range_to_publication(dated):
    date = passage(dated, "They're leaving Syria,\" said Kerry")
    assert (date.start, date.end, date.precision) == (datetime.date(2011, 1, 1), PUBLISHED, "range")


def test_us_sources_on_friday_is_the_18th(dated):
    date = passage(dated, "US sources on Friday said")
    assert (date.start, date.precision) == (datetime.date(2015, 9, 18), "day")


def test_saturday_in_a_saturday_paper_is_publication_day(dated):
    assert passage(dated, "Kerry's emphasis on Saturday").start == PUBLISHED
    assert passage(dated, "Hammond said Saturday").start == PUBLISHED


def test_assad_in_power_since_2000_is_a_range(dated):
    date = passage(dated, "An array of secular and Islamist rebels")
    assert (date.start, date.end, date.precision) == (datetime.date(2000, 1, 1), PUBLISHED, "range")


def test_undated_passages_fall_back_to_publication(dated):
    for opening in ("Russia's close ties with Syria date back to the Soviet era",
                    "Russian online newspaper \"Gazeta.ru\" said",
                    "Latakia has Syria's only functioning international airport"):
        date = passage(dated, opening)
        assert (date.start, date.source) == (PUBLISHED, "published"), opening


def test_no_passage_is_dated_after_publication(dated):
    assert all(d.end <= PUBLISHED for _, d in dated)
