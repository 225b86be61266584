"""A pattern's words (see ``vocabularies.grammar.DatePattern``) are in every text it
matches: skipping it where they are missing never hides a date.

Checked on every match in the evaluation set's sentences (also written with the
letters case-insensitive matching confuses: "ı", "İ", "ſ") and in word soups made
of the vocabulary's own words, numbers and punctuation.
"""

import random
import re

import pytest

from mapapp.dating.evaluation import load_cases
from mapapp.dating.expressions import compiled, fold
from mapapp.dating.vocabularies import VOCABULARIES, vocabulary_for

LANGUAGES = [*VOCABULARIES, None]
SOUPS_PER_LANGUAGE = 1500
_EXTRA_TOKENS = (
    "2015", "1990", "17", "3", "31st", "1990s", "2011-2013", "17.09.2015", "9/17/2015", "2015-09-17",
    ",", ".", "-", "'s", "’s", "the", "on", "of", "in", "a", "few", "am", "le", "el", "de", "في",
)


def _sentences() -> list[str]:
    sentences = [s for case in load_cases() for s in (*case.context, case.passage)]
    odd = str.maketrans({"i": "ı", "s": "ſ", "I": "İ"})
    return sentences + [s.translate(odd) for s in sentences]


def _soups(language: str | None, seed: int) -> list[str]:
    """Random runs of the vocabulary's words (letter runs of its pattern sources),
    numbers and punctuation, in assorted cases."""
    vocabulary = vocabulary_for(language)
    sources = [entry[1] for entry in vocabulary.patterns]
    tokens = sorted({w for s in sources for w in re.findall(r"[^\W\d_]{2,}", s)}) + list(_EXTRA_TOKENS)
    rng = random.Random(seed)
    soups = []
    for _ in range(SOUPS_PER_LANGUAGE):
        spelling = (str.lower, str.title, str.upper, str)
        words = [rng.choice(spelling)(rng.choice(tokens)) for _ in range(rng.randint(2, 9))]
        soups.append(" ".join(words))
    return soups


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_match_of_a_pattern_holds_one_of_its_words(language):
    texts = _sentences() + _soups(language, seed=LANGUAGES.index(language))
    patterns = [p for p in compiled(language).patterns if p.words]
    hidden, matched = [], set()
    for index, pattern in enumerate(patterns):
        for text in texts:
            for match in pattern.regex.finditer(text):
                matched.add(index)
                if not pattern.may_match(fold(match.group(0))):
                    hidden.append((pattern.kind, match.group(0), pattern.words))
    assert not hidden, hidden[:5]
    # The check means something only if most patterns with words matched somewhere.
    unmatched = [p.regex.pattern[:60] for i, p in enumerate(patterns) if i not in matched]
    assert len(matched) >= 0.75 * len(patterns), unmatched
