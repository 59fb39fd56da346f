# Two commands set up everything on a fresh machine (Python 3.11+):
#   make serve   installs what serving needs in .venv, builds and serves the site
#   make test    installs the test tools, Chromium and Java, runs the whole test suite
# Every install comes from a lock with hashes in requirements/ (update: make lock).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --require-hashes --no-deps
# Material 9.8 prints an English end-of-life banner unless this is set (material/templates).
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test check build lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# One marker per lock: check < serve < test, each a superset of the one before.
# The project itself is installed editable, without build isolation: setuptools is in the lock.
$(BIN)/.installed-check: requirements/check.txt pyproject.toml | $(BIN)/python
	$(PIP) -r requirements/check.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(BIN)/.installed-serve: requirements/serve.txt $(BIN)/.installed-check
	$(PIP) -r requirements/serve.txt
	touch $@

$(BIN)/.installed: requirements/test.txt $(BIN)/.installed-serve
	$(PIP) -r requirements/test.txt
	touch $@

serve: $(BIN)/.installed-serve
	$(BIN)/mkdocs serve

test: $(BIN)/.installed
	bash scripts/install-system-tools.sh
	$(BIN)/ruff check src hooks tests scripts
	$(BIN)/ruff format --check src hooks tests scripts
	$(BIN)/python -m pytest

check: $(BIN)/.installed-check
	$(BIN)/handboek check

# Builds into a fresh folder and replaces site/ only when the strict build succeeded.
build: $(BIN)/.installed-serve
	$(BIN)/handboek bouw

# Resolves pyproject.toml again into the three locks (needs PyPI); uv itself is locked too.
LOCK := .venv-lock/bin/uv pip compile --quiet $(LOCK_FLAGS) --universal --python-version 3.11 \
	--generate-hashes --custom-compile-command "make lock"
lock:
	test -x .venv-lock/bin/uv || $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --require-hashes -r requirements/uv.txt
	.venv-lock/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
		--custom-compile-command "make lock" requirements/uv.in -o requirements/uv.txt
	$(LOCK) pyproject.toml requirements/setuptools.in -o requirements/check.txt
	$(LOCK) pyproject.toml requirements/setuptools.in --extra site -o requirements/serve.txt
	$(LOCK) pyproject.toml requirements/setuptools.in --extra test -o requirements/test.txt
