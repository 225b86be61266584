"""How much an import file may ask of the machine, and the checks that hold it to that:
an upload's size, a zip's members, their real unpacked bytes and compression ratio,
how deeply JSON and HTML nest, how many elements a page has and how long one file may
take to parse. A file past a limit is refused with the limit named, before it costs
minutes or gigabytes."""
from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class ImportLimits:
    upload_bytes: int = 50 * MB
    zip_members: int = 2_000
    unzipped_bytes: int = 200 * MB
    member_bytes: int = 10 * MB  # one page in a zip, or one line of JSON
    compression_ratio: int = 100  # real HTML compresses 5 to 15 times; a bomb, thousands
    json_depth: int = 32
    number_digits: int = 50
    html_depth: int = 100
    html_elements: int = 50_000
    seconds_per_file: float = 20.0
    seconds_per_import: float = 600.0  # all the pages of a zip or folder together


LIMITS = ImportLimits()


def size_text(size: int) -> str:
    """A limit in bytes as an editor reads it: "10 MB", or "900 bytes" below a megabyte."""
    return f"{size / MB:g} MB" if size >= MB else f"{size} bytes"


class ImportRefused(ValueError):
    """A whole file that will not be imported, and why (nothing of it is saved)."""


class ParseTimeout(Exception):
    """Parsing one file took longer than the limit allows."""


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Raise ParseTimeout inside the block once `seconds` have passed. The alarm needs
    the main thread (a Celery prefork child, the management command, the test runner);
    elsewhere the block runs unbounded and the other limits still hold."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise ParseTimeout(f"{what} took more than {seconds:g} s to parse")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest in a JSON text (brackets inside strings do not
    count), measured without parsing it, so a hostile line cannot exhaust the stack."""
    depth = deepest = 0
    for bracket in _JSON_BRACKET.finditer(_JSON_STRING.sub('""', text)):
        if bracket.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def html_shape_problem(markup: bytes, limits: ImportLimits = LIMITS) -> str | None:
    """Why a page is too big or too deep to hand to the extractor, or None. The page is
    parsed once by libxml2 (fast, in C) to count elements and measure nesting; the
    extractor's own work grows with both."""
    from lxml import etree, html

    if len(markup) > limits.member_bytes:
        return f"page larger than {size_text(limits.member_bytes)}"
    if not markup.strip():
        return None
    try:
        root = html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return None  # the extractor gives its own answer for markup it cannot read
    elements = 0
    depth = deepest = 0
    for event, _element in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            elements += 1
            depth += 1
            deepest = max(deepest, depth)
            if elements > limits.html_elements:
                return f"page has more than {limits.html_elements} HTML elements"
        else:
            depth -= 1
    if deepest > limits.html_depth:
        return f"HTML nested deeper than {limits.html_depth} elements"
    return None
