#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end on the real seed review (../shared/seeds): exactly two
# p-values, P=0.09 and P=0.25, whose byte offsets slice the file to those
# very strings.  Skips (77) only when ../shared is not beside the project.
set -u
: "${TRIALMINE:?set TRIALMINE to the trialmine binary}"
top=${TM_TOP_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
seed="$top/../shared/seeds/001_5b48aa60057dbc90.txt"
if [ ! -f "$seed" ]; then
    echo "e2e: $seed not found; skipped"
    exit 77
fi
run=""
if [ "${TM_VALGRIND:-no}" = yes ]; then
    run="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
    # PCRE2's JIT reads whole vectors past a subject's end by design;
    # valgrind checks the interpreter instead.
    TRIALMINE_NO_JIT=1
    export TRIALMINE_NO_JIT
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
$run "$TRIALMINE" extract "$seed" >"$out" || { echo "e2e: extract failed"; exit 1; }
python3 - "$seed" "$out" <<'PY' || exit 1
import json, sys
seed, out = sys.argv[1], sys.argv[2]
raw = open(seed, "rb").read()
recs = [json.loads(l) for l in open(out, encoding="utf-8")]
p = [r for r in recs if r["type"] == "p_value"]
got = [(r["text"], r["value"], r["comparator"]) for r in p]
want = [("P=0.09", 0.09, "="), ("P=0.25", 0.25, "=")]
assert got == want, f"p-values {got}, want {want}"
for r in p:
    sl = raw[r["start"]:r["end"]].decode("utf-8")
    assert sl == r["text"], f"offsets {r['start']}:{r['end']} slice {sl!r}"
    assert r["doc"].endswith("001_5b48aa60057dbc90.txt"), r["doc"]
    assert r["section"] == "text"
print("e2e: seed review: P=0.09 and P=0.25 at their byte offsets")
PY
# The quick start's main job, and the XML path, under the same runner
# (valgrind when configured with --enable-valgrind).
outdir=$(mktemp -d)
trap 'rm -f "$out"; rm -rf "$outdir"' EXIT
$run "$TRIALMINE" run "mesenchymal stem cells AND ARDS" --offline \
    --cache "$top/corpus/cache" -o "$outdir" >"$outdir/summary" ||
    { echo "e2e: run --offline failed"; exit 1; }
grep -q "documents: 15 read" "$outdir/summary" ||
    { echo "e2e: run summary:"; cat "$outdir/summary"; exit 1; }
# "with extractions" counts the documents that gave records.jsonl a
# record, as many as the file names (internal records, such as arm
# mentions, are not written and had been counted).
with=$(sed -n 's/^documents: [0-9]* read, \([0-9]*\) with extractions.*/\1/p' "$outdir/summary")
docs=$(python3 -c 'import json, sys
print(len({json.loads(l)["doc"] for l in open(sys.argv[1])}))' "$outdir/records.jsonl")
[ "$with" = "$docs" ] ||
    { echo "e2e: $with documents with extractions, $docs in records.jsonl"; exit 1; }
$run "$TRIALMINE" extract "$top/corpus/pmc/PMC9900001.nxml" >"$outdir/pmc.jsonl" ||
    { echo "e2e: extract on JATS failed"; exit 1; }
grep -q '"section":"table/T1"' "$outdir/pmc.jsonl" ||
    { echo "e2e: no records from the JATS table"; exit 1; }
echo "e2e: run --offline and JATS extraction ok"
