# theodoi — two commands: `make run` (try it) and `make test` (check it).
# Everything else is plumbing those two rely on.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := theodoi.project.settings

# Debian packages the project needs (OCR, PDF, headless browser, .doc/.odt
# conversion, fonts, translations), listed once in scripts/system-packages.tsv
# with what each is for. Installed only when missing and only as root;
# `make test` then checks each tool and font and names what is still absent.
APT_PACKAGES := $(shell $(PYTHON) scripts/check_system.py --packages)

# PostgreSQL for the second test run (CI: 127.0.0.1:5432, user postgres, trust auth).
TEST_POSTGRES ?= postgres://postgres@127.0.0.1:5432

.PHONY: help install system-packages check-system run test test-sqlite test-postgres lint format messages clean

help:
	@echo "make run    install, migrate, load demo data, serve http://127.0.0.1:$(PORT)"
	@echo "make test   install, then all tests on SQLite and the DB tests on PostgreSQL"
	@echo "make lint   ruff (lint + format check) and mypy"
	@echo "make messages  refresh and compile the English translation"

system-packages:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then echo "Debian packages: all present."; \
	elif ! command -v apt-get >/dev/null; then echo "No apt-get here; please install:$$missing"; \
	elif [ "$$(id -u)" != 0 ]; then echo "Not root, skipping apt-get; please install:$$missing"; \
	else apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends $$missing; fi

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || \
		{ echo "theodoi needs Python 3.11 (found $(PYTHON)); set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,embeddings]'
	touch $@

install: system-packages $(VENV)/.installed

# Stops with the list of missing tools/fonts and the package for each.
check-system:
	@$(PYTHON) scripts/check_system.py

run: install
	$(BIN)/theodoi migrate
	$(BIN)/theodoi demo
	$(BIN)/theodoi remind --daily
	@echo "theodoi: http://127.0.0.1:$(PORT)/  (Ctrl+C to stop)"
	THEODOI_SHOW_DEMO_LOGINS=1 $(BIN)/theodoi serve --port $(PORT)

# pytest exits 5 when it selects no tests: that is not a failure here.
PYTEST = $(BIN)/pytest -p no:cacheprovider -q

# Both database runs always happen; the target fails if either failed.
test: install check-system
	$(BIN)/python -m django makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy theodoi
	@rc=0; \
	$(MAKE) --no-print-directory test-sqlite || rc=1; \
	$(MAKE) --no-print-directory test-postgres || rc=1; \
	exit $$rc

test-sqlite:
	@echo "== all tests, SQLite =="
	@THEODOI_DATA_DIR=$$(mktemp -d) DATABASE_URL= $(PYTEST); rc=$$?; [ $$rc = 5 ] && rc=0; exit $$rc

# Only tests/web touches the database, so only it runs again. Each run gets a
# database name of its own (pytest-django creates test_<name> and drops it).
test-postgres:
	@if ! $(BIN)/python -c "import psycopg; psycopg.connect('$(TEST_POSTGRES)/postgres', connect_timeout=3).close()" 2>/dev/null; then \
		if [ -n "$$CI" ]; then echo "PostgreSQL at $(TEST_POSTGRES) is not reachable (CI needs it)."; exit 1; fi; \
		echo "== SKIPPED: PostgreSQL run, no server at $(TEST_POSTGRES) (set TEST_POSTGRES=...) =="; exit 0; \
	fi; \
	name=theodoi_$$(date +%Y%m%d%H%M%S)_$$$$; \
	echo "== database tests (tests/web), PostgreSQL database test_$$name =="; \
	THEODOI_DATA_DIR=$$(mktemp -d) DATABASE_URL=$(TEST_POSTGRES)/$$name $(PYTEST) tests/web; \
	rc=$$?; [ $$rc = 5 ] && rc=0; exit $$rc

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy theodoi

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh theodoi/locale/en from the Vietnamese source strings; translate the
# new msgstr lines, then run `make messages` again to compile.
messages: install
	cd theodoi && ../$(BIN)/django-admin makemessages -l en --no-obsolete \
		--ignore 'text/*' --ignore 'demo/*'
	cd theodoi && ../$(BIN)/django-admin compilemessages -l en

clean:
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
