#!/usr/bin/env bash
# One command to run the whole test suite on a fresh machine. It installs what the tests need (the project
# and its test tools in ./.venv, PostGIS for the local PostgreSQL 15, Redis), starts PostgreSQL and Redis if down,
# creates a throw-away test database, runs ruff and pytest against both backends (SQLite and PostGIS), and,
# when the evaluation data sits beside the clone (../shared/eval), checks that quality has not dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh test

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER

if ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
  echo "== installing PostGIS (postgresql-15-postgis-3)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql-15-postgis-3 >/dev/null
fi
if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
  echo "== starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  for _ in $(seq 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 1; done
fi
# Shared rate limits are tested against a real Redis (tests fail, never skip, without one).
REDIS_URL=${CONFLICTGEO_TEST_REDIS_URL:-redis://127.0.0.1:6379/0}
if ! command -v redis-server >/dev/null 2>&1; then
  echo "== installing Redis (redis-server)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null
fi
if ! redis-cli -u "$REDIS_URL" ping >/dev/null 2>&1; then
  echo "== starting Redis"
  redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save "" --appendonly no >/dev/null
  for _ in $(seq 30); do redis-cli -u "$REDIS_URL" ping >/dev/null 2>&1 && break; sleep 1; done
fi
export CONFLICTGEO_TEST_REDIS_URL="$REDIS_URL"
scripts/install-browser.sh
TEST_DB=${CONFLICTGEO_TEST_DB:-conflictgeo_test}
psql -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS ${TEST_DB} WITH (FORCE)" -c "CREATE DATABASE ${TEST_DB}"
export CONFLICTGEO_TEST_POSTGRES_URL="postgresql+psycopg://${PGUSER}@${PGHOST}:${PGPORT}/${TEST_DB}"

echo "== ruff"
.venv/bin/ruff check app tests bench scripts
echo "== pytest"
.venv/bin/python -m pytest -q "$@"

if [ -f ../shared/eval/pool/fakes.jsonl ] && [ -z "${SKIP_EVAL:-}" ]; then
  echo "== evaluation gate: held-out test split (eval/annotations/test.jsonl), as published and lower-cased"
  # shellcheck disable=SC2046 # one flag and value per line
  .venv/bin/conflictgeo evaluate eval/annotations/test.jsonl --pool ../shared/eval/pool \
    --attachment ../shared/eval/pool/event-sentences.jsonl $(grep -v '^#' eval/test-gate.args)
  # shellcheck disable=SC2046
  .venv/bin/conflictgeo evaluate eval/annotations/test.jsonl --pool ../shared/eval/pool --lowercase \
    $(grep -v '^#' eval/test-lowercase-gate.args)
fi
if [ -f ../shared/eval/dev.jsonl ] && [ -z "${SKIP_EVAL:-}" ]; then
  echo "== evaluation gate (../shared/eval/dev.jsonl)"
  # shellcheck disable=SC2046 # one flag and value per line
  .venv/bin/conflictgeo evaluate ../shared/eval/dev.jsonl $(grep -v '^#' eval/dev-gate.args)
  echo "== evaluation gate (../shared/eval/dev.jsonl, lower-cased)"
  # shellcheck disable=SC2046
  .venv/bin/conflictgeo evaluate ../shared/eval/dev.jsonl --lowercase $(grep -v '^#' eval/dev-lowercase-gate.args)
fi
if [ -f ../shared/eval/geowebnews.jsonl ] && [ -z "${SKIP_EVAL:-}" ]; then
  echo "== evaluation gate (../shared/eval/geowebnews.jsonl)"
  # shellcheck disable=SC2046 # one flag and value per line
  .venv/bin/conflictgeo evaluate ../shared/eval/geowebnews.jsonl $(grep -v '^#' eval/geowebnews-gate.args)
  echo "== evaluation gate (../shared/eval/geowebnews.jsonl, lower-cased)"
  # shellcheck disable=SC2046
  .venv/bin/conflictgeo evaluate ../shared/eval/geowebnews.jsonl --lowercase \
    $(grep -v '^#' eval/geowebnews-lowercase-gate.args)
fi
