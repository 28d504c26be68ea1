# Two commands on a fresh machine: `make run` and `make test` (see shared/interface.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
TEST_ENV := DJANGO_SETTINGS_MODULE=config.settings.test

.PHONY: run run-prod test test-integration bench bench-quick bench-network install install-dev system-deps runtime-deps node-deps lint check pytest messages clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamp files re-run pip only when a requirements file changes.
$(VENV)/.installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

# Chromium, Java, npm, gettext, WeasyPrint's libraries and fonts from Debian; quick when
# all are there. Playwright drives this Chromium: no browser is ever downloaded.
system-deps:
	./scripts/install-system-deps.sh

# Only WeasyPrint's libraries and fonts: what the running site needs for its PDF export.
runtime-deps:
	./scripts/install-system-deps.sh --runtime

# vnu-jar and axe-core for the HTML and accessibility checks, pinned in package-lock.json.
# --ignore-scripts: vnu-jar's postinstall would download a Java runtime; Debian's is used.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

node-deps: node_modules/.installed

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# This checkout's local settings, read by config/settings/base.py (and git-ignored): DEBUG
# on and a SECRET_KEY of its own, so `manage.py createsuperuser`, `shell` and the like
# work here as they are. Written once, when missing; the environment still wins over it.
.env: | $(PY)
	$(PY) -c "import os, secrets; os.umask(0o077); \
		open('$@', 'x').write(f'DEBUG=1\nSECRET_KEY={secrets.token_urlsafe(50)}\n')"
	@echo "wrote $@: DEBUG=1 and a new SECRET_KEY, for manage.py in this checkout"

run: install runtime-deps .env
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

check: install-dev
	$(TEST_ENV) $(PY) manage.py check
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run

# On both cores (pytest-xdist): serially the suite took over 10 minutes. `loadgroup`
# is meant to keep the tests on the loaded demo on one worker (tests/conftest.py); under
# pytest 9 with pytest-xdist 3.8 it groups nothing (pytest-xdist#1386), so each worker
# loads the demo once (about 25 s of CPU) and tests go to whichever worker is free. The browser
# journeys run after it, on their own in one process: mixed into xdist's workers, a
# journey once found the migrations' data gone after another transactional test, and
# Playwright's DJANGO_ALLOW_ASYNC_UNSAFE reached later tests' subprocesses (check --deploy).
pytest: install-dev system-deps node-deps
	$(VENV)/bin/pytest -n 2 --dist loadgroup --ignore=tests/journeys
	$(VENV)/bin/pytest tests/journeys

test: system-deps lint check pytest

# The whole suite on PostgreSQL, then the stack end to end (gunicorn, Celery worker and
# beat, Redis). Needs the services of scripts/ci-services.sh (`.ci/run` starts them).
CI_PG := postgres://plans@127.0.0.1:$(or $(CI_PG_PORT),54329)
CI_REDIS := redis://127.0.0.1:$(or $(CI_REDIS_PORT),63799)
test-integration: install-dev system-deps node-deps
	DATABASE_URL=$(CI_PG)/plans $(VENV)/bin/pytest -p no:cacheprovider -n 2 --dist loadgroup --ignore=tests/journeys
	DATABASE_URL=$(CI_PG)/plans $(VENV)/bin/pytest -p no:cacheprovider tests/journeys
	E2E_DATABASE_URL=$(CI_PG)/plans_e2e E2E_REDIS_URL=$(CI_REDIS)/0 \
		$(VENV)/bin/pytest -p no:cacheprovider tests/e2e -v

# The same stack locally: PostgreSQL and Redis from scripts/ci-services.sh, then web,
# worker and beat (Ctrl-C stops them; `scripts/ci-services.sh stop` stops the services).
run-prod: install runtime-deps
	./scripts/ci-services.sh start
	DATABASE_URL=$(CI_PG)/plans_e2e REDIS_URL=$(CI_REDIS)/1 DEBUG=0 \
		SECRET_KEY=$${SECRET_KEY:-local-prod-run-not-secret-$$(hostname)} \
		./scripts/run-prod.sh

# Not part of `make test`: query counts and server time at 10, 100 and 1,000 commitments,
# gunicorn + wrk throughput, reminder job and PDF timings; writes bench/results.json and
# prints a table with PASS/FAIL per target (exits 0 either way). See README, Benchmark.
bench: install
	./scripts/install-system-deps.sh --bench
	$(PY) -m bench

# The same steps at 5 and 20 commitments, with short runs (about a minute on 2 cores; CI
# runs it after `make test`): fails when the harness breaks, a query count grows with the
# plan or wrk gets errors. Timings are shown, not judged. Writes bench/results-quick.json.
bench-quick: install
	./scripts/install-system-deps.sh --bench
	$(PY) -m bench --quick

# The network size alone (issue 21): 150 countries x 200 commitments x 20 quarterly
# updates on PostgreSQL (DATABASE_URL, e.g. from scripts/ci-services.sh), against 5
# countries; `make bench` includes it when DATABASE_URL is PostgreSQL. Writes
# bench/results-network.json. NETWORK_OPTS=--quick: 3 vs 6 countries.
bench-network: install
	$(PY) -m bench --network $(NETWORK_OPTS)

# Developers only (needs GNU gettext): refresh locale/*/LC_MESSAGES/django.po from the
# code and templates, then compile the .mo files. Both are committed, so a fresh checkout
# and `make test` need no gettext. Translate new empty msgstr entries before committing.
MESSAGES_OPTS := --ignore=.venv --ignore=node_modules --ignore=static --ignore=media
messages: install
	$(TEST_ENV) $(PY) manage.py makemessages -l ar -l es -l fr -l sw $(MESSAGES_OPTS)
	$(TEST_ENV) $(PY) manage.py compilemessages $(MESSAGES_OPTS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache node_modules
