# presswatch — `make run` and `make test` are all a new user needs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)

export DAGSTER_HOME := $(CURDIR)/.dagster_home
export PRESSWATCH_WAREHOUSE ?= $(CURDIR)/data/warehouse.duckdb
export PRESSWATCH_PUBLISHED ?= $(CURDIR)/data/published/warehouse.duckdb
export DBT_PROFILES_DIR := $(CURDIR)/dbt_project
DAGSTER_PORT ?= 3000
DASHBOARD_PORT ?= 8501
HOST ?= 127.0.0.1

.PHONY: help setup run pipeline dashboard serve test eval sql bench browser clean

help:
	@echo "make run        set up, run the pipeline on the bundled sample, serve Dagster + dashboard"
	@echo "make test       set up and run the whole test suite"
	@echo "make pipeline   one headless run of every asset"
	@echo "make dashboard  the Streamlit dashboard only"
	@echo "make eval       score the extractor on the gold and dev sets"
	@echo "make sql        SQL shell on the warehouse (read-only; WRITE=1 to write)"
	@echo "make bench      benchmark against bare spaCy (CORPUS=path.jsonl)"

# Install uv if missing, then the locked environment into .venv.
$(BIN)/.installed: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet --disable-pip-version-check uv
	uv sync --frozen
	@touch $@

$(DAGSTER_HOME)/dagster.yaml: config/dagster.yaml
	@mkdir -p $(DAGSTER_HOME)
	cp config/dagster.yaml $@

dbt_project/target/manifest.json: $(BIN)/.installed $(wildcard dbt_project/*.yml dbt_project/models/*/*.sql dbt_project/models/*/*.yml)
	cd dbt_project && ../$(BIN)/dbt parse --quiet

setup: $(BIN)/.installed $(DAGSTER_HOME)/dagster.yaml dbt_project/target/manifest.json

pipeline: setup
	$(BIN)/presswatch pipeline

run: pipeline
	HOST=$(HOST) DAGSTER_PORT=$(DAGSTER_PORT) DASHBOARD_PORT=$(DASHBOARD_PORT) scripts/serve.sh

dashboard: setup
	$(BIN)/streamlit run dashboard/app.py --server.address $(HOST) --server.port $(DASHBOARD_PORT) --server.headless true

# Debian's chromium for the dashboard's browser test (Playwright's own download can't work offline).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Install Debian's chromium (sudo apt-get install chromium) for the browser test"; exit 1; fi; }

test: setup browser
	$(BIN)/pytest

eval: setup
	$(BIN)/presswatch eval

sql: setup
	$(BIN)/presswatch sql $(if $(WRITE),--write,)

bench: setup
	$(BIN)/presswatch bench $(if $(CORPUS),--corpus $(CORPUS),)

clean:
	rm -rf data/warehouse.duckdb* data/published .dagster_home dbt_project/target dbt_project/logs test-artifacts
