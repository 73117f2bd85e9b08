#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Agreement between two annotators' study-level gold.

    study-agreement.py TRIALMINE GOLD_B SET [--details]

GOLD_B is a second annotator's gold.csv (the layout of
corpus/real/studies/gold.csv) for the documents of SET in
corpus/real/studies/gold.csv.  Its rows are written out as a study table
and scored against SET's gold by the evaluators that score trialmine's
table, with their own rules (tests/trial-eval.py for the `_trial` rows,
tests/studies-real-eval.py for the mortality and survival rows): the
figures trialmine would get if it wrote what the second annotator wrote.
"""
import csv
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

TABLE = ["study", "study_ref", "doc", "outcome", "timepoint",
         "outcome_detail", "analysis", "subgroup", "study_label",
         "registry_id", "design", "treatment_label", "control_label",
         "n_randomized_total", "n_randomized_treatment",
         "n_randomized_control", "events_treatment", "n_treatment",
         "events_control", "n_control", "pct_treatment", "pct_control",
         "effect_measure", "effect_value", "ci_low", "ci_high", "p_value",
         "p_comparator"]


def as_table(rows):
    """B's rows as a study table: each document's `_trial` row first
    (its sizes in the randomized columns), then its outcome rows."""
    out = []
    for trial in (True, False):
        for g in rows:
            if (g["outcome"] == "_trial") != trial:
                continue
            r = {c: g.get(c, "") for c in TABLE}
            r["study"] = g["doc"]
            r["study_ref"] = ""
            if trial:
                r["n_randomized_treatment"] = g["n_treatment"]
                r["n_randomized_control"] = g["n_control"]
                r["n_treatment"] = r["n_control"] = ""
            out.append(r)
    order = {}
    for r in out:
        order.setdefault(r["doc"], len(order))
    return sorted(out, key=lambda r: order[r["doc"]])


def main(argv):
    if len(argv) < 4:
        sys.stderr.write(__doc__)
        return 2
    tm, gold_b, want = argv[1], argv[2], argv[3]
    with open(gold_b, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with tempfile.NamedTemporaryFile("w", suffix=".csv", newline="",
                                     encoding="utf-8", delete=False) as t:
        w = csv.DictWriter(t, fieldnames=TABLE)
        w.writeheader()
        w.writerows(as_table(rows))
    extra = ["--details"] if "--details" in argv else []
    rc = 0
    try:
        for ev in ("trial-eval.py", "studies-real-eval.py"):
            r = subprocess.run([sys.executable, os.path.join(HERE, ev), tm,
                                "--set", want, "--table", t.name] + extra,
                               check=False)
            rc = rc or r.returncode
    finally:
        os.unlink(t.name)
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv))
