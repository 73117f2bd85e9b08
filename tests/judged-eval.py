#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Precision on judged records (corpus/real/judged/records.tsv).

The records trialmine extracted on 2026-12-06 from the abstract and
results prose of 119 real reports outside every gold set, each judged
right or wrong by a helper against the gold conventions (see the
directory's README).  This is not gold: a record trialmine did not
extract then was never judged, so recall is not measured here.  What it
measures is how a change moves the judged records: of those judged
right, how many are still extracted ("kept"), and of those judged
wrong, how many are gone; and how many records in the same sections
were never judged (new since).

Usage: judged-eval.py TRIALMINE [--details]
Exit 77 when ../shared is not beside the project.
"""
import collections
import json
import os
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EI = os.path.join(TOP, "..", "shared", "realtext", "evidence-inference",
                  "articles")
JUDGED = os.path.join(TOP, "corpus", "real", "judged", "records.tsv")


def prose(section):
    s = section.lower()
    return (s.startswith(("title", "abstract")) or
            (s.startswith("body/") and "result" in s))


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    tm = argv[1]
    details = "--details" in argv
    if not os.path.isdir(EI):
        print("judged-eval: ../shared is not beside the project; skipped")
        return 77
    judged = []
    with open(JUDGED, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            judged.append(dict(zip(head, line.rstrip("\n").split("\t"))))
    docs = sorted({j["doc_id"] for j in judged})
    files = [os.path.join(EI, d.split(":", 1)[1] + ".nxml") for d in docs]
    out = subprocess.run([tm, "extract", "-j", "2"] + files, check=True,
                         capture_output=True, text=True).stdout
    recs = [json.loads(line) for line in out.splitlines() if line]
    types = {j["type"] for j in judged}
    have = {(r["doc"], r["type"], r["start"], r["end"]) for r in recs}
    seen = {(j["doc_id"], j["type"], int(j["start"]), int(j["end"]))
            for j in judged}
    count = collections.Counter()
    for j in judged:
        kept = (j["doc_id"], j["type"], int(j["start"]), int(j["end"])) in have
        verdict = j["verdict"] if j["verdict"] in ("ok", "wrong") else "unsure"
        count[(j["type"], verdict, kept)] += 1
        if details and verdict == "ok" and not kept:
            print("LOST  %s %s %s @%s" % (j["doc_id"], j["type"], j["value"],
                                          j["start"]))
    new = collections.Counter()
    for r in recs:
        if (r["type"] in types and prose(r["section"]) and
                (r["doc"], r["type"], r["start"], r["end"]) not in seen):
            new[r["type"]] += 1
            if details:
                print("NEW   %s %s %g '%s'" % (r["doc"], r["type"], r["value"],
                                               r["text"][:60]))
    print("judged records (%d reports; not gold: precision among judged "
          "records only)" % len(docs))
    for t in sorted(types):
        ok_kept = count[(t, "ok", True)]
        ok_lost = count[(t, "ok", False)]
        bad_kept = count[(t, "wrong", True)]
        bad_gone = count[(t, "wrong", False)]
        p = ok_kept / (ok_kept + bad_kept) if ok_kept + bad_kept else 0.0
        print("  %-12s right kept %3d lost %2d; wrong kept %3d gone %3d; "
              "precision %.3f; %d records not judged" %
              (t, ok_kept, ok_lost, bad_kept, bad_gone, p, new[t]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
