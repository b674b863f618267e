#!/bin/sh
# Rebuilds every file in sim/data from the project's real candles and the seeded generator.
# Usage: sim/datagen/make_data.sh path/to/robson-candle-gen   (run from anywhere)
# Deterministic: running it again gives the same bytes (sim/data/README.md explains each step).
set -eu
gen=${1:?usage: make_data.sh path/to/robson-candle-gen}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
real="$root/tests/data/real"
data="$root/sim/data"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. Real candles (quadscalping, MIT): the converted copies without their last row, which the
#    source saved while that candle was still forming.
for f in BTCUSDT-15m BTCUSDT-1h BTCUSDT-4h ETHUSDT-15m ETHUSDT-1h; do
    sed '$d' "$real/quadscalping/$f.binance12.csv" > "$data/$f.csv"
done
cp "$real/quadscalping/LICENSE" "$data/LICENSE-quadscalping"
cp "$real/LICENSE-NOTE.md" "$data/LICENSE-NOTE.md"

# 2. Real intervals aggregated exactly from a finer real one.
"$gen" aggregate --in "$data/BTCUSDT-15m.csv" --interval 30m --out "$data/BTCUSDT-30m.csv"
"$gen" aggregate --in "$data/ETHUSDT-15m.csv" --interval 30m --out "$data/ETHUSDT-30m.csv"
"$gen" aggregate --in "$data/ETHUSDT-1h.csv" --interval 4h --out "$data/ETHUSDT-4h.csv"

# 3. SOLUSDT: one generated 15m series from 2026-03-22 08:00 UTC (the first BTCUSDT 4h bar) to
#    2026-09-05 09:30 UTC (the last BTCUSDT 15m bar); every interval is cut from it so they agree,
#    each starting where the BTCUSDT file of that interval starts.
"$gen" generate --symbol SOLUSDT --interval 15m --start-price 180 --count 16039 --seed 7 \
    --start-time 1774166400000 --out "$tmp/SOLUSDT-15m-full.csv"
"$gen" aggregate --in "$tmp/SOLUSDT-15m-full.csv" --interval 15m --from-time 1787666400000 \
    --out "$data/SOLUSDT-15m.csv"
"$gen" aggregate --in "$tmp/SOLUSDT-15m-full.csv" --interval 30m --from-time 1787666400000 \
    --out "$data/SOLUSDT-30m.csv"
"$gen" aggregate --in "$tmp/SOLUSDT-15m-full.csv" --interval 1h --from-time 1785002400000 \
    --out "$data/SOLUSDT-1h.csv"
"$gen" aggregate --in "$tmp/SOLUSDT-15m-full.csv" --interval 4h --from-time 1774166400000 \
    --out "$data/SOLUSDT-4h.csv"
