#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The trial model against the study-level gold (`_trial` rows).

corpus/real/studies/gold.csv has, blind, one `_trial` row per real trial
report: study_label, registry_id, design, treatment_label, control_label,
n_randomized_total, n_treatment, n_control.  This runs `trialmine
studies` over the documents of one set and compares, per document, the
first row of the document's own study (study_ref empty) with the gold.

Cells compared:
- study_label, registry_id, design: equal after case folding and
  white-space folding (a design's parenthesised remark aside; the gold's
  kinds of secondary analysis of a trial, "post-hoc-analysis-of-rct",
  "biomarker-analysis-of-rct", ..., are trialmine's one
  "secondary-analysis", since 2026-12-06, sixth session);
- treatment_label, control_label: `; `-separated arms; each gold arm is
  matched by a different found arm when, after case folding and keeping
  letters and digits only, one's words are all among the other's, in
  any order, plurals read as singulars ("placebo" matches "matching
  placebo"; "simvastatin" matches "40 mg simvastatin daily"; "usual care
  (CONTROL)" matches "Control (usual care)"); the counts of arms must be
  equal.  (Until 2026-12-06, sixth session, one's words had to be a run
  of the other's: a second annotator's labels, written in another word
  order, were then counted wrong; see corpus/real/studies/README.md);
- n_randomized_total, n_treatment, n_control: the same whole numbers
  (`; `-separated, in any order).
A table without the trial columns (before the trial model) is read
through the columns it had: n_total for n_randomized_total, n_treatment
and n_control as they are.

Per column: right / filled (cells the table fills for a gold document)
/ gold (cells the gold fills).  Usage:
    trial-eval.py TRIALMINE [--set dev] [--details] [--floor F]
                  [--precision P]
--floor F: exit 1 when right/gold over all columns is below F;
--precision P: exit 1 when right/filled is below P.  The
held-out rows are never read unless asked for by name (--set heldout),
so tuning on them is a deliberate act.  Exit 77 when ../shared is not
beside the project.
"""
import csv
import io
import os
import re
import sys

from realgold import (GOLD, doc_files, have_shared, option, study_table,
                      words, words_in)

COLUMNS = ["study_label", "registry_id", "design", "treatment_label",
           "control_label", "n_randomized_total", "n_treatment", "n_control"]
# Where each gold column is read in the table, and where it was read
# before the trial columns existed.
TABLE = {"n_treatment": "n_randomized_treatment",
         "n_control": "n_randomized_control"}
OLD = {"study_label": "study", "n_randomized_total": "n_total",
       "n_treatment": "n_treatment", "n_control": "n_control"}


def label_match(gold, found):
    g = [words(x) for x in gold.split("; ")]
    f = [words(x) for x in found.split("; ")]
    if len(g) != len(f):
        return False
    used = set()
    for gw in g:
        hit = next((i for i, fw in enumerate(f) if i not in used and
                    (words_in(gw, fw) or words_in(fw, gw))), None)
        if hit is None:
            return False
        used.add(hit)
    return True


def numbers(s):
    try:
        return sorted(int(float(x)) for x in s.split(";") if x.strip())
    except ValueError:
        return None


def design_kind(d):
    """A design as trialmine names it: the annotators wrote a secondary
    analysis of a trial by its kind ("post-hoc-analysis-of-rct",
    "biomarker-analysis-of-rct"); trialmine has one value for them all,
    "secondary-analysis" (a trial's people reported again)."""
    d = " ".join(d.casefold().split()).split(" (")[0]
    if re.fullmatch(r"(post-hoc|secondary|biomarker|observational|ancillary|"
                    r"exploratory|subgroup)-analysis-of-rct", d):
        return "secondary-analysis"
    return d


def same(col, gold, found):
    if col in ("treatment_label", "control_label"):
        return label_match(gold, found)
    if col == "design":
        return design_kind(gold) == design_kind(found)
    if col.startswith("n_"):
        return numbers(gold) == numbers(found)
    return " ".join(gold.casefold().split()) == " ".join(
        found.casefold().split())


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    trialmine = argv[1]
    want = option(argv, "--set", str, "dev")
    details = "--details" in argv
    floor = option(argv, "--floor", float, 0)
    pfloor = option(argv, "--precision", float, 0)
    if not have_shared():
        print("trial-eval: ../shared is not beside the project; skipped")
        return 77
    gold = {}
    with open(os.path.join(GOLD, "gold.csv"),
              newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["set"] == want and row["outcome"] == "_trial":
                gold[row["doc"]] = row
    files = doc_files(sorted(gold))
    out = study_table(trialmine, files, argv)
    # The document's own row: its study is the document itself (else the
    # first row that names no cited study).
    rows = {}
    for r in csv.DictReader(io.StringIO(out)):
        own = r["study"] == r["doc"]
        if not r.get("study_ref") and (r["doc"] not in rows or own and
                                       rows[r["doc"]]["study"] != r["doc"]):
            rows[r["doc"]] = r
    right = {c: 0 for c in COLUMNS}
    filled = dict(right)
    ngold = dict(right)
    for d, g in sorted(gold.items()):
        r = rows.get(d, {})
        for c in COLUMNS:
            col = TABLE.get(c, c)
            if col not in r and c in OLD:
                col = OLD[c]
            found = r.get(col) or ""
            ngold[c] += bool(g[c])
            if g[c] and not found and details:
                print(f"  {d} {c}: missing, gold {g[c]!r}")
            if not g[c] or not found:
                continue
            filled[c] += 1
            ok = same(c, g[c], found)
            right[c] += ok
            if details and not ok:
                print(f"  {d} {c}: found {found!r}, gold {g[c]!r}")
    print(f"trial model ({want}, {len(gold)} documents): "
          "column right/filled/gold")
    for c in COLUMNS:
        print(f"  {c:20} {right[c]:3}/{filled[c]:3}/{ngold[c]:3}")
    tr, tf, tg = (sum(x.values()) for x in (right, filled, ngold))
    print(f"  {'all':20} {tr:3}/{tf:3}/{tg:3}  precision "
          f"{tr / max(tf, 1):.2f} recall {tr / max(tg, 1):.2f}")
    if tr / max(tg, 1) < floor:
        print(f"trial-eval: recall {tr / max(tg, 1):.2f} is below the "
              f"floor {floor:.2f}")
        return 1
    if tr / max(tf, 1) < pfloor:
        print(f"trial-eval: precision {tr / max(tf, 1):.2f} is below the "
              f"floor {pfloor:.2f}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
