"""Guessing an article's language among those the dating vocabulary knows."""

import re
from collections import Counter

from mapapp.dating.vocabularies import VOCABULARIES

_WORD = re.compile(r"[^\W\d_]+")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
SAMPLE_CHARS = 20_000


def detect_language(text: str) -> str | None:
    """"en", "de", "fr", "es" or "ar" for ``text``, or None if it is none of them.

    Arabic is told by its script, the others by their most common words (see
    each vocabulary's ``common_words``). Looks at the first ``SAMPLE_CHARS``
    characters only. Latin-script text too short to tell ("Exports fell last
    year.") is taken as English, the language most articles here are in.
    """
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    if not words:
        return None
    letters = len("".join(words))
    if len(_ARABIC_LETTER.findall(sample)) > letters / 2:
        return "ar"
    counts = Counter(words)
    scores = {
        language: sum(counts[word] for word in vocabulary.common_words)
        for language, vocabulary in VOCABULARIES.items()
        if vocabulary.common_words
    }
    # On a tie, the language listed first in VOCABULARIES (English).
    best = max(scores, key=lambda language: scores[language])
    if scores[best] >= max(1, len(words) // 50):
        return best
    # Text in another script scores nothing; short Latin text may score nothing too.
    latin = len(_LATIN_LETTER.findall(sample))
    return "en" if latin > letters / 2 else None
