/* SPDX-License-Identifier: MIT */
/*
 * record: one extracted value, the unit of trialmine's output (see
 * shared/spec/records.md).  Numbers are doubles with presence flags, so
 * that a field that does not apply is omitted, never written as 0.
 */
#ifndef TM_RECORD_H
#define TM_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

/* Presence bits for the optional numeric fields. */
enum {
    TM_HAS_VALUE = 1u << 0,
    TM_HAS_VALUE_HIGH = 1u << 1,
    TM_HAS_SPREAD = 1u << 2,
    TM_HAS_EVENTS = 1u << 3,
    TM_HAS_TOTAL = 1u << 4,
    TM_HAS_CI_LOW = 1u << 5,
    TM_HAS_CI_HIGH = 1u << 6,
    TM_HAS_CI_LEVEL = 1u << 7
};

struct tm_record {
    const char *doc; /* borrowed: the document id */
    char *section;
    char *type;
    unsigned has; /* TM_HAS_* bits */
    double value, value_high, spread;
    /* An effect estimate's confidence interval and its level (95). */
    double ci_low, ci_high, ci_level;
    long long events, total;
    /* Optional strings; NULL when the field does not apply. */
    char *unit, *comparator, *scope, *group, *timepoint, *study, *study_ref;
    char *measure;     /* an effect's measure: HR, OR, RR, RD, MD, SMD, IRR */
    size_t start, end; /* UTF-8 byte offsets of the surface in doc text */
    const char *text;  /* borrowed: doc text + start, end - start bytes */
    char *pattern;     /* "file:name" */
    struct tm_strv repairs;
    /* Where the study mention this record was attributed to stands (doc
     * offsets; used to resolve a citation to the reference list). */
    size_t ref_start, ref_end;
    bool has_ref_span;
    /* Which side of a comparison the value is on (set by
     * tm_studies_link_arms; not written out, the arm's name goes to
     * group): TM_ARM_*, and how that was decided. */
    unsigned char arm, arm_how;
};

enum { TM_ARM_NONE = 0, TM_ARM_TREATMENT = 1, TM_ARM_CONTROL = 2 };
enum { TM_ARM_BY_NAME = 0, TM_ARM_BY_ORDER = 1, TM_ARM_BY_OTHER = 2 };

/* A growable list of records.  With a limit, records pushed beyond it
 * are dropped (counted in dropped), so memory stays bounded whatever a
 * document holds. */
struct tm_records {
    struct tm_record *v;
    size_t n, cap;
    size_t limit;          /* 0: none; kept by tm_records_clear */
    unsigned long dropped; /* pushes refused since the last clear */
};

/* Free the strings a record owns. */
void tm_record_clear(struct tm_record *r);
/* Is the record an outcome (mortality, survival): a value that has a
 * timepoint and belongs to an arm?  Attribution and the study table ask
 * the same question and must give the same answer. */
bool tm_record_is_outcome(const struct tm_record *r);
/* Append a zeroed record and return it.  At the limit, count a drop and
 * return a spare slot outside v[0..n), which the next push or the clear
 * frees: the caller fills it as usual and it is never seen again. */
struct tm_record *tm_records_push(struct tm_records *rs);
/* Free all records and the list (the limit stays; dropped is reset). */
void tm_records_clear(struct tm_records *rs);

#endif
