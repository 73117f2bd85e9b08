#!/bin/sh
# SPDX-License-Identifier: MIT
# The HTML report in a real browser (tests/report-browser.py): Debian's
# chromium, headless, through chromedriver's WebDriver API.  Every record
# of the quick start highlighted exactly once, a cell link shows its span,
# the page's exported corrections change exactly the corrected cells on a
# rerun, a hostile abstract renders as text, and a screenshot
# ($TM_REPORT_SCREENSHOT, when set, gets a copy: doc/report.png).
# Without chromium the test skips here (exit 77) with a message, and fails
# in CI (CI=true), where .ci/run installs it: a browser test that quietly
# does not run is no test.
set -u
: "${TRIALMINE:?set TRIALMINE to the trialmine binary}"
top=${TM_TOP_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

no_browser() {
    if [ "${CI:-}" = true ]; then
        echo "FAIL: $1; CI must run the browser tests (.ci/run installs" \
             "chromium and chromium-driver)"
        exit 1
    fi
    echo "SKIP: $1 (apt-get install chromium chromium-driver)"
    exit 77
}
command -v chromium >/dev/null 2>&1 || no_browser "chromium is not installed"
command -v chromedriver >/dev/null 2>&1 ||
    no_browser "chromedriver is not installed"
python3 "$top/tests/report-browser.py" "$TRIALMINE" "$top/corpus/cache" \
    "$tmp" ${TM_REPORT_SCREENSHOT:+"$TM_REPORT_SCREENSHOT"}
st=$?
[ "$st" = 77 ] && no_browser "chromium did not start (see above)"
exit "$st"
