"""`python manage.py bench_pipeline`: articles per second from enqueue to mentions stored,
and save->done latency, for the embedded default (SQLite + filesystem broker, one worker)
and PostgreSQL + Redis with one and two worker processes. Each configuration runs in a
fresh database and queue of its own, in a child process whose settings point at them."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError

CONFIGURATIONS = {
    # name: (engines, workers, corpus); the corpora are described in mapapp/benchmarks/pipeline/corpus.py
    "embedded-1": ("embedded", 1, "real"),
    "pg-redis-1": ("pg-redis", 1, "real"),
    "pg-redis-2": ("pg-redis", 2, "real"),
    "pg-redis-2-long": ("pg-redis", 2, "real-600"),
    # Articles naming eight times as many places as news does: the heaviest load.
    "embedded-1-dense": ("embedded", 1, "dense"),
    "pg-redis-2-dense": ("pg-redis", 2, "dense"),
    # One-sentence articles: what queue and database alone allow.
    "pg-redis-2-short": ("pg-redis", 2, "short"),
    "embedded-1-short": ("embedded", 1, "short"),
}
DEFAULT = ["embedded-1", "pg-redis-1", "pg-redis-2", "pg-redis-2-long", "pg-redis-2-dense", "pg-redis-2-short"]


class Command(BaseCommand):
    help = "Benchmark the processing pipeline with real workers on real engines."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--configs", nargs="+", default=DEFAULT, choices=list(CONFIGURATIONS))
        parser.add_argument("--articles", type=int, default=1000, help="Articles in the burst.")
        parser.add_argument("--paced", type=int, default=40, help="Articles saved one by one.")
        parser.add_argument("--rate", type=float, default=4.0, help="Paced saves per second.")
        parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432/postgres")
        parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
        parser.add_argument("--corpus-dir", type=Path, default=settings.BASE_DIR.parent / "shared" / "bench",
                            help="Where the real corpus's news stories are (lgl.jsonl, geovirus.jsonl).")
        parser.add_argument("--child", help="internal: run one configuration in this process")

    def handle(self, *args, **options) -> None:
        if options["child"]:
            self._child(options)
            return
        from mapapp.benchmarks.pipeline.corpus import REAL_CORPORA, real_articles
        from mapapp.benchmarks.pipeline.figures import table
        from mapapp.benchmarks.pipeline.textwork import text_work_ms

        wants_real = any(CONFIGURATIONS[name][2].startswith("real") for name in options["configs"])
        missing = [name for name in REAL_CORPORA if not (options["corpus_dir"] / name).exists()]
        if wants_real and missing:
            raise CommandError(
                f"The real corpus needs {', '.join(missing)} in {options['corpus_dir']} (the shared "
                "evaluation data): pass --corpus-dir, or choose the dense or short configurations."
            )
        rows, loads = [], []
        for name in options["configs"]:
            self.stderr.write(f"running {name}...")
            load = os.getloadavg()[0]
            rows.append({"configuration": CONFIGURATIONS[name][0], **self._run(name, options)})
            loads.append(f"{name} {load:.2f}")
        self.stdout.write(table(rows))
        # Other work on the machine skews every figure: say how busy it was.
        self.stdout.write(f"\nLoad average (1 min) when each run started: {', '.join(loads)}.")
        corpora = {"dense": None}
        if wants_real:
            corpora["real"] = real_articles(200, folder=options["corpus_dir"], tag="profile-", seed=7)
        for corpus, articles in corpora.items():
            work = text_work_ms(corpus=articles)
            per_article = work["geoparse_ms"] + work["dating_ms"]
            self.stdout.write(
                f"\nText work alone, in one process, per {corpus} article ({work['words']:.0f} words): "
                f"geoparsing {work['geoparse_ms']:.1f} ms + dating {work['dating_ms']:.1f} ms = "
                f"{per_article:.1f} ms, i.e. at most {1000 / per_article:.0f} articles/s per core "
                f"({os.cpu_count()} cores here)."
            )

    def _run(self, name: str, options) -> dict:
        engines = CONFIGURATIONS[name][0]
        workdir = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
        env = {k: v for k, v in os.environ.items()
               if k not in ("DATABASE_URL", "CELERY_BROKER_URL", "CELERY_TASK_DEFAULT_QUEUE")}
        env.update(DJANGO_SETTINGS_MODULE="config.settings.local", DEBUG="false",
                   CONFLICTMAP_VAR_DIR=str(workdir / "var"), LOG_LEVEL="WARNING")
        database = queue = None
        if engines == "pg-redis":
            database, queue = f"bench_{uuid.uuid4().hex[:10]}", f"bench-{uuid.uuid4().hex[:10]}"
            _postgres(options["postgres_url"], f'CREATE DATABASE "{database}"')
            env.update(DATABASE_URL=options["postgres_url"].rsplit("/", 1)[0] + f"/{database}",
                       CELERY_BROKER_URL=options["redis_url"], CELERY_TASK_DEFAULT_QUEUE=queue)
        try:
            result = subprocess.run(
                [sys.executable, "manage.py", "bench_pipeline", "--child", name,
                 "--articles", str(options["articles"]), "--paced", str(options["paced"]),
                 "--rate", str(options["rate"]), "--corpus-dir", str(options["corpus_dir"])],
                cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, check=False,
            )
            if result.returncode != 0:
                kept = Path(tempfile.mkdtemp(prefix=f"bench-{name}-logs-"))
                shutil.copytree(workdir / "var" / "logs", kept, dirs_exist_ok=True)
                raise CommandError(f"{name} failed (worker logs in {kept}):\n{result.stderr[-3000:]}")
            return json.loads(result.stdout.strip().splitlines()[-1])
        finally:
            if database:
                _postgres(options["postgres_url"], f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
                _delete_queue(options["redis_url"], queue)
            shutil.rmtree(workdir, ignore_errors=True)

    def _child(self, options) -> None:
        from mapapp.benchmarks.pipeline.driver import run_configuration

        _, workers, corpus = CONFIGURATIONS[options["child"]]
        figures = run_configuration(
            workers=workers, corpus=corpus, articles=options["articles"],
            paced=options["paced"], rate=options["rate"], log_dir=settings.VAR_DIR / "logs",
            corpus_dir=options["corpus_dir"],
        )
        self.stdout.write(json.dumps(figures))


def _postgres(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(url.replace("postgres://", "postgresql://", 1), autocommit=True) as conn:
        conn.execute(statement)


def _delete_queue(url: str, queue: str) -> None:
    from kombu import Connection

    with Connection(url) as connection:
        connection.default_channel.queue_delete(queue)
