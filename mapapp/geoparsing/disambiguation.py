"""Which place each mention means, decided from the whole document.

Each candidate entry gets a prior (kind, population, capital, own name vs alternate name)
plus evidence from the document: the countries and first-level regions it mentions, a
"City, State" pattern, the distance to the other places it names, and cues such as
"province of". One sense per name per document: every mention with the same key gets the
same place. Weights were set by hand, then checked on held-out news corpora.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from mapapp.geoparsing.gazetteer import ALTERNATE, FLAG_BITS, KIND_CODE, Gazetteer
from mapapp.geoparsing.recognizer import Mention

COUNTRY, REGION, CITY, OTHER = (KIND_CODE[k] for k in ("country", "region", "city", "other"))
MAX_CANDIDATES = 40
CURATED_REGION_WEIGHT = 20_000_000
ADMIN2 = 9  # second-level divisions are stored as "other"; they get their own prior
KIND_PRIOR = {COUNTRY: 3.0, REGION: 1.6, CITY: 0.0, OTHER: 1.2, ADMIN2: -0.6}


@dataclass(slots=True)
class Resolution:
    entry: int  # -1 when nothing fits
    confidence: float
    ranked: list[tuple[int, float]]  # (entry, score), best first


def _prior(gaz: Gazetteer, posting: int) -> float:
    e, flags = posting >> FLAG_BITS, posting & 3
    population = gaz.population[e]
    if not population and not gaz.geonameid[e]:
        population = CURATED_REGION_WEIGHT  # hand-written well-known regions: "Middle East"
    kind = gaz.kind[e]
    if kind == OTHER and gaz.region[e] >= 0:
        kind = ADMIN2
    score = KIND_PRIOR[kind] + 0.55 * math.log10(population + 10)
    if gaz.capital[e]:
        score += 1.0
    if flags & ALTERNATE:
        score -= 0.8
    return score


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def resolve(gaz: Gazetteer, text: str, mentions: list[Mention]) -> dict[str, Resolution]:
    """Decide one entry per distinct mention key; returns key -> Resolution."""
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[m.key].append(m)

    # Candidates per key: the best-prior few, so huge homonym lists stay cheap.
    candidates: dict[str, list[tuple[int, float]]] = {}
    for key, ms in by_key.items():
        scored = {}
        for p in ms[0].postings:
            e = p >> FLAG_BITS
            s = _prior(gaz, p)
            if s > scored.get(e, -1e9):
                scored[e] = s
        ranked = sorted(scored.items(), key=lambda es: -es[1])[:MAX_CANDIDATES]
        candidates[key] = ranked

    # Document evidence: countries and regions named outright (unambiguous or clearly top).
    country_votes: Counter[str] = Counter()
    region_votes: Counter[int] = Counter()
    for key, ranked in candidates.items():
        weight = len(by_key[key])
        top = ranked[0][0]
        if gaz.kind[top] == COUNTRY:
            country_votes[gaz.country[top]] += weight
        elif gaz.kind[top] == REGION or (gaz.kind[top] == OTHER and gaz.region[top] >= 0):
            region_votes[gaz.region[top]] += weight
            country_votes[gaz.country[top]] += 0.5 * weight
    total_countries = sum(country_votes.values()) or 1

    # "City, State" and "City, Country": the second name fixes the first.
    container_hint: dict[str, set[int]] = defaultdict(set)
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in itertools.pairwise(ordered):
        between = text[a.end:b.start]
        if between.strip() == "," and "\n" not in between:
            for p in b.postings:
                e = p >> FLAG_BITS
                if gaz.kind[e] in (COUNTRY, REGION):
                    container_hint[a.key].add(e)

    def context_score(key: str, e: int, ms: list[Mention]) -> float:
        s = 0.0
        cc = gaz.country[e]
        if cc and country_votes.get(cc):
            s += 1.5 + 1.5 * country_votes[cc] / total_countries
        region = gaz.region[e]
        if gaz.kind[e] != REGION and region >= 0 and region_votes.get(region):
            s += 2.0
        hints = container_hint.get(key)
        if hints:
            for h in hints:
                if (gaz.kind[h] == REGION and region == h) or (gaz.kind[h] == COUNTRY and cc == gaz.country[h]):
                    s += 4.0
                    break
        if any(m.region_cue for m in ms):
            s += 2.5 if gaz.kind[e] == REGION else -1.0
        return s

    scores: dict[str, list[tuple[int, float]]] = {}
    for key, ranked in candidates.items():
        ms = by_key[key]
        scores[key] = sorted(((e, p + context_score(key, e, ms)) for e, p in ranked), key=lambda es: -es[1])

    # Spatial coherence: places in one story lie near each other.
    for _ in range(1):
        chosen = {k: v[0][0] for k, v in scores.items() if v}
        points = [(k, gaz.latitude[e], gaz.longitude[e]) for k, e in chosen.items() if gaz.kind[e] != COUNTRY]
        if len(points) < 2:
            break
        rescored = {}
        for key, ranked in scores.items():
            others = [(lat, lon) for k, lat, lon in points if k != key]
            if not others or len(ranked) < 2:
                rescored[key] = ranked
                continue
            new = []
            for e, s in ranked:
                if gaz.kind[e] == COUNTRY:
                    new.append((e, s))
                    continue
                d = min(_haversine_km(gaz.latitude[e], gaz.longitude[e], lat, lon) for lat, lon in others[:30])
                bonus = 1.5 if d < 50 else 1.0 if d < 150 else 0.5 if d < 400 else 0.0
                new.append((e, s + bonus))
            rescored[key] = sorted(new, key=lambda es: -es[1])
        scores = rescored

    out: dict[str, Resolution] = {}
    for key, ranked in scores.items():
        if not ranked:
            out[key] = Resolution(-1, 0.0, [])
            continue
        best = ranked[0][1]
        margin = best - ranked[1][1] if len(ranked) > 1 else 3.0
        confidence = 1.0 / (1.0 + math.exp(-1.5 * margin))
        out[key] = Resolution(ranked[0][0], round(confidence, 3), ranked)
    return out
