#!/bin/sh
# SPDX-License-Identifier: MIT
# Normalization throughput on a large OCR-damaged text, against cat and
# iconv on the same file in the same run.
#   bench/run-normalize.sh [SIZE_MB] [REPS]     (defaults: 200 MB, 3)
# Run from a built tree: TRIALMINE defaults to ./src/trialmine.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
size=${1:-200}
reps=${2:-3}
tm=${TRIALMINE:-./src/trialmine}
data=${TM_BENCH_DIR:-/tmp/trialmine-bench}
mkdir -p "$data"
in="$data/text-${size}mb.txt"
[ -f "$in" ] || python3 "$here/gen.py" text "$size" "$in"
python3 "$here/measure.py" --input "$in" --reps "$reps" --ref cat -- \
    "cat=cat '$in'" \
    "iconv=iconv -f utf-8 -t utf-8 '$in'" \
    "trialmine normalize=$tm normalize '$in'" \
    "trialmine extract=$tm extract -o '$data/text-records.jsonl' '$in'"
