#!/bin/sh
# SPDX-License-Identifier: MIT
# Running heads: on a three-page text (form feeds) with a running head on
# every page and the same table rows and 'P < 0.001' on every page, only
# the head goes, and `normalize --stats` counts it (applied) and the
# repeated lines kept (refused).  The rows are checked, not the whole
# --stats table, so that new repair rules do not touch this test.
. "$(dirname "$0")/testlib.sh"
f="$top/tests/fixtures/text/running_heads.txt"

"$TRIALMINE" normalize --stats "$f" >"$tmp/out" 2>"$tmp/err" || bad "normalize failed"
grep -q 'STEM CELLS' "$tmp/out" && bad "the running head is still there" || ok
[ "$(grep -o 'Placebo (n = 20)' "$tmp/out" | wc -l)" = 3 ] && ok || bad "table rows lost"
[ "$(grep -o 'P < 0.001' "$tmp/out" | wc -l)" = 3 ] && ok || bad "repeated p-values lost"
grep -q "$(printf '^running-head\t3\t12$')" "$tmp/out" && ok ||
    { bad "--stats: no 'running-head 3 12' row"; grep running-head "$tmp/out"; }

finish running-heads
