"""Print shell variables (PGHOST, PGDATABASE, …, MEDIA_ROOT) from the portal's settings.

Used by backup.sh and restore.sh so they read the same configuration as the
portal itself.
"""

import os
import shlex
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django

django.setup()
from django.conf import settings  # noqa: E402

db = settings.DATABASES["default"]
values = {
    "DB_ENGINE": db["ENGINE"].rsplit(".", 1)[-1],
    "PGHOST": db.get("HOST") or "127.0.0.1",
    "PGPORT": str(db.get("PORT") or 5432),
    "PGUSER": db.get("USER") or "postgres",
    "PGPASSWORD": db.get("PASSWORD") or "",
    "PGDATABASE": str(db.get("NAME") or ""),
    "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
}
for key, value in values.items():
    print(f"export {key}={shlex.quote(value)}")
