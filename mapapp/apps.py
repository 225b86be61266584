from django.apps import AppConfig


class MapappConfig(AppConfig):
    name = "mapapp"
    verbose_name = "Conflict map"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported for their side effects: the admin modules register themselves (see
        # INSTALLED_APPS: the admin runs without autodiscovery); the map revision's
        # and the events' receivers connect; and the Celery tasks register in every process, not only
        # in workers, so that processing.submit sends them by name as the tasks
        # themselves (task_always_eager then runs them inline).
        import django.contrib.auth.admin  # noqa: F401

        import mapapp.admin
        import mapapp.events.receivers
        import mapapp.importing.admin_views
        import mapapp.processing.revision
        import mapapp.tasks  # noqa: F401
