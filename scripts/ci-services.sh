#!/usr/bin/env bash
# PostgreSQL 15 and Redis 7 for the integration run, on loopback, started directly (no
# systemd on CI machines) and stopped by their process ids.
#   scripts/ci-services.sh start   # installs them from Debian if missing, starts, prints env
#   scripts/ci-services.sh stop
set -euo pipefail
cd "$(dirname "$0")/.."

STATE="${CI_SERVICES_DIR:-$PWD/.ci/services}"
PG_PORT="${CI_PG_PORT:-54329}"
REDIS_PORT="${CI_REDIS_PORT:-63799}"
PG_BIN="/usr/lib/postgresql/15/bin"

install_missing() {
  local missing=()
  for package in postgresql-15 redis-server; do
    if [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" != "install ok installed" ]; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "ci services: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update
    # The package's own cluster and service are not used: ours runs from $STATE.
    $sudo apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

# PostgreSQL refuses to run as root; root CI machines run it as the `postgres` user.
as_db_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  install_missing
  mkdir -p "$STATE"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$STATE"; fi
  if [ ! -s "$STATE/pg/PG_VERSION" ]; then
    as_db_user "$PG_BIN/initdb" -D "$STATE/pg" -U plans --auth=trust -E UTF8 >/dev/null
  fi
  as_db_user "$PG_BIN/pg_ctl" -D "$STATE/pg" -l "$STATE/pg.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $STATE -c fsync=off" start >/dev/null
  head -1 "$STATE/pg/postmaster.pid" > "$STATE/pg.pid"
  for db in plans plans_e2e; do
    psql -h 127.0.0.1 -p "$PG_PORT" -U plans -d postgres -qc \
      "CREATE DATABASE $db" 2>/dev/null || true
  done
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --daemonize yes --pidfile "$STATE/redis.pid" --logfile "$STATE/redis.log"
  for _ in $(seq 50); do
    redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  echo "ci services: PostgreSQL on 127.0.0.1:$PG_PORT (pid $(cat "$STATE/pg.pid")), Redis on 127.0.0.1:$REDIS_PORT (pid $(cat "$STATE/redis.pid"))"
}

stop() {
  for name in redis pg; do
    if [ -s "$STATE/$name.pid" ]; then
      kill "$(cat "$STATE/$name.pid")" 2>/dev/null || true
      rm -f "$STATE/$name.pid"
    fi
  done
  echo "ci services: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
