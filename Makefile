# Candid: `make run` to try it, `make test` to test it. See README.md.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Local runs are development runs: debug pages, and a secret key generated under var/.
DEV := DEBUG=1

.PHONY: run serve test lint bench bench-wordpress bench-import soak

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml package.json | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	@# axe-core for the accessibility tests; without npm they skip, saying so.
	if command -v npm >/dev/null; then npm install --no-audit --no-fund --silent; fi
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py demo --base-url http://127.0.0.1:$(PORT)
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The production stack on this machine: DEBUG off, hashed static files, gunicorn (README, Deploying).
PROD := DEBUG=0 SECRET_KEY="$$(cat var/secret_key)"
serve: $(VENV)/.installed
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(PROD) $(BIN)/python manage.py collectstatic --noinput -v0
	$(PROD) $(BIN)/python manage.py check --deploy --fail-level ERROR
	$(PROD) $(BIN)/gunicorn -c config/gunicorn.py config.wsgi

# The browser tests run in a pytest process of their own, after the others: Playwright keeps an asyncio
# loop running in the main thread, which no other test should share. BROWSER_TESTS=0 leaves them out;
# PYTEST_ARGS go to both runs (a selection that picks no browser test is fine).
BROWSER_TESTS ?= 1
test: $(VENV)/.installed-test
	$(BIN)/pytest --ignore=tests/e2e $(PYTEST_ARGS)
	if [ "$(BROWSER_TESTS)" != 0 ]; then $(BIN)/pytest tests/e2e $(PYTEST_ARGS) || [ $$? -eq 5 ]; fi

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Candid against the WordPress anchor's corpus with wrk: page cache on and off, the physical limits,
# posting comments, the post page by comment count (tests/perf/bench.py; README, Performance).
bench: $(VENV)/.installed-test
	$(BIN)/python tests/perf/bench.py $(BENCH_ARGS)

# The same, with the WordPress anchor (../shared/bench/wordpress/) set up and measured in the same run.
bench-wordpress: $(VENV)/.installed-test
	$(BIN)/python tests/perf/bench.py --vs-wordpress $(BENCH_ARGS)

# How long a large WordPress import takes and how much memory it needs (see tests/perf/bench_import.py).
bench-import: $(VENV)/.installed-test
	$(BIN)/python tests/perf/bench_import.py

# Readers and commenters at once against gunicorn for SOAK_SECONDS (default 60) on PostgreSQL:
# no 5xx, no lost comment, stable memory (tests/perf/soak.py).
soak: $(VENV)/.installed-test
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/candid} SOAK_SECONDS=$${SOAK_SECONDS:-60} \
		SOAK_CLIENTS=$${SOAK_CLIENTS:-8} $(BIN)/pytest -s tests/perf/test_soak.py
