#!/bin/sh
# SPDX-License-Identifier: MIT
# -j N: the same bytes for any number of threads.  One invocation reads
# many documents (a PubMed set big enough for dozens of batches, the same
# set gzip-compressed so the read-ahead thread runs, a PMC article, the
# text corpus, and a PubMed file that breaks half-way), and every output
# format, the study table, the warnings and the exit status must match
# between -j 1, -j 2 and -j 5, with a reviewer's corrections applied too,
# and the HTML report; --profile reports without changing them.
# No timing is asserted here: speed lives in bench/.
set -u
: "${TRIALMINE:?set TRIALMINE to the trialmine binary}"
top=${TM_TOP_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# 40 copies of the 15 corpus records, each copy with its own PMIDs
# (prefixed BASE..BASE+39, so each input's records can be told apart).
gen() { # BASE OUT
    python3 - "$top/corpus/pubmed/msc_ards.xml" "$1" "$2" <<'PY'
import re, sys
src = open(sys.argv[1], encoding="utf-8").read()
base = int(sys.argv[2])
recs = re.findall(r"<PubmedArticle>.*?</PubmedArticle>", src, re.S)
assert len(recs) >= 10, len(recs)
out = ['<?xml version="1.0"?>\n<PubmedArticleSet>\n']
for k in range(base, base + 40):
    for r in recs:
        out.append(re.sub(r'(<PMID[^>]*>)(\d+)',
                          lambda m: f"{m.group(1)}{k}{m.group(2)}", r, 1))
        out.append("\n")
out.append("</PubmedArticleSet>\n")
open(sys.argv[3], "w", encoding="utf-8").write("".join(out))
PY
}
gen 10 "$tmp/big.xml" || exit 1
gen 50 "$tmp/big2.xml" || exit 1
gzip "$tmp/big2.xml"
# Well-formed for about 60 records, then cut off inside one.
gen 90 "$tmp/whole.xml" || exit 1
head -c 300000 "$tmp/whole.xml" >"$tmp/broken.xml"
set -- "$tmp/big.xml" "$tmp/big2.xml.gz" "$top/corpus/pmc/PMC9900001.nxml" \
    "$top"/corpus/docs/*.txt "$tmp/broken.xml"

run() { # NAME ARGS...: stdout, stderr and status of one run
    name=$1
    shift
    "$TRIALMINE" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    echo $? >"$tmp/$name.status"
}

for fmt in jsonl csv bioc; do
    for j in 1 2 5; do
        run "$fmt-j$j" extract -f "$fmt" -j "$j" "$@"
    done
done
for j in 1 2 5; do
    run "studies-j$j" studies -j "$j" "$@"
done
# A reviewer's corrections, applied by the worker threads (which record
# what matched under a lock), and the HTML report: the same bytes too.
python3 - "$tmp/jsonl-j1.out" "$tmp/corr.tsv" <<'PY' || exit 1
import json, sys
out = open(sys.argv[2], "w", encoding="utf-8")
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    r = json.loads(line)
    key = "%s\t%s\t%d-%d" % (r["doc"], r["type"], r["start"], r["end"])
    if i % 7 == 0:
        out.write(key + "\treject\n")
    elif i % 7 == 3 and "value" in r:
        out.write(key + "\tedit\tvalue=%s\tnote\n" % (r["value"] + 1))
    elif i % 7 == 5:
        out.write(key + "\taccept\n")
out.write("pmid:1\tdose\t1-2\treject\n")
PY
for j in 1 2 5; do
    run "corr-j$j" studies -j "$j" --corrections "$tmp/corr.tsv" "$@"
    run "report-j$j" report -j "$j" --corrections "$tmp/corr.tsv" "$@"
done

for what in jsonl csv bioc studies corr report; do
    for j in 2 5; do
        for part in out err status; do
            if ! cmp -s "$tmp/$what-j1.$part" "$tmp/$what-j$j.$part"; then
                echo "FAIL $what: -j $j $part differs from -j 1"
                diff "$tmp/$what-j1.$part" "$tmp/$what-j$j.$part" | head -5
                fail=1
            fi
        done
    done
done

# The runs did real work: records from every input, the break reported
# with exit status 1, and the records before the break kept.
n=$(wc -l <"$tmp/jsonl-j1.out")
[ "$n" -gt 2000 ] || { echo "FAIL: only $n records"; fail=1; }
[ "$(cat "$tmp/jsonl-j2.status")" = 1 ] ||
    { echo "FAIL: status $(cat "$tmp/jsonl-j2.status"), want 1"; fail=1; }
grep -q "broken.xml" "$tmp/jsonl-j2.err" ||
    { echo "FAIL: the broken file is not reported"; fail=1; }
for id in pmid:49 pmid:89 pmcid:PMC9900001 r01_ucmsc pmid:90; do
    grep -q "\"doc\":\"[^\"]*$id" "$tmp/jsonl-j2.out" ||
        { echo "FAIL: no record from the input with $id"; fail=1; }
done

# The corrections did something, and the one that matches nothing is
# named.
grep -q "corrected" "$tmp/corr-j2.out" ||
    { echo "FAIL: no corrected cell in the study table"; fail=1; }
grep -q "corr.tsv:[0-9]*: document pmid:1 is not in the input" \
    "$tmp/corr-j2.err" || { echo "FAIL: the stale correction"; fail=1; }
[ "$(cat "$tmp/report-j2.status")" = 1 ] ||
    { echo "FAIL: report status $(cat "$tmp/report-j2.status")"; fail=1; }

# --profile reports per stage and per pattern, and changes no output.
"$TRIALMINE" extract -j 2 --profile "$tmp/big.xml" >"$tmp/prof.out" \
    2>"$tmp/prof.err"
"$TRIALMINE" extract -j 2 "$tmp/big.xml" >"$tmp/plain.out" 2>/dev/null
cmp -s "$tmp/prof.out" "$tmp/plain.out" ||
    { echo "FAIL: --profile changed the records"; fail=1; }
grep -q "summed over 2 threads" "$tmp/prof.err" &&
    grep -q "^  normalize " "$tmp/prof.err" &&
    grep -Eq "^p_value.pat:[a-z-]+ +[0-9.]+ +[0-9.]+% +[1-9]" "$tmp/prof.err" ||
    { echo "FAIL: --profile output:"; cat "$tmp/prof.err"; fail=1; }
# and the serial part: the reading thread's share of the CPU, between 0
# and 100%, for the .gz also the inflating thread's, and the speed-ups
# Amdahl's law allows for the larger, smallest first.
"$TRIALMINE" extract -j 2 --profile "$tmp/big2.xml.gz" >/dev/null \
    2>"$tmp/profgz.err"
for prof in prof profgz; do
    python3 - "$tmp/$prof.err" "$prof" <<'PY' || { echo "FAIL: --profile serial line ($prof):"; grep serial "$tmp/$prof.err"; fail=1; }
import re, sys
line = next(l for l in open(sys.argv[1]) if l.startswith("serial: "))
m = re.match(r"serial: ([0-9.]+) of ([0-9.]+) CPU seconds \(([0-9.]+)%\)", line)
assert m, line
serial, total, pct = map(float, m.groups())
assert 0 < serial < total and 0 < pct < 100, line
z = re.search(r"and ([0-9.]+) \(([0-9.]+)%\) inflating \.gz input", line)
assert (z is not None) == (sys.argv[2] == "profgz"), line
if z:
    assert 0 < float(z.group(1)) < total, line
    pct = max(pct, float(z.group(2)))
gains = [float(g) for g in re.findall(r"([0-9.]+)x at [0-9]+", line)]
assert len(gains) == 3 and 1 < gains[0] <= gains[1] <= gains[2], line
bound = float(re.search(r"([0-9.]+)x at most", line).group(1))
assert abs(bound * pct / 100 - 1) < 0.02, line  # 1/f, as rounded
PY
done

# An output error mid-way (a full disk) ends the run the same way for
# any N: one message, exit status 4.
if [ -w /dev/full ]; then
    for j in 1 2; do
        "$TRIALMINE" extract -j "$j" "$tmp/big.xml" "$top/corpus/pmc/PMC9900001.nxml" \
            >/dev/full 2>"$tmp/full-j$j.err"
        echo $? >"$tmp/full-j$j.status"
    done
    [ "$(cat "$tmp/full-j2.status")" = 4 ] &&
        cmp -s "$tmp/full-j1.err" "$tmp/full-j2.err" &&
        cmp -s "$tmp/full-j1.status" "$tmp/full-j2.status" ||
        { echo "FAIL: a write error differs between -j 1 and -j 2"; fail=1; }
fi

# A bad -j is a usage error.
"$TRIALMINE" extract -j 0 "$tmp/big.xml" >/dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL: -j 0 is not a usage error"; fail=1; }

[ $fail -eq 0 ] && echo "jobs: -j 1, 2 and 5 agree on $n records"
exit $fail
