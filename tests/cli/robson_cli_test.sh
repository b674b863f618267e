#!/usr/bin/env bash
# End-to-end checks of the `robson` command: output a trader needs, and exit codes for bad
# input (never a crash). Usage: robson_cli_test.sh <robson> <source-dir> <robson-exchange-sim>
set -uo pipefail
robson=$1
data=$2/tests/data/real/quadscalping/BTCUSDT-15m.binance12.csv
sim=$3
failures=0

expect() {  # expect <exit-code> <regex> -- <args...>
    local code=$1 pattern=$2
    shift 3
    local output status
    output=$("$robson" "$@" 2>&1)
    status=$?
    if [[ $status -ne $code ]] || ! grep -Eq -- "$pattern" <<<"$output"; then
        echo "FAIL: robson $* -> exit $status (want $code), output:"
        echo "$output" | head -20
        failures=$((failures + 1))
    fi
}

expect 0 'Stop [0-9]+\.[0-9]{2} at the 2nd support' -- analyze "$data" --symbol BTCUSDT --capital 100
expect 0 'ENTRY +BUY MARKET'                         -- analyze "$data" --capital 100
expect 0 'STOP +SELL STOP_LOSS_LIMIT'                -- analyze "$data" --capital 100
expect 0 'Risk budget +1\.00 USDT'                   -- analyze "$data" --capital 100
expect 0 'STOP +BUY STOP_LOSS_LIMIT'                 -- analyze "$data" --capital 100 --side SELL
expect 0 'Resistances above the entry'               -- analyze "$data" --side SELL
expect 0 'Cost-blind rule'                           -- analyze "$data" --capital 100
expect 0 'risk 0.5% per trade'                       -- analyze "$data" --strategy "Bounce Back"
expect 4 'REFUSED \[BELOW_MIN'                        -- analyze "$data" --capital 1
expect 2 'unknown strategy'                          -- analyze "$data" --strategy "Moon Shot"
expect 2 'capital must be a positive decimal'        -- analyze "$data" --capital -5
expect 2 'capital must be a positive decimal'        -- analyze "$data" --capital 1e3
expect 2 'side must be BUY or SELL'                  -- analyze "$data" --side LONG
expect 2 'unknown option --frobnicate'               -- analyze "$data" --frobnicate
expect 2 'needs a value'                             -- analyze "$data" --capital
expect 2 'needs exactly one candle file'             -- analyze
expect 2 'unknown command'                           -- plant
expect 3 'cannot open'                               -- analyze /nonexistent.csv
expect 0 'stop distance %: min'                      -- stop-survey "$data"
expect 0 'usage: robson'                             -- help

bad=$(mktemp)
printf '1000,1,2,0.5,1.5,10\n2000,abc,2,0.5,1.5,10\n' >"$bad"
expect 3 'line 2: open .abc. is not an exact decimal' -- analyze "$bad"
rm -f "$bad"

# Live from the simulator (started on a free port, stopped at the end).
sim_out=$(mktemp)
"$sim" --port 0 >"$sim_out" 2>&1 &
sim_pid=$!
trap 'kill $sim_pid 2>/dev/null; rm -f "$sim_out"' EXIT
for _ in $(seq 1 100); do
    grep -q 'listening on' "$sim_out" && break
    sleep 0.05
done
sim_url=$(sed -n 's/^robson-exchange-sim listening on //p' "$sim_out" | head -1)
expect 0 'Market +BTCUSDT BUY at [0-9]+\.[0-9]{2}'       -- analyze --exchange "$sim_url" --symbol BTCUSDT
expect 0 'STOP +SELL STOP_LOSS_LIMIT'                  -- analyze --exchange "$sim_url" --symbol ETHUSDT
expect 0 'Resistances above'                           -- analyze --exchange "$sim_url" --symbol SOLUSDT --side SELL
expect 5 'exchange: .*(-1121|Invalid symbol)'          -- analyze --exchange "$sim_url" --symbol NOPEUSDT
expect 2 'either a candle file or --exchange'          -- analyze "$data" --exchange "$sim_url"
expect 5 'exchange'                                    -- analyze --exchange http://127.0.0.1:1 --symbol BTCUSDT
expect 5 'exchange configuration'                      -- analyze --exchange https://api.example.com --symbol BTCUSDT

if ((failures > 0)); then
    echo "$failures CLI check(s) failed"
    exit 1
fi
echo "all CLI checks passed"
