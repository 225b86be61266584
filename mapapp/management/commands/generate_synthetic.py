"""`python manage.py generate_synthetic --articles N --mentions M --places P`: fill the
database with realistic random articles, places and mentions for benchmarks."""
import time

from django.core.management import BaseCommand, CommandParser

from mapapp.benchmarks.synthetic import generate


class Command(BaseCommand):
    help = "Add synthetic articles, places and mentions (for benchmarks; never in production)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--mentions", type=int, default=10_000)
        parser.add_argument("--places", type=int, default=500)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, **options) -> None:
        for name in ("articles", "mentions", "places"):
            if options[name] < 1:
                self.stderr.write(f"--{name} must be at least 1")
                raise SystemExit(2)
        began = time.perf_counter()
        counts = generate(
            articles=options["articles"], mentions=options["mentions"], places=options["places"],
            seed=options["seed"], progress=lambda line: self.stdout.write(f"  {line}"),
        )
        self.stdout.write(
            f"Added {counts.places} places, {counts.articles} articles and {counts.mentions} "
            f"mentions in {time.perf_counter() - began:.1f} s."
        )
