#!/usr/bin/env bash
# Browser quality gates: journeys, accessibility (axe-core), valid HTML (Nu HTML
# Checker), page-weight budgets, keyboard use and Lighthouse, against a
# production-like server (gunicorn, DEBUG off, compressed static files) with the
# demo data, started and stopped here. Screenshots and reports go to
# e2e-artifacts/. Exits non-zero when any journey, rule or budget fails.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
ART=e2e-artifacts
PORT=${E2E_PORT:-8089}
began=$(date +%s)
rm -rf "$ART"; mkdir -p "$ART"
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Tools: Debian's Chromium (never a browser downloaded by a test tool), Java
# for the Nu HTML Checker, and the pinned npm packages (installed without
# their install scripts, so nothing fetches a browser).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== Installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] || [ ! -x node_modules/.bin/lighthouse ]; then
  echo "== Installing the npm tools (package-lock.json)"
  npm ci --ignore-scripts --no-audit --no-fund >/dev/null
fi

export DATABASE_URL="sqlite:///$work/e2e.sqlite3"
export MEDIA_ROOT="$work/media" PRIVATE_MEDIA_ROOT="$work/private" STATIC_ROOT="$work/static"
export DJANGO_SECRET_KEY="e2e-$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')"
export FIELD_ENCRYPTION_KEY="$($PY -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')"
export E2E_PASSWORD="e2e-$(python3 -c 'import secrets; print(secrets.token_urlsafe(12))')"
unset REDIS_URL DATABASE_REPLICA_URL

echo "== Demo data"
start=$(date +%s)
DJANGO_DEBUG=1 $PY manage.py migrate --noinput -v0
DJANGO_DEBUG=1 $PY manage.py createcachetable
DJANGO_DEBUG=1 $PY manage.py load_demo > "$ART/load_demo.txt"
DJANGO_DEBUG=1 $PY manage.py shell -v0 -c "
import os
from django.contrib.auth.models import User
for user in User.objects.filter(username__in=['admin', 'editor', 'ppid_utama', 'ppid_desa', 'pengelola_kim']):
    user.set_password(os.environ['E2E_PASSWORD']); user.save()
"
echo "   loaded in $(( $(date +%s) - start )) s"

echo "== Production-like server on http://localhost:$PORT"
export DJANGO_DEBUG=0 DJANGO_ALLOWED_HOSTS=localhost,127.0.0.1 DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_HSTS_SECONDS=0
export SITE_URL="http://localhost:$PORT"
export DJANGO_SERVE_MEDIA=1 OTP_REQUIRED=0 PAGE_CACHE_SECONDS=0 DJANGO_TRUST_PROXY_HEADERS=0
$PY manage.py collectstatic --noinput -v0
.venv/bin/gunicorn -c gunicorn.conf.py --bind "127.0.0.1:$PORT" --workers 3 --access-logfile "$ART/access.log" portal.wsgi \
  > "$ART/server.log" 2>&1 &
server_pid=$!
healthy() { $PY -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "http://127.0.0.1:$PORT/healthz"; }
for _ in $(seq 1 60); do
  healthy 2>/dev/null && break
  sleep 0.5
done
healthy || { echo "The server did not start; see $ART/server.log" >&2; tail -n 20 "$ART/server.log" >&2; exit 1; }

export E2E_BASE_URL="http://localhost:$PORT" E2E_CHROME_PORT="${E2E_CHROME_PORT:-$((PORT + 1))}"
status=0
echo "== Journeys, accessibility, HTML, budgets, keyboard"
.venv/bin/pytest e2e -q -p no:cacheprovider -p no:xdist --no-header -o addopts="" --tb=short -rfE \
  --junitxml="$ART/junit.xml" || status=$?

echo "== Lighthouse"
$PY e2e/lighthouse.py || status=$?

echo
echo "Browser gates took $(( $(date +%s) - began )) s."
if [ "$status" -ne 0 ]; then
  echo "Browser gates FAILED (see the failures above). In $ART/:"
  echo "  screenshots of each failing test's last page: *.png (named in its report)"
  echo "  axe-core results per page: axe-<page>.json; Nu HTML Checker: vnu.txt; Lighthouse: lighthouse/"
  echo "  server log: server.log and access.log; JUnit report: junit.xml"
fi
exit "$status"
