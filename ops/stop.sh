#!/usr/bin/env bash
# Stops what `make run` started (harmless when nothing runs): the processes, then the private
# PostgreSQL cluster (its data stays in run/pgdata for the next `make run`).
set -uo pipefail
cd "$(dirname "$0")/.."
for pid_file in run/*.pid; do
    [[ -f "$pid_file" ]] || continue
    pid=$(cat "$pid_file")
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" && echo "stopped $(basename "$pid_file" .pid) (pid $pid)"
    fi
    rm -f "$pid_file"
done
if [[ -f run/pgdata/PG_VERSION ]]; then
    ops/local/postgres.sh stop run/pgdata && echo "stopped postgres"
fi
