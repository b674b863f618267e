#!/usr/bin/env bash
# What `make run` starts. Today: the Binance-compatible exchange simulator (the default
# exchange, in the background) and the planning demo against it and against the shipped real
# candles. The pipeline (Postgres, broker, workers, API + UI) joins this script as it is built.
# Running it twice is harmless: a simulator already running is reused. `make stop` stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release
run_dir=run
port=${ROBSON_SIM_PORT:-8765}
mkdir -p "$run_dir"

sim_url="http://127.0.0.1:$port"
if ! curl -fsS "$sim_url/api/v3/ping" >/dev/null 2>&1; then
    "$bin/sim/robson-exchange-sim" --port "$port" >"$run_dir/sim.log" 2>&1 &
    echo $! >"$run_dir/sim.pid"
    for _ in $(seq 1 50); do
        curl -fsS "$sim_url/api/v3/ping" >/dev/null 2>&1 && break
        sleep 0.1
    done
fi
curl -fsS "$sim_url/api/v3/ping" >/dev/null || { echo "the simulator did not start; see $run_dir/sim.log" >&2; exit 1; }

echo "== Robson: the exchange simulator is running at $sim_url (Binance Spot REST;"
echo "   API key robson-demo-key, secret robson-demo-secret). Stop it with: make stop"
echo
echo "== All In on BTCUSDT, live from the simulator"
echo
"$bin/cli/robson" analyze --exchange "$sim_url" --symbol BTCUSDT --strategy "All In" --capital 100 || true
echo
echo "== All In on the shipped real BTCUSDT 15m candles (offline), SELL side"
echo
"$bin/cli/robson" analyze tests/data/real/quadscalping/BTCUSDT-15m.binance12.csv \
    --symbol BTCUSDT --strategy "All In" --capital 100 --side SELL || true
echo
echo "Try: $bin/cli/robson help     (the simulator keeps running: make stop)"
