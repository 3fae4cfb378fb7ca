#!/bin/sh
# run_smoke.sh FUZZER CORPUS SECONDS CRASHDIR [libFuzzer flags...]: fuzzes for SECONDS on a temporary copy of CORPUS
# (git's seeds stay as they are); any crash, leak, time-out or UB fails (libFuzzer exits non-zero) and leaves its input
# in CRASHDIR.
set -eu
fuzzer=$1 corpus=$2 seconds=$3 crashes=$4
shift 4
work=$(mktemp -d "${TMPDIR:-/tmp}/plugdesk-fuzz-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r "$corpus"/. "$work"/
mkdir -p "$crashes"
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$crashes"/ "$@" "$work"
