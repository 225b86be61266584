"""Create the Editors group with exactly the permissions editing needs (issue 6)."""
from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS_GROUP = "Editors"
# Frozen copy of mapapp/review/roles.py EDITOR_PERMISSIONS at the time of this migration.
EDITOR_PERMISSIONS = (
    "add_article", "change_article", "view_article", "publish_article",
    "change_mention", "view_mention",
    "add_place", "change_place", "view_place",
    "add_placedecision", "change_placedecision", "delete_placedecision", "view_placedecision",
    "add_rule", "change_rule", "delete_rule", "view_rule",
)


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now so a
    # fresh database gets a complete group.
    app_config = apps.get_app_config("mapapp")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    permissions = Permission.objects.filter(
        content_type__app_label="mapapp", codename__in=EDITOR_PERMISSIONS
    )
    missing = set(EDITOR_PERMISSIONS) - set(permissions.values_list("codename", flat=True))
    if missing:
        raise RuntimeError(f"permissions not found: {sorted(missing)}")
    group.permissions.set(permissions)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS_GROUP).delete()


class Migration(migrations.Migration):

    dependencies = (
        ("mapapp", "0003_editors_desk"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    )

    operations = (
        migrations.RunPython(create_editors_group, remove_editors_group),
    )
