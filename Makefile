# Two commands set up everything on a fresh machine (Python 3.11+):
#   make serve   installs the Python packages in .venv, builds and serves the site
#   make test    installs the Python packages and Chromium, runs the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve test check build

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

serve: $(BIN)/.installed
	$(BIN)/mkdocs serve

test: $(BIN)/.installed
	bash scripts/install-chromium.sh
	$(BIN)/ruff check src hooks tests scripts
	$(BIN)/ruff format --check src hooks tests scripts
	$(BIN)/python -m pytest

check: $(BIN)/.installed
	$(BIN)/handboek check

# Builds into a fresh folder and replaces site/ only when the strict build succeeded.
build: $(BIN)/.installed
	$(BIN)/handboek bouw
