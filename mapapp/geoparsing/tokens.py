"""Words of a text, with what the recogniser needs to know about each of them.

Tokens are built lazily: only capitalised words can start a place name, and only their
neighbours serve as context, so most words of an article never become a Token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from mapapp.geoparsing.normalize import name_key

# A word: a dotted abbreviation ("U.S.", "W.Va.") or letters and digits with inner apostrophes.
_WORD = re.compile(r"((?:[A-Z]\.){2,}|[A-Z]\.[A-Z][a-z]\.|[^\W_]+(?:['’ʼ][^\W_]+)*)")
WORDS_KEPT = 100_000  # distinct words whose keys are kept at hand (words recur)
_SENTENCE_END = set(".!?:;(\n")
_QUOTES = set('"“”\'‘’')


@dataclass(slots=True)
class Token:
    """One word of a text and what its neighbours and spelling say about it."""

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
    capitalised = sum(1 for word in long_words if word[0].isupper())
    return len(long_words) >= 4 and capitalised >= 0.8 * len(long_words)


def is_initial(word: str) -> bool:
    """True for a person's initial: "W" in "George W. Bush"."""
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


def _is_possessive(word: str) -> bool:
    """"Syria's", "Jesus'": not "I's" (too short to tell)."""
    return len(word) > 2 and word[-1] in "sS" and word[-2] in "'’ʼ"


@lru_cache(maxsize=WORDS_KEPT)
def _word_keys(word: str) -> tuple[str, str]:
    """(key without any possessive, key of the whole word): ("syria", "syrias") for "Syria's"."""
    full_key = name_key(word)
    return (name_key(word[:-2]) if _is_possessive(word) else full_key), full_key


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
        self._parts = _WORD.split(text)
        self._ends = list(accumulate(map(len, self._parts)))
        words = self._parts[1::2]
        self._cache: list[Token | None] = [None] * len(words)
        self.capitalised = [i for i, word in enumerate(words) if _is_capitalised(word)]

    def __len__(self) -> int:
        return len(self._cache)

    def keys(self, i: int) -> tuple[str, str]:
        """(key, key with any possessive kept) of word ``i``: what a name lookup needs,
        without the context a whole Token works out."""
        token = self._cache[i]
        if token is not None:
            return token.key, token.full_key
        return _word_keys(self._parts[2 * i + 1])

    def __getitem__(self, i: int) -> Token:
        token = self._cache[i]
        if token is None:
            token = self._cache[i] = self._token(i)
        return token

    def _token(self, i: int) -> Token:
        """Word ``i`` with its context: how it joins the word before and whether it opens a sentence."""
        raw = self._parts[2 * i + 1]
        gap = self._parts[2 * i] if i else "\n"  # the text before the first word counts as a line break
        start, end = self._ends[2 * i], self._ends[2 * i + 1]
        possessive = _is_possessive(raw)
        word = raw[:-2] if possessive else raw
        key, full_key = _word_keys(raw)
        joined = i > 0 and _joins_previous(gap, self._parts[2 * i - 1])
        capitalised = _is_capitalised(word)
        return Token(
            start=start,
            end=end - 2 if possessive else end,
            text=word,
            key=key,
            capitalised=capitalised,
            all_caps=capitalised and len(word) > 1 and word.isupper(),
            sentence_initial=capitalised and not joined and _opens_sentence(self._text, start, gap),
            joined_to_previous=joined,
            possessive=possessive,
            full_key=full_key,
        )


def _joins_previous(gap: str, previous: str) -> bool:
    """True when ``gap`` keeps a word in one name with the ``previous`` word: a space or a
    hyphen, or a dot after an abbreviation or an initial."""
    if "\n" in gap:
        return False
    stripped = gap.strip()
    # "St. Petersburg", "Mt. Vernon", "George W. Bush": the dot does not end the name.
    return stripped in ("", "-", "‐", "‑") or (
        stripped == "." and (_word_keys(previous)[1] in _ABBREVIATED_WORDS or is_initial(previous))
    )


def tokenize(text: str) -> Tokens:
    """Words of ``text`` with what the recogniser needs to know about each (see Token)."""
    return Tokens(text)
