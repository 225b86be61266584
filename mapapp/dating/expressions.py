"""Finding date expressions in a passage: regular expressions only, no parsing."""

import re
from dataclasses import dataclass
from functools import cache

from mapapp.dating.vocabularies import DatePattern, vocabulary_for

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
# Letters that case-insensitive matching takes for "i" or "s" although
# str.lower() keeps them apart: mapped before looking for a pattern's words.
_CASE_ODDITIES = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


@dataclass(frozen=True, slots=True)
class Expression:
    """A candidate date expression: where it is, its kind, and its named groups."""

    start: int
    end: int
    kind: str
    text: str
    # The named groups that took part in the match, in the pattern's order.
    groups: tuple[tuple[str, str], ...]

    def group(self, name: str) -> str | None:
        """The text of a named group, or None if it did not take part."""
        return dict(self.groups).get(name)

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
    """A language's patterns compiled (once per process, see ``compiled``)."""

    # In priority order.
    patterns: tuple["CompiledPattern", ...]
    # Searched case-sensitively in the lower-cased passage.
    triggers: re.Pattern[str]
    reporting: re.Pattern[str]
    future_cues: re.Pattern[str]
    subordinate: re.Pattern[str]
    rewrites: tuple[tuple[re.Pattern[str], str], ...]


@dataclass(frozen=True)
class CompiledPattern:
    """A DatePattern compiled."""

    kind: str
    regex: re.Pattern[str]
    words: tuple[str, ...]

    def may_match(self, folded_passage: str) -> bool:
        """Whether the passage (as ``fold`` gives it) holds one of the words, if any."""
        return not self.words or any(word in folded_passage for word in self.words)


def fold(text: str) -> str:
    """``text`` lower-cased as case-insensitive matching sees it."""
    return text.translate(_CASE_ODDITIES).lower()


@cache
def compiled(language: str | None) -> CompiledVocabulary:
    """The compiled patterns for ``language``."""
    vocabulary = vocabulary_for(language)
    return CompiledVocabulary(
        patterns=tuple(
            CompiledPattern(pattern.kind, re.compile(pattern.source, re.IGNORECASE), pattern.words)
            for pattern in (DatePattern(*entry) for entry in vocabulary.patterns)
        ),
        triggers=re.compile(vocabulary.triggers.lower()),
        reporting=re.compile(vocabulary.reporting, re.IGNORECASE),
        future_cues=re.compile(vocabulary.future_cues, re.IGNORECASE),
        subordinate=re.compile(vocabulary.subordinate, re.IGNORECASE),
        rewrites=tuple((re.compile(source, re.IGNORECASE), replacement) for source, replacement in vocabulary.rewrites),
    )


def find_expressions(text: str, start: int, end: int, language: str | None) -> list[Expression]:
    """Date expressions in ``text[start:end]``, in reading order, never overlapping.

    A passage without any of the vocabulary's trigger words (in its lower-cased
    text) has none. Where matches overlap, the longest wins, then the earlier
    pattern in the vocabulary, then the earlier one. Offsets are into ``text``.
    """
    end = min(end, start + MAX_SCANNED_CHARS)
    passage = text[start:end].translate(_DIGITS)
    vocabulary = compiled(language)
    if not vocabulary.triggers.search(passage.lower()):
        return []
    folded = fold(passage)
    matches = [
        (priority, pattern.kind, match)
        for priority, pattern in enumerate(vocabulary.patterns)
        if pattern.may_match(folded)
        for match in pattern.regex.finditer(passage)
    ]
    matches.sort(key=lambda found: (-len(found[2].group(0)), found[0], found[2].start()))
    chosen: list[Expression] = []
    for _, kind, match in matches:
        lo, hi = start + match.start(), start + match.end()
        if any(lo < taken.end and taken.start < hi for taken in chosen):
            continue
        groups = tuple((name, value) for name, value in match.groupdict().items() if value is not None)
        chosen.append(Expression(start=lo, end=hi, kind=kind, text=match.group(0).strip(), groups=groups))
    return sorted(chosen, key=lambda expression: expression.start)


def reporting_spans(text: str, start: int, end: int, language: str | None) -> list[tuple[int, int]]:
    """Offsets of reporting verbs ("said", "sagte", "قال") in ``text[start:end]``."""
    end = min(end, start + MAX_SCANNED_CHARS)
    pattern = compiled(language).reporting
    return [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]


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
