#!/usr/bin/env bash
# Make sure what the test suite talks to is here: Debian's Chromium for the browser
# tests, the npm packages they load into pages (axe-core, pinned in package-lock.json),
# and PostgreSQL, Redis and RabbitMQ on loopback (started if they are down).
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -d "$ROOT/node_modules" ]; then
  if ! command -v npm >/dev/null; then
    echo "Installing Debian's nodejs and npm for the browser tests' npm packages..."
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  fi
  echo "Installing the locked npm packages (npm ci)..."
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  for _ in $(seq 1 60); do port_open "$1" && return 0; sleep 1; done
  echo "Service on port $1 did not come up" >&2
  return 1
}

if ! port_open 5432 && command -v pg_ctlcluster >/dev/null; then
  echo "Starting PostgreSQL..."
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
  wait_port 5432
fi
if ! port_open 6379 && command -v redis-server >/dev/null; then
  echo "Starting Redis..."
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" \
    --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_port 6379
fi
if ! port_open 5672 && command -v rabbitmq-server >/dev/null; then
  echo "Starting RabbitMQ..."
  as_root rabbitmq-server -detached
  wait_port 5672
fi
