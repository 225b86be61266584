"""Bulk import of articles from files: JSONL, CSV, RSS/Atom feeds and folders of saved
HTML pages. Readers turn a file into raw records; `records` checks them; `service`
de-duplicates and saves them (each saved article is queued for processing)."""
from mapapp.importing.records import ArticleRecord, RawRecord, Rejection
from mapapp.importing.service import ImportSummary, articles_import
from mapapp.importing.sources import FORMATS, read_source

__all__ = [
    "FORMATS", "ArticleRecord", "ImportSummary", "RawRecord", "Rejection", "articles_import",
    "read_source",
]
