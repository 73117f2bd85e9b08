#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The trial model's arms against the doctors' prompts (Evidence Inference).

Each of the 250 real trial reports in ../shared/realtext/evidence-inference/
comes with prompts written by doctors (prompts.csv): an outcome, the
intervention and the comparator the trial compares.  They are not arm labels
as the paper prints them, but they name what each arm receives, so they tell
whether `trialmine studies` found a trial's arms and told the control from
the treatment.  Per report (the first row of the document's own study):

- arms found: treatment_label and control_label both filled;
- right: the control_label shares a content word with one of the report's
  comparators (case folded, letters and digits; words such as `group`,
  `the`, `mg` do not count) or names the control by its role (`Controls`,
  `placebo group`), and the treatment_label shares one with its
  interventions (words that are in the comparator too do not count) or
  names the treatment by its role (`the intervention group`);
- swapped: the control_label matches only an intervention and the
  treatment_label only a comparator;
- named without roles: no arm is a control by what it receives (two
  active treatments), so the arms are only in the notes (`arms, none a
  control by what it receives: A (30), B (30)`); they are right when one
  arm matches an intervention and another a comparator.

The reports are split by sha1("arms-2026-12-06:" + PMCID): even → dev, odd
→ held out.  Reports in the sentence-level and study-level held-out gold
(corpus/real/heldout2, the held-out half of corpus/real/studies) are left
out of both halves, so that this measure never tunes on them.

Usage: arms-eval.py TRIALMINE [--set dev|heldout] [--details]
                   [--floor F] [--precision P]
--floor F: exit 1 when right arms / reports is below F; --precision P: exit
1 when right / found is below P.  Exit 77 when ../shared is not beside the
project.
"""
import csv
import hashlib
import io
import os
import re
import subprocess
import sys

from realgold import EI, GOLD, TOP, have_shared, option, words

SET = os.path.dirname(EI)
# Words that name no treatment: they do not make two labels the same arm.
STOP = set("""a an the of and or with to in on for by at as plus group groups
arm arms treatment treated therapy patients patient participants control
standard usual care mg g kg ml daily day days week weeks dose doses low
high alone only each per bid tid qd once twice intervention regimen
conventional study trial received receiving receive""".split())


# Labels that name an arm by its role, as papers often do ("the
# intervention group", "Controls"): right for that side whatever it
# receives.
GENERIC_TREATMENT = set("""intervention interventions experimental active
study treatment treated vaccinated verum test case cases""".split())
GENERIC_CONTROL = set("""control controls placebo sham usual standard
conventional tau""".split())


def generic(label, names):
    w = words(label)
    return bool(w) and w[0] in names or set(w) <= (names | STOP) and bool(
        set(w) & names)


def content(s):
    return {w for w in words(s) if w not in STOP and not w.isdigit()}


def held_back():
    """Documents of held-out gold that this measure must not tune on."""
    docs = set()
    p = os.path.join(TOP, "corpus", "real", "heldout2", "gold.tsv")
    with open(p, encoding="utf-8") as f:
        docs |= set(re.findall(r"PMC\d+", f.read()))
    with open(os.path.join(GOLD, "gold.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["set"] == "heldout":
                docs.add(row["doc"].split(":", 1)[1])
    return docs


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    if not have_shared():
        print("arms-eval: ../shared is not beside the project; skipped")
        return 77
    tm = argv[1]
    which = option(argv, "--set", default="dev")
    floor = option(argv, "--floor", float)
    precision = option(argv, "--precision", float)
    prompts = {}
    with open(os.path.join(SET, "prompts.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            p = prompts.setdefault("PMC" + row["PMCID"], ([], []))
            p[0].append(row["Intervention"])
            p[1].append(row["Comparator"])
    skip = held_back()
    docs = []
    for name in sorted(os.listdir(EI)):
        pmcid = name[:-5]
        if not name.endswith(".nxml") or pmcid in skip or pmcid not in prompts:
            continue
        h = hashlib.sha1(("arms-2026-12-06:" + pmcid).encode()).digest()
        if (h[-1] % 2 == 0) == (which == "dev"):
            docs.append(pmcid)
    out = subprocess.run([tm, "studies", "-j", "2", "-q"] +
                         [os.path.join(EI, d + ".nxml") for d in docs],
                         capture_output=True, text=True, check=True).stdout
    first = {}
    for row in csv.DictReader(io.StringIO(out)):
        if row["study"] == row["doc"] and row["doc"] not in first:
            first[row["doc"]] = row
    found = right = swapped = unroled = unroled_right = 0
    for d in docs:
        row = first.get("pmcid:" + d, {})
        t, c = row.get("treatment_label", ""), row.get("control_label", "")
        inter, comp = prompts[d]
        cw = set().union(*(content(x) for x in comp))
        iw = set().union(*(content(x) for x in inter)) - cw
        verdict = "none"
        note = re.search(r"arms, none a control by what it receives: ([^;]*)",
                         row.get("notes", ""))
        if not (t and c) and note:
            unroled += 1
            arms = [content(re.sub(r"\s*\(\d+\)$", "", x))
                    for x in note.group(1).split(", ")]
            verdict = "unroled-wrong"
            for i, x in enumerate(arms):
                if x & iw and any(y & cw for j, y in enumerate(arms) if j != i):
                    unroled_right += 1
                    verdict = "unroled"
                    break
            t = note.group(1)
        if t and c:
            found += 1
            tw, kw = content(t), content(c)
            if ((kw & cw or generic(c, GENERIC_CONTROL)) and
                    (tw & iw or generic(t, GENERIC_TREATMENT))):
                right += 1
                verdict = "right"
            elif kw & iw and tw & cw and not kw & cw:
                swapped += 1
                verdict = "SWAP"
            else:
                verdict = "wrong"
        if "--details" in argv and verdict not in ("right", "unroled"):
            print("  %-12s %-5s T=%r C=%r | I=%r C=%r" %
                  (d, verdict, t, c, sorted(set(inter))[:3],
                   sorted(set(comp))[:3]))
    n = len(docs)
    print("trial arms against the doctors' prompts (%s, %d reports): "
          "found %d, right %d, swapped %d; recall %.2f precision %.2f; "
          "named without roles %d, right %d" %
          (which, n, found, right, swapped, right / n if n else 0,
           right / found if found else 0, unroled, unroled_right))
    if floor is not None and right < floor * n:
        return 1
    if precision is not None and found and right < precision * found:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
