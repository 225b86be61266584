"""Is this where something happened? One passage, one place mention in it: does the
passage report an event located at that place, how sure is that, and of which type.

Plain Python, no Django, offline: rules over the lexicon of mapapp/events/lexicon.py.
The evidence is added up as a log-odds score:
- a trigger word of some event type in the passage ("shelled", "protesters"), weighted
  by how close it stands to the place;
- a cue that the place is where it happened: "in/at/near X", "the outskirts of X", the
  place as the object of the trigger ("shelled X", "the attack on X");
- a cue that the place is only named: a demonym ("Russian forces"), the place speaking
  or acting ("Kyiv said", "Sudan's army"), an origin or destination ("from X", "envoy
  to X"), a meeting venue ("talks in Geneva"), a comparison, the wider area of a place
  just named ("Sarmada in Idlib province"); and an event that is only feared, planned,
  denied or long past.
Each place is read within its own sentence. At most one cue of where (the first that
applies: wider area, comparison, venue, target, origin, located) is counted.
The words that decided are kept (`Judgement.cues`) so an editor can see why."""
from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass, field
from itertools import pairwise

from mapapp.events import lexicon
from mapapp.events.lexicon import TRIGGERS, Trigger

# Log-odds before any evidence: most place names in the news are not event locations.
PRIOR = -1.6
EVENT_THRESHOLD = 0.5
LOCATIVE = 1.3
OBJECT = 1.8
NOT_HERE = -2.4
SPEECH = -3.0
ACTOR = -2.6
POSSESSIVE_ACTOR = -3.4
DEMONYM = -4.0
MEETING = -2.2
IRREALIS = -1.4
HISTORY = -1.2
CONTAINER = -2.6
# A trigger in another sentence of the passage counts for this much of its weight.
OTHER_SENTENCE = 0.5
SENTENCE_STOPS = (". ", "; ", "? ", "! ")
NO_TRIGGER_TYPE = "other"

_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")


def _compiled_triggers() -> list[tuple[re.Pattern, Trigger]]:
    """One regular expression per type and weight (a passage is read a few times, not
    once per word): longer patterns first, so that at one position the longest wins."""
    by_kind: dict[tuple[str, float], list[str]] = {}
    for trigger in TRIGGERS:
        by_kind.setdefault((trigger.event_type, trigger.weight), []).append(trigger.pattern)
    return [
        (re.compile(rf"\b(?:{'|'.join(sorted(patterns, key=len, reverse=True))})\b"),
         Trigger(pattern="", event_type=event_type, weight=weight))
        for (event_type, weight), patterns in by_kind.items()
    ]


_TRIGGER_RES = _compiled_triggers()


@dataclass(frozen=True, kw_only=True)
class TriggerHit:
    """A trigger word found in the passage, with its distance to the place in words."""

    text: str
    event_type: str
    weight: float
    start: int
    end: int
    distance: int


@dataclass(frozen=True, kw_only=True)
class Judgement:
    """The classifier's answer for one place mention."""

    is_event: bool
    score: float  # probability-like, 0..1
    event_type: str  # a value of mapapp.events.taxonomy.EVENT_TYPES
    cues: tuple[str, ...] = field(default=())  # the words that decided, for display


@dataclass(frozen=True, kw_only=True)
class PlaceSpan:
    """Where a place is named in the passage, and whether as a nationality."""

    start: int
    end: int
    is_demonym: bool = False
    kind: str = "city"  # country, region, city or other, as the geoparser resolved it


def judge_mention(passage: str, start: int, end: int, *, is_demonym: bool = False) -> Judgement:
    """Judge the place named at passage[start:end]: whether the passage reports an event
    located there, a score in 0..1, the event type (the best trigger's, "other" when
    none) and the cues that decided it."""
    return judge_passage(passage, [PlaceSpan(start=start, end=end, is_demonym=is_demonym)])[0]


def judge_passage(passage: str, places: list[PlaceSpan]) -> list[Judgement]:
    """`judge_mention` for every place named in one passage, reading its triggers once."""
    lower = passage.lower()
    found = passage_triggers(lower)
    ends = sorted(place.end for place in places)
    return [_judge(passage, lower, place, _hits_around(lower, found, place),
                   container=_names_container(lower, place, ends))
            for place in places]


def _judge(passage: str, lower: str, place: PlaceSpan, hits: list[TriggerHit], *,
           container: bool) -> Judgement:
    start, end = place.start, place.end
    before, after = lower[max(0, start - 80) : start], lower[end : end + 60]
    cues: list[str] = []
    logit = PRIOR

    sentence_start, sentence_end = _sentence_around(lower, start, end)
    sentence = lower[sentence_start:sentence_end]
    # The place's own sentence speaks for it; only when it has no trigger do the
    # passage's other sentences count, at a discount ("... Residents of X heard it too").
    hits = [h for h in hits if sentence_start <= h.start < sentence_end] or \
        [dataclasses.replace(h, weight=h.weight * OTHER_SENTENCE) for h in hits]
    event_type = choose_type(hits, lower)
    if hits:
        best = max(hits, key=_strength)
        logit += _strength(best)
        cues.append(f"trigger: {passage[best.start:best.end]}")

    # The word before the name, past an article: "in the Abu Shouk camp" is located.
    words_before = [w for w in _WORD.findall(before)[-2:] if w != "the"][-1:]
    if place.is_demonym or _hyphenated_actor(passage, end):
        logit += DEMONYM
        cues.append("nationality, not a location")
    if match := lexicon.SPEECH_AFTER.match(after):
        if not _has_locative_before(words_before) and not _located_of(before):
            logit += SPEECH
            cues.append(f"speaks: {match.group(0).strip()}")
    elif (match := lexicon.ACTOR_AFTER.match(after)) and (
            # "in Kyiv, officials..." is a place; "Kyiv's officials" an actor
            not _has_locative_before(words_before) or match.group(0).lstrip().startswith(("'", "\u2019"))):
        # "Kenya's parliament" names who, not where, even beside a trigger
        logit += POSSESSIVE_ACTOR if match.group(0).lstrip().startswith(("'", "\u2019")) else ACTOR
        cues.append(f"actor: {match.group(0).strip()}")
    if container:
        logit += CONTAINER
        cues.append("the wider area of another place")
    elif match := lexicon.COMPARISON.search(before):
        logit += NOT_HERE
        cues.append(f"recalled: {match.group(0)}")
    elif match := lexicon.MEETING_BEFORE.search(before):
        logit += MEETING
        cues.append(f"venue: {match.group(0).strip()}")
    elif match := lexicon.OBJECT_VERBS.search(before):
        logit += OBJECT
        cues.append(f"target: {match.group(0).strip()}")
    elif match := lexicon.NOT_HERE_BEFORE.search(before):
        logit += NOT_HERE
        cues.append(f"not here: {match.group(0).strip()}")
    elif _has_locative_before(words_before) or _located_of(before):
        logit += LOCATIVE
        cues.append(f"located: {(words_before or ['of'])[-1]}")
    if hits:
        if match := lexicon.IRREALIS.search(sentence):
            logit += IRREALIS
            cues.append(f"not real: {match.group(0)}")
        if match := lexicon.HISTORY.search(sentence):
            logit += HISTORY
            cues.append(f"history: {match.group(0)}")
    score = 1.0 / (1.0 + math.exp(-logit))
    return Judgement(is_event=score >= EVENT_THRESHOLD, score=round(score, 3),
                     event_type=event_type, cues=tuple(cues))


def host_places(passage: str, places: list[PlaceSpan]) -> dict[int, int]:
    """Which place the text says each place lies in, by position in `places`: "the
    Saltivka district of Kharkiv", "Karari locality, Omdurman", "Mugunga camp near Goma",
    "Barsalogho (Centre-Nord)", "Tulkarem's Nur Shams camp" (the second in the first);
    a second name of one place is put inside the first ("Tadmur, the ancient city also
    known as Palmyra"); the towns of a list ("Sanaa, Hodeidah and Saada") lie in none
    of the others. Grouping treats a place as inside its host."""
    order = sorted(range(len(places)), key=lambda i: places[i].start)
    links = [passage[places[a].end : places[b].start] for a, b in pairwise(order)]
    hosts = {}
    for index, (inner, outer) in enumerate(pairwise(order)):
        link = links[index]
        # "in Sanaa, Hodeidah and Saada" is a list: no town of it lies in the next.
        listed = link.strip() == "," and index + 1 < len(links) and lexicon.LIST_LINK.fullmatch(links[index + 1])
        if lexicon.HOST_LINK.fullmatch(link) and not listed:
            hosts[inner] = outer
        elif lexicon.OWNER_LINK.fullmatch(link) or lexicon.ALIAS_LINK.fullmatch(link):
            hosts[outer] = inner
    return hosts


def passage_triggers(lower: str) -> list[tuple[int, int, Trigger]]:
    """The trigger words of `lower` (a passage in lower case) as (start, end, trigger),
    the longer kept where two overlap ("general strike" is a protest, not a strike)."""
    found = [(m.start(), m.end(), trigger) for regex, trigger in _TRIGGER_RES for m in regex.finditer(lower)]
    found.sort(key=lambda f: (f[0] - f[1], f[0]))
    kept: list[tuple[int, int, Trigger]] = []
    for hit in found:
        if not any(hit[0] < other[1] and hit[1] > other[0] for other in kept):
            kept.append(hit)
    return kept


def _hits_around(lower: str, found: list[tuple[int, int, Trigger]], place: PlaceSpan) -> list[TriggerHit]:
    """The passage's triggers seen from one place: their distance to it in words; a
    trigger inside the place's own name ("Mine", "Rally") does not count."""
    hits = []
    for hit_start, hit_end, trigger in found:
        if hit_start < place.end and hit_end > place.start:
            continue
        between = lower[hit_end : place.start] if hit_end <= place.start else lower[place.end : hit_start]
        hits.append(TriggerHit(text=lower[hit_start:hit_end], event_type=trigger.event_type,
                               weight=trigger.weight, start=hit_start, end=hit_end,
                               distance=len(_WORD.findall(between))))
    return hits


def choose_type(hits: list[TriggerHit], lower: str) -> str:
    """The event type the passage's triggers point to: each type sums its triggers'
    strengths; explosive weapons outrank who was hurt (an air strike that kills
    civilians is an explosion, as ACLED codes it); fighting beats a change of control,
    unless it is denied ("without a fight"); a protest with violence, or a crowd
    fighting, is a riot, and burning or looting without a crowd is not."""
    if not hits:
        return NO_TRIGGER_TYPE
    totals: dict[str, float] = {}
    for hit in hits:
        totals[hit.event_type] = totals.get(hit.event_type, 0.0) + _strength(hit)
    best = max(totals, key=totals.get)
    if best == lexicon.STRATEGIC and lexicon.BATTLES in totals and not lexicon.NO_FIGHT.search(lower):
        return lexicon.BATTLES  # fighting beats control: "fought for control of the village"
    if best == lexicon.CIVILIANS and lexicon.EXPLOSIONS in totals:
        return lexicon.EXPLOSIONS
    if best == lexicon.PROTESTS and lexicon.RIOT_SIGNS.search(lower):
        return lexicon.RIOTS
    crowd = lexicon.CROWD.search(lower)
    if best == lexicon.BATTLES and crowd:
        return lexicon.RIOTS  # a crowd fighting, storming, attacking
    others = {t: total for t, total in totals.items() if t != lexicon.RIOTS}
    if best == lexicon.RIOTS and not crowd and others:
        return max(others, key=others.get)  # armed men burning a village: not a riot
    return best


def _strength(hit: TriggerHit) -> float:
    """A trigger's weight, fading with its distance from the place."""
    if hit.distance <= 6:
        return hit.weight
    if hit.distance <= 14:
        return hit.weight * 0.8
    if hit.distance <= 30:
        return hit.weight * 0.6
    return hit.weight * 0.4


def _names_container(lower: str, place: PlaceSpan, ends: list[int]) -> bool:
    """Whether the place only says where the place named just before it lies:
    "Sarmada in Idlib province", "a village in Sennar state", "the Macomia area of Cabo
    Delgado", "Masala, Beni territory" (a region or country, or a name followed by a word
    like province)."""
    previous = [end for end in ends if end <= place.start]
    if not previous:
        return False
    link, after = lower[previous[-1] : place.start], lower[place.end :]
    if link.strip() == ",":
        # "Masala, Beni territory"; not "Sanaa, Saada and Dhamar" nor "Chai, Macomia district"
        return bool(lexicon.WIDE_AREA_WORD.match(after))
    return bool(lexicon.CONTAINER_LINK.fullmatch(link)) and (
        place.kind in ("region", "country") or bool(lexicon.AREA_WORD.match(after)))


def _sentence_around(lower: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of a passage that holds [start, end) (passages may hold a few)."""
    opening = max(lower.rfind(stop, 0, start) for stop in SENTENCE_STOPS)
    closings = [i for i in (lower.find(stop, end) for stop in SENTENCE_STOPS) if i >= 0]
    return (opening + 2 if opening >= 0 else 0), (min(closings) + 1 if closings else len(lower))


def _has_locative_before(words_before: list[str]) -> bool:
    return bool(words_before) and words_before[-1] in lexicon.LOCATIVE_BEFORE


def _located_of(before: str) -> bool:
    """'the outskirts of X', 'north of X', 'the town of X'."""
    words = _WORD.findall(before[-40:])
    return len(words) >= 2 and words[-1] == "of" and words[-2] in lexicon.LOCATIVE_NOUNS_OF


def _hyphenated_actor(passage: str, end: int) -> bool:
    """'Tehran-backed', 'Kyiv-based': the place names who backs or where someone is based."""
    return bool(lexicon.HYPHEN_ACTOR.match(passage[end : end + 20].lower()))
