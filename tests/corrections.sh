#!/bin/sh
# SPDX-License-Identifier: MIT
# corrections.tsv on the command line: applied by record identity in
# extract, studies and report (reject drops the record, edit sets a field
# and the study table's check column names the corrected cell); a line
# that matches nothing is named with its file and line (exit 1); a bad
# line is named with its file and line (exit 3); `corrections diff` lists
# where two reviewers disagree.  The browser round trip is
# tests/report.sh's.
. "$(dirname "$0")/testlib.sh"
cp "$top/tests/fixtures/text/abstract.txt" "$tmp/a.txt"
cd "$tmp" || exit 1
T=$(printf '\t')

line() { printf '%s\n' "$*" | sed "s/|/$T/g"; }

# --- reject and edit, in extract ------------------------------------------
{
    line "doc|type|span|action|edit|note|reviewer|date"
    line "# a comment"
    line "a.txt|p_value|907-915|reject||not an outcome|rv|2026-12-06"
    line "a.txt|mortality|796-809|edit|events=4|recounted|rv|2026-12-06"
    line "a.txt|p_value|852-858|accept|||rv|2026-12-06"
} >c.tsv
"$TRIALMINE" extract a.txt >plain.jsonl 2>err || bad "extract: exit $?"
"$TRIALMINE" extract --corrections c.tsv a.txt >corr.jsonl 2>err
st=$?
[ "$st" = 0 ] && [ ! -s err ] && ok || { bad "extract --corrections: exit $st"; cat err; }
[ "$(wc -l <corr.jsonl)" = $(($(wc -l <plain.jsonl) - 1)) ] && ok ||
    bad "reject: $(wc -l <corr.jsonl) records, want one fewer than $(wc -l <plain.jsonl)"
grep -q '"start":907' corr.jsonl && bad "the rejected record is still written" || ok
grep '"start":796' corr.jsonl | grep -q '"events":4,' && ok ||
    bad "edit events=4 not applied: $(grep '"start":796' corr.jsonl)"
# JSON Lines says which values are the reviewer's.
grep '"start":796' corr.jsonl | grep -q '"reviewed":true,"corrected":\["events"\]}$' &&
    ok || bad "the edited record does not say so"
grep '"start":852' corr.jsonl | grep -q '"reviewed":true}$' && ok ||
    bad "the accepted record does not say so"
# Everything else byte for byte as without corrections.
grep -v '"start":907' plain.jsonl | grep -v '"start":796' |
    grep -v '"start":852' >p.rest
grep -v '"start":796' corr.jsonl | grep -v '"start":852' >c.rest
cmp -s p.rest c.rest && ok || bad "records the corrections do not name changed"

# --- the study table says which cells are the reviewer's -----------------
"$TRIALMINE" studies a.txt >plain.csv 2>/dev/null
"$TRIALMINE" studies --corrections c.tsv a.txt >corr.csv 2>err ||
    bad "studies --corrections: exit $?"
python3 - plain.csv corr.csv <<'PY' && ok || bad "study table cells"
import csv, sys
a = list(csv.DictReader(open(sys.argv[1])))
b = list(csv.DictReader(open(sys.argv[2])))
assert len(a) == len(b) == 1, (a, b)
diff = {k for k in a[0] if a[0][k] != b[0][k]}
assert diff == {"events_treatment", "check"}, diff
assert b[0]["events_treatment"] == "4", b[0]
assert "events_treatment: corrected" in b[0]["check"], b[0]["check"]
PY

# --- a document cut by --max-records: a rejection among the kept ---------
# (the cut keeps its last dropped record in a spare slot that must move
# down with the rejection, or it is freed twice).
{ line "a.txt|sample_size|306-308|reject"; } >cut.tsv
"$TRIALMINE" extract --max-records 10 --corrections cut.tsv a.txt >cut.out 2>err
st=$?
[ "$st" = 1 ] && grep -q "more than 10 records" err && ok ||
    { bad "cut document with a rejection: exit $st"; cat err; }
[ "$(wc -l <cut.out)" = 3 ] && ok || bad "cut: $(wc -l <cut.out) records, want 3"

# --- a document called "doc" is not taken for the header -----------------
cp a.txt doc
{ line "doc|type|span|action"; line "doc|p_value|907-915|reject"; } >doc.tsv
"$TRIALMINE" extract --corrections doc.tsv doc >doc.out 2>err &&
    ! grep -q '"start":907' doc.out && ok ||
    { bad "a correction of a document named doc was skipped"; cat err; }

# --- a correction that matches nothing is named, exit 1 ------------------
{
    line "a.txt|p_value|1-5|reject|||rv|2026-12-06"
    line "other.txt|dose|458-475|accept|||rv|2026-12-06"
} >stale.tsv
"$TRIALMINE" extract --corrections stale.tsv a.txt >out 2>err
st=$?
[ "$st" = 1 ] && ok || bad "stale corrections: exit $st, want 1"
grep -q "^trialmine: stale.tsv:1: no p_value record at 1-5 in a.txt" err && ok ||
    { bad "stale line 1 not named"; cat err; }
grep -q "^trialmine: stale.tsv:2: document other.txt is not in the input" err &&
    ok || { bad "stale line 2 not named"; cat err; }
[ "$(wc -l <out)" = "$(wc -l <plain.jsonl)" ] && ok ||
    bad "records missing when a correction matched nothing"

# --- bad lines: file and line, exit 3 -------------------------------------
bad_line() { # NAME LINE-TEXT MESSAGE-REGEX
    { line "# header"; line "$2"; } >bad.tsv
    "$TRIALMINE" studies --corrections bad.tsv a.txt >out 2>err
    st=$?
    if [ "$st" != 3 ]; then bad "$1: exit $st, want 3"; return; fi
    grep -Eq "^trialmine: corrections: bad.tsv:2: $3" err && ok ||
        { bad "$1: message"; cat err; }
    [ -s out ] && bad "$1: output written despite a bad corrections file" || ok
}
bad_line fields "a.txt|dose" "expected 4 to 8 tab-separated fields"
bad_line span "a.txt|dose|9-x|reject" "span wants START-END"
bad_line backwards "a.txt|dose|9-3|reject" "span wants START-END"
bad_line action "a.txt|dose|1-3|fix" "action wants accept, reject or edit"
bad_line field "a.txt|dose|1-3|edit|colour=red" "unknown field 'colour'"
bad_line number "a.txt|dose|1-3|edit|value=1e999" "value wants a number"
bad_line count "a.txt|dose|1-3|edit|events=-2" "events wants a whole number"
bad_line noedit "a.txt|dose|1-3|edit" "edit wants field=value"
bad_line extra "a.txt|dose|1-3|reject|value=2" "reject takes no field=value"
"$TRIALMINE" extract --corrections no-such.tsv a.txt >out 2>err
st=$?
[ "$st" = 1 ] && grep -q "no-such.tsv" err && ok ||
    bad "a missing corrections file: exit $st, $(cat err)"

# --- two reviewers ---------------------------------------------------------
{
    line "a.txt|mortality|796-809|edit|events=4||one|2026-12-06"
    line "a.txt|p_value|907-915|reject||||"
    line "a.txt|dose|458-475|accept"
} >one.tsv
{
    line "a.txt|dose|458-475|accept|||two|2026-12-07"
    line "a.txt|mortality|796-809|edit|events=3||two|2026-12-07"
    line "a.txt|p_value|761-769|reject|||two|2026-12-07"
} >two.tsv
"$TRIALMINE" corrections diff one.tsv two.tsv >diff.out 2>err
st=$?
[ "$st" = 1 ] && ok || bad "diff of disagreeing files: exit $st"
{
    line "a.txt|p_value|761-769|-|reject"
    line "a.txt|mortality|796-809|edit events=4|edit events=3"
    line "a.txt|p_value|907-915|reject|-"
} >diff.want
cmp -s diff.out diff.want && ok || { bad "diff output"; diff diff.want diff.out; }
"$TRIALMINE" corrections diff one.tsv one.tsv >diff.out 2>err
[ $? = 0 ] && [ ! -s diff.out ] && ok || bad "a file disagrees with itself"
"$TRIALMINE" corrections diff one.tsv >/dev/null 2>err
[ $? = 2 ] && ok || bad "diff with one file: want exit 2"

# --- report takes them too -------------------------------------------------
"$TRIALMINE" report --corrections c.tsv -o page.html a.txt 2>err
st=$?
[ "$st" = 0 ] && ok || { bad "report --corrections: exit $st"; cat err; }
[ "$(grep -o '<mark id=' page.html | wc -l)" = "$(wc -l <corr.jsonl)" ] &&
    ok || bad "report: marks differ from the corrected records"
grep -q 'id="d0r796-809-t-mortality" class="rec t-mortality corr' page.html &&
    ok || bad "report: the edited record is not marked corrected"
grep -q 'id="d0r852-858-t-p_value" class="rec t-p_value acc' page.html &&
    ok || bad "report: the accepted record is not marked accepted"

finish corrections
