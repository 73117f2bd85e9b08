#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""p-values inside the doctors' evidence spans of the Evidence Inference set.

For each of the 250 real trial reports in
../shared/realtext/evidence-inference/, every distinct valid evidence
passage (annotations.csv, `Valid Label` True) is placed in the document text
that `trialmine text --json` prints (whitespace collapsed, as the set's
README describes; a figure or table label glued to the passage's end is
dropped).  Then, per passage:

- p-value recall: the p-values the passage states, found by a deliberately
  plain reference reader below (a `P`, optional `value(s)`, a comparator or
  `of`, a number), and how many of them lie inside a `p_value` record of
  `trialmine extract`;
- significance agreement: for a passage with at least one extracted
  p-value, "significant" when any is below 0.05 (or `< 0.05`, `<= 0.05`),
  compared with the doctors' label (significantly increased/decreased vs no
  significant difference).  A label answers the doctors' question, which a
  passage with several p-values may not isolate, so this measures the
  extracted values' consistency, not a classifier.

Usage: evidence-spans.py TRIALMINE [--floors RECALL AGREEMENT] [--misses]
Exit 0 when both figures reach the floors (default 0), 1 below, 77 when
../shared is not beside the project.
"""
import csv
import json
import os
import re
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SET = os.path.join(TOP, "..", "shared", "realtext", "evidence-inference")

# The reference reader: "P = .03", "p<0·001", "P≤0.05", "P value 0.00",
# "p-values of 0.18 and 0.32" (each number after a P counts).
P_HEAD = re.compile(
    r"(?<![A-Za-z0-9])[Pp](?:\s*-?\s*values?)?(?:\s*(?:for\s+trend|trend|"
    r"interaction))?\s*(?:[=<>≤≥]|of\b|was\b|:)\s*")
NUM = re.compile(r"[<>≤≥=]?\s*(?:0?[.·]\d+|1(?:\.0+)?\b|0\b)")
LIST_SEP = re.compile(r"\s*(?:,\s*and|,|and|or)\s*")

SPACE = re.compile(r"[\s\u00a0\u2009\u2002-\u200a\u202f]+")
GLUED = re.compile(r"(?:Table|Figure|Fig\.)\s*\d+[A-Za-z]?\s*$")


def collapse(s):
    """s with white space runs as one space, and a map from each kept
    character to its index in s."""
    out, idx = [], []
    prev_space = False
    for i, ch in enumerate(s):
        if SPACE.fullmatch(ch):
            if not prev_space and out:
                out.append(" ")
                idx.append(i)
            prev_space = True
        else:
            out.append(ch)
            idx.append(i)
            prev_space = False
    return "".join(out), idx


def reference_pvalues(ev):
    """(start, end) character spans of the p-values stated in ev."""
    spans = []
    for m in P_HEAD.finditer(ev):
        pos = m.end()
        while True:
            n = NUM.match(ev, pos)
            if n is None:
                break
            spans.append((n.start(), n.end()))
            sep = LIST_SEP.match(ev, n.end())
            if sep is None or NUM.match(ev, sep.end()) is None:
                break
            pos = sep.end()
    return spans


def run_json(trialmine, args):
    out = subprocess.run([trialmine] + args, check=False,
                         stdout=subprocess.PIPE).stdout
    return [json.loads(line) for line in out.decode("utf-8").splitlines()
            if line.strip()]


def significant(rec):
    v, c = rec["value"], rec.get("comparator", "=")
    return v < 0.05 or (v <= 0.05 and c in ("<", "<="))


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    trialmine = argv[1]
    floors = (0.0, 0.0)
    if "--floors" in argv:
        k = argv.index("--floors")
        floors = (float(argv[k + 1]), float(argv[k + 2]))
    show = "--misses" in argv
    if not os.path.isdir(SET):
        print("evidence-spans: ../shared/realtext is not beside the project;"
              " skipped")
        return 77
    files = sorted(os.path.join(SET, "articles", f)
                   for f in os.listdir(os.path.join(SET, "articles"))
                   if f.endswith(".nxml"))
    docs = {d["doc"]: d for d in run_json(trialmine, ["text", "--json"] + files)}
    pvals = {}
    for r in run_json(trialmine, ["extract", "-j", "2"] + files):
        if r["type"] == "p_value":
            pvals.setdefault(r["doc"], []).append(r)

    passages = {}
    with open(os.path.join(SET, "annotations.csv"), newline="",
              encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["Valid Label"] != "True":
                continue
            key = ("pmcid:PMC" + row["PMCID"], row["Annotations"])
            passages.setdefault(key, set()).add(row["Label Code"])

    placed = not_placed = 0
    stated = found = 0
    agree = judged = 0
    misses = []
    collapsed = {}
    for (doc, ev), labels in sorted(passages.items()):
        d = docs.get(doc)
        if d is None:
            not_placed += 1
            continue
        if doc not in collapsed:
            text = d["text"]
            ctext, cidx = collapse(text)
            # character index -> UTF-8 byte offset
            boff, acc = [], 0
            for ch in text:
                boff.append(acc)
                acc += len(ch.encode("utf-8"))
            boff.append(acc)
            collapsed[doc] = (ctext, cidx, boff)
        ctext, cidx, boff = collapsed[doc]
        cev = collapse(ev)[0].strip()
        at = ctext.find(cev)
        if at < 0:
            cev = GLUED.sub("", cev).strip()
            at = ctext.find(cev) if cev else -1
        if at < 0:
            not_placed += 1
            continue
        placed += 1
        recs = pvals.get(doc, [])

        def to_bytes(a, b):
            return boff[cidx[at + a]], boff[cidx[at + b - 1] + 1]

        for a, b in reference_pvalues(cev):
            stated += 1
            bs, be = to_bytes(a, b)
            if any(r["start"] < be and r["end"] > bs for r in recs):
                found += 1
            else:
                misses.append((doc, cev[max(0, a - 60):b + 30]))
        s0, s1 = to_bytes(0, len(cev))
        inside = [r for r in recs if r["start"] < s1 and r["end"] > s0]
        if inside and len(labels) == 1:
            judged += 1
            label_sig = labels != {"0"}
            agree += any(significant(r) for r in inside) == label_sig

    recall = found / stated if stated else 0.0
    agreement = agree / judged if judged else 0.0
    if show:
        for doc, ctx in misses:
            print("MISS %s: ...%s..." % (doc, ctx))
    print("evidence passages: %d placed in the document text, %d not" %
          (placed, not_placed))
    print("p-value recall inside evidence spans: %d of %d (%.3f)" %
          (found, stated, recall))
    print("significance agreement with the doctors' label: %d of %d "
          "passages with an extracted p-value (%.3f)" %
          (agree, judged, agreement))
    if recall < floors[0] or agreement < floors[1]:
        print("below the floors %.3f / %.3f" % floors)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
