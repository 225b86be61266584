"""The benchmark's articles.

- "real": news stories as published (the LGL and GeoVirus evaluation corpora beside the
  repository, read where they lie, never copied in): about 300 words and 9 place names
  each, as news has. "real-600": the same stories joined two or three to an article of
  about 600 words, the length of a wire story, with news's density of places.
- "dense": about 600 words made by shuffling the paragraphs of our own demo articles,
  which are about war and name a place every eight words or so (70 per article, eight
  times the density of real news): the heaviest load per article the pipeline meets.
- "short": one sentence naming one place, the cost of the queue and database alone.

All reproducible from a seed, and no two alike (each carries its number)."""
from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from pathlib import Path

DEMO = Path(__file__).resolve().parents[2] / "demo" / "articles.json"
REAL_CORPORA = ("lgl.jsonl", "geovirus.jsonl")


@dataclass(frozen=True)
class BenchArticle:
    title: str
    body: str
    published_at: str


def _paragraphs() -> list[tuple[str, str]]:
    demos = json.loads(DEMO.read_text(encoding="utf-8"))
    return [(demo["published_at"], paragraph.strip())
            for demo in demos for paragraph in demo["body"].split("\n\n") if paragraph.strip()]


def real_articles(count: int, *, folder: Path, words: int = 0, seed: int = 4, tag: str = "") -> list[BenchArticle]:
    """`count` published news stories from the evaluation corpora in `folder`, shuffled
    (taken again, numbered apart, past the corpora's 817), each with a publication date
    from 2009 to 2019 so that dates are read against many different days. With `words`,
    consecutive stories are joined into articles of about that many words: the next
    story is added while that brings the length nearer to `words`."""
    texts = []
    for name in REAL_CORPORA:
        path = folder / name
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing: the real corpus reads the shared evaluation data")
        with path.open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines if line.strip()]
    rng = random.Random(seed)
    rng.shuffle(texts)
    articles, next_text = [], 0
    for number in range(count):
        published = dt.date(2009, 1, 1) + dt.timedelta(days=rng.randrange(11 * 365))
        stories: list[str] = []
        length = 0
        while not stories or length + len(texts[next_text % len(texts)].split()) / 2 < words:
            stories.append(texts[next_text % len(texts)])
            length += len(stories[-1].split())
            next_text += 1
        stories.append(f"Reporting by the demo desk, dispatch {tag}{number}.")
        articles.append(BenchArticle(f"Bench story {tag}{number}", "\n\n".join(stories),
                                     f"{published.isoformat()}T09:00:00+00:00"))
    return articles


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
