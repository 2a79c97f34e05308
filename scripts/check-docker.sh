#!/usr/bin/env bash
# Checks the docker/ files without a Docker engine (CI runs it):
#   - docker/compose.yml validates with Debian's docker-compose 1.29 (installed from Debian when missing), read with
#     docker/.env.example as its env file, the monitoring profile included;
#   - every ${VARIABLE} the compose file reads is documented in docker/.env.example;
#   - the image runs as a non-root user and has a HEALTHCHECK.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COMPOSE="$ROOT/docker/compose.yml"
EXAMPLE="$ROOT/docker/.env.example"
DOCKERFILE="$ROOT/docker/Dockerfile"

fail() { echo "check-docker: $*" >&2; exit 1; }

if ! command -v docker-compose >/dev/null 2>&1; then
  echo "check-docker: installing Debian's docker-compose"
  if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi

# The compose file's env_file (docker/.env) is the operator's and never committed: validate with a copy of the example
# in a scratch folder, so an operator's own docker/.env is neither read nor touched.
scratch=$(mktemp -d -t counterpart-compose.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
cp -r "$ROOT/docker/." "$scratch/"
rm -f "$scratch/.env"
cp "$EXAMPLE" "$scratch/.env"
docker-compose -f "$scratch/compose.yml" --env-file "$scratch/.env" --profile monitoring config -q ||
  fail "docker/compose.yml does not validate with $(docker-compose version --short)"

missing=()
while read -r name; do
  grep -Eq "^#? ?${name}=" "$EXAMPLE" || missing+=("$name")
done < <(grep -oE '\$\{[A-Z0-9_]+' "$COMPOSE" | cut -c3- | sort -u)
[ ${#missing[@]} -eq 0 ] || fail "docker/.env.example does not document: ${missing[*]}"

user=$(grep -E '^USER[[:space:]]+' "$DOCKERFILE" | tail -1 | awk '{print $2}' || true)
[ -n "$user" ] || fail "docker/Dockerfile has no USER: the image would run as root"
case "$user" in root | 0 | 0:*) fail "docker/Dockerfile runs as $user" ;; esac
grep -Eq '^HEALTHCHECK[[:space:]]+' "$DOCKERFILE" || fail "docker/Dockerfile has no HEALTHCHECK"

echo "check-docker: compose file valid ($(docker-compose version --short)), variables documented, image runs as $user with a healthcheck"
