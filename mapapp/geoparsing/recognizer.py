"""Text -> candidate place names (mentions), before any decision about which place is meant.

Finds capitalised word runs, matches the longest gazetteer names inside them, and drops
matches that belong to people ("John Kerry", "President Assad"), organisations ("Nusra
Front", "Echo of Moscow"), streets and publications, or that are ordinary words written
with a capital at the start of a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mapapp.geoparsing.gazetteer import (
    ALTERNATE,
    DEMONYM,
    FLAG_BITS,
    KIND_CODE,
    Gazetteer,
)
from mapapp.geoparsing.normalize import name_key
from mapapp.geoparsing.wordlists import (
    FUNCTION_WORDS,
    GEO_HEADS_BEFORE_OF,
    MODIFIERS,
    MONTHS_AND_DAYS,
    NAMED_AFTER_PLACES,
    NON_PLACE_HEADS,
    NOT_PLACES,
    REGION_CUES,
    TITLES,
)

MAX_NAME_TOKENS = 6
# Connectors allowed inside a multiword name ("Bosnia and Herzegovina", "Deir al-Zour").
CONNECTORS = frozenset(["of", "al", "el", "ad", "ar", "as", "ash", "az", "ad", "ed", "en", "er", "es", "et", "ez", "de", "del", "della", "der", "des", "di", "du", "da", "la", "le", "los", "las", "van", "von", "bin", "ibn", "upon", "on", "and", "the", "y"])

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.[A-Z][a-z]\.|[^\W_]+(?:['’ʼ][^\W_]+)*")
_CONTRACTION = re.compile(r"['’](?:ve|ll|re|d|m|t)$", re.IGNORECASE)
_SENTENCE_END = set(".!?:;(\n")
_QUOTES = set('"“”\'‘’')


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str
    capitalised: bool
    all_caps: bool
    sentence_initial: bool
    joined_to_previous: bool  # only a space or hyphen between it and the previous token
    possessive: bool
    full_key: str  # key before the possessive was stripped: "peoples" in "People's Republic"


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


_ABBREVIATED_WORDS = frozenset(["st", "ste", "ft", "mt", "pt", "sgt", "lt", "gen", "col", "gov", "sen", "rep", "dr", "mr", "mrs", "ms", "prof"])


def _is_capitalised(word: str) -> bool:
    """"Kerry", "KERRY", "d'Ivoire", "O'Hare" count; "said", "al" do not."""
    if word[0].isupper():
        return True
    return len(word) > 2 and word[1] in "'’" and word[2].isupper()


_ELISION = re.compile(r"(?<![^\W_])[^\W\d_]['’][A-Z]")  # "d'Ivoire", "l'Aquila"
_WORD = re.compile(r"[^\W\d_]+")


def _in_title_case(text: str, position: int) -> bool:
    """True inside a headline written In Title Case, where capitals say nothing about names."""
    start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
    stops = [i for i in (text.find(". ", position), text.find("\n", position)) if i >= 0]
    words = _WORD.findall(text, start, min(stops) if stops else len(text))
    long_words = [w for w in words if len(w) > 3]
    return len(long_words) >= 4 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _opens_sentence(text: str, start: int, gap: str) -> bool:
    """True when the word at ``start`` is the first of a sentence, quote or line."""
    if "\n" in gap:
        return True
    before = text[max(0, start - 40):start].rstrip()
    if not before:
        return True
    last = before[-1]
    if last in _QUOTES:
        # An opening quote starts a sentence; a closing one ('Syria," Valentina') does not.
        ahead = before[:-1].rstrip()
        return not ahead or ahead[-1] in ".!?:" or before[-2:-1].isspace()
    return last in _SENTENCE_END


def _key(word: str) -> str:
    # Fast path for the plain ASCII words that make up most of English text.
    return word.lower() if word.isascii() and word.isalpha() else name_key(word)


class Tokens:
    """The words of a text, each turned into a Token only when first looked at.

    Most words are never looked at: only capitalised ones start a name, and only their
    neighbours serve as context. ``capitalised`` lists the positions of the former.
    """

    __slots__ = ("_cache", "_matches", "_text", "capitalised")

    def __init__(self, text: str) -> None:
        self._text = text
        self._matches = list(_TOKEN.finditer(text))
        self._cache: list[Token | None] = [None] * len(self._matches)
        elisions = {m.start() for m in _ELISION.finditer(text)} if "'" in text or "’" in text else ()
        self.capitalised = [
            i for i, start in enumerate([m.start() for m in self._matches])
            if text[start].isupper() or start in elisions
        ]

    def __len__(self) -> int:
        return len(self._matches)

    def keys(self, i: int) -> tuple[str, str]:
        """(key, key with any possessive kept) of word ``i``, without building its Token."""
        token = self._cache[i]
        if token is not None:
            return token.key, token.full_key
        word = self._matches[i].group()
        full = _key(word)
        if len(word) > 2 and word[-1] in "sS" and word[-2] in "'’ʼ":
            return _key(word[:-2]), full
        return full, full

    def __getitem__(self, i: int) -> Token:
        token = self._cache[i]
        if token is None:
            token = self._cache[i] = _token(self._text, self._matches, i)
        return token


def tokenize(text: str) -> Tokens:
    """Words of ``text`` with what the recogniser needs to know about each (see Token)."""
    return Tokens(text)


def _token(text: str, matches: list[re.Match], i: int) -> Token:
    m = matches[i]
    start, end = m.span()
    word = m.group()
    possessive = len(word) > 2 and word[-1] in "sS" and word[-2] in "'’ʼ"
    if possessive:
        end -= 2
        word = word[:-2]
    joined = False
    gap = "\n"
    if i > 0:
        previous = matches[i - 1]
        prev_end = previous.end()
        gap = text[prev_end:start]
        if gap == " " or not gap:
            joined = True
        elif "\n" not in gap:
            stripped = gap.strip()
            joined = stripped in ("", "-", "‐", "‑") or (
                # "St. Petersburg", "Mt. Vernon", "George W. Bush": the dot does not end the name.
                stripped == "." and (_key(previous.group()) in _ABBREVIATED_WORDS or _is_initial(previous.group()))
            )
    first = word[0]
    capitalised = first.isupper() or (len(word) > 2 and word[1] in "'’" and word[2].isupper())
    key = word.lower() if word.isascii() and word.isalpha() else name_key(word)
    if not capitalised:
        return Token(start, end, word, key, False, False, False, joined, possessive,
                     _key(m.group()) if possessive else key)
    sentence_initial = not joined and _opens_sentence(text, start, gap)
    return Token(start, end, word, key, True, len(word) > 1 and word.isupper(), sentence_initial,
                 joined, possessive, _key(m.group()) if possessive else key)


class Recognizer:
    """Finds mentions of gazetteer places in text (see module docstring)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._common = gazetteer.common_words
        self._first_names = gazetteer.first_names
        self._frequent = gazetteer.frequent_words
        self._name_starts = gazetteer.name_starts

    def mentions(self, text: str) -> list[Mention]:
        tokens = tokenize(text)
        found: list[Mention] = []
        people: set[str] = set()
        resume = 0  # first position not yet inside an accepted or rejected match
        names, starts = self.gaz.names, self._name_starts
        for i in tokens.capitalised:
            if i < resume:
                continue
            key, full_key = tokens.keys(i)
            if key not in names and key not in starts and full_key not in starts and key + "." not in names:
                continue  # most capitalised words ("The", "He", "Smith") start no name at all
            match = self._longest_match(text, tokens, i)
            if match is None:
                continue
            mention = self._judge(text, tokens, match, people)
            if mention is not None:
                found.append(mention)
            elif tokens[i].key == "the" and match.last_token > i:
                continue  # "The City" is no name, but what follows "The" may be one
            resume = match.last_token + 1
        # One sense per discourse for people: once "Philip Hammond" is a person, "Hammond" is too.
        return [m for m in found if m.key not in people]

    def _longest_match(self, text: str, tokens: Tokens, i: int) -> Mention | None:
        n = len(tokens)
        limit = i + 1
        first = tokens[i]
        if first.full_key not in self._name_starts and first.key not in self._name_starts:
            # No multiword name starts with this word, so only the word alone can match.
            if first.key not in self.gaz.names and first.key + "." not in self.gaz.names:
                return None
        else:
            while limit < n and limit - i < MAX_NAME_TOKENS:
                tok = tokens[limit]
                if not tok.joined_to_previous or not (
                    tok.capitalised or tok.key in CONNECTORS
                    or (text[tok.start - 1] == "-" and tok.key.isalpha())  # Port-au-Prince
                ):
                    break
                limit += 1
        for j in range(limit, i, -1):
            last = tokens[j - 1]
            if not last.capitalised:
                continue
            if j - i > 1:
                key = " ".join([*(tokens[k].full_key for k in range(i, j - 1)), last.key])
            else:
                key = last.key
            postings = self.gaz.names.get(key)
            end = last.end
            if j - i == 1 and last.end < len(text) and text[last.end] == "." and i > 0 and \
                    text[tokens[i - 1].end:last.start].strip() == ",":
                dotted = self.gaz.names.get(key + ".")
                if dotted:
                    postings, end = dotted, last.end + 1
            if not postings:
                continue
            return Mention(start=tokens[i].start, end=end, surface=text[tokens[i].start:end],
                           key=key, postings=postings, is_demonym=False, region_cue=False,
                           first_token=i, last_token=j - 1)
        return None

    def _judge(self, text: str, tokens: Tokens, m: Mention, people: set[str]) -> Mention | None:
        """Keep the match if it reads as a place; None for people, organisations, common words."""
        first, last = tokens[m.first_token], tokens[m.last_token]
        prev = None
        if m.first_token > 0 and first.joined_to_previous and text[first.start - 1] != "-":
            prev = tokens[m.first_token - 1]  # "Logan-Rogersville" is two places, not a person
        nxt = tokens[m.last_token + 1] if m.last_token + 1 < len(tokens) else None
        nxt_joined = nxt is not None and not last.possessive and (
            nxt.joined_to_previous or (_is_initial(nxt.text) and text[m.end:nxt.start] == " ")
        )
        single = m.first_token == m.last_token
        if _CONTRACTION.search(last.text):
            return None  # "I've", "We'll"
        if single and first.all_caps and len(first.text) <= 5 and "." not in m.surface and not any(
            self.gaz.kind[p >> FLAG_BITS] != KIND_CODE["city"] and not p & ALTERNATE for p in m.postings
        ):
            return None  # acronyms ("HIV", "SOS", "IRS") that happen to spell a town
        if nxt is not None and nxt.capitalised and text[m.end:nxt.start] == "-" and (
            not self.gaz.names.get(nxt.key) or not self._has_big_place(m.postings)
        ):
            return None  # part of a compound name: "Wal-Mart", "Coca-Cola"
        if last.possessive and nxt is not None and nxt.key == "day":
            return None  # a holiday: "St. Patrick's Day"
        if text[m.end:m.end + 1] == "$":
            return None  # currency: "US$460 million"
        if nxt is not None and not nxt.capitalised and nxt.key in NAMED_AFTER_PLACES:
            return None  # a disease named after a place: "Marburg virus", "Lassa fever"
        if first.key == "the" and not any(
            self.gaz.name[p >> FLAG_BITS].startswith("The ") for p in m.postings
        ):
            return None  # "The City": only names that really begin with "The" ("The Hague")

        # People: "President Assad", "John Kerry", "George W. Bush", "Jordan Smith".
        if prev is not None and _is_initial(prev.text) and m.first_token >= 2 \
                and text[prev.end:prev.end + 1] == "." and tokens[m.first_token - 2].capitalised:
            people.add(m.key)
            return None
        if m.key in NOT_PLACES:
            return None
        if single and m.key in self.gaz.popular_first_names and not self._has_big_place(m.postings, 150_000) \
                and not all(p & DEMONYM for p in m.postings):
            return None  # a given name on its own ("Michael", "Patrick") is a person
        if prev is not None and prev.capitalised:
            if prev.key in TITLES:
                people.add(m.key)
                return None
            if self._is_given_name(prev):
                people.add(m.key)
                return None
        if prev is not None and prev.key in TITLES and not prev.capitalised and single:
            people.add(m.key)
            return None
        if nxt_joined and nxt.capitalised and nxt.key not in MODIFIERS:
            if nxt.key in NON_PLACE_HEADS:
                return None
            if single and nxt.key not in MONTHS_AND_DAYS and nxt.key not in FUNCTION_WORDS and (
                (m.key in self._first_names and nxt.key not in self._common)
                or (m.key in self.gaz.popular_first_names and not self._has_big_place(m.postings, 1_000_000))
            ):
                # Two names side by side with no punctuation, the first a given name:
                # "Jordan Henderson", "Georgia Brown" are people, not a country and a town.
                people.add(nxt.key)
                return None
            if single and m.key in self.gaz.popular_first_names and not self._has_big_place(m.postings, 150_000) \
                    and not self.gaz.names.get(nxt.key):
                people.add(nxt.key)
                return None
        # Organisations named "X of <place>": "Echo of Moscow", "Bank of America".
        if m.first_token >= 2 and first.joined_to_previous:
            of, head = tokens[m.first_token - 1], tokens[m.first_token - 2]
            if of.key == "of" and of.joined_to_previous and head.capitalised \
                    and head.key not in GEO_HEADS_BEFORE_OF and head.key not in TITLES \
                    and not head.sentence_initial:
                return None

        # A name that is a demonym ("Georgian", "American") is read as one, even where a
        # village somewhere carries the same name.
        demonym_only = any(p & DEMONYM for p in m.postings)
        if demonym_only:
            postings = tuple(p for p in m.postings if p & DEMONYM)
        else:
            postings = m.postings

        # Ordinary words with a capital: sentence-initial "Reading", "May", all-caps headlines.
        if single and not demonym_only and "." not in m.surface:
            word = first.key
            if word in FUNCTION_WORDS or word in MONTHS_AND_DAYS or word in MODIFIERS:
                return None
            if word in self._common:
                # An ordinary word counts only under a place's own name ("Drug" is not Durg)
                # and not for a region that happens to be called "Centre" or "Coast".
                postings = tuple(p for p in postings if not p & ALTERNATE
                                 and self.gaz.kind[p >> FLAG_BITS] != KIND_CODE["region"])
                if not postings:
                    return None
            if word in self._common or word in self._frequent:
                # A capital at the start of a sentence or in an all-caps line says nothing, so
                # the word must name a very prominent place to count ("Paris", not "Reading");
                # elsewhere the capital makes it a name, and a sizeable place will do.
                uncertain_case = word in self._common and (first.sentence_initial or _in_title_case(text, m.start)) or (
                    # An all-caps word counts as a name in a dateline: "CHARLESTON, W.Va. -".
                    first.all_caps and text[m.end:m.end + 2].strip()[:1] not in (",", "(", "-", "–", "—")
                )
                city_size = 1_000_000 if uncertain_case else 100_000
                if not self._has_big_place(postings, city_size):
                    return None

        region_cue = False
        if nxt is not None and nxt.key in REGION_CUES and not nxt.capitalised or m.first_token >= 2 and tokens[m.first_token - 1].key == "of" \
                and tokens[m.first_token - 2].key in REGION_CUES or nxt is not None and nxt.key in REGION_CUES and nxt_joined:
            region_cue = True
        return Mention(start=m.start, end=m.end, surface=m.surface, key=m.key, postings=postings,
                       is_demonym=demonym_only, region_cue=region_cue,
                       first_token=m.first_token, last_token=m.last_token)

    def _is_given_name(self, tok: Token) -> bool:
        if tok.key not in self._first_names or tok.key in FUNCTION_WORDS:
            return False
        postings = self.gaz.names.get(tok.key)
        # "Paris Hilton" aside, a name that is also a major place is read as the place.
        return not (postings and self._has_big_place(postings, 1_000_000))

    def _has_big_place(self, postings: tuple[int, ...], city_size: int = 100_000) -> bool:
        """True when a name can be a country, a sizeable region or a city over ``city_size``."""
        kind, pop = self.gaz.kind, self.gaz.population
        for p in postings:
            e = p >> FLAG_BITS
            if kind[e] == KIND_CODE["country"] or pop[e] >= city_size or not self.gaz.geonameid[e] or (
                kind[e] == KIND_CODE["region"] and pop[e] >= 3 * city_size
            ):
                return True
        return False

    def _biggest_population(self, postings: tuple[int, ...]) -> int:
        pop = self.gaz.population
        return max((pop[p >> FLAG_BITS] for p in postings), default=0)
