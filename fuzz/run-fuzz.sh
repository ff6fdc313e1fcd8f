#!/bin/sh
# Runs one libFuzzer target for a fixed time, starting from its seeds, and fails on any crash,
# leak, timeout, or ASan or UBSan report. What it found stays next to the target:
# <target>.work/ (the corpus grown in this run, the log) and <target>-crash-… (the input).
#
#   run-fuzz.sh TARGET SEEDS DICTIONARY SECONDS
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

target=$1 seeds=$2 dict=$3 seconds=$4
work=$target.work
rm -rf "$work"
mkdir -p "$work/corpus"

# The commands target's hall lives in a temporary folder: in memory where there is one, so that
# synchronous=FULL costs no disk flush per input.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  tmp=$(mktemp -d /dev/shm/hall-fuzz-XXXXXX)
else
  tmp=$(mktemp -d "$work/tmp-XXXXXX")
fi
trap 'rm -rf "$tmp"' EXIT

export TMPDIR="$tmp" TZ=Asia/Shanghai LANG=C.UTF-8
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS="suppressions=${HALL_FUZZ_LSAN_SUPPRESSIONS:-/dev/null}"

status=0
"$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
  -dict="$dict" -artifact_prefix="$target-" -print_final_stats=1 \
  "$work/corpus" "$seeds" >"$work/log" 2>&1 || status=$?

if [ "$status" -ne 0 ]; then
  tail -n 80 "$work/log"
  echo "$(basename "$target"): failed (exit $status); the log is $work/log"
  grep 'Test unit written to' "$work/log" || true
  exit 1
fi
# The figures of the run: executions per second, edges (cov:) and features (ft:) reached.
grep -E '^#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb' \
  "$work/log"
