#!/usr/bin/env bash
# `npm run test:mysql [-- jest args]`: the same jest suite as `npm test`, on MySQL/MariaDB (test/setup/test-app.ts
# creates a fresh database per test file and drops it after).
#   - DB_TYPE=mysql|mariadb with DB_HOST and DB_USER set (DB_USER may CREATE DATABASE): that server is used;
#   - otherwise a throw-away MariaDB is started with scripts/mariadb.sh (installed from Debian when missing and
#     root) in a temp dir on a free loopback port, and stopped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

started_dir=""
cleanup() {
  if [ -n "$started_dir" ]; then
    PC_MARIADB_DIR="$started_dir" bash scripts/mariadb.sh stop >/dev/null 2>&1 || true
    rmdir "$(dirname "$started_dir")" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap "exit 143" TERM
trap "exit 130" INT

db_type=$(printf '%s' "${DB_TYPE:-}" | tr '[:upper:]' '[:lower:]')
if { [ "$db_type" = mysql ] || [ "$db_type" = mariadb ]; } && [ -n "${DB_HOST:-}" ] && [ -n "${DB_USER:-}" ]; then
  export DB_TYPE=$db_type
  echo "test:mysql: using $DB_TYPE at ${DB_HOST}:${DB_PORT:-3306} as ${DB_USER}" >&2
else
  started_dir=$(mktemp -d /tmp/pc-test-mysql-XXXXXX)/mariadb
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  echo "test:mysql: starting a throw-away MariaDB on 127.0.0.1:$port" >&2
  env_lines=$(PC_MARIADB_DIR="$started_dir" PC_MARIADB_PORT="$port" bash scripts/mariadb.sh start)
  eval "$env_lines" # exports DB_TYPE=mariadb and the DB_* of that server
fi

set +e
node --experimental-vm-modules --no-warnings node_modules/jest/bin/jest.js --config jest.config.js "$@"
rc=$?
set -e
exit $rc
