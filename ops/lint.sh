#!/usr/bin/env bash
# clang-tidy over every first-party translation unit, using the compile database of a build
# directory (default build/debug). Findings are errors (.clang-tidy sets WarningsAsErrors).
set -euo pipefail
build_dir=${1:-build/debug}
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.cpp' | grep -v -e '^ops/cmake/' -e '/node_modules/')
run-clang-tidy -quiet -p "$build_dir" -j "$(nproc)" "${files[@]}"
