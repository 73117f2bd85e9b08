/* SPDX-License-Identifier: MIT */
/*
 * trial: what a document's numbers say about its trial as a whole.  A
 * pattern judges one number by its clause; some facts only show across
 * the document.  The first: the arms of a trial add up to it.  When
 * counts listed together in one sentence ("112 MSC, 110 placebo") sum to
 * another count of the same study (222 randomized), the parts are arm
 * sizes and every mention of the sum is the total, however each clause
 * read them alone.  Runs after attribution (a review's counts are summed
 * only within one cited study) and before arm linkage (an arm size found
 * here is linked to its arm).
 *
 * Then the trial model (tm_trial_build), after arm linkage and before
 * output: the document's design, registry id, study label, arms and
 * total randomized, from its metadata and the internal records of
 * patterns/trial.pat.  The study table writes it in its trial columns.
 */
#ifndef TM_TRIAL_H
#define TM_TRIAL_H

#include <stdbool.h>

#include "doc.h"
#include "extract.h"
#include "pattern.h"
#include "record.h"
#include "text.h"

/* One arm of a trial: its name as written and its randomized size (0
 * when the document names the arm without its size). */
struct tm_trial_arm {
    char *label;
    long long n;
    bool control; /* receives placebo, sham, usual care ... (trial.pat) */
    /* Its label's words all stand in another arm's ("formoterol" in
     * "budesonide/formoterol"): its name in the text may be that arm's
     * ("formoterol with budesonide"), so it names neither. */
    bool inside;
};

/*
 * The trial a document reports, built after extraction from the
 * document's metadata and its internal records (patterns/trial.pat):
 * _registry ids, _design words, _armsize arms with their sizes and
 * _armname arms named where the trial allocates.
 * Every field may be missing (NULL, 0, false).
 */
struct tm_trial {
    char *label;        /* "Surname 2005"; a group author as written */
    char *registry;     /* "NCT00322530" */
    const char *design; /* static: "randomized-parallel", "review" ... */
    struct tm_trial_arm *arms;
    size_t narms;
    long long n_total; /* randomized in all */
    bool has_total;
};

void tm_trial_init(struct tm_trial *t);
/* Free what the trial owns and re-initialise it. */
void tm_trial_clear(struct tm_trial *t);

/* Build the trial of doc from recs (its records, internal ones
 * included, offsets in doc->text) into t, which is cleared first.
 * sentences are doc->text's (split here if no stage has yet).  set's
 * label classes (arms.pat: adds-on, negation, how-much) read two active
 * arms' labels; without them (set NULL) neither is taken for the control
 * by its label. */
void tm_trial_build(const struct tm_doc *doc, const struct tm_records *recs,
                    struct tm_sentences *sentences,
                    const struct tm_pattern_set *set, struct tm_trial *t);

/* In a primary study's own report (its design known and primary), a
 * value in a results section is the study's own, whatever reference its
 * sentence cites ("deaths from heart failure (70 vs 86; RR 0.81), as in
 * earlier reports [31]"): its study and study_ref are cleared.  Values
 * elsewhere (discussion, introduction) keep the study they cite. */
void tm_trial_own_results(const struct tm_trial *t, struct tm_records *recs);

/* A death count in one arm with no denominator in its sentence ("five
 * patients died in group C": a _deaths record of the document's own
 * trial, its side linked by tm_studies_link_arms, else the arm named
 * right after it) is a mortality over that arm's randomized size when
 * the trial model knows it (group C, n = 16: 31.25%).  Each such record
 * gets a mortality record at the same span, with events, total, the
 * arm's label as group and `derived` saying where the total came from,
 * inserted in text order.  Nothing when the sentence already gives a
 * mortality there, when it cites a study, when the count is linked only
 * to a side that has several arms (and names none of them), or in a
 * secondary study.  sentences are doc->text's. */
void tm_trial_arm_mortality(const struct tm_doc *doc, const struct tm_trial *t,
                            struct tm_records *recs,
                            struct tm_sentences *sentences);

/* A sample size read as a total that is the randomized size of one of
 * the trial's arms (and not the trial's total) is that arm's: "71 (41 M,
 * 30 F) patients ... were of Group I" when group I has 71.  Records of
 * the document's own trial only (no study attributed). */
void tm_trial_arm_scopes(const struct tm_trial *t, struct tm_records *recs);

/* A record whose value is below its pattern's min-arm-share of the
 * trial's smallest randomized arm counts people with an event or a trait
 * ("(n = 5 vs 2)" in a trial of arms of 900), not a population: it is
 * dropped.  Only when the trial model knows the sizes of at least two
 * arms, for records of the document's own trial (no study attributed). */
void tm_trial_arm_shares(const struct tm_trial *t, struct tm_records *recs);

/* Is design a primary study (a trial, a cohort, a case series) rather
 * than a secondary one (a review, a meta-analysis)?  NULL (unknown) is
 * primary. */
bool tm_trial_design_is_primary(const char *design);

/* Is design a secondary analysis of a trial (its people are a trial's,
 * reported again: pooling it beside the trial's own report counts them
 * twice)? */
bool tm_trial_design_is_secondary(const char *design);

/* Rescope the sample sizes of recs (one document's records, offsets in
 * doc->text): parts of a stated total become "arm" and the total "total"
 * (a count stated as a subgroup is never the sum); a subgroup that no
 * count of its study exceeds becomes "total" (a subgroup is a part of
 * something); counts listed together ("61 and 59 patients", joined as
 * ex's pattern files join a list; ex NULL: no lists) are arms.
 * sentences are doc->text's (split here if no stage has yet). */
void tm_trial_scopes(const struct tm_doc *doc, struct tm_records *recs,
                     struct tm_sentences *sentences, struct tm_extractor *ex);

#endif
