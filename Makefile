# Two entry points: `make demo` (sandbox store on embedded defaults) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The agent workspace (dashboard_extension/) is built into the Python package, which serves it.
NPM ?= npm
UI := dashboard_extension
UI_STAMP := $(UI)/node_modules/.installed
UI_BUILD := saleor_support_plugin/web/dashboard/index.html
UI_SOURCES := $(shell find $(UI)/src -type f 2>/dev/null) $(UI)/index.html $(UI)/vite.config.ts $(UI)/tsconfig.json $(UI)/eslint.config.js $(UI)/package.json

.PHONY: demo test lint schema clean install ui chromium

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet -e . --group dev
	touch $(STAMP)

install: $(STAMP)

$(UI_STAMP): $(UI)/package-lock.json
	@command -v $(NPM) >/dev/null || { echo "npm (Node.js 20+) is needed to build the agent workspace" >&2; exit 1; }
	cd $(UI) && $(NPM) ci --no-audit --no-fund
	touch $(UI_STAMP)

$(UI_BUILD): $(UI_STAMP) $(UI_SOURCES)
	cd $(UI) && $(NPM) run build

ui: $(UI_BUILD)

# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
chromium:
	@test -x /usr/bin/chromium || { test "$$(id -u)" = 0 && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || { echo "Chromium is needed for the browser tests: apt-get install chromium" >&2; exit 1; }

demo: $(STAMP) $(UI_BUILD)
	$(BIN)/python -m sandbox demo

test: $(STAMP) $(UI_BUILD) chromium
	cd $(UI) && $(NPM) test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m sandbox check-migrations
	$(BIN)/python -m pytest

schema: $(STAMP)
	$(BIN)/python -m sandbox manage export_schema --output graphql/schema.graphql

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(UI)/node_modules saleor_support_plugin/web/dashboard
