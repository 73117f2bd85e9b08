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
    char *measure; /* an effect's measure: HR, OR, RR, RD, MD, SMD, IRR */
    /* How a value the text does not print was derived (trial.c: a
     * count of deaths over its arm's randomized size); NULL for a value
     * read as printed. */
    char *derived;
    /* The least share of the trial's smallest randomized arm the value
     * may be (its pattern's min-arm-share; trial.c drops it below); 0:
     * any.  Not written out. */
    double min_arm_share;
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
    /* What a reviewer's correction did to the record (corrections.h):
     * TM_CORR_* bits, one per field it set, or TM_CORR_ACCEPTED; 0 when
     * no correction names it.  Not written by the record writers; the
     * study table flags its corrected cells in `check`. */
    unsigned corrected;
};

/* Fields a correction can set ("edit value=22"), and acceptance; bit i
 * is the i-th name of tm_record_corr_name. */
enum {
    TM_CORR_VALUE = 1u << 0,
    TM_CORR_VALUE_HIGH = 1u << 1,
    TM_CORR_SPREAD = 1u << 2,
    TM_CORR_EVENTS = 1u << 3,
    TM_CORR_TOTAL = 1u << 4,
    TM_CORR_CI_LOW = 1u << 5,
    TM_CORR_CI_HIGH = 1u << 6,
    TM_CORR_CI_LEVEL = 1u << 7,
    TM_CORR_UNIT = 1u << 8,
    TM_CORR_COMPARATOR = 1u << 9,
    TM_CORR_SCOPE = 1u << 10,
    TM_CORR_GROUP = 1u << 11,
    TM_CORR_TIMEPOINT = 1u << 12,
    TM_CORR_MEASURE = 1u << 13,
    TM_CORR_ACCEPTED = 1u << 15
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

/* The field name of a TM_CORR_* bit other than TM_CORR_ACCEPTED
 * ("value", "ci_low"), or NULL; and the bit of a field name, or 0. */
const char *tm_record_corr_name(unsigned bit);
unsigned tm_record_corr_bit(const char *name);

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
/* Call drop(record, ctx) on each record in order (it may change the
 * record); the records it returns true for are freed and removed, the
 * others keep their order.  A cut list's spare slot moves down with n. */
void tm_records_filter(struct tm_records *rs,
                       bool (*drop)(struct tm_record *r, void *ctx), void *ctx);

#endif
