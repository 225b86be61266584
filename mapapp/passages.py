"""Split an article's text into passages (sentences) with their offsets.

Plain Python, no Django: the geoparser's mentions and the dates are both tied to
these spans, so every point on the map can quote the exact sentence it came from."""
import re

# A sentence ends at . ! ? (optionally followed by closing quotes or brackets) when
# whitespace and then an upper-case letter, digit, quote or non-Latin letter follows.
# A blank line or a single line break also ends a passage: raw web text puts
# headings, captions and menu items on lines of their own.
_BOUNDARY = re.compile(r"""(?<=[.!?])(["'”’)\]]*)\s+(?=["'“‘(\[]?[^\W_a-z])|\n""")
# Abbreviations that end in a full stop but rarely end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt maj gov sen rep st mt ft jr sr vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e a.m p.m""".split()
)
MAX_PASSAGE_CHARS = 2000


def split_passages(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the passages of `text`, in order, trimmed of
    surrounding whitespace, never empty and never longer than MAX_PASSAGE_CHARS."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        stop = match.start()
        if text[stop - 1 : stop] == "." and _ends_with_abbreviation(text, start, stop):
            continue
        cut = stop + len(match.group(1) or "")
        _append(spans, text, start, cut)
        start = match.end()
    _append(spans, text, start, len(text))
    return spans


def passage_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The span containing `offset` (spans as returned by split_passages)."""
    lo, hi = 0, len(spans) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        start, end = spans[mid]
        if offset < start:
            hi = mid - 1
        elif offset >= end:
            lo = mid + 1
        else:
            return spans[mid]
    raise ValueError(f"offset {offset} is in no passage")


def _ends_with_abbreviation(text: str, start: int, cut: int) -> bool:
    words = re.split(r"[\s/]+", text[start : cut - 1])
    word = words[-1].lstrip("(\"'“").lower() if words else ""
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # Pathological input (a megabyte with no full stop) is cut into bounded pieces
    # so that a passage stays readable in the panel.
    while end - start > MAX_PASSAGE_CHARS:
        cut = text.rfind(" ", start, start + MAX_PASSAGE_CHARS)
        if cut <= start:
            cut = start + MAX_PASSAGE_CHARS
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


_MARKUP = re.compile(
    r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->|</?[A-Za-z][^<>]{0,2000}>",
    re.IGNORECASE | re.DOTALL,
)


def mask_markup(text: str) -> str:
    """Blank out HTML tags, comments and script/style contents with spaces of the same
    length, so names inside markup are not read as places while every offset into the
    original text stays valid."""
    return _MARKUP.sub(lambda m: " " * (m.end() - m.start()), text)
