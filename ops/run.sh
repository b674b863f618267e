#!/usr/bin/env bash
# What `make run` starts. For now: the planning demo on the shipped real candles (the
# pipeline, API and UI join this script as they are built).
set -euo pipefail
cd "$(dirname "$0")/.."
robson=build/release/cli/robson
data=tests/data/real/quadscalping/BTCUSDT-15m.binance12.csv

echo "== Robson planning demo: All In on real BTCUSDT 15m candles ($data)"
echo
"$robson" analyze "$data" --symbol BTCUSDT --strategy "All In" --capital 100
echo
echo "== The same plan for a SELL (protective stop above the entry)"
echo
"$robson" analyze "$data" --symbol BTCUSDT --strategy "All In" --capital 100 --side SELL
echo
echo "Try: $robson help"
