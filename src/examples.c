/* SPDX-License-Identifier: MIT */
/*
 * examples: the pattern files' inline examples (`example`, `negative`),
 * run through the pipeline as extract runs a text document, and checked
 * against their expected fields; what `trialmine patterns test`
 * reports.
 */
#include "config.h"
#include "examples.h"
#include "pipeline-int.h"
#include "pattern-int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "normalize.h"
#include "ocr.h"

/* Does record r satisfy the expectation key=val? */
static bool
expect_holds(const struct tm_record *r, const struct tm_kv *kv)
{
    double want;
    const char *got = NULL;

    if (strcmp(kv->key, "text") == 0)
        return strlen(kv->val) == r->end - r->start &&
               memcmp(kv->val, r->text, r->end - r->start) == 0;
    if (strcmp(kv->key, "value") == 0 || strcmp(kv->key, "value_high") == 0 ||
        strcmp(kv->key, "spread") == 0 || strcmp(kv->key, "events") == 0 ||
        strcmp(kv->key, "total") == 0 || strcmp(kv->key, "ci_low") == 0 ||
        strcmp(kv->key, "ci_high") == 0 || strcmp(kv->key, "ci_level") == 0) {
        double v;
        unsigned flag;

        if (strcmp(kv->key, "value") == 0) {
            v = r->value;
            flag = TM_HAS_VALUE;
        } else if (strcmp(kv->key, "value_high") == 0) {
            v = r->value_high;
            flag = TM_HAS_VALUE_HIGH;
        } else if (strcmp(kv->key, "spread") == 0) {
            v = r->spread;
            flag = TM_HAS_SPREAD;
        } else if (strcmp(kv->key, "events") == 0) {
            v = (double)r->events;
            flag = TM_HAS_EVENTS;
        } else if (strcmp(kv->key, "ci_low") == 0) {
            v = r->ci_low;
            flag = TM_HAS_CI_LOW;
        } else if (strcmp(kv->key, "ci_high") == 0) {
            v = r->ci_high;
            flag = TM_HAS_CI_HIGH;
        } else if (strcmp(kv->key, "ci_level") == 0) {
            v = r->ci_level;
            flag = TM_HAS_CI_LEVEL;
        } else {
            v = (double)r->total;
            flag = TM_HAS_TOTAL;
        }
        want = strtod(kv->val, NULL);
        return (r->has & flag) &&
               fabs(v - want) <= 1e-9 * fmax(1.0, fabs(want));
    }
    if (strcmp(kv->key, "unit") == 0)
        got = r->unit;
    else if (strcmp(kv->key, "comparator") == 0)
        got = r->comparator;
    else if (strcmp(kv->key, "scope") == 0)
        got = r->scope;
    else if (strcmp(kv->key, "group") == 0)
        got = r->group;
    else if (strcmp(kv->key, "timepoint") == 0)
        got = r->timepoint;
    else if (strcmp(kv->key, "study") == 0)
        got = r->study;
    else if (strcmp(kv->key, "study_ref") == 0)
        got = r->study_ref;
    else if (strcmp(kv->key, "measure") == 0)
        got = r->measure;
    return got != NULL && strcmp(got, kv->val) == 0;
}

/* Describe the records of a type, for a failure message. */
static void
describe(struct tm_buf *b, const struct tm_records *rs, const char *type)
{
    size_t i;
    bool any = false;

    for (i = 0; i < rs->n; i++) {
        const struct tm_record *r = &rs->v[i];

        if (strcmp(r->type, type) != 0)
            continue;
        tm_buf_printf(b, "%s'%.*s' value=%g%s%s (%s)", any ? "; " : "",
                      (int)(r->end - r->start), r->text, r->value,
                      r->comparator ? " comparator=" : "",
                      r->comparator ? r->comparator : "", r->pattern);
        any = true;
    }
    if (!any)
        tm_buf_printf(b, "no %s record", type);
}

/* A repair's example: the whole normalization of the raw text must give
 * the expected text; a negative: the rule must not fire. */
static size_t
run_repair_examples(struct tm_pipeline *pl, const struct tm_pattern *p,
                    void (*fail)(void *ctx, const char *msg), void *ctx,
                    size_t *total)
{
    size_t ei, k, failures = 0;

    for (ei = 0; ei < p->nexamples; ei++) {
        const struct tm_example *exm = &p->examples[ei];
        struct tm_buf msg;
        bool fired = false;

        (*total)++;
        /* Layout repairs too: a layout rule's example must see it fire. */
        pl->st.norm.keep_layout = true;
        tm_ocr_normalize(pl->st.ocr, &pl->st.norm, exm->text, strlen(exm->text),
                         "example", pl->rep);
        pl->st.norm.keep_layout = false;
        for (k = 0; k < pl->st.norm.nrepairs; k++)
            fired |= pl->st.norm.repairs[k].rule == p->name;
        tm_buf_init(&msg, 0);
        if (exm->negative && fired)
            tm_buf_printf(&msg,
                          "%s:%u: %s: negative '%s': the rule fired: "
                          "'%s'",
                          p->file, exm->line, p->id, exm->text,
                          pl->st.norm.text);
        else if (!exm->negative && exm->nexpect > 0 &&
                 strcmp(pl->st.norm.text, exm->expect[0].val) != 0)
            tm_buf_printf(&msg,
                          "%s:%u: %s: example '%s': got '%s'; "
                          "expected '%s'",
                          p->file, exm->line, p->id, exm->text,
                          pl->st.norm.text, exm->expect[0].val);
        else if (!exm->negative && !fired)
            tm_buf_printf(&msg,
                          "%s:%u: %s: example '%s': the rule did not "
                          "fire",
                          p->file, exm->line, p->id, exm->text);
        if (msg.len > 0) {
            failures++;
            fail(ctx, msg.data);
        }
        tm_buf_clear(&msg);
    }
    return failures;
}

size_t
tm_examples_run(struct tm_pipeline *pl,
                void (*fail)(void *ctx, const char *msg), void *ctx,
                size_t *total)
{
    const struct tm_pattern_set *set = pl->set;
    size_t pi, ei, k, failures = 0;

    *total = 0;
    /* A mention pattern's examples look at its mentions. */
    tm_extractor_set_keep_mentions(pl->st.ex, true);
    for (pi = 0; pi < set->npatterns; pi++) {
        const struct tm_pattern *p = &set->patterns[pi];

        if (p->is_repair) {
            failures += run_repair_examples(pl, p, fail, ctx, total);
            continue;
        }
        for (ei = 0; ei < p->nexamples; ei++) {
            const struct tm_example *exm = &p->examples[ei];
            struct tm_records rs = {0};
            struct tm_err err;
            struct tm_buf msg;
            bool ok = false, any_of_type = false;
            size_t i;

            (*total)++;
            tm_err_clear(&err);
            tm_buf_init(&msg, 0);
            if (tm_pipeline_extract_string(pl, "example", exm->text,
                                           strlen(exm->text), &rs,
                                           &err) != TM_OK) {
                tm_buf_printf(&msg, "%s:%u: %s: %s", p->file, exm->line, p->id,
                              err.msg);
            } else {
                for (i = 0; i < rs.n; i++) {
                    const struct tm_record *r = &rs.v[i];
                    bool all = true;

                    if (strcmp(r->type, p->type) != 0)
                        continue;
                    any_of_type = true;
                    for (k = 0; k < exm->nexpect && all; k++)
                        all = expect_holds(r, &exm->expect[k]);
                    if (all)
                        ok = true;
                }
                if (exm->negative)
                    ok = !any_of_type;
                if (!ok) {
                    tm_buf_printf(&msg, "%s:%u: %s: %s '%s': got ", p->file,
                                  exm->line, p->id,
                                  exm->negative ? "negative" : "example",
                                  exm->text);
                    describe(&msg, &rs, p->type);
                    if (!exm->negative) {
                        tm_buf_puts(&msg, "; expected");
                        for (k = 0; k < exm->nexpect; k++)
                            tm_buf_printf(&msg, " %s=%s", exm->expect[k].key,
                                          exm->expect[k].val);
                        if (exm->nexpect == 0)
                            tm_buf_printf(&msg, " a %s record", p->type);
                    }
                }
            }
            if (msg.len > 0) {
                failures++;
                fail(ctx, msg.data);
            }
            tm_buf_clear(&msg);
            tm_records_clear(&rs);
        }
    }
    tm_extractor_set_keep_mentions(pl->st.ex, false);
    return failures;
}
