"""`python manage.py import_articles PATH`: bulk import from JSONL, CSV, RSS/Atom or a
folder of saved HTML pages, with a progress bar and a summary of what happened."""
from pathlib import Path

from django.core.management import BaseCommand, CommandError
from tqdm import tqdm

from mapapp.importing import FORMATS, articles_import, read_source
from mapapp.importing.sources import UnknownFormat

SHOWN_PER_LIST = 20


class Command(BaseCommand):
    help = "Import articles from JSONL, CSV, RSS/Atom files or a folder of HTML pages."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="Files or folders to import.")
        parser.add_argument("--format", default="auto", choices=["auto", *FORMATS],
                            help="Default: from the file name; a folder is HTML pages.")
        parser.add_argument("--source", default="", help="Outlet name for records without one.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, paths: list[Path], format: str, source: str, no_progress: bool,
               **options) -> None:
        for path in paths:
            try:
                records = list(read_source(path, format))
            except (FileNotFoundError, UnknownFormat) as exc:
                raise CommandError(str(exc) if isinstance(exc, UnknownFormat)
                                   else f"no such file or folder: {path}") from exc
            with tqdm(total=len(records), desc=path.name, unit="article",
                      disable=no_progress, file=self.stderr._out) as bar:
                summary = articles_import(records, default_source=source, on_record=bar.update)
            self._report(path, summary)

    def _report(self, path: Path, summary) -> None:
        self.stdout.write(
            f"{path}: {summary.imported} imported, {len(summary.duplicates)} duplicates, "
            f"{len(summary.rejected)} rejected"
        )
        for kind, count in sorted(summary.reasons().items()):
            self.stdout.write(f"  rejected, {kind}: {count}")
        for label, items in (("rejected", summary.rejected), ("duplicate", summary.duplicates)):
            for item in items[:SHOWN_PER_LIST]:
                self.stdout.write(f"  {label}: {item.where}: {item.reason}")
            if len(items) > SHOWN_PER_LIST:
                self.stdout.write(f"  ... and {len(items) - SHOWN_PER_LIST} more {label}")
