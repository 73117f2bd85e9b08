#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Score a study table (trialmine studies) against corpus/studies/gold.csv.

usage: studies-eval.py GOLD.csv TABLE.csv [--floor-row-recall R]
                       [--floor-cell-precision P] [--floor-cell-recall R]

A gold row (doc, study_cite, outcome) is found in the table when a row has
the same doc and outcome and its study label holds the same citation (or,
for a document that is its own study, no citation); among several, the
one agreeing on most cells.  Cells compared: timepoint, events and n per
arm, pct per arm, p_value.  A cell is correct when both are filled and
equal (numbers within 1e-6 relative); precision is over cells the table
filled where gold has a value; cells the table filled where gold is empty
(for example events derived from a percentage) are counted apart, as they
are not wrong by the gold's conventions, only unconfirmed.
"""
import csv
import re
import sys

CELLS = ["timepoint", "events_treatment", "n_treatment", "events_control",
         "n_control", "pct_treatment", "pct_control", "p_value"]


def same(a, b):
    try:
        x, y = float(a), float(b)
        return abs(x - y) <= 1e-6 * max(1.0, abs(x), abs(y))
    except ValueError:
        return a == b


def cite_of(label):
    m = re.search(r"\[[^\]]*\]", label or "")
    return re.sub(r"\s+", "", m.group(0)) if m else ""


def main(argv):
    floors = {}
    args = []
    i = 1
    while i < len(argv):
        if argv[i].startswith("--floor-"):
            floors[argv[i][8:]] = float(argv[i + 1])
            i += 2
        else:
            args.append(argv[i])
            i += 1
    gold = list(csv.DictReader(open(args[0], encoding="utf-8")))
    table = list(csv.DictReader(open(args[1], encoding="utf-8")))
    found = 0
    correct = filled = wanted = extra = 0
    per = {c: [0, 0, 0] for c in CELLS}  # correct, filled, wanted
    misses = []
    for g in gold:
        cands = [t for t in table
                 if t["doc"].endswith(g["doc"]) and t["outcome"] == g["outcome"]
                 and cite_of(t["study"]) == re.sub(r"\s+", "", g["study_cite"])]
        if g["timepoint"]:
            timed = [t for t in cands if t["timepoint"] == g["timepoint"]]
            cands = timed or cands
        best, best_score = None, -1
        for t in cands:
            score = sum(1 for c in CELLS if g[c] and t[c] and same(g[c], t[c]))
            if score > best_score:
                best, best_score = t, score
        for c in CELLS:
            if g[c]:
                wanted += 1
                per[c][2] += 1
        if best is None:
            misses.append(f"{g['doc']} {g['study_cite']} {g['outcome']} "
                          f"{g['timepoint']}")
            continue
        found += 1
        for c in CELLS:
            if best[c] and g[c]:
                filled += 1
                per[c][1] += 1
                if same(g[c], best[c]):
                    correct += 1
                    per[c][0] += 1
            elif best[c]:
                extra += 1
    rr = found / len(gold) if gold else 0.0
    cp = correct / filled if filled else 0.0
    cr = correct / wanted if wanted else 0.0
    print(f"studies: {len(gold)} gold rows, {found} found (row recall "
          f"{rr:.3f}); cells: precision {cp:.3f} ({correct}/{filled}), "
          f"recall {cr:.3f} ({correct}/{wanted}); {extra} cells filled "
          f"where gold is empty")
    for c in CELLS:
        k, f, w = per[c]
        print(f"  {c:17s} correct {k:3d}  filled {f:3d}  gold {w:3d}")
    if "-v" in args or "--verbose" in argv:
        for m in misses:
            print("  not found:", m)
    fail = False
    for name, val in (("row-recall", rr), ("cell-precision", cp),
                      ("cell-recall", cr)):
        if name in floors and val < floors[name]:
            print(f"studies: {name} {val:.3f} is below its floor "
                  f"{floors[name]:.3f}")
            fail = True
    return 1 if fail else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
