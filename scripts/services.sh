#!/usr/bin/env bash
# Real PostgreSQL 15 and Redis 7 for `npm run test:pg` and `npm run test:services`, without Docker or systemd.
#   scripts/services.sh start   install from Debian if missing, start both on free ports, write .services.env
#   scripts/services.sh stop    stop both (by PID) and delete their data
#   scripts/services.sh status
# PostgreSQL runs as a throwaway cluster in a temporary folder (trust auth on 127.0.0.1 only); Redis keeps nothing
# on disk. Nothing else on the machine is touched: existing clusters and servers keep running.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ENV_FILE="$ROOT/.services.env"
PG_VERSION=15
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
TEST_DB=counterpart_test

log() { echo "services: $*"; }
die() { echo "services: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "root is needed to run: $*"
  fi
}

# PostgreSQL refuses to run as root: use the postgres system user when we are root.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

install_missing() {
  local packages=()
  [ -x "$PG_BIN/initdb" ] || packages+=("postgresql-$PG_VERSION")
  command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
  # nginx for the proxy suite, which runs its own instance with its own configuration (test/utils/proxy.ts); without
  # systemd the package starts nothing, and Debian's default site is never loaded.
  [ -x /usr/sbin/nginx ] || packages+=(nginx)
  if [ ${#packages[@]} -gt 0 ]; then
    log "installing ${packages[*]} from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  fi
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL $PG_VERSION is not installed at $PG_BIN"
  command -v redis-server >/dev/null 2>&1 || die "redis-server is not installed"
  [ -x /usr/sbin/nginx ] || die "nginx is not installed at /usr/sbin/nginx"
}

running() {
  [ -f "$ENV_FILE" ] || return 1
  # shellcheck disable=SC1090
  . "$ENV_FILE"
  [ -n "${SERVICES_DIR:-}" ] && as_pg "$PG_BIN/pg_ctl" -D "$SERVICES_DIR/pg" status >/dev/null 2>&1 &&
    [ -f "$SERVICES_DIR/redis.pid" ] && kill -0 "$(cat "$SERVICES_DIR/redis.pid")" 2>/dev/null
}

start() {
  if running; then
    log "already running (see $ENV_FILE)"
    return
  fi
  install_missing
  local dir pg_port redis_port
  dir=$(mktemp -d -t counterpart-services.XXXXXX)
  chmod 755 "$dir"
  mkdir -p "$dir/pg" "$dir/sock"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir/pg" "$dir/sock"
  pg_port=$(free_port)
  redis_port=$(free_port)

  as_pg "$PG_BIN/initdb" -D "$dir/pg" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 \
    --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log"; die "initdb failed"; }
  as_pg "$PG_BIN/pg_ctl" -D "$dir/pg" -l "$dir/pg/server.log" -w -t 60 start \
    -o "-p $pg_port -k $dir/sock -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c full_page_writes=off" \
    >/dev/null || { cat "$dir/pg/server.log"; die "PostgreSQL did not start"; }
  as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres "$TEST_DB"

  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir"
  for _ in $(seq 1 50); do
    redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  redis-cli -p "$redis_port" ping >/dev/null 2>&1 || { cat "$dir/redis.log"; die "Redis did not start"; }

  cat >"$ENV_FILE" <<ENV
DATABASE_URL=postgres://postgres@127.0.0.1:$pg_port/$TEST_DB
REDIS_URL=redis://127.0.0.1:$redis_port
SERVICES_DIR=$dir
ENV
  log "PostgreSQL $PG_VERSION on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port (written to .services.env)"
}

stop() {
  if [ ! -f "$ENV_FILE" ]; then
    log "not running"
    return
  fi
  # shellcheck disable=SC1090
  . "$ENV_FILE"
  if [ -n "${SERVICES_DIR:-}" ] && [ -d "$SERVICES_DIR" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$SERVICES_DIR/pg" -m fast -w stop >/dev/null 2>&1 || true
    if [ -f "$SERVICES_DIR/redis.pid" ]; then
      local pid
      pid=$(cat "$SERVICES_DIR/redis.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$SERVICES_DIR"
  fi
  rm -f "$ENV_FILE"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then log "running"; cat "$ENV_FILE"; else log "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
