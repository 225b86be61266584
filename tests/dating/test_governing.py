"""Which expression governs a passage, and what a passage without one inherits."""

from mapapp.dating import date_passages
from tests.dating.helpers import date_of, dates_of, day


def test_an_event_date_beats_the_date_of_the_statement_about_it():
    date = date_of("Insurgents killed 30 prisoners after storming the base four days ago, monitors said on Saturday.",
                   "2015-09-19")
    assert (date.start, date.expression) == (day("2015-09-15"), "four days ago")


def test_a_statement_date_governs_when_it_is_the_only_one():
    assert date_of("US officials on Thursday said the jets had moved.", "2018-02-23").start == day("2018-02-22")


def test_an_opening_statement_date_yields_to_the_event_it_reports():
    assert date_of("On Monday, the agency said the ship had sunk on Saturday.", "2019-07-02").start == day("2019-06-29")


def test_a_main_clause_date_beats_one_in_a_relative_clause():
    date = date_of("Kerosene shortages, which began last year, worsened on Monday.", "2023-11-15")
    assert date.start == day("2023-11-13")


def test_a_plan_is_dated_by_its_announcement():
    date = date_of("The foreign minister said on Saturday that talks would continue next month.", "2015-09-19")
    assert date.start == day("2015-09-19")


def test_a_sentence_continuing_a_dated_one_inherits_its_date():
    _, second = dates_of(["On Thursday, inspectors reached the reactor.", "They found the pumps switched off."],
                             "2015-09-19")
    assert (second.start, second.source, second.expression) == (day("2015-09-17"), "inferred", "On Thursday")


def test_inheritance_carries_through_a_paragraph_but_not_past_it():
    sentences = ["On Monday, the opposition leader was arrested.", "He was taken away.", "Lawyers could not see him."]
    assert [d.start for d in dates_of(sentences, "2018-02-23")] == [day("2018-02-19")] * 3
    after_break = dates_of(["Protests began on Friday.", "The economy has struggled for years."], "2023-11-15",
                           separator="\n\n")
    assert (after_break[1].start, after_break[1].source) == (day("2023-11-15"), "published")


def test_a_published_date_is_not_inherited():
    dates = dates_of(["The minister spoke at length.", "He left soon after."], "2014-06-08")
    assert [d.source for d in dates] == ["published", "published"]


def test_the_next_day_counts_from_the_previous_passage():
    dates = dates_of(["Troops entered the village on Tuesday.", "The next day, they withdrew."], "2014-06-08")
    assert (dates[1].start, dates[1].source) == (day("2014-06-04"), "inferred")
    later = dates_of(["Police raided the offices on Saturday.", "Two days later, the editor was charged."],
                     "2019-07-02")
    assert later[1].start == day("2019-07-01")


def test_the_next_day_without_an_anchor_falls_back_to_publication():
    assert date_of("The next day, they withdrew.", "2014-06-08").source == "published"


def test_an_anchored_expression_counts_from_the_statement_date_in_its_own_sentence():
    date = date_of("Reuters reported on Tuesday that the talks had collapsed a week earlier.", "2022-05-12")
    assert (date.start, date.source) == (day("2022-05-03"), "stated")


def test_a_month_later_keeps_month_precision():
    dates = dates_of(["In March 2011, protests broke out.", "A month later, the army moved in."], "2014-06-08")
    assert (dates[1].start, dates[1].end, dates[1].precision) == (day("2011-04-01"), day("2011-04-30"), "month")


def test_a_day_later_than_a_month_is_not_guessed():
    dates = dates_of(["In March 2011, protests broke out.", "Two days later, the army moved in."], "2014-06-08")
    assert (dates[1].start, dates[1].source) == (day("2011-03-01"), "inferred")


def test_inheritance_stops_after_a_few_undated_sentences():
    sentences = ["On Monday, the leader was arrested."] + [f"Detail number {n} followed." for n in range(5)]
    dates = dates_of(sentences, "2018-02-23")
    assert [d.source for d in dates] == ["stated", "inferred", "inferred", "inferred", "published", "published"]


def test_a_date_without_a_year_in_the_future_tense_is_the_coming_one():
    assert date_of("The first day of school will be Aug. 17.", "2010-06-15").start == day("2010-08-17")
    assert date_of("The first day of school was Aug. 17.", "2010-06-15").start == day("2009-08-17")


def test_sentences_left_out_of_the_spans_still_pass_their_date_on():
    text = "Troops entered the village on Tuesday. The next day, they withdrew. Residents in Kramatorsk returned."
    third = text.index("Residents")
    date = date_passages(text, [(third, len(text))], day("2014-06-08"))[0]
    assert (date.start, date.source, date.expression) == (day("2014-06-04"), "inferred", "The next day")


def test_a_skipped_sentence_in_another_paragraph_passes_nothing_on():
    text = "Troops entered the village on Tuesday.\nResidents in Kramatorsk returned."
    second = text.index("Residents")
    assert date_passages(text, [(second, len(text))], day("2014-06-08"))[0].source == "published"


def test_a_calendar_date_in_apposition_wins_over_the_relative_one():
    date = date_of("Yesterday, February 17, 2006, the WHO confirmed avian flu.", "2006-02-18")
    assert (date.start, date.expression) == (day("2006-02-17"), "February 17, 2006")


def test_an_opening_statement_date_yields_to_the_event_in_a_later_passage_too():
    # Reporting verbs used to be looked for at doubled offsets after the first passage.
    dates = dates_of(["Fighting resumed near the airport of the provincial capital overnight.",
                      "On Monday, the agency said the ship had sunk on Saturday."], "2019-07-02")
    assert dates[1].start == day("2019-06-29")
