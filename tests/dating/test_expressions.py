"""Finding candidate date expressions, before any parsing."""

from mapapp.dating.expressions import find_expressions


def kinds(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(e.kind, e.text) for e in find_expressions(text, 0, len(text), language)]


def test_it_finds_a_weekday_with_its_preposition():
    assert kinds("On Thursday, the firm said its images showed tanks.") == [("weekday", "On Thursday")]


def test_it_prefers_the_whole_date_over_the_weekday_inside_it():
    assert kinds("Thursday, October 12, was the deadliest day.") == [("explicit", "Thursday, October 12")]


def test_it_keeps_two_expressions_of_one_sentence_apart():
    found = kinds("Rebels seized the base 10 days ago, monitors said on Saturday.")
    assert found == [("relative", "10 days ago"), ("weekday", "on Saturday")]


def test_counts_are_not_dates():
    assert kinds("Militants executed 71 of Assad's troops and seized 26 armored carriers.") == []
    assert kinds("Some 2000 soldiers were deployed and 4,000 families fled.") == []


def test_eras_names_and_modal_verbs_are_not_dates():
    assert kinds("Ties date back to the Soviet era, Gazeta.ru said.") == []
    assert kinds("Aid workers may need more trucks to march into the valley.") == []
    assert kinds("Black Friday sales drew crowds to Easter Island.") == []
    assert kinds("The scholar Tariq Ramadan spoke in Geneva.") == []


def test_a_year_needs_a_preposition():
    assert kinds("Flight 2017 landed safely.") == []
    assert kinds("The dam was completed in 1998.") == [("year", "in 1998")]


def test_since_takes_the_whole_range_expression():
    assert kinds("who since 2011 have fled") == [("since", "since 2011")]
    assert kinds("Between 2012 and 2014, the city changed hands.") == [("span", "Between 2012 and 2014")]


def test_arabic_indic_digits_are_found():
    found = kinds("وقعت الحكومة الاتفاق في ٢٥ مايو ٢٠١٤.", "ar")
    assert [kind for kind, _ in found] == ["explicit"]


def test_a_language_without_vocabulary_finds_only_numeric_dates():
    assert kinds("Совет собрался в четверг 2015-09-17.", "ru") == [("explicit", "2015-09-17")]
    assert kinds("Совет собрался в четверг.", "ru") == []


def test_capitalised_today_and_tomorrow_inside_a_sentence_are_names():
    assert kinds("Funds went to the Trees for Tomorrow project.") == []
    assert kinds("He spoke to USA Today about the case.") == []
    assert kinds("Today, the army said the road was open.") == [("relative", "Today")]
    assert kinds("He said the talks end tomorrow.") == [("future", "tomorrow")]
