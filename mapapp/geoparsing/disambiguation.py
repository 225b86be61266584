"""Which place each mention means, decided from the whole document.

Every candidate entry starts from a prior (kind, population, national capital, own name
vs alternate name). The document then votes: each distinct name spreads its belief over
its own candidates, and a candidate gains support from the belief other names put on
places in the same first-level region and the same country ("Dublin" next to "Columbus"
and "Ohio" is Dublin, Ohio; "Georgia" next to "Atlanta" is the US state). Explicit
patterns add more: "Paris, Texas", "province of Idlib". A last pass prefers candidates near
the other places chosen. One sense per name per document: every mention with the same key
gets the same place. Weights were set by hand and checked on two news corpora.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from mapapp.geoparsing.calibration import Features, calibrated_confidence
from mapapp.geoparsing.context_cues import article_bonus, enumeration_bonus
from mapapp.geoparsing.gazetteer import (
    ALTERNATE,
    DEMONYM,
    FLAG_BITS,
    KIND_CODE,
    KIND_NAMES,
    Gazetteer,
)
from mapapp.geoparsing.normalize import transliteration_key
from mapapp.geoparsing.recognizer import Mention

COUNTRY, REGION, CITY, OTHER = (KIND_CODE[k] for k in ("country", "region", "city", "other"))
ADMIN2 = 9  # second-level divisions are stored as "other"; they get their own prior
MAX_CANDIDATES = 20
OUT_OF_REACH = 8.0  # prior points; above the most that support and nearness can add
CONTAINER_LINKS = (", located in ", " located in ", ", ", " in ")  # longest first
CURATED_REGION_WEIGHT = 20_000_000  # hand-written regions ("Middle East") have no population
NEARBY_POINTS = 30  # places chosen for other names that a candidate is measured against
NEARNESS_BANDS_KM = (50, 150, 400)  # the edges of the near50/near150/near400 bonuses
TOWN_BEFORE_ITS_REGION = 50_000  # inhabitants: a town this big is what its region's bare name means
OFF_FOCUS_POPULATION = 100_000  # a place smaller than this, far from the story's countries, is doubted
OFF_FOCUS_CONFIDENCE = 0.2  # ... sent to review; about one in six such places was right on LGL and GeoVirus

WEIGHTS = {
    "kind_country": 3.0, "kind_region": 1.6, "kind_city": 0.0, "kind_other": 1.2, "kind_admin2": -0.6,
    "population": 0.55, "capital": 1.0, "metropolis": 0.0, "alternate": -0.8,
    "same_region": 2.0, "same_county": 2.0, "same_country": 1.5, "neighbour": 0.5, "support_cap": 5.0,
    "country_guard": 3.0, "namesake_city": 1.5, "container": 4.0, "region_cue": 2.5,
    "named_capital": 1.0, "enumeration": 3.0, "article": 2.0,
    "near50": 1.5, "near150": 1.0, "near400": 0.5, "temperature": 1.0, "rounds": 2,
}


RANKINGS_KEPT = 20_000  # names whose ranking by prior is kept at hand (names recur across articles)


class VotingCandidate(NamedTuple):
    """What the document vote needs of one candidate of a name (see _voting_candidates)."""

    region: int  # entry of its first-level region, or -1 when no other name can share it
    country: str  # ISO alpha-2 code, "" for none
    county: int  # entry of its second-level division, or -1 when no other name can share it
    score: float  # its score before the vote
    support_cap: float  # the most support the other names can give it


@dataclass(slots=True)
class Resolution:
    """The place decided for one name: its entry, how sure, and the candidates weighed."""

    entry: int  # -1 when nothing fits
    confidence: float
    ranked: list[tuple[int, float]]  # (entry, score), best first


def prior(gaz: Gazetteer, entry: int, flags: int, w: dict) -> float:
    """How likely a bare mention of the name is to mean ``entry`` before any context: by
    kind, population and capital status, less for an alternate name (``flags``)."""
    kind = gaz.kind[entry]
    population = gaz.population[entry]
    if kind == OTHER and gaz.region[entry] >= 0:
        kind_weight = w["kind_admin2"]
    else:
        kind_weight = w[("kind_country", "kind_region", "kind_city", "kind_other")[kind]]
        if not population and not gaz.geonameid[entry]:
            population = CURATED_REGION_WEIGHT
    score = kind_weight + w["population"] * math.log10(population + 10)
    if gaz.capital[entry]:
        score += w["capital"]
    elif kind == CITY and population >= 1_000_000:
        score += w["metropolis"]
    if flags & ALTERNATE:
        score += w["alternate"]
    return score


def _nearest_km(lat: float, lon: float, points: list[tuple[float, float]]) -> float:
    """Distance to the nearest point; an equirectangular estimate, exact enough under 1,000 km."""
    scale = math.cos(math.radians(lat))
    best = float("inf")
    for plat, plon in points:
        dlon = abs(lon - plon)
        if dlon > 180:
            dlon = 360 - dlon
        d = (lat - plat) ** 2 + (dlon * scale) ** 2
        best = min(best, d)
    return 111.195 * math.sqrt(best)


def resolve(gaz: Gazetteer, text: str, mentions: list[Mention], w: dict = WEIGHTS) -> dict[str, Resolution]:
    """Decide one entry per distinct mention key; returns key -> Resolution.

    Each name's candidates are ranked by prior, then by fixed evidence from the text
    ("Paris, Texas", "province of Idlib", a named country's capital, enumerations), then
    by the document's vote, then by nearness to the other names' places.
    """
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[m.key].append(m)
    ranked_by_prior = {key: _ranked_by_prior(gaz, named[0].postings, w) for key, named in by_key.items()}
    evidence = _fixed_evidence_by_key(gaz, text, mentions, by_key, ranked_by_prior, w)
    base = {}
    for key, ranked in ranked_by_prior.items():
        scored = sorted(((e, s + evidence[key].get(e, 0.0)) for e, s in ranked), key=lambda es: -es[1])
        # Document support is capped and nearness adds little, so a candidate this far
        # behind the best can never win: leave it out of the work.
        base[key] = [(e, s) for e, s in scored if s >= scored[0][1] - OUT_OF_REACH]
    scores = _document_support(gaz, base, {key: len(named) for key, named in by_key.items()}, w)
    scores = _prefer_nearby(gaz, scores, w)
    cued = {m.key for m in mentions if m.region_cue}
    scores = {key: ranked if key in cued else _town_before_its_region(gaz, ranked, by_key[key][0].surface)
              for key, ranked in scores.items()}
    resolutions = {key: _resolution(gaz, ranked, repeated=len(by_key[key]) > 1) for key, ranked in scores.items()}
    return _doubt_off_focus(gaz, resolutions)


def _doubt_off_focus(gaz: Gazetteer, resolutions: dict[str, Resolution]) -> dict[str, Resolution]:
    """A small place in a country the rest of the story never comes near is doubted: in a
    story about Darfur, "Tawila" found only as a Yemeni hamlet is more likely a village the
    gazetteer lacks than a jump to Yemen. Its confidence drops below the sure threshold, so
    an editor sees it before readers trust it. Needs two other names placed in the story's
    countries; countries themselves and big places are left alone."""
    placed = {key: r.entry for key, r in resolutions.items() if r.entry >= 0}
    out = dict(resolutions)
    for key, entry in placed.items():
        if gaz.kind[entry] == COUNTRY or gaz.population[entry] >= OFF_FOCUS_POPULATION:
            continue
        story = [gaz.country[e] for k, e in placed.items() if k != key and gaz.country[e]]
        if len(story) < 2:
            continue
        near = set(story).union(*(gaz.neighbours.get(cc, ()) for cc in story))
        if gaz.country[entry] not in near:
            r = resolutions[key]
            out[key] = Resolution(entry=r.entry, confidence=min(r.confidence, OFF_FOCUS_CONFIDENCE), ranked=r.ranked)
    return out


def _town_before_its_region(gaz: Gazetteer, ranked: list[tuple[int, float]], surface: str,
                            ) -> list[tuple[int, float]]:
    """A bare name that a region and a sizeable town inside it share ("Kherson", "Zaporizhzhia",
    "Raqqa") means the town: news say "Kherson region" when they mean the region (such
    mentions are resolved apart, see Recognizer), and the town's point is where things happened.
    The town must be spelled as written, give or take transliteration: "New York" is the state
    as often as New York City, whose own name is longer. The town takes the region's place and
    score; the rest keep their order."""
    if len(ranked) < 2 or gaz.kind[ranked[0][0]] != REGION:
        return ranked
    region, best = ranked[0]
    spelled = transliteration_key(surface)
    for at, (entry, _score) in enumerate(ranked[1:], start=1):
        if gaz.kind[entry] == CITY and gaz.region[entry] == region \
                and gaz.population[entry] >= TOWN_BEFORE_ITS_REGION \
                and transliteration_key(gaz.name[entry]) == spelled:
            return [(entry, best), ranked[0], *ranked[1:at], *ranked[at + 1:]]
    return ranked


def _fixed_evidence_by_key(gaz: Gazetteer, text: str, mentions: list[Mention], by_key: dict[str, list[Mention]],
                           ranked_by_prior: dict[str, tuple[tuple[int, float], ...]], w: dict,
                           ) -> dict[str, dict[int, float]]:
    """Per name, the bonus of each candidate from evidence that does not depend on the other
    names' decisions: a container or region cue (see _fixed_evidence), the capital of a
    country the story names, and the enumeration and article cues (context_cues.py)."""
    followers = _containers_named(text, mentions)
    cued = {m.key for m in mentions if m.region_cue}
    plain_kind = {k: gaz.kind[r[0][0]] if r else -1 for k, r in ranked_by_prior.items()}
    cues = [enumeration_bonus(gaz, text, mentions, plain_kind, w["enumeration"]) if w["enumeration"] else {},
            article_bonus(gaz, text, mentions, w["article"]) if w["article"] else {}]
    # Countries the story plainly names: their capitals are the likely sense of a bare
    # name ("the FAO in Rome" in a story that names Italy, whatever else it says about the US).
    named_countries = {gaz.country[r[0][0]] for r in ranked_by_prior.values() if r and gaz.kind[r[0][0]] == COUNTRY}
    out = {}
    for key, ranked in ranked_by_prior.items():
        if key in followers or key in cued:
            fixed = _fixed_evidence(gaz, by_key[key][0].postings, followers.get(key, []), key in cued, w)
        else:
            fixed = {}
        for e, _s in ranked:
            if gaz.capital[e] and gaz.kind[e] == CITY and gaz.country[e] in named_countries:
                fixed[e] = fixed.get(e, 0.0) + w["named_capital"]
        for cue in cues:
            for e, bonus in cue.get(key, {}).items():
                fixed[e] = fixed.get(e, 0.0) + bonus
        out[key] = fixed
    return out


def _resolution(gaz: Gazetteer, ranked: list[tuple[int, float]], *, repeated: bool = False) -> Resolution:
    """The best of a name's ``ranked`` candidates, with the probability that it is right: the
    raw score its lead over the best real alternative gives it, calibrated (calibration.py)
    by the kind and size of the place and whether the document names it again (``repeated``)."""
    if not ranked:
        return Resolution(entry=-1, confidence=0.0, ranked=[])
    # A city and the region of the same name that holds it (Aleppo) are one answer at
    # two scales, not rivals: the confidence is measured against the best real alternative.
    winner, best = ranked[0]
    rival = next((score for e, score in ranked[1:] if not _nested(gaz, winner, e)), None)
    margin = best - rival if rival is not None else 4.0
    raw = round(1.0 / (1.0 + math.exp(-1.5 * margin)), 3)
    features = Features(kind=KIND_NAMES[gaz.kind[winner]], population=gaz.population[winner], repeated=repeated)
    return Resolution(entry=winner, confidence=calibrated_confidence(raw, features), ranked=ranked)


def _ranked_by_prior(gaz: Gazetteer, postings: tuple[int, ...], w: dict) -> tuple[tuple[int, float], ...]:
    """A name's candidate entries with their prior scores, best first (at most MAX_CANDIDATES)."""
    if w is WEIGHTS:
        return _ranked_by_default_prior(gaz, postings)
    return _rank_by_prior(gaz, postings, w)


@lru_cache(maxsize=RANKINGS_KEPT)
def _ranked_by_default_prior(gaz: Gazetteer, postings: tuple[int, ...]) -> tuple[tuple[int, float], ...]:
    """_rank_by_prior with the default weights, remembered: it depends on nothing else."""
    return _rank_by_prior(gaz, postings, WEIGHTS)


def _rank_by_prior(gaz: Gazetteer, postings: tuple[int, ...], w: dict) -> tuple[tuple[int, float], ...]:
    """See _ranked_by_prior. An entry reached by several postings (own and alternate
    name) keeps its best prior."""
    best: dict[int, float] = {}
    for p in postings:
        e = p >> FLAG_BITS
        best[e] = max(best.get(e, -1e9), prior(gaz, e, p & ~DEMONYM, w))
    if any(gaz.kind[p >> FLAG_BITS] == COUNTRY and not p & ALTERNATE for p in postings):
        # A country's own name ("Mexico", "Chile") is not also a town's alternate name.
        for p in postings:
            if p & ALTERNATE and gaz.kind[p >> FLAG_BITS] == CITY:
                best.pop(p >> FLAG_BITS, None)
    if w["namesake_city"]:
        # "Latakia", "Quebec": a region named after its main city; the bare name is
        # usually the city (a cue such as "province of" says otherwise).
        # A national capital outside the region that shares its name counts too: Buenos
        # Aires and Lima are cities apart from the provinces named after them.
        regions = {e for e in best if gaz.kind[e] == REGION}
        region_countries = {gaz.country[e] for e in regions}
        for e in best:
            if gaz.kind[e] == CITY and (gaz.region[e] in regions or (
                    gaz.capital[e] and gaz.country[e] in region_countries)):
                best[e] += w["namesake_city"]
    return tuple(sorted(best.items(), key=lambda es: -es[1])[:MAX_CANDIDATES])


def _document_support(gaz: Gazetteer, base: dict[str, list[tuple[int, float]]], counts: dict[str, int],
                      w: dict) -> dict[str, list[tuple[int, float]]]:
    """Rounds of voting: each name spreads its belief over its candidates' first-level
    region, county and country, and a candidate gains (capped) support from the belief the
    other names put on the same ones and on bordering countries. Returns each key's
    candidates rescored, best first.

    A key's candidates keep the order of ``base`` in ``rows``; ``order`` lists them best
    first. A name with a single candidate votes but keeps its score: it has nothing to rank.
    """
    keys = list(base)
    weight = {k: 1.0 + math.log(counts[k]) for k in keys}
    rows, live_countries, bordering = _voting_candidates(gaz, base, w)
    contested = [k for k in keys if len(rows[k]) > 1]
    current = {k: [c.score for c in rows[k]] for k in keys}
    order = {k: list(range(len(rows[k]))) for k in keys}
    for _ in range(int(w["rounds"])):
        belief = {k: _belief(rows[k], current[k], order[k], w["temperature"]) for k in keys}
        total_county: dict[int, float] = {}
        total_region: dict[int, float] = {}
        total_country: dict[str, float] = {}
        for k in keys:
            wk = weight[k]
            county_mass, region_mass, country_mass = belief[k]
            for u, v in county_mass.items():
                total_county[u] = total_county.get(u, 0.0) + wk * v
            for r, v in region_mass.items():
                total_region[r] = total_region.get(r, 0.0) + wk * v
            for cc, v in country_mass.items():
                total_country[cc] = total_country.get(cc, 0.0) + wk * v
        totals = (total_county, total_region, total_country)
        for k in contested:
            current[k] = _rescored(rows[k], belief[k], totals, weight[k], live_countries, bordering, w)
            order[k] = sorted(range(len(rows[k])), key=current[k].__getitem__, reverse=True)
    return {k: [(base[k][i][0], current[k][i]) for i in order[k]] for k in keys}


def _voting_candidates(gaz: Gazetteer, base: dict[str, list[tuple[int, float]]], w: dict,
                    ) -> tuple[dict[str, list[VotingCandidate]], set[str], dict[str, list[str]]]:
    """What the voting needs of each candidate of each key, looked up once; the countries that can give support;
    and per country the bordering countries some candidate lies in.

    Only a place that two names share can give support (alone, a name's own belief cancels
    out exactly), so a region or county no other name has is left out (-1). A country gives
    support when two names share it or it borders one a candidate lies in; only those
    neighbours ever hold belief, and they are listed in the order the sum always took.
    """
    kind, region, country, county = gaz.kind, gaz.region, gaz.country, gaz.county
    # The first key seen in each place; a place another key is also seen in is shared.
    region_first: dict[int, str] = {}
    county_first: dict[int, str] = {}
    country_first: dict[str, str] = {}
    shared_regions: set[int] = set()
    shared_counties: set[int] = set()
    shared_countries: set[str] = set()
    for k, ranked in base.items():
        for e, _s in ranked:
            r, u, cc = region[e], county[e], country[e]
            if r >= 0 and kind[e] != COUNTRY and region_first.setdefault(r, k) != k:
                shared_regions.add(r)
            if u >= 0 and county_first.setdefault(u, k) != k:
                shared_counties.add(u)
            if cc and country_first.setdefault(cc, k) != k:
                shared_countries.add(cc)
    present = country_first.keys()
    bordering = {cc: [n for n in gaz.neighbours.get(cc, ()) if n in present] for cc in present}
    live_countries = {cc for cc in present if cc in shared_countries or bordering[cc]}
    # A name that is a country's ("Lebanon", "Egypt") takes more than a crowd of nearby US
    # towns to become a town: their support is capped lower.
    support_cap, guarded_cap = w["support_cap"], w["country_guard"]
    rows = {}
    for k, ranked in base.items():
        guarded = any(kind[e] == COUNTRY for e, _s in ranked)
        rows[k] = [
            VotingCandidate(
                region=region[e] if region[e] in shared_regions and kind[e] != COUNTRY else -1,
                country=country[e],
                county=county[e] if county[e] in shared_counties else -1,
                score=s,
                support_cap=guarded_cap if guarded and kind[e] != COUNTRY else support_cap,
            )
            for e, s in ranked
        ]
    return rows, live_countries, bordering


def _belief(rows: list[VotingCandidate], scores: list[float], order: list[int],
            temperature: float) -> tuple[dict, dict, dict]:
    """How much of a name's belief sits in each county, first-level region and country: a
    softmax of its candidates' ``scores`` (normalised by their sum taken best first, as
    ``order`` ranks them), added up per place; nothing for a name without candidates."""
    if not scores:
        return {}, {}, {}
    top = scores[order[0]]
    exps = [math.exp((s - top) / temperature) for s in scores]
    total = sum([exps[i] for i in order])
    county_mass: dict[int, float] = {}
    region_mass: dict[int, float] = {}
    country_mass: dict[str, float] = {}
    for c, x in zip(rows, exps, strict=True):
        pr = x / total
        if c.region >= 0:
            region_mass[c.region] = region_mass.get(c.region, 0.0) + pr
        if c.country:
            country_mass[c.country] = country_mass.get(c.country, 0.0) + pr
        if c.county >= 0:
            county_mass[c.county] = county_mass.get(c.county, 0.0) + pr
    return county_mass, region_mass, country_mass


def _rescored(rows: list[VotingCandidate], belief: tuple[dict, dict, dict],
              totals: tuple[dict, dict, dict], wk: float, live_countries: set[str],
              bordering: dict[str, list[str]], w: dict) -> list[float]:
    """Base score plus capped support from the other names, per candidate (``rows`` order).

    Support counts the belief the whole document puts on a candidate's county, region and
    country, less this name's own share (``wk`` times its ``belief``). Only a country that
    can give support is looked at (see _voting_candidates): for any other the country
    terms are exactly nothing.
    """
    county_mass, region_mass, country_mass = belief
    total_county, total_region, total_country = totals
    by_country: dict[str, tuple[float, float]] = {}  # the same for every candidate in one country
    out = []
    for c in rows:
        support = 0.0
        if c.county >= 0 and w["same_county"]:
            others = total_county[c.county] - wk * county_mass[c.county]
            support += w["same_county"] * math.log1p(max(0.0, others))
        if c.region >= 0:
            others = total_region[c.region] - wk * region_mass[c.region]
            support += w["same_region"] * math.log1p(max(0.0, others))
        if c.country in live_countries:
            if c.country not in by_country:
                by_country[c.country] = _country_support(c.country, country_mass, total_country, wk,
                                                         bordering[c.country], w)
            same_country, neighbouring = by_country[c.country]
            support += same_country
            support += neighbouring
        out.append(c.score + min(support, c.support_cap))
    return out


def _country_support(country: str, country_mass: dict[str, float], total_country: dict[str, float],
                     wk: float, bordering: list[str], w: dict) -> tuple[float, float]:
    """The support a candidate gets from the other names' belief in its country and in
    the countries bordering it."""
    others = total_country[country] - wk * country_mass[country]
    same_country = w["same_country"] * math.log1p(max(0.0, others))
    near = sum([total_country[n] for n in bordering]) - wk * sum(
        [v for n, v in country_mass.items() if n in bordering])
    return same_country, w["neighbour"] * math.log1p(max(0.0, near))


def _containers_named(text: str, mentions: list[Mention]) -> dict[str, list[Mention]]:
    """Per mention key, the mentions that name what contains one of its mentions: the
    mention right after ", " or "located in" ("Paris, Texas", "Crawford County located in
    Pennsylvania")."""
    mention_at = {m.start: m for m in mentions}
    out: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        for link in CONTAINER_LINKS:
            if text.startswith(link, m.end):
                nxt = mention_at.get(m.end + len(link))
                if nxt is not None:
                    out[m.key].append(nxt)
                break
    return out


def _fixed_evidence(gaz: Gazetteer, postings: tuple[int, ...], followers: list[Mention], cue: bool,
                    w: dict) -> dict[int, float]:
    """Evidence that does not depend on other decisions: "City, State" and region cues.

    ``followers`` name containers (see _containers_named); ``cue`` says whether a mention of
    the name carries a region cue ("province of Idlib").
    """
    containers: set[int] = set()
    for nxt in followers:
        for p in nxt.postings:
            e = p >> FLAG_BITS
            if gaz.kind[e] in (COUNTRY, REGION):
                containers.add(e)
    if not containers and not cue:
        return {}
    out: dict[int, float] = defaultdict(float)
    for p in postings:
        e = p >> FLAG_BITS
        for c in containers:
            if (gaz.kind[c] == REGION and gaz.region[e] == c and e != c) or (
                gaz.kind[c] == COUNTRY and gaz.country[e] == gaz.country[c] and e != c
            ):
                out[e] += w["container"]
                break
        if cue:
            out[e] += w["region_cue"] if gaz.kind[e] == REGION else -1.0
    return out


def _prefer_nearby(gaz: Gazetteer, scores: dict[str, list[tuple[int, float]]], w: dict,
                   ) -> dict[str, list[tuple[int, float]]]:
    """Spatial coherence: each candidate of a name gains a bonus for being close to the
    places chosen for the other names (see _nearness_bonus), and the name's candidates are
    ranked again."""
    chosen = {k: ranked[0][0] for k, ranked in scores.items() if ranked}
    # Countries are neither measured nor measured against: their point says little.
    points = [(k, gaz.latitude[e], gaz.longitude[e]) for k, e in chosen.items() if gaz.kind[e] != COUNTRY]
    if len(points) < 2:
        return scores
    out = dict(scores)
    for key, ranked in scores.items():
        if len(ranked) < 2:
            continue
        others = [(lat, lon) for k, lat, lon in points if k != key][:NEARBY_POINTS]
        rescored = [(e, s + _nearness_bonus(gaz, e, others, w)) for e, s in ranked]
        rescored.sort(key=lambda es: -es[1])
        out[key] = rescored
    return out


def _nearness_bonus(gaz: Gazetteer, entry: int, others: list[tuple[float, float]], w: dict) -> float:
    """The bonus of a candidate under 50, 150 or 400 km from the nearest of ``others``
    (a distance on a band's edge falls in the farther band); none for a country."""
    if gaz.kind[entry] == COUNTRY:
        return 0.0
    km = _nearest_km(gaz.latitude[entry], gaz.longitude[entry], others)
    for edge, bonus in zip(NEARNESS_BANDS_KM, (w["near50"], w["near150"], w["near400"]), strict=True):
        if km < edge:
            return bonus
    return 0.0


def _nested(gaz: Gazetteer, a: int, b: int) -> bool:
    """Whether one entry is the first-level region that holds the other."""
    return gaz.region[a] == b or gaz.region[b] == a
