"""Create the back-office role groups and set their permissions (idempotent)."""

from django.core.management.base import BaseCommand

from portal.roles import Role, granted, sync_roles


class Command(BaseCommand):
    help = "Create the role groups and give each exactly the permissions the apps grant it."

    def handle(self, *args, **options):
        missing = sync_roles()
        for role in Role:
            self.stdout.write(f"{role.value}: {len(granted(role))} permissions")
        if missing:
            self.stderr.write(self.style.WARNING("Unknown permissions: " + ", ".join(sorted(missing))))
