"""`python manage.py import_articles PATH`: bulk import from JSONL, CSV, RSS/Atom, a zip
of saved HTML pages or a folder of them, in this process, with a progress bar and a
summary of what happened. The same readers, limits and saving as the admin's import."""
from pathlib import Path

from django.core.management import BaseCommand, CommandError
from tqdm import tqdm

from mapapp.importing.limits import ImportRefused
from mapapp.importing.service import articles_import
from mapapp.importing.sources import FORMATS, UnknownFormat, read_source

SHOWN_PER_LIST = 20


class Command(BaseCommand):
    help = "Import articles from JSONL, CSV, RSS/Atom files, zips or folders of HTML pages."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="Files or folders to import.")
        parser.add_argument("--format", default="auto", choices=["auto", *FORMATS],
                            help="Default: from the file name; a folder is HTML pages.")
        parser.add_argument("--source", default="", help="Outlet name for records without one.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, paths: list[Path], format: str, source: str, no_progress: bool,
               **options) -> None:
        refused = []
        for path in paths:
            try:
                records = read_source(path, format)
            except FileNotFoundError as exc:
                raise CommandError(f"no such file or folder: {path}") from exc
            except UnknownFormat as exc:
                raise CommandError(str(exc)) from exc
            except ImportRefused as exc:
                self.stdout.write(f"{path}: refused, nothing imported: {exc}")
                refused.append(path)
                continue
            with tqdm(total=len(records), desc=path.name, unit="article",
                      disable=no_progress, file=self.stderr._out) as bar:
                summary = articles_import(records, default_source=source, on_record=bar.update)
            self._report(path, summary)
        if refused:
            raise CommandError(f"{len(refused)} of {len(paths)} files refused: "
                               + ", ".join(map(str, refused)))

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
