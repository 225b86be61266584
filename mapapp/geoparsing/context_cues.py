"""Evidence from the words around a mention that says what kind of place it is.

Two cues, both independent of the other decisions in the document:

* Enumerations: the items of "Georgia, Oklahoma, Pennsylvania and Wisconsin" are places of
  the same kind, so an ambiguous item leans to the kind most of its fellow items plainly are
  (Oklahoma the state, not the town in Pennsylvania). Two items are too few to tell
  ("New York City and Florida"), and "Town, State" pairs inside a run spoil it.
* A definite article: "the Pacific", "the Atlantic flyway", "the Americas" name a sea or a
  world region; towns almost never take "the" (the few that do carry it in their name).

The result is a score bonus per (mention key, gazetteer entry), added to the priors.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import pairwise

from mapapp.geoparsing.gazetteer import ALTERNATE, FLAG_BITS, KIND_CODE, Gazetteer
from mapapp.geoparsing.recognizer import Mention

COUNTRY, REGION, CITY, OTHER = (KIND_CODE[k] for k in ("country", "region", "city", "other"))
LIST_JOINS = (", ", " and ", ", and ", " or ", ", or ", " & ")
MIN_ITEMS = 3
LONG_LIST = 5
LIST_SHARE = 2 / 3  # share of the other items that must plainly be one kind
ARTICLES = ("the ", "The ")


def enumeration_bonus(gaz: Gazetteer, text: str, mentions: list[Mention],
                      plain_kind: dict[str, int], weight: float) -> dict[str, dict[int, float]]:
    """Bonus for the candidates whose kind most other items of the same enumeration have.

    ``plain_kind`` maps a mention key to the kind of its best candidate by prior alone.
    A "Town, State" pair is not an enumeration: two items count only when joined by a word.
    """
    out: dict[str, dict[int, float]] = defaultdict(dict)
    for items in _enumerations(text, mentions):
        if len(items) < LONG_LIST and _has_town_state_pair(text, items, plain_kind):
            # "Springfield, Illinois, and Columbus": the commas are not all list commas. In a
            # long run ("..., Virginia, Washington, West Virginia and Wyoming") they are.
            continue
        keys = [m.key for m in items]
        for m in items:
            others = Counter(plain_kind[k] for k in keys if k != m.key)
            n_others = sum(others.values())
            if not n_others:
                continue
            kind, count = others.most_common(1)[0]
            if count / n_others < LIST_SHARE:
                continue
            for p in m.postings:
                e = p >> FLAG_BITS
                if gaz.kind[e] == kind and not p & ALTERNATE:
                    out[m.key][e] = weight
    return out


def article_bonus(gaz: Gazetteer, text: str, mentions: list[Mention],
                  weight: float) -> dict[str, dict[int, float]]:
    """Bonus for seas, features and world regions when the name follows "the"."""
    out: dict[str, dict[int, float]] = defaultdict(dict)
    for m in mentions:
        if m.start < 4 or not text.startswith(ARTICLES, m.start - 4):
            continue
        if m.start > 4 and text[m.start - 5].isalnum():
            continue  # "bathe ", "clothe ": not the article
        for p in m.postings:
            e = p >> FLAG_BITS
            if gaz.kind[e] == OTHER and gaz.region[e] < 0:
                out[m.key][e] = weight
    return out


def _enumerations(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Runs of mentions separated only by list punctuation and conjunctions."""
    runs: list[list[Mention]] = []
    run: list[Mention] = []
    for m in mentions:
        if run and text[run[-1].end:m.start] in LIST_JOINS:
            run.append(m)
            continue
        if _is_list(run):
            runs.append(run)
        run = [m]
    if _is_list(run):
        runs.append(run)
    return runs


def _has_town_state_pair(text: str, items: list[Mention], plain_kind: dict[str, int]) -> bool:
    """True when two neighbouring items read as "Town, State" rather than as list items."""
    for a, b in pairwise(items):
        if (text[a.end:b.start] == ", " and plain_kind[a.key] == CITY
                and plain_kind[b.key] in (REGION, COUNTRY)):
            return True
    return False


def _is_list(run: list[Mention]) -> bool:
    """True when a run of comma-separated names is long enough to be an enumeration."""
    return len(run) >= MIN_ITEMS
