#!/usr/bin/env bash
# The system benchmarks of `make bench`: broker_bench, then system_bench (the whole stack
# under load, wrk on the status endpoint, pgbench with pipeline.pgbench) over a private,
# throw-away PostgreSQL with pg_stat_statements loaded, so the report can say which
# statements each intent costs.
#   run_system_bench.sh [build dir (default build/bench)] [system_bench flags...]
# Not pass/fail; it takes about 3 minutes. docs/capacity.md reads its tables.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(realpath -m "${1:-$root/build/bench}")
shift || true

free_port() {
    python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

dir=$(mktemp -d /tmp/robson-bench-pg.XXXXXX)
chmod 755 "$dir"
port=$(free_port)
cleanup() {
    "$root/ops/local/postgres.sh" stop "$dir/data" || true
    rm -rf "$dir"
}
trap cleanup EXIT

"$root/ops/local/postgres.sh" start "$dir/data" "$port"
# pg_stat_statements must be preloaded: one restart of the fresh cluster.
echo "shared_preload_libraries = 'pg_stat_statements'" >>"$dir/data/postgresql.conf"
"$root/ops/local/postgres.sh" stop "$dir/data"
"$root/ops/local/postgres.sh" start "$dir/data" "$port"
psql -h 127.0.0.1 -p "$port" -U postgres -d robson -qtAX \
    -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
export DATABASE_URL
DATABASE_URL=$("$root/ops/local/postgres.sh" url "$port")
"$root/ops/db/migrate.sh" "$DATABASE_URL" >/dev/null

echo "run_system_bench: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
"$build/tests/bench/broker_bench"
"$build/tests/bench/system_bench" --pgbench-script "$here/pipeline.pgbench" "$@"
echo "run_system_bench: load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
