#!/bin/sh
# SPDX-License-Identifier: MIT
# Golden command-line cases: each directory under tests/golden/ holds
#   args        the arguments, one line, run from inside the case directory
#   stdin       (optional) standard input
#   stdout      expected standard output
#   stderr      expected standard error
#   status      expected exit status
# Run with TRIALMINE pointing at the binary (make check sets it).
# Set TM_GOLDEN_UPDATE=1 to rewrite the expectations (then review the diff).
set -u
: "${TRIALMINE:?set TRIALMINE to the trialmine binary}"
top=${TM_TOP_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
export LC_ALL=C
export TRIALMINE_PATTERN_DIR="${TRIALMINE_PATTERN_DIR:-$top/patterns}"
unset TRIALMINE_PATTERNS
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in "$top"/tests/golden/*/; do
    case=$(basename "$dir")
    [ -f "$dir/args" ] || continue
    args=$(cat "$dir/args")
    if [ -f "$dir/stdin" ]; then in="$dir/stdin"; else in=/dev/null; fi
    # shellcheck disable=SC2086 # args are split on purpose
    (cd "$dir" && exec "$TRIALMINE" $args) <"$in" >"$tmp/stdout" 2>"$tmp/stderr"
    echo $? >"$tmp/status"
    if [ "${TM_GOLDEN_UPDATE:-0}" = 1 ]; then
        cp "$tmp/stdout" "$tmp/stderr" "$tmp/status" "$dir/"
    fi
    ok=1
    for f in stdout stderr status; do
        if ! cmp -s "$dir/$f" "$tmp/$f"; then
            ok=0
            echo "FAIL $case: $f differs"
            diff -u "$dir/$f" "$tmp/$f" | head -20
        fi
    done
    if [ $ok = 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done
echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
