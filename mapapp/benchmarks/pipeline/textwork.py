"""How long the text work alone takes per article, in this process, without queue or
database: finding and resolving places (geoparsing), then dating their passages."""
from __future__ import annotations

import datetime as dt
import time

from mapapp.benchmarks.pipeline.corpus import BenchArticle, news_articles
from mapapp.dating import date_passages
from mapapp.geoparsing import geoparse
from mapapp.passages import mask_markup, passage_at, split_passages


def text_work_ms(count: int = 60, *, corpus: list[BenchArticle] | None = None) -> dict[str, float]:
    """Mean milliseconds per article for geoparsing and for dating, on `corpus` (by
    default `count` articles of the dense corpus). A fresh process reads each new date
    expression with dateparser once; later articles reuse it."""
    corpus = corpus or news_articles(count, tag="profile-", seed=7)
    count = len(corpus)
    geoparse("Aleppo")  # load the gazetteer outside the timing
    geoparsing = dating = 0.0
    for article in corpus:
        tick = time.perf_counter()
        readable = mask_markup(article.body)
        toponyms = geoparse(readable)
        tock = time.perf_counter()
        spans = split_passages(readable)
        used = sorted({passage_at(spans, t.start) for t in toponyms})
        date_passages(readable, used, dt.date.fromisoformat(article.published_at[:10]))
        geoparsing += tock - tick
        dating += time.perf_counter() - tock
    words = sum(len(a.body.split()) for a in corpus) / count
    return {"geoparse_ms": 1000 * geoparsing / count, "dating_ms": 1000 * dating / count,
            "words": words}
