# Portal Keterbukaan — the two commands are `make run` and `make test`.
# The first of these that is Python 3.11, 3.12 or 3.13 builds the virtualenv;
# `make test PYTHON=python3.13 VENV=.venv-3.13` builds a second one beside it.
PYTHON_CANDIDATES := python3.13 python3.12 python3.11 python3
SUPPORTED := import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))
ifeq ($(origin PYTHON), undefined)
PYTHON := $(firstword $(foreach candidate,$(PYTHON_CANDIDATES),$(shell $(candidate) -c '$(SUPPORTED)' >/dev/null 2>&1 && echo $(candidate))))
endif
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed

.PHONY: run test test-slow serve install migrate demo lint format messages check e2e search-eval bench backup restore backup-check clean

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || test -n "$(PYTHON)" || { echo "Python 3.11, 3.12 or 3.13 is needed: none of $(PYTHON_CANDIDATES) is one. Install one, or name it: make $(MAKECMDGOALS) PYTHON=/path/to/python3"; exit 1; }
	@test -x $(PY) || $(PYTHON) -c '$(SUPPORTED)' 2>/dev/null || { echo "$(PYTHON) is not Python 3.11, 3.12 or 3.13 ($$(command -v $(PYTHON) >/dev/null && $(PYTHON) --version 2>&1 || echo not found))"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo

## Development server with demo data at http://127.0.0.1:8000
run: demo
	$(MANAGE) runserver 127.0.0.1:8000

## The whole test suite (SQLite unless DATABASE_URL says otherwise)
test: install
	$(BIN)/pytest -q --create-db -n 2

## The whole suite, then its 20 slowest tests (setup and call times each)
test-slow: install
	$(BIN)/pytest -q --create-db -n 2 --durations=20

## Production-like server: gunicorn, DEBUG off, two-factor on (OTP_REQUIRED=0 turns it off),
## hashed and compressed static files. It runs on its own database with the demo content
## and on a random secret and encryption key made on first use and kept in .serve.env
## (git-ignored); DJANGO_SECRET_KEY, FIELD_ENCRYPTION_KEY and DATABASE_URL override them.
SERVE_SECRETS := .serve.env
$(SERVE_SECRETS): | $(STAMP)
	@umask 077; $(PY) -c 'import secrets; from cryptography.fernet import Fernet; \
	print("SERVE_SECRET_KEY=" + secrets.token_urlsafe(50)); \
	print("SERVE_FIELD_ENCRYPTION_KEY=" + Fernet.generate_key().decode())' > $@

serve: install $(SERVE_SECRETS)
	. ./$(SERVE_SECRETS); \
	export DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$SERVE_SECRET_KEY}" \
	FIELD_ENCRYPTION_KEY="$${FIELD_ENCRYPTION_KEY:-$$SERVE_FIELD_ENCRYPTION_KEY}" \
	DATABASE_URL="$${DATABASE_URL:-sqlite:///$(CURDIR)/db-serve.sqlite3}"; \
	$(MANAGE) migrate --noinput -v0 && DJANGO_DEBUG=1 $(MANAGE) load_demo && \
	DJANGO_DEBUG=0 DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost} DJANGO_SECURE_SSL_REDIRECT=0 \
	SITE_URL=$${SITE_URL:-http://localhost:8000} \
	DJANGO_HSTS_SECONDS=0 DJANGO_SERVE_MEDIA=1 OTP_REQUIRED=$${OTP_REQUIRED:-1} \
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
	$(MANAGE) compilemessages --ignore=.venv --ignore=".venv-*" --ignore=node_modules -v0

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
