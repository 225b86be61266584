"""Give the Editors group the rights to reshape events (issue 15): retype, move, merge
and split. Events themselves are made by the pipeline, so no add or delete."""
from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS_GROUP = "Editors"
# Frozen copy of what mapapp/review/roles.py added to EDITOR_PERMISSIONS for events.
EVENT_PERMISSIONS = ("change_event", "view_event", "change_eventpassage", "view_eventpassage")


def event_permissions(apps):
    # Permissions are normally created after all migrations ran; create them now.
    app_config = apps.get_app_config("mapapp")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="mapapp", codename__in=EVENT_PERMISSIONS
    )
    missing = set(EVENT_PERMISSIONS) - set(permissions.values_list("codename", flat=True))
    if missing:
        raise RuntimeError(f"permissions not found: {sorted(missing)}")
    return permissions


def grant(apps, schema_editor):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(*event_permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=EDITORS_GROUP).first()
    if group is not None:
        group.permissions.remove(*event_permissions(apps))


class Migration(migrations.Migration):

    dependencies = (
        ("mapapp", "0007_events"),
        ("mapapp", "0004_editors_group"),
    )

    operations = (
        migrations.RunPython(grant, revoke),
    )
