"""`python manage.py serve`: the whole app in one command.

Without options (what `make run` starts, on a laptop): migrate, load the demo articles on
first run, and run the web server beside a Celery worker that also runs the periodic sweep.
With `--production` (what `make serve` starts, on one host): migrate, collect the static
files, and run gunicorn, a worker and beat.

Either way the programs are watched: one that dies (a worker killed by the kernel for its
memory, say) is started again, and stopping `serve` stops them all together."""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command

from mapapp.models import Article

# A program that dies sooner than this after its start is restarted after a growing pause,
# so a program that cannot start (a broker that is down) does not spin.
STEADY_AFTER_SECONDS = 10.0
MAX_RESTART_PAUSE_SECONDS = 30.0
STOP_TIMEOUT_SECONDS = 15.0


@dataclass
class Program:
    """One long-running child process, restarted whenever it dies."""

    name: str
    args: list[str]
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    restart_pause: float = 1.0
    restart_due: float | None = field(default=None)

    def start(self) -> None:
        # Its own process group: stopping or killing the program reaches its children too
        # (a Celery worker's pool, gunicorn's workers), and none is left behind.
        # From the repository, where gunicorn finds gunicorn.conf.py and celery finds config.
        self.process = subprocess.Popen(self.args, cwd=settings.BASE_DIR, start_new_session=True)
        self.started_at = time.monotonic()

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def has_died(self) -> bool:
        return self.process is not None and self.process.poll() is not None

    def signal_group(self, signum: int) -> None:
        if self.process is None:
            return
        # ProcessLookupError: the whole group is gone already.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signum)


class Supervisor:
    """Starts programs, restarts any that dies, and stops them all together."""

    def __init__(self, programs: list[Program], report) -> None:
        self.programs = programs
        self.report = report
        self.stopping = threading.Event()

    def start_all(self) -> None:
        for program in self.programs:
            program.start()
            self.report(f"{program.name} started (pid {program.pid}).")

    def watch(self, poll_seconds: float = 0.5) -> None:
        """Restart dead programs until stop() is called."""
        while not self.stopping.wait(poll_seconds):
            for program in self.programs:
                if program.has_died():
                    self._restart_when_due(program)

    def _restart_when_due(self, program: Program) -> None:
        now = time.monotonic()
        if program.restart_due is None:
            code = program.process.returncode
            # A dead main process may leave orphans in its group (pool children).
            program.signal_group(signal.SIGKILL)
            if now - program.started_at >= STEADY_AFTER_SECONDS:
                program.restart_pause = 1.0
            program.restart_due = now + program.restart_pause
            self.report(f"{program.name} (pid {program.pid}) exited with code {code}; "
                        f"restarting it in {program.restart_pause:.0f} s.")
            program.restart_pause = min(program.restart_pause * 2, MAX_RESTART_PAUSE_SECONDS)
        elif now >= program.restart_due:
            program.restart_due = None
            program.start()
            self.report(f"{program.name} started (pid {program.pid}).")

    def stop(self) -> None:
        """SIGTERM every program (a worker finishes its task), SIGKILL what outlives the timeout."""
        self.stopping.set()
        for program in self.programs:
            if not program.has_died():
                program.signal_group(signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
        for program in self.programs:
            if program.process is None:
                continue
            with contextlib.suppress(subprocess.TimeoutExpired):
                program.process.wait(timeout=max(0.1, deadline - time.monotonic()))
            program.signal_group(signal.SIGKILL)
            program.process.wait()


class Command(BaseCommand):
    help = ("Run the web server and a Celery worker together, restarting any that dies; "
            "--production: migrate, collectstatic, gunicorn, a worker and beat.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--no-demo", action="store_true", help="Do not load demo articles.")
        parser.add_argument("--production", action="store_true",
                            help="Serve with gunicorn after collectstatic; worker and beat apart.")

    def handle(self, *args, port: str, host: str, no_demo: bool, production: bool,
               **options) -> None:
        if production and settings.DEBUG:
            raise CommandError("serve --production needs production settings "
                               "(DJANGO_SETTINGS_MODULE=config.settings.production), not DEBUG.")
        # A web server that cannot bind ends at once and would be restarted forever:
        # find out before starting anything.
        if not _port_free(host, int(port)):
            raise CommandError(f"Port {port} on {host} is in use; stop what uses it or set PORT.")
        call_command("migrate", interactive=False, verbosity=0)
        if production:
            call_command("collectstatic", interactive=False, verbosity=0)
            programs = _production_programs(host, port)
        else:
            if not no_demo and not Article.objects.exists():
                call_command("load_demo")
            programs = _laptop_programs(host, port)

        supervisor = Supervisor(programs, report=self._report)
        # Ctrl-C, SIGTERM (docker stop, systemd) and a closed terminal all stop everything.
        # Set explicitly: a shell starting `serve` in the background ignores SIGINT for it.
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, lambda *_: supervisor.stopping.set())
        supervisor.start_all()
        self._report(f"Map: http://{host}:{port}/  Admin: http://{host}:{port}/admin/")
        try:
            supervisor.watch()
        finally:
            self._report("Stopping...")
            supervisor.stop()


    def _report(self, line: str) -> None:
        self.stdout.write(line)
        self.stdout.flush()  # seen at once in a log file, whose output Python buffers


def _celery(*args: str) -> list[str]:
    return [sys.executable, "-m", "celery", "-A", "config", *args, "--loglevel", "INFO"]


def _worker_concurrency() -> str:
    return os.environ.get("WORKER_CONCURRENCY", "1")


def _laptop_programs(host: str, port: str) -> list[Program]:
    return [
        Program("Web server", [sys.executable, str(settings.BASE_DIR / "manage.py"), "runserver",
                               f"{host}:{port}", "--noreload"]),
        Program("Worker", _celery("worker", "--beat", "--concurrency", _worker_concurrency(),
                                  "--schedule", str(settings.VAR_DIR / "celerybeat-schedule"))),
    ]


def _production_programs(host: str, port: str) -> list[Program]:
    return [
        # Further settings in gunicorn.conf.py, read from the repository (the current directory).
        Program("Web server (gunicorn)", [sys.executable, "-m", "gunicorn", "config.wsgi:application",
                                          "--bind", f"{host}:{port}"]),
        Program("Worker", _celery("worker", "--concurrency", _worker_concurrency())),
        Program("Beat", _celery("beat", "--schedule",
                                str(settings.VAR_DIR / "celerybeat-schedule"))),
    ]


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host.strip("[]"), port))
        except OSError:
            return False
    return True
