"""Words a date pattern cannot match without: cheap tests that skip its scan.

Running every pattern of a vocabulary over every passage is most of the cost
of finding dates, and most patterns match in few passages. Each pattern's
source is read once (with the standard library's own regular-expression
parser) to learn which words any match must contain: a weekday pattern needs
"Monday" or "Tuesday" or ..., "10 days ago" needs "ago" and a digit or number
word. A passage lacking them cannot match, so the pattern is not run there.

Only what a match certainly contains is derived; whatever the analysis does
not understand imposes nothing, so a needle never hides a match.

Needles are then looked for run by run (runs of word characters): what each
distinct run holds is worked out once and remembered, so that a passage costs
a few dictionary lookups rather than a search per needle (see ``Sieve``).
"""

import re
from dataclasses import dataclass
from functools import reduce
from itertools import product
from operator import or_
from re import _constants as sre  # the parser's node names; see re._parser
from re import _parser as sre_parse

# More alternatives than this are not spelt out: "Monday|Tuesday|..." times
# "'s|’s" stays small, a DAY pattern times a month list would not.
MAX_WORDS = 64
# A pattern is run only where all of its needles are found; three say enough.
MAX_NEEDLES_PER_PATTERN = 3
# Digits are about as common in news as two-letter words.
DIGIT_WEIGHT = 2

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_WORD = object()  # a run of literal characters, as _with_words_joined makes them
_DIGIT_CATEGORIES = (sre.CATEGORY_DIGIT,)
# Characters Python's case-insensitive matching equates with an ASCII letter
# although str.lower() keeps them apart: "İ" (lower-cased to two characters),
# dotless "ı" and the long "ſ". Mapped before lower-casing so that a passage's
# folded text holds a needle's letters wherever a pattern could match them.
_CASE_ODDITIES = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
ODD_CASE_CHARACTERS = "".join(chr(c) for c in _CASE_ODDITIES)
_ODD_CASE = re.compile(f"[{ODD_CASE_CHARACTERS}]")


def fold(text: str) -> str:
    """``text`` lower-cased so that case-insensitive matches become plain ones."""
    if text.isascii() or not _ODD_CASE.search(text):
        return text.lower()
    return text.translate(_CASE_ODDITIES).lower()


@dataclass(frozen=True, slots=True)
class Needle:
    """Something a passage must contain: any of ``words`` (in the folded passage
    when ``folded``, else as written), or any digit when ``digit``."""

    words: frozenset[str]
    folded: bool
    digit: bool = False

    def source(self) -> str:
        """A regular expression that finds the needle (to search case-sensitively)."""
        alternatives = [re.escape(w) for w in sorted(self.words, key=lambda w: (-len(w), w))]
        if self.digit:
            alternatives.append(r"\d")
        return "|".join(alternatives)

    def strength(self) -> tuple[int, int]:
        """How rarely the needle is found, for choosing among needles: long words
        beat short ones (a digit counts as two letters), exact case beats folded."""
        lengths = [len(w) for w in self.words] + ([DIGIT_WEIGHT] if self.digit else [])
        return min(lengths, default=0), 0 if self.folded else 1


ANY_DIGIT = Needle(frozenset(), folded=False, digit=True)


@dataclass(frozen=True, slots=True)
class _Facts:
    """What is known of the strings a piece of a pattern matches: all of them
    when few (``exact``, folded or not), and needles any of them contains."""

    exact: frozenset[str] | None
    folded: bool
    needles: tuple[Needle, ...]


_UNKNOWN = _Facts(None, False, ())
_EMPTY = _Facts(frozenset({""}), False, ())


def needles_of(source: str, flags: int = re.IGNORECASE) -> tuple[Needle, ...]:
    """The strongest needles every match of ``source`` (compiled with ``flags``) contains."""
    try:
        parsed = sre_parse.parse(source, flags)
        facts = _sequence(list(parsed), bool(parsed.state.flags & re.IGNORECASE))
    except (re.error, ValueError, TypeError, IndexError, RecursionError):
        return ()
    needles = set(facts.needles)
    whole = _as_needle(facts)
    if whole is not None:
        needles.add(whole)
    # A one-character word ("a", "s", ".") is in nearly every passage: not worth a search.
    needles = {n for n in needles if all(len(w) > 1 for w in n.words)}
    ranked = sorted(needles, key=lambda n: (n.strength(), n.source()), reverse=True)
    return tuple(ranked[:MAX_NEEDLES_PER_PATTERN])


def _sequence(items: list, ignorecase: bool) -> _Facts:
    """Facts of consecutive items: runs of known strings are joined ("last" +
    " " is not known, but "Easter" + "'s|’s" is), and every needle of a part is
    a needle of the whole."""
    needles: list[Needle] = []
    run, run_folded = frozenset({""}), False
    whole_known = True
    for op, av in _with_words_joined(items):
        facts = _item(op, av, ignorecase)
        # Joining exact words to folded ones would fold them: keep them apart.
        keeps_case = facts.folded and not run_folded and "" not in run
        if facts.exact is not None and len(run) * len(facts.exact) <= MAX_WORDS and not keeps_case:
            run, run_folded = _joined(run, run_folded, facts.exact, facts.folded)
            continue
        whole_known = False
        _add(needles, _as_needle(_Facts(run, run_folded, ())))
        if facts.exact is not None:
            run, run_folded = facts.exact, facts.folded
        else:
            run, run_folded = frozenset({""}), False
            needles.extend(facts.needles)
    if whole_known:
        return _Facts(run, run_folded, tuple(needles))
    _add(needles, _as_needle(_Facts(run, run_folded, ())))
    return _Facts(None, False, tuple(needles))


def _with_words_joined(items: list) -> list:
    """The items with each run of literal characters as one word (fewer, cheaper joins)."""
    joined: list = []
    for op, av in items:
        if op is sre.LITERAL and joined and joined[-1][0] is _WORD:
            joined[-1] = (_WORD, joined[-1][1] + chr(av))
        else:
            joined.append((_WORD, chr(av)) if op is sre.LITERAL else (op, av))
    return joined


def _item(op, av, ignorecase: bool) -> _Facts:
    """Facts of one parsed node; unknown kinds of node tell nothing."""
    if op is _WORD:
        return _known(frozenset({av}), ignorecase)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _EMPTY  # consume nothing
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, pattern = av
        if add_flags & re.IGNORECASE:
            ignorecase = True
        if del_flags & re.IGNORECASE:
            ignorecase = False
        return _sequence(list(pattern), ignorecase)
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av), ignorecase)
    if op is sre.BRANCH:
        return _branch([_sequence(list(p), ignorecase) for p in av[1]])
    if op in _REPEATS:
        return _repeat(av[0], av[1], _sequence(list(av[2]), ignorecase))
    if op is sre.IN:
        return _char_class(av, ignorecase)
    return _UNKNOWN


def _branch(alternatives: list[_Facts]) -> _Facts:
    """Facts of "a|b|c": its strings are theirs; its needle joins one of each."""
    if all(a.exact is not None for a in alternatives):
        folded = any(a.folded for a in alternatives)
        words = frozenset().union(*(_refolded(a.exact, a.folded, folded) for a in alternatives))
        if len(words) <= MAX_WORDS:
            return _Facts(words, folded, ())
    chosen = []
    for alternative in alternatives:
        candidates = [*alternative.needles]
        _add(candidates, _as_needle(alternative))
        if not candidates:
            return _UNKNOWN
        chosen.append(max(candidates, key=Needle.strength))
    return _Facts(None, False, (_union(chosen),))


def _repeat(least: int, most: int, facts: _Facts) -> _Facts:
    """Facts of "x?", "x+", "x{2,3}": an optional part tells nothing but its strings."""
    if least == 0:
        if most == 1 and facts.exact is not None:
            return _Facts(facts.exact | {""}, facts.folded, ())
        return _EMPTY if most == 0 else _Facts(None, False, ())
    needles = list(facts.needles)
    _add(needles, _as_needle(facts))
    exact = facts.exact if least == most == 1 else None
    return _Facts(exact, facts.folded, tuple(needles))


def _char_class(items, ignorecase: bool) -> _Facts:
    """Facts of "[...]": a few listed characters are known strings; a class of
    digits only ("\\d", "[0-9]", "[12]") needs a digit."""
    if all(op is sre.LITERAL for op, _ in items) and len(items) <= MAX_WORDS:
        return _known(frozenset(chr(c) for _, c in items), ignorecase)
    if all(_is_digits(op, av) for op, av in items):
        return _Facts(None, False, (ANY_DIGIT,))
    return _UNKNOWN


def _known(words: frozenset[str], ignorecase: bool) -> _Facts:
    """Facts of words matched as written, or in any case: characters without
    case ("." or "1") match only themselves either way."""
    folded = ignorecase and any(c.lower() != c or c.upper() != c for w in words for c in w)
    if not folded:
        return _Facts(words, False, ())
    if not all(_folds_safely(c) for w in words for c in w):
        return _UNKNOWN
    return _Facts(frozenset(fold(w) for w in words), True, ())


def _folds_safely(char: str) -> bool:
    """Whether ``fold`` gives every character matching ``char`` in any case the
    same letter: true of Latin letters, not of Greek ones ("σ" is also "ς")
    nor of the micro sign (also "μ")."""
    folded = fold(char)
    return len(folded) == 1 and (folded.isascii() or "\u00c0" <= folded < "\u0250")


def _is_digits(op, av) -> bool:
    if op is sre.CATEGORY:
        return av in _DIGIT_CATEGORIES
    if op is sre.RANGE:
        return ord("0") <= av[0] <= av[1] <= ord("9")
    return op is sre.LITERAL and chr(av).isdigit() and chr(av).isascii()


def _joined(left: frozenset[str], left_folded: bool, right: frozenset[str], right_folded: bool):
    """Every string of ``left`` followed by every string of ``right``."""
    folded = left_folded or right_folded
    words = frozenset(
        a + b for a, b in product(_refolded(left, left_folded, folded), _refolded(right, right_folded, folded))
    )
    return words, folded


def _refolded(words: frozenset[str], folded: bool, to_folded: bool) -> frozenset[str]:
    """``words`` folded when they are to be searched among folded ones."""
    return frozenset(fold(w) for w in words) if to_folded and not folded else words


def _as_needle(facts: _Facts) -> Needle | None:
    """The known strings as a needle, unless one of them is empty (then nothing is certain)."""
    if facts.exact is None or "" in facts.exact:
        return None
    return Needle(_shortest_forms(facts.exact), facts.folded)


def _union(needles: list[Needle]) -> Needle:
    """A needle found wherever any of ``needles`` is."""
    folded = any(n.folded for n in needles)
    words = frozenset().union(*(_refolded(n.words, n.folded, folded) for n in needles))
    digit = any(n.digit for n in needles)
    if digit:
        # Where a word holding a digit is found, a digit is found: the word adds nothing.
        words = frozenset(w for w in words if not any(c.isdecimal() for c in w))
    return Needle(_shortest_forms(words), folded and bool(words), digit)


def _shortest_forms(words: frozenset[str]) -> frozenset[str]:
    """``words`` without those holding another of them ("January" goes where "Jan" is)."""
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


def _add(needles: list[Needle], needle: Needle | None) -> None:
    if needle is not None and needle not in needles:
        needles.append(needle)


def holds(needles: tuple[tuple[re.Pattern[str], bool], ...], text: str) -> bool:
    """Whether ``text`` holds every needle, as compiled by ``compiled_needle``."""
    folded = None
    for search, on_folded in needles:
        if on_folded and folded is None:
            folded = fold(text)
        if search.search(folded if on_folded else text) is None:
            return False
    return True


def compiled_needle(needle: Needle) -> tuple[re.Pattern[str], bool]:
    """A needle's search, and whether it is to be run on the folded text."""
    return re.compile(needle.source()), needle.folded


# Runs of word characters. A needle word made of word characters only lies
# within one such run of the passage, and folding keeps word characters word
# characters: such needles can be looked for run by run.
_RUN = re.compile(r"\w+")
_ASCII_RUN = re.compile(r"[A-Za-z0-9_]+")  # the same runs in ASCII text, found faster
# Runs remembered with the needles they hold; past this many, forgotten and relearnt.
MAX_REMEMBERED_RUNS = 100_000


class Sieve:
    """Which of a vocabulary's patterns a passage may match, by their needles.

    Needles of word characters are looked up run by run: what each distinct run
    holds is worked out once and remembered, and most runs ("the", "said") come
    back in passage after passage. Other needles ("'s", "mi-", the vocabulary's
    own) are searched for in the passage, only while a pattern needing them may
    still match.
    """

    def __init__(self, needs: list[tuple[tuple[Needle, ...], tuple[str, ...]]]) -> None:
        """``needs``: for each pattern, its derived needles and the sources of the
        needles the vocabulary names for it (searched case-insensitively)."""
        regular: dict[Needle, int] = {}
        searches: dict[tuple[str, int, bool], int] = {}
        self._requires: list[int] = []
        for bit, (needles, named) in enumerate(needs):
            required = 0
            for needle in needles:
                if needle.words and not all(_RUN.fullmatch(w) for w in needle.words):
                    key = (needle.source(), 0, needle.folded)
                    searches[key] = searches.get(key, 0) | 1 << bit
                else:
                    required |= 1 << regular.setdefault(needle, len(regular))
            for source in named:
                key = (source, re.IGNORECASE, False)
                searches[key] = searches.get(key, 0) | 1 << bit
            self._requires.append(required)
        # Each word of those needles, searched for in a run as written or folded,
        # with the needles it holds: its own and those of the words it starts with.
        self._finders = tuple(_word_finder(_word_bits(regular, folded)) for folded in (False, True))
        self._digit_needles = sum(1 << bit for needle, bit in regular.items() if needle.digit)
        # The searches most patterns need first: where one is missing, most is skipped.
        ordered = sorted(searches.items(), key=lambda item: -item[1].bit_count())
        self._searches = tuple((re.compile(s, flags), folded, bits) for (s, flags, folded), bits in ordered)
        self._runs: dict[str, int] = {}

    def possible(self, passage: str, folded: str) -> list[int]:
        """Indexes of the patterns whose needles are all in ``passage`` (``folded``
        is the passage as ``fold`` gives it)."""
        found = 0
        runs = self._runs
        for run in (_ASCII_RUN if passage.isascii() else _RUN).findall(passage):
            held = runs.get(run)
            if held is None:
                held = self._held_by(run)
            found |= held
        possible = 0
        for index, required in enumerate(self._requires):
            if required & found == required:
                possible |= 1 << index
        for search, on_folded, patterns in self._searches:
            if possible & patterns and search.search(folded if on_folded else passage) is None:
                possible &= ~patterns
        return [index for index in range(possible.bit_length()) if possible >> index & 1]

    def _held_by(self, run: str) -> int:
        """The needles (as bits) found in the run of word characters ``run``, remembered."""
        held = self._digit_needles if any(c.isdecimal() for c in run) else 0
        folded = fold(run)
        for (finder, holds), text in zip(self._finders, (run, folded), strict=True):
            for match in finder.finditer(text):
                held |= holds[match.group(1)]
        if len(self._runs) >= MAX_REMEMBERED_RUNS:
            self._runs.clear()
        self._runs[run] = held
        return held


def _word_bits(needles: dict[Needle, int], folded: bool) -> dict[str, int]:
    """Each word of the needles searched folded (or as written), with the needles
    (as bits) holding it."""
    bits: dict[str, int] = {}
    for needle, bit in needles.items():
        if needle.folded == folded:
            for word in needle.words:
                bits[word] = bits.get(word, 0) | 1 << bit
    return bits


def _word_finder(words: dict[str, int]) -> tuple[re.Pattern[str], dict[str, int]]:
    """A search reporting, at every position of a text, the longest of ``words``
    starting there, and what each reported word holds: the needles of all the
    words it starts with (those that also start there)."""
    holds = {w: reduce(or_, (bits for prefix, bits in words.items() if w.startswith(prefix))) for w in words}
    return re.compile(f"(?=({_trie(sorted(words))}))" if words else "(?!x)x"), holds


def _trie(words: list[str]) -> str:
    """A regular expression matching any of ``words``, the longest where several
    start alike ("day" then "days"), tried a letter at a time."""
    branches: dict[str, list[str]] = {}
    for word in words:
        if word:
            branches.setdefault(word[0], []).append(word[1:])
    alternatives = [re.escape(first) + _trie(rests) for first, rests in branches.items()]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return f"(?:{body})?" if "" in words else body

