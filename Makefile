# Candid: `make run` to try it, `make test` to test it. See README.md.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Local runs are development runs: debug pages, and a secret key generated under var/.
DEV := DEBUG=1

.PHONY: run test lint bench-import

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py demo --base-url http://127.0.0.1:$(PORT)
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed-test
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# How long a large WordPress import takes and how much memory it needs (see tests/perf/bench_import.py).
bench-import: $(VENV)/.installed-test
	$(BIN)/python tests/perf/bench_import.py
