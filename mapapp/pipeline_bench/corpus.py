"""News-length articles (about 600 words, 15-20 paragraphs naming places) made by
shuffling the paragraphs of our own demo articles: realistic length and density of
place names, reproducible from a seed, and no two alike (each carries its number)."""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

DEMO = Path(__file__).resolve().parents[1] / "demo" / "articles.json"


@dataclass(frozen=True)
class BenchArticle:
    title: str
    body: str
    published_at: str


def _paragraphs() -> list[tuple[str, str]]:
    demos = json.loads(DEMO.read_text(encoding="utf-8"))
    return [(demo["published_at"], paragraph.strip())
            for demo in demos for paragraph in demo["body"].split("\n\n") if paragraph.strip()]


def news_articles(count: int, *, words: int = 600, seed: int = 4, tag: str = "") -> list[BenchArticle]:
    """`count` distinct articles of about `words` words each."""
    pool = _paragraphs()
    rng = random.Random(seed)
    articles = []
    for number in range(count):
        picked: list[str] = []
        published = rng.choice(pool)[0]
        while sum(len(p.split()) for p in picked) < words:
            picked.append(rng.choice(pool)[1])
        picked.append(f"Reporting by the demo desk, dispatch {tag}{number}.")
        articles.append(BenchArticle(f"Bench dispatch {tag}{number}", "\n\n".join(picked), published))
    return articles


def short_articles(count: int, *, tag: str = "") -> list[BenchArticle]:
    """One-sentence articles naming one place: the pipeline's own cost, text work almost nil."""
    return [BenchArticle(f"Short dispatch {tag}{n}", f"Shelling was reported in Aleppo, dispatch {tag}{n}.",
                         "2016-05-02T09:00:00+00:00") for n in range(count)]
