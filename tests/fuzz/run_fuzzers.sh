#!/usr/bin/env bash
# make fuzz: runs every libFuzzer target of build/fuzz for FUZZ_SECONDS (default 60) each.
# The repository's seeds (tests/fuzz/corpus/<target>/) are read, never written: what the fuzzer
# discovers goes to build/fuzz/corpus/<target>/, crashes to build/fuzz/artifacts/<target>/.
# Exit status: non-zero when any target found a crash, leak, timeout or broken invariant.
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds="${FUZZ_SECONDS:-60}"
targets="${FUZZ_TARGETS:-job_envelope broker_frames json_request intent_create_body pattern_config_body decimal request_head}"
build=build/fuzz
status=0
for target in $targets; do
  binary="$build/tests/fuzz/fuzz_$target"
  work="$build/corpus/$target"
  artifacts="$build/artifacts/$target/"
  mkdir -p "$work" "$artifacts"
  log="$build/fuzz_$target.log"
  echo "fuzz: $target for ${seconds}s (log $log)"
  # -rss_limit_mb and -timeout turn a memory blow-up or a hang into a finding too.
  "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="$artifacts" "$work" "tests/fuzz/corpus/$target" \
    >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  echo "fuzz: $target exit $rc, ${runs:-?} executions, ${speed:-?} exec/s"
  if [ "$rc" -ne 0 ]; then
    status=1
    grep -E "ERROR|SUMMARY|invariant|runtime error" "$log" | head -5
    echo "fuzz: reproducer(s) in $artifacts; copy one to tests/fuzz/corpus/$target/ once fixed"
  fi
done
exit $status
