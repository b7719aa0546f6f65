# Portal Keterbukaan — the two commands are `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed

.PHONY: run test serve install migrate demo lint format messages check e2e search-eval bench backup restore backup-check clean

$(STAMP): requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable

demo: migrate
	$(MANAGE) load_demo

## Development server with demo data at http://127.0.0.1:8000
run: demo
	$(MANAGE) runserver 127.0.0.1:8000

## The whole test suite (SQLite unless DATABASE_URL says otherwise)
test: install
	$(BIN)/pytest -q --create-db -n 2

## Production-like server: gunicorn, DEBUG off, hashed and compressed static files.
## It reuses the development database of `make run`, so it keeps that database's
## development secret and the NIK key derived from it unless you set your own.
DEV_SECRET := django-insecure-development-only-key-never-use-in-production
serve: migrate
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$(DEV_SECRET)}" \
	FIELD_ENCRYPTION_KEY="$${FIELD_ENCRYPTION_KEY:-$$($(PY) -c 'import base64, hashlib; print(base64.urlsafe_b64encode(hashlib.sha256(b"ppid-field-encryption:$(DEV_SECRET)").digest()).decode())')}" \
	DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost} DJANGO_SECURE_SSL_REDIRECT=0 \
	DJANGO_HSTS_SECONDS=0 DJANGO_SERVE_MEDIA=1 OTP_REQUIRED=0 \
	sh -c '$(MANAGE) collectstatic --noinput -v0 && $(BIN)/gunicorn -c gunicorn.conf.py portal.wsgi'

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint --quiet

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## Re-extract translatable strings into each app's catalogue and compile them
messages: install
	$(MANAGE) update_messages
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0

check: install
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) check

## Browser gates: journeys, axe-core, Nu HTML Checker, budgets, Lighthouse (own server, demo data)
e2e: install
	e2e/run.sh

## Search quality: realistic citizen queries (tests/search/queries.py), share found in the top 3 (target 90%)
search-eval: install
	$(BIN)/pytest -q -p no:randomly tests/search/test_evaluation.py

## Full-scale data behind nginx + gunicorn on PostgreSQL, measured with wrk (not part of the tests; see README)
bench: install
	$(PY) -m bench $(BENCH_ARGS)

## PostgreSQL dump + media files into backups/<timestamp>/ (see deploy/backup.sh)
backup: install
	deploy/backup.sh $(or $(DEST),backups)

## Restore a backup folder: make restore FROM=backups/<timestamp>
restore: install
	@test -n "$(FROM)" || { echo "usage: make restore FROM=backups/<timestamp>"; exit 2; }
	deploy/restore.sh $(FROM)

## Round-trip the demo database through backup and restore on PostgreSQL (CI)
backup-check: install
	deploy/backup_roundtrip.sh

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
