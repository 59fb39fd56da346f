#!/bin/sh
# Installs one lock into .venv: check (handboek check), serve (+ MkDocs) or test (+ test tools).
#   sh scripts/install-python.sh check
# Every package comes from requirements/<lock>.txt with its hash (pip --require-hashes), so
# nothing is resolved at install time; the project itself is installed editable, built with
# the locked setuptools (no build isolation, which would fetch setuptools unpinned).
# Used by the Makefile and by the workflow's first job (which has no make).
set -eu
case "${1:-}" in
  check | serve | test) lock="requirements/$1.txt" ;;
  *)
    echo "gebruik: sh scripts/install-python.sh check|serve|test" >&2
    exit 2
    ;;
esac
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || "${PYTHON:-python3}" -m venv .venv
.venv/bin/python -m pip install --quiet --require-hashes --no-deps -r "$lock"
.venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
