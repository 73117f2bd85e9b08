#!/usr/bin/env python3
"""Mechanical checks of corpus/heldout-b: gold.tsv and negatives.tsv.

Errors (exit status 1):
  - a gold line without exactly 10 tab-separated fields, a negative line without 4;
  - a doc_id that names no file in this directory;
  - a type other than sample_size, dose, mortality, survival, p_value;
  - a value or value_high that does not parse as a number;
  - a comparator other than =, <, >, <=, >=, ≤, ≥ (or empty);
  - a mortality or survival value outside 0-100, or with a unit other than %;
  - a sample_size without scope total, arm or subgroup;
  - a surface that does not occur verbatim in its document, or contains a line break;
  - a negative span that overlaps every occurrence of a gold surface of the same type
    in the same document (a correct extraction would then hit the negative).
Warnings: a surface that occurs more than once in its document; events=/total= in
notes that do not give the value (to 1e-6 relative) when no percentage is printed.

Usage: python3 check.py [DIR]   (DIR defaults to this script's directory)
"""
import os
import re
import sys

TYPES = {"sample_size", "dose", "mortality", "survival", "p_value"}
COMPARATORS = {"", "=", "<", ">", "<=", ">=", "≤", "≥"}
SCOPES = {"total", "arm", "subgroup"}


def occurrences(text, s):
    out, i = [], text.find(s)
    while i >= 0:
        out.append((i, i + len(s)))
        i = text.find(s, i + 1)
    return out


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors, warnings = [], []
    docs = {}

    def doc(name, where):
        if name not in docs:
            p = os.path.join(d, name)
            if not os.path.isfile(p):
                errors.append(f"{where}: no document {name}")
                docs[name] = None
            else:
                docs[name] = open(p, encoding="utf-8").read()
        return docs[name]

    gold_spans = {}  # (doc, type) -> list of lists of occurrence spans
    counts = {}
    with open(os.path.join(d, "gold.tsv"), encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header = lines[0].split("\t")
    if header != ["doc_id", "type", "value", "value_high", "unit", "comparator",
                  "scope_or_group", "timepoint", "surface", "notes"]:
        errors.append("gold.tsv: unexpected header")
    for n, line in enumerate(lines[1:], start=2):
        where = f"gold.tsv:{n}"
        f = line.split("\t")
        if len(f) != 10:
            errors.append(f"{where}: {len(f)} fields, not 10")
            continue
        doc_id, typ, value, high, unit, comp, scope, tp, surface, notes = f
        text = doc(doc_id, where)
        if typ not in TYPES:
            errors.append(f"{where}: type {typ!r}")
        counts[typ] = counts.get(typ, 0) + 1
        try:
            v = float(value)
        except ValueError:
            errors.append(f"{where}: value {value!r} is not a number")
            v = None
        if high:
            try:
                float(high)
            except ValueError:
                errors.append(f"{where}: value_high {high!r} is not a number")
        if comp not in COMPARATORS:
            errors.append(f"{where}: comparator {comp!r}")
        if typ in ("mortality", "survival"):
            if v is not None and not 0 <= v <= 100:
                errors.append(f"{where}: {typ} {v} outside 0-100")
            if unit != "%":
                errors.append(f"{where}: {typ} unit {unit!r}, not %")
        if typ == "sample_size" and scope not in SCOPES:
            errors.append(f"{where}: sample_size scope {scope!r}")
        if typ == "p_value" and not comp:
            errors.append(f"{where}: p_value without comparator")
        if not surface or "\n" in surface or "\r" in surface:
            errors.append(f"{where}: empty or multi-line surface")
        if text is None:
            continue
        occ = occurrences(text, surface)
        if not occ:
            errors.append(f"{where}: surface {surface!r} not in {doc_id}")
            continue
        if len(occ) > 1:
            warnings.append(f"{where}: surface {surface!r} occurs {len(occ)} times in {doc_id}")
        gold_spans.setdefault((doc_id, typ), []).append(occ)
        m_ev = re.search(r"events=(\d+) total=(\d+)", notes)
        if m_ev and v is not None and "stated percent" not in notes:
            derived = 100.0 * int(m_ev.group(1)) / int(m_ev.group(2))
            if abs(derived - v) > 1e-6 * max(1.0, abs(derived)):
                warnings.append(f"{where}: value {v} but events/total give {derived:.6f}")

    ncount = 0
    with open(os.path.join(d, "negatives.tsv"), encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if lines[0].split("\t") != ["doc_id", "type", "surface", "reason"]:
        errors.append("negatives.tsv: unexpected header")
    for n, line in enumerate(lines[1:], start=2):
        where = f"negatives.tsv:{n}"
        f = line.split("\t")
        if len(f) != 4:
            errors.append(f"{where}: {len(f)} fields, not 4")
            continue
        ncount += 1
        doc_id, typ, surface, reason = f
        text = doc(doc_id, where)
        if typ not in TYPES:
            errors.append(f"{where}: type {typ!r}")
        if not surface or "\n" in surface:
            errors.append(f"{where}: empty or multi-line surface")
        if text is None:
            continue
        occ = occurrences(text, surface)
        if not occ:
            errors.append(f"{where}: surface {surface!r} not in {doc_id}")
            continue
        if len(occ) > 1:
            warnings.append(f"{where}: surface {surface!r} occurs {len(occ)} times in {doc_id}")
        for gocc in gold_spans.get((doc_id, typ), []):
            # the negative's first occurrence is the one that counts; a clash is when it
            # overlaps the gold surface's first occurrence
            a, b = occ[0]
            c, e = gocc[0]
            if a < e and c < b:
                errors.append(f"{where}: negative {surface!r} overlaps a gold {typ} surface")

    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    total = sum(counts.values())
    print(f"documents: {len([k for k, v in docs.items() if v is not None])}; gold: {total} "
          + ", ".join(f"{k} {counts.get(k, 0)}" for k in sorted(TYPES))
          + f"; negatives: {ncount}; errors: {len(errors)}; warnings: {len(warnings)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
