#!/usr/bin/env bash
# Starts (start) or stops (stop) a throw-away MariaDB in a temp datadir, without systemd (TECH-NOTES).
#   eval "$(bash scripts/mariadb.sh start)"   → exports DB_TYPE, DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_NAME
#   bash scripts/mariadb.sh stop
# State lives in ${PC_MARIADB_DIR:-/tmp/pc-mariadb}. Installs mariadb-server from Debian when missing and root.
set -euo pipefail
dir=${PC_MARIADB_DIR:-/tmp/pc-mariadb}
port=${PC_MARIADB_PORT:-33306}
sock=$dir/mysqld.sock
cmd=${1:-start}

if [ "$cmd" = stop ]; then
  if [ -f "$dir/pid" ]; then
    pid=$(cat "$dir/pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$dir"
  exit 0
fi

if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing mariadb-server from Debian…" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server) >&2
  else
    echo "mariadb-server is not installed" >&2; exit 1
  fi
fi
PATH=$PATH:/usr/sbin:/usr/bin

if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
  :
else
  rm -rf "$dir"; mkdir -p "$dir"
  mariadb-install-db --no-defaults --datadir="$dir/data" --user="$(id -un)" \
    --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1
  mariadbd --no-defaults --datadir="$dir/data" --user="$(id -un)" --bind-address=127.0.0.1 --port="$port" \
    --socket="$sock" --default-time-zone=+00:00 --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_unicode_ci --skip-log-bin --innodb-flush-log-at-trx-commit=2 \
    --max-connections=500 >"$dir/mariadbd.log" 2>&1 &
  echo $! >"$dir/pid"
  for _ in $(seq 1 100); do mariadb-admin --socket="$sock" -uroot ping >/dev/null 2>&1 && break; sleep 0.1; done
  mariadb --socket="$sock" -uroot -e "
    CREATE USER IF NOT EXISTS 'partner_center'@'127.0.0.1' IDENTIFIED BY 'pc-test-pw';
    CREATE USER IF NOT EXISTS 'partner_center'@'localhost' IDENTIFIED BY 'pc-test-pw';
    GRANT ALL PRIVILEGES ON *.* TO 'partner_center'@'127.0.0.1';
    GRANT ALL PRIVILEGES ON *.* TO 'partner_center'@'localhost';
    CREATE DATABASE IF NOT EXISTS partner_center CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    FLUSH PRIVILEGES;"
fi
cat <<ENV
export DB_TYPE=mariadb DB_HOST=127.0.0.1 DB_PORT=$port DB_USER=partner_center DB_PASSWORD=pc-test-pw DB_NAME=partner_center
ENV
