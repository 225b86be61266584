from django.apps import AppConfig


class MapappConfig(AppConfig):
    name = "mapapp"
    verbose_name = "Conflict map"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported for their side effects: signal receivers, and the admin modules to
        # register (see INSTALLED_APPS: the admin runs without autodiscovery).
        import django.contrib.auth.admin  # noqa: F401

        import mapapp.admin
        import mapapp.signals  # noqa: F401
