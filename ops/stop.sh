#!/usr/bin/env bash
# Stops what `make run` started (harmless when nothing runs).
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
