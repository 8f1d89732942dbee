# One entry point for every task. `make serve` and `make test` work from a clean clone on
# Debian with only Python, make and apt: they create .venv and install the lock first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: help venv node-deps serve preview build check test lint typecheck lock browser-deps eval bench bench-static load screenshots clean

help:
	@echo "make serve   - set up, check, build site and index, serve on http://$(HOST):$(PORT)/"
	@echo "make preview - serve with live preview: save a file, see the page change (authors)"
	@echo "make test    - set up (incl. chromium, axe-core) and run lint, types and all tests"
	@echo "make build   - check content and build site/ and search_index/"
	@echo "make check   - validate content only"
	@echo "make eval    - Q&A evaluation against the development question set"
	@echo "make bench   - speed benchmarks"
	@echo "make bench-static - the in-browser question search on a plain static server (cold, warm, download)"
	@echo "make load    - load test of /api/ask on loopback (32 clients; prints req/s, p50/p99, errors)"
	@echo "make screenshots - PNGs of key pages, light and dark, in build/screenshots/"
	@echo "make lock    - re-resolve requirements.lock from pyproject.toml"

$(BIN)/mappa-kb: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

venv: $(BIN)/mappa-kb

# npm packages (package-lock.json): the Pyodide runtime every build puts into the site
# for the in-browser question search, and axe-core for the accessibility tests.
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing. Run as root: apt-get install -y npm" >&2; exit 1; }
	npm ci --silent --no-audit --no-fund
	touch $@

node-deps: node_modules/.package-lock.json

check: venv
	$(BIN)/mappa-kb check

build: venv node-deps
	$(BIN)/mappa-kb build

serve: venv node-deps
	$(BIN)/mappa-kb serve --host $(HOST) --port $(PORT)

# For authors: every save is checked, the page shown again, problems listed on it.
preview: venv node-deps
	$(BIN)/mappa-kb serve --watch --host $(HOST) --port $(PORT)

lint: venv
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

typecheck: venv
	$(BIN)/mypy

browser-deps: node-deps
	bash scripts/install-browser-deps.sh

# The suite runs in parallel (pytest-xdist, one worker per CPU); browser tests run after
# it, one at a time, since each drives a chromium of its own against a local server.
test: venv browser-deps lint typecheck
	$(BIN)/mappa-kb check
	$(BIN)/python -m pytest -m "not browser" -n auto
	$(BIN)/python -m pytest -m browser

eval: build
	$(BIN)/python scripts/evaluate_qa.py

bench: build
	$(BIN)/python scripts/benchmark_qa.py
	$(BIN)/python scripts/benchmark_statistics.py

bench-static: build browser-deps
	$(BIN)/python scripts/benchmark_static.py

lock: venv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --no-header -o requirements.lock

load: build
	$(BIN)/python scripts/load_test_api.py

screenshots: build browser-deps
	$(BIN)/python scripts/screenshot.py

clean:
	rm -rf site search_index .pytest_cache .mypy_cache .ruff_cache
