#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Deterministic benchmark inputs for trialmine.

    bench/gen.py text SIZE_MB OUT      plain text: review-style paragraphs with
                                       hard line breaks, hyphenation, OCR damage
                                       (1x10 ®cells/kg, P=O.04, 0·03) and p-values

The same arguments always give the same bytes (a fixed seed), so runs on
different days compare.  Sentences are assembled from templates written for
this project with varying numbers; they are not taken from any paper.
"""
import random
import sys
import textwrap

TEMPLATES = [
    "{Author} et al. randomly assigned {n} patients with moderate-to-severe ARDS to "
    "a single infusion of {m}x10 \u00aecells/kg or placebo [{ref}].",
    "Mortality at day {d} was {p1}% in the MSC group and {p2}% in the control "
    "group (P={pv}), while {q}% of controls finally crossed over to ECMO.",
    "Twenty-{w} patients received two infusions of ({m}00+20)x10\u00b0 cells, and "
    "no serious adverse events were attributed to the cells (p < .{z}).",
    "In the {Author} trial, {n} subjects were enrolled; survival was "
    "{p1}\u00b79% versus {p2}% (P = 0\u00b7{z}), and IL-1p fell by day {d}.",
    "The oxygenation index improved more with cells (difference {q}.{z} mmHg; "
    "95% CI 1.{z} to {p1}.2; P=O.0{w}) than with placebo, P for trend = 0.0{w}.",
    "Doses ranged from {m}x10\u00b0 cells/kg to {p1}x10\u00b0 cells/kg, and heparin "
    "was given at {n}-{p1}0 U/kg with a target ACT of 180 s [{ref}].",
]
AUTHORS = ["Zheng", "Wilson", "Matthay", "Lanzoni", "Dilogo", "Monsel", "Leng",
           "Shu", "Meng", "Kaushal", "Bellingan", "Simonson", "Chen", "Xu"]


def sentence(rng):
    t = rng.choice(TEMPLATES)
    return t.format(
        Author=rng.choice(AUTHORS), n=rng.randint(8, 400), m=rng.randint(1, 9),
        ref=rng.randint(1, 80), d=rng.choice([28, 30, 60, 90]),
        p1=rng.randint(5, 60), p2=rng.randint(5, 70), q=rng.randint(2, 40),
        pv="0.%02d" % rng.randint(1, 99), w=rng.randint(1, 9),
        z="%03d" % rng.randint(1, 999))


def paragraph(rng):
    text = " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))
    lines = textwrap.wrap(text, width=62, break_long_words=False,
                          break_on_hyphens=False)
    out = []
    for line in lines:
        # Hyphenate some line ends as PDF extraction leaves them.
        words = line.rsplit(" ", 1)
        if len(words) == 2 and len(words[1]) > 7 and words[1].isalpha() \
                and rng.random() < 0.3:
            cut = len(words[1]) // 2
            out.append(words[0] + " " + words[1][:cut] + "-")
            out.append(words[1][cut:])
            continue
        out.append(line)
    return "\n".join(out)


def gen_text(size_mb, out):
    rng = random.Random(20261122)
    target = int(size_mb * 1024 * 1024)
    written = 0
    page = 1
    with open(out, "w", encoding="utf-8") as f:
        while written < target:
            para = paragraph(rng) + "\n\n"
            if rng.random() < 0.1:
                para += "Page %d of 400\n\n" % page
                page += 1
            f.write(para)
            written += len(para.encode("utf-8"))


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("text",):
        sys.exit(__doc__)
    gen_text(float(sys.argv[2]), sys.argv[3])


if __name__ == "__main__":
    main()
