#!/usr/bin/env bash
# CI check of the backup procedure on PostgreSQL: load the demo into a scratch
# database, back it up with backup.sh, restore it with restore.sh into a second
# scratch database and require identical row counts in every table.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PGURL=${PGURL:-postgres://postgres@127.0.0.1:5432}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

psql_admin() { psql "$PGURL/postgres" -v ON_ERROR_STOP=1 -qc "$1"; }
for db in portal_backup_src portal_backup_dst; do
  psql_admin "DROP DATABASE IF EXISTS $db"
  psql_admin "CREATE DATABASE $db"
done

export MEDIA_ROOT="$work/src_media" PRIVATE_MEDIA_ROOT="$work/src_private" DJANGO_DEBUG=1
export DATABASE_URL="$PGURL/portal_backup_src"
$PY manage.py migrate --noinput -v0
$PY manage.py createcachetable
$PY manage.py load_demo >/dev/null
folder=$(deploy/backup.sh "$work/backups" | tail -n 1)

export DATABASE_URL="$PGURL/portal_backup_dst" MEDIA_ROOT="$work/dst_media" PRIVATE_MEDIA_ROOT="$work/dst_private"
deploy/restore.sh "$folder"
$PY manage.py count_rows --compare "$folder/counts.json"
diff -r "$work/src_media" "$work/dst_media" >/dev/null 2>&1 || [ ! -d "$work/src_media" ]
echo "Backup round trip: every table and media file came back."

for db in portal_backup_src portal_backup_dst; do psql_admin "DROP DATABASE IF EXISTS $db"; done
