#!/usr/bin/env bash
# A self-signed TLS certificate for local trials and tests (never for a real site: use your CA's certificate there).
#   scripts/dev-cert.sh [--force] [FOLDER]     FOLDER defaults to docker/nginx/certs (git-ignored)
# Writes FOLDER/fullchain.pem and FOLDER/privkey.pem, the names docker/compose.yml mounts: EC P-256, for localhost and
# 127.0.0.1, valid 825 days (the longest a browser accepts). The key is readable by its owner only. An existing pair
# is kept unless --force.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DAYS=825

die() { echo "dev-cert: $*" >&2; exit 1; }

force=false
dir=""
for arg in "$@"; do
  case "$arg" in
    --force) force=true ;;
    -*) die "unknown option $arg (usage: $0 [--force] [FOLDER])" ;;
    *) [ -z "$dir" ] || die "one folder only (usage: $0 [--force] [FOLDER])"; dir=$arg ;;
  esac
done
dir=${dir:-$ROOT/docker/nginx/certs}
cert="$dir/fullchain.pem"
key="$dir/privkey.pem"

command -v openssl >/dev/null 2>&1 || die "openssl is not installed"
if ! $force && { [ -e "$cert" ] || [ -e "$key" ]; }; then
  die "$dir already holds a certificate or key; pass --force to replace them"
fi
mkdir -p "$dir"

# The key is created under umask 077, so it is never readable by others, not even for a moment.
(
  umask 077
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days "$DAYS" \
    -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$key.tmp" -out "$cert.tmp" 2>/dev/null
) || { rm -f "$key.tmp" "$cert.tmp"; die "openssl could not make the certificate"; }
chmod 600 "$key.tmp"
chmod 644 "$cert.tmp"
mv -f "$key.tmp" "$key"
mv -f "$cert.tmp" "$cert"
echo "dev-cert: self-signed certificate for localhost and 127.0.0.1 (${DAYS} days) in $dir"
