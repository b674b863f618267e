#!/usr/bin/env bash
# Runs a command beside a private, throw-away PostgreSQL cluster with Robson's schema applied.
#   with_postgres.sh <command> [args...]
# The cluster lives in a temporary directory on a free loopback port, so tests run on a clean
# machine and beside a running `make run`; DATABASE_URL tells the command where it is. The
# cluster is stopped and removed whatever the command's outcome; the command's status is ours.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

free_port() {
    python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

dir=$(mktemp -d /tmp/robson-pg.XXXXXX)
chmod 755 "$dir"
port=$(free_port)
cleanup() {
    "$root/ops/local/postgres.sh" stop "$dir/data" || true
    rm -rf "$dir"
}
trap cleanup EXIT
"$root/ops/local/postgres.sh" start "$dir/data" "$port"
export DATABASE_URL
DATABASE_URL=$("$root/ops/local/postgres.sh" url "$port")
"$root/ops/db/migrate.sh" "$DATABASE_URL" >/dev/null
set +e
"$@"
status=$?
set -e
exit "$status"
