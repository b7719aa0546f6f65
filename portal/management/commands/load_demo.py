"""Load the regions and every app's demo content, and create one demo user per role."""

import secrets

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal import demo
from portal.models import StaffProfile, Village
from portal.roles import Role, sync_roles

# username, role, first name, last name, whether the user answers for one village
DEMO_USERS = [
    ("admin", Role.ADMINISTRATOR, "Admin", "Diskominfo", False),
    ("editor", Role.EDITOR, "Editor", "Diskominfo", False),
    ("ppid_utama", Role.PPID_UTAMA, "PPID", "Utama", False),
    ("ppid_desa", Role.PPID_DESA, "PPID", "Desa", True),
    ("pengelola_kim", Role.KIM_MANAGER, "Pengelola", "KIM", True),
]
# The demo village officer works in Desa Sedahkidul when the territory has it.
PREFERRED_DEMO_VILLAGE = "35.22.18.2007"


def demo_village():
    return (
        Village.objects.filter(code=PREFERRED_DEMO_VILLAGE).first()
        or Village.objects.desa().order_by("code").first()
    )


class Command(BaseCommand):
    help = "Load demo content (idempotent). Refuses to run when DEBUG is off."

    def add_arguments(self, parser):
        parser.add_argument("--only", help="Run only the named loader (e.g. regions, visits).")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("load_demo only runs in development (DJANGO_DEBUG on): it creates demo users.")
        sync_roles()
        for item in demo.loaders():
            if options["only"] and item.name not in (options["only"], "regions"):
                continue
            self.stdout.write(f"Loading {item.name}…")
            with transaction.atomic():
                item.load(self.stdout)
            if item.name == "regions":
                self._users()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))

    def _users(self):
        village = demo_village()
        created = []
        for username, role, first, last, scoped in DEMO_USERS:
            user, was_created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "is_staff": True,
                    "email": f"{username}@example.invalid",
                },
            )
            user.groups.add(Group.objects.get(name=role.value))
            profile, _ = StaffProfile.objects.get_or_create(user=user)
            if scoped and profile.village_id is None:
                profile.village = village
                profile.save()
            if was_created:
                password = secrets.token_urlsafe(12)
                user.set_password(password)
                user.save()
                created.append((username, role.label, password))
        if created:
            self.stdout.write("Demo users (passwords are shown only this once):")
            for username, label, password in created:
                self.stdout.write(f"  {username:15} {password}  {label}")
