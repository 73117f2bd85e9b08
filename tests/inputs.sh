#!/bin/sh
# SPDX-License-Identifier: MIT
# Input kinds, told by content (tests/fixtures/input/): a truncated gzip
# is an error naming the file whatever it holds; UTF-16/32 with a BOM
# reads as the UTF-8 text it encodes; PDF, HTML and binary are refused
# with a message saying what to do; BioC XML and JSON are documents whose
# passages keep their offsets.  Every case also checks that a good input
# given in the same run still has all its records.
. "$(dirname "$0")/testlib.sh"
fx="$top/tests/fixtures/input"
abstract="$top/tests/fixtures/text/abstract.txt"
good="$top/tests/fixtures/text/quoting.txt"

# run NAME WANT_STATUS STDERR_REGEX FILE [OPTIONS]: extract FILE and the
# good file; check the status, the message and the good file's records.
run() {
    name=$1 want=$2 msg=$3 file=$4
    shift 4
    "$TRIALMINE" extract "$@" "$file" "$good" >"$tmp/out" 2>"$tmp/err"
    st=$?
    if [ "$st" != "$want" ]; then
        bad "$name: exit $st, want $want"; cat "$tmp/err"; return 1
    fi
    if [ -n "$msg" ] && ! grep -Eq -- "$msg" "$tmp/err"; then
        bad "$name: stderr lacks /$msg/"; cat "$tmp/err"; return 1
    fi
    if [ "$(grep '"doc":"[^"]*quoting.txt"' "$tmp/out" |
            grep -c '"type":"p_value"')" != 2 ]; then
        bad "$name: records of the good input missing"; return 1
    fi
    ok
}

# values FILE: the p-values extracted from FILE (sorted), one per line.
values() {
    grep -v 'quoting.txt' "$1" | grep '"type":"p_value"' |
        sed 's/.*"value":\([^,]*\),.*/\1/' | sort
}

# --- 7. a truncated gzip is an error for every kind ----------------------
# Text: the part before the cut is still extracted.
run truncated-text-gz 1 'truncated.txt.gz: .*truncated' "$fx/truncated.txt.gz"
grep -q '"doc":"[^"]*truncated.txt.gz"' "$tmp/out" && ok ||
    bad "truncated-text-gz: the records before the cut are missing"
# XML whose deflate data is complete but whose gzip trailer is cut: the
# XML itself parses, the gzip check must still fail.
run truncated-xml-gz 1 'truncated.xml.gz: .*truncated' "$fx/truncated.xml.gz"
[ "$(grep -c '"doc":"pmid:9000020[12]"' "$tmp/out")" -gt 0 ] && ok ||
    bad "truncated-xml-gz: the records before the cut are missing"
# The same through standard input, and the intact file still reads clean.
"$TRIALMINE" extract - <"$fx/truncated.txt.gz" >/dev/null 2>"$tmp/err"
[ $? = 1 ] && grep -q 'truncated' "$tmp/err" && ok || bad "truncated gzip on stdin"
run intact-gz 0 '' "$top/tests/fixtures/text/abstract.txt.gz"

finish inputs
