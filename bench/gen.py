#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Deterministic benchmark inputs for trialmine.

    bench/gen.py text SIZE_MB OUT      plain text: review-style paragraphs with
                                       hard line breaks, hyphenation, OCR damage
                                       (1x10 ®cells/kg, P=O.04, 0·03) and p-values
    bench/gen.py pubmed SIZE_MB OUT    a PubmedArticleSet shaped like efetch output
                                       and baseline files: structured abstracts
                                       with <sup>, <i>, MeSH, publication types.
                                       The dense worst case: every sentence is a
                                       trial sentence
    bench/gen.py pubmed-real SIZE_MB OUT
                                       a PubmedArticleSet shaped like a baseline
                                       file (pubmedNNnNNNN.xml), with the record
                                       mix described below
    bench/gen.py jats SIZE_MB OUT      a pmc-articleset of PMC JATS full-text
                                       articles, as efetch db=pmc returns them

OUT ending in .gz is gzip-compressed (pubmed, pubmed-real, jats).  The XML
modes print the number of records (articles) written on stdout.

The same arguments always give the same bytes (a fixed seed, and a zero
mtime in gzip headers), so runs on different days compare.  Sentences are
assembled from templates written for this project with varying numbers;
they are not taken from any paper.

Record mixes

pubmed-real models the records of a baseline file, not the trials
trialmine is after: most of what a user streams through it is ordinary
biomedical text, and the speed that matters is the speed on that.  Each
record is drawn independently:

  32%  no abstract: letters, editorials, comments, errata, short reports.
       In baseline files roughly a third of records have no abstract
       (older years more, recent years fewer; the 170-record NLM sample in
       the fixtures has 109 abstracts).  Short author lists, few MeSH.
  56%  general biomedical abstracts, after a design chosen per record:
       epidemiology (2/5), laboratory (1/5) or clinical (2/5).  Background,
       methods, results, conclusions with ordinary numbers (ages, years,
       cohort sizes, concentrations with units, percentages of outcomes
       other than death, HR/OR with 95% CI) and p-values in some
       sentences.  45% structured.
   7%  clinical-trial abstracts (publication type Randomized Controlled
       Trial or Clinical Trial): sample sizes per arm, cell doses
       (1 × 10<sup>6</sup> cells/kg) or drug doses, mortality and
       survival percentages per arm, deaths "k of n", hazard ratios,
       p-values, sometimes a registration number.  80% structured.  Trials
       are a few per cent of all PubMed records and more in the clinical
       journals trialmine's users search; 7% sits in the 5-10% that issue 8
       asks for.  The sentences adapt the dense mode's TEMPLATES without
       the OCR damage (PubMed XML is not OCR'd).
   5%  case reports: a short unstructured abstract with an age.

Structured abstracts carry Label and NlmCategory (15% Label only); the
rest are one unlabelled AbstractText.  Inline <i>, <sup>, <sub> appear as
real abstracts use them: gene names, species, exponents, HbA<sub>1c</sub>,
an italic P now and then.  Metadata follows the DTD's order: DateCompleted
(MEDLINE records) and DateRevised; Journal with ISSN, JournalIssue, Title,
ISOAbbreviation; ArticleTitle, Pagination, ELocationID; AuthorList (1-12
authors; AffiliationInfo on the first author and some others; an ORCID
Identifier on 8% of authors); Language; GrantList (20%);
PublicationTypeList; ArticleDate (60%); MedlineJournalInfo; ChemicalList
(40% of MEDLINE records); MeshHeadingList with QualifierName (the 85% of
records with Status MEDLINE); KeywordList (half the abstracts); PubmedData
with History/PubMedPubDate, PublicationStatus, ArticleIdList (pubmed, doi,
pii 40%, pmc) and a ReferenceList of 8-45 references in 25% of records
(the records of journals that deposit references; they also get a pmc
id).  Indented by two spaces like baseline files; UTF-8 text (µ, ±, ×,
accented names).  About 8.7 KB per record on average, compressing 6.5x
with gzip -6; the real PubMed fixtures are 8-12 KB per record and
compress 7-8.7x.

jats models PMC open-access full text: one <pmc-articleset> of <article>
elements, ASCII with numeric character references like the efetch
db=pmc fixture.
Each article has front (journal-meta; article-meta with article-id pmid,
pmcid, doi and publisher-id, title-group, contrib-group with aff, dates,
permissions, abstract, kwd-group, sometimes funding-group), body
(Introduction; Methods with four subsections; Results with a Table 1 of
group characteristics, n (%) and mean ± SD with a P value column, a
Table 2 of outcomes per arm (trials) or hazard ratios (others) in 80%, a
fig in 40%; Discussion; Conclusions; citations as xref in (n), [n] or
superscript style per article) and back (ack, a COI footnote, a ref-list
of 15-70 element-citations with pub-id pmid and doi).  The mix: 7% trial
articles (the trial pool above, arms in the tables), 5% case reports, 3%
short items (correction, editorial or letter: one paragraph, no abstract,
tables or references), 85% research articles (one in ten a review) drawing
on the general pool.  About 64 KB per article, compressing 7x with gzip
-6 (the real PMC fixtures: 60-120 KB, 4-5x).
"""
import gzip
import io
import random
import re
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
    rng = random.Random(20261122)
    target = int(size_mb * 1024 * 1024)
    written = 0
    pmid = 30000000
    f, raw = _open_out(out)
    with f:
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
    if raw is not None:
        raw.close()
    print(n)


# ---------------------------------------------------------------------------
# pubmed-real and jats: realistic record mixes.
#
# Templates are strings with {slot} holes.  A slot is filled by a function
# of (rng, ctx): ctx holds what one abstract or article is about (its
# condition, exposure, trial arms, sample sizes), so the sentences of one
# record agree with each other.  Templates are compiled once into
# (literal, slot) pieces.  All text below is XML-safe as written: markup is
# PubMed's (<i>, <sup>, <sub>) and is rewritten to JATS tags for jats.

_SLOT_RE = re.compile(r"\{(\w+)\}")


def _compile(templates):
    out = []
    for t in templates:
        parts = _SLOT_RE.split(t)
        out.append(tuple(parts))
    return out


def _fill(parts, rng, ctx):
    # parts alternates literal, slot, literal, ...
    buf = [parts[0]]
    for i in range(1, len(parts), 2):
        buf.append(SLOTS[parts[i]](rng, ctx))
        buf.append(parts[i + 1])
    s = "".join(buf)
    return s[0].upper() + s[1:] if s[0].islower() else s


def _pick(rng, pool, k):
    # k templates, without repeats while the pool lasts
    if k <= len(pool):
        return rng.sample(pool, k)
    return [rng.choice(pool) for _ in range(k)]


def _say(rng, ctx, pool, k):
    return " ".join(_fill(t, rng, ctx) for t in _pick(rng, pool, k))


def _pv(rng):
    # p-values as abstracts write them: 0.03, .03, 0.004, < 0.001
    x = rng.random()
    if x < 0.15:
        return rng.choice(["&lt; 0.001", "&lt; .001", "&lt; 0.0001",
                           "&lt; 0.01", "&lt; 0.05"])
    if x < 0.35:
        return ".%02d" % rng.randint(1, 99)
    if x < 0.5:
        return "0.00%d" % rng.randint(1, 9)
    return "0.%02d" % rng.randint(1, 99)


def _p_clause(rng):
    p = _pv(rng)
    sym = rng.choice(["P", "p", "<i>P</i>", "<i>p</i>"])
    if p.startswith("&lt;"):
        return "%s %s" % (sym, p)
    return "%s = %s" % (sym, p)


def _ci(rng, centre=None):
    if centre is None:
        centre = rng.uniform(0.5, 2.5)
    lo = centre * rng.uniform(0.6, 0.95)
    hi = centre * rng.uniform(1.05, 1.6)
    dash = rng.choice(["-", "-", " to ", "\u2013"])
    return "%.2f%s%.2f" % (lo, dash, hi)


CONDITIONS = [
    "type 2 diabetes", "chronic kidney disease", "heart failure", "asthma",
    "rheumatoid arthritis", "hepatocellular carcinoma", "major depressive disorder",
    "osteoporosis", "psoriasis", "chronic obstructive pulmonary disease",
    "Parkinson's disease", "obesity", "atrial fibrillation", "migraine",
    "pulmonary tuberculosis", "primary open-angle glaucoma", "endometriosis",
    "chronic periodontitis", "Plasmodium falciparum malaria", "gestational diabetes",
    "colorectal cancer", "non-alcoholic fatty liver disease", "multiple sclerosis",
    "hip osteoarthritis", "ischaemic stroke", "systemic lupus erythematosus",
    "iron deficiency anaemia", "preterm birth", "chronic hepatitis B",
    "generalized anxiety disorder", "Crohn's disease", "cystic fibrosis",
    "polycystic ovary syndrome", "papillary thyroid carcinoma", "sarcopenia",
    "diabetic retinopathy", "acute pancreatitis", "HIV infection",
    "community-acquired pneumonia", "atopic dermatitis",
]
EXPOSURES = [
    "serum 25-hydroxyvitamin D", "habitual sleep duration",
    "long-term exposure to fine particulate matter", "dietary fibre intake",
    "leisure-time physical activity", "shift work", "coffee consumption",
    "body mass index", "maternal smoking during pregnancy", "statin use",
    "proton pump inhibitor use", "screen time", "sodium intake",
    "household income", "alcohol consumption", "loneliness",
    "ultra-processed food intake", "residential green space",
    "antibiotic exposure in infancy", "night-time light exposure",
]
MARKERS = [
    "interleukin-6", "C-reactive protein", "HbA<sub>1c</sub>",
    "high-sensitivity troponin T", "serum ferritin", "NT-proBNP",
    "tumour necrosis factor-\u03b1", "procalcitonin", "cystatin C",
    "fibroblast growth factor 23", "neutrophil-to-lymphocyte ratio",
    "serum uric acid", "plasma homocysteine", "soluble ST2",
    "circulating miR-21", "CD4<sup>+</sup> T-cell count", "serum albumin",
    "adiponectin", "leptin", "D-dimer",
]
POPULATIONS = [
    "community-dwelling older adults", "adolescents", "pregnant women",
    "postmenopausal women", "adults undergoing haemodialysis",
    "children under five years of age", "health-care workers",
    "kidney transplant recipients", "nursing home residents", "male smokers",
    "patients admitted to intensive care", "primary care patients",
    "university students", "rural households", "military veterans",
]
SETTINGS = [
    "northern Italy", "rural Kenya", "south-west China", "the Netherlands",
    "Ontario, Canada", "Sao Paulo, Brazil", "Denmark", "South Korea",
    "New South Wales, Australia", "Catalonia, Spain", "Punjab, India",
    "Scotland", "the Mekong Delta, Vietnam", "Bavaria, Germany",
    "the Midwestern United States", "Istanbul, Turkey", "Lagos, Nigeria",
    "Hokkaido, Japan", "Chile", "Finland",
]
DESIGNS = [
    "prospective cohort study", "retrospective cohort study",
    "population-based case-control study", "cross-sectional survey",
    "nested case-control study", "registry-based cohort study",
    "multicentre observational study", "secondary analysis of a cohort",
]
OUTCOMES = [
    "hospital readmission", "incident hypertension", "cognitive decline",
    "all-cause hospitalization", "fracture", "depressive symptoms",
    "postoperative delirium", "acute kidney injury", "falls",
    "surgical site infection", "preeclampsia", "low birth weight",
    "frailty", "poor glycaemic control", "disease flare",
    "progression to dialysis", "venous thromboembolism", "relapse",
]
SYMPTOMS = [
    "daily fatigue", "chronic pain", "sleep disturbance", "dyspnoea on exertion",
    "persistent cough", "nausea", "dizziness", "low mood", "headache",
    "joint stiffness", "food insecurity", "difficulty walking",
]
COMPOUNDS = [
    "metformin", "resveratrol", "curcumin", "rapamycin", "berberine",
    "quercetin", "a selective SIRT1 activator", "sodium butyrate", "melatonin",
    "dexmedetomidine", "N-acetylcysteine", "a PI3K inhibitor", "baicalin",
    "hydrogen sulfide donor NaHS", "a TLR4 antagonist", "liraglutide",
]
READOUTS = [
    "apoptosis", "cell viability", "reactive oxygen species production",
    "collagen deposition", "migration", "NF-\u03baB activation",
    "mitochondrial membrane potential", "inflammatory cytokine release",
    "lipid accumulation", "autophagic flux", "tubular injury", "infarct size",
]
ASSAYS = [
    "ELISA", "flow cytometry", "quantitative PCR", "western blotting",
    "immunohistochemistry", "liquid chromatography-tandem mass spectrometry",
    "a chemiluminescent immunoassay", "RNA sequencing", "the CCK-8 assay",
]
MODELS = [
    "Cox proportional hazards models", "multivariable logistic regression",
    "linear mixed-effects models", "Poisson regression with robust variance",
    "generalized estimating equations", "restricted cubic spline models",
    "propensity score matching", "inverse probability weighting",
]
COVARIATES = [
    "smoking status", "education", "diabetes", "baseline eGFR",
    "physical activity", "socioeconomic position", "comorbidity index",
    "season of blood draw", "parity", "hypertension",
]
GENES = ["TP53", "BRCA1", "APOE", "KRAS", "EGFR", "MTHFR", "FTO", "IL6",
         "HLA-B", "CYP2C19", "PCSK9", "TERT", "NOD2", "SLC30A8", "VDR"]
PATHOGENS = ["<i>Helicobacter pylori</i>", "<i>Staphylococcus aureus</i>",
             "<i>Klebsiella pneumoniae</i>", "hepatitis E virus",
             "<i>Escherichia coli</i>", "<i>Mycoplasma pneumoniae</i>",
             "rotavirus", "<i>Candida auris</i>", "norovirus"]
UNITS = ["ng/mL", "pg/mL", "mg/L", "\u00b5mol/L", "mmol/L", "U/L", "nmol/L"]
REGISTRIES = ["a national health insurance database",
              "the regional hospital discharge register",
              "an electronic health record network",
              "a nationwide birth cohort", "the national cancer registry",
              "a biobank of middle-aged volunteers"]

# Clinical-trial context: the minority of records that report trials.
TRIAL_CONDITIONS = [
    "acute respiratory distress syndrome", "COVID-19 pneumonia",
    "septic shock", "severe traumatic brain injury", "acute myocardial infarction",
    "decompensated liver cirrhosis", "ischaemic cardiomyopathy",
    "bronchopulmonary dysplasia", "knee osteoarthritis", "critical limb ischaemia",
    "acute graft-versus-host disease", "advanced non-small-cell lung cancer",
]
CELL_TX = [
    ("umbilical cord mesenchymal stromal cells", "UC-MSC"),
    ("bone marrow-derived MSCs", "MSC"),
    ("adipose-derived stromal cells", "ADSC"),
    ("allogeneic MSCs", "MSC"),
    ("multipotent adult progenitor cells", "MAPC"),
    ("Wharton's jelly MSCs", "WJ-MSC"),
]
DRUG_TX = [
    ("tocilizumab", "tocilizumab", "8 mg/kg"),
    ("hydrocortisone", "hydrocortisone", "50 mg every 6 hours"),
    ("levosimendan", "levosimendan", "0.1 \u00b5g/kg/min"),
    ("progesterone", "progesterone", "1 mg/kg"),
    ("simvastatin", "simvastatin", "80 mg daily"),
    ("inhaled nitric oxide", "nitric oxide", "20 ppm"),
    ("vitamin C", "vitamin C", "50 mg/kg every 6 hours"),
    ("docetaxel plus cisplatin", "docetaxel", "75 mg/m<sup>2</sup>"),
    ("intravenous iron", "iron", "1000 mg"),
    ("anakinra", "anakinra", "100 mg twice daily"),
]
CONTROLS = [("placebo", "placebo"), ("saline placebo", "placebo"),
            ("standard care", "standard care"), ("usual care", "control"),
            ("placebo", "control")]
SECONDARY = ["ventilator-free days", "the oxygenation index",
             "the Sequential Organ Failure Assessment score",
             "length of hospital stay", "the 6-minute walk distance",
             "quality of life", "the modified Rankin Scale score",
             "left ventricular ejection fraction", "serum lactate",
             "time to clinical improvement"]


def _author_last(rng, ctx):
    return rng.choice(LAST_NAMES)


SLOTS = {
    "cond": lambda r, c: c["cond"],
    "cond2": lambda r, c: r.choice(CONDITIONS),
    "expo": lambda r, c: c["expo"],
    "marker": lambda r, c: c["marker"],
    "marker2": lambda r, c: r.choice(MARKERS),
    "pop": lambda r, c: c["pop"],
    "setting": lambda r, c: c["setting"],
    "design": lambda r, c: c["design"],
    "outcome": lambda r, c: c["outcome"],
    "outcome2": lambda r, c: r.choice(OUTCOMES),
    "symptom": lambda r, c: r.choice(SYMPTOMS),
    "compound": lambda r, c: c["compound"],
    "readout": lambda r, c: r.choice(READOUTS),
    "assay": lambda r, c: r.choice(ASSAYS),
    "model": lambda r, c: r.choice(MODELS),
    "covar": lambda r, c: r.choice(COVARIATES),
    "covars": lambda r, c: " and ".join(r.sample(COVARIATES, 2)),
    "pns": lambda r, c: "%s = 0.%02d" % (r.choice(["P", "p", "<i>P</i>"]),
                                         r.randint(8, 97)),
    "agecmp": lambda r, c: "%d.%d" % (r.randint(34, 78), r.randint(0, 9)),
    "gene": lambda r, c: "<i>%s</i>" % r.choice(GENES),
    "pathogen": lambda r, c: r.choice(PATHOGENS),
    "unit": lambda r, c: r.choice(UNITS),
    "registry": lambda r, c: r.choice(REGISTRIES),
    "n": lambda r, c: "{:,}".format(c["n"]) if c["n"] >= 10000 else str(c["n"]),
    "nsmall": lambda r, c: str(r.randint(6, 60)),
    "big": lambda r, c: "{:,}".format(r.randint(12000, 2400000)),
    "age1": lambda r, c: str(r.randint(18, 50)),
    "age2": lambda r, c: str(r.randint(55, 89)),
    "age": lambda r, c: "%d.%d" % (r.randint(34, 78), r.randint(0, 9)),
    "sd": lambda r, c: "%d.%d" % (r.randint(4, 15), r.randint(0, 9)),
    "y1": lambda r, c: str(r.randint(1995, 2012)),
    "y2": lambda r, c: str(r.randint(2013, 2023)),
    "fu": lambda r, c: "%d.%d" % (r.randint(2, 19), r.randint(0, 9)),
    "weeks": lambda r, c: str(r.choice([4, 6, 8, 12, 16, 24, 26, 52])),
    "pct": lambda r, c: "%d.%d" % (r.randint(2, 85), r.randint(0, 9)),
    "pct2": lambda r, c: "%d.%d" % (r.randint(2, 85), r.randint(0, 9)),
    "ipct": lambda r, c: str(r.randint(5, 60)),
    "conc": lambda r, c: str(r.choice([1, 5, 10, 20, 25, 50, 100, 200])),
    "mgkg": lambda r, c: str(r.choice([1, 2, 5, 10, 20, 25, 50, 100])),
    "hours": lambda r, c: str(r.choice([6, 12, 24, 48, 72])),
    "days": lambda r, c: str(r.choice([3, 5, 7, 10, 14, 21, 28])),
    "pergroup": lambda r, c: str(r.choice([5, 6, 8, 10, 12])),
    "v1": lambda r, c: "%.1f" % r.uniform(1, 400),
    "v2": lambda r, c: "%.1f" % r.uniform(1, 400),
    "fold": lambda r, c: "%.1f" % r.uniform(1.3, 6.5),
    "hr": lambda r, c: "%.2f" % r.uniform(0.45, 2.6),
    "ci": lambda r, c: _ci(r),
    "hrci": lambda r, c: _hrci(r),
    "p": lambda r, c: _p_clause(r),
    "pbare": lambda r, c: _pv(r),
    "auc": lambda r, c: "0.%d" % r.randint(62, 94),
    "k": lambda r, c: str(r.randint(3, 120)),
    "sites": lambda r, c: str(r.randint(2, 48)),
    "r": lambda r, c: "0.%02d" % r.randint(12, 78),
    "or": lambda r, c: "%.2f" % r.uniform(1.1, 3.4),
    "kof": lambda r, c: _k_of_n(r, c),
    "rise": lambda r, c: _rise(r),
    "case_age": lambda r, c: str(r.randint(2, 88)),
    "sex": lambda r, c: r.choice(["man", "woman", "boy", "girl"]),
    "author": _author_last,
    # trials
    "tcond": lambda r, c: c["tcond"],
    "tx": lambda r, c: c["tx"],
    "arm": lambda r, c: c["arm"],
    "ctrl": lambda r, c: c["ctrl"],
    "ctrlarm": lambda r, c: c["ctrlarm"],
    "tn": lambda r, c: str(c["n1"] + c["n2"]),
    "n1": lambda r, c: str(c["n1"]),
    "n2": lambda r, c: str(c["n2"]),
    "screened": lambda r, c: str(c["n1"] + c["n2"] + r.randint(5, 300)),
    "day": lambda r, c: str(c["day"]),
    "dose": lambda r, c: c["dose"],
    "dose2": lambda r, c: c["dose2"],
    "route": lambda r, c: c["route"],
    "ctrlrx": lambda r, c: c["ctrlrx"],
    "mort1": lambda r, c: c["m1"],
    "surv1": lambda r, c: "%.1f" % (100 - float(c["m1"])),
    "surv2": lambda r, c: "%.1f" % (100 - float(c["m2"])),
    "mort2": lambda r, c: c["m2"],
    "deaths": lambda r, c: c["deaths"],
    "sec": lambda r, c: c["sec"],
    "sec2": lambda r, c: r.choice(SECONDARY),
    "phase": lambda r, c: c["phase"],
    "blind": lambda r, c: r.choice(["double-blind", "open-label",
                                    "assessor-blinded", "double-masked"]),
    "country": lambda r, c: r.choice(SETTINGS),
    "ae": lambda r, c: _ae(r, c),
    "diff": lambda r, c: "%.1f" % r.uniform(0.5, 40),
    "cellrange": lambda r, c: _cellrange(r),
    "repeat": lambda r, c: "(%d00 \u00b1 %d) \u00d7 10<sup>6</sup>" % (
        r.randint(1, 9), r.choice([10, 20, 25, 50])),
    "reg": lambda r, c: _registration(r),
    "strat": lambda r, c: r.choice(["site and age", "disease severity",
                                    "centre", "baseline PaO<sub>2</sub>/FiO<sub>2</sub>"]),
    "iqr": lambda r, c: _iqr(r),
}


def _hrci(rng):
    hr = rng.uniform(0.45, 2.6)
    kind = rng.choice(["HR", "OR", "RR", "adjusted HR", "aOR"])
    return "%s %.2f; 95%% CI %s" % (kind, hr, _ci(rng, hr))


def _k_of_n(rng, ctx):
    n = rng.randint(40, 900)
    k = rng.randint(1, n // 2)
    return "%d (%.1f%%) of %d" % (k, 100.0 * k / n, n)


def _rise(rng):
    a = rng.uniform(3, 40)
    b = a + rng.uniform(1, 25)
    return "%.1f%% in %d to %.1f%% in %d" % (a, rng.randint(2000, 2010), b,
                                            rng.randint(2015, 2022))


def _ae(rng, ctx):
    a1 = rng.randint(0, ctx["n1"] // 3)
    a2 = rng.randint(0, ctx["n2"] // 3)
    return "%d patients (%.1f%%) in the %s group and %d (%.1f%%) in the %s group" % (
        a1, 100.0 * a1 / ctx["n1"], ctx["arm"], a2, 100.0 * a2 / ctx["n2"],
        ctx["ctrlarm"])


def _cellrange(rng):
    lo = rng.choice([0.5, 1, 1, 2])
    hi = lo * rng.choice([3, 4, 5, 10])
    return "%g \u00d7 10<sup>6</sup> to %g \u00d7 10<sup>6</sup> cells/kg" % (lo, hi)


def _iqr(rng):
    m = rng.randint(3, 30)
    return "%d days (IQR %d-%d)" % (m, max(1, m - rng.randint(1, 5)),
                                    m + rng.randint(1, 12))


def _registration(rng):
    x = rng.random()
    if x < 0.6:
        return "ClinicalTrials.gov NCT0%07d." % rng.randint(0, 9999999)
    if x < 0.8:
        return "ISRCTN%08d." % rng.randint(0, 99999999)
    return "Chinese Clinical Trial Registry ChiCTR%010d." % rng.randint(
        0, 9999999999)


# General biomedical text: the bulk of PubMed.  Ordinary numbers (ages,
# years, counts, concentrations, percentages of non-mortality outcomes),
# effect sizes, and p-values in some sentences.
BACKGROUND = _compile([
    "{cond} is a major cause of disability worldwide, yet its determinants in {pop} remain poorly characterized.",
    "Previous studies of {expo} and {outcome} have reported inconsistent results.",
    "The burden of {cond} has risen steadily over the past two decades.",
    "Little is known about the role of {marker} in the progression of {cond}.",
    "Whether {expo} influences the risk of {cond} independently of adiposity is uncertain.",
    "Early identification of patients at risk of {outcome} could guide preventive care.",
    "{marker} has been proposed as a prognostic marker in {cond}, but evidence is limited.",
    "Variants in {gene} have been linked to {cond} in several populations.",
    "Infection with {pathogen} remains common in {setting}.",
    "Access to specialist care for {cond} differs widely between regions.",
    "{cond} affects an estimated {ipct}% of {pop} and is frequently underdiagnosed.",
    "Chronic low-grade inflammation is thought to contribute to the development of {cond}.",
    "Current guidelines offer little advice on the management of {outcome} in {cond}.",
    "Experimental data suggest that {compound} modulates {readout} through several pathways.",
])
OBJECTIVE = _compile([
    "We aimed to examine whether {expo} is associated with {outcome} in {pop}.",
    "This study evaluated the diagnostic accuracy of {marker} for {cond}.",
    "The objective was to describe trends in {cond} among {pop} in {setting}.",
    "We investigated the effect of {compound} on {readout} in experimental {cond}.",
    "To assess the association between {marker} and {outcome} in {pop}.",
    "To estimate the prevalence of {symptom} among {pop} and its correlates.",
])
METHODS_EPI = _compile([
    "We conducted a {design} of {n} {pop} aged {age1}-{age2} years recruited between {y1} and {y2} in {setting}.",
    "Data were obtained from {registry}, which covers {big} residents followed for a median of {fu} years.",
    "{expo} was assessed with a validated questionnaire at baseline and after {weeks} weeks.",
    "Associations were estimated with {model} adjusted for age, sex, {covars}.",
    "Participants with {cond2} at baseline were excluded from the main analysis.",
    "Sensitivity analyses excluded events that occurred in the first {nsmall} months of follow-up.",
    "Blood samples were collected after an overnight fast and {marker} was measured by {assay}.",
    "Incident cases of {outcome} were identified through linkage with hospital and death records.",
    "Exposure was categorized into quartiles, with the lowest quartile as the reference.",
    "Effect modification by sex and age group was tested with interaction terms.",
])
METHODS_LAB = _compile([
    "Cells were exposed to {conc} \u00b5M {compound} for {hours} h, and {readout} was assessed by {assay}.",
    "Male C57BL/6 mice (n = {pergroup} per group) received {mgkg} mg/kg {compound} intraperitoneally for {days} days.",
    "Expression of {marker} was quantified by {assay} and normalized to GAPDH.",
    "Sprague-Dawley rats were randomly allocated to sham, model and {compound} groups.",
    "Knockdown of {gene} was achieved with small interfering RNA, and {readout} was measured after {hours} h.",
    "Tissue sections were stained with haematoxylin and eosin and scored by two blinded observers.",
    "Primary cells were isolated from {nsmall} donors and cultured in medium with 10% fetal bovine serum at 37 \u00b0C.",
    "The {cond} model was induced by a single injection of {mgkg} mg/kg streptozotocin or vehicle.",
    "Experiments were repeated at least three times, and data are shown as mean \u00b1 SEM.",
])
METHODS_CLIN = _compile([
    "We retrospectively reviewed the records of {n} consecutive patients with {cond} treated at our centre between {y1} and {y2}.",
    "The diagnostic performance of {marker} was assessed with receiver operating characteristic curves.",
    "Patients were followed for a median of {fu} years for {outcome}.",
    "Clinical, laboratory and imaging data were extracted from electronic records by two investigators.",
    "The primary end point was {outcome} within {nsmall} months.",
    "A total of {n} participants completed an online survey distributed through {sites} clinics.",
    "Patients younger than {age1} years and those with {cond2} were excluded.",
    "{marker} was measured on admission and on day {days}.",
])
RESULTS_EPI = _compile([
    "The mean age was {age} \u00b1 {sd} years and {pct}% were women.",
    "Higher {expo} was associated with a lower risk of {outcome} ({hrci}).",
    "The prevalence of {cond} increased from {rise}.",
    "During {fu} years of follow-up, {k} participants developed {outcome}.",
    "Each standard deviation increase in {marker} was associated with {outcome} ({hrci}).",
    "Carriers of the risk allele had higher odds of {cond} (OR {or}; 95% CI {ci}).",
    "The association was attenuated after adjustment for {covar} ({hrci}).",
    "Compared with the lowest quartile, the highest quartile of {expo} had a {ipct}% higher risk of {outcome}.",
    "{pct}% of participants reported {symptom}, compared with {pct2}% of those without {cond}.",
    "Associations were stronger in women than in men (P for interaction = {pbare}).",
    "No significant difference in {outcome} was found between the groups ({pns}).",
])
RESULTS_LAB = _compile([
    "Treatment with {compound} reduced {readout} by {ipct}% compared with vehicle ({p}).",
    "Expression of {gene} was {fold}-fold higher in lesional tissue than in adjacent tissue ({p}).",
    "{marker} levels in the model group were {fold}-fold those of sham animals ({p}).",
    "Knockdown of {gene} abolished the protective effect of {compound} on {readout}.",
    "{compound} at {conc} \u00b5M increased cell viability from {pct}% to {pct2}% of control.",
    "{marker} correlated moderately with {marker2} (r = {r}, {p}).",
    "Serum {marker} fell from {v1} to {v2} {unit} after {days} days of treatment.",
    "Ca<sup>2+</sup> influx and {readout} were both suppressed by pretreatment with {compound}.",
])
RESULTS_CLIN = _compile([
    "The mean age was {age} \u00b1 {sd} years and {pct}% were women.",
    "{marker} concentrations were higher in patients than in healthy volunteers ({v1} vs {v2} {unit}, {p}).",
    "The area under the curve of {marker} for {cond} was {auc} (95% CI {ci}).",
    "Of the samples tested, {kof} were positive for {pathogen}.",
    "Median time to {outcome} was {iqr}.",
    "{outcome} occurred in {pct}% of the cohort, and it was more frequent among participants with {cond2}.",
    "At a cut-off of {v1} {unit}, sensitivity was {pct}% and specificity was {pct2}%.",
    "Patients with {outcome} were older ({age} vs {agecmp} years) and more often had {cond2}.",
    "In multivariable analysis, {marker} remained independently associated with {outcome} ({hrci}).",
    "{pct}% of respondents reported {symptom}, and {pct2}% had consulted a physician in the previous year.",
    "No significant difference in {outcome} was found between the groups ({pns}).",
])
CONCLUSION_GEN = _compile([
    "These findings suggest that {expo} may be a modifiable target for the prevention of {outcome}.",
    "{marker} may be a useful biomarker for risk stratification in {cond}.",
    "Larger prospective studies are needed to confirm these observations.",
    "{compound} attenuated {readout} in this model, supporting further study in {cond}.",
    "Our data highlight the need for targeted screening of {pop} for {cond}.",
    "Clinicians should be aware of the high burden of {symptom} in {pop}.",
    "{gene} may be a therapeutic target in {cond}.",
])
CASE = _compile([
    "We report the case of a {case_age}-year-old {sex} who presented with {symptom} and was later diagnosed with {cond}.",
    "Imaging revealed a lesion that resolved after treatment.",
    "Laboratory tests showed elevated {marker} and a normal {marker2}.",
    "The patient recovered fully and remained well at {nsmall} months of follow-up.",
    "This case illustrates an unusual presentation of {cond}.",
    "Symptoms had started {days} days before admission.",
])
DISCUSSION = _compile([
    "Our findings are consistent with earlier reports in {pop}.",
    "Several mechanisms may explain the association between {expo} and {outcome}.",
    "In contrast to a previous study in {setting}, we did not observe an effect modification by sex.",
    "This study has limitations, including residual confounding and the use of self-reported data.",
    "Experimental work has shown that {marker} promotes {readout} in animal models.",
    "A meta-analysis of {k} studies reached a similar conclusion.",
    "The strengths of this study include its size and the long follow-up.",
    "Measurement of {marker} at a single time point may have led to misclassification.",
    "Because the cohort was drawn from {setting}, the results may not apply to other populations.",
    "Reverse causation cannot be excluded, although excluding early events did not change the estimates.",
    "Similar effects of {compound} on {readout} were reported in models of {cond2}.",
])
METHODS_BY = {"epi": METHODS_EPI, "lab": METHODS_LAB, "clin": METHODS_CLIN}
RESULTS_BY = {"epi": RESULTS_EPI, "lab": RESULTS_LAB, "clin": RESULTS_CLIN}

# Clinical-trial abstracts: sample sizes, cell and drug doses, mortality
# by arm, p-values.  Adapted from TEMPLATES above, without OCR damage.
TRIAL_BACKGROUND = _compile([
    "Mortality among patients with {tcond} remains high despite advances in supportive care.",
    "{tx} improved outcomes in preclinical models of {tcond}, but randomized evidence is scarce.",
    "We assessed the safety and efficacy of {tx} in adults with {tcond}.",
    "Whether {tx} reduces mortality in {tcond} is unknown.",
])
TRIAL_METHODS = _compile([
    "In this {phase}, {blind}, controlled trial at {sites} centres, we randomly assigned {tn} patients with {tcond} in a 1:1 ratio to {tx} or {ctrl}.",
    "Patients in the {arm} group received {dose} {route}, and patients in the {ctrlarm} group received {ctrlrx}.",
    "The primary outcome was all-cause mortality at day {day}; secondary outcomes included {sec}, {sec2} and adverse events.",
    "Randomization was stratified by {strat}, and analyses followed the intention-to-treat principle.",
])
TRIAL_METHODS_CELL = TRIAL_METHODS + _compile([
    "{author} et al. previously tested doses from {cellrange} in an open-label study.",
    "Cells were manufactured under good manufacturing practice and released when viability exceeded 70%.",
])
TRIAL_RESULTS = _compile([
    "Of {screened} patients screened, {tn} underwent randomization: {n1} to the {arm} group and {n2} to the {ctrlarm} group.",
    "Mortality at day {day} was {mort1}% in the {arm} group and {mort2}% in the {ctrlarm} group ({p}).",
    "By day {day}, {deaths} (hazard ratio, {hr}; 95% CI, {ci}).",
    "Serious adverse events occurred in {ae}; none was judged related to treatment.",
    "Survival at day {day} was {surv1}% with {tx} and {surv2}% with {ctrl} ({p}).",
    "{sec} improved more with {tx} than with {ctrl} (difference {diff}; 95% CI {ci}; {p}).",
    "Median ICU stay was {iqr} in the {arm} group.",
    "A total of {tn} patients were enrolled, with {n1} in the {arm} arm and {n2} in the {ctrlarm} arm.",
])
TRIAL_RESULTS_CELL = TRIAL_RESULTS + _compile([
    "Patients received two infusions of {repeat} cells, and no infusion-related toxicity was observed.",
    "Doses of {dose} and {dose2} were both well tolerated.",
])
TRIAL_CONCLUSION = _compile([
    "In patients with {tcond}, {tx} did not significantly reduce mortality at day {day} compared with {ctrl}.",
    "{tx} was safe and was associated with lower {day}-day mortality; larger trials are warranted.",
    "These results support a phase 3 trial of {tx} in {tcond}.",
])
TRIAL_REG = _compile(["{reg}"])


def _trial_ctx(rng):
    # General slots too: trial articles' introductions and discussions
    # draw on the general pools.
    c = _gen_ctx(rng)
    c["tcond"] = c["cond"] = rng.choice(TRIAL_CONDITIONS)
    c["n1"] = rng.randint(8, 420)
    c["n2"] = max(6, c["n1"] + rng.randint(-10, 10))
    c["day"] = rng.choice([28, 28, 30, 60, 90, 180])
    c["phase"] = rng.choice(["phase 1", "phase 2", "phase 2b", "phase 3",
                             "pilot"])
    ctrl, ctrlarm = rng.choice(CONTROLS)
    c["ctrl"], c["ctrlarm"] = ctrl, ctrlarm
    c["cell"] = rng.random() < 0.5
    if c["cell"]:
        tx, arm = rng.choice(CELL_TX)
        m = rng.choice([1, 1, 2, 3, 5])
        unit = rng.choice(["cells/kg", "cells/kg", "cells per kilogram",
                           arm + "s/kg"])
        c["dose"] = "%d \u00d7 10<sup>6</sup> %s" % (m, unit)
        c["dose2"] = "%d \u00d7 10<sup>6</sup> %s" % (m * 3, unit)
        c["route"] = rng.choice(["intravenously", "as a single intravenous infusion",
                                 "by intravenous infusion on days 1 and 3"])
        c["ctrlrx"] = "an identical volume of vehicle"
    else:
        tx, arm, dose = rng.choice(DRUG_TX)
        c["dose"] = dose
        c["dose2"] = dose
        c["route"] = rng.choice(["intravenously", "orally", "for 7 days",
                                 "for up to six cycles"])
        c["ctrlrx"] = rng.choice(["matching placebo", "standard care alone",
                                  "saline"])
    c["tx"], c["arm"] = tx, arm
    k1 = rng.randint(0, c["n1"] // 2)
    k2 = rng.randint(0, c["n2"] // 2)
    c["m1"] = "%.1f" % (100.0 * k1 / c["n1"])
    c["m2"] = "%.1f" % (100.0 * k2 / c["n2"])
    c["k1"], c["k2"] = k1, k2
    c["deaths"] = ("%d of %d patients (%s%%) in the %s group and %d of %d "
                   "(%s%%) in the %s group had died" % (
                       k1, c["n1"], c["m1"], arm, k2, c["n2"], c["m2"],
                       ctrlarm))
    c["sec"] = rng.choice(SECONDARY)
    c["n"] = c["n1"] + c["n2"]
    return c


def _gen_ctx(rng):
    return {
        "dk": rng.choice(["epi", "epi", "lab", "clin", "clin"]),
        "cond": rng.choice(CONDITIONS), "expo": rng.choice(EXPOSURES),
        "marker": rng.choice(MARKERS), "pop": rng.choice(POPULATIONS),
        "setting": rng.choice(SETTINGS), "design": rng.choice(DESIGNS),
        "outcome": rng.choice(OUTCOMES), "compound": rng.choice(COMPOUNDS),
        "n": rng.choice([rng.randint(30, 400), rng.randint(200, 5000),
                         rng.randint(5000, 250000)]),
    }


# Names, places and journals for metadata.
LAST_NAMES = [
    "Smith", "Garcia", "Wang", "Li", "Zhang", "Nguyen", "Kim", "Park",
    "Muller", "M\u00fcller", "Rossi", "Bianchi", "Silva", "Santos",
    "Johansson", "Nielsen", "Kowalski", "Nowak", "Dubois", "Martin",
    "Schmidt", "Fischer", "van der Berg", "de Vries", "O'Brien", "Murphy",
    "Tanaka", "Suzuki", "Sato", "Patel", "Shah", "Gupta", "Singh", "Khan",
    "Ahmed", "Hassan", "Okafor", "Mensah", "Cohen", "Levi", "Ivanova",
    "Petrov", "Popescu", "Horvath", "Novak", "Jensen", "Larsen", "Virtanen",
    "Korhonen", "Papadopoulos", "Yilmaz", "Demir", "Lopez", "Hernandez",
    "Gonzalez", "P\u00e9rez", "Fern\u00e1ndez", "Costa", "Ferreira", "Chen",
    "Liu", "Huang", "Zhao", "Wu", "Xu", "Sun", "Ma", "Zhou", "Lin",
    "Yamamoto", "Watanabe", "Brown", "Wilson", "Taylor", "Thomas",
    "Anderson", "Clarke", "Walker", "Wright", "Robinson", "Thompson",
    "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris",
    "Lewis", "Martinez", "Rodriguez", "Moreau", "Lef\u00e8vre", "Weber",
    "Wagner", "Becker", "Hoffmann", "Sch\u00e4fer", "Koch", "Richter",
    "Ba\u015f", "Wi\u015bniewski", "Dvo\u0159\u00e1k", "Andersen", "Berg",
]
FORE_NAMES = [
    ("Anna", "A"), ("Maria", "M"), ("John", "J"), ("David", "D"),
    ("Wei", "W"), ("Yan", "Y"), ("Jing", "J"), ("Hiroshi", "H"),
    ("Mei", "M"), ("Sara", "S"), ("Peter", "P"), ("Thomas", "T"),
    ("Elena", "E"), ("Luca", "L"), ("Giulia", "G"), ("Jos\u00e9", "J"),
    ("Ana", "A"), ("Carlos", "C"), ("Fatima", "F"), ("Mohammed", "M"),
    ("Olga", "O"), ("Ivan", "I"), ("Priya", "P"), ("Rahul", "R"),
    ("Chinedu", "C"), ("Ama", "A"), ("Lars", "L"), ("Ingrid", "I"),
    ("Katarzyna", "K"), ("Piotr", "P"), ("Jan", "J"), ("Sophie", "S"),
    ("Pierre", "P"), ("Claire", "C"), ("Michael J", "MJ"), ("Sarah E", "SE"),
    ("Jennifer L", "JL"), ("Robert A", "RA"), ("Xiao-Ming", "XM"),
    ("Ji-Hoon", "JH"), ("Seo-Yeon", "SY"), ("Ay\u015fe", "A"), ("Mehmet", "M"),
    ("Nikos", "N"), ("Eleni", "E"), ("Matti", "M"), ("Aino", "A"),
    ("Jo\u00e3o", "J"), ("Beatriz", "B"), ("Hannah", "H"), ("Lukas", "L"),
]
DEPARTMENTS = [
    "Department of Epidemiology", "Department of Internal Medicine",
    "Division of Nephrology", "Department of Cardiology",
    "Department of Pharmacology", "Institute of Public Health",
    "Department of Paediatrics", "Division of Infectious Diseases",
    "Department of Anaesthesiology and Intensive Care",
    "Department of Pathology", "School of Nursing",
    "Department of Endocrinology and Metabolism",
    "Center for Regenerative Medicine", "Department of Neurology",
    "Department of Biostatistics", "Department of Obstetrics and Gynaecology",
]
INSTITUTIONS = [
    ("University Hospital", "Padua", "Italy"),
    ("Medical University", "Warsaw", "Poland"),
    ("School of Medicine", "Seoul", "Korea"),
    ("University", "Leiden", "The Netherlands"),
    ("Research Institute", "Nairobi", "Kenya"),
    ("Medical Center", "Boston, MA", "USA"),
    ("University", "Chengdu", "China"),
    ("Hospital", "Sao Paulo", "Brazil"),
    ("University Hospital", "Uppsala", "Sweden"),
    ("Teaching Hospital", "Ibadan", "Nigeria"),
    ("University", "Sapporo", "Japan"),
    ("Faculty of Medicine", "Ankara", "Turkey"),
    ("Institute of Health", "Aarhus", "Denmark"),
    ("Clinical School", "Sydney, NSW", "Australia"),
    ("Children's Hospital", "Toronto, ON", "Canada"),
    ("University Medical Centre", "Utrecht", "The Netherlands"),
    ("Academic Hospital", "Lyon", "France"),
    ("University Clinic", "Munich", "Germany"),
    ("Medical College", "Chandigarh", "India"),
    ("University", "Ho Chi Minh City", "Vietnam"),
]
INST_PREFIX = ["Northern", "Central", "Western", "Eastern", "Southern",
               "Royal", "National", "Metropolitan", "Provincial", "St Mary's",
               "Lakeside", "Riverside", "Capital", "Coastal"]
AGENCIES = [
    ("National Institutes of Health", "NIH HHS", "United States", "R01"),
    ("Medical Research Council", "MRC_", "United Kingdom", "MR/"),
    ("National Natural Science Foundation of China", "", "China", ""),
    ("Wellcome Trust", "WT_", "United Kingdom", ""),
    ("Deutsche Forschungsgemeinschaft", "DFG", "Germany", ""),
    ("Canadian Institutes of Health Research", "CIHR", "Canada", ""),
]
MESH_TERMS = [
    ("D006801", "Humans"), ("D005260", "Female"), ("D008297", "Male"),
    ("D000328", "Adult"), ("D008875", "Middle Aged"), ("D000368", "Aged"),
    ("D000369", "Aged, 80 and over"), ("D000293", "Adolescent"),
    ("D002648", "Child"), ("D000818", "Animals"), ("D051379", "Mice"),
    ("D017207", "Rats, Sprague-Dawley"), ("D015331", "Cohort Studies"),
    ("D012189", "Retrospective Studies"), ("D011446", "Prospective Studies"),
    ("D003430", "Cross-Sectional Studies"), ("D016022", "Case-Control Studies"),
    ("D012307", "Risk Factors"), ("D016016", "Proportional Hazards Models"),
    ("D015233", "Models, Statistical"), ("D016896", "Treatment Outcome"),
    ("D015995", "Prevalence"), ("D015994", "Incidence"),
    ("D003924", "Diabetes Mellitus, Type 2"), ("D006333", "Heart Failure"),
    ("D001249", "Asthma"), ("D001172", "Arthritis, Rheumatoid"),
    ("D003324", "Coronary Artery Disease"), ("D006973", "Hypertension"),
    ("D009765", "Obesity"), ("D012128", "Respiratory Distress Syndrome"),
    ("D045169", "Severe Acute Respiratory Syndrome"), ("D018805", "Sepsis"),
    ("D015815", "Cell Line"), ("D017209", "Apoptosis"), ("D015398", "Signal Transduction"),
    ("D059630", "Mesenchymal Stem Cells"),
    ("D045164", "Mesenchymal Stem Cell Transplantation"),
    ("D002318", "Cardiovascular Diseases"), ("D009369", "Neoplasms"),
    ("D015897", "Comorbidity"), ("D011795", "Surveys and Questionnaires"),
    ("D012306", "Risk"), ("D018570", "Risk Assessment"),
    ("D012680", "Sensitivity and Specificity"), ("D012372", "ROC Curve"),
    ("D001773", "Blood Cell Count"), ("D015415", "Biomarkers"),
]
QUALIFIERS = [
    ("Q000453", "epidemiology"), ("Q000097", "blood"), ("Q000188", "drug therapy"),
    ("Q000401", "mortality"), ("Q000503", "physiopathology"),
    ("Q000473", "pathology"), ("Q000175", "diagnosis"), ("Q000235", "genetics"),
    ("Q000627", "therapeutic use"), ("Q000494", "pharmacology"),
    ("Q000209", "etiology"), ("Q000517", "prevention &amp; control"),
    ("Q000378", "metabolism"), ("Q000276", "immunology"),
]
CHEMICALS = [
    ("0", "D015415", "Biomarkers"), ("0", "D016207", "Cytokines"),
    ("9007-41-4", "D002097", "C-Reactive Protein"),
    ("1406-16-2", "D014807", "Vitamin D"), ("9100L32L2N", "D008687", "Metformin"),
    ("0", "D018836", "Inflammation Mediators"), ("0", "D015850", "Interleukin-6"),
    ("W36ZG6FT64", "D020123", "Sirolimus"), ("0", "D000975", "Antioxidants"),
    ("E0399OZS9N", "D000079", "Acetylcysteine"), ("0", "D006728", "Hormones"),
    ("JL5DK93RCL", "D008550", "Melatonin"), ("0", "D011993", "Recombinant Proteins"),
]
KEYWORDS = [
    "biomarker", "cohort", "epidemiology", "inflammation", "mortality",
    "machine learning", "prognosis", "risk factors", "oxidative stress",
    "public health", "randomized controlled trial", "mesenchymal stem cells",
    "quality of life", "meta-analysis", "primary care", "children",
    "ageing", "apoptosis", "COVID-19", "diabetes", "survival", "prevalence",
]
PUB_TYPES_NOABS = [
    ("D016428", "Journal Article"), ("D016422", "Letter"),
    ("D016421", "Editorial"), ("D016420", "Comment"),
    ("D002363", "Case Reports"), ("D016440", "Retracted Publication"),
    ("D016425", "Published Erratum"), ("D016454", "Review"),
]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
          "Oct", "Nov", "Dec"]
COUNTRIES = ["United States", "England", "Netherlands", "Switzerland",
             "Germany", "China", "Japan", "Italy", "France", "Korea (South)",
             "Australia", "Canada", "India", "Brazil", "Poland"]

_JW1 = ["International", "European", "American", "Asian", "Nordic",
        "British", "Annals of", "Archives of", "Current", "Clinical",
        "Frontiers in", "Journal of", "Advances in", "Reviews in"]
_JW2 = ["Cardiology", "Nephrology", "Epidemiology", "Public Health",
        "Respiratory Medicine", "Critical Care", "Oncology", "Endocrinology",
        "Pharmacology", "Paediatrics", "Neurology", "Immunology", "Hepatology",
        "Rheumatology", "Geriatrics", "Infectious Diseases", "Cell Biology",
        "Translational Medicine", "Nutrition", "Stem Cell Research"]
_JW3 = ["", "", " Research", " Reports", " and Therapeutics", " Science",
        " Letters", " Today", " Open"]


_ABBR = {
    "Journal": "J", "International": "Int", "European": "Eur",
    "American": "Am", "Research": "Res", "Reports": "Rep",
    "Clinical": "Clin", "Medicine": "Med", "Science": "Sci", "Annals": "Ann",
    "Archives": "Arch", "Advances": "Adv", "Reviews": "Rev",
    "Frontiers": "Front", "Cardiology": "Cardiol", "Nephrology": "Nephrol",
    "Epidemiology": "Epidemiol", "Respiratory": "Respir",
    "Oncology": "Oncol", "Endocrinology": "Endocrinol",
    "Pharmacology": "Pharmacol", "Paediatrics": "Paediatr",
    "Neurology": "Neurol", "Immunology": "Immunol", "Hepatology": "Hepatol",
    "Rheumatology": "Rheumatol", "Geriatrics": "Geriatr",
    "Infectious": "Infect", "Diseases": "Dis", "Biology": "Biol",
    "Translational": "Transl", "Nutrition": "Nutr", "Therapeutics": "Ther",
    "Letters": "Lett", "Critical": "Crit", "Current": "Curr",
    "British": "Br", "Nordic": "Nord",
}


def _journals():
    rng = random.Random(7)
    out = []
    seen = set()
    while len(out) < 600:
        name = "%s %s%s" % (rng.choice(_JW1), rng.choice(_JW2),
                            rng.choice(_JW3))
        if name in seen:
            continue
        seen.add(name)
        abbr = " ".join(_ABBR.get(w, w) for w in name.split()
                        if w not in ("of", "and", "in"))
        out.append({
            "title": name, "iso": abbr, "ta": abbr.replace(".", ""),
            "issn": "%04d-%03d%s" % (rng.randint(1000, 2999),
                                     rng.randint(0, 999),
                                     rng.choice("0123456789X")),
            "nlmid": "%d" % rng.randint(7500000, 101700000),
            "country": rng.choice(COUNTRIES),
            "publisher": rng.choice(["BioMed Central", "Elsevier",
                                     "Springer Nature", "Wiley",
                                     "Oxford University Press", "MDPI",
                                     "Frontiers Media", "PLOS"]),
        })
    return out


JOURNALS = _journals()

TITLE_BY = {
    "epi": _compile([
        "{expo} and risk of {outcome} in {pop}: a {design}",
        "Trends in the incidence of {cond} in {setting}, {y1}-{y2}",
        "{cond} among {pop} in {setting}",
        "Association of {expo} with {outcome}: findings from {setting}",
    ]),
    "lab": _compile([
        "{compound} attenuates {readout} in experimental {cond}",
        "Role of {gene} in {cond}",
        "{gene} regulates {readout} via {marker} signalling",
        "Protective effects of {compound} in a rat model of {cond}",
    ]),
    "clin": _compile([
        "Association of {marker} with {outcome} in {cond}",
        "Diagnostic accuracy of {marker} for {cond}",
        "Prevalence and correlates of {symptom} among {pop}",
        "Long-term outcomes of {cond} after {outcome2}",
        "Clinical features of {cond} in {pop}: a single-centre experience",
    ]),
}
TITLE_GEN = TITLE_BY["epi"] + TITLE_BY["lab"] + TITLE_BY["clin"]
TITLE_TRIAL = _compile([
    "{tx} versus {ctrl} for {tcond}: a randomized {phase} trial",
    "Safety and efficacy of {tx} in {tcond}: a {blind} randomized controlled trial",
    "Effect of {tx} on {day}-day mortality in patients with {tcond}",
    "{tx} in {tcond} ({phase}): a multicentre randomized trial",
])
TITLE_CASE = _compile([
    "{cond} presenting as {symptom}: a case report",
    "An unusual course of {cond} in a {case_age}-year-old {sex}",
    "{pathogen} infection mimicking {cond}: case report and review of the literature",
])
TITLE_LETTER = _compile([
    "Comment on: {expo} and {outcome}",
    "Reply to the letter on {cond}",
    "Rethinking the management of {cond}",
    "{cond}: where do we go from here?",
    "A rare cause of {symptom}",
    "Erratum",
])


def _title(rng, ctx, pool):
    t = _fill(rng.choice(pool), rng, ctx)
    return t


def _person(rng):
    fore, ini = rng.choice(FORE_NAMES)
    return rng.choice(LAST_NAMES), fore, ini


def _affiliation(rng):
    inst, city, country = rng.choice(INSTITUTIONS)
    return "%s, %s %s, %s, %s." % (rng.choice(DEPARTMENTS),
                                   rng.choice(INST_PREFIX), inst, city,
                                   country)


def _orcid(rng):
    d = "".join(str(rng.randint(0, 9)) for _ in range(15))
    return "0000-%s-%s-%s" % (d[3:7], d[7:11], d[11:14] + rng.choice(
        "0123456789X"))


_MARKUP_RE = re.compile(r"</?(?:i|b|sup|sub)>")


def _citation_text(rng):
    ctx = _gen_ctx(rng)
    names = []
    for _ in range(rng.randint(1, 6)):
        last, _f, ini = _person(rng)
        names.append("%s %s" % (last, ini))
    auth = ", ".join(names)
    if len(names) >= 3 and rng.random() < 0.5:
        auth += ", et al"
    j = rng.choice(JOURNALS)
    year = rng.randint(1985, 2023)
    fp = rng.randint(1, 2400)
    # Citation strings are plain text in PubMed: no inline markup
    title = _MARKUP_RE.sub("", _title(rng, ctx, TITLE_GEN))
    return "%s. %s. %s. %d;%d:%d-%d." % (
        auth, title, j["iso"], year,
        rng.randint(1, 120), fp, fp + rng.randint(2, 14)), year


def _date(ind, tag, y, m, d, attrs="", hm=False):
    s = ("%s<%s%s>\n%s  <Year>%d</Year>\n%s  <Month>%02d</Month>\n"
         "%s  <Day>%02d</Day>\n" % (ind, tag, attrs, ind, y, ind, m, ind, d))
    if hm:
        s += "%s  <Hour>%d</Hour>\n%s  <Minute>0</Minute>\n" % (
            ind, rng_hour(y, m, d), ind)
    return s + "%s</%s>\n" % (ind, tag)


def rng_hour(y, m, d):
    # deterministic from the date, so no extra draws
    return (y + m * 7 + d * 13) % 24


PUBMED_REAL_HEAD = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st '
    'January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/'
    'pubmed_250101.dtd">\n<PubmedArticleSet>\n')

STRUCT_LABELS = {
    "BACKGROUND": [("BACKGROUND", "BACKGROUND"), ("INTRODUCTION", "BACKGROUND"),
                   ("CONTEXT", "BACKGROUND")],
    "OBJECTIVE": [("OBJECTIVE", "OBJECTIVE"), ("OBJECTIVES", "OBJECTIVE"),
                  ("AIMS", "OBJECTIVE"), ("PURPOSE", "OBJECTIVE")],
    "METHODS": [("METHODS", "METHODS"), ("MATERIALS AND METHODS", "METHODS"),
                ("DESIGN, SETTING, AND PARTICIPANTS", "METHODS"),
                ("PATIENTS AND METHODS", "METHODS")],
    "RESULTS": [("RESULTS", "RESULTS"), ("FINDINGS", "RESULTS")],
    "CONCLUSIONS": [("CONCLUSIONS", "CONCLUSIONS"), ("CONCLUSION", "CONCLUSIONS"),
                    ("INTERPRETATION", "CONCLUSIONS")],
}


def abstract_sections(rng, kind, ctx):
    """[(category, text)] for one abstract of kind 'general', 'trial' or
    'case'."""
    if kind == "case":
        return [("UNASSIGNED", _say(rng, ctx, CASE, rng.randint(3, 5)))]
    if kind == "trial":
        secs = [("BACKGROUND", _say(rng, ctx, TRIAL_BACKGROUND, rng.randint(1, 3))),
                ("METHODS", _say(rng, ctx, TRIAL_METHODS_CELL if ctx["cell"]
                                 else TRIAL_METHODS, rng.randint(2, 4))),
                ("RESULTS", _say(rng, ctx, TRIAL_RESULTS_CELL if ctx["cell"]
                                 else TRIAL_RESULTS, rng.randint(3, 6))),
                ("CONCLUSIONS", _say(rng, ctx, TRIAL_CONCLUSION, 1))]
        if rng.random() < 0.5:
            secs.append(("TRIAL REGISTRATION", _say(rng, ctx, TRIAL_REG, 1)))
        return secs
    dk = ctx["dk"]
    secs = [("BACKGROUND", _say(rng, ctx, BACKGROUND, rng.randint(1, 3)))]
    if rng.random() < 0.6:
        secs.append(("OBJECTIVE", _say(rng, ctx, OBJECTIVE, 1)))
    secs.append(("METHODS", _say(rng, ctx, METHODS_BY[dk], rng.randint(2, 5))))
    secs.append(("RESULTS", _say(rng, ctx, RESULTS_BY[dk], rng.randint(3, 6))))
    secs.append(("CONCLUSIONS", _say(rng, ctx, CONCLUSION_GEN, rng.randint(1, 2))))
    return secs


def pubmed_real_record(rng, pmid):
    """One PubmedArticle, indented as baseline files are (two spaces)."""
    x = rng.random()
    if x < PR_NO_ABSTRACT:
        kind = "none"
    elif x < PR_NO_ABSTRACT + PR_TRIAL:
        kind = "trial"
    elif x < PR_NO_ABSTRACT + PR_TRIAL + PR_CASE:
        kind = "case"
    else:
        kind = "general"
    ctx = _trial_ctx(rng) if kind == "trial" else _gen_ctx(rng)
    year = rng.randint(2008, 2024)
    j = rng.choice(JOURNALS)
    out = []
    w = out.append
    medline = rng.random() < 0.85
    w('  <PubmedArticle>\n    <MedlineCitation Status="%s" Owner="NLM"%s>\n'
      '      <PMID Version="1">%d</PMID>\n' % (
          "MEDLINE" if medline else "PubMed-not-MEDLINE",
          ' IndexingMethod="Automated"' if rng.random() < 0.3 else "", pmid))
    if medline:
        w(_date("      ", "DateCompleted", year + 1, rng.randint(1, 12),
                rng.randint(1, 28)))
    w(_date("      ", "DateRevised", min(2024, year + rng.randint(1, 6)),
            rng.randint(1, 12), rng.randint(1, 28)))
    epub = rng.random() < 0.6
    w('      <Article PubModel="%s">\n        <Journal>\n'
      '          <ISSN IssnType="%s">%s</ISSN>\n'
      '          <JournalIssue CitedMedium="%s">\n'
      '            <Volume>%d</Volume>\n' % (
          "Print-Electronic" if epub else rng.choice(["Print", "Electronic"]),
          rng.choice(["Print", "Electronic"]), j["issn"],
          rng.choice(["Internet", "Print"]), rng.randint(1, 140)))
    if rng.random() < 0.85:
        w('            <Issue>%d</Issue>\n' % rng.randint(1, 24))
    month = rng.randint(1, 12)
    w('            <PubDate>\n              <Year>%d</Year>\n'
      '              <Month>%s</Month>\n            </PubDate>\n'
      '          </JournalIssue>\n          <Title>%s</Title>\n'
      '          <ISOAbbreviation>%s</ISOAbbreviation>\n        </Journal>\n' % (
          year, MONTHS[month - 1], j["title"], j["iso"]))
    if kind == "trial":
        title = _title(rng, ctx, TITLE_TRIAL)
    elif kind == "case":
        title = _title(rng, ctx, TITLE_CASE)
    elif kind == "none" and rng.random() < 0.4:
        title = _title(rng, ctx, TITLE_LETTER)
    else:
        title = _title(rng, ctx, TITLE_BY[ctx["dk"]])
    w('        <ArticleTitle>%s.</ArticleTitle>\n' % title)
    fp = rng.randint(1, 3000)
    doi = "10.%d/%s.%d.%d" % (rng.randint(1000, 9999), j["ta"].split()[0].lower(),
                              year, pmid % 100000)
    w('        <Pagination>\n          <StartPage>%d</StartPage>\n'
      '          <EndPage>%d</EndPage>\n          <MedlinePgn>%d-%d</MedlinePgn>\n'
      '        </Pagination>\n'
      '        <ELocationID EIdType="doi" ValidYN="Y">%s</ELocationID>\n' % (
          fp, fp + 9, fp, fp + 9, doi))
    if kind != "none":
        secs = abstract_sections(rng, kind, ctx)
        structured = kind != "case" and rng.random() < (0.8 if kind == "trial"
                                                         else 0.45)
        w('        <Abstract>\n')
        if structured:
            cat_ok = rng.random() < 0.85
            for cat, text in secs:
                if cat == "TRIAL REGISTRATION":
                    label, nlm = cat, "BACKGROUND"
                else:
                    label, nlm = rng.choice(STRUCT_LABELS[cat])
                if cat_ok:
                    w('          <AbstractText Label="%s" NlmCategory="%s">%s'
                      '</AbstractText>\n' % (label, nlm, text))
                else:
                    w('          <AbstractText Label="%s">%s</AbstractText>\n'
                      % (label, text))
        else:
            w('          <AbstractText>%s</AbstractText>\n'
              % " ".join(t for _c, t in secs))
        if rng.random() < 0.2:
            w('          <CopyrightInformation>\u00a9 %d The Authors. Published '
              'by %s.</CopyrightInformation>\n' % (year, j["publisher"]))
        w('        </Abstract>\n')
    if kind == "none":
        nauth = rng.choice([1, 1, 1, 2, 2, 3, 4])
    else:
        nauth = rng.choice([1, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 8, 9, 10, 12])
    w('        <AuthorList CompleteYN="Y">\n')
    for i in range(nauth):
        last, fore, ini = _person(rng)
        w('          <Author ValidYN="Y">\n            <LastName>%s</LastName>\n'
          '            <ForeName>%s</ForeName>\n            <Initials>%s</Initials>\n'
          % (last, fore, ini))
        if rng.random() < 0.08:
            w('            <Identifier Source="ORCID">%s</Identifier>\n'
              % _orcid(rng))
        if (i == 0 and kind != "none") or rng.random() < 0.4:
            for _ in range(1 if rng.random() < 0.8 else 2):
                w('            <AffiliationInfo>\n              <Affiliation>%s'
                  '</Affiliation>\n            </AffiliationInfo>\n'
                  % _affiliation(rng))
        w('          </Author>\n')
    w('        </AuthorList>\n        <Language>eng</Language>\n')
    if rng.random() < 0.2:
        w('        <GrantList CompleteYN="Y">\n')
        for _ in range(rng.randint(1, 3)):
            ag, acr, cty, pre = rng.choice(AGENCIES)
            w('          <Grant>\n            <GrantID>%s%06d</GrantID>\n'
              % (pre, rng.randint(0, 999999)))
            if acr:
                w('            <Acronym>%s</Acronym>\n' % acr)
            w('            <Agency>%s</Agency>\n            <Country>%s</Country>\n'
              '          </Grant>\n' % (ag, cty))
        w('        </GrantList>\n')
    w('        <PublicationTypeList>\n')
    if kind == "trial":
        pts = [("D016428", "Journal Article"),
               rng.choice([("D016449", "Randomized Controlled Trial"),
                           ("D017427", "Clinical Trial, Phase II"),
                           ("D016430", "Clinical Trial")])]
        if rng.random() < 0.5:
            pts.append(("D016448", "Multicenter Study"))
    elif kind == "case":
        pts = [("D002363", "Case Reports"), ("D016428", "Journal Article")]
    elif kind == "none":
        pts = [rng.choice(PUB_TYPES_NOABS)]
    else:
        pts = [("D016428", "Journal Article")]
        if rng.random() < 0.3:
            pts.append(rng.choice([("D013485", "Research Support, Non-U.S. Gov't"),
                                   ("D052061", "Research Support, N.I.H., Extramural"),
                                   ("D016454", "Review"),
                                   ("D064888", "Observational Study")]))
    for ui, name in pts:
        w('          <PublicationType UI="%s">%s</PublicationType>\n' % (ui, name))
    w('        </PublicationTypeList>\n')
    if epub:
        w(_date("        ", "ArticleDate", year, month, rng.randint(1, 28),
                ' DateType="Electronic"'))
    w('      </Article>\n      <MedlineJournalInfo>\n'
      '        <Country>%s</Country>\n        <MedlineTA>%s</MedlineTA>\n'
      '        <NlmUniqueID>%s</NlmUniqueID>\n        <ISSNLinking>%s</ISSNLinking>\n'
      '      </MedlineJournalInfo>\n' % (j["country"], j["ta"], j["nlmid"],
                                         j["issn"]))
    if medline and rng.random() < 0.4:
        w('      <ChemicalList>\n')
        for reg, ui, name in rng.sample(CHEMICALS, rng.randint(1, 4)):
            w('        <Chemical>\n          <RegistryNumber>%s</RegistryNumber>\n'
              '          <NameOfSubstance UI="%s">%s</NameOfSubstance>\n'
              '        </Chemical>\n' % (reg, ui, name))
        w('      </ChemicalList>\n')
    if medline:
        w('      <CitationSubset>IM</CitationSubset>\n')
    if kind == "none" and rng.random() < 0.3:
        w('      <CommentsCorrectionsList>\n        <CommentsCorrections '
          'RefType="CommentOn">\n          <RefSource>%s. %d;%d:%d.</RefSource>\n'
          '          <PMID Version="1">%d</PMID>\n        </CommentsCorrections>\n'
          '      </CommentsCorrectionsList>\n' % (
              j["ta"], year, rng.randint(1, 99), rng.randint(1, 900),
              pmid - rng.randint(100, 900000)))
    if medline:
        w('      <MeshHeadingList>\n')
        nmesh = rng.randint(2, 6) if kind == "none" else rng.randint(5, 13)
        for ui, name in sorted(rng.sample(MESH_TERMS, nmesh),
                               key=lambda t: t[1]):
            w('        <MeshHeading>\n          <DescriptorName UI="%s" '
              'MajorTopicYN="%s">%s</DescriptorName>\n' % (
                  ui, "Y" if rng.random() < 0.2 else "N", name))
            if rng.random() < 0.3:
                for qui, qn in rng.sample(QUALIFIERS, rng.randint(1, 2)):
                    w('          <QualifierName UI="%s" MajorTopicYN="%s">%s'
                      '</QualifierName>\n' % (qui, "Y" if rng.random() < 0.3
                                              else "N", qn))
            w('        </MeshHeading>\n')
        w('      </MeshHeadingList>\n')
    if kind != "none" and rng.random() < 0.5:
        w('      <KeywordList Owner="NOTNLM">\n')
        for kw in rng.sample(KEYWORDS, rng.randint(3, 6)):
            w('        <Keyword MajorTopicYN="N">%s</Keyword>\n' % kw)
        w('      </KeywordList>\n')
    if kind != "none" and rng.random() < 0.15:
        w('      <CoiStatement>The authors declare no competing interests.'
          '</CoiStatement>\n')
    w('    </MedlineCitation>\n    <PubmedData>\n      <History>\n')
    if rng.random() < 0.4:
        w(_date("        ", "PubMedPubDate", year - 1, rng.randint(1, 12),
                rng.randint(1, 28), ' PubStatus="received"'))
        w(_date("        ", "PubMedPubDate", year, rng.randint(1, 12),
                rng.randint(1, 28), ' PubStatus="accepted"'))
    ey, em, ed = year, month, rng.randint(1, 28)
    for st in ("pubmed", "medline", "entrez"):
        w(_date("        ", "PubMedPubDate", ey + (st == "medline" and medline),
                em, ed, ' PubStatus="%s"' % st, hm=True))
    has_refs = rng.random() < PR_REFS
    w('      </History>\n      <PublicationStatus>%s</PublicationStatus>\n'
      '      <ArticleIdList>\n        <ArticleId IdType="pubmed">%d</ArticleId>\n'
      % (rng.choice(["ppublish", "ppublish", "ppublish", "epublish",
                     "aheadofprint"]), pmid))
    if has_refs or rng.random() < 0.1:
        w('        <ArticleId IdType="pmc">PMC%d</ArticleId>\n'
          % (pmid // 4 + 1000000))
    w('        <ArticleId IdType="doi">%s</ArticleId>\n' % doi)
    if rng.random() < 0.4:
        w('        <ArticleId IdType="pii">S%04d-%04d(%02d)%05d-%d</ArticleId>\n'
          % (rng.randint(0, 9999), rng.randint(0, 9999), year % 100,
             rng.randint(0, 99999), rng.randint(0, 9)))
    w('      </ArticleIdList>\n')
    if has_refs:
        w('      <ReferenceList>\n')
        for _ in range(rng.randint(8, 45)):
            text, ry = _citation_text(rng)
            w('        <Reference>\n          <Citation>%s</Citation>\n' % text)
            if rng.random() < 0.75:
                w('          <ArticleIdList>\n            <ArticleId IdType="pubmed">'
                  '%d</ArticleId>\n' % rng.randint(1000000, 36000000))
                if ry > 2005 and rng.random() < 0.3:
                    w('            <ArticleId IdType="pmc">PMC%d</ArticleId>\n'
                      % rng.randint(1000000, 9999999))
                w('          </ArticleIdList>\n')
            w('        </Reference>\n')
        w('      </ReferenceList>\n')
    w('    </PubmedData>\n  </PubmedArticle>\n')
    return "".join(out)


# The record mix of pubmed-real (see the module docstring).
PR_NO_ABSTRACT = 0.32
PR_TRIAL = 0.07
PR_CASE = 0.05
PR_REFS = 0.25


def _open_out(out, ascii_refs=False):
    """A text stream to OUT; gzip-compressed if OUT ends in .gz, with a
    zero mtime so the same arguments give the same bytes."""
    errors = "xmlcharrefreplace" if ascii_refs else "strict"
    enc = "ascii" if ascii_refs else "utf-8"
    if out.endswith(".gz"):
        raw = open(out, "wb")
        gz = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0)
        return io.TextIOWrapper(gz, encoding=enc, errors=errors, newline=""), raw
    return open(out, "w", encoding=enc, errors=errors, newline=""), None


def _write_set(size_mb, out, seed, head, tail, record, start_id,
               ascii_refs=False):
    rng = random.Random(seed)
    target = int(size_mb * 1024 * 1024)
    f, raw = _open_out(out, ascii_refs)
    written = 0
    n = 0
    rid = start_id
    try:
        f.write(head)
        written += len(head)
        while written < target:
            rec = record(rng, rid)
            rid += 1
            n += 1
            f.write(rec)
            # sizes are counted as written (ascii_refs expands non-ASCII)
            written += len(rec.encode(f.encoding, f.errors))
        f.write(tail)
    finally:
        f.close()
        if raw is not None:
            raw.close()
    print(n)


def gen_pubmed_real(size_mb, out):
    _write_set(size_mb, out, 20261123, PUBMED_REAL_HEAD,
               "</PubmedArticleSet>\n", pubmed_real_record, 36000001)


# ---------------------------------------------------------------------------
# jats: PMC full text, as efetch db=pmc returns it.

STATS = _compile([
    "Continuous variables are presented as mean \u00b1 SD or median (IQR) and were compared with the t test or the Mann-Whitney U test.",
    "Categorical variables were compared with the chi-squared test or Fisher's exact test.",
    "A two-sided P value &lt; 0.05 was considered statistically significant.",
    "Missing covariate data were handled by multiple imputation with {nsmall} imputed data sets.",
    "All analyses were performed with R version 4.{nsmall} and Stata 17.",
    "Hazard ratios were estimated with {model}, and the proportional hazards assumption was checked with Schoenfeld residuals.",
])
TRIAL_STATS = _compile([
    "Assuming a mortality of {ipct}% in the control group, {tn} patients were required to detect an absolute reduction of {nsmall}% with 80% power at a two-sided alpha of 0.05.",
    "The primary outcome was analysed in the intention-to-treat population with a log-rank test.",
    "An independent data and safety monitoring board reviewed unblinded safety data after every {nsmall} patients.",
])
TRIAL_PROC = _compile([
    "Patients in the {ctrlarm} group received {ctrlrx} on the same schedule.",
    "Concomitant treatments were given according to local protocols.",
    "Study drug was prepared by an unblinded pharmacist and dispensed in identical containers.",
    "Treatment was withheld if the platelet count fell below 50 × 10<sup>9</sup>/L.",
])
TRIAL_PROC_CELL = TRIAL_PROC + _compile([
    "Cells were thawed at the bedside and infused over {nsmall} minutes through a central venous catheter.",
    "Each dose of {dose} was diluted in 100 mL of saline and given {route}.",
    "Vital signs were recorded every 15 minutes during the infusion and for {hours} h afterwards.",
    "Doses ranged from {cellrange} in the dose-finding cohort.",
])
TRIAL_PROC_DRUG = TRIAL_PROC + _compile([
    "{tx} was given at {dose} {route}, with dose reduction for grade 3 toxicity.",
    "Plasma concentrations of {tx} were measured before and {hours} h after the first dose.",
])
TRIAL_OUTCOMES = _compile([
    "The primary outcome was all-cause mortality at day {day}.",
    "Secondary outcomes were {sec}, {sec2}, length of stay and serious adverse events.",
    "Adverse events were graded with the Common Terminology Criteria for Adverse Events version 5.0.",
    "Outcome assessors were unaware of the treatment assignments.",
    "Survival status at day {day} was confirmed by telephone for patients discharged earlier.",
])
FIG_CAPTIONS = ["Flow of participants through the study.",
                "Kaplan-Meier estimates of survival by study group.",
                "Forest plot of subgroup analyses.",
                "Representative histological sections (scale bar, 100 µm).",
                "Receiver operating characteristic curves.",
                "Restricted cubic spline of the exposure-outcome association."]

BASE_ROWS = [
    ("Age, years, mean \u00b1 SD", "msd", 40, 75, 6, 15),
    ("Female sex, n (%)", "npct", 0.3, 0.6),
    ("Body mass index, kg/m<sup>2</sup>, mean \u00b1 SD", "msd", 22, 32, 3, 6),
    ("Current smoker, n (%)", "npct", 0.1, 0.35),
    ("Diabetes, n (%)", "npct", 0.1, 0.4),
    ("Hypertension, n (%)", "npct", 0.2, 0.6),
    ("Systolic blood pressure, mmHg, mean \u00b1 SD", "msd", 115, 150, 10, 22),
    ("eGFR, mL/min/1.73 m<sup>2</sup>, median (IQR)", "miqr", 45, 95),
    ("C-reactive protein, mg/L, median (IQR)", "miqr", 2, 60),
    ("Haemoglobin, g/dL, mean \u00b1 SD", "msd", 10, 14, 1, 2),
]
TRIAL_OUT_ROWS = [
    ("All-cause mortality at day {day}, n (%)", "death"),
    ("Mortality at day 90, n (%)", "death"),
    ("Serious adverse events, n (%)", "npct"),
    ("Secondary infection, n (%)", "npct"),
    ("Infusion-related reaction, n (%)", "npct"),
    ("Ventilator-free days to day 28, median (IQR)", "miqr"),
    ("Length of hospital stay, days, median (IQR)", "miqr"),
    ("Readmission within 30 days, n (%)", "npct"),
]


def _cell(rng, kind, n, a=None, b=None, c=None, d=None):
    if kind == "msd":
        return "%.1f \u00b1 %.1f" % (rng.uniform(a, b), rng.uniform(c, d))
    if kind == "miqr":
        lo, hi = (a, b) if a is not None else (2, 30)
        m = rng.uniform(lo, hi)
        return "%.1f (%.1f\u2013%.1f)" % (m, m * rng.uniform(0.5, 0.9),
                                         m * rng.uniform(1.1, 1.8))
    if kind == "death":
        k = rng.randint(0, n // 2)
    else:
        lo, hi = (a, b) if a is not None else (0.02, 0.4)
        k = int(n * rng.uniform(lo, hi))
    return "%d (%.1f)" % (k, 100.0 * k / n)


def _table(ind, tid, label, caption, header, rows, foot):
    o = ['%s<table-wrap id="%s" position="float">\n' % (ind, tid),
         '%s  <label>%s</label>\n' % (ind, label),
         '%s  <caption>\n%s    <p>%s</p>\n%s  </caption>\n' % (ind, ind, caption, ind),
         '%s  <table frame="hsides" rules="groups">\n%s    <thead>\n%s      <tr>\n'
         % (ind, ind, ind)]
    for i, h in enumerate(header):
        o.append('%s        <th align="%s" rowspan="1" colspan="1">%s</th>\n'
                 % (ind, "left" if i == 0 else "center", h))
    o.append('%s      </tr>\n%s    </thead>\n%s    <tbody>\n' % (ind, ind, ind))
    for row in rows:
        o.append('%s      <tr>\n' % ind)
        for i, v in enumerate(row):
            o.append('%s        <td align="%s" rowspan="1" colspan="1">%s</td>\n'
                     % (ind, "left" if i == 0 else "center", v))
        o.append('%s      </tr>\n' % ind)
    o.append('%s    </tbody>\n%s  </table>\n' % (ind, ind))
    if foot:
        o.append('%s  <table-wrap-foot>\n%s    <fn id="%s-fn1">\n'
                 '%s      <p>%s</p>\n%s    </fn>\n%s  </table-wrap-foot>\n'
                 % (ind, ind, tid, ind, foot, ind, ind))
    o.append('%s</table-wrap>\n' % ind)
    return "".join(o)


def _groups(rng, kind, ctx):
    if kind == "trial":
        return [(ctx["arm"].upper() if len(ctx["arm"]) <= 6 else
                 ctx["arm"].capitalize(), ctx["n1"]),
                (ctx["ctrlarm"].capitalize(), ctx["n2"])]
    n = ctx["n"]
    a = max(10, int(n * rng.uniform(0.2, 0.5)))
    return rng.choice([[("Cases", a), ("Controls", max(10, n - a))],
                       [("Exposed", a), ("Unexposed", max(10, n - a))],
                       [("With %s" % ctx["outcome"], a),
                        ("Without %s" % ctx["outcome"], max(10, n - a))]])


def _baseline_table(rng, kind, ctx, ind):
    groups = _groups(rng, kind, ctx)
    header = ["Characteristic"] + ["%s (<italic>n</italic> = %d)" % g
                                   for g in groups] + ["<italic>P</italic> value"]
    rows = []
    for spec in rng.sample(BASE_ROWS, rng.randint(5, len(BASE_ROWS))):
        name, cell = spec[0], spec[1]
        row = [name] + [_cell(rng, cell, n, *spec[2:]) for _g, n in groups]
        row.append(_pv(rng).replace("&lt; ", "&lt;"))
        rows.append(row)
    cap = ("Baseline characteristics of the patients" if kind == "trial"
           else "Characteristics of the study population")
    foot = ("Data are n (%), mean \u00b1 SD or median (IQR). eGFR, estimated "
            "glomerular filtration rate.")
    return _table(ind, "T1", "Table 1", cap, header, rows, foot)


def _second_table(rng, kind, ctx, ind):
    if kind == "trial":
        groups = _groups(rng, kind, ctx)
        header = ["Outcome"] + ["%s (<italic>n</italic> = %d)" % g
                                for g in groups] + ["<italic>P</italic> value"]
        rows = []
        for name, cell in rng.sample(TRIAL_OUT_ROWS, rng.randint(4, 7)):
            name = name.replace("{day}", str(ctx["day"]))
            rows.append([name] + [_cell(rng, cell, n) for _g, n in groups]
                        + [_pv(rng).replace("&lt; ", "&lt;")])
        return _table(ind, "T2", "Table 2", "Primary and secondary outcomes",
                      header, rows, "Data are n (%) or median (IQR).")
    header = ["Variable", "Crude HR (95% CI)", "Adjusted HR (95% CI)",
              "<italic>P</italic> value"]
    rows = []
    for v in rng.sample(COVARIATES + [ctx["expo"], ctx["marker"]],
                        rng.randint(4, 8)):
        h1, h2 = rng.uniform(0.5, 2.5), rng.uniform(0.5, 2.5)
        rows.append([v[0].upper() + v[1:],
                     "%.2f (%s)" % (h1, _ci(rng, h1).replace(" to ", "\u2013")),
                     "%.2f (%s)" % (h2, _ci(rng, h2).replace(" to ", "\u2013")),
                     _pv(rng).replace("&lt; ", "&lt;")])
    return _table(ind, "T2", "Table 2",
                  "Association of %s with %s" % (ctx["expo"], ctx["outcome"]),
                  header, rows, "Adjusted for age, sex and %s." %
                  rng.choice(COVARIATES))


def _jats_inline(s):
    return s.replace("<i>", "<italic>").replace("</i>", "</italic>")


def _cite(rng, style, nref):
    a = rng.randint(1, nref)
    x = rng.random()
    if x < 0.6:
        ids = [a]
    elif x < 0.85 and a + 1 <= nref:
        ids = [a, rng.randint(a + 1, nref)]
    else:
        b = min(nref, a + rng.randint(2, 4))
        xs = ('<xref ref-type="bibr" rid="B%d">%d</xref>\u2013'
              '<xref ref-type="bibr" rid="B%d">%d</xref>' % (a, a, b, b))
        return {"paren": " (%s)", "bracket": " [%s]",
                "sup": "<sup>%s</sup>"}[style] % xs
    xs = ",".join('<xref ref-type="bibr" rid="B%d">%d</xref>' % (i, i)
                  for i in ids)
    return {"paren": " (%s)", "bracket": " [%s]", "sup": "<sup>%s</sup>"}[style] % xs


def _para(rng, ctx, pool, k, style, nref, cite_p):
    out = []
    for t in _pick(rng, pool, k):
        s = _fill(t, rng, ctx)
        if nref and rng.random() < cite_p and s.endswith("."):
            s = s[:-1] + _cite(rng, style, nref) + "."
        out.append(s)
    return _jats_inline(" ".join(out))


def _sec(ind, sid, title, body, sec_type=None):
    st = ' sec-type="%s"' % sec_type if sec_type else ""
    return ('%s<sec id="%s"%s>\n%s  <title>%s</title>\n%s%s</sec>\n'
            % (ind, sid, st, ind, title, body, ind))


def _p(ind, text):
    return "%s<p>%s</p>\n" % (ind, text)


def _jats_ref(rng, i):
    ctx = _gen_ctx(rng)
    o = ['      <ref id="B%d">\n        <label>%d</label>\n'
         '        <element-citation publication-type="journal">\n'
         '          <person-group person-group-type="author">\n' % (i, i)]
    na = rng.randint(1, 7)
    for _ in range(min(na, 6)):
        last, _f, ini = _person(rng)
        o.append('            <name>\n              <surname>%s</surname>\n'
                 '              <given-names>%s</given-names>\n'
                 '            </name>\n' % (last, ini))
    if na > 6:
        o.append('            <etal/>\n')
    j = rng.choice(JOURNALS)
    year = rng.randint(1985, 2023)
    fp = rng.randint(1, 2400)
    o.append('          </person-group>\n'
             '          <article-title>%s</article-title>\n'
             '          <source>%s</source>\n          <year>%d</year>\n'
             '          <volume>%d</volume>\n          <fpage>%d</fpage>\n'
             '          <lpage>%d</lpage>\n' % (
                 _jats_inline(_title(rng, ctx, TITLE_GEN)), j["iso"], year,
                 rng.randint(1, 120), fp, fp + rng.randint(2, 14)))
    if rng.random() < 0.6:
        o.append('          <pub-id pub-id-type="doi">10.%d/%s.%d.%d</pub-id>\n'
                 % (rng.randint(1000, 9999), j["ta"].split()[0].lower(), year,
                    rng.randint(100, 99999)))
    if rng.random() < 0.7:
        o.append('          <pub-id pub-id-type="pmid">%d</pub-id>\n'
                 % rng.randint(1000000, 36000000))
    o.append('        </element-citation>\n      </ref>\n')
    return "".join(o)


JATS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE pmc-articleset PUBLIC "-//NLM//DTD ARTICLE SET 2.0//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pmc/articleset/nlm-articleset-2.0.dtd">\n'
    '<pmc-articleset>')


def jats_article(rng, pmcid):
    x = rng.random()
    if x < J_TRIAL:
        kind = "trial"
    elif x < J_TRIAL + J_CASE:
        kind = "case"
    elif x < J_TRIAL + J_CASE + J_SHORT:
        kind = "short"
    else:
        kind = "general"
    ctx = _trial_ctx(rng) if kind == "trial" else _gen_ctx(rng)
    j = rng.choice(JOURNALS)
    year = rng.randint(2010, 2024)
    pmid = 20000000 + (pmcid - 2000000) * 3 + rng.randint(0, 2)
    atype = {"trial": "research-article", "case": "case-report",
             "short": rng.choice(["correction", "editorial", "letter"]),
             "general": rng.choice(["research-article"] * 9 + ["review-article"])}[kind]
    style = rng.choice(["paren", "paren", "bracket", "sup"])
    o = []
    w = o.append
    w('<article xmlns:mml="http://www.w3.org/1998/Math/MathML" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" article-type="%s" '
      'dtd-version="1.3" xml:lang="en">\n'
      '  <?properties open_access?>\n'
      '  <processing-meta base-tagset="archiving" mathml-version="3.0" '
      'table-model="xhtml" tagset-family="jats">\n'
      '    <restricted-by>pmc</restricted-by>\n  </processing-meta>\n'
      '  <front>\n    <journal-meta>\n'
      '      <journal-id journal-id-type="nlm-ta">%s</journal-id>\n'
      '      <journal-id journal-id-type="iso-abbrev">%s</journal-id>\n'
      '      <journal-title-group>\n        <journal-title>%s</journal-title>\n'
      '      </journal-title-group>\n      <issn pub-type="epub">%s</issn>\n'
      '      <publisher>\n        <publisher-name>%s</publisher-name>\n'
      '      </publisher>\n    </journal-meta>\n    <article-meta>\n'
      '      <article-id pub-id-type="pmid">%d</article-id>\n'
      '      <article-id pub-id-type="pmcid">PMC%d</article-id>\n'
      '      <article-id pub-id-type="doi">10.%d/%s.%d.%d</article-id>\n'
      '      <article-id pub-id-type="publisher-id">%d</article-id>\n'
      '      <article-categories>\n        <subj-group subj-group-type="heading">\n'
      '          <subject>%s</subject>\n        </subj-group>\n'
      '      </article-categories>\n' % (
          atype, j["ta"], j["iso"], j["title"], j["issn"], j["publisher"],
          pmid, pmcid, rng.randint(1000, 9999), j["ta"].split()[0].lower(),
          year, pmcid % 100000, rng.randint(1, 999),
          {"trial": "Clinical Trial", "case": "Case Report",
           "short": atype.capitalize(), "general": "Research"}[kind]))
    if kind == "trial":
        title = _title(rng, ctx, TITLE_TRIAL)
    elif kind == "case":
        title = _title(rng, ctx, TITLE_CASE)
    elif kind == "short":
        title = _title(rng, ctx, TITLE_LETTER)
    else:
        title = _title(rng, ctx, TITLE_BY[ctx["dk"]])
    w('      <title-group>\n        <article-title>%s</article-title>\n'
      '      </title-group>\n      <contrib-group>\n' % _jats_inline(title))
    nauth = rng.randint(1, 3) if kind == "short" else rng.randint(2, 12)
    naff = rng.randint(1, min(4, nauth))
    for i in range(nauth):
        last, fore, _ini = _person(rng)
        w('        <contrib contrib-type="author"%s>\n'
          % (' corresp="yes"' if i == 0 else ""))
        if rng.random() < 0.15:
            w('          <contrib-id contrib-id-type="orcid">'
              'https://orcid.org/%s</contrib-id>\n' % _orcid(rng))
        w('          <name>\n            <surname>%s</surname>\n'
          '            <given-names>%s</given-names>\n          </name>\n'
          '          <xref ref-type="aff" rid="Aff%d">%d</xref>\n'
          '        </contrib>\n' % (last, fore, i % naff + 1, i % naff + 1))
    for a in range(naff):
        w('        <aff id="Aff%d"><label>%d</label>%s</aff>\n'
          % (a + 1, a + 1, _affiliation(rng)))
    w('      </contrib-group>\n')
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    w('      <pub-date pub-type="epub">\n        <day>%d</day>\n'
      '        <month>%d</month>\n        <year>%d</year>\n      </pub-date>\n'
      '      <volume>%d</volume>\n      <elocation-id>e%d</elocation-id>\n'
      '      <history>\n        <date date-type="received">\n'
      '          <day>%d</day>\n          <month>%d</month>\n'
      '          <year>%d</year>\n        </date>\n'
      '        <date date-type="accepted">\n          <day>%d</day>\n'
      '          <month>%d</month>\n          <year>%d</year>\n        </date>\n'
      '      </history>\n      <permissions>\n'
      '        <copyright-statement>\u00a9 %d The Author(s)</copyright-statement>\n'
      '        <copyright-year>%d</copyright-year>\n'
      '        <license license-type="open-access">\n'
      '          <license-p>This is an open access article distributed under '
      'the terms of the Creative Commons Attribution License, which permits '
      'unrestricted use, distribution, and reproduction in any medium, provided '
      'the original work is properly cited.</license-p>\n'
      '        </license>\n      </permissions>\n' % (
          day, month, year, rng.randint(1, 60), rng.randint(1000, 99999),
          rng.randint(1, 28), rng.randint(1, 12), year - 1, day, month, year,
          year, year))
    if kind != "short":
        secs = abstract_sections(rng, kind, ctx)
        w('      <abstract>\n')
        if kind != "case" and rng.random() < 0.7:
            for cat, text in secs:
                w('        <sec>\n          <title>%s</title>\n'
                  '          <p>%s</p>\n        </sec>\n' % (
                      cat.title() if cat != "TRIAL REGISTRATION"
                      else "Trial registration", _jats_inline(text)))
        else:
            w('        <p>%s</p>\n' % _jats_inline(" ".join(t for _c, t in secs)))
        w('      </abstract>\n      <kwd-group kwd-group-type="author">\n')
        for kw in rng.sample(KEYWORDS, rng.randint(3, 6)):
            w('        <kwd>%s</kwd>\n' % kw)
        w('      </kwd-group>\n')
    if rng.random() < 0.4:
        ag, _acr, _c, pre = rng.choice(AGENCIES)
        w('      <funding-group>\n        <award-group>\n'
          '          <funding-source>%s</funding-source>\n'
          '          <award-id>%s%06d</award-id>\n        </award-group>\n'
          '      </funding-group>\n' % (ag, pre, rng.randint(0, 999999)))
    w('    </article-meta>\n  </front>\n  <body>\n')
    nref = 0 if kind == "short" else rng.randint(15, 70)
    if kind == "short":
        w(_p("    ", _para(rng, ctx, BACKGROUND + CONCLUSION_GEN,
                          rng.randint(2, 6), style, 0, 0)))
        w('  </body>\n  <back>\n  </back>\n</article>\n')
        return "".join(o)
    ind = "      "
    cp = 0.45
    intro = "".join(_p(ind, _para(rng, ctx, BACKGROUND + DISCUSSION,
                                  rng.randint(3, 6), style, nref, cp))
                    for _ in range(rng.randint(2, 4)))
    intro += _p(ind, _para(rng, ctx, OBJECTIVE, 1, style, nref, 0))
    w(_sec("    ", "Sec1", "Introduction" if kind != "case" else "Background",
           intro))
    if kind == "case":
        body = "".join(_p(ind, _para(rng, ctx, CASE, rng.randint(3, 5),
                                     style, nref, 0.1))
                       for _ in range(rng.randint(2, 4)))
        w(_sec("    ", "Sec2", "Case presentation", body))
    else:
        subs = []
        if kind == "trial":
            mpools = [("Trial design and participants",
                       TRIAL_METHODS_CELL if ctx["cell"] else TRIAL_METHODS),
                      ("Interventions",
                       TRIAL_PROC_CELL if ctx["cell"] else TRIAL_PROC_DRUG),
                      ("Outcomes", TRIAL_OUTCOMES),
                      ("Statistical analysis", TRIAL_STATS + STATS)]
        else:
            mp = METHODS_BY[ctx["dk"]]
            mpools = [("Study design and participants", mp),
                      ("Measurements", mp), ("Outcomes", METHODS_CLIN),
                      ("Statistical analysis", STATS)]
        for si, (t, pool) in enumerate(mpools):
            body = "".join(_p(ind + "  ", _para(rng, ctx, pool, rng.randint(2, 5),
                                                style, nref, 0.2))
                           for _ in range(rng.randint(1, 2)))
            subs.append(_sec(ind, "Sec2-%d" % (si + 1), t, body))
        w(_sec("    ", "Sec2", "Methods", "".join(subs), "methods"))
        rpool = (((TRIAL_RESULTS_CELL if ctx["cell"] else TRIAL_RESULTS)
                  + RESULTS_CLIN) if kind == "trial"
                 else RESULTS_BY[ctx["dk"]])
        res = [_p(ind, _para(rng, ctx, rpool, rng.randint(3, 6), style, nref, 0.1)
                  [:-1] + ' (<xref ref-type="table" rid="T1">Table 1</xref>).')]
        res.append(_baseline_table(rng, kind, ctx, ind))
        for _ in range(rng.randint(2, 4)):
            res.append(_p(ind, _para(rng, ctx, rpool, rng.randint(3, 6), style,
                                     nref, 0.1)))
        if rng.random() < 0.8:
            res.append(_p(ind, 'Results are summarized in <xref ref-type="table" '
                          'rid="T2">Table 2</xref>.'))
            res.append(_second_table(rng, kind, ctx, ind))
        if rng.random() < 0.4:
            res.append('%s<fig id="F1" position="float">\n%s  <label>Figure 1'
                       '</label>\n%s  <caption>\n%s    <p>%s</p>\n%s  </caption>\n'
                       '%s  <graphic xlink:href="fig%d"/>\n%s</fig>\n' % (
                           ind, ind, ind, ind,
                           rng.choice(FIG_CAPTIONS),
                           ind, ind, pmcid, ind))
        w(_sec("    ", "Sec3", "Results", "".join(res), "results"))
    disc = "".join(_p(ind, _para(rng, ctx, DISCUSSION + BACKGROUND,
                                 rng.randint(3, 7), style, nref, cp))
                   for _ in range(rng.randint(3, 6)))
    w(_sec("    ", "Sec4", "Discussion", disc, "discussion"))
    concl = _p(ind, _para(rng, ctx, TRIAL_CONCLUSION if kind == "trial"
                          else CONCLUSION_GEN, rng.randint(1, 3), style, 0, 0))
    w(_sec("    ", "Sec5", "Conclusions", concl, "conclusions"))
    w('  </body>\n  <back>\n    <ack>\n      <p>We thank the participants and '
      'the staff of the participating centres.</p>\n    </ack>\n'
      '    <fn-group>\n      <fn fn-type="COI-statement">\n'
      '        <p>The authors declare no competing interests.</p>\n'
      '      </fn>\n    </fn-group>\n'
      '    <ref-list>\n      <title>References</title>\n')
    for i in range(1, nref + 1):
        w(_jats_ref(rng, i))
    w('    </ref-list>\n  </back>\n</article>\n')
    return "".join(o)


# The article mix of jats (see the module docstring).
J_TRIAL = PR_TRIAL
J_CASE = 0.05
J_SHORT = 0.03


def gen_jats(size_mb, out):
    _write_set(size_mb, out, 20261124, JATS_HEAD, "</pmc-articleset>\n",
               jats_article, 2000001, ascii_refs=True)


def main():
    modes = {"text": gen_text, "pubmed": gen_pubmed,
             "pubmed-real": gen_pubmed_real, "jats": gen_jats}
    if len(sys.argv) != 4 or sys.argv[1] not in modes:
        sys.exit(__doc__.split("\nRecord mixes")[0].rstrip())
    modes[sys.argv[1]](float(sys.argv[2]), sys.argv[3])


if __name__ == "__main__":
    main()
