"""One expression per sentence, each kind resolved against the publication date."""

import pytest

from tests.dating.helpers import date_of, day


def span(date) -> tuple[str, str, str]:
    return date.start.isoformat(), date.end.isoformat(), date.precision


def test_a_weekday_is_the_latest_such_day_before_publication():
    date = date_of("Negotiators met on Tuesday near the border.", "2023-11-15")
    assert span(date) == ("2023-11-14", "2023-11-14", "day")
    assert (date.source, date.expression) == ("stated", "on Tuesday")


def test_the_publication_weekday_is_the_publication_day():
    assert date_of("The minister said on Saturday that talks continue.", "2015-09-19").start == day("2015-09-19")


def test_last_weekday_is_strictly_before_publication():
    assert date_of("Last Friday, the bank raised rates.", "2018-02-23").start == day("2018-02-16")


def test_a_weekday_in_the_future_tense_is_the_next_one():
    assert date_of("The minister will travel to Cairo on Friday.", "2023-11-15").start == day("2023-11-17")
    assert date_of("The two leaders will meet next Monday.", "2016-03-10").start == day("2016-03-14")


def test_yesterday_and_days_ago():
    assert date_of("A bomb exploded yesterday near the market.", "2016-03-09").start == day("2016-03-08")
    assert date_of("Fighters seized the airbase ten days ago.", "2015-09-19").start == day("2015-09-09")


def test_weeks_ago_is_the_week_that_holds_the_day():
    assert span(date_of("Three weeks ago, a drone hit the refinery.", "2023-11-15")) == (
        "2023-10-23", "2023-10-29", "range")


def test_last_month_and_last_year_are_whole_periods():
    assert span(date_of("Last month, thousands crossed the sea.", "2015-09-19")) == (
        "2015-08-01", "2015-08-31", "month")
    assert span(date_of("Exports fell sharply last year.", "2019-07-02")) == ("2018-01-01", "2018-12-31", "year")


def test_last_named_month_skips_the_current_one():
    assert span(date_of("Last September, the group attacked.", "2016-03-10"))[:2] == ("2015-09-01", "2015-09-30")


def test_earlier_this_year_runs_from_january_to_publication():
    assert span(date_of("Earlier this year, the rebels advanced.", "2015-09-19")) == (
        "2015-01-01", "2015-09-19", "range")


def test_since_a_year_runs_to_publication():
    assert span(date_of("Millions have fled since 2011.", "2015-09-19")) == ("2011-01-01", "2015-09-19", "range")
    assert span(date_of("The border has been closed since March 2017.", "2019-07-02"))[:2] == (
        "2017-03-01", "2019-07-02")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The deal was signed on September 14, 2015, in Vienna.", "2015-09-14"),
        ("Fighting resumed on 2 March 2016 after a lull.", "2016-03-02"),
        ("The parliament was dissolved on Sept. 3, 2018.", "2018-09-03"),
        ("The report, dated 2014-05-28, lists 40 sites.", "2014-05-28"),
        ("The ruling of 03/15/2012 was overturned.", "2012-03-15"),
        ("Troops entered the town on the 12th of February.", "2018-02-12"),
    ],
)
def test_english_calendar_dates(sentence, expected):
    date = date_of(sentence, "2018-02-23" if "February" in sentence else "2019-07-02")
    assert span(date) == (expected, expected, "day")


def test_month_and_year_precision():
    assert span(date_of("Elections were held in November 2020.", "2021-01-04")) == ("2020-11-01", "2020-11-30", "month")
    assert span(date_of("The factory was bombed in mid-2016.", "2021-01-04")) == ("2016-01-01", "2016-12-31", "year")


@pytest.mark.parametrize(
    ("sentence", "language", "published", "expected"),
    [
        ("Am Donnerstag teilte das Ministerium mit, dass die Grenze zu bleibt.", "de", "2015-09-19", "2015-09-17"),
        ("Vor zehn Tagen hatten Rebellen den Flughafen eingenommen.", "de", "2019-07-02", "2019-06-22"),
        ("Das Abkommen wurde am 3. Juni 2014 unterzeichnet.", "de", "2014-06-08", "2014-06-03"),
        ("Jeudi, les autorités ont annoncé la fermeture du port.", "fr", "2015-09-19", "2015-09-17"),
        ("Mardi soir, des tirs ont été entendus.", "fr", "2018-02-23", "2018-02-20"),
        ("L'accord a été signé le 25 mai 2014.", "fr", "2014-06-08", "2014-05-25"),
        ("El jueves, la policía detuvo a doce sospechosos.", "es", "2015-09-19", "2015-09-17"),
        ("Hace diez días, un incendio destruyó el mercado.", "es", "2019-07-02", "2019-06-22"),
        ("El acuerdo se firmó el 30 de mayo de 2014.", "es", "2014-06-08", "2014-05-30"),
        ("قال المرصد يوم الخميس إن الطائرات قصفت ثلاث قرى.", "ar", "2015-09-19", "2015-09-17"),
        ("سيطر المقاتلون على المطار قبل عشرة أيام.", "ar", "2019-07-02", "2019-06-22"),
        ("اندلعت الاحتجاجات في 15 أيلول 2018.", "ar", "2019-07-02", "2018-09-15"),
    ],
)
def test_german_french_spanish_and_arabic_days(sentence, language, published, expected):
    date = date_of(sentence, published, language)
    assert (date.start.isoformat(), date.precision, date.source) == (expected, "day", "stated")


def test_other_languages_periods():
    assert span(date_of("Le mois dernier, 500 personnes ont été arrêtées.", "2021-01-04", "fr"))[:2] == (
        "2020-12-01", "2020-12-31")
    assert span(date_of("Seit 2014 ist die Stadt abgeschnitten.", "2023-11-15", "de")) == (
        "2014-01-01", "2023-11-15", "range")
    assert span(date_of("تراجعت الصادرات في العام الماضي.", "2018-02-23", "ar"))[:2] == ("2017-01-01", "2017-12-31")


def test_the_language_is_guessed_when_not_given():
    assert date_of("Gestern wurden in der Hauptstadt drei Journalisten festgenommen.", "2016-03-10").start == day(
        "2016-03-09")
    assert date_of("انفجرت سيارة مفخخة أمس قرب السوق.", "2016-03-10").start == day("2016-03-09")


def test_a_sentence_without_a_date_gets_the_publication_date():
    date = date_of("The alliance goes back to the Soviet era.", "2015-09-19")
    assert (date.start, date.end, date.precision, date.source, date.expression) == (
        day("2015-09-19"), day("2015-09-19"), "day", "published", "")


def test_weekends_decades_and_recent_periods():
    assert span(date_of("Gunmen attacked two villages over the weekend.", "2021-01-04")) == (
        "2021-01-02", "2021-01-03", "range")
    assert span(date_of("The town was founded in the 1990s.", "2019-07-02")) == ("1990-01-01", "1999-12-31", "range")
    assert span(date_of("Over the past two weeks, 60 attacks were recorded.", "2023-11-15")) == (
        "2023-11-01", "2023-11-15", "range")
    assert span(date_of("Two rockets struck the airport last night.", "2016-03-10")) == (
        "2016-03-09", "2016-03-09", "day")


def test_a_month_without_a_year_in_the_publication_month_stops_at_publication():
    assert span(date_of("In mid-September, the first trains crossed.", "2015-09-19")) == (
        "2015-09-01", "2015-09-19", "range")


def test_arabic_day_before_yesterday_and_next_week():
    assert date_of("اندلعت اشتباكات عنيفة أول أمس في ريف المدينة.", "2015-09-19", "ar").start == day("2015-09-17")
    assert span(date_of("ستعقد الجولة من المحادثات الأسبوع المقبل.", "2019-07-02", "ar")) == (
        "2019-07-08", "2019-07-14", "range")
    assert span(date_of("ستجرى الانتخابات العام المقبل.", "2019-07-02", "ar"))[:2] == ("2020-01-01", "2020-12-31")


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("On Christmas Day, shelling killed two civilians.", "en", "2022-12-25"),
        ("Rescuers worked through Christmas Eve.", "en", "2022-12-24"),
        ("Am Heiligabend fielen erneut Bomben.", "de", "2022-12-24"),
        ("Le jour de Noël, deux civils ont été tués.", "fr", "2022-12-25"),
        ("En Nochebuena hubo bombardeos.", "es", "2022-12-24"),
        ("قتل مدنيان يوم عيد الميلاد.", "ar", "2022-12-25"),
    ],
)
def test_holidays_on_fixed_dates(sentence, language, expected):
    assert date_of(sentence, "2022-12-30", language).start == day(expected)


def test_a_future_cue_right_after_the_phrase_looks_ahead_but_not_after_a_statement():
    assert date_of("Christmas Eve celebrations will be cancelled.", "2022-12-20").start == day("2022-12-24")
    assert date_of("The meeting on Monday will decide the budget.", "2015-09-19").start == day("2015-09-21")
    assert date_of("Kerry said on Saturday he will meet Lavrov.", "2015-09-19").start == day("2015-09-19")


@pytest.mark.parametrize(
    ("sentence", "language", "published", "expected"),
    [
        ("The bombings on Easter Sunday killed more than 250 people.", "en", "2019-04-25", ("2019-04-21",) * 2),
        ("Good Friday processions were cancelled.", "en", "2019-04-25", ("2019-04-19",) * 2),
        ("Eid al-Adha prayers were held under heavy guard.", "en", "2012-12-03", ("2012-10-26",) * 2),
        ("Die Anschläge am Ostersonntag forderten viele Opfer.", "de", "2019-04-25", ("2019-04-21",) * 2),
        ("Fighting eased during Ramadan.", "en", "2019-07-02", ("2019-05-06", "2019-06-03")),
        ("تراجعت الاشتباكات خلال شهر رمضان.", "ar", "2019-07-02", ("2019-05-06", "2019-06-03")),
    ],
)
def test_moveable_feasts(sentence, language, published, expected):
    assert span(date_of(sentence, published, language))[:2] == expected


def test_seasons_are_northern_meteorological_ranges():
    assert span(date_of("Last summer, a similar meeting was cancelled.", "2021-06-14")) == (
        "2020-06-01", "2020-08-31", "range")
    assert span(date_of("The dam burst in the spring of 2014.", "2021-06-14")) == ("2014-03-01", "2014-05-31", "range")
    assert span(date_of("This winter has been the coldest in years.", "2021-01-10")) == (
        "2020-12-01", "2021-01-10", "range")
    assert span(date_of("L'été dernier, la récolte a brûlé.", "2021-06-14", "fr"))[:2] == ("2020-06-01", "2020-08-31")


def test_a_bare_day_of_the_month_is_the_latest_such_day():
    assert date_of("On the 11th, the summit opened.", "2021-06-14").start == day("2021-06-11")
    assert date_of("On the 20th, the summit opened.", "2021-06-14").start == day("2021-05-20")
    assert date_of("Fire broke out on the 5th floor.", "2021-06-14").source == "published"


def test_a_year_used_as_an_adjective_yields_to_any_other_date():
    assert date_of("Turnout in the 2014 midterms was low.", "2018-11-05").start == day("2014-01-01")
    date = date_of("Protesters marking the 2011 uprising clashed with police on Monday.", "2018-11-07")
    assert date.start == day("2018-11-05")
    assert date_of("Russia's 2000 troops stayed.", "2018-11-05").source == "published"


def test_a_weekday_named_with_a_yearless_date_picks_the_year_they_agree():
    assert date_of("Monday, March 30, the suspect was arrested.", "2010-06-15").start == day("2009-03-30")
    assert date_of("Am Montag, den 30. März, begann der Prozess.", "2010-06-15", "de").start == day("2009-03-30")
    assert date_of("Thursday, October 12, was the deadliest day.", "2023-11-15").start == day("2023-10-12")


def test_a_round_hundred_before_2000_is_a_century():
    assert span(date_of("Artifacts were excavated in the 1800s.", "2010-06-15"))[:2] == ("1800-01-01", "1899-12-31")
    assert span(date_of("The city grew in the 2000s.", "2012-12-03"))[:2] == ("2000-01-01", "2009-12-31")


def test_month_of_a_year_and_month_of_last_year():
    assert span(date_of("The outbreak began in August of last year.", "2009-05-01")) == (
        "2008-08-01", "2008-08-31", "month")
    assert span(date_of("No cow tested positive since December of 2003.", "2009-05-01")) == (
        "2003-12-01", "2009-05-01", "range")


def test_a_future_date_equal_to_publication_stays_on_that_day():
    assert date_of("Inspectors are due to arrive in Douma on April 14.", "2018-04-14").start == day("2018-04-14")


def test_since_a_season_and_german_bare_years():
    assert span(date_of("The candidate had trailed in the polls since the summer.", "2016-11-09")) == (
        "2016-06-01", "2016-11-09", "range")
    assert span(date_of("Die Zeitschrift war bereits 2011 Ziel eines Anschlags.", "2015-01-08", "de"))[:2] == (
        "2011-01-01", "2011-12-31")
    assert span(date_of("2011 begann der Krieg.", "2015-01-08", "de"))[:2] == ("2011-01-01", "2011-12-31")
    assert date_of("Schon 2000 Menschen flohen.", "2015-01-08", "de").source == "published"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("قتل عشرة أشخاص أمس الأول في غارة.", ("2015-09-17", "2015-09-17")),
        ("ارتفعت الأسعار منذ بداية العام.", ("2015-01-01", "2015-09-19")),
        ("سجلت 50 إصابة خلال الساعات الـ24 الماضية.", ("2015-09-18", "2015-09-19")),
        ("سيطر التنظيم على المدينة في يونيو/حزيران 2014.", ("2014-06-01", "2014-06-30")),
        ("وقعت الهدنة في 10 تشرين الأول/أكتوبر 2014.", ("2014-10-10", "2014-10-10")),
        ("نزح الآلاف منذ مارس/آذار 2011.", ("2011-03-01", "2015-09-19")),
    ],
)
def test_arabic_media_forms(sentence, expected):
    assert span(date_of(sentence, "2015-09-19", "ar"))[:2] == expected


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("A few days ago, the airport fell.", "en", ("2015-09-12", "2015-09-19")),
        ("Vor wenigen Tagen wurde der Flughafen eingenommen.", "de", ("2015-09-12", "2015-09-19")),
        ("Il y a quelques jours, l'aéroport a été pris.", "fr", ("2015-09-12", "2015-09-19")),
        ("Hace unos días fue tomado el aeropuerto.", "es", ("2015-09-12", "2015-09-19")),
        ("Depuis le début de l'année, 300 000 migrants sont arrivés.", "fr", ("2015-01-01", "2015-09-19")),
        ("En lo que va de año han llegado 300.000 migrantes.", "es", ("2015-01-01", "2015-09-19")),
    ],
)
def test_vague_recent_pasts_and_the_year_so_far(sentence, language, expected):
    assert span(date_of(sentence, "2015-09-19", language))[:2] == expected
