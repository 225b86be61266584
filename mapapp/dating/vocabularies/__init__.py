"""Per-language shapes of date expressions, as regular-expression sources.

See ``base`` for the kinds and the named groups every pattern may use.
Languages not listed here get only the numeric patterns (2015-09-17, 17.09.2015).
"""

from mapapp.dating.vocabularies.arabic import ARABIC
from mapapp.dating.vocabularies.english import ENGLISH
from mapapp.dating.vocabularies.french import FRENCH
from mapapp.dating.vocabularies.german import GERMAN
from mapapp.dating.vocabularies.grammar import KINDS, NUMERIC_ONLY, DatePattern, Vocabulary
from mapapp.dating.vocabularies.spanish import SPANISH

__all__ = ["KINDS", "VOCABULARIES", "DatePattern", "Vocabulary", "vocabulary_for"]

VOCABULARIES: dict[str, Vocabulary] = {
    v.language: v for v in (ENGLISH, GERMAN, FRENCH, SPANISH, ARABIC)
}


def vocabulary_for(language: str | None) -> Vocabulary:
    """The vocabulary of ``language``, or the numeric-only one if unsupported."""
    return VOCABULARIES.get((language or "").lower()[:2], NUMERIC_ONLY)
