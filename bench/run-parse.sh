#!/bin/sh
# SPDX-License-Identifier: MIT
# XML parse throughput: `trialmine text` (parse and print every document's
# text) and `trialmine extract` (all shipped patterns, records to a file)
# against `xmllint --stream --noout` and cat on the same PubMed file, in
# the same run.
#   bench/run-parse.sh [SIZE_MB] [REPS]     (defaults: 200 MB, 3)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
size=${1:-200}
reps=${2:-3}
tm=${TRIALMINE:-./src/trialmine}
data=${TM_BENCH_DIR:-/tmp/trialmine-bench}
mkdir -p "$data"
in="$data/pubmed-${size}mb.xml"
[ -f "$in" ] || python3 "$here/gen.py" pubmed "$size" "$in" > "$in.count"
records=$(cat "$in.count")
python3 "$here/measure.py" --input "$in" --reps "$reps" --ref "xmllint" \
    --records "$records" -- \
    "cat=cat '$in'" \
    "xmllint=xmllint --stream --noout --nonet '$in'" \
    "trialmine text=$tm text '$in'" \
    "trialmine extract=$tm extract -o '$data/records.jsonl' '$in'"
