"""The Celery application. All background work of the conflict map runs here."""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("conflictmap")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Registers the remote-control command the sweep uses to ask workers what they hold,
# and the workers' own database session settings.
from mapapp.processing import liveness, worker_session  # noqa: E402,F401
