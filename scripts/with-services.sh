#!/usr/bin/env bash
# Runs a command with DATABASE_URL and REDIS_URL from .services.env (written by scripts/services.sh start).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ ! -f "$ROOT/.services.env" ]; then
  echo "No .services.env: start PostgreSQL and Redis first with 'npm run services:start'." >&2
  exit 1
fi
set -a
# shellcheck disable=SC1091
. "$ROOT/.services.env"
set +a
exec "$@"
