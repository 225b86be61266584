"""Text -> candidate place names (mentions), before any decision about which place is meant.

Finds capitalised word runs, matches the longest gazetteer names inside them, and drops
matches that belong to people ("John Kerry", "President Assad"), organisations ("Nusra
Front", "Echo of Moscow"), streets and publications, or that are ordinary words written
with a capital at the start of a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from mapapp.geoparsing.gazetteer import (
    ALTERNATE,
    DEMONYM,
    FLAG_BITS,
    KIND_CODE,
    Gazetteer,
)
from mapapp.geoparsing.normalize import ARTICLES, loose_word, loosened_key
from mapapp.geoparsing.tokens import Token, Tokens, in_title_case, is_initial, tokenize
from mapapp.geoparsing.wordlists import (
    ADJECTIVE_SUFFIXES,
    CLUB_PREFIXES,
    CONNECTORS,
    FACILITY_WORDS,
    FEATURE_WORDS_AFTER_NAME,
    FUNCTION_WORDS,
    GEO_HEADS_BEFORE_OF,
    INSTITUTION_HEADS,
    MODIFIERS,
    MONTHS_AND_DAYS,
    NAMED_AFTER_PLACES,
    NON_PLACE_HEADS,
    NOT_PLACES,
    ORDINARY_WORDS_THAT_ARE_TOWNS,
    REGION_CUES,
    SPEECH_VERBS,
    TITLES,
    WORLD_AREAS,
)

MAX_NAME_TOKENS = 6
COUNTRY, REGION = KIND_CODE["country"], KIND_CODE["region"]
_ADJECTIVE_SUFFIX = re.compile(r"-(?:" + "|".join(sorted(ADJECTIVE_SUFFIXES)) + r")\b", re.IGNORECASE)

# Words that end a place name even in lower case: "Beirut airport" names the airport.
LOWER_CASE_NAME_ENDS = frozenset({"airport"})
_CONTRACTION = re.compile(r"['’](?:ve|ll|re|d|m|t)$", re.IGNORECASE)


@dataclass(slots=True)
class Mention:
    """A span that names a place in the gazetteer, with every entry it could be."""

    start: int
    end: int
    surface: str
    key: str
    postings: tuple[int, ...]
    is_demonym: bool
    region_cue: bool  # "province of Idlib", "Idlib province"
    first_token: int
    last_token: int


def is_world_area(name: str, kind: str, country_code: str) -> bool:
    """True for a toponym that names a continent, a sea, an ocean or a world region ("Africa",
    "Black Sea", "Middle East", "Sahel"), by its resolved gazetteer name, kind and country.

    The geoparser still reports these with a nominal point (a sea's middle, a continent's
    centre); no marker can stand for them, so whatever draws the map should leave them off
    (and count them). A first-level division sharing the name ("Red Sea" state, Sudan) has a
    country and is not one."""
    return kind == "other" and not country_code and name in WORLD_AREAS


class Recognizer:
    """Finds mentions of gazetteer places in text (see module docstring)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._common = gazetteer.common_words
        self._first_names = gazetteer.first_names
        self._frequent = gazetteer.frequent_words

    def mentions(self, text: str) -> list[Mention]:
        """The place names in ``text``, in text order, without overlaps."""
        tokens = tokenize(text)
        found: list[Mention] = []
        people: set[str] = set()
        resume = 0  # first position not yet inside an accepted or rejected match
        for i in tokens.capitalised:
            if i < resume:
                continue
            match = self._longest_match(text, tokens, i)
            shorter = 0 if match is None else match.last_token - match.first_token + 1
            match = self._transliterated_match(text, tokens, i, shorter) or match
            if match is None:
                continue
            mention = self._judge(text, tokens, match, people)
            if mention is not None:
                found.append(mention)
            elif tokens[i].key == "the" and match.last_token > i:
                continue  # "The City" is no name, but what follows "The" may be one
            resume = match.last_token + 1
        # One sense per discourse for people and diseases: once "Philip Hammond" is a person,
        # "Hammond" is too; once "Marburg virus" is a disease, so is "Marburg".
        return [m for m in found if m.key not in people]

    def _may_start_a_name(self, key: str, full_key: str) -> bool:
        """Whether a word with these keys (see Tokens.keys) is a gazetteer name or the first
        word of one; most capitalised words ("The", "He", "Smith") are neither."""
        names, prefixes = self.gaz.names, self.gaz.name_prefixes
        return key in names or key in prefixes or full_key in prefixes or (
            len(key) <= 5 and key + "." in names  # "Calif", written "Calif."
        )

    def _longest_match(self, text: str, tokens: Tokens, i: int) -> Mention | None:
        """The longest gazetteer name starting at word ``i``, or None."""
        first_key, first_full_key = tokens.keys(i)
        if not self._may_start_a_name(first_key, first_full_key):
            return None
        n = len(tokens)
        names, prefixes = self.gaz.names, self.gaz.name_prefixes
        # Extend along known name prefixes, over words joined to the previous one that are
        # capitalised, connectors ("of", "al") or hyphenated parts (Port-au-Prince).
        limit = i + 1
        prefix = first_full_key
        while limit < n and limit - i < MAX_NAME_TOKENS:
            key, full_key = tokens.keys(limit)
            longer = f"{prefix} {full_key}"
            if longer not in prefixes and (longer if key == full_key else f"{prefix} {key}") not in names:
                break
            tok = tokens[limit]
            if not tok.joined_to_previous or not (
                tok.capitalised or tok.key in CONNECTORS or tok.key in LOWER_CASE_NAME_ENDS
                or (text[tok.start - 1] == "-" and tok.key.isalpha())
            ):
                break
            prefix = longer
            limit += 1
        # The longest of the words i..j-1 that names a place, ending on a capitalised word.
        for j in range(limit, i, -1):
            last = tokens[j - 1]
            if not last.capitalised and (j - 1 == i or last.key not in LOWER_CASE_NAME_ENDS):
                continue
            key = " ".join([*(tokens[k].full_key for k in range(i, j - 1)), last.key])
            postings = names.get(key)
            end = last.end
            if j - i == 1 and last.end < len(text) and text[last.end] == "." and i > 0 and \
                    text[tokens[i - 1].end:last.start].strip() == ",":
                dotted = names.get(key + ".")  # "Dallas, Tex."
                if dotted:
                    postings, end = dotted, last.end + 1
            if not postings:
                continue
            start = tokens[i].start
            return Mention(start=start, end=end, surface=text[start:end], key=key, postings=postings,
                           is_demonym=False, region_cue=False, first_token=i, last_token=j - 1)
        return None

    def _transliterated_match(self, text: str, tokens: Tokens, i: int, shorter: int) -> Mention | None:
        """The longest name of more than ``shorter`` words starting at word ``i`` that the
        gazetteer holds in another transliteration ("Qamishli" for "Al Qamishli", "Jisr
        al-Shughur" for "Jisr ash Shughur"), or None. Tried only where the exact keys found
        nothing as long, so names spelled as the gazetteer spells them are never disturbed."""
        n = len(tokens)
        # Most capitalised words start no name in any spelling: tell them by their first
        # loose word (after an article) before looking at their neighbours.
        first_word = loose_word(tokens.keys(i)[0])
        if not first_word and i + 1 < n:
            first_word = loose_word(tokens.keys(i + 1)[0])  # "Al-Hasakeh": what follows "Al"
        if first_word not in self.gaz.loose_first_words:
            return None
        limit = i + 1
        while limit < n and limit - i < MAX_NAME_TOKENS:
            tok = tokens[limit]
            if not tok.joined_to_previous or not (
                tok.capitalised or tok.key in CONNECTORS
                or (text[tok.start - 1] == "-" and tok.key.isalpha())
            ):
                break
            limit += 1
        if limit - i <= shorter:
            return None
        # "Al Hasakeh" may be the town; "Al Gore" is a person whose surname is a town: a
        # capitalised article set apart by a space counts only toward names that have one.
        first = tokens[i]
        article_names_only = first.key in ARTICLES and text[first.end:first.end + 1] != "-"
        for j in range(limit, i + shorter, -1):
            last = tokens[j - 1]
            if not last.capitalised:
                continue
            if j - i == 1 and (last.key in self.gaz.familiar_words or last.key in self._first_names):
                continue  # "Sunni", "Josh": a word or a given name, not a spelling of Shunyi or Jos
            key = " ".join([*(tokens[k].full_key for k in range(i, j - 1)), last.key])
            postings = self.gaz.lookup_transliterated(loosened_key(key),
                                                      article_names_only=article_names_only)
            if postings:
                start = first.start
                return Mention(start=start, end=last.end, surface=text[start:last.end], key=key,
                               postings=postings, is_demonym=False, region_cue=False,
                               first_token=i, last_token=j - 1)
        return None

    def _judge(self, text: str, tokens: Tokens, m: Mention, people: set[str]) -> Mention | None:
        """Keep the match if it reads as a place; None for people, organisations, common words.

        Names judged to be people go into ``people`` so that later bare mentions of the same
        name ("Hammond" after "Philip Hammond") are dropped too.
        """
        first, last = tokens[m.first_token], tokens[m.last_token]
        prev = None
        if m.first_token > 0 and first.joined_to_previous and text[first.start - 1] != "-":
            prev = tokens[m.first_token - 1]  # "Logan-Rogersville" is two places, not a person
        nxt = tokens[m.last_token + 1] if m.last_token + 1 < len(tokens) else None
        nxt_joined = nxt is not None and not last.possessive and (
            nxt.joined_to_previous or (is_initial(nxt.text) and text[m.end:nxt.start] == " ")
        )
        if nxt is not None and not nxt.capitalised and nxt.key in NAMED_AFTER_PLACES:
            # A disease named after a place ("Marburg virus", "Reston ebolavirus"): the whole
            # story uses the name for the disease ("Marburg kills more slowly").
            people.add(m.key)
            return None
        if nxt is not None and not nxt.capitalised and nxt.key in FEATURE_WORDS_AFTER_NAME \
                and text[m.end:nxt.start] == " ":
            return None  # "the Dnipro river": the river, not the city named after it
        if nxt is not None and not nxt.capitalised and nxt.key in FACILITY_WORDS \
                and text[m.end:nxt.start] == " " and text[max(0, m.start - 3):m.start].lower() == "al-" \
                and all(p & ALTERNATE for p in m.postings):
            # "the al-Thawra hospital" (Thawra: another name of Tabqa) names a building; a
            # town's own name stays a town: "al-Qusayr hospital" is the hospital in Qusayr.
            return None
        if self._not_a_name(text, m, first, last, nxt) or self._names_a_person(
            text, tokens, m, prev, nxt if nxt_joined else None, people
        ) or self._names_an_organisation(tokens, m, first, nxt if nxt_joined else None) \
                or self._ends_an_unknown_name(text, tokens, m, first):
            return None
        # A name that is a demonym ("Georgian", "American") is read as one, even where a
        # village somewhere carries the same name.
        is_demonym = any(p & DEMONYM for p in m.postings)
        postings = tuple(p for p in m.postings if p & DEMONYM) if is_demonym else m.postings
        if not is_demonym and _ADJECTIVE_SUFFIX.match(text, m.end):
            # "Saudi-led coalition", "Iranian-backed militias": an adjective, read like a
            # demonym (the map leaves it off), not a place where something happened.
            return replace(m, is_demonym=True, region_cue=False)
        if m.first_token == m.last_token and not is_demonym and "." not in m.surface \
                and not self._followed_by_container(text, tokens, m):
            postings = self._as_ordinary_word(text, m, first, postings)
            if not postings:
                return None
        region_cue = self._region_cue(tokens, m, nxt, nxt_joined)
        # "Kherson region" and a bare "Kherson" in one story are two senses (the oblast and its
        # city), so a cued mention is resolved apart from the name's other mentions.
        key = m.key + " (region)" if region_cue else m.key
        return replace(m, key=key, postings=postings, is_demonym=is_demonym, region_cue=region_cue)

    def _not_a_name(self, text: str, m: Mention, first: Token, last: Token, nxt: Token | None) -> bool:
        """Spans that are no place name whatever the context: contractions, acronyms, brands."""
        single = m.first_token == m.last_token
        if ("'" in last.text or "’" in last.text) and _CONTRACTION.search(last.text):
            return True  # "I've", "We'll"
        if single and first.all_caps and len(first.text) <= 5 and "." not in m.surface and not any(
            self.gaz.kind[p >> FLAG_BITS] != KIND_CODE["city"] and not p & ALTERNATE for p in m.postings
        ):
            return True  # acronyms ("HIV", "SOS", "IRS") that happen to spell a town
        if nxt is not None and nxt.capitalised and text[m.end:nxt.start] == "-" and (
            not self.gaz.names.get(nxt.key) or not self._has_big_place(m.postings)
        ):
            return True  # part of a compound name: "Wal-Mart", "Coca-Cola"
        if last.possessive and nxt is not None and nxt.key == "day":
            return True  # a holiday: "St. Patrick's Day"
        if text[m.end:m.end + 1] == "$":
            return True  # currency: "US$460 million"
        if text[m.start - 1:m.start] == "/" and text[m.end:m.end + 1] == "/":
            return True  # a virus strain's designation: "A/California/7/2009"
        if first.key == "the" and not any(self.gaz.name[p >> FLAG_BITS].startswith("The ") for p in m.postings):
            return True  # "The City": only names that really begin with "The" ("The Hague")
        return m.key in NOT_PLACES

    def _names_a_person(self, text: str, tokens: Tokens, m: Mention, prev: Token | None,
                        nxt: Token | None, people: set[str]) -> bool:
        """"President Assad", "John Kerry", "George W. Bush", "Jordan Henderson", "Michael"."""
        single = m.first_token == m.last_token
        if prev is not None and is_initial(prev.text) and m.first_token >= 2 \
                and text[prev.end:prev.end + 1] == "." and tokens[m.first_token - 2].capitalised:
            people.add(m.key)
            return True
        if single and nxt is not None and not nxt.capitalised and nxt.key in SPEECH_VERBS \
                and not self._has_big_place(m.postings):
            people.add(m.key)
            return True  # '"...," Hartl said': a small town does not speak (Moscow may)
        popular_given_name = single and m.key in self.gaz.popular_first_names
        if popular_given_name and not self._has_big_place(m.postings, 150_000) \
                and not all(p & DEMONYM for p in m.postings) and not self._followed_by_container(text, tokens, m):
            return True  # a given name on its own ("Michael", "Patrick") is a person
        if prev is not None and (
            (prev.capitalised and (prev.key in TITLES or self._is_given_name(prev)))
            or (single and not prev.capitalised and prev.key in TITLES)
        ):
            people.add(m.key)
            return True
        if nxt is not None and nxt.capitalised and nxt.key not in MODIFIERS and nxt.key not in NON_PLACE_HEADS \
                and single and nxt.key not in MONTHS_AND_DAYS and nxt.key not in FUNCTION_WORDS and (
                    (m.key in self._first_names and nxt.key not in self._common)
                    or (popular_given_name and not self._has_big_place(m.postings, 1_000_000))
                ):
            # Two names side by side with no punctuation, the first a given name:
            # "Jordan Henderson", "Georgia Brown" are people, not a country and a town.
            people.add(nxt.key)
            return True
        return False

    def _names_an_organisation(self, tokens: Tokens, m: Mention, first: Token, nxt: Token | None) -> bool:
        """"Dublin Road", "Washington Post", "Nusra Front"; "Echo of Moscow", "Bank of America"."""
        if nxt is not None and nxt.capitalised and nxt.key not in MODIFIERS \
                and (nxt.key in NON_PLACE_HEADS or nxt.key in INSTITUTION_HEADS) and not self._is_country(m.postings):
            return True  # (a country's army, post office or ministry still names the country)
        if m.first_token >= 1 and first.joined_to_previous:
            before = tokens[m.first_token - 1]
            if before.capitalised and before.key in CLUB_PREFIXES and not self._is_country(m.postings):
                return True  # "Shakhtar Donetsk", "Inter Milan": a club, not the city
        if m.first_token >= 2 and first.joined_to_previous:
            of = tokens[m.first_token - 1]
            if of.key != "of" or not of.joined_to_previous:
                return False
            head = tokens[m.first_token - 2]  # built only now: most names follow no "of"
            if head.capitalised and head.key not in GEO_HEADS_BEFORE_OF and head.key not in TITLES \
                    and not head.sentence_initial and not self._ends_a_persons_name(tokens, m.first_token - 2):
                return True
        return False

    def _ends_an_unknown_name(self, text: str, tokens: Tokens, m: Mention, first: Token) -> bool:
        """"Plum Island", "Health Centre", "Luis Gomes Sambo", "Navarro-Valls", "Racing Victoria":
        one word right after a capitalised word that is no place, title, modifier or ordinary
        word is the tail of a name the gazetteer does not hold, not a place on its own."""
        i = m.first_token
        if i == 0 or m.last_token != i or not first.joined_to_previous:
            return False
        prev = tokens[i - 1]
        if not prev.capitalised or prev.possessive or prev.all_caps or "." in m.surface:
            return False  # "Syria's Idlib", "D-Charleston", "R-N.D."
        if first.key not in self._common and self._has_big_place(tuple(p for p in m.postings if not p & ALTERNATE)):
            return False  # "SOS Children's Villages Sudan" names Sudan; "Plum Island" is no Iceland
        word = prev.key
        if word in MODIFIERS or word in FUNCTION_WORDS or word in MONTHS_AND_DAYS or word in CONNECTORS \
                or word in TITLES or (prev.sentence_initial and word in self._common):
            return False  # "Northern Kasai", "In Paris", "Al-Hasakah"
        before = self.gaz.names.get(word, ())
        if any(p & DEMONYM for p in before) or self._has_big_place(before):
            return False  # "Syrian Kurdistan", "Kabul Afghanistan": a place or people before it
        return not in_title_case(text, m.start)

    def _is_country(self, postings: tuple[int, ...]) -> bool:
        """True when the name is a country's own name ("Syria", not "Syrian")."""
        kind = self.gaz.kind
        return any(kind[p >> FLAG_BITS] == KIND_CODE["country"] and not p & (ALTERNATE | DEMONYM) for p in postings)

    def _followed_by_container(self, text: str, tokens: Tokens, m: Mention) -> bool:
        """True for "Ames, Iowa", "Buffalo, New York", "Marion, Ohio": a name followed by a
        comma and a state or country is a place whatever else the word could be."""
        i = m.last_token + 1
        if i >= len(tokens) or not text.startswith(", ", m.end):
            return False
        after = tokens[i]
        if not after.capitalised or after.start != m.end + 2:
            return False
        keys = [after.key]
        if i + 1 < len(tokens) and tokens[i + 1].joined_to_previous:
            keys.append(f"{after.full_key} {tokens.keys(i + 1)[0]}")  # "New York", "West Virginia"
        if text.startswith(".", after.end):
            keys.append(after.key + ".")  # "Calif."
        kind = self.gaz.kind
        return any(
            kind[p >> FLAG_BITS] in (KIND_CODE["region"], KIND_CODE["country"]) and not p & DEMONYM
            for key in keys for p in self.gaz.names.get(key, ())
        )

    def _ends_a_persons_name(self, tokens: Tokens, i: int) -> bool:
        """True for "Kerry" in "John Kerry" or "Grassley" in "Chuck E. Grassley": "<person> of
        <place>" says where someone is from, which is a place mention."""
        if i < 1 or not tokens[i].joined_to_previous:
            return False
        before = tokens[i - 1]
        # Two capitalised words before "of" read as a given name and a surname; an
        # organisation's name rarely runs that way after a function word ("the Bank of").
        return before.capitalised and before.key not in FUNCTION_WORDS and before.key not in GEO_HEADS_BEFORE_OF

    def _as_ordinary_word(self, text: str, m: Mention, first: Token, postings: tuple[int, ...]) -> tuple[int, ...]:
        """The postings a one-word match keeps once the chance that it is a plain word is
        weighed (sentence-initial "Reading", "May", all-caps headlines); () to drop it."""
        word = first.key
        if word in FUNCTION_WORDS or word in MONTHS_AND_DAYS or word in MODIFIERS:
            return ()
        common = word in self._common or word in ORDINARY_WORDS_THAT_ARE_TOWNS
        if common:
            # An ordinary word counts only under a place's own name ("Drug" is not Durg)
            # and not for a region that happens to be called "Centre" or "Coast".
            postings = tuple(p for p in postings if not p & ALTERNATE
                             and self.gaz.kind[p >> FLAG_BITS] != KIND_CODE["region"])
            if not postings:
                return ()
        if common or word in self._frequent:
            # A capital at the start of a sentence or in a headline says nothing, so the word
            # must name a very prominent place to count ("Paris", not "Reading"); elsewhere
            # the capital makes it a name, and a sizeable place will do.
            uncertain_case = (common and (first.sentence_initial or in_title_case(text, m.start))) or (
                # An all-caps word counts as a name in a dateline: "CHARLESTON, W.Va. -".
                first.all_caps and text[m.end:m.end + 2].strip()[:1] not in (",", "(", "-", "–", "—")
            )
            if not self._has_big_place(postings, 1_000_000 if uncertain_case else 100_000):
                return ()
        return postings

    @staticmethod
    def _region_cue(tokens: Tokens, m: Mention, nxt: Token | None, nxt_joined: bool) -> bool:
        """"Idlib province", "province of Idlib", "Idlib Province": a first-level region is meant."""
        if nxt is not None and nxt.key in REGION_CUES and (not nxt.capitalised or nxt_joined):
            return True
        return m.first_token >= 2 and tokens[m.first_token - 1].key == "of" \
            and tokens[m.first_token - 2].key in REGION_CUES

    def _is_given_name(self, tok: Token) -> bool:
        """True when the word reads as a person's given name ("John"), not a major place."""
        if tok.key not in self._first_names or tok.key in FUNCTION_WORDS:
            return False
        postings = self.gaz.names.get(tok.key)
        # "Paris Hilton" aside, a name that is also a major place is read as the place.
        return not (postings and self._has_big_place(postings, 1_000_000))

    def _has_big_place(self, postings: tuple[int, ...], city_size: int = 100_000) -> bool:
        """True when a name can be a country, a sizeable region or a city over ``city_size``."""
        kind, pop, geonameid = self.gaz.kind, self.gaz.population, self.gaz.geonameid
        for p in postings:
            e = p >> FLAG_BITS
            if kind[e] == COUNTRY or pop[e] >= city_size or not geonameid[e] or (
                kind[e] == REGION and pop[e] >= 3 * city_size
            ):
                return True
        return False
