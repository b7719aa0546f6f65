"""Extract translatable strings into one catalogue per domain app.

Each app keeps its own catalogue in ``<app>/locale/`` (the core's is the
project's ``locale/``), covering the app's Python code and its templates under
``templates/<app>/``. Separate catalogues keep each domain's translations
next to its code. Django's ``makemessages`` works on the current directory, so
for an app this command builds a temporary directory of symbolic links holding
just that app's code, templates and locale folder, and runs it there.
"""

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

DOMAIN_APPS = ["visits", "kim", "ppid", "ogp"]
LANGUAGES = ["id", "en"]


class Command(BaseCommand):
    help = "Update the .po catalogues of the core and of each domain app (then run compilemessages)."

    def add_arguments(self, parser):
        parser.add_argument("--app", action="append", help="Only this app (portal, visits, kim, ppid, ogp).")

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        wanted = options["app"] or ["portal", *DOMAIN_APPS]
        here = os.getcwd()
        try:
            for app in wanted:
                if app == "portal":
                    self._core(base)
                else:
                    self._app(base, app)
        finally:
            os.chdir(here)

    def _run(self):
        call_command(
            "makemessages",
            locale=LANGUAGES,
            symlinks=True,
            no_obsolete=True,
            add_location="file",
            ignore_patterns=[".venv/*", "node_modules/*", "staticfiles/*", "media/*", "tests/*"],
            verbosity=0,
        )

    def _core(self, base):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            (root / "portal").symlink_to(base / "portal", target_is_directory=True)
            templates = root / "templates"
            templates.mkdir()
            for entry in (base / "templates").iterdir():
                if entry.name not in DOMAIN_APPS:
                    (templates / entry.name).symlink_to(entry)
            (root / "locale").symlink_to(base / "locale", target_is_directory=True)
            os.chdir(root)
            self._run()
        self.stdout.write("portal: locale/")

    def _app(self, base, app):
        (base / app / "locale").mkdir(exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            for entry in (base / app).iterdir():
                if entry.name != "locale":
                    (root / entry.name).symlink_to(entry)
            if (base / "templates" / app).is_dir():
                (root / "templates").symlink_to(base / "templates" / app, target_is_directory=True)
            (root / "locale").symlink_to(base / app / "locale", target_is_directory=True)
            os.chdir(root)
            self._run()
        self.stdout.write(f"{app}: {app}/locale/")
