"""Who may do what. Readers need no account; editors belong to the Editors group,
which holds exactly the rights editing needs and nothing over users or groups.
The group is created by migration 0004_editors_group and given the events' rights by
0008_editors_event_permissions (each keeps its own frozen copy, as migrations must); a
change here needs a new migration."""

EDITORS_GROUP = "Editors"

EDITOR_PERMISSIONS: tuple[str, ...] = (
    "mapapp.add_article",
    "mapapp.change_article",
    "mapapp.view_article",
    "mapapp.publish_article",
    "mapapp.change_mention",
    "mapapp.view_mention",
    "mapapp.add_place",
    "mapapp.change_place",
    "mapapp.view_place",
    "mapapp.add_placedecision",
    "mapapp.change_placedecision",
    "mapapp.delete_placedecision",
    "mapapp.view_placedecision",
    "mapapp.add_rule",
    "mapapp.change_rule",
    "mapapp.delete_rule",
    "mapapp.view_rule",
    # Events: retype, move, merge and split; events are made by the pipeline, not by hand.
    "mapapp.change_event",
    "mapapp.view_event",
    "mapapp.change_eventpassage",
    "mapapp.view_eventpassage",
)

# What the review queue's one-click choices need: recording a decision may create a
# place (a point set on the map) and change the mentions of that name.
DECIDE_PERMISSIONS = ("mapapp.add_placedecision", "mapapp.change_placedecision",
                      "mapapp.change_mention")
RULE_PERMISSIONS = ("mapapp.add_rule", "mapapp.change_rule")
POINT_PERMISSIONS = ("mapapp.add_place",)
PUBLISH_PERMISSION = "mapapp.publish_article"


def editors_group_sync():
    """The Editors group holding exactly EDITOR_PERMISSIONS, created if missing (a
    database flushed after migrating has lost the group the migration made)."""
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    wanted = [name.split(".", 1) for name in EDITOR_PERMISSIONS]
    permissions = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in wanted
    ]
    group.permissions.set(permissions)
    return group
