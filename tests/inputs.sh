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

# --- 8. kinds by content ------------------------------------------------
"$TRIALMINE" extract "$abstract" >"$tmp/want.jsonl"
values "$tmp/want.jsonl" >"$tmp/want"
for enc in utf16le utf16be utf32le utf32be; do
    if run "$enc" 0 '' "$fx/$enc.txt"; then
        values "$tmp/out" >"$tmp/got"
        cmp -s "$tmp/want" "$tmp/got" && ok ||
            { bad "$enc: p-values differ from the UTF-8 file"; diff "$tmp/want" "$tmp/got"; }
    fi
done
# The decoded text is what offsets index: `text` prints it as UTF-8.
"$TRIALMINE" text --json "$fx/utf16le.txt" >"$tmp/text.json" 2>&1
python3 - "$tmp/text.json" "$abstract" <<'PY' && ok || bad "utf16le: text is not the UTF-8 original"
import json, sys
d = json.loads(open(sys.argv[1]).readline())
assert d["text"] == open(sys.argv[2], encoding="utf-8").read()
PY

run pdf 1 'trial.pdf: .*PDF.*pdftotext -layout' "$fx/trial.pdf"
run html 1 'page.html: .*HTML' "$fx/page.html"
run binary 1 'binary.bin: .*binary' "$fx/binary.bin"
# A UTF-16 file without a BOM is NULs every other byte: binary too.
tail -c +3 "$fx/utf16le.txt" >"$tmp/nobom.txt"
run utf16-without-bom 1 'nobom.txt: .*binary' "$tmp/nobom.txt"
# Latin-1 text (a few invalid bytes) is still text, repaired to U+FFFD.
printf 'Mortality was 15%% in the M\351decins group (P = 0.02).\n' >"$tmp/latin1.txt"
run latin1 0 '' "$tmp/latin1.txt"
# XML cut before its root element, and XML of another kind: refused and
# named (both had been read as plain text, silently: exit 0, no records).
printf '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle//EN" "x.dtd">\n<PubmedArticleSe' >"$tmp/cut.xml"
run xml-cut 1 'cut.xml: XML whose root element is not PubMed.*cut before its root' "$tmp/cut.xml"
printf '<?xml version="1.0"?>\n<!DOCTYPE Pubmed' >"$tmp/cut2.xml"
run xml-cut-doctype 1 'cut2.xml: XML whose root' "$tmp/cut2.xml"
printf '<?xml version="1.0"?>\n<eSearchResult><Count>3</Count></eSearchResult>\n' >"$tmp/esearch.xml"
run xml-other 1 'esearch.xml: XML whose root element is not PubMed' "$tmp/esearch.xml"
# Refused kinds inside gzip are refused the same way.
gzip -c "$fx/trial.pdf" >"$tmp/trial.pdf.gz"
run pdf-gz 1 'trial.pdf.gz: .*pdftotext' "$tmp/trial.pdf.gz"

# BioC: every passage is a section at its own offset, so the code-point
# offsets of `-f bioc` are the input's offsets, and record offsets slice
# the passage text.
for f in trial.bioc.xml trial.bioc.json; do
    if run "$f" 0 '' "$fx/$f"; then
        "$TRIALMINE" extract -f bioc "$fx/$f" >"$tmp/bioc.json" 2>"$tmp/err"
        "$TRIALMINE" extract "$fx/$f" >"$tmp/recs.jsonl" 2>>"$tmp/err"
        "$TRIALMINE" text --json "$fx/$f" >"$tmp/text.json" 2>>"$tmp/err"
        python3 - "$fx/$f" "$tmp/bioc.json" "$tmp/recs.jsonl" "$tmp/text.json" <<'PY' && ok || bad "$f: offsets"
import json, sys, xml.etree.ElementTree as ET
src, bioc, recs, text = sys.argv[1:]
if src.endswith(".json"):
    docs = json.load(open(src))["documents"]
    want = {d["id"]: [(p["offset"], p["text"]) for p in d["passages"]] for d in docs}
else:
    want = {d.findtext("id"): [(int(p.findtext("offset")), p.findtext("text"))
                               for p in d.findall("passage")]
            for d in ET.parse(src).getroot().findall("document")}
got = json.load(open(bioc))["documents"]
assert sorted(d["id"] for d in got) == sorted(want), (list(want), [d["id"] for d in got])
for d in got:
    for p in d["passages"]:
        # every passage of ours lies inside one input passage at the
        # same code-point offset, and annotations slice the input text
        for a in p["annotations"]:
            loc = a["locations"][0]
            hit = [t[loc["offset"] - o:loc["offset"] - o + loc["length"]]
                   for o, t in want[d["id"]]
                   if o <= loc["offset"] and loc["offset"] + loc["length"] <= o + len(t)]
            assert hit and hit[0] == a["text"], (a, hit)
n = sum(len(p["annotations"]) for d in got for p in d["passages"])
assert n >= 4, f"only {n} annotations"
docs = {}
for l in open(text):
    o = json.loads(l)
    docs[o["doc"]] = o["text"].encode()
for l in open(recs):
    r = json.loads(l)
    assert docs[r["doc"]][r["start"]:r["end"]].decode() == r["text"], r
PY
    fi
done
# JSON that looks like BioC but holds no document is said, not silent.
printf '{"documents": [], "note": "empty"}' >"$tmp/empty.bioc.json"
run empty-bioc 0 'empty.bioc.json: BioC JSON without documents' "$tmp/empty.bioc.json"
# The shared PubTator exports read as documents too, when present.
shared="$top/../shared/fixtures/bioc"
if [ -d "$shared" ]; then
    for f in "$shared"/*.bioc.xml "$shared"/*.bioc.json; do
        "$TRIALMINE" text --json "$f" >"$tmp/t.json" 2>"$tmp/err"
        [ $? = 0 ] && [ -s "$tmp/t.json" ] && ! grep -q '"text":"[<{]' "$tmp/t.json" && ok ||
            { bad "$(basename "$f"): not read as BioC"; cat "$tmp/err"; }
    done
fi

finish inputs
