#!/bin/sh
# SPDX-License-Identifier: MIT
# Memory per document is bounded: a 12 MB line dense with matches (a
# quarter of a million values) is extracted under `ulimit -v` with the
# default record limit, cut with a warning naming the document and exit
# 1, the records before the cut written to a complete -o file, and no
# temporary file left.  Without the limit (--max-records 0) the same run
# runs out of memory, and still leaves no temporary file.
. "$(dirname "$0")/testlib.sh"

python3 -c "
import sys
chunk = 'Mortality was 15% (3 of 20) vs 35% (7 of 20), P = 0.02. '
sys.stdout.write(chunk * (12 * 1024 * 1024 // len(chunk)))" >"$tmp/dense.txt"
cd "$tmp" || exit 1
limit=300000 # KiB of address space: threads and their arenas included
# A sanitizer build maps terabytes of shadow memory at start, which no
# `ulimit -v` allows: there the limit is left out (the record cut and its
# messages are still checked; the plain build, which CI runs first, checks
# the memory bound itself).
if grep -aq '__asan_init\|__tsan_init\|__msan_init' "$TRIALMINE"; then
    sanitized=1
    ulimit_v() { :; }
else
    sanitized=0
    ulimit_v() { ulimit -v "$1"; }
fi

(ulimit_v $limit && exec "$TRIALMINE" extract -j 2 -o out.jsonl dense.txt) 2>err
st=$?
[ "$st" = 1 ] && ok || { bad "limited run: exit $st, want 1"; cat err; }
grep -q 'warning: dense.txt: more than 50000 records; [0-9]* more were dropped' err &&
    ok || { bad "no warning naming the document"; cat err; }
grep -q 'dense.txt: 1 document cut at 50000 records' err && ok || bad "no summary of the cut"
n=$(grep -c '"type":"p_value"' out.jsonl 2>/dev/null)
[ "${n:-0}" -gt 5000 ] && ok || bad "records before the cut missing ($n p-values)"
ls | grep -q 'out.jsonl.tmp' && bad "a temporary file was left" || ok

# The same with a smaller limit gives fewer records, and the same bytes
# with -j 1 (the cut is per document, not per thread).
head -c 1000000 dense.txt >small.txt
"$TRIALMINE" extract -j 1 --max-records 1000 small.txt >j1 2>/dev/null
"$TRIALMINE" extract -j 3 --max-records 1000 small.txt >j3 2>/dev/null
cmp -s j1 j3 && [ "$(wc -l <j1)" -le 1000 ] && [ "$(wc -l <j1)" -gt 0 ] && ok ||
    bad "--max-records 1000: $(wc -l <j1) lines, -j 1 and -j 3 differ or exceed"

# Without the limit the document does not fit: the run dies, but its
# temporary file does not outlive it.
if [ "$sanitized" = 0 ]; then
    (ulimit -v $limit && exec "$TRIALMINE" extract -j 2 --max-records 0 \
        -o unbounded.jsonl dense.txt) >/dev/null 2>err
    st=$?
    [ "$st" != 0 ] && [ "$st" != 1 ] && ok || bad "unbounded run under ulimit: exit $st"
    ls | grep -q 'unbounded.jsonl' && bad "unbounded run left $(ls | grep unbounded)" || ok
fi

finish memory
