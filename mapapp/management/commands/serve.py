"""`python manage.py serve`: the whole app in one command for a laptop: migrate,
load the demo articles on first run, start a Celery worker (with the periodic
sweep) beside the web server, and stop both together."""
import os
import signal
import socket
import subprocess
import sys

from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command

from mapapp.models import Article


class Command(BaseCommand):
    help = "Run the web server and a Celery worker together on the embedded defaults."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--no-demo", action="store_true", help="Do not load demo articles.")

    def handle(self, *args, port: str, host: str, no_demo: bool, **options) -> None:
        # runserver ends the process outright when its port is taken, which would leave
        # the worker behind: find out before starting it.
        if not _port_free(host, int(port)):
            raise CommandError(f"Port {port} on {host} is in use; stop what uses it or set PORT.")
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        if not no_demo and not Article.objects.exists():
            call_command("load_demo")
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--beat",
             "--loglevel", "INFO", "--concurrency", os.environ.get("WORKER_CONCURRENCY", "1"),
             "--schedule", str(settings.VAR_DIR / "celerybeat-schedule")],
            env={**os.environ, "DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"]},
        )
        self.stdout.write(f"Worker started (pid {worker.pid}). Map: http://{host}:{port}/  "
                          f"Admin: http://{host}:{port}/admin/")
        try:
            call_command("runserver", f"{host}:{port}", use_reloader=False)
        finally:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=15)
            except subprocess.TimeoutExpired:
                worker.kill()


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host.strip("[]"), port))
        except OSError:
            return False
    return True
