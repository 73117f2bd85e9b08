#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Agreement between two annotators' gold for the same documents.

    agreement.py TRIALMINE GOLD_A GOLD_B [--docs DOCS_DIR] [--details]

GOLD_A and GOLD_B are gold.tsv files in the corpus format (doc_id type
value value_high unit comparator scope_or_group timepoint surface
notes).  Only documents present in GOLD_B are compared (B is usually a
re-annotation of some of A's documents).  Two lines agree when they are
of one document and type, their values are equal (a computed mortality
within 0.05, as annotators round), value_high and comparator equal, the
units equal after folding spelling (dose, not sample_size, as `eval`
does), and their surfaces overlap in the document text (as `eval`
matches a record).  Lines are paired one to one, in file order.

Per type: lines of A, lines of B, agreed, and F1 = 2 agreed / (A + B),
the figure `trialmine eval` would give one annotator scored against the
other: the ceiling a tool measured against one annotator's gold can be
expected to reach.  Then scope agreement over agreed sample sizes and
timepoint agreement over agreed outcomes (none and `overall` alike).

DOCS_DIR defaults to ../shared/realtext/evidence-inference/articles;
documents are read with `TRIALMINE text --json`.
"""
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        for n, line in enumerate(f, 2):
            if not line.strip():
                continue
            v = line.rstrip("\n").split("\t")
            v += [""] * (len(head) - len(v))
            r = dict(zip(head, v))
            r["line"] = n
            rows.append(r)
    return rows


def fold_unit(u):
    u = u.strip().lower().replace("µ", "u").replace("μ", "u")
    u = re.sub(r"\s+", "", u)
    u = re.sub(r"grams?", "g", u)
    u = re.sub(r"milligrams?", "mg", u)
    u = re.sub(r"micrograms?|mcg", "ug", u)
    u = u.replace("per", "/").replace("²", "2")
    return u


def num(s):
    try:
        return float(s)
    except ValueError:
        return None


def close(a, b, loose):
    if a is None or b is None:
        return a is None and b is None
    if loose:
        return abs(a - b) <= 0.05 + 1e-9
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b)) + 1e-12


def spans(text, surface):
    out, at = [], text.find(surface)
    while surface and at >= 0:
        out.append((at, at + len(surface)))
        at = text.find(surface, at + 1)
    return out


def overlap(sa, sb):
    return any(a0 < b1 and b0 < a1 for a0, a1 in sa for b0, b1 in sb)


def agree(a, b, text):
    if a["type"] != b["type"]:
        return False
    loose = a["type"] in ("mortality", "survival")
    if not close(num(a["value"]), num(b["value"]), loose):
        return False
    if not close(num(a["value_high"]) if a["value_high"] else None,
                 num(b["value_high"]) if b["value_high"] else None, loose):
        return False
    if a["comparator"].strip() != b["comparator"].strip():
        return False
    if a["type"] != "sample_size" and a["unit"] and b["unit"] and \
            fold_unit(a["unit"]) != fold_unit(b["unit"]):
        return False
    return overlap(spans(text, a["surface"]), spans(text, b["surface"]))


def main(argv):
    if len(argv) < 4:
        sys.stderr.write(__doc__)
        return 2
    tm, ga, gb = argv[1], argv[2], argv[3]
    details = "--details" in argv
    docs = os.path.join(HERE, "..", "..", "shared", "realtext",
                        "evidence-inference", "articles")
    if "--docs" in argv:
        docs = argv[argv.index("--docs") + 1]
    if not os.path.isdir(docs):
        print("agreement: %s is missing; skipped" % docs)
        return 77
    a_rows, b_rows = load(ga), load(gb)
    ids = sorted({r["doc_id"] for r in b_rows})
    a_rows = [r for r in a_rows if r["doc_id"] in ids]
    texts = {}
    for d in ids:
        path = os.path.join(docs, d.split(":", 1)[-1] + ".nxml")
        out = subprocess.run([tm, "text", "--json", path], check=True,
                             capture_output=True, text=True).stdout
        texts[d] = json.loads(out.splitlines()[0])["text"]
    count = defaultdict(lambda: [0, 0, 0])
    scope = [0, 0]
    tpoint = [0, 0]
    used = set()
    for r in a_rows:
        count[r["type"]][0] += 1
    for r in b_rows:
        count[r["type"]][1] += 1
    pairs = []
    for ra in a_rows:
        for k, rb in enumerate(b_rows):
            if k in used or rb["doc_id"] != ra["doc_id"]:
                continue
            if agree(ra, rb, texts[ra["doc_id"]]):
                used.add(k)
                pairs.append((ra, rb))
                count[ra["type"]][2] += 1
                break
        else:
            if details:
                print("ONLY-A %s %s %s %r" % (ra["doc_id"], ra["type"],
                                              ra["value"], ra["surface"]))
    if details:
        for k, rb in enumerate(b_rows):
            if k not in used:
                print("ONLY-B %s %s %s %r" % (rb["doc_id"], rb["type"],
                                              rb["value"], rb["surface"]))
    for ra, rb in pairs:
        if ra["type"] == "sample_size":
            scope[1] += 1
            same = ra["scope_or_group"] == rb["scope_or_group"]
            scope[0] += same
            if details and not same:
                print("SCOPE %s %s %r: A %s, B %s" % (
                    ra["doc_id"], ra["value"], ra["surface"],
                    ra["scope_or_group"], rb["scope_or_group"]))
        elif ra["type"] in ("mortality", "survival"):
            tpoint[1] += 1
            ta = ra["timepoint"] or "overall"
            tb = rb["timepoint"] or "overall"
            tpoint[0] += ta == tb
    print("agreement of %s and %s on %d documents" % (ga, gb, len(ids)))
    print("%-12s %6s %6s %6s %6s" % ("type", "A", "B", "agreed", "F1"))
    tot = [0, 0, 0]
    for t in sorted(count):
        a, b, m = count[t]
        tot = [tot[0] + a, tot[1] + b, tot[2] + m]
        print("%-12s %6d %6d %6d %6.3f" % (t, a, b, m,
                                          2 * m / (a + b) if a + b else 0))
    a, b, m = tot
    print("%-12s %6d %6d %6d %6.3f" % ("all", a, b, m,
                                      2 * m / (a + b) if a + b else 0))
    print("scope agreed for %d of %d agreed sample sizes" % tuple(scope))
    print("timepoint agreed for %d of %d agreed outcomes" % tuple(tpoint))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
