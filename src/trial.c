/* SPDX-License-Identifier: MIT */
/* trial: document-wide facts about a trial; see trial.h. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "trial.h"
#include "err.h"

/* Counts listed together: at most this many make one partition. */
#define MAX_PARTS 3
/* A sum smaller than this is too easily a coincidence (2 + 3 = 5). */
#define MIN_SUM 10

struct count {
    struct tm_record *r;
    const char *key; /* the study it was attributed to ("" for none) */
    size_t sentence;
    long long n;
    bool total, arm; /* what the arithmetic says */
};

static const char *
study_key(const struct tm_record *r)
{
    return r->study_ref != NULL ? r->study_ref
           : r->study != NULL   ? r->study
                                : "";
}

/* A sample size the arithmetic reads: a whole count. */
static bool
movable(const struct tm_record *r)
{
    return strcmp(r->type, "sample_size") == 0 && (r->has & TM_HAS_VALUE) &&
           r->value >= 1 && r->value <= 1e8 && r->value == floor(r->value);
}

static bool
is_subgroup(const struct count *c)
{
    return c->r->scope != NULL && strcmp(c->r->scope, "subgroup") == 0;
}

static void
set_scope(struct tm_record *r, const char *scope)
{
    if (r->scope != NULL && strcmp(r->scope, scope) == 0)
        return;
    free(r->scope);
    r->scope = tm_xstrdup(scope);
}

/* Do c[i..i+k) make a partition: one sentence, one study, each part at
 * least 2, and a sum that another count of the study states, not as a
 * subgroup (parts of a subgroup are subgroups too)?  Marks the parts and
 * every count equal to the sum that is not a subgroup. */
static void
try_partition(struct count *c, size_t n, size_t i, size_t k)
{
    long long sum = 0;
    size_t j;
    bool stated = false;

    if (i + k > n)
        return;
    for (j = i; j < i + k; j++) {
        if (c[j].sentence != c[i].sentence || strcmp(c[j].key, c[i].key) != 0 ||
            c[j].n < 2)
            return;
        sum += c[j].n;
    }
    if (sum < MIN_SUM)
        return;
    for (j = 0; j < n && !stated; j++)
        stated = (j < i || j >= i + k) && c[j].n == sum &&
                 strcmp(c[j].key, c[i].key) == 0 && !is_subgroup(&c[j]);
    if (!stated)
        return;
    for (j = i; j < i + k; j++)
        c[j].arm = true;
    for (j = 0; j < n; j++) {
        if (c[j].n == sum && strcmp(c[j].key, c[i].key) == 0 &&
            (j < i || j >= i + k) && !is_subgroup(&c[j]))
            c[j].total = true;
    }
}

/* A subgroup is a part of its study: one that no other count of the
 * study exceeds ("patients with ARDS (n = 40)" when the study's other
 * counts are its arms) is the whole study.  A study's only count keeps
 * its scope: there is nothing to compare it with. */
static void
whole_subgroups(struct tm_records *recs)
{
    size_t i, k;

    for (i = 0; i < recs->n; i++) {
        struct tm_record *r = &recs->v[i];
        bool largest = true;
        size_t others = 0;

        if (strcmp(r->type, "sample_size") != 0 || r->scope == NULL ||
            strcmp(r->scope, "subgroup") != 0 || !(r->has & TM_HAS_VALUE))
            continue;
        for (k = 0; k < recs->n && largest; k++) {
            const struct tm_record *o = &recs->v[k];

            if (k == i || strcmp(o->type, "sample_size") != 0 ||
                !(o->has & TM_HAS_VALUE) ||
                strcmp(study_key(o), study_key(r)) != 0)
                continue;
            others++;
            largest = o->value <= r->value;
        }
        /* Alone, a count cannot be compared: it keeps its scope. */
        if (largest && others > 0)
            set_scope(r, "total");
    }
}

void
tm_trial_scopes(const struct tm_doc *doc, struct tm_records *recs,
                struct tm_spans *sentences)
{
    struct count *c;
    size_t i, k, n = 0;

    for (i = 0; i < recs->n; i++)
        n += movable(&recs->v[i]);
    if (n < 3) {
        whole_subgroups(recs);
        return;
    }
    c = tm_xcalloc(n, sizeof *c);
    tm_text_sentences(doc->text, doc->len, sentences);
    for (i = n = 0; i < recs->n; i++) {
        struct tm_record *r = &recs->v[i];

        if (!movable(r))
            continue;
        c[n].r = r;
        c[n].key = study_key(r);
        c[n].sentence =
            sentences->n > 0 ? tm_spans_find(sentences, r->start) : 0;
        c[n].n = (long long)r->value;
        n++;
    }
    for (i = 0; i < n; i++) {
        for (k = 2; k <= MAX_PARTS; k++)
            try_partition(c, n, i, k);
    }
    for (i = 0; i < n; i++) {
        /* A count that is both a part and a sum is left as it was. */
        if (c[i].total != c[i].arm)
            set_scope(c[i].r, c[i].total ? "total" : "arm");
    }
    free(c);
    whole_subgroups(recs);
}
