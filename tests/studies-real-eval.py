#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The study table on real trial reports' mortality and survival rows.

corpus/real/studies/gold.csv has, blind, one row per study x outcome x
timepoint x analysis x subgroup for every two-arm mortality or survival
comparison a real trial report states (README.md there gives the
conventions).  This runs `trialmine studies` over the documents of one
set and scores the document's own rows (study == doc, no study_ref)
whose outcome is mortality or survival.

Matching: a gold row and a table row of the same document and outcome
are paired one to one, best pairs first, by how well their keys agree:
timepoint (4), subgroup (2; both empty, or one's words a run of the
other's), analysis (1), the words the outcome detail shares (up to
3; the table's outcome_detail, when it has that column) and the words
the treatment arm's label shares (up to 2: a trial of three arms has a
row per comparison).  Ties keep the
order of the gold and of the table.  A gold row may stay unpaired (its
cells are not filled) and so may a table row (its filled cells are
wrong: the gold lists every comparison of the trial).

Cells: events_treatment, n_treatment, events_control, n_control,
pct_treatment, pct_control, effect_measure, effect_value, ci_low,
ci_high, p_value.  A number is right when it equals the gold's as
printed or rounded to the gold's decimals; a measure when equal after
case folding.  An arm swap is a paired row whose treatment and control
cells of one kind (events, percentages, sizes) are both filled, one
holding the gold's value of the other arm and not its own, and neither
holding its own (two arms of one size make the same number both arms'
value).  A swap is what reverses a pooled effect; a row with one arm
empty cannot be pooled.

Prints cells right / filled / gold per column and overall (precision =
right/filled, recall = right/gold) and the arm swaps.  Usage:
    studies-real-eval.py TRIALMINE [--set dev] [--details]
                         [--floor R] [--precision P] [--swaps N]
                         [--unflagged P]
--floor R: exit 1 when recall is below R; --precision P: when precision
is below P; --swaps N: when there are more than N arm swaps;
--unflagged P: when the cells the check column does not send a reviewer
to are right less often than P.  Only the
rows of the set asked for are read: the held-out rows are never read
unless asked for by name (--set heldout).  Exit 77 when ../shared is not
beside the project.
"""
import csv
import io
import os
import sys

from realgold import (GOLD, doc_files, have_shared, option, run_of,
                      study_table, words)

OUTCOMES = ("mortality", "survival")
CELLS = ["events_treatment", "n_treatment", "events_control", "n_control",
         "pct_treatment", "pct_control", "effect_measure", "effect_value",
         "ci_low", "ci_high", "p_value"]
PAIRS = [("events_treatment", "events_control"),
         ("pct_treatment", "pct_control"), ("n_treatment", "n_control")]


def key_score(g, r):
    """How well the keys of gold row g and table row r agree."""
    s = 0.0
    if " ".join(words(g["timepoint"])) == " ".join(words(r.get("timepoint",
                                                              ""))):
        s += 4
    gs, rs = words(g["subgroup"]), words(r.get("subgroup", ""))
    if (not gs and not rs) or (gs and rs and (run_of(gs, rs) or
                                              run_of(rs, gs))):
        s += 2
    if g["analysis"].casefold() == r.get("analysis", "").casefold():
        s += 1
    gd, rd = set(words(g["outcome_detail"])), set(
        words(r.get("outcome_detail", "")))
    if gd and rd:
        s += 3 * len(gd & rd) / len(gd | rd)
    # A trial of three arms or more has one row per comparison: which
    # treatment arm it is tells them apart.
    gt, rt = set(words(g["treatment_label"])), set(
        words(r.get("treatment_label", "")))
    if gt and rt:
        s += 2 * len(gt & rt) / len(gt | rt)
    return s


ARMCELLS = {"events_treatment", "n_treatment", "events_control", "n_control",
            "pct_treatment", "pct_control"}


def flagged(r, col):
    """Does the row's check column send a reviewer to cell col?  A flag
    names its cells before a colon ("pct_control: ...", "effect_value,
    ci_low, ci_high: ..."); "arms: ..." sends them to every arm's cell."""
    for part in (r.get("check") or "").split(";"):
        if ":" not in part:
            continue
        for head in part.split(":", 1)[0].split(","):
            head = head.strip().split(" ", 1)[0]
            if head == col or (head == "arms" and col in ARMCELLS):
                return True
    return False


def decimals(s):
    return len(s.split(".", 1)[1]) if "." in s else 0


def same(col, gold, found):
    if col == "effect_measure":
        return gold.casefold() == found.casefold()
    try:
        g, f = float(gold), float(found)
    except ValueError:
        return False
    return abs(g - f) <= 1e-9 * max(1, abs(g)) or round(f, decimals(gold)) == g


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    trialmine = argv[1]
    want = option(argv, "--set", str, "dev")
    details = "--details" in argv
    floor = option(argv, "--floor", float, 0)
    pfloor = option(argv, "--precision", float, 0)
    maxswaps = option(argv, "--swaps", int)
    ufloor = option(argv, "--unflagged", float, 0)
    if not have_shared():
        print("studies-real-eval: ../shared is not beside the project; "
              "skipped")
        return 77
    gold, docs = [], []
    with open(os.path.join(GOLD, "gold.csv"),
              newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["set"] != want:
                continue
            if row["doc"] not in docs:
                docs.append(row["doc"])
            if row["outcome"] in OUTCOMES:
                gold.append(row)
    files = doc_files(docs)
    out = study_table(trialmine, files, argv)
    found = [r for r in csv.DictReader(io.StringIO(out))
             if r["study"] == r["doc"] and not r["study_ref"] and
             r["outcome"] in OUTCOMES]
    # Pair gold and table rows, best keys first.
    cand = []
    for gi, g in enumerate(gold):
        for ri, r in enumerate(found):
            if g["doc"] == r["doc"] and g["outcome"] == r["outcome"]:
                cand.append((-key_score(g, r), gi, ri))
    cand.sort()
    gpair, rpair = {}, {}
    for _, gi, ri in cand:
        if gi not in gpair and ri not in rpair:
            gpair[gi], rpair[ri] = ri, gi
    right = {c: 0 for c in CELLS}
    filled = dict(right)
    ngold = dict(right)
    swaps = onesided = 0
    # Cells the check column sends a reviewer to, and the rest: [right,
    # filled] each.
    byflag = {True: [0, 0], False: [0, 0]}
    for gi, g in enumerate(gold):
        r = found[gpair[gi]] if gi in gpair else {}
        for c in CELLS:
            f = r.get(c) or ""
            ngold[c] += bool(g[c])
            if not f:
                if g[c] and details:
                    print(f"  {g['doc']} {g['outcome_detail']!r} {c}: "
                          f"missing, gold {g[c]!r}")
                continue
            filled[c] += 1
            ok = bool(g[c]) and same(c, g[c], f)
            right[c] += ok
            byflag[flagged(r, c)][0] += ok
            byflag[flagged(r, c)][1] += 1
            if details and not ok:
                print(f"  {g['doc']} {g['outcome_detail']!r} {c}: found "
                      f"{f!r}, gold {g[c]!r}"
                      + (" (flagged)" if flagged(r, c) else ""))
        for t, k in PAIRS:
            crossed = any(
                r.get(a) and g[b] and same(a, g[b], r[a]) and
                not (g[a] and same(a, g[a], r[a]))
                for a, b in ((t, k), (k, t)))
            # A side that holds its own value is not swapped: with arms
            # of equal size, the other side's value is its too.  A pair
            # with one side empty cannot be pooled, so cannot reverse an
            # effect: it is incomplete, not swapped.
            own = any(r.get(a) and g[a] and same(a, g[a], r[a])
                      for a in (t, k))
            if r and crossed and not own and not (r.get(t) and r.get(k)):
                onesided += 1
                if details:
                    print(f"  {g['doc']} {g['outcome_detail']!r}: one arm "
                          f"only, holding the other's value ({t}/{k})")
                break
            if r and r.get(t) and r.get(k) and crossed and not own:
                swaps += 1
                if details:
                    print(f"  {g['doc']} {g['outcome_detail']!r}: arms "
                          f"swapped ({t}/{k})")
                break
    for ri, r in enumerate(found):
        if ri in rpair:
            continue
        for c in CELLS:
            if r.get(c):
                filled[c] += 1
                byflag[flagged(r, c)][1] += 1
        if details:
            print(f"  {r['doc']} {r['outcome']} {r.get('timepoint')!r} "
                  f"{r.get('outcome_detail', '')!r}: no gold row")
    print(f"study table on real reports ({want}, {len(docs)} documents, "
          f"{len(gold)} mortality/survival rows, {len(found)} table rows): "
          "cells right/filled/gold")
    for c in CELLS:
        print(f"  {c:18} {right[c]:3}/{filled[c]:3}/{ngold[c]:3}")
    tr, tf, tg = (sum(x.values()) for x in (right, filled, ngold))
    prec, rec = tr / max(tf, 1), tr / max(tg, 1)
    print(f"  {'all':18} {tr:3}/{tf:3}/{tg:3}  precision {prec:.2f} "
          f"recall {rec:.2f}  arm swaps {swaps} (and {onesided} rows with "
          "one arm only, holding the other arm's value)")
    (ur, uf), (fr, ff) = byflag[False], byflag[True]
    print(f"  unflagged cells {ur}/{uf} right (precision {ur / max(uf, 1):.2f});"
          f" flagged by check {fr}/{ff}; wrong cells flagged "
          f"{ff - fr} of {tf - tr}")
    rc = 0
    if rec < floor:
        print(f"studies-real-eval: recall {rec:.2f} is below the floor "
              f"{floor:.2f}")
        rc = 1
    if prec < pfloor:
        print(f"studies-real-eval: precision {prec:.2f} is below the floor "
              f"{pfloor:.2f}")
        rc = 1
    if ur / max(uf, 1) < ufloor:
        print(f"studies-real-eval: unflagged precision {ur / max(uf, 1):.3f} "
              f"is below the floor {ufloor:.3f}")
        rc = 1
    if maxswaps is not None and swaps > maxswaps:
        print(f"studies-real-eval: {swaps} arm swaps, more than {maxswaps}")
        rc = 1
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv))
