from django.apps import AppConfig


class MapappConfig(AppConfig):
    name = "mapapp"
    verbose_name = "Conflict map"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from mapapp import signals  # noqa: F401 - connects the receivers

        # The admin modules to load (see INSTALLED_APPS: no autodiscovery).
        import django.contrib.auth.admin  # noqa: F401
        import mapapp.admin  # noqa: F401
