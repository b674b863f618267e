#!/usr/bin/env bash
# Runs ccxt against a freshly started simulator: run.sh <path to robson-exchange-sim> [sim args]
# Exit status: the script's (0 = every step passed). Needs node and `npm ci` done here once.
set -euo pipefail
sim_binary=${1:?usage: run.sh <robson-exchange-sim> [extra sim args]}
shift
here=$(cd "$(dirname "$0")" && pwd)
if [[ ! -d "$here/node_modules/ccxt" ]]; then
    (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
fi
out=$(mktemp)
"$sim_binary" --port 0 "$@" >"$out" 2>/dev/null &
sim_pid=$!
trap 'kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 100); do
    grep -q 'listening on' "$out" && break
    sleep 0.1
done
url=$(sed -n 's/^robson-exchange-sim listening on //p' "$out" | head -n1)
if [[ -z "$url" ]]; then
    echo "the simulator did not start" >&2
    exit 1
fi
node "$here/ccxt_against_sim.mjs" "$url"
