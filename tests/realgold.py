# SPDX-License-Identifier: MIT
"""What the scripts that score corpus/real/studies share: where the real
trial reports are (../shared beside the project), which file holds a
gold document, and how arm labels and keys are compared as words."""
import os
import subprocess
import re

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(TOP, "..", "shared")
PMC = os.path.join(SHARED, "fixtures", "pmc")
EI = os.path.join(SHARED, "realtext", "evidence-inference", "articles")
GOLD = os.path.join(TOP, "corpus", "real", "studies")


def have_shared():
    """Are the real trial reports beside the project?"""
    return os.path.isdir(PMC) and os.path.isdir(EI)


def doc_files(docs):
    """The .nxml file of each gold doc ("pmcid:PMC...") that exists, in
    order; the PMC fixtures first."""
    files = []
    for d in docs:
        pmcid = d.split(":", 1)[1]
        for base in (PMC, EI):
            p = os.path.join(base, pmcid + ".nxml")
            if os.path.exists(p):
                files.append(p)
                break
    return files


def words(s):
    """Letters and digits, case folded, as a list of words."""
    return re.sub(r"[^0-9a-z]+", " ", s.casefold()).split()


def stem(w):
    """A word without a plural s ("FAQs" is "faq")."""
    return w[:-1] if len(w) > 3 and w.endswith("s") else w


def words_in(a, b):
    """Are the words a all among the words b, in any order, a plural
    read as its singular ("usual care (CONTROL)" in "Control (usual
    care)")?"""
    rest = [stem(w) for w in b]
    for w in a:
        if stem(w) not in rest:
            return False
        rest.remove(stem(w))
    return bool(a)


def run_of(a, b):
    """Are the words a a contiguous run of the words b?"""
    return bool(a) and any(b[i:i + len(a)] == a
                           for i in range(len(b) - len(a) + 1))


def option(argv, name, conv=str, default=None):
    """The value after --name in argv, converted, or default."""
    return conv(argv[argv.index(name) + 1]) if name in argv else default


def study_table(trialmine, files, argv):
    """The study table (csv-raw text) of files: `trialmine studies`'s, or
    with --table FILE in argv, FILE's (another annotator's rows written
    as a table, for agreement: tests/study-agreement.py)."""
    table = option(argv, "--table", str)
    if table is not None:
        with open(table, encoding="utf-8") as f:
            return f.read()
    return subprocess.run([trialmine, "studies", "--csv-raw"] + files,
                          check=False,
                          stdout=subprocess.PIPE).stdout.decode("utf-8")
