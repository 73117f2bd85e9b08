#!/bin/sh
# SPDX-License-Identifier: MIT
# CSV for spreadsheets.  Text cells starting with = + - @ (or a tab or CR)
# are formulas to Excel and LibreOffice: the comparator column is "=" on
# every "P = x" row, and file names reach the doc column raw.  The
# default CSV guards text cells (a leading '), never numbers, so R still
# reads numeric columns, negative ones included, as numbers; --csv-raw
# writes cells as they are.  Checked three ways: every risky cell of the
# default CSV is a number; R's read.csv; and LibreOffice itself, told to
# evaluate formulas on import (as Excel always does), shows the text of
# the default CSV and the formula's result for --csv-raw.  The
# LibreOffice part skips (77) only when soffice is absent.
. "$(dirname "$0")/testlib.sh"
abstract="$top/tests/fixtures/text/abstract.txt"

# Inputs whose names are formulas: a name is data, not code.
mkdir "$tmp/in"
cp "$abstract" "$tmp/in/=1+1"
cp "$abstract" "$tmp/in/@SUM(2,2)"
cp "$abstract" "$tmp/in/-3+3"
cd "$tmp/in" || exit 1

"$TRIALMINE" extract -f csv -- =1+1 @SUM\(2,2\) -3+3 >"$tmp/safe.csv" 2>"$tmp/err" ||
    { bad "extract -f csv failed"; cat "$tmp/err"; }
"$TRIALMINE" extract -f csv --csv-raw -- =1+1 @SUM\(2,2\) -3+3 >"$tmp/raw.csv" 2>"$tmp/err" ||
    { bad "extract -f csv --csv-raw failed"; cat "$tmp/err"; }
"$TRIALMINE" studies -- =1+1 >"$tmp/studies.csv" 2>"$tmp/err" ||
    { bad "studies failed"; cat "$tmp/err"; }
"$TRIALMINE" run --help >/dev/null 2>&1

# 1. Every cell starting with a formula character is a number.
for f in safe.csv studies.csv; do
    python3 - "$tmp/$f" <<'PY' && ok || bad "$f: a text cell starts a formula"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert len(rows) > 1, rows
risky = 0
for row in rows[1:]:
    for cell in row:
        if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
            float(cell)  # a number is fine; text is not
        if cell.startswith("'"):
            risky += 1
assert risky > 0, "nothing was guarded: the fixture lost its risky cells"
PY
done
# The raw CSV keeps cells as they are.
grep -q '^=1+1,' "$tmp/raw.csv" && grep -q ',=,' "$tmp/raw.csv" && ok ||
    bad "--csv-raw: cells changed"
# The guard is the only change: strip it and the raw CSV comes back.
sed "s/^'//; s/,'/,/g; s/,\"'/,\"/g; s/^\"'/\"/" "$tmp/safe.csv" >"$tmp/unguarded.csv"
cmp -s "$tmp/unguarded.csv" "$tmp/raw.csv" && ok || bad "the guard changed more than a leading '"

# 2. R reads numeric columns as numbers, a negative one included.
if command -v Rscript >/dev/null 2>&1; then
    Rscript -e '
        d <- read.csv(commandArgs(TRUE)[1], stringsAsFactors = FALSE, na.strings = "")
        for (col in c("value", "start", "end", "events", "total"))
            stopifnot(is.numeric(d[[col]]))
        stopifnot(all(d$comparator[!is.na(d$comparator)] %in% c("\x27=", "<", ">", "<=", ">=")))
        stopifnot(any(d$doc == "\x27=1+1"))
        s <- read.csv(commandArgs(TRUE)[2], stringsAsFactors = FALSE, na.strings = "")
        for (col in c("n_total", "events_treatment", "n_treatment", "p_value"))
            stopifnot(is.numeric(s[[col]]))
    ' "$tmp/safe.csv" "$tmp/studies.csv" >"$tmp/r.out" 2>&1 && ok ||
        { bad "R read.csv"; cat "$tmp/r.out"; }
fi

# 3. LibreOffice, evaluating formulas on import (token 13 of the CSV
# filter options), converts each CSV to HTML: the default shows text,
# the raw one the formulas' results (which proves the check can fail).
if ! command -v soffice >/dev/null 2>&1; then
    echo "csv: soffice not installed (apt-get install libreoffice-calc-nogui); LibreOffice part skipped"
    finish csv
    [ "$failed" -eq 0 ] && exit 77
    exit 1
fi
filter='CSV:44,34,76,1,,0,false,true,false,false,false,-1,true'
for f in safe raw; do
    HOME="$tmp/home" timeout 120 soffice --headless --norestore \
        -env:UserInstallation="file://$tmp/lo-profile" \
        --infilter="$filter" --convert-to html --outdir "$tmp/lo" \
        "$tmp/$f.csv" >"$tmp/lo.log" 2>&1
    [ -s "$tmp/lo/$f.html" ] || { bad "soffice did not convert $f.csv"; cat "$tmp/lo.log"; }
done
python3 - "$tmp/lo/safe.html" "$tmp/lo/raw.html" <<'PY' && ok || bad "LibreOffice evaluated a cell of the default CSV"
import html, re, sys
def rows(path):
    t = open(path, encoding="utf-8", errors="replace").read()
    return [[html.unescape(re.sub(r"<[^>]*>", "", c)).strip()
             for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
            for r in re.findall(r"<tr[^>]*>(.*?)</tr>", t, re.S)]
safe, raw = rows(sys.argv[1])[1:], rows(sys.argv[2])[1:]
comparator = rows(sys.argv[1])[0].index("comparator")
raw_docs = {r[0] for r in raw}
safe_docs = {r[0].lstrip("'") for r in safe}
# Raw: the doc names were evaluated (1+1 = 2, SUM(2,2) = 4), so this
# import really evaluates formulas.
assert "2" in raw_docs, ("raw CSV: formulas not evaluated; the check proves nothing", raw_docs)
# Default: the names are shown as the text they are, never as results.
assert safe_docs == {"=1+1", "@SUM(2,2)", "-3+3"}, safe_docs
assert any(r[comparator].lstrip("'") == "=" for r in safe), "comparator '=' not shown as text"
PY

finish csv
