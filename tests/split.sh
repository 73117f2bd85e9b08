#!/bin/sh
# SPDX-License-Identifier: MIT
# -j N reads PubMed and PMC files as record-aligned pieces that the
# workers parse.  Whatever a file holds, the records, the study table,
# the warnings and the exit status must be those of one parser (-j 1):
# a clean file is split (--profile counts the pieces), while a file with
# record end tags inside comments, CDATA and processing instructions, a
# malformed record far into the file, a cut gzip, records without a PMID
# (numbered by their place) and a table too wide for a grid (a parse
# warning) must read the same, the bad ones read again from the first
# piece that did not parse as cut.  No timing is asserted here.
. "$(dirname "$0")/testlib.sh"

python3 "$top/bench/gen.py" pubmed-real 2 "$tmp/clean.xml" >/dev/null &&
    python3 "$top/bench/gen.py" jats 3 "$tmp/jats.xml" >/dev/null || exit 1

# Variants of the clean file, each a known trap for a splitter.
python3 - "$tmp" <<'PY' || exit 1
import re, sys
tmp = sys.argv[1]
src = open(f"{tmp}/clean.xml", encoding="utf-8").read()
recs = list(re.finditer(r"<PubmedArticle>.*?</PubmedArticle>", src, re.S))
assert len(recs) > 200, len(recs)

def edit(name, fn):
    out, last = [], 0
    for i, m in enumerate(recs):
        out.append(src[last:m.start()])
        out.append(fn(i, m.group(0)))
        last = m.end()
    out.append(src[last:])
    open(f"{tmp}/{name}.xml", "w", encoding="utf-8").write("".join(out))

traps = ["<!-- </PubmedArticle> -->", "<![CDATA[ </PubmedArticle> ]]>",
         "<?note </PubmedArticle> ?>"]
# Record end tags where a search finds them and a parser does not, in
# every tenth record from the middle of the file on.
edit("traps", lambda i, r: r.replace(
    "</ArticleTitle>", traps[i % 3] + "</ArticleTitle>", 1)
    if i >= len(recs) // 2 and i % 10 == 0 else r)
# A mismatched tag in a record three quarters into the file: the records
# before it are kept and the message names line and record.
edit("malformed", lambda i, r: r.replace("</ArticleTitle>", "</Title>", 1)
     if i == 3 * len(recs) // 4 else r)
# Every third record without its PMID and DOI: its id is the file's name
# and its place in the file.
edit("nopmid", lambda i, r: re.sub(
    r"<PMID[^>]*>\d+</PMID>|<(ArticleId|ELocationID)[^>]*doi[^>]*>[^<]*</\1>",
    "", r) if i % 3 == 0 else r)
PY
gzip -c "$tmp/clean.xml" | head -c 150000 >"$tmp/cut.xml.gz"

# A table of 250 columns in one article of the middle: a warning raised
# while parsing, which must come out between the same records' warnings.
python3 - "$tmp/jats.xml" <<'PY' || exit 1
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
arts = [i for i in range(len(s)) if s.startswith("</article>", i)]
at = arts[len(arts) // 2]
wide = ("<table-wrap id='W1'><table><tr>" +
        "".join(f"<th>c{i}</th>" for i in range(250)) + "</tr><tr>" +
        "".join(f"<td>{i}</td>" for i in range(250)) +
        "</tr></table></table-wrap>")
body = s.rfind("</body>", 0, at)
assert body > 0
s = s[:body] + wide + s[body:]
open(p, "w", encoding="utf-8").write(s)
PY

run() { # NAME ARGS...
    name=$1
    shift
    "$TRIALMINE" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    echo $? >"$tmp/$name.status"
}

for f in clean traps malformed nopmid jats cut; do
    case $f in
    cut) in=$tmp/cut.xml.gz ;;
    *) in=$tmp/$f.xml ;;
    esac
    for j in 1 2 3; do
        run "$f-j$j" extract -j "$j" "$in"
        run "$f-st-j$j" studies -j "$j" "$in"
    done
    "$TRIALMINE" extract -j 2 --profile "$in" >/dev/null 2>"$tmp/$f.prof"
    for j in 2 3; do
        for what in "$f" "$f-st"; do
            for part in out err status; do
                if cmp -s "$tmp/$what-j1.$part" "$tmp/$what-j$j.$part"; then
                    ok
                else
                    bad "$what: -j $j $part differs from -j 1"
                    diff "$tmp/$what-j1.$part" "$tmp/$what-j$j.$part" |
                        head -5
                fi
            done
        done
    done
done

# pieces SPLIT REREAD: what --profile says of file NAME.
split_is() { # NAME PIECES-AT-LEAST REREAD
    line=$(grep '^split: ' "$tmp/$1.prof")
    p=$(echo "$line" | sed -n 's/^split: \([0-9]*\) piece.*/\1/p')
    r=$(echo "$line" | sed -n 's/.*; \([0-9]*\) file.*/\1/p')
    if [ -z "$p" ] || [ "$p" -lt "$2" ] || [ "$r" != "$3" ]; then
        bad "$1: want >= $2 pieces and $3 read again: ${line:-no split line}"
    else
        ok
    fi
}
split_is clean 4 0
split_is nopmid 4 0
split_is jats 4 0
split_is traps 2 1
split_is malformed 4 1
split_is cut 1 1

# The runs did real work and the bad inputs failed as they should.
n=$(wc -l <"$tmp/clean-j2.out")
[ "$n" -gt 100 ] && ok ||
    bad "clean: only $n records"
for f in malformed cut; do
    [ "$(cat "$tmp/$f-j2.status")" = 1 ] && ok ||
        bad "$f: status $(cat "$tmp/$f-j2.status"), want 1"
done
grep -q "malformed.xml:[0-9]*: .* in record [0-9]* pmid:" \
    "$tmp/malformed-j2.err" && ok ||
    { bad "the malformed record is not named:"; cat "$tmp/malformed-j2.err"; }
# Records from before and after the traps, and from the last record of
# the malformed file's good part.
[ "$(wc -l <"$tmp/traps-j2.out")" -gt 100 ] && ok ||
    bad "traps: too few records"
[ "$(wc -l <"$tmp/malformed-j2.out")" -gt 50 ] && ok ||
    bad "malformed: the records before the break are lost"
grep -q '"doc":"[^"]*nopmid.xml#[0-9]*"' "$tmp/nopmid-j2.out" && ok ||
    bad "nopmid: no record numbered by its place"
grep -q "columns .*kept without column names" "$tmp/jats-j2.err" && ok ||
    bad "jats: no wide-table warning"

finish split
