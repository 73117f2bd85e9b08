/* SPDX-License-Identifier: MIT */
/*
 * extract: run a compiled pattern set over one (normalized) text and turn
 * matches into records.  Sentences are the unit of matching and of
 * context; overlapping matches of one type are resolved by priority, then
 * length, then position, so the result does not depend on pattern order
 * beyond ties.  An extractor holds the per-thread matching state (match
 * data, JIT stack); the pattern set it reads is shared and read-only.
 */
#ifndef TM_EXTRACT_H
#define TM_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "pattern.h"
#include "record.h"
#include "text.h"

struct tm_extractor;

/* A new extractor for a compiled set (the set must outlive it). */
struct tm_extractor *tm_extractor_new(const struct tm_pattern_set *set);
void tm_extractor_free(struct tm_extractor *ex);

/*
 * Append to out the records found in text[0..len).  Offsets are in text's
 * coordinates; the caller fills doc, section and text and maps offsets to
 * the raw document.  `where` names the document in warnings (a pattern
 * that hits a match limit, a value that does not parse), which go to rep;
 * they never stop extraction.  Fails only when text is not valid UTF-8.
 */
enum tm_status tm_extract_text(struct tm_extractor *ex, const char *text,
                               size_t len, const char *where,
                               struct tm_records *out, struct tm_reporter *rep,
                               struct tm_err *err);

/* The sentences of the text last given to tm_extract_text (valid until
 * the next call), so later stages need not split it again. */
/* val (taken) in the canonical form the pattern set's `map FIELD` lines
 * give a captured value of field ("unit", "timepoint", ...; white space
 * folded), as extraction writes it: returned, val freed or returned
 * itself.  An unknown field, or a val that is not valid UTF-8, leaves val
 * as it is. */
char *tm_extractor_canonical(struct tm_extractor *ex, const char *field,
                             char *val);

const struct tm_spans *tm_extractor_sentences(const struct tm_extractor *ex);

/* Is text[0, len) what stands between two members of one list of
 * values, as the pattern files define it (`listsep`: "61 and 59", "30,
 * 31 and 29"), and then does it close the list (*last: `listlast`, an
 * "and" or "or" before the last member)?  False when the files define no
 * lists, and for text that is not valid UTF-8. */
bool tm_extractor_list_gap(struct tm_extractor *ex, const char *text,
                           size_t len, bool *last);

/* Number of patterns that hit a match limit so far. */
unsigned long tm_extractor_limit_hits(const struct tm_extractor *ex);

/* Time spent per pattern, kept when profiling is on (it costs two clock
 * reads per pattern and sentence, so it is off by default). */
struct tm_pattern_cost {
    double seconds;        /* in the matcher, context rules and records */
    unsigned long runs;    /* sentences the pattern ran on */
    unsigned long skipped; /* sentences its prefilter or rules ruled out */
    unsigned long matches; /* candidates before overlap resolution */
};

void tm_extractor_set_profile(struct tm_extractor *ex, bool on);
/* Also append the mentions that roles read (internal types named by a
 * pattern's `from`, normally never output) to the records, for checking
 * their patterns' examples. */
void tm_extractor_set_keep_mentions(struct tm_extractor *ex, bool on);
/* Per pattern of the set, indexed as the set's patterns; NULL when
 * profiling is off. */
const struct tm_pattern_cost *tm_extractor_costs(const struct tm_extractor *ex);

#endif
