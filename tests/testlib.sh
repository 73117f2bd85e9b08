# SPDX-License-Identifier: MIT
# Sourced by the shell tests: the binary, the source tree, a scratch
# directory removed on exit, and pass/fail counting.
#   ok; bad MESSAGE...; finish NAME   (prints "NAME: N passed, N failed")
set -u
: "${TRIALMINE:?set TRIALMINE to the trialmine binary}"
top=${TM_TOP_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
finish() {
    echo "$1: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
