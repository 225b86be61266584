"""Is this where something happened? The classifier on sentences written for these tests."""
import pytest

from mapapp.events.classify import PlaceSpan, host_places, judge_mention, judge_passage


def judge(sentence: str, name: str, **kwargs):
    start = sentence.index(name)
    return judge_mention(sentence, start, start + len(name), **kwargs)


@pytest.mark.parametrize("sentence, name, event_type", [
    ("Artillery shelled Kupiansk overnight, damaging the railway station.", "Kupiansk",
     "explosions_remote_violence"),
    ("A drone struck a fuel depot on the outskirts of Kursk on Friday.", "Kursk", "explosions_remote_violence"),
    ("Heavy fighting raged around Pokrovsk for a third day as both sides brought up reserves.", "Pokrovsk",
     "battles"),
    ("Gunmen on motorcycles killed 17 villagers near Kadiogo before dawn.", "Kadiogo",
     "violence_against_civilians"),
    ("Thousands of teachers marched peacefully through Lagos to demand unpaid wages.", "Lagos", "protests"),
    ("Protesters threw stones and set cars ablaze in Dakar after the verdict.", "Dakar", "riots"),
    ("Rebel fighters took control of Walikale after government troops withdrew.", "Walikale",
     "strategic_developments"),
    ("Cholera cases have been confirmed in Kassala, health workers said.", "Kassala", "other"),
])
def test_a_reported_event_at_the_place_is_an_event_of_its_type(sentence, name, event_type):
    judgement = judge(sentence, name)

    assert judgement.is_event, judgement
    assert judgement.event_type == event_type
    assert judgement.score >= 0.5


@pytest.mark.parametrize("sentence, name", [
    ("Moscow said the strikes on Kupiansk hit only military targets.", "Moscow"),
    ("Ankara's foreign ministry condemned the bombing.", "Ankara"),
    ("Families who fled from Sirte are sheltering in schools.", "Sirte"),
    ("The envoy will travel to Doha next week for talks on a truce.", "Doha"),
    ("Diplomats met in Geneva to discuss the fighting in the east.", "Geneva"),
    ("Analysts compared the offensive to the battle for Mosul.", "Mosul"),
])
def test_a_place_only_named_is_no_event(sentence, name):
    judgement = judge(sentence, name)

    assert not judgement.is_event, judgement


def test_a_nationality_is_no_event_location():
    sentence = "Sudanese jets bombed a market in El Obeid on Sunday."

    assert not judge(sentence, "Sudanese", is_demonym=True).is_event
    assert judge(sentence, "El Obeid").is_event


def test_the_deciding_words_are_kept_for_display():
    judgement = judge("Artillery shelled Kupiansk overnight.", "Kupiansk")

    assert any("shelled" in cue for cue in judgement.cues)


def test_an_air_strike_that_kills_civilians_stays_an_explosion():
    judgement = judge("An airstrike killed 12 civilians at a market in Kutum on Saturday.", "Kutum")

    assert judgement.event_type == "explosions_remote_violence"


def test_a_general_strike_is_a_protest_not_a_bombing():
    judgement = judge("A general strike shut shops across Beirut on Monday.", "Beirut")

    assert judgement.event_type == "protests"


def test_every_place_of_a_passage_is_judged_on_its_own():
    sentence = "Kyiv said Russian artillery pounded Nikopol on Tuesday."
    spans = [PlaceSpan(start=sentence.index(n), end=sentence.index(n) + len(n)) for n in ("Kyiv", "Nikopol")]

    kyiv, nikopol = judge_passage(sentence, spans)

    assert (kyiv.is_event, nikopol.is_event) == (False, True)


def test_a_province_that_only_says_where_a_town_lies_is_no_event():
    sentence = "A drone hit a warehouse in Sarmada in Idlib province on Monday."
    spans = [PlaceSpan(start=sentence.index(n), end=sentence.index(n) + len(n)) for n in ("Sarmada", "Idlib")]

    sarmada, idlib = judge_passage(sentence, spans)

    assert (sarmada.is_event, idlib.is_event) == (True, False)


def test_the_text_says_which_place_lies_in_which():
    sentence = "A missile hit the Saltivka district of Kharkiv, while Izium and Kupiansk were quiet."
    names = ("Saltivka", "Kharkiv", "Izium", "Kupiansk")
    spans = [PlaceSpan(start=sentence.index(n), end=sentence.index(n) + len(n)) for n in names]

    assert host_places(sentence, spans) == {0: 1}


def _hosts(sentence: str, names: tuple[str, ...]) -> dict[int, int]:
    spans = [PlaceSpan(start=sentence.index(n), end=sentence.index(n) + len(n)) for n in names]
    return host_places(sentence, spans)


def test_a_camp_on_the_edge_of_a_city_or_near_it_lies_in_it():
    assert _hosts("Shells hit camps at Bulengo on the western edge of Goma.", ("Bulengo", "Goma")) == {0: 1}
    assert _hosts("Tents were struck in Mawasi near Khan Yunis.", ("Mawasi", "Khan Yunis")) == {0: 1}
    assert _hosts("A strike on the Mawasi area west of Khan Younis.", ("Mawasi", "Khan Younis")) == {0: 1}
    assert _hosts("A bomber struck the Qala-e-Bakhtiar area on the southern edge of Kabul.",
                  ("Qala-e-Bakhtiar", "Kabul")) == {0: 1}


def test_a_township_in_a_state_and_towns_of_a_region_lie_in_it():
    assert _hosts("Rebels took Paletwa township in Chin state.", ("Paletwa", "Chin")) == {0: 1}
    assert _hosts("Homes were attacked in Tibu and other towns of Catatumbo.", ("Tibu", "Catatumbo")) == {0: 1}


def test_a_camp_named_after_its_towns_possessive_lies_in_that_town():
    assert _hosts("In Tulkarem's Nur Shams camp, roads were torn up.", ("Tulkarem", "Nur Shams")) == {1: 0}


def test_two_towns_merely_listed_side_by_side_lie_in_neither():
    assert _hosts("Riots also hit Eldoret and Nakuru.", ("Eldoret", "Nakuru")) == {}


def test_the_wide_area_after_a_comma_or_a_district_of_only_says_where_the_village_lies():
    for sentence, village, area in (
            ("Fighters killed 40 villagers in Masala, Beni territory, on Friday.", "Masala", "Beni"),
            ("Fighters killed civilians in the Macomia area of Cabo Delgado.", "Macomia", "Cabo Delgado")):
        spans = [PlaceSpan(start=sentence.index(village), end=sentence.index(village) + len(village)),
                 PlaceSpan(start=sentence.index(area), end=sentence.index(area) + len(area), kind="region")]

        inner, outer = judge_passage(sentence, spans)

        assert (inner.is_event, outer.is_event) == (True, False), sentence


def test_a_district_after_a_comma_is_where_the_village_is_and_an_event_place_too():
    sentence = "Insurgents beheaded three villagers in Chai, Macomia district, on Sunday."
    spans = [PlaceSpan(start=sentence.index(n), end=sentence.index(n) + len(n)) for n in ("Chai", "Macomia")]

    assert [j.is_event for j in judge_passage(sentence, spans)] == [True, True]


@pytest.mark.parametrize("sentence, name, event_type", [
    ("Soldiers fought rebels for control of the village of Bunagana on Sunday.", "Bunagana", "battles"),
    ("Rebels took control of Masisi on Monday after the army withdrew without a fight.", "Masisi",
     "strategic_developments"),
])
def test_fighting_beats_control_unless_the_text_says_there_was_none(sentence, name, event_type):
    assert judge(sentence, name).event_type == event_type


@pytest.mark.parametrize("sentence, name", [
    ("Gunmen went on a rampage through the town of Kabalo on Thursday; hundreds fled.", "Kabalo"),
    ("A gang attacked Liancourt on Friday, killing 30 people, among them women and infants.", "Liancourt"),
    ("Crowds rushed aid trucks at a roundabout in Rafah and troops opened fire; dozens died.", "Rafah"),
])
def test_armed_men_turning_on_unarmed_people_is_violence_against_civilians(sentence, name):
    assert judge(sentence, name).event_type == "violence_against_civilians"


def test_bodies_exhumed_from_a_mass_burial_site_are_other_not_the_old_capture_recalled():
    sentence = ("Investigators exhumed more bodies from a forest near Lyman, where a mass burial site "
                "was found after the town was retaken in 2022.")

    assert judge(sentence, "Lyman").event_type == "other"


def test_a_second_name_of_one_place_is_hosted_by_the_first():
    sentence = "Nine men were shot near Tadmur, the ancient city also known as Palmyra."

    assert _hosts(sentence, ("Tadmur", "Palmyra")) == {1: 0}


def test_towns_of_a_list_lie_in_none_of_the_others():
    sentence = "Staff were detained in Sanaa, Hodeidah and Saada this week."

    assert _hosts(sentence, ("Sanaa", "Hodeidah", "Saada")) == {}
    assert _hosts("Shells hit Karari locality, Omdurman.", ("Karari", "Omdurman")) == {0: 1}


def test_a_place_after_in_the_is_located_there():
    sentence = ("Drones targeted the army's headquarters in El Obeid on Tuesday and another hit a fuel "
                "station in the Zamzam camp.")

    assert judge(sentence, "Zamzam").is_event


def test_people_feared_dead_were_killed_not_only_feared_for():
    sentence = "Thousands are feared dead in the coastal city of Derna after two dams burst, officials said."

    judgement = judge(sentence, "Derna")

    assert (judgement.is_event, judgement.event_type) == (True, "other")
