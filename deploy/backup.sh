#!/usr/bin/env bash
# Back up the portal: a PostgreSQL custom-format dump plus the public and
# private media files, into one timestamped folder.
#
#   deploy/backup.sh [DESTINATION]        (default: backups/)
#
# Reads DATABASE_URL, MEDIA_ROOT and PRIVATE_MEDIA_ROOT like the portal does
# (environment or .env). Writes DESTINATION/<timestamp>/ with db.dump,
# media.tar.gz, private_media.tar.gz and counts.json (rows per table, used to
# check a restore).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
dest_root=${1:-backups}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
dest="$dest_root/$stamp"
mkdir -p "$dest"

eval "$($PY deploy/dbenv.py)"
if [ "$DB_ENGINE" != "postgresql" ]; then
  echo "backup.sh needs PostgreSQL (DATABASE_URL=postgres://…); SQLite users can copy db.sqlite3." >&2
  exit 2
fi

echo "Dumping database $PGDATABASE on $PGHOST:$PGPORT…"
pg_dump --format=custom --no-owner --no-privileges --file="$dest/db.dump"
for kind in media private_media; do
  dir_var="${kind^^}_ROOT"
  dir="${!dir_var}"
  if [ -d "$dir" ]; then
    tar -czf "$dest/$kind.tar.gz" -C "$dir" .
  else
    tar -czf "$dest/$kind.tar.gz" --files-from /dev/null
  fi
done
$PY manage.py count_rows > "$dest/counts.json"
chmod -R go-rwx "$dest"
echo "$dest"
