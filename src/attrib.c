/* SPDX-License-Identifier: MIT */
/*
 * attrib: nearest-mention attribution, sentence first, then paragraph.
 */
#include "config.h"
#include "attrib.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"

struct mention {
    size_t start, end;
    const char *name; /* borrowed from the mention record */
    const char *cite;
    size_t sentence, paragraph;
};

static int
cmp_mentions(const void *a, const void *b)
{
    const struct mention *x = a, *y = b;

    return x->start < y->start ? -1 : x->start > y->start;
}

static int
cmp_offsets(const void *a, const void *b)
{
    const struct tm_record *x = *(const struct tm_record *const *)a;
    const struct tm_record *y = *(const struct tm_record *const *)b;

    return x->start < y->start ? -1 : x->start > y->start;
}

/* Is there a ';' in text[a, b)?  Semicolons part a sentence's list of
 * results ("... at month 36; ... at month 60"). */
static bool
has_semicolon(const char *text, size_t a, size_t b)
{
    return a < b && memchr(text + a, ';', b - a) != NULL;
}

/* Outcomes without a timepoint of their own take one from a _timepoint
 * mention of their sentence: one inside or right after their own words
 * ("all seven survived to discharge"), else the closest
 * before them with no ';' between, else the first after them with none,
 * else the closest before, else the
 * first after.  (Taking one from an earlier sentence of the paragraph was
 * measured: it helps as often as it hurts.) */
static void
attrib_timepoints(const char *text, const struct tm_spans *sentences,
                  struct tm_records *recs, size_t first)
{
    const struct tm_record **t = NULL;
    size_t nt = 0, i;

    for (i = first; i < recs->n; i++)
        if (strcmp(recs->v[i].type, "_timepoint") == 0 &&
            recs->v[i].timepoint != NULL) {
            t = tm_xreallocarray(t, nt + 1, sizeof *t);
            t[nt++] = &recs->v[i];
        }
    if (nt == 0)
        return;
    qsort(t, nt, sizeof *t, cmp_offsets);
    for (i = first; i < recs->n; i++) {
        struct tm_record *r = &recs->v[i];
        size_t lo = 0, hi = nt, s;
        const struct tm_record *before = NULL, *after = NULL, *pick = NULL;

        /* Outcomes, and counts of deaths in an arm (a mortality the
         * trial model may derive from them). */
        if (r->timepoint != NULL ||
            (!tm_record_is_outcome(r) && strcmp(r->type, "_deaths") != 0))
            continue;
        s = tm_spans_find(sentences, r->start);
        /* lo = the number of mentions starting before r. */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;

            if (t[mid]->start < r->start)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo > 0 && tm_spans_find(sentences, t[lo - 1]->start) == s)
            before = t[lo - 1];
        if (lo < nt && tm_spans_find(sentences, t[lo]->start) == s)
            after = t[lo];
        if (after != NULL &&
            (after->end <= r->end || after->start <= r->end + 16))
            pick = after; /* in or right after the value's own words */
        else if (before != NULL && !has_semicolon(text, before->end, r->start))
            pick = before;
        else if (after != NULL && !has_semicolon(text, r->end, after->start))
            pick = after;
        else if (before != NULL)
            pick = before;
        else if (after != NULL)
            pick = after;
        if (pick != NULL)
            r->timepoint = tm_xstrdup(pick->timepoint);
    }
    free(t);
}

void
tm_attrib_section(const char *text, size_t len, struct tm_records *recs,
                  size_t first, const struct tm_spans *sentences)
{
    struct mention *m = NULL;
    size_t nm = 0, i, k, *para = NULL, p = 0;

    (void)len;
    if (sentences->n == 0)
        return;
    /* Paragraph of each sentence: a blank line between two sentences
     * starts a new one. */
    para = tm_xcalloc(sentences->n, sizeof *para);
    for (i = 1; i < sentences->n; i++) {
        const char *gap = text + sentences->v[i - 1].end;
        size_t glen = sentences->v[i].start - sentences->v[i - 1].end;

        if (memmem(gap, glen, "\n\n", 2) != NULL)
            p++;
        para[i] = p;
    }
    attrib_timepoints(text, sentences, recs, first);
    for (i = first; i < recs->n; i++) {
        struct tm_record *r = &recs->v[i];

        if (strcmp(r->type, "_study") != 0)
            continue;
        m = tm_xreallocarray(m, nm + 1, sizeof *m);
        m[nm].start = r->start;
        m[nm].end = r->end;
        m[nm].name = r->study;
        m[nm].cite = r->study_ref;
        m[nm].sentence = tm_spans_find(sentences, r->start);
        m[nm].paragraph = para[m[nm].sentence];
        nm++;
    }
    if (nm > 1)
        qsort(m, nm, sizeof *m, cmp_mentions);
    /* A name without a citation takes the next bare citation of its
     * sentence, unless another name comes first. */
    for (i = 0; i < nm; i++) {
        if (m[i].name == NULL || m[i].cite != NULL)
            continue;
        for (k = i + 1; k < nm && m[k].sentence == m[i].sentence; k++) {
            if (m[k].name != NULL)
                break;
            if (m[k].cite != NULL) {
                m[i].cite = m[k].cite;
                m[k].cite = NULL; /* used up: it is this name's */
                m[k].name = NULL;
                break;
            }
        }
    }
    for (i = first; i < recs->n; i++) {
        struct tm_record *r = &recs->v[i];
        size_t s = tm_spans_find(sentences, r->start), best = (size_t)-1;

        size_t lo = 0, hi = nm;

        if (r->type[0] == '_' || nm == 0)
            continue;
        /* The first mention of sentence s or later (mentions are sorted,
         * so their sentences are too): no quadratic scan of a long
         * document. */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;

            if (m[mid].sentence < s)
                lo = mid + 1;
            else
                hi = mid;
        }
        /* In the sentence: the closest mention before, else after. */
        for (k = lo; k < nm && m[k].sentence == s; k++) {
            if (m[k].name == NULL && !m[k].cite)
                continue;
            if (m[k].start < r->start)
                best = k;
            else if (best == (size_t)-1) {
                best = k;
                break;
            }
        }
        /* Else the closest earlier sentence of the paragraph. */
        for (k = lo; best == (size_t)-1 && k > 0; k--) {
            const struct mention *c = &m[k - 1];

            if (c->paragraph != para[s])
                break;
            if (c->name != NULL || c->cite != NULL)
                best = k - 1;
        }
        if (best == (size_t)-1)
            continue;
        {
            struct tm_buf label;

            tm_buf_init(&label, 0);
            if (m[best].name != NULL)
                tm_buf_puts(&label, m[best].name);
            if (m[best].cite != NULL) {
                if (label.len > 0)
                    tm_buf_putc(&label, ' ');
                tm_buf_puts(&label, m[best].cite);
            }
            free(r->study);
            r->study = tm_buf_steal(&label, NULL);
            free(r->study_ref);
            r->study_ref = m[best].cite ? tm_xstrdup(m[best].cite) : NULL;
            r->ref_start = m[best].start;
            r->ref_end = m[best].end;
            r->has_ref_span = true;
        }
    }
    free(m);
    free(para);
}
