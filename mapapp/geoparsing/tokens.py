"""Words of a text, with what the recogniser needs to know about each of them.

Tokens are built lazily: only capitalised words can start a place name, and only their
neighbours serve as context, so most words of an article never become a Token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate, compress
from operator import itemgetter

from mapapp.geoparsing.normalize import name_key

# A word: dotted abbreviations ("U.S.", "W.Va.") or letters and digits with inner apostrophes.
# (The lookahead and possessive quantifiers only make the scan faster.)
_PLAIN_WORD = r"[^\W_]++(?:['’ʼ][^\W_]++)*+"
_WORD_PATTERN = r"(?=[A-Z]\.)(?:(?:[A-Z]\.){2,}|[A-Z]\.[A-Z][a-z]\.)|" + _PLAIN_WORD
_SPLIT = re.compile(f"({_WORD_PATTERN})")
# Every dotted abbreviation begins like this; a text without one splits the same with the
# plain pattern, which scans a quarter faster.
_DOTTED_START = re.compile(r"[A-Z]\.[A-Z]")
_SPLIT_PLAIN = re.compile(f"({_PLAIN_WORD})")
_SENTENCE_END = set(".!?:;(\n")
_QUOTES = set('"“”\'‘’')
# Any apostrophe before a letter that may be a capital (a superset of what _is_capitalised
# accepts after one): when a text has none, the first letter alone says which words are capitalised.
_APOSTROPHE_CAPITAL = re.compile(r"['’][^\W\d_a-z]")


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


_ABBREVIATED_WORDS = frozenset([
    "st", "ste", "ft", "mt", "pt", "sgt", "lt", "gen", "col", "gov", "sen", "rep", "dr", "mr", "mrs", "ms", "prof",
])


def _is_capitalised(word: str) -> bool:
    """"Kerry", "KERRY", "d'Ivoire", "O'Hare" count; "said", "al" do not."""
    if word[0].isupper():
        return True
    return len(word) > 2 and word[1] in "'’" and word[2].isupper()


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")  # a run of four letters or more, whole


def in_title_case(text: str, position: int) -> bool:
    """True inside a headline written In Title Case, where capitals say nothing about names."""
    start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
    stops = [i for i in (text.find(". ", position), text.find("\n", position)) if i >= 0]
    long_words = _LONG_WORD.findall(text, start, min(stops) if stops else len(text))
    return len(long_words) >= 4 and sum(map(str.isupper, map(itemgetter(0), long_words))) >= 0.8 * len(long_words)


def is_initial(word: str) -> bool:
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
    Splitting with one regular expression (no match objects) and summing lengths for the
    offsets is what keeps this cheap on long articles.
    """

    __slots__ = ("_cache", "_ends", "_parts", "_text", "capitalised")

    def __init__(self, text: str) -> None:
        self._text = text
        # [gap 0, word 0, gap 1, word 1, ..., last gap]; _ends[k] is where part k ends.
        self._parts = (_SPLIT if _DOTTED_START.search(text) else _SPLIT_PLAIN).split(text)
        self._ends = list(accumulate(map(len, self._parts)))
        words = self._parts[1::2]
        self._cache: list[Token | None] = [None] * len(words)
        self.capitalised = list(compress(range(len(words)), map(str.isupper, map(itemgetter(0), words))))
        if _APOSTROPHE_CAPITAL.search(text):  # rare: "d'Ivoire", "O'Hare" may be here too
            self.capitalised = [i for i, w in enumerate(words) if _is_capitalised(w)]

    def __len__(self) -> int:
        return len(self._cache)

    def keys(self, i: int) -> tuple[str, str]:
        """(key, key with any possessive kept) of word ``i``, without building its Token."""
        token = self._cache[i]
        if token is not None:
            return token.key, token.full_key
        word = self._parts[2 * i + 1]
        if word.isascii() and word.isalpha():  # most words; no apostrophe, so no possessive
            key = word.lower()
            return key, key
        full = name_key(word)
        if len(word) > 2 and word[-1] in "sS" and word[-2] in "'’ʼ":
            return _key(word[:-2]), full
        return full, full

    def __getitem__(self, i: int) -> Token:
        token = self._cache[i]
        if token is None:
            token = self._cache[i] = self._token(i)
        return token

    def _token(self, i: int) -> Token:
        text, parts = self._text, self._parts
        raw = word = parts[2 * i + 1]
        gap = parts[2 * i] if i else "\n"  # the text before the first word counts as a line break
        start, end = self._ends[2 * i], self._ends[2 * i + 1]
        if word.isascii() and word.isalpha():  # most words; no apostrophe, so no possessive
            possessive = False
            key = full_key = word.lower()
        else:
            possessive = len(word) > 2 and word[-1] in "sS" and word[-2] in "'’ʼ"
            if possessive:
                end -= 2
                word = word[:-2]
            key = _key(word)
            full_key = _key(raw) if possessive else key
        joined = False
        if i and (gap == " " or not gap):
            joined = True
        elif i and "\n" not in gap:
            stripped = gap.strip()
            previous = parts[2 * i - 1]
            joined = stripped in ("", "-", "‐", "‑") or (
                # "St. Petersburg", "Mt. Vernon", "George W. Bush": the dot does not end the name.
                stripped == "." and (_key(previous) in _ABBREVIATED_WORDS or is_initial(previous))
            )
        capitalised = word[0].isupper() or (len(word) > 2 and word[1] in "'’" and word[2].isupper())
        if not capitalised:
            return Token(start, end, word, key, False, False, False, joined, possessive, full_key)
        sentence_initial = not joined and _opens_sentence(text, start, gap)
        return Token(start, end, word, key, True, len(word) > 1 and word.isupper(), sentence_initial,
                     joined, possessive, full_key)


def tokenize(text: str) -> Tokens:
    """Words of ``text`` with what the recogniser needs to know about each (see Token)."""
    return Tokens(text)
