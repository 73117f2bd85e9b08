/* SPDX-License-Identifier: MIT */
/*
 * eval: measure extraction against gold annotations (the spec's gold.tsv
 * and negatives.tsv).  A record matches a gold line when the type agrees,
 * the values agree (relative tolerance 1e-6, value_high too when given),
 * the unit and comparator agree where the gold gives them, and the
 * record's span overlaps an occurrence of the gold surface.  Matching is
 * one to one.  Reports precision, recall and F1 per type, then every miss
 * and every false hit with its sentence.
 */
#ifndef TM_EVAL_H
#define TM_EVAL_H

#include <stdio.h>

#include "err.h"
#include "pattern.h"

#define TM_EVAL_MAX_TYPES 16

struct tm_eval_score {
    char type[32];
    unsigned long tp, fp, fn;
};

struct tm_eval {
    struct tm_eval_score types[TM_EVAL_MAX_TYPES];
    size_t ntypes;
    unsigned long docs, gold_lines, negatives_hit, negatives;
    /* Of the matched sample sizes whose gold names a scope (total, arm,
     * subgroup), how many records carry it; of the matched mortality and
     * survival values, how many carry the gold's timepoint (none = none). */
    unsigned long scope_judged, scope_right, time_judged, time_right;
};

/*
 * Evaluate the gold in gold_dir (gold.tsv, negatives.tsv) whose documents
 * lie in docs_dir (gold_dir when NULL): text documents are files named by
 * doc_id; XML documents (doc_id pmid:, pmcid:) come from the *.xml,
 * *.nxml and *.gz files of docs_dir.  Scores are added to ev.  With
 * details, every miss and false hit is printed to out; with details 2,
 * every matched record (HIT) too.  Fails on
 * unreadable gold files or documents.
 */
enum tm_status tm_eval_dir(const struct tm_pattern_set *set,
                           const char *gold_dir, const char *docs_dir,
                           struct tm_eval *ev, FILE *out, int details,
                           struct tm_reporter *rep, struct tm_err *err);

/* Print the per-type table (and a total line) to out. */
void tm_eval_print(const struct tm_eval *ev, FILE *out);

#endif
