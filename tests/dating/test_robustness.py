"""date_passages never raises and never puts a past event after publication."""

import datetime

from mapapp.dating import date_passages
from mapapp.dating.evaluation import article_of, load_cases
from mapapp.passages import split_passages

PUBLISHED = datetime.date(2015, 9, 19)


def test_empty_text_and_no_passages():
    assert date_passages("", [], PUBLISHED) == []
    assert [d.source for d in date_passages("", [(0, 0)], PUBLISHED)] == ["published"]


def test_spans_outside_the_text_fall_back_instead_of_raising():
    dates = date_passages("Yesterday it rained.", [(-5, 3), (10, 999), (50, 60), (8, 2)], PUBLISHED)
    assert len(dates) == 4
    assert all(d.start <= PUBLISHED for d in dates)


def test_a_datetime_publication_is_taken_as_its_day():
    date = date_passages("Yesterday it rained.", [(0, 20)], datetime.datetime(2015, 9, 19, 23, 30))[0]
    assert date.start == datetime.date(2015, 9, 18)


def test_a_five_megabyte_passage_is_dated():
    text = "On Thursday the rain stopped. " + ("x" * 100 + " ") * 50_000
    dates = date_passages(text, [(0, len(text))], PUBLISHED)
    assert dates[0].start == datetime.date(2015, 9, 17)


def test_a_five_megabyte_article_split_by_the_app_is_dated():
    text = "On Thursday the rain stopped. " + ("word " * 20 + "\n") * 50_000
    spans = split_passages(text)
    dates = date_passages(text, spans, PUBLISHED)
    assert len(dates) == len(spans) > 1000
    assert dates[0].start == datetime.date(2015, 9, 17)
    assert {d.source for d in dates[1:]} == {"published"}


def test_a_megabyte_of_short_dated_sentences_is_dated():
    sentence = "Rebels said on Friday that 71 soldiers died. "
    text = sentence * (1_000_000 // len(sentence))
    spans = [(i, i + len(sentence) - 1) for i in range(0, len(text), len(sentence))]
    dates = date_passages(text, spans, PUBLISHED)
    assert len(dates) == len(spans)
    assert {d.start for d in dates} == {datetime.date(2015, 9, 18)}


def test_html_cyrillic_and_binary_noise_are_harmless():
    text = "<p>Совет <b>собрался</b> в четверг.</p>\x00\ufffd<script>var d = 2015;</script>"
    dates = date_passages(text, [(0, len(text))], PUBLISHED)
    assert dates[0].source == "published"


def test_past_expressions_in_the_evaluation_set_never_end_after_publication():
    for case in load_cases():
        if case.gold.end > case.published:
            continue
        text, spans = article_of(case)
        date = date_passages(text, spans, case.published, language=case.language)[-1]
        assert date.end <= case.published, case.id


def test_language_codes_with_regions_or_unknown_to_dateparser_are_harmless():
    text = "Yesterday it rained."
    assert date_passages(text, [(0, len(text))], PUBLISHED, language="en-GB")[0].start == datetime.date(2015, 9, 18)
    assert date_passages(text, [(0, len(text))], PUBLISHED, language="xx")[0].source == "published"
    iso = "Il a plu le 2015-09-17."
    assert date_passages(iso, [(0, len(iso))], PUBLISHED, language="xx")[0].start == datetime.date(2015, 9, 17)
