"""Guessing an article's language among those the dating vocabulary knows."""

import re

# A few frequent words each language has and the others mostly lack.
_MARKERS = {
    "en": {"the", "and", "of", "said", "with", "was", "were", "has", "have", "that"},
    "de": {"der", "die", "und", "das", "nicht", "mit", "sich", "ist", "wurde", "auf"},
    "fr": {"le", "les", "des", "et", "est", "une", "du", "dans", "au", "qui"},
    "es": {"el", "los", "las", "y", "que", "del", "una", "por", "con", "fue"},
}
_WORD = re.compile(r"[^\W\d_]+")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
SAMPLE_CHARS = 20_000


def detect_language(text: str) -> str | None:
    """"en", "de", "fr", "es" or "ar" for ``text``, or None if it is none of them.

    Looks at the first ``SAMPLE_CHARS`` characters only.
    """
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    if not words:
        return None
    arabic = len(_ARABIC_LETTER.findall(sample))
    letters = sum(len(w) for w in words)
    if arabic > letters / 2:
        return "ar"
    scores = {lang: sum(1 for w in words if w in markers) for lang, markers in _MARKERS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    # Text in another script or language scores near zero everywhere.
    if scores[best] < max(1, len(words) // 50):
        return None
    return best
