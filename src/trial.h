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
 */
#ifndef TM_TRIAL_H
#define TM_TRIAL_H

#include "doc.h"
#include "record.h"
#include "text.h"

/* Rescope the sample sizes of recs (one document's records, offsets in
 * doc->text): parts of a stated total become "arm" and the total "total"
 * (a count stated as a subgroup is never the sum); a subgroup that no
 * count of its study exceeds becomes "total" (a subgroup is a part of
 * something).  sentences is scratch space. */
void tm_trial_scopes(const struct tm_doc *doc, struct tm_records *recs,
                     struct tm_spans *sentences);

#endif
