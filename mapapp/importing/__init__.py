"""Bulk import of articles from files: JSONL, CSV, RSS/Atom feeds, saved HTML pages and
zips of them.

- `limits`: what a file may ask of the machine (sizes, members, nesting, parse time).
- `jsonl`, `tabular`, `feeds`, `pages`, `archives`: readers, a file to raw records.
- `sources`: the one registry of formats; reads a whole file before anything is saved.
- `records`: checks a raw record into an article, or says why not.
- `service`: de-duplicates and saves, every record saved or rejected with its reason.
- `models`, `jobs`: an import run in the background, its progress and its exact report.
"""
