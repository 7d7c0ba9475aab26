# The commands people type; CI (.ci/run) calls the same ones.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8050
WORKERS ?= 2
THREADS ?= 64
STAMP  := $(VENV)/.installed

.PHONY: install run serve serve-deps test test-fast lint format bench browser-deps clean load calibrate backtest vendor npm-deps lighthouse

install: $(STAMP)

# Re-install only when the project's dependencies change.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: install
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python app.py

# Production server: nginx on HOST:PORT buffers every request and bounds its read times, gunicorn behind it on
# loopback (UPSTREAM_PORT, default PORT+1) runs WORKERS processes with THREADS threads; no state lives in them
# (see README and docs/security.md). Settings: deploy/gunicorn.conf.py, deploy/nginx.conf.template.
serve: install serve-deps
	HOST=$(HOST) PORT=$(PORT) WORKERS=$(WORKERS) THREADS=$(THREADS) BIN=$(BIN) bash deploy/serve.sh

# Debian's nginx (and its headers-more module) for the front of `make serve`; installed only when missing.
serve-deps:
	@{ command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx; } && \
	  test -f /usr/lib/nginx/modules/ngx_http_headers_more_filter_module.so || { \
	  echo "installing Debian's nginx for the front of make serve"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx \
	    libnginx-mod-http-headers-more-filter >/dev/null; }

# Debian's chromium for the browser tests; installed only when it is missing.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }
	@command -v redis-server >/dev/null 2>&1 || { \
	  echo "installing Debian's redis-server for the shared-cache tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }

test: install browser-deps serve-deps
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not browser and not slow"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m vulture app.py cli components data i18n pages services simulation tests/vulture_whitelist.py \
	  --min-confidence 60

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Fit the collective block on the published years up to 2023 and rewrite its parameter file; then the backtest.
calibrate: install
	$(BIN)/imw calibrate

backtest: install
	$(BIN)/imw backtest --markdown > docs/backtest.md.tmp && mv docs/backtest.md.tmp docs/backtest.md
	$(BIN)/imw backtest

# Benchmarks: the model, the simulator (server and browser) and what a visitor's browser gets (bytes, layout
# shifts, first results of a shared link); each prints a `bench:` line.
bench: install browser-deps
	$(BIN)/python benchmarks/bench_projection.py
	$(BIN)/python benchmarks/bench_simulator.py
	$(BIN)/python benchmarks/bench_pages.py

# Lighthouse 12 (npm, Debian's chromium) over every page, desktop and mobile, against `make serve` on a free
# loopback port: one line per page and form factor (benchmarks/lighthouse.py; LH_ARGS="--runs 1" to be quick).
LH_PORT ?= 8797
LH_ARGS ?=
lighthouse: install browser-deps npm-deps
	@set -e; \
	setsid $(MAKE) --no-print-directory serve HOST=127.0.0.1 PORT=$(LH_PORT) >/tmp/imw-lighthouse-serve.log 2>&1 & \
	echo $$! > /tmp/imw-lighthouse.pid; \
	trap 'kill -- -$$(cat /tmp/imw-lighthouse.pid) 2>/dev/null || true' EXIT; \
	for i in $$(seq 1 120); do curl -sf http://127.0.0.1:$(LH_PORT)/health >/dev/null && break; sleep 0.5; done; \
	$(BIN)/python benchmarks/lighthouse.py http://127.0.0.1:$(LH_PORT) $(LH_ARGS)

# Load test: LOAD_USERS users (100) for 60 s against the gunicorn of `make serve` (deploy/gunicorn.conf.py: WORKERS
# workers of THREADS threads) on loopback; locust in its own environment. The crowd is described in benchmarks/load/locustfile.py; summarise.py checks the targets.
LOAD_PORT ?= 8799
LOAD_USERS ?= 100
LOAD_TIME ?= 60s
load: install browser-deps
	test -x .venv-load/bin/locust || { $(PYTHON) -m venv .venv-load && .venv-load/bin/pip install --quiet locust; }
	@set -e; \
	UPSTREAM_HOST=127.0.0.1 UPSTREAM_PORT=$(LOAD_PORT) WORKERS=$(WORKERS) THREADS=$(THREADS) \
	  $(BIN)/gunicorn -c deploy/gunicorn.conf.py --pid /tmp/imw-load.pid --daemon app:server; \
	trap 'kill $$(cat /tmp/imw-load.pid) 2>/dev/null || true' EXIT; \
	for i in $$(seq 1 60); do curl -sf http://127.0.0.1:$(LOAD_PORT)/health >/dev/null && break; sleep 0.5; done; \
	$(BIN)/python benchmarks/load/record_payloads.py http://127.0.0.1:$(LOAD_PORT) /tmp/imw-payloads.json; \
	IMW_LOAD_PAYLOADS=/tmp/imw-payloads.json .venv-load/bin/locust -f benchmarks/load/locustfile.py --headless \
	  --host http://127.0.0.1:$(LOAD_PORT) -u $(LOAD_USERS) -r 10 -t $(LOAD_TIME) --stop-timeout 10 \
	  --csv /tmp/imw-load --only-summary || true; \
	$(BIN)/python benchmarks/load/summarise.py /tmp/imw-load  # its exit code: failures or a target missed

# npm's tools (package.json, package-lock.json): the partial plotly.js bundle and Lighthouse. Only `make vendor`
# and `make lighthouse` need them; the portal itself runs without npm.
npm-deps:
	@command -v npm >/dev/null 2>&1 || { \
	  echo "installing Debian's npm for the front-end tools"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	test -x node_modules/.bin/lighthouse || npm ci --no-audit --no-fund

# Copy the front-end files the portal serves itself (pinned in package.json; the plotly.js bundle has the plotly
# package's plotly.js version) into assets/vendor/ (see assets/vendor/README.md).
vendor: npm-deps
	for package in plotly.js-basic-dist-min regenerator-runtime; do \
	  mkdir -p assets/vendor/$$package; \
	  cp node_modules/$$package/LICENSE node_modules/$$package/package.json assets/vendor/$$package/; \
	done
	cp node_modules/plotly.js-basic-dist-min/plotly-basic.min.js assets/vendor/plotly.js-basic-dist-min/
	cp node_modules/regenerator-runtime/runtime.js assets/vendor/regenerator-runtime/

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
