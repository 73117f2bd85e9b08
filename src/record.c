/* SPDX-License-Identifier: MIT */
/*
 * record: extracted values and lists of them.
 */
#include "config.h"
#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"

bool
tm_record_is_outcome(const struct tm_record *r)
{
    return strcmp(r->type, "mortality") == 0 ||
           strcmp(r->type, "survival") == 0;
}

static const char *const corr_names[] = {
    "value",  "value_high", "spread",    "events", "total",
    "ci_low", "ci_high",    "ci_level",  "unit",   "comparator",
    "scope",  "group",      "timepoint", "measure"};
#define NCORR (sizeof corr_names / sizeof *corr_names)

const char *
tm_record_corr_name(unsigned bit)
{
    size_t i;

    for (i = 0; i < NCORR; i++)
        if (bit == 1u << i)
            return corr_names[i];
    return NULL;
}

unsigned
tm_record_corr_bit(const char *name)
{
    size_t i;

    for (i = 0; i < NCORR; i++)
        if (strcmp(corr_names[i], name) == 0)
            return 1u << i;
    return 0;
}

void
tm_record_clear(struct tm_record *r)
{
    free(r->section);
    free(r->type);
    free(r->unit);
    free(r->comparator);
    free(r->scope);
    free(r->group);
    free(r->timepoint);
    free(r->study);
    free(r->study_ref);
    free(r->measure);
    free(r->derived);
    free(r->pattern);
    tm_strv_clear(&r->repairs);
    memset(r, 0, sizeof *r);
}

struct tm_record *
tm_records_push(struct tm_records *rs)
{
    if (rs->limit > 0 && rs->n >= rs->limit) {
        /* The spare slot v[n]: free what the last dropped record left. */
        if (rs->dropped > 0)
            tm_record_clear(&rs->v[rs->n]);
        else if (rs->n == rs->cap)
            rs->v = tm_xreallocarray(rs->v, ++rs->cap, sizeof *rs->v);
        rs->dropped++;
        memset(&rs->v[rs->n], 0, sizeof rs->v[rs->n]);
        return &rs->v[rs->n];
    }
    if (rs->n == rs->cap) {
        rs->cap = rs->cap ? rs->cap * 2 : 16;
        rs->v = tm_xreallocarray(rs->v, rs->cap, sizeof *rs->v);
    }
    memset(&rs->v[rs->n], 0, sizeof rs->v[rs->n]);
    return &rs->v[rs->n++];
}

void
tm_records_clear(struct tm_records *rs)
{
    size_t i;

    for (i = 0; i < rs->n; i++)
        tm_record_clear(&rs->v[i]);
    if (rs->dropped > 0)
        tm_record_clear(&rs->v[rs->n]);
    free(rs->v);
    rs->v = NULL;
    rs->n = 0;
    rs->cap = 0;
    rs->dropped = 0;
}

void
tm_records_filter(struct tm_records *rs,
                  bool (*drop)(struct tm_record *r, void *ctx), void *ctx)
{
    size_t i, keep;

    for (i = 0, keep = 0; i < rs->n; i++) {
        if (drop(&rs->v[i], ctx)) {
            tm_record_clear(&rs->v[i]);
            continue;
        }
        if (keep != i)
            rs->v[keep] = rs->v[i];
        keep++;
    }
    if (keep < rs->n && rs->dropped > 0)
        rs->v[keep] = rs->v[rs->n]; /* the spare slot v[n] (record.h) */
    rs->n = keep;
}
