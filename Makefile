# Two commands set up everything on a fresh machine (Python 3.11+):
#   make serve   installs what serving needs in .venv, builds and serves the site
#   make test    installs the test tools, Chromium and Java, runs the whole test suite
# Every Python package comes from a lock with hashes in requirements/ (update: make lock).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material 9.8 prints an English end-of-life banner unless this is set (material/templates).
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test check build lock

# One marker per lock: check < serve < test, each a superset of the one before.
$(BIN)/.installed-check: requirements/check.txt pyproject.toml
	PYTHON=$(PYTHON) sh scripts/install-python.sh check
	touch $@

$(BIN)/.installed-serve: requirements/serve.txt $(BIN)/.installed-check
	sh scripts/install-python.sh serve
	touch $@

$(BIN)/.installed: requirements/test.txt $(BIN)/.installed-serve
	sh scripts/install-python.sh test
	touch $@

# A big site (hundreds of pages): `make serve SERVE_FLAGS=--dirty` rebuilds after an edit
# only the pages that changed (and the generated ones); the menu of the other pages shows a
# new title after the next `make serve`. Every page written is checked as in a full build.
SERVE_FLAGS ?=
serve: $(BIN)/.installed-serve
	$(BIN)/mkdocs serve $(SERVE_FLAGS)

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

# Resolves pyproject.toml again into the locks (needs PyPI). Keeps the versions of the
# locks where pyproject.toml allows them; `make lock LOCK_FLAGS=--upgrade` takes the newest.
# uv itself comes from its own lock, requirements/uv.txt.
LOCK := .venv-lock/bin/uv pip compile --quiet $(LOCK_FLAGS) --universal --python-version 3.11 \
	--generate-hashes --custom-compile-command "make lock"
lock:
	test -x .venv-lock/bin/python || $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements/uv.txt
	$(LOCK) requirements/uv.in -o requirements/uv.txt
	$(LOCK) pyproject.toml requirements/setuptools.in -o requirements/check.txt
	$(LOCK) pyproject.toml requirements/setuptools.in --extra site -o requirements/serve.txt
	$(LOCK) pyproject.toml requirements/setuptools.in --extra test -o requirements/test.txt
