#!/bin/sh
# SPDX-License-Identifier: MIT
# Hostile input through the command line: each case asserts a clear
# message, a defined exit status, and that records from good inputs in the
# same run are all present.
set -u
: "${TRIALMINE:?set TRIALMINE to the trialmine binary}"
top=${TM_TOP_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
good="$top/tests/fixtures/text/quoting.txt"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

# run NAME WANT_STATUS STDERR_REGEX FILES...: the good file's two records
# must be in stdout whatever happens to the others.
run() {
    name=$1 want=$2 msg=$3
    shift 3
    "$TRIALMINE" extract "$@" "$good" >"$tmp/out" 2>"$tmp/err"
    st=$?
    if [ "$st" != "$want" ]; then
        bad "$name: exit $st, want $want"; cat "$tmp/err"; return
    fi
    if [ -n "$msg" ] && ! grep -Eq "$msg" "$tmp/err"; then
        bad "$name: stderr lacks /$msg/"; cat "$tmp/err"; return
    fi
    if [ "$(grep '"doc":"[^"]*quoting.txt"' "$tmp/out" | grep -c '"type":"p_value"')" != 2 ]; then
        bad "$name: records of the good input missing"; return
    fi
    ok
}

: >"$tmp/empty.txt"
run empty-file 0 "" "$tmp/empty.txt"

head -c 65536 /dev/urandom >"$tmp/garbage.bin" 2>/dev/null ||
    dd if=/dev/urandom of="$tmp/garbage.bin" bs=1024 count=64 2>/dev/null
run binary-garbage 0 "" "$tmp/garbage.bin"

printf 'P=0.01 \300\257 overlong \355\240\200 surrogate\n' >"$tmp/overlong.txt"
run invalid-utf8 0 "" "$tmp/overlong.txt"

run missing-file 1 "no-such-file: No such file or directory" "$tmp/no-such-file"

printf '<PubmedArticleSet><PubmedArticle><MedlineCitation>' >"$tmp/trunc.xml"
run truncated-xml 1 "trunc.xml:[0-9]+:" "$tmp/trunc.xml"

# An external entity naming a local file: the file is never opened.
printf 'CANARY-9d1e' >"$tmp/secret.txt"
cat >"$tmp/xxe.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet [<!ENTITY x SYSTEM "file://$tmp/secret.txt">]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>
<ArticleTitle>P = 0.5 &x;</ArticleTitle></Article></MedlineCitation>
</PubmedArticle></PubmedArticleSet>
XML
run external-entity 0 "" "$tmp/xxe.xml"
if grep -q CANARY "$tmp/out"; then bad "external entity content leaked"; else ok; fi
if command -v strace >/dev/null 2>&1; then
    strace -f -e trace=open,openat -o "$tmp/trace" \
        "$TRIALMINE" extract "$tmp/xxe.xml" >/dev/null 2>&1
    if grep -q 'secret.txt' "$tmp/trace"; then
        bad "external entity file was opened"
    else
        ok
    fi
fi

# Output to a full disk: the write error is reported, exit 4.
if [ -w /dev/full ]; then
    "$TRIALMINE" extract "$good" >/dev/full 2>"$tmp/err"
    st=$?
    if [ "$st" = 4 ] && grep -q "write error" "$tmp/err"; then ok; else
        bad "/dev/full: exit $st"; cat "$tmp/err"; fi
fi

# A user pattern with catastrophic backtracking: bounded, named, and the
# shipped patterns still produce their records.
cat >"$tmp/evil.pat" <<'PAT'
pattern evil
    type p_value
    regex (?<value> (?: \d+ )+ ) x
PAT
printf '%s and n=1 x\n' "$(head -c 3000 /dev/zero | tr '\0' 1)" >"$tmp/ones.txt"
run catastrophic-pattern 0 "evil.pat:evil: .*limit" -p "$tmp/evil.pat" "$tmp/ones.txt"

echo "hostile: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
