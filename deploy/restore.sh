#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into the database and media folders
# the environment names (DATABASE_URL, MEDIA_ROOT, PRIVATE_MEDIA_ROOT).
#
#   deploy/restore.sh BACKUP_FOLDER
#
# The database's existing tables are replaced; media files are added to the
# media folders. Afterwards the row counts are compared with the backup's.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
src=${1:?usage: deploy/restore.sh BACKUP_FOLDER}
[ -f "$src/db.dump" ] || { echo "$src/db.dump not found" >&2; exit 2; }

eval "$($PY deploy/dbenv.py)"
if [ "$DB_ENGINE" != "postgresql" ]; then
  echo "restore.sh needs PostgreSQL (DATABASE_URL=postgres://…)." >&2
  exit 2
fi

echo "Restoring database $PGDATABASE on $PGHOST:$PGPORT…"
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --dbname="$PGDATABASE" "$src/db.dump"
for kind in media private_media; do
  dir_var="${kind^^}_ROOT"
  dir="${!dir_var}"
  mkdir -p "$dir"
  tar -xzf "$src/$kind.tar.gz" -C "$dir"
done
$PY manage.py migrate --noinput -v0  # a backup from an older release gets the newer tables
if ! $PY manage.py count_rows --compare "$src/counts.json"; then
  echo "Warning: row counts differ from the backup's (expected if the portal was written to while the backup ran)." >&2
fi
echo "Restored from $src"
