"""Finding date expressions in a passage: regular expressions only, no parsing."""

import re
from dataclasses import dataclass
from functools import cache

from mapapp.dating.needles import ANY_DIGIT, ODD_CASE_CHARACTERS, Sieve, compiled_needle, fold, holds, needles_of
from mapapp.dating.vocabularies import DIGIT_KINDS, Vocabulary, vocabulary_for

# A sentence is rarely longer than this; a longer "passage" is a splitting
# failure (a table, a 5 MB blob) and its first part is where a date would be.
MAX_SCANNED_CHARS = 3000
# How far before a weekday "will"/"wird" may stand and still govern it.
FUTURE_CUE_CHARS = 60
# "Christmas Eve celebrations will": the cue may follow the phrase's noun.
FUTURE_CUE_AFTER_WORDS = 2
_CLAUSE_BREAK = re.compile(r"[.,;:!?]")

# Arabic-Indic and Persian digits to ASCII, one character for one so that
# offsets into the original text stay valid.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Passages without these (nearly all) need neither the digit translation nor
# the careful case folding: a slice and str.lower() stand for both.
_UNUSUAL = re.compile("[" + "".join(chr(c) for c in _DIGITS) + ODD_CASE_CHARACTERS + "]")


@dataclass(frozen=True, slots=True)
class Expression:
    """A candidate date expression: where it is, its kind, and its named groups."""

    start: int
    end: int
    kind: str
    text: str
    groups: tuple[tuple[str, str], ...]

    def group(self, name: str) -> str | None:
        """The text of a named group, or None if it did not take part."""
        for key, value in self.groups:
            if key == name:
                return value
        return None

    def name_starting(self, prefix: str) -> str | None:
        """The name, less ``prefix``, of the first matched group named ``prefix...``."""
        for key, _ in self.groups:
            if key.startswith(prefix):
                return key[len(prefix) :]
        return None

    def group_starting(self, prefix: str) -> str | None:
        """The first matched group whose name starts with ``prefix`` ("unit", "unit2")."""
        for key, value in self.groups:
            if key.startswith(prefix):
                return value
        return None


@dataclass(frozen=True)
class CompiledVocabulary:
    """A vocabulary with its patterns compiled once."""

    vocabulary: Vocabulary
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    sieve: Sieve
    reporting: re.Pattern[str]
    # Words a reporting verb cannot be without, to skip its slower search.
    reporting_needles: tuple[tuple[re.Pattern[str], bool], ...]
    prefilter: re.Pattern[str]
    future_cues: re.Pattern[str]
    subordinate: re.Pattern[str]
    rewrites: tuple[tuple[re.Pattern[str], str], ...]


@cache
def compiled(language: str | None) -> CompiledVocabulary:
    """The compiled patterns for ``language`` (cached for the process)."""
    vocabulary = vocabulary_for(language)
    patterns = []
    needs = []
    for kind, source, *named in vocabulary.patterns:
        patterns.append((kind, re.compile(source, re.IGNORECASE)))
        # A pattern whose kind needs a digit and has no named needle needs any digit.
        derived = needles_of(source) + ((ANY_DIGIT,) if kind in DIGIT_KINDS and not named else ())
        needs.append((derived, tuple(named)))
    # Most passages hold no date at all: one search for the trigger words
    # spares them the dozen patterns.
    # Matching the lower-cased passage case-sensitively is three times faster.
    prefilter = re.compile(vocabulary.triggers.lower())
    return CompiledVocabulary(
        vocabulary=vocabulary,
        patterns=tuple(patterns),
        sieve=Sieve(needs),
        reporting=re.compile(vocabulary.reporting, re.IGNORECASE),
        reporting_needles=tuple(compiled_needle(n) for n in needles_of(vocabulary.reporting)),
        prefilter=prefilter,
        future_cues=re.compile(vocabulary.future_cues, re.IGNORECASE),
        subordinate=re.compile(vocabulary.subordinate, re.IGNORECASE),
        rewrites=tuple((re.compile(p, re.IGNORECASE), r) for p, r in vocabulary.rewrites),
    )


def find_expressions(text: str, start: int, end: int, language: str | None) -> list[Expression]:
    """Date expressions in ``text[start:end]``, in reading order, never overlapping.

    Where matches overlap, the longest wins, then the earlier pattern in the
    vocabulary. Offsets are into ``text``.
    """
    end = min(end, start + MAX_SCANNED_CHARS)
    passage = text[start:end]
    unusual = not passage.isascii() and _UNUSUAL.search(passage) is not None
    if unusual:
        passage = passage.translate(_DIGITS)
    lowered = passage.lower()
    vocabulary = compiled(language)
    if not vocabulary.prefilter.search(lowered):
        return []
    folded = fold(passage) if unusual else lowered
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    for priority in vocabulary.sieve.possible(passage, folded):
        kind, pattern = vocabulary.patterns[priority]
        for match in pattern.finditer(passage):
            found.append((-(match.end() - match.start()), priority, match.start(), kind, match))
    found.sort(key=lambda item: (item[0], item[1], item[2]))
    taken: list[tuple[int, int]] = []
    chosen: list[Expression] = []
    for _, _, _, kind, match in found:
        lo, hi = match.span()
        if any(lo < t_hi and t_lo < hi for t_lo, t_hi in taken):
            continue
        taken.append((lo, hi))
        groups = tuple((k, v) for k, v in match.groupdict().items() if v is not None)
        chosen.append(Expression(start + lo, start + hi, kind, match.group(0).strip(), groups))
    chosen.sort(key=lambda expression: expression.start)
    return chosen


def reporting_spans(text: str, start: int, end: int, language: str | None) -> list[tuple[int, int]]:
    """Offsets of reporting verbs ("said", "sagte", "قال") in ``text[start:end]``."""
    end = min(end, start + MAX_SCANNED_CHARS)
    vocabulary = compiled(language)
    if not holds(vocabulary.reporting_needles, text[start:end]):
        return []
    pattern = vocabulary.reporting
    return [(start + m.start(), start + m.end()) for m in pattern.finditer(text, start, end)]


def in_future_clause(expression: Expression, text: str, passage_start: int, language: str | None) -> bool:
    """Whether a future cue ("will", "wird", "va") governs ``expression``: before
    it in its clause ("will travel on Friday"), or right after the phrase it
    opens ("Christmas Eve celebrations will be cancelled").
    """
    cues = compiled(language).future_cues
    lo = max(passage_start, expression.start - FUTURE_CUE_CHARS)
    before = _CLAUSE_BREAK.split(text[lo : expression.start])[-1]
    if cues.search(before):
        return True
    after = _CLAUSE_BREAK.split(text[expression.end : expression.end + FUTURE_CUE_CHARS])[0]
    following = after.split()[: FUTURE_CUE_AFTER_WORDS + 1]
    return cues.search(" ".join(following)) is not None


def in_relative_clause(expression: Expression, text: str, passage_start: int, language: str | None) -> bool:
    """Whether ``expression`` sits in a clause opened by ", which"/", qui"/", الذي"."""
    before = text[passage_start : expression.start]
    comma = max(before.rfind(","), before.rfind("،"))
    if comma < 0:
        return False
    return compiled(language).subordinate.match(before[comma + 1 :].lstrip()) is not None
