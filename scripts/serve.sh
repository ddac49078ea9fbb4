#!/usr/bin/env bash
# One command to run the service on a fresh clone: installs into ./.venv, migrates, loads the shipped
# gazetteer on the first start (embedded SQLite under ./var unless CONFLICTGEO_DATABASE_URL is set), serves.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
exec .venv/bin/conflictgeo serve "$@"
