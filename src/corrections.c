/* SPDX-License-Identifier: MIT */
/*
 * corrections: reading corrections.tsv, applying it to a document's
 * records by identity, and comparing two reviewers' files.
 *
 * The lines are kept sorted by (doc, start, end, type, line), so a
 * document's corrections are found by binary search and each record
 * looks up its own in O(log n): a reviewer's file of thousands of lines
 * costs a run nothing measurable.  What matched is written under a
 * mutex, because the pipeline's workers apply corrections in parallel.
 */
#include "config.h"
#include "corrections.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

enum action { ACT_ACCEPT, ACT_REJECT, ACT_EDIT };

struct corr {
    char *doc, *type;
    size_t start, end;
    enum action action;
    unsigned field; /* TM_CORR_* bit, for edit */
    char *value;    /* the edit's value as written ("" clears the field) */
    char *edit;     /* "field=value" as written, "" for accept and reject */
    char *note, *reviewer, *date;
    unsigned long line;
    bool matched, doc_seen;
};

struct tm_corrections {
    char *path;
    struct corr *v;
    size_t n;
    pthread_mutex_t mu;
};

static const struct {
    const char *name;
    unsigned bit;
    char kind; /* 'n' number, 'i' whole number, 's' string */
} fields[] = {
    {"value", TM_CORR_VALUE, 'n'},
    {"value_high", TM_CORR_VALUE_HIGH, 'n'},
    {"spread", TM_CORR_SPREAD, 'n'},
    {"events", TM_CORR_EVENTS, 'i'},
    {"total", TM_CORR_TOTAL, 'i'},
    {"ci_low", TM_CORR_CI_LOW, 'n'},
    {"ci_high", TM_CORR_CI_HIGH, 'n'},
    {"ci_level", TM_CORR_CI_LEVEL, 'n'},
    {"unit", TM_CORR_UNIT, 's'},
    {"comparator", TM_CORR_COMPARATOR, 's'},
    {"scope", TM_CORR_SCOPE, 's'},
    {"group", TM_CORR_GROUP, 's'},
    {"timepoint", TM_CORR_TIMEPOINT, 's'},
    {"measure", TM_CORR_MEASURE, 's'},
};
#define NFIELDS (sizeof fields / sizeof *fields)

static const char *const action_names[] = {"accept", "reject", "edit"};

static size_t
field_index(unsigned bit)
{
    size_t i;

    for (i = 0; i < NFIELDS; i++)
        if (fields[i].bit == bit)
            return i;
    return 0;
}

void
tm_corrections_free(struct tm_corrections *cs)
{
    size_t i;

    if (cs == NULL)
        return;
    for (i = 0; i < cs->n; i++) {
        free(cs->v[i].doc);
        free(cs->v[i].type);
        free(cs->v[i].value);
        free(cs->v[i].edit);
        free(cs->v[i].note);
        free(cs->v[i].reviewer);
        free(cs->v[i].date);
    }
    free(cs->v);
    free(cs->path);
    pthread_mutex_destroy(&cs->mu);
    free(cs);
}

size_t
tm_corrections_count(const struct tm_corrections *cs)
{
    return cs->n;
}

void
tm_corrections_get(const struct tm_corrections *cs, size_t i,
                   struct tm_correction *out)
{
    const struct corr *c = &cs->v[i];

    out->doc = c->doc;
    out->type = c->type;
    out->start = c->start;
    out->end = c->end;
    out->action = action_names[c->action];
    out->edit = c->edit;
    out->note = c->note;
    out->reviewer = c->reviewer;
    out->date = c->date;
    out->line = c->line;
    out->matched = c->matched;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

static int
cmp_key(const char *doc, size_t start, size_t end, const char *type,
        const struct corr *c)
{
    int d = strcmp(doc, c->doc);

    if (d != 0)
        return d;
    if (start != c->start)
        return start < c->start ? -1 : 1;
    if (end != c->end)
        return end < c->end ? -1 : 1;
    return strcmp(type, c->type);
}

static int
cmp_corr(const void *a, const void *b)
{
    const struct corr *x = a, *y = b;
    int d = cmp_key(x->doc, x->start, x->end, x->type, y);

    if (d != 0)
        return d;
    return x->line < y->line ? -1 : x->line > y->line;
}

static bool
parse_size(const char *s, size_t len, size_t *out)
{
    size_t v = 0, i;

    if (len == 0 || len > 15)
        return false;
    for (i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (size_t)(s[i] - '0');
    }
    *out = v;
    return true;
}

/* Check an edit's "field=value"; fills c's field and value. */
static bool
parse_edit(const char *s, struct corr *c, char *why, size_t whylen)
{
    const char *eq = strchr(s, '=');
    size_t i;

    if (eq == NULL) {
        snprintf(why, whylen, "edit wants field=value, not '%.40s'", s);
        return false;
    }
    for (i = 0; i < NFIELDS; i++)
        if (strlen(fields[i].name) == (size_t)(eq - s) &&
            strncmp(fields[i].name, s, (size_t)(eq - s)) == 0)
            break;
    if (i == NFIELDS) {
        snprintf(why, whylen,
                 "unknown field '%.*s' (value, value_high, spread, events, "
                 "total, ci_low, ci_high, ci_level, unit, comparator, "
                 "scope, group, timepoint, measure)",
                 (int)(eq - s < 40 ? eq - s : 40), s);
        return false;
    }
    if (eq[1] != '\0' && fields[i].kind != 's') {
        char *end;

        errno = 0;
        if (fields[i].kind == 'n') {
            double v = strtod(eq + 1, &end);

            if (*end != '\0' || !isfinite(v) || errno != 0) {
                snprintf(why, whylen, "%s wants a number, not '%.40s'",
                         fields[i].name, eq + 1);
                return false;
            }
        } else {
            long long v = strtoll(eq + 1, &end, 10);

            if (*end != '\0' || v < 0 || errno != 0) {
                snprintf(why, whylen, "%s wants a whole number, not '%.40s'",
                         fields[i].name, eq + 1);
                return false;
            }
        }
    }
    c->field = fields[i].bit;
    c->value = tm_xstrdup(eq + 1);
    return true;
}

/* Parse one line (NUL-terminated, no newline) into c. */
static bool
parse_line(char *line, struct corr *c, char *why, size_t whylen)
{
    char *f[9];
    size_t nf = 0, i, n;
    char *p = line, *dash;

    for (;;) {
        char *tab = strchr(p, '\t');

        if (nf == 9)
            break;
        f[nf++] = p;
        if (tab == NULL)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    if (nf < 4 || nf > 8) {
        snprintf(why, whylen,
                 "expected 4 to 8 tab-separated fields (doc, type, "
                 "START-END, action, field=value, note, reviewer, date), "
                 "found %s%zu",
                 nf > 8 ? "more than " : "", nf > 8 ? (size_t)8 : nf);
        return false;
    }
    if (f[0][0] == '\0' || f[1][0] == '\0') {
        snprintf(why, whylen, "empty %s", f[0][0] ? "type" : "doc");
        return false;
    }
    dash = strchr(f[2], '-');
    if (dash == NULL || !parse_size(f[2], (size_t)(dash - f[2]), &c->start) ||
        !parse_size(dash + 1, strlen(dash + 1), &c->end) || c->end < c->start) {
        snprintf(why, whylen, "span wants START-END byte offsets, not '%.40s'",
                 f[2]);
        return false;
    }
    for (i = 0; i < 3; i++)
        if (strcmp(f[3], action_names[i]) == 0)
            break;
    if (i == 3) {
        snprintf(why, whylen,
                 "action wants accept, reject or edit, not '%.40s'", f[3]);
        return false;
    }
    c->action = (enum action)i;
    n = nf > 4 ? strlen(f[4]) : 0;
    if (c->action == ACT_EDIT) {
        if (n == 0) {
            snprintf(why, whylen, "edit wants field=value");
            return false;
        }
        if (!parse_edit(f[4], c, why, whylen))
            return false;
    } else if (n > 0) {
        snprintf(why, whylen, "%s takes no field=value (only edit does)",
                 action_names[i]);
        return false;
    }
    c->doc = tm_xstrdup(f[0]);
    c->type = tm_xstrdup(f[1]);
    c->edit = tm_xstrdup(nf > 4 ? f[4] : "");
    c->note = tm_xstrdup(nf > 5 ? f[5] : "");
    c->reviewer = tm_xstrdup(nf > 6 ? f[6] : "");
    c->date = tm_xstrdup(nf > 7 ? f[7] : "");
    return true;
}

enum tm_status
tm_corrections_load(const char *path, struct tm_corrections **out,
                    struct tm_err *err)
{
    struct tm_corrections *cs = NULL;
    struct tm_buf b;
    char *p, why[256];
    unsigned long line = 0;
    size_t cap = 0;
    enum tm_status rc = TM_OK;

    *out = NULL;
    tm_buf_init(&b, 64u * 1024 * 1024);
    if (tm_buf_read_file(&b, path, err) != TM_OK) {
        rc = err->code == TM_ERR_LIMIT ? TM_ERR_PATTERN : TM_ERR_INPUT;
        err->code = rc;
        goto out;
    }
    if (memchr(b.data, '\0', b.len) != NULL) {
        const char *z = memchr(b.data, '\0', b.len), *q;

        for (q = b.data, line = 1; q < z; q++)
            line += *q == '\n';
        rc = tm_err_set(err, TM_ERR_PATTERN, "%s:%lu: NUL byte in line", path,
                        line);
        goto out;
    }
    cs = tm_xcalloc(1, sizeof *cs);
    cs->path = tm_xstrdup(path);
    pthread_mutex_init(&cs->mu, NULL);
    for (p = b.data; p != NULL && *p != '\0';) {
        char *nl = strchr(p, '\n'), *s = p;
        size_t len;
        struct corr c;

        p = nl != NULL ? nl + 1 : NULL;
        if (nl != NULL)
            *nl = '\0';
        line++;
        len = strlen(s);
        if (len > 0 && s[len - 1] == '\r')
            s[--len] = '\0';
        if (len == 0 || s[0] == '#' || strncmp(s, "doc\ttype\tspan\t", 14) == 0)
            continue;
        memset(&c, 0, sizeof c);
        if (!parse_line(s, &c, why, sizeof why)) {
            free(c.value);
            rc = tm_err_set(err, TM_ERR_PATTERN, "%s:%lu: %s", path, line, why);
            goto out;
        }
        c.line = line;
        if (cs->n == cap) {
            cap = cap ? 2 * cap : 16;
            cs->v = tm_xreallocarray(cs->v, cap, sizeof *cs->v);
        }
        cs->v[cs->n++] = c;
    }
    if (cs->n > 1)
        qsort(cs->v, cs->n, sizeof *cs->v, cmp_corr);
    *out = cs;
    cs = NULL;
out:
    tm_corrections_free(cs);
    tm_buf_clear(&b);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Applying                                                            */
/* ------------------------------------------------------------------ */

/* The first correction not ordered before the key. */
static size_t
lower(const struct tm_corrections *cs, const char *doc, size_t start,
      size_t end, const char *type)
{
    size_t lo = 0, hi = cs->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (cmp_key(doc, start, end, type, &cs->v[mid]) > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void
set_string(char **slot, const char *v)
{
    free(*slot);
    *slot = v[0] != '\0' ? tm_xstrdup(v) : NULL;
}

static void
set_number(struct tm_record *r, double *slot, unsigned has, const char *v)
{
    if (v[0] == '\0') {
        r->has &= ~has;
        return;
    }
    *slot = strtod(v, NULL);
    r->has |= has;
}

static void
set_count(struct tm_record *r, long long *slot, unsigned has, const char *v)
{
    if (v[0] == '\0') {
        r->has &= ~has;
        return;
    }
    *slot = strtoll(v, NULL, 10);
    r->has |= has;
}

static void
edit(struct tm_record *r, const struct corr *c)
{
    const char *v = c->value;

    switch (c->field) {
    case TM_CORR_VALUE:
        set_number(r, &r->value, TM_HAS_VALUE, v);
        break;
    case TM_CORR_VALUE_HIGH:
        set_number(r, &r->value_high, TM_HAS_VALUE_HIGH, v);
        break;
    case TM_CORR_SPREAD:
        set_number(r, &r->spread, TM_HAS_SPREAD, v);
        break;
    case TM_CORR_EVENTS:
        set_count(r, &r->events, TM_HAS_EVENTS, v);
        break;
    case TM_CORR_TOTAL:
        set_count(r, &r->total, TM_HAS_TOTAL, v);
        break;
    case TM_CORR_CI_LOW:
        set_number(r, &r->ci_low, TM_HAS_CI_LOW, v);
        break;
    case TM_CORR_CI_HIGH:
        set_number(r, &r->ci_high, TM_HAS_CI_HIGH, v);
        break;
    case TM_CORR_CI_LEVEL:
        set_number(r, &r->ci_level, TM_HAS_CI_LEVEL, v);
        break;
    case TM_CORR_UNIT:
        set_string(&r->unit, v);
        break;
    case TM_CORR_COMPARATOR:
        set_string(&r->comparator, v);
        break;
    case TM_CORR_SCOPE:
        set_string(&r->scope, v);
        break;
    case TM_CORR_GROUP:
        set_string(&r->group, v);
        break;
    case TM_CORR_TIMEPOINT:
        set_string(&r->timepoint, v);
        break;
    case TM_CORR_MEASURE:
        set_string(&r->measure, v);
        break;
    default:
        break;
    }
    r->corrected |= c->field;
}

/* One document's lines, as apply_record reads them. */
struct apply {
    struct tm_corrections *cs;
    const struct tm_doc *doc;
    size_t last; /* the end of the document's lines */
};

/* Apply the lines that name record r; true when one rejects it. */
static bool
apply_record(struct tm_record *r, void *ctx)
{
    const struct apply *ap = ctx;
    struct tm_corrections *cs = ap->cs;
    bool reject = false;
    size_t k = r->type[0] == '_'
                   ? ap->last
                   : lower(cs, ap->doc->id, r->start, r->end, r->type);

    for (; k < ap->last &&
           cmp_key(ap->doc->id, r->start, r->end, r->type, &cs->v[k]) == 0;
         k++) {
        const struct corr *c = &cs->v[k];

        pthread_mutex_lock(&cs->mu);
        cs->v[k].matched = true;
        pthread_mutex_unlock(&cs->mu);
        if (c->action == ACT_REJECT)
            reject = true;
        else if (c->action == ACT_ACCEPT)
            r->corrected |= TM_CORR_ACCEPTED;
        else
            edit(r, c);
    }
    return reject;
}

void
tm_corrections_apply(struct tm_corrections *cs, const struct tm_doc *doc,
                     struct tm_records *recs)
{
    struct apply apply;
    size_t first, last, k;

    if (cs == NULL || cs->n == 0)
        return;
    /* This document's lines: [first, last). */
    first = lower(cs, doc->id, 0, 0, "");
    for (last = first; last < cs->n && strcmp(cs->v[last].doc, doc->id) == 0;
         last++)
        ;
    if (first == last)
        return;
    pthread_mutex_lock(&cs->mu);
    for (k = first; k < last; k++)
        cs->v[k].doc_seen = true;
    pthread_mutex_unlock(&cs->mu);
    apply.cs = cs;
    apply.doc = doc;
    apply.last = last;
    tm_records_filter(recs, apply_record, &apply);
}

size_t
tm_corrections_unmatched(const struct tm_corrections *cs,
                         void (*fn)(void *ctx, const char *msg), void *ctx)
{
    struct tm_buf b;
    size_t i, n = 0;

    tm_buf_init(&b, 0);
    for (i = 0; i < cs->n; i++) {
        const struct corr *c = &cs->v[i];

        if (c->matched)
            continue;
        n++;
        tm_buf_reset(&b);
        if (c->doc_seen)
            tm_buf_printf(&b,
                          "%s:%lu: no %s record at %zu-%zu in %s; the %s "
                          "was not applied",
                          cs->path, c->line, c->type, c->start, c->end, c->doc,
                          action_names[c->action]);
        else
            tm_buf_printf(&b,
                          "%s:%lu: document %s is not in the input; the %s "
                          "of its %s at %zu-%zu was not applied",
                          cs->path, c->line, c->doc, action_names[c->action],
                          c->type, c->start, c->end);
        fn(ctx, b.data);
    }
    tm_buf_clear(&b);
    return n;
}

/* ------------------------------------------------------------------ */
/* Two reviewers                                                       */
/* ------------------------------------------------------------------ */

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The decision of lines [from, to) of one record, canonical: its
 * actions sorted, "; "-separated. */
static void
decision(const struct tm_corrections *cs, size_t from, size_t to,
         struct tm_buf *out)
{
    char **parts = tm_xreallocarray(NULL, to - from, sizeof *parts);
    size_t i, n = 0;
    struct tm_buf b;

    tm_buf_init(&b, 0);
    for (i = from; i < to; i++) {
        const struct corr *c = &cs->v[i];

        tm_buf_reset(&b);
        tm_buf_puts(&b, action_names[c->action]);
        if (c->action == ACT_EDIT)
            tm_buf_printf(&b, " %s=%s", fields[field_index(c->field)].name,
                          c->value);
        parts[n++] = tm_xstrdup(b.data);
    }
    qsort(parts, n, sizeof *parts, cmp_str);
    tm_buf_reset(out);
    for (i = 0; i < n; i++) {
        /* The same line twice is one decision. */
        if (i > 0 && strcmp(parts[i], parts[i - 1]) == 0)
            continue;
        if (out->len > 0)
            tm_buf_puts(out, "; ");
        tm_buf_puts(out, parts[i]);
    }
    for (i = 0; i < n; i++)
        free(parts[i]);
    free(parts);
    tm_buf_clear(&b);
}

static size_t
group_end(const struct tm_corrections *cs, size_t i)
{
    size_t j = i + 1;

    while (j < cs->n && cmp_key(cs->v[i].doc, cs->v[i].start, cs->v[i].end,
                                cs->v[i].type, &cs->v[j]) == 0)
        j++;
    return j;
}

enum tm_status
tm_corrections_diff(const struct tm_corrections *a,
                    const struct tm_corrections *b, FILE *out, const char *name,
                    size_t *ndiff, struct tm_err *err)
{
    size_t i = 0, j = 0, n = 0;
    struct tm_buf da, db;

    tm_buf_init(&da, 0);
    tm_buf_init(&db, 0);
    /* A merge of two sorted lists, a record at a time. */
    while (i < a->n || j < b->n) {
        const struct corr *c;
        int d;
        size_t ie = i, je = j;

        if (i >= a->n)
            d = 1;
        else if (j >= b->n)
            d = -1;
        else
            d = cmp_key(a->v[i].doc, a->v[i].start, a->v[i].end, a->v[i].type,
                        &b->v[j]);
        tm_buf_reset(&da);
        tm_buf_reset(&db);
        if (d <= 0) {
            ie = group_end(a, i);
            decision(a, i, ie, &da);
        }
        if (d >= 0) {
            je = group_end(b, j);
            decision(b, j, je, &db);
        }
        c = d <= 0 ? &a->v[i] : &b->v[j];
        if (da.len != db.len || (da.len > 0 && strcmp(da.data, db.data) != 0)) {
            fprintf(out, "%s\t%s\t%zu-%zu\t%s\t%s\n", c->doc, c->type, c->start,
                    c->end, da.len ? da.data : "-", db.len ? db.data : "-");
            n++;
        }
        i = ie;
        j = je;
    }
    tm_buf_clear(&da);
    tm_buf_clear(&db);
    *ndiff = n;
    if (fflush(out) != 0 || ferror(out))
        return tm_err_set(err, TM_ERR_IO, "write error on %s: %s", name,
                          strerror(errno));
    return TM_OK;
}
