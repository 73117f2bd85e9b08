#!/bin/sh
# SPDX-License-Identifier: MIT
# Hostile input through the command line: each case asserts a clear
# message, a defined exit status, and that records from good inputs in the
# same run are all present.
. "$(dirname "$0")/testlib.sh"
good="$top/tests/fixtures/text/quoting.txt"

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
# Refused since input kinds are told by content (tests/inputs.sh).
run binary-garbage 1 "garbage.bin: binary data" "$tmp/garbage.bin"

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

# 10,000-deep nesting: refused with a message naming the depth.
python3 -c "
import sys
d = 10000
sys.stdout.write('<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>5</PMID>'
                 '<Article><ArticleTitle>' + '<i>' * d + 'P = 0.5' + '</i>' * d +
                 '</ArticleTitle></Article></MedlineCitation></PubmedArticle>'
                 '</PubmedArticleSet>')" >"$tmp/deep.xml"
run deep-nesting 1 "deep.xml:[0-9]+:.*(depth|deeper)" "$tmp/deep.xml"

# An entity-expansion bomb: contained (refused or left unexpanded), fast.
python3 -c "
import sys
ents = ['<!ENTITY l0 \"lollollollollollollollollollol\">']
for i in range(1, 11):
    ents.append('<!ENTITY l%d \"%s\">' % (i, ('&l%d;' % (i - 1)) * 10))
sys.stdout.write('<?xml version=\"1.0\"?><!DOCTYPE PubmedArticleSet [' + ''.join(ents) +
                 ']><PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>6</PMID>'
                 '<Article><ArticleTitle>&l10;</ArticleTitle></Article></MedlineCitation>'
                 '</PubmedArticle></PubmedArticleSet>')" >"$tmp/bomb.xml"
"$TRIALMINE" text "$tmp/bomb.xml" >"$tmp/bomb.out" 2>"$tmp/bomb.err"
if [ "$(wc -c <"$tmp/bomb.out")" -lt 100000 ]; then ok; else bad "entity bomb expanded"; fi

# A DOCTYPE naming a remote DTD: never fetched (NONET), parsed offline.
cat >"$tmp/remote.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle//EN" "http://192.0.2.7/never/pubmed.dtd">
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>7</PMID><Article>
<ArticleTitle>P = 0.04 offline</ArticleTitle></Article></MedlineCitation>
</PubmedArticle></PubmedArticleSet>
XML
run remote-dtd 0 "" "$tmp/remote.xml"
grep -q '"doc":"pmid:7"' "$tmp/out" && ok || bad "remote-dtd record missing"

# A 100 MB single line: read, normalized and searched, no crash.
python3 -c "
import sys
chunk = 'lorem ipsum dolor sit amet consectetur ' * 1000
n = 100 * 1024 * 1024 // len(chunk)
w = sys.stdout.write
for _ in range(n):
    w(chunk)
w('and P = 0.03 at the very end')" >"$tmp/huge.txt"
run huge-line 0 "" "$tmp/huge.txt"
grep -q '"value":0.03' "$tmp/out" && ok || bad "huge-line: the value at its end is missing"
rm -f "$tmp/huge.txt"

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

finish hostile
