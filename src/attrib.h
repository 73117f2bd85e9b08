/* SPDX-License-Identifier: MIT */
/*
 * attrib: which study a value belongs to.  Study mentions are records of
 * the internal type "_study" found by the pattern files (patterns/
 * study.pat); this module only decides, for every other record of a
 * section, which mention is its study: the nearest one before it in its
 * sentence, else the first one after it in its sentence, else the last
 * one in the closest earlier sentence of the same paragraph.  A named
 * mention without a citation takes the first bare citation that follows
 * it in its sentence.  Timepoints work the same way within a sentence:
 * a mortality or survival value without one takes the nearest "_timepoint"
 * mention (patterns/timepoint.pat).
 */
#ifndef TM_ATTRIB_H
#define TM_ATTRIB_H

#include <stddef.h>

#include "record.h"
#include "text.h"

/* Attribute recs->v[first..n) (offsets in text[0..len), one section's
 * normalized text).  Sets study (the mention as a label, "Zheng et al.
 * [30]"), study_ref (its citation as written, "[30]", for the caller to
 * resolve) and ref_start/ref_end (the mention's span, in text
 * coordinates).  sentences are text's sentences, as tm_text_sentences
 * splits them (the extractor's: tm_extractor_sentences). */
void tm_attrib_section(const char *text, size_t len, struct tm_records *recs,
                       size_t first, const struct tm_spans *sentences);

#endif
