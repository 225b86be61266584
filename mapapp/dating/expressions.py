"""Finding date expressions in a passage: regular expressions only, no parsing."""

import re
from dataclasses import dataclass
from functools import cache

from mapapp.dating.needles import ODD_CASE_CHARACTERS, Needle, fold, needles_of
from mapapp.dating.vocabularies import DIGIT_KINDS, Vocabulary, vocabulary_for

# A sentence is rarely longer than this; a longer "passage" is a splitting
# failure (a table, a 5 MB blob) and its first part is where a date would be.
MAX_SCANNED_CHARS = 3000
# How far before a weekday "will"/"wird" may stand and still govern it.
FUTURE_CUE_CHARS = 60
# "Christmas Eve celebrations will": the cue may follow the phrase's noun.
FUTURE_CUE_AFTER_WORDS = 2

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
    # (kind, pattern, the vocabulary's needle, indexes into ``needles`` of those derived from the pattern)
    patterns: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None, tuple[int, ...]], ...]
    # Derived needles: a search, and whether it runs on the folded passage.
    needles: tuple[tuple[re.Pattern[str], bool], ...]
    reporting: re.Pattern[str]
    prefilter: re.Pattern[str]
    future_cues: re.Pattern[str]
    subordinate: re.Pattern[str]
    rewrites: tuple[tuple[re.Pattern[str], str], ...]


@cache
def compiled(language: str | None) -> CompiledVocabulary:
    """The compiled patterns for ``language`` (cached for the process)."""
    vocabulary = vocabulary_for(language)
    patterns = []
    derived: dict[Needle, int] = {}
    for kind, source, *needle in vocabulary.patterns:
        needle_source = needle[0] if needle else (r"\d" if kind in DIGIT_KINDS else None)
        patterns.append((
            kind,
            re.compile(source, re.IGNORECASE),
            re.compile(needle_source, re.IGNORECASE) if needle_source else None,
            tuple(derived.setdefault(n, len(derived)) for n in needles_of(source)),
        ))
    # Most passages hold no date at all: one search for the trigger words
    # spares them the dozen patterns.
    # Matching the lower-cased passage case-sensitively is three times faster.
    prefilter = re.compile(vocabulary.triggers.lower())
    return CompiledVocabulary(
        vocabulary=vocabulary,
        patterns=tuple(patterns),
        needles=tuple((re.compile(n.source()), n.folded) for n in derived),
        reporting=re.compile(vocabulary.reporting, re.IGNORECASE),
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
    unusual = _UNUSUAL.search(passage) is not None
    if unusual:
        passage = passage.translate(_DIGITS)
    lowered = passage.lower()
    vocabulary = compiled(language)
    if not vocabulary.prefilter.search(lowered):
        return []
    folded = fold(passage) if unusual else lowered
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    needles: dict[re.Pattern[str], bool] = {}
    derived: dict[int, bool] = {}
    for priority, (kind, pattern, needle, required) in enumerate(vocabulary.patterns):
        if not _all_found(required, vocabulary.needles, passage, folded, derived):
            continue
        if needle is not None:
            if needle not in needles:
                needles[needle] = needle.search(passage) is not None
            if not needles[needle]:
                continue
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


def _all_found(
    required: tuple[int, ...],
    needles: tuple[tuple[re.Pattern[str], bool], ...],
    passage: str,
    folded: str,
    seen: dict[int, bool],
) -> bool:
    """Whether the passage holds every needle in ``required`` (each searched once a passage)."""
    for index in required:
        present = seen.get(index)
        if present is None:
            search, on_folded = needles[index]
            present = seen[index] = search.search(folded if on_folded else passage) is not None
        if not present:
            return False
    return True


def reporting_spans(text: str, start: int, end: int, language: str | None) -> list[tuple[int, int]]:
    """Offsets of reporting verbs ("said", "sagte", "قال") in ``text[start:end]``."""
    end = min(end, start + MAX_SCANNED_CHARS)
    pattern = compiled(language).reporting
    return [(start + m.start(), start + m.end()) for m in pattern.finditer(text, start, end)]


def in_future_clause(expression: Expression, text: str, passage_start: int, language: str | None) -> bool:
    """Whether a future cue ("will", "wird", "va") governs ``expression``: before
    it in its clause ("will travel on Friday"), or right after the phrase it
    opens ("Christmas Eve celebrations will be cancelled").
    """
    cues = compiled(language).future_cues
    lo = max(passage_start, expression.start - FUTURE_CUE_CHARS)
    before = re.split(r"[.,;:!?]", text[lo : expression.start])[-1]
    if cues.search(before):
        return True
    after = re.split(r"[.,;:!?]", text[expression.end : expression.end + FUTURE_CUE_CHARS])[0]
    following = after.split()[: FUTURE_CUE_AFTER_WORDS + 1]
    return cues.search(" ".join(following)) is not None


def in_relative_clause(expression: Expression, text: str, passage_start: int, language: str | None) -> bool:
    """Whether ``expression`` sits in a clause opened by ", which"/", qui"/", الذي"."""
    before = text[passage_start : expression.start]
    comma = max(before.rfind(","), before.rfind("،"))
    if comma < 0:
        return False
    return compiled(language).subordinate.match(before[comma + 1 :].lstrip()) is not None
