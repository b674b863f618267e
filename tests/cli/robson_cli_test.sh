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

# API commands: what is refused before any request (no API server needed). A private config
# file, no inherited server or token, and no terminal on stdin (nothing may prompt).
export ROBSON_CONFIG=$(mktemp -u)
unset ROBSON_API_URL ROBSON_TOKEN
exec </dev/null
nowhere=http://127.0.0.1:1
expect 2 'live sends real orders and needs --acknowledge-risk' -- execute intent-1 --live
expect 2 'acknowledge-risk is only for --live'         -- execute intent-1 --acknowledge-risk
expect 2 'capital must be a positive decimal'          -- plan buy BTCUSDT --strategy 1 --capital -5
expect 2 'capital must be a positive decimal'          -- plan buy BTCUSDT --strategy 1 --capital 1e3
expect 2 'needs buy or sell'                           -- plan hold BTCUSDT --strategy 1 --capital 5
expect 2 'plan needs --strategy'                       -- plan buy BTCUSDT --capital 5
expect 2 'page-size must be between 1 and 100'         -- list --page-size 500
expect 2 'status must be one of'                       -- list --status DONE
expect 2 'needs exactly one intent id'                 -- status
expect 2 'is not an intent id'                         -- cancel ../strategies
expect 2 'unknown option --frobnicate'                 -- validate intent-1 --frobnicate
expect 2 'login needs --username'                      -- login --server "$nowhere"
expect 2 'login needs a password'                      -- login --username demo --server "$nowhere"
expect 2 'must look like http://host:port'             -- strategies --server https://robson.example
expect 0 'usage: robson execute'                       -- execute --help
expect 0 'usage: robson plan buy.sell'                   -- plan --help
expect 0 '6  not authenticated'                        -- help
expect 5 'cannot reach the API at http://127.0.0.1:1'  -- strategies --server "$nowhere" --token t
expect 5 'cannot reach the API'                        -- status intent-1 --server "$nowhere"
expect 2 'scan needs 1 to 20 symbols'                  -- scan --timeframe 15m
expect 2 'scan needs --timeframe'                      -- scan BTCUSDT
expect 2 'timeframe must be one of'                    -- scan BTCUSDT --timeframe 7m
expect 2 'lists BTCUSDT twice'                         -- scan BTCUSDT btcusdt --timeframe 15m
expect 2 'state must be one of'                        -- patterns --state FORMING
expect 2 'pattern must be one of'                      -- patterns --pattern HEAD_AND_SHOULDERS
expect 2 'on, off or status'                           -- autotrigger enable
expect 2 'takes no arguments'                          -- pattern-configs all
expect 0 'usage: robson scan SYMBOL'                   -- scan --help
expect 0 'autotrigger on.off.status'                   -- help
expect 5 'cannot reach the API'                        -- autotrigger off --server "$nowhere" --token t
[[ ! -e $ROBSON_CONFIG ]] || { echo "FAIL: a refused command wrote $ROBSON_CONFIG"; failures=$((failures + 1)); }

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
