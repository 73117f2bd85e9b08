#!/bin/sh
# SPDX-License-Identifier: MIT
# The study table: (1) a hand-written review of three trials gives the
# rows a reviewer would copy by hand, arms named three different ways;
# (2) on the project corpus the table scores at least its floors against
# the hand-made corpus/studies/gold.csv; (3) `run` writes DIR/studies.csv;
# (4) examples/meta-analysis.R reads the table and pools it with metafor,
# leaving out (and naming) a meta-analysis's own rows, when Rscript and
# metafor are installed (.ci/run installs them).
set -u
: "${TRIALMINE:?set TRIALMINE to the trialmine binary}"
top=${TM_TOP_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
fx=${TM_FIXTURE_DIR:-$top/tests/fixtures}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The study table's mortality rows, for the checks below (python3 finds
# this module through PYTHONPATH).
cat >"$tmp/rows.py" <<'PY'
import csv


def mortality(path):
    """The mortality rows of the study table in the CSV file path."""
    return [r for r in csv.DictReader(open(path, encoding="utf-8"))
            if r["outcome"] == "mortality"]


def one_mortality(path):
    """The one mortality row of path (an assertion if there are more)."""
    rows = mortality(path)
    assert len(rows) == 1, rows
    return rows[0]
PY
PYTHONPATH=$tmp
export PYTHONPATH

"$TRIALMINE" studies "$fx/text/studies.txt" >"$tmp/t.csv" ||
    { echo "studies: exit status $?"; exit 1; }
python3 - "$tmp/t.csv" <<'PY' || exit 1
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
by = {r["study"]: r for r in rows}
def want(study, **cells):
    r = by.get(study)
    assert r is not None, f"no row for {study}: {list(by)}"
    for k, v in cells.items():
        assert r[k] == v, f"{study}: {k} is {r[k]!r}, want {v!r}\n{r}"
# Arms named after the values ("15% in the MSC group"), sizes named before
# them ("MSCs (n = 20) or placebo (n = 20)"); events derived from 15% of 20.
want("Alpha et al. [1]", outcome="mortality", timepoint="28-day",
     n_total="40", n_treatment="20", n_control="20", pct_treatment="15",
     pct_control="35", events_treatment="3", events_control="7",
     p_value="0.14")
assert "derived" in by["Alpha et al. [1]"]["notes"]
# Counts as "n of N" with arm words after them.
want("[2]", timepoint="28-day", n_total="60", events_treatment="6",
     n_treatment="30", events_control="12", n_control="30", p_value="0.08")
# "25% vs 50%" with no arm named: order, and the notes say so; no events
# without arm sizes.
want("Gamma et al. [3]", pct_treatment="25", pct_control="50",
     events_treatment="", events_control="", dose_value="2000000",
     dose_unit="cells/kg", n_total="12")
assert "order" in by["Gamma et al. [3]"]["notes"]
# A study with only its size still gets a row, without an outcome.
want("Delta et al. [4]", outcome="", n_total="9")
# Every source offset names a record of the right type.
for r in rows:
    for s in r["source"].split():
        t, span = s.split("@")
        a, b = map(int, span.split("-"))
        assert t in ("mortality", "survival", "sample_size", "p_value", "dose") and a < b, s
print(f"studies: fixture review: {len(rows)} rows as a reviewer reads them")
PY

# A percentage trialmine computed ("34 of 115": 29.5652...) is written
# rounded as a paper would print it, never with 15 decimals.
printf '%s\n' 'Results: By day 28, 34 of 115 patients in the MSC group and 46 of 221 patients in the placebo group had died.' >"$tmp/pct.txt"
"$TRIALMINE" studies --csv-raw "$tmp/pct.txt" >"$tmp/pct.csv" || exit 1
python3 - "$tmp/pct.csv" <<'PY' || exit 1
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
r = [r for r in rows if r["outcome"] == "mortality"]
assert len(r) == 1, rows
assert (r[0]["pct_treatment"], r[0]["pct_control"]) == ("29.6", "20.8"), r[0]
assert (r[0]["events_treatment"], r[0]["n_treatment"]) == ("34", "115"), r[0]
PY
# A value after "and" is not the arm's named before the "and": with one
# value found ("few patients in the MSC group and 46 of 221 patients in
# the placebo group had died"), the 46 is the control's, never swapped.
printf '%s\n' 'Results: By day 28, few patients in the MSC group and 46 of 221 patients in the placebo group had died.' >"$tmp/one.txt"
"$TRIALMINE" studies --csv-raw "$tmp/one.txt" >"$tmp/one.csv" || exit 1
python3 - "$tmp/one.csv" <<'PY' || exit 1
import sys
from rows import mortality
r = mortality(sys.argv[1])
assert len(r) == 1 and r[0]["events_control"] == "46" and \
    r[0]["events_treatment"] == "", r
PY

# A count and the percentage the sentence prints for it are one value,
# and a bracket "(A% vs B%)" after both arms were named is theirs in the
# order named: "4 of 28 ... in the cell arm and 9 of 29 ... in the
# placebo arm (14.3% vs 31.0%)" is 4/28 = 14.3% treatment, never swapped
# to the placebo arm that stands nearest the bracket.
printf '%s\n' 'Results: Deaths by day 28 occurred in 4 of 28 patients in the cell arm and in 9 of 29 patients in the placebo arm (14.3% vs 31.0%; p = 0.21).' >"$tmp/bracket.txt"
"$TRIALMINE" extract "$tmp/bracket.txt" >"$tmp/bracket.jsonl" || exit 1
"$TRIALMINE" studies --csv-raw "$tmp/bracket.txt" >"$tmp/bracket.csv" || exit 1
python3 - "$tmp/bracket.jsonl" "$tmp/bracket.csv" <<'PY' || exit 1
import csv, json, sys
m = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
m = [(r["value"], r.get("events"), r.get("total")) for r in m
     if r["type"] == "mortality"]
assert m == [(14.3, 4, 28), (31, 9, 29)], m
from rows import one_mortality
r = one_mortality(sys.argv[2])
assert (r["events_treatment"], r["n_treatment"], r["pct_treatment"]) == \
    ("4", "28", "14.3"), r
assert (r["events_control"], r["n_control"], r["pct_control"]) == \
    ("9", "29", "31"), r
assert r["check"] != "", r
PY

# Review findings (2026-12-06): a count that printed its own percentage
# keeps it ("1 of 4 (25%) ... versus 25%"); a percentage outside a bracket
# after the count is another value ("9 of 29 ... died, compared with 31%
# overall"); "Compared with placebo, ... with MSC (14.3% vs 31.0%)" puts
# 14.3 on MSC, not on the placebo the sentence opens with.
printf '%s\n' 'Results: Mortality was 1 of 4 (25%) in the treatment group versus 25% in the control group.' \
    'Results: Of the patients, 9 of 29 in the placebo arm died, compared with 31% overall.' >"$tmp/merge.txt"
"$TRIALMINE" extract "$tmp/merge.txt" >"$tmp/merge.jsonl" || exit 1
python3 - "$tmp/merge.jsonl" <<'PY' || exit 1
import json, sys
m = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
m = [(r["value"], r.get("events"), r.get("group")) for r in m
     if r["type"] == "mortality"]
assert (25, 1, "treatment") in m and (25, None, "control") in m, m
assert (31, None, None) in m and any(e == 9 for _, e, _ in m), m
PY
printf '%s\n' 'Results: Compared with placebo, mortality was lower with MSC (14.3% vs 31.0%).' >"$tmp/opens.txt"
"$TRIALMINE" studies --csv-raw "$tmp/opens.txt" >"$tmp/opens.csv" || exit 1
python3 - "$tmp/opens.csv" <<'PY' || exit 1
import sys
from rows import mortality
r = mortality(sys.argv[1])
assert len(r) == 1 and (r[0]["pct_treatment"], r[0]["pct_control"]) == \
    ("14.3", "31"), r
PY

# Comparison columns that disagree on the reference ("B vs A low" beside
# "A high vs B") name no control: no row takes an arm for one by them.
sed -e 's#<th>Inhaler A low dose vs Inhaler B</th>#<th>Inhaler B vs Inhaler A low dose</th>#' \
    "$top/tests/golden/studies-comparison-columns/compare.nxml" >"$tmp/reversed.nxml"
"$TRIALMINE" studies --csv-raw "$tmp/reversed.nxml" >"$tmp/reversed.csv" || exit 1
python3 - "$tmp/reversed.csv" <<'PY' || exit 1
import sys
from rows import mortality
r = mortality(sys.argv[1])
assert not any(x["control_label"] == "Inhaler A low dose" for x in r), r
PY

# The trial's arms, named where it was randomized, name values anywhere:
# "in the levosimendan group" is the treatment arm because the trial model
# has levosimendan as an arm that is not the control.
printf '%s\n' 'Methods: We randomized 120 adults to levosimendan (n = 60) or placebo (n = 60).' \
    'Results: By day 30, 5 of 60 patients in the levosimendan group had died. By day 30, 9 of 60 patients in the placebo group had died.' >"$tmp/named.txt"
"$TRIALMINE" studies --csv-raw "$tmp/named.txt" >"$tmp/named.csv" || exit 1
python3 - "$tmp/named.csv" <<'PY' || exit 1
import sys
from rows import mortality
r = mortality(sys.argv[1])
assert len(r) == 1 and (r[0]["events_treatment"], r[0]["events_control"]) == \
    ("5", "9") and r[0]["check"] == "", r
PY

# A second value the text gives for a cell (the analysed arm beside the
# randomized one, a second percentage of deaths) sends a reviewer to it:
# the check column names the cell and the other value.
cat >"$tmp/second.txt" <<'EOF'
Methods: We randomized 120 adults to levosimendan (n = 60) or placebo (n = 60).
Results: By day 30, 5 of 60 patients in the levosimendan group had died. By day 30, 9 of 60 patients in the placebo group had died. The analysis included 58 patients in the levosimendan group and 59 patients in the placebo group. Mortality by day 30 was 12% in the levosimendan group.
EOF
"$TRIALMINE" studies --csv-raw "$tmp/second.txt" >"$tmp/second.csv" || exit 1
python3 - "$tmp/second.csv" <<'PY' || exit 1
import sys
from rows import one_mortality
r = one_mortality(sys.argv[1])
assert (r["n_treatment"], r["pct_treatment"]) == ("60", "8.3"), r
assert "n_treatment: the text also gives 58" in r["check"], r
assert "n_control: the text also gives 59" in r["check"], r
assert "pct_treatment: the text also gives 12%" in r["check"], r
assert "pct_control" not in r["check"], r
PY

# The review page marks every cell a flag names, also when one flag
# names several ("effect_value, ci_low, ci_high: the text also gives
# 0.61": a crude and an adjusted estimate of the same comparison).
cat >"$tmp/twoest.txt" <<'EOF'
Methods: We randomized 120 adults to levosimendan (n = 60) or placebo (n = 60).
Results: By day 30, 5 of 60 patients in the levosimendan group and 9 of 60 patients in the placebo group had died (RR 0.56, 95% CI 0.20 to 1.56). Adjusted for age, the relative risk of death by day 30 was 0.61 (95% CI 0.22 to 1.70).
EOF
"$TRIALMINE" report -o "$tmp/twoest.html" "$tmp/twoest.txt" || exit 1
python3 - "$tmp/twoest.html" <<'PY' || exit 1
import html.parser, sys

class Table(html.parser.HTMLParser):
    """The study table's header and each row's cells (class, title)."""
    def __init__(self):
        super().__init__()
        self.head, self.rows, self.cell = [], [], None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td") and self.rows is not None:
            self.cell = [tag, a.get("class", ""), a.get("title", ""), ""]
    def handle_data(self, data):
        if self.cell is not None:
            self.cell[3] += data
    def handle_endtag(self, tag):
        if tag in ("th", "td") and self.cell is not None and self.rows:
            self.rows[-1].append(self.cell)
            self.cell = None

t = Table()
t.feed(open(sys.argv[1], encoding="utf-8").read())
head = next(r for r in t.rows if r and r[0][0] == "th" and r[0][3] == "study")
cols = [c[3] for c in head]
flagged = [r for r in t.rows if len(r) == len(cols) and r[0][0] == "td" and
           "the text also gives 0.61" in r[cols.index("check")][3]]
assert flagged, "no row flags the second estimate"
for name in ("effect_value", "ci_low", "ci_high"):
    c = flagged[0][cols.index(name)]
    assert "flag" in c[1] and "0.61" in c[2], (name, c)
assert "flag" not in flagged[0][cols.index("p_value")][1], flagged[0]
PY

# Documents NAME1.txt, NAME2.txt ... in $tmp: the methods line, then
# "Results: " and one line of standard input each.
phrasings() {
    i=0
    while IFS= read -r line; do
        i=$((i + 1))
        printf '%s\n' "$2" "Results: $line" >"$tmp/$1$i.txt"
    done
}

# One result in ten phrasings (own wording): wherever a row fills both
# arms, the treatment arm holds vasopressin's 12 of 40 (30%) and the
# control placebo's 16 of 40 (40%), never the reverse.  The first had
# been swapped: its bracket "(30% vs 40%)" opens after "had died", not
# right after the second arm's name.
phrasings phrase 'Methods: We randomly assigned 80 adults with septic shock to vasopressin (n = 40) or placebo (n = 40).' <<'EOF'
At 28 days, 12 of 40 patients given vasopressin and 16 of 40 given placebo had died (30% vs 40%; P = 0.35).
Twenty-eight-day mortality was 30% with vasopressin and 40% with placebo (risk ratio 0.75, 95% CI 0.41 to 1.37).
Death by day 28 occurred in 16 (40%) placebo and 12 (30%) vasopressin recipients.
By day 28, twelve patients in the vasopressin group and sixteen in the placebo group had died.
Mortality at 28 days: vasopressin 12/40 (30.0%), placebo 16/40 (40.0%).
The 28-day death rates were 40% and 30% in the placebo and vasopressin groups, respectively.
Of the 40 patients who received placebo, 16 died within 28 days, compared with 12 of the 40 who received vasopressin.
Sixteen of 40 placebo recipients and 12 of 40 vasopressin recipients died by day 28.
The numbers of deaths by day 28 were 12 and 16 in the vasopressin and placebo groups, respectively.
By day 28 there had been 16 and 12 deaths in the placebo and vasopressin groups, respectively.
Twenty-eight-day mortality was 30 and 40% in the vasopressin and placebo groups, respectively.
Twenty-eight-day mortality was 30% and 16 deaths in the vasopressin and placebo groups, respectively.
Twenty-eight-day mortality was thirty and 40% in the vasopressin and placebo groups, respectively.
EOF
"$TRIALMINE" studies --csv-raw "$tmp"/phrase*.txt >"$tmp/phrases.csv" || exit 1
python3 - "$tmp/phrases.csv" <<'PY' || exit 1
import csv, sys
both = 0
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if r["outcome"] != "mortality":
        continue
    for t, c, want in (("events_treatment", "events_control", ("12", "16")),
                       ("pct_treatment", "pct_control", ("30", "40"))):
        if r[t] and r[c]:
            both += 1
            assert (r[t], r[c]) == want, (r["doc"], t, r[t], r[c])
assert both >= 12, both
# The risk ratio in the sentence of the arms' percentages is their row's,
# not a second row of its own.
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))
        if r["outcome"] == "mortality" and r["doc"].endswith("phrase2.txt")]
assert [(r["timepoint"], r["pct_treatment"], r["effect_value"]) for r in rows] \
    == [("28-day", "30", "0.75")], rows
# "30 and 40%": the first number shares the second's percent sign (it had
# been no value, and the 40 went to the treatment arm).
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))
        if r["outcome"] == "mortality" and r["doc"].endswith("phrase11.txt")]
assert [(r["pct_treatment"], r["pct_control"]) for r in rows] \
    == [("30", "40")], rows
# A value whose partner in "respectively" was not read is not the arm
# named next to it ("... 16 deaths in the vasopressin and placebo groups,
# respectively": the 16 had gone to vasopressin, and "thirty and 40%"
# gave vasopressin the 40%).
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if r["doc"].endswith(("phrase12.txt", "phrase13.txt")):
        assert r["events_treatment"] != "16" and r["pct_treatment"] != "40", r
PY

# Forty-five more phrasings in our own words (tests/fixtures/text/):
# arm-phrasings.txt, thirty of vasopressin 12 of 40 (30%) against placebo
# 16 of 40 (40%), and arm-phrasings-msc.txt, fifteen of MSC 5 of 31
# (16.1%) against placebo 11 of 30 (36.7%), placebo named first in the
# methods.  No cell may hold anything but its own arm's number, and at
# least 26 and 13 rows have both arms' counts or percentages.  Seven were
# swapped before four rules: a value in a bracket right after an arm's
# name is that arm's ("Compared with placebo (16 deaths, 40%)"), unless
# the bracket holds both compared values ("than with placebo (16.1% and
# 36.7%)"); two arms named together and two values together pair in
# order ("in the placebo and vasopressin groups was 40% and 30%");
# "reduced mortality from 40% to 30%" gives the named arm the second
# value; and an arm's name counts in the plural ("MSCs").
phrasings arm 'Methods: We randomly assigned 80 adults with septic shock to vasopressin (n = 40) or placebo (n = 40).' <"$fx/text/arm-phrasings.txt"
phrasings msc 'Methods: Adults with ARDS were randomized to placebo (n = 30) or MSC (n = 31).' <"$fx/text/arm-phrasings-msc.txt"
phrasings trap 'Methods: We randomly assigned 80 adults with septic shock to vasopressin (n = 40) or placebo (n = 40).' <"$fx/text/arm-phrasings-traps.txt"
"$TRIALMINE" studies --csv-raw "$tmp"/arm[0-9]*.txt >"$tmp/arms.csv" || exit 1
"$TRIALMINE" studies --csv-raw "$tmp"/msc[0-9]*.txt >"$tmp/msc.csv" || exit 1
python3 - "$tmp/arms.csv" "$tmp/msc.csv" <<'PY' || exit 1
import sys
from rows import mortality
for path, (et, pt, ec, pc), least in (
        (sys.argv[1], ("12", "30", "16", "40"), 26),
        (sys.argv[2], ("5", "16.1", "11", "36.7"), 13)):
    right = 0
    for r in mortality(path):
        t = (r["events_treatment"], r["pct_treatment"])
        c = (r["events_control"], r["pct_control"])
        # (no other number either: "Twenty-eight patients died (placebo,
        # 16; ...)" is a total, no arm's)
        assert t[0] in ("", et) and t[1] in ("", pt) and \
            c[0] in ("", ec) and c[1] in ("", pc), (r["doc"], t, c)
        right += (t[0], c[0]) == (et, ec) or (t[1], c[1]) == (pt, pc)
    assert right >= least, (path, right)
PY
# Traps (tests/fixtures/text/arm-phrasings-traps.txt, a review's probes):
# the comparator named first and cut off by a comma ("Compared with
# placebo, vasopressin reduced 28-day mortality (30% vs 40%)"), arm names
# in another clause, and a change within one arm ("In the vasopressin
# group, mortality fell from 40% to 30%") gave swaps or made up the
# other arm's value; no cell may hold another arm's number, and the last
# four (changes within one arm; "superior to placebo (mortality reduced
# to 30%)") no arm's at all.
"$TRIALMINE" studies --csv-raw "$tmp"/trap[0-9]*.txt >"$tmp/traps.csv" || exit 1
python3 - "$tmp/traps.csv" <<'PY' || exit 1
import sys
from rows import mortality
for r in mortality(sys.argv[1]):
    cells = (r["events_treatment"], r["pct_treatment"],
             r["events_control"], r["pct_control"])
    if r["doc"].endswith(("trap9.txt", "trap10.txt", "trap11.txt",
                          "trap12.txt")):
        assert cells == ("", "", "", ""), (r["doc"], cells)
    else:
        assert cells[0] in ("", "12") and cells[1] in ("", "30") and \
            cells[2] in ("", "16") and cells[3] in ("", "40"), (r["doc"], cells)
PY

# Deaths counted per arm with no denominator ("Nine deaths (3 in the
# levosimendan group and 6 in the placebo group)") fill the arms' events,
# with the trial's randomized arm sizes, and the check column says so.
printf '%s\n' 'Methods: We randomized 120 adults to levosimendan (n = 60) or placebo (n = 60).' \
    'Results: Nine deaths occurred during the study (3 in the levosimendan group and 6 in the placebo group).' >"$tmp/deaths.txt"
"$TRIALMINE" studies --csv-raw "$tmp/deaths.txt" >"$tmp/deaths.csv" || exit 1
python3 - "$tmp/deaths.csv" <<'PY' || exit 1
import sys
from rows import one_mortality
r = one_mortality(sys.argv[1])
assert (r["events_treatment"], r["n_treatment"], r["events_control"],
        r["n_control"], r["pct_treatment"]) == ("3", "60", "6", "60", ""), r
assert "a count of deaths" in r["check"], r
PY

# An active comparator inside the treatment's name: "formoterol" is the
# control because "budesonide/formoterol" is it with a drug added (the
# row had no arm sides at all before), and its name inside the
# treatment's label is not a mention of the control arm (the control had
# been given the treatment's 58 patients, in all three phrasings).
phrasings addon 'Methods: We randomized 115 adults to budesonide/formoterol (n = 58) or formoterol (n = 57).' <<'EOF'
Mortality at week 12 was 3.4% with budesonide/formoterol and 12.3% with formoterol.
At week 12, deaths numbered 2 (3.4%) in budesonide/formoterol patients and 7 (12.3%) in formoterol patients.
Death by week 12: budesonide/formoterol 2/58 (3.4%), formoterol 7/57 (12.3%).
EOF
# And two arms whose names start with the same word, on two sides: the
# word names neither ("bimatoprost" had stood for "bimatoprost PF", so the
# control arm's deaths went to no arm).
phrasings addon-same-word 'Methods: We randomized 597 adults to bimatoprost PF (n = 302) or bimatoprost (n = 295).' <<'EOF'
By week 12, 4 (1.3%) bimatoprost PF patients and 9 (3.1%) bimatoprost patients had died.
EOF
"$TRIALMINE" studies --csv-raw "$tmp"/addon*.txt >"$tmp/addon.csv" || exit 1
python3 - "$tmp/addon.csv" <<'PY' || exit 1
import sys
from rows import mortality
rows = mortality(sys.argv[1])
assert len(rows) == 4, rows
for r in rows:
    if r["doc"].endswith("addon-same-word1.txt"):
        want = ("bimatoprost PF", "bimatoprost",
                "4", "302", "9", "295", "1.3", "3.1")
    else:
        want = ("budesonide/formoterol", "formoterol",
                "2", "58", "7", "57", "3.4", "12.3")
    got = tuple(r[k] for k in ("treatment_label", "control_label",
                               "events_treatment", "n_treatment",
                               "events_control", "n_control",
                               "pct_treatment", "pct_control"))
    assert got == want, (r["doc"], got)
PY

# The control's name inside other wordings of the combination
# ("metformin + sitagliptin", "formoterol with budesonide",
# "preservative-free bimatoprost") is no mention of the control: such a
# value had gone to the control.  A value may go nowhere, never to the
# other arm.
while IFS='|' read -r name arms result want; do
    printf '%s\n' "Methods: Adults were randomized to $arms." "Results: $result" \
        >"$tmp/inside-$name.txt"
    printf '%s\n' "$want" >"$tmp/inside-$name.want"
done <<'EOF'
a|metformin plus sitagliptin (n = 40) or metformin (n = 40)|Mortality was 5% with metformin + sitagliptin and 10% with metformin.|5,10
b|metformin plus sitagliptin (n = 40) or metformin (n = 40)|Mortality was 5% with metformin and sitagliptin and 10% with metformin.|5,10
c|budesonide/formoterol (n = 58) or formoterol (n = 57)|By week 12, 2 (3.4%) patients on formoterol with budesonide and 7 (12.3%) on formoterol had died.|3.4,12.3
d|bimatoprost PF (n = 302) or bimatoprost (n = 295)|By week 12, 4 (1.3%) patients on preservative-free bimatoprost and 9 (3.1%) on bimatoprost had died.|1.3,3.1
EOF
for name in a b c d; do
    "$TRIALMINE" studies --csv-raw "$tmp/inside-$name.txt" >"$tmp/inside-$name.csv" || exit 1
    python3 - "$tmp/inside-$name.csv" "$(cat "$tmp/inside-$name.want")" <<'PY' || exit 1
import sys
from rows import mortality
t, c = sys.argv[2].split(",")
for r in mortality(sys.argv[1]):
    assert r["pct_treatment"] in ("", t) and r["pct_control"] in ("", c), \
        (sys.argv[1], r["pct_treatment"], r["pct_control"])
PY
done

# A total of deaths before its breakdown is no arm's: "Eight deaths (7 in
# the BTH1677 arm; 1 in the Control arm)" had given BTH1677 8 deaths of
# 61 beside its 7 (the trial model took the first arm named after the
# count, past the 7).
printf '%s\n' 'Methods: Patients were randomized to BTH1677 (n = 61) or control (n = 31).' \
    'Results: Eight deaths (7 in the BTH1677 arm; 1 in the Control arm) were reported within 30 days of the last dose.' >"$tmp/total.txt"
"$TRIALMINE" extract "$tmp/total.txt" >"$tmp/total.jsonl" || exit 1
python3 - "$tmp/total.jsonl" <<'PY' || exit 1
import json, sys
got = sorted((r["group"], r["events"], r["total"])
             for r in map(json.loads, open(sys.argv[1]))
             if r["type"] == "mortality")
assert got == [("BTH1677", 7, 61), ("control", 1, 31)], got
PY

# Records carry the arm's name as written (group) once linked.
"$TRIALMINE" extract "$fx/text/studies.txt" >"$tmp/r.jsonl" || exit 1
python3 - "$tmp/r.jsonl" <<'PY' || exit 1
import json, sys
g = [(r["type"], r["value"], r.get("group")) for r in map(json.loads, open(sys.argv[1]))
     if r["type"] == "mortality"]
assert g[:4] == [("mortality", 15, "MSC"), ("mortality", 35, "placebo"),
                 ("mortality", 20, "MSC-treated"), ("mortality", 40, "control")], g
print("studies: mortality records name their arm (group)")
PY

# A PMC review: citations resolve through the reference list to pmids.
"$TRIALMINE" studies "$top/corpus/pmc/PMC9900001.nxml" >"$tmp/pmc.csv" || exit 1
python3 - "$tmp/pmc.csv" <<'PY' || exit 1
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
refs = {r["study"]: r["study_ref"] for r in rows}
assert refs.get("Wilson et al. [1]") == "pmid:90000001", refs
assert refs.get("Shu et al. [5]") == "pmid:90000006", refs
print(f"studies: JATS review: {sum(1 for v in refs.values() if v.startswith('pmid:'))} studies resolved to pmids")
PY

# The seed review (when ../shared is beside the project): the issue's rows.
seed="$top/../shared/seeds/001_5b48aa60057dbc90.txt"
if [ -f "$seed" ]; then
    "$TRIALMINE" studies "$seed" >"$tmp/seed.csv" || exit 1
    python3 - "$tmp/seed.csv" <<'PY' || exit 1
import csv, sys
by = {r["study"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
def want(study, **cells):
    r = by.get(study)
    assert r is not None, f"no row for {study}: {list(by)}"
    for k, v in cells.items():
        assert r[k] == v, f"{study}: {k} is {r[k]!r}, want {v!r}"
want("Zheng et al. [30]", n_total="12", dose_value="1000000", dose_unit="cells/kg")
want("Dilogo et al. [34]", n_total="20", dose_value="1000000", dose_unit="cells/kg")
want("Simonson et al. [43]", n_total="2", dose_value="2000000", dose_unit="cells/kg")
want("Kaushal et al. [45]", n_total="12", n_subgroup="9", outcome="mortality",
     pct_treatment="22.2", pct_control="48.4", p_value="0.25")
want("The EOLIA trial [13]", outcome="mortality", timepoint="60-day",
     pct_treatment="35", pct_control="46", p_value="0.09")
print("studies: seed review: Zheng, Dilogo, Simonson, Kaushal and EOLIA rows as the issue asks")
PY
else
    echo "studies: $seed not found; seed check skipped"
fi

# BioC JSON: one collection; every annotation's location (code points)
# slices its passage to the annotation's text, multibyte OCR text and a
# JATS article included; the byte offsets ride along in the infons.
"$TRIALMINE" extract -f bioc "$fx/text/ocr_damage.txt" \
    "$top/corpus/pmc/PMC9900001.nxml" >"$tmp/b.json" || exit 1
python3 - "$tmp/b.json" "$fx/text/ocr_damage.txt" <<'PY' || exit 1
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
raw = open(sys.argv[2], "rb").read()
assert len(c["documents"]) == 2, len(c["documents"])
n = 0
for d in c["documents"]:
    for p in d["passages"]:
        for a in p["annotations"]:
            loc = a["locations"][0]
            rel = loc["offset"] - p["offset"]
            assert p["text"][rel:rel + loc["length"]] == a["text"], a
            n += 1
a = c["documents"][0]["passages"][0]["annotations"][0]
b0, b1 = int(a["infons"]["byte_start"]), int(a["infons"]["byte_end"])
assert raw[b0:b1].decode("utf-8") == a["text"], a
assert a["infons"]["type"] == "dose" and a["infons"]["value"] == "1000000", a
print(f"studies: BioC: {n} annotations, every location slices its text")
PY

# A count no trial has (found by fuzz_extract: it overflowed a long long
# and printed -9223372036854775808) leaves its cell empty.
"$TRIALMINE" studies "$fx/text/huge-count.txt" >"$tmp/h.csv" ||
    { echo "studies: huge count: exit status $?"; exit 1; }
python3 - "$tmp/h.csv" <<'PY' || exit 1
import csv, sys
(r,) = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert r["n_treatment"] == "" and r["n_control"] == "10", r
assert not any(v.startswith("-") for v in r.values()), r
print("studies: an impossible count leaves its cell empty")
PY

# The corpus against the hand-made study gold (floors: a fall below them
# is a regression to look at, not noise).
(cd "$top" && "$TRIALMINE" studies -q corpus/docs/t*.txt corpus/docs/r*.txt) \
    >"$tmp/corpus.csv" || { echo "studies: corpus run failed"; exit 1; }
python3 "$top/tests/studies-eval.py" "$top/corpus/studies/gold.csv" \
    "$tmp/corpus.csv" --floor-row-recall 0.95 --floor-cell-precision 0.88 \
    --floor-cell-recall 0.68 || exit 1

# run writes the table next to the records.
"$TRIALMINE" run "mesenchymal stem cells AND ARDS" --offline \
    --cache "$top/corpus/cache" -o "$tmp/out" >"$tmp/run.log" ||
    { cat "$tmp/run.log"; echo "studies: run failed"; exit 1; }
head -1 "$tmp/out/studies.csv" | grep -q '^study,study_ref,doc,outcome,' ||
    { echo "studies: run wrote no study table"; exit 1; }
grep -q "^studies: [1-9][0-9]* rows" "$tmp/run.log" ||
    { echo "studies: run did not report its rows"; exit 1; }

if command -v Rscript >/dev/null 2>&1 &&
    Rscript -e 'quit(status = !requireNamespace("metafor", quietly = TRUE))' \
        >/dev/null 2>&1; then
    Rscript "$top/examples/meta-analysis.R" "$tmp/corpus.csv" \
        "$tmp/forest.png" >"$tmp/r.log" 2>&1 ||
        { cat "$tmp/r.log"; echo "studies: R example failed"; exit 1; }
    grep -q "pooled ratio" "$tmp/r.log" && [ -s "$tmp/forest.png" ] ||
        { cat "$tmp/r.log"; echo "studies: no pooled estimate"; exit 1; }
    grep "pooled ratio" "$tmp/r.log"
    # One comparison per study: k is the number of studies with a full
    # mortality 2x2 row or a reported ratio with its CI, however many rows
    # each has.
    want=$(python3 - "$tmp/corpus.csv" <<'PY'
import csv, sys


def ratio(r):
    try:
        v, lo, hi = (float(r[c]) for c in ("effect_value", "ci_low", "ci_high"))
    except (KeyError, ValueError):
        return False
    return (r.get("effect_measure") in ("RR", "HR", "OR", "IRR")
            and v > 0 and lo > 0 and hi > lo)


rows = csv.DictReader(open(sys.argv[1], newline=""))
keys = {(r["doc"], r["study"]) for r in rows
        if r["outcome"] == "mortality"
        and r.get("design") not in ("review", "meta-analysis")
        and (all(r[c] for c in ("events_treatment", "n_treatment",
                                "events_control", "n_control"))
             or ratio(r))}
print(len(keys))
PY
)
    grep -q "k = $want studies" "$tmp/r.log" ||
        { cat "$tmp/r.log"; echo "studies: R pooled other than one row per study ($want)"; exit 1; }
    # A study with only a reported ratio and its CI pools on the log
    # scale; a study's second row is listed, not pooled.
    {
        echo "study,doc,outcome,timepoint,events_treatment,n_treatment,events_control,n_control,pct_treatment,pct_control,p_value,design,effect_measure,effect_value,ci_low,ci_high"
        echo "A,a,mortality,28-day,10,100,20,100,,,,randomized-parallel,,,,"
        echo "A,a,mortality,90-day,15,100,25,100,,,,randomized-parallel,,,,"
        echo "B,b,mortality,1-year,,,,,,,,randomized-parallel,HR,0.8,0.6,1.07"
    } >"$tmp/ratio.csv"
    Rscript "$top/examples/meta-analysis.R" "$tmp/ratio.csv" >"$tmp/r3.log" 2>&1 &&
        grep -q "k = 2 studies (1 from 2x2 tables as RR, 1 from reported ratios)" "$tmp/r3.log" &&
        grep -q "further comparisons of a study already pooled" "$tmp/r3.log" ||
        { cat "$tmp/r3.log"; echo "studies: R did not pool one row per study with ratios"; exit 1; }
    # The nine real PMC trial reports of ../shared/fixtures/pmc (when
    # ../shared is beside the project): issue 14 asks that at least six
    # real comparisons pool.
    fxp="$top/../shared/fixtures/pmc"
    if [ -f "$fxp/PMC1079844.nxml" ]; then
        "$TRIALMINE" studies -q "$fxp"/PMC*.nxml >"$tmp/fx.csv" &&
            Rscript "$top/examples/meta-analysis.R" "$tmp/fx.csv" \
                >"$tmp/r4.log" 2>&1 ||
            { cat "$tmp/r4.log"; echo "studies: PMC fixtures: R failed"; exit 1; }
        k=$(sed -n 's/^pooled ratio .*k = \([0-9]*\) studies.*/\1/p' "$tmp/r4.log")
        echo "studies: PMC fixtures pool k = ${k:-0} studies"
        [ "${k:-0}" -ge 6 ] ||
            { cat "$tmp/r4.log"; echo "studies: PMC fixtures pool fewer than 6"; exit 1; }
        # Dupont 2009 is a post hoc analysis of a trial: its design says
        # so, its rows' check column warns, and R names it.
        grep -q "secondary-analysis.*design: a secondary analysis of a trial" "$tmp/fx.csv" &&
            grep -A2 "^secondary analyses of a trial" "$tmp/r4.log" | grep -q "Dupont 2009" ||
            { cat "$tmp/r4.log"; echo "studies: PMC fixtures: the post hoc analysis is not named"; exit 1; }
    fi
    # A meta-analysis's own rows are left out, and the script says why.
    g="$top/tests/golden/studies-trial"
    "$TRIALMINE" studies "$g/trial.nxml" "$g/review.nxml" >"$tmp/design.csv"
    Rscript "$top/examples/meta-analysis.R" "$tmp/design.csv" \
        >"$tmp/r2.log" 2>&1 ||
        { cat "$tmp/r2.log"; echo "studies: R example failed"; exit 1; }
    grep -q "not primary studies, not pooled" "$tmp/r2.log" &&
        grep -q "review.nxml.*meta-analysis" "$tmp/r2.log" ||
        { cat "$tmp/r2.log"; echo "studies: R pooled a meta-analysis row"; exit 1; }
else
    echo "studies: Rscript with metafor not installed; R example not run"
fi
