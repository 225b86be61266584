"""Make a user an editor: staff (may sign in to the admin) and in the Editors group,
nothing more. Creates the user if needed, without a usable password."""
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from mapapp.review.roles import editors_group_sync


class Command(BaseCommand):
    help = "Create or update a user as an editor (staff, Editors group; no user management)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")

    def handle(self, *args, username: str, email: str, **options) -> None:
        users = get_user_model()
        user, created = users.objects.get_or_create(
            username=username, defaults={"email": email, "is_staff": True}
        )
        if created:
            user.set_unusable_password()
        user.is_staff = True
        user.save()
        user.groups.add(editors_group_sync())
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} editor {username!r}.")
        if created:
            self.stdout.write(f"Set a password: manage.py changepassword {username}")
