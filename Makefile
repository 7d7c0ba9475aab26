# The commands people type; CI (.ci/run) calls the same ones.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8050
WORKERS ?= 2
STAMP  := $(VENV)/.installed

.PHONY: install run serve test test-fast lint format bench browser-deps clean

install: $(STAMP)

# Re-install only when the project's dependencies change.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: install
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python app.py

serve: install
	$(BIN)/gunicorn --no-control-socket --workers $(WORKERS) --bind $(HOST):$(PORT) app:server

# Debian's chromium for the browser tests; installed only when it is missing.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }
	@command -v redis-server >/dev/null 2>&1 || { \
	  echo "installing Debian's redis-server for the shared-cache tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }

test: install browser-deps
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not browser and not slow"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python benchmarks/bench_projection.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
