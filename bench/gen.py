#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Deterministic benchmark inputs for trialmine.

    bench/gen.py text SIZE_MB OUT      plain text: review-style paragraphs with
                                       hard line breaks, hyphenation, OCR damage
                                       (1x10 ®cells/kg, P=O.04, 0·03) and p-values
    bench/gen.py pubmed SIZE_MB OUT    a PubmedArticleSet shaped like efetch output
                                       and baseline files: structured abstracts
                                       with <sup>, <i>, MeSH, publication types
                                       (OUT ending in .gz is gzip-compressed)

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


SECTIONS = [("BACKGROUND", "BACKGROUND"), ("METHODS", "METHODS"),
            ("RESULTS", "RESULTS"), ("CONCLUSIONS", "CONCLUSIONS")]
MESH = ["Adult", "Aged", "Female", "Humans", "Male", "Middle Aged",
        "Mesenchymal Stem Cell Transplantation", "Respiratory Distress Syndrome",
        "COVID-19", "Treatment Outcome", "Extracorporeal Membrane Oxygenation"]
PUBTYPES = ["Journal Article", "Randomized Controlled Trial",
            "Clinical Trial, Phase II", "Multicenter Study"]


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def abstract_sentence(rng):
    # XML variant of the text templates: exponents as <sup>, no OCR damage
    # in half of them (XML rarely has it), italics around P.
    s = sentence(rng)
    s = xml_escape(s)
    if rng.random() < 0.5:
        s = s.replace("x10 \u00aecells", " \u00d7 10<sup>6</sup> cells")
        s = s.replace("x10\u00b0", " \u00d7 10<sup>6</sup>")
        s = s.replace("P=", "<i>P</i> = ")
    return s


def pubmed_record(rng, pmid):
    title = "%s of %s in %s: a %s" % (
        rng.choice(["Safety and efficacy", "Effect", "Outcomes",
                    "A randomised trial"]),
        rng.choice(["umbilical cord MSCs", "bone marrow MSCs",
                    "adipose-derived stromal cells", "MultiStem"]),
        rng.choice(["ARDS", "COVID-19 ARDS", "severe pneumonia"]),
        rng.choice(["phase 1 study", "phase 2 trial", "pilot RCT"]))
    parts = []
    for label, cat in SECTIONS:
        text = " ".join(abstract_sentence(rng)
                        for _ in range(rng.randint(1, 3)))
        parts.append('<AbstractText Label="%s" NlmCategory="%s">%s'
                     '</AbstractText>' % (label, cat, text))
    mesh = "".join(
        '<MeshHeading><DescriptorName UI="D%06d" MajorTopicYN="N">%s'
        '</DescriptorName></MeshHeading>' % (rng.randint(1, 999999), m)
        for m in rng.sample(MESH, 5))
    pts = "".join('<PublicationType UI="D016428">%s</PublicationType>' % p
                  for p in rng.sample(PUBTYPES, 2))
    year = rng.randint(2010, 2025)
    return (
        '<PubmedArticle>\n<MedlineCitation Status="MEDLINE" Owner="NLM">\n'
        '<PMID Version="1">%d</PMID>\n<Article PubModel="Print">\n'
        '<Journal><ISSN IssnType="Electronic">9999-%04d</ISSN><JournalIssue '
        'CitedMedium="Internet"><Volume>%d</Volume><PubDate><Year>%d</Year>'
        '</PubDate></JournalIssue><Title>Journal of Synthetic Trials</Title>'
        '</Journal>\n<ArticleTitle>%s.</ArticleTitle>\n<Abstract>\n%s\n'
        '</Abstract>\n<AuthorList CompleteYN="Y"><Author ValidYN="Y">'
        '<LastName>%s</LastName><ForeName>A</ForeName></Author></AuthorList>\n'
        '<PublicationTypeList>%s</PublicationTypeList>\n</Article>\n'
        '<MeshHeadingList>%s</MeshHeadingList>\n</MedlineCitation>\n'
        '<PubmedData><ArticleIdList><ArticleId IdType="pubmed">%d</ArticleId>'
        '<ArticleId IdType="doi">10.99999/bench.%d</ArticleId></ArticleIdList>'
        '</PubmedData>\n</PubmedArticle>\n' % (
            pmid, rng.randint(0, 9999), rng.randint(1, 50), year,
            xml_escape(title), "\n".join(parts), rng.choice(AUTHORS), pts,
            mesh, pmid, pmid))


def gen_pubmed(size_mb, out):
    import gzip
    rng = random.Random(20261122)
    target = int(size_mb * 1024 * 1024)
    opener = gzip.open if out.endswith(".gz") else open
    written = 0
    pmid = 30000000
    with opener(out, "wt", encoding="utf-8") as f:
        head = ('<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC '
                '"-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
                '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">'
                '\n<PubmedArticleSet>\n')
        f.write(head)
        written += len(head)
        n = 0
        while written < target:
            rec = pubmed_record(rng, pmid)
            pmid += 1
            n += 1
            f.write(rec)
            written += len(rec.encode("utf-8"))
        f.write("</PubmedArticleSet>\n")
    print(n)


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("text", "pubmed"):
        sys.exit(__doc__)
    if sys.argv[1] == "text":
        gen_text(float(sys.argv[2]), sys.argv[3])
    else:
        gen_pubmed(float(sys.argv[2]), sys.argv[3])


if __name__ == "__main__":
    main()
