/* SPDX-License-Identifier: MIT */
/*
 * ocr: the repair rules of the pattern files (`repair NAME` blocks), run
 * over normalized text: superscript-6 look-alikes after 10, x for ×, +
 * for ± in (a+b)x10^n, middle-dot decimals, O and l inside numbers,
 * look-alike letters before comparators, page furniture.  Rules are data;
 * this module only runs them, refuses a repair whose `check` number is
 * implausible, and counts what each rule did.
 */
#ifndef TM_OCR_H
#define TM_OCR_H

#include <stddef.h>

#include "err.h"
#include "normalize.h"
#include "pattern.h"

struct tm_ocr;

/* Per-thread state for the repair rules of a compiled set. */
struct tm_ocr *tm_ocr_new(const struct tm_pattern_set *set);
void tm_ocr_free(struct tm_ocr *o);

/* Run the rules of stage "raw" (before the layout pass) or "text" (after
 * it) over n, in file order.  Limit hits are warnings naming the rule and
 * `where`. */
void tm_ocr_apply_raw(struct tm_ocr *o, struct tm_norm *n, const char *where,
                      struct tm_reporter *rep);
void tm_ocr_apply_text(struct tm_ocr *o, struct tm_norm *n, const char *where,
                       struct tm_reporter *rep);

/* The full normalization: reset to raw, Unicode pass, raw-stage rules,
 * layout pass, text-stage rules. */
void tm_ocr_normalize(struct tm_ocr *o, struct tm_norm *n, const char *raw,
                      size_t len, const char *where, struct tm_reporter *rep);

/* What each repair rule did so far (i < tm_ocr_nrules). */
size_t tm_ocr_nrules(const struct tm_ocr *o);
const char *tm_ocr_rule_name(const struct tm_ocr *o, size_t i);
unsigned long tm_ocr_applied(const struct tm_ocr *o, size_t i);
unsigned long tm_ocr_refused(const struct tm_ocr *o, size_t i);

#endif
