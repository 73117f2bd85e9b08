#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Effect estimates (HR, OR, RR, ... with a CI) against the study-level gold.

corpus/real/studies/effects.csv lists, blind, every ratio or difference
with a confidence interval that 19 real trial reports state in their
abstract and results (text and tables), each with a verbatim surface.  A
gold estimate is found when an `effect` record of `trialmine extract`
overlaps its surface with the same value and bounds (relative tolerance
1e-6).  Precision counts the effect records in the abstract, results and
table sections of the same documents; one that repeats a gold estimate
(the gold lists each once per document) is right.

Usage: effects-eval.py TRIALMINE [--set dev|heldout] [--details] [--floor F1]
Exit 1 when F1 is below the floor, 77 when ../shared is not beside the
project.
"""
import csv
import json
import os
import subprocess
import sys

from realgold import doc_files

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(TOP, "..", "shared")
PMC = os.path.join(SHARED, "fixtures", "pmc")
EI = os.path.join(SHARED, "realtext", "evidence-inference", "articles")


def close(a, b):
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b)) + 1e-9


def judged_section(name):
    n = name.lower()
    return (n.startswith(("title", "abstract", "table/")) or
            (n.startswith("body/") and "result" in n))


def run_json(trialmine, args):
    out = subprocess.run([trialmine] + args, check=False,
                         stdout=subprocess.PIPE).stdout
    return [json.loads(l) for l in out.decode("utf-8").splitlines() if l]


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    trialmine = argv[1]
    want = argv[argv.index("--set") + 1] if "--set" in argv else None
    details = "--details" in argv
    floor = float(argv[argv.index("--floor") + 1]) if "--floor" in argv else 0
    if not os.path.isdir(PMC) or not os.path.isdir(EI):
        print("effects-eval: ../shared is not beside the project; skipped")
        return 77
    gold = []
    with open(os.path.join(TOP, "corpus", "real", "studies", "effects.csv"),
              newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if want is None or row["set"] == want:
                if row["value"] and row["ci_low"] and row["ci_high"]:
                    gold.append(row)
    docs = sorted({g["doc"] for g in gold})
    files = doc_files(docs)
    texts = {t["doc"]: t["text"].encode("utf-8")
             for t in run_json(trialmine, ["text", "--json"] + files)}
    recs = [r for r in run_json(trialmine, ["extract"] + files)
            if r["type"] == "effect"]
    used = set()
    found = 0
    relocated = 0
    for g in gold:
        text = texts.get(g["doc"], b"")
        surface = g["surface"].encode("utf-8")
        hit = False
        spans = []
        at = text.find(surface)
        while at >= 0:
            spans.append((at, at + len(surface)))
            at = text.find(surface, at + 1)
        if not spans and b" | " in surface:
            # A table row whose layout changed since it was annotated
            # (column names now carry a spanning header's part): the row
            # that starts with the same label, whole.
            label = b"\n" + surface.split(b" | ")[0] + b" | "
            at = text.find(label)
            while at >= 0:
                end = text.find(b"\n", at + 1)
                spans.append((at + 1, end if end >= 0 else len(text)))
                at = text.find(label, at + 1)
            relocated += bool(spans)
        for s, e in spans:
            if hit:
                break
            for i, r in enumerate(recs):
                if (i not in used and r["doc"] == g["doc"] and
                        r["start"] < e and r["end"] > s and
                        close(r["value"], float(g["value"])) and
                        close(r.get("ci_low", 1e300), float(g["ci_low"])) and
                        close(r.get("ci_high", 1e300), float(g["ci_high"]))):
                    used.add(i)
                    hit = True
                    break
        found += hit
        if details and not hit:
            print("MISS %s %s %s (%s-%s) '%s'" % (g["doc"], g["measure"],
                  g["value"], g["ci_low"], g["ci_high"], g["surface"][:100]))
    # The gold lists each distinct estimate once per document: a record
    # repeating one (abstract and results) is not a false hit.
    known = {}
    for g in gold:
        known.setdefault(g["doc"], []).append(
            (float(g["value"]), float(g["ci_low"]), float(g["ci_high"])))

    def is_known(r):
        return any(close(r["value"], v) and close(r.get("ci_low", 1e300), lo)
                   and close(r.get("ci_high", 1e300), hi)
                   for v, lo, hi in known.get(r["doc"], []))

    judged = [i for i, r in enumerate(recs) if judged_section(r["section"])]
    fp = [i for i in judged if i not in used and not is_known(recs[i])]
    repeats = sum(1 for i in judged if i not in used and is_known(recs[i]))
    if details:
        for i in fp:
            r = recs[i]
            print("FALSE %s %s %g (%s-%s) '%s' [%s]" % (
                r["doc"], r.get("measure"), r["value"], r.get("ci_low"),
                r.get("ci_high"), r["text"][:80], r["section"]))
    p = (found + repeats) / (found + repeats + len(fp)) \
        if found + repeats + len(fp) else 0.0
    rc = found / len(gold) if gold else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    print("effects (%s): %d gold with a CI, %d found (recall %.3f); "
          "%d effect records in judged sections, precision %.3f; F1 %.3f" %
          (want or "all", len(gold), found, rc, found + repeats + len(fp), p,
           f1))
    if relocated:
        print("  (%d table-row surfaces no longer verbatim, found by their "
              "row label)" % relocated)
    if f1 < floor:
        print("below the floor %.3f" % floor)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
