/* SPDX-License-Identifier: MIT */
/*
 * eval: gold-standard evaluation.
 */
#include "config.h"
#include "eval.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "input.h"
#include "pipeline.h"
#include "record.h"

struct gold {
    char *doc, *type, *unit, *comparator, *scope_group, *timepoint;
    char *surface, *notes;
    double value, value_high;
    bool has_high, matched;
    unsigned line;
};

struct neg {
    char *doc, *type, *surface, *reason;
};

struct edoc {
    char *id;
    char *text;
    size_t len;
    struct tm_records recs;
    bool *matched;
};

struct state {
    /* GOLD_DIR/sections.tsv: the sections annotated per document; when a
     * document has any, records elsewhere in it are not judged. */
    struct tm_strv sec_doc, sec_name;
    struct gold *gold;
    size_t ngold;
    struct neg *neg;
    size_t nneg;
    struct edoc *docs;
    size_t ndocs, docs_cap;
    struct tm_pipeline *pl;
    const char *only_xml; /* when reading XML: keep docs named in gold */
    const char *text_id;  /* when reading a text doc: its gold id */
    enum tm_status rc;
    struct tm_err *err;
};

/* Split a TSV line in place; returns the number of fields. */
static size_t
split_tabs(char *line, char **f, size_t max)
{
    size_t n = 0;

    f[n++] = line;
    for (char *p = line; *p != '\0' && n < max; p++) {
        if (*p == '\t') {
            *p = '\0';
            f[n++] = p + 1;
        }
    }
    return n;
}

static char *
dup_or_null(const char *s)
{
    return s != NULL && *s != '\0' ? tm_xstrdup(s) : NULL;
}

static enum tm_status
read_tsv(const char *path, bool negatives, struct state *st, bool required,
         struct tm_err *err)
{
    struct tm_buf b;
    char *line, *next;
    unsigned lineno = 0;
    enum tm_status rc;

    tm_buf_init(&b, 64u << 20);
    rc = tm_buf_read_file(&b, path, err);
    if (rc != TM_OK) {
        tm_buf_clear(&b);
        if (!required && errno == ENOENT) {
            tm_err_clear(err);
            return TM_OK;
        }
        return rc;
    }
    for (line = b.data; line != NULL && *line != '\0'; line = next) {
        char *f[12];
        size_t n;

        next = strchr(line, '\n');
        if (next != NULL)
            *next++ = '\0';
        lineno++;
        if (*line == '\0' || *line == '#' || strncmp(line, "doc_id\t", 7) == 0)
            continue;
        if (line[strlen(line) - 1] == '\r')
            line[strlen(line) - 1] = '\0';
        n = split_tabs(line, f, 12);
        if (negatives) {
            struct neg *g;

            if (n < 3) {
                tm_buf_clear(&b);
                return tm_err_set(err, TM_ERR_INPUT,
                                  "%s:%u: expected 4 tab-separated fields",
                                  path, lineno);
            }
            st->neg = tm_xreallocarray(st->neg, st->nneg + 1, sizeof *st->neg);
            g = &st->neg[st->nneg++];
            g->doc = tm_xstrdup(f[0]);
            g->type = tm_xstrdup(f[1]);
            g->surface = tm_xstrdup(f[2]);
            g->reason = n > 3 ? tm_xstrdup(f[3]) : tm_xstrdup("");
        } else {
            struct gold *g;
            char *end;

            if (n < 9) {
                tm_buf_clear(&b);
                return tm_err_set(err, TM_ERR_INPUT,
                                  "%s:%u: expected 10 tab-separated fields",
                                  path, lineno);
            }
            st->gold =
                tm_xreallocarray(st->gold, st->ngold + 1, sizeof *st->gold);
            g = &st->gold[st->ngold++];
            memset(g, 0, sizeof *g);
            g->line = lineno;
            g->doc = tm_xstrdup(f[0]);
            g->type = tm_xstrdup(f[1]);
            g->value = strtod(f[2], &end);
            if (end == f[2]) {
                tm_buf_clear(&b);
                return tm_err_set(err, TM_ERR_INPUT,
                                  "%s:%u: value '%s' is not a number", path,
                                  lineno, f[2]);
            }
            if (*f[3] != '\0') {
                g->value_high = strtod(f[3], NULL);
                g->has_high = true;
            }
            g->unit = dup_or_null(f[4]);
            g->comparator = dup_or_null(f[5]);
            g->scope_group = dup_or_null(f[6]);
            g->timepoint = dup_or_null(f[7]);
            g->surface = tm_xstrdup(f[8]);
            g->notes = n > 9 ? tm_xstrdup(f[9]) : tm_xstrdup("");
        }
    }
    tm_buf_clear(&b);
    return TM_OK;
}

/* Read GOLD_DIR/sections.tsv (doc_id TAB section name), if present. */
static enum tm_status
read_sections(const char *path, struct state *st, struct tm_err *err)
{
    struct tm_buf b;
    char *line, *next;
    enum tm_status rc;

    tm_buf_init(&b, 64u << 20); /* as gold.tsv */
    rc = tm_buf_read_file(&b, path, err);
    if (rc != TM_OK) {
        tm_buf_clear(&b);
        if (errno == ENOENT) {
            tm_err_clear(err);
            return TM_OK;
        }
        return rc;
    }
    for (line = b.data; line != NULL && *line != '\0'; line = next) {
        char *tab;

        next = strchr(line, '\n');
        if (next != NULL)
            *next++ = '\0';
        if (*line == '\0' || *line == '#' || strncmp(line, "doc_id\t", 7) == 0)
            continue;
        if (line[strlen(line) - 1] == '\r')
            line[strlen(line) - 1] = '\0';
        tab = strchr(line, '\t');
        if (tab == NULL) {
            tm_buf_clear(&b);
            return tm_err_set(err, TM_ERR_INPUT,
                              "%s: expected doc_id TAB section: '%s'", path,
                              line);
        }
        *tab = '\0';
        tm_strv_push(&st->sec_doc, line);
        tm_strv_push(&st->sec_name, tab + 1);
    }
    tm_buf_clear(&b);
    return TM_OK;
}

/* Is record r of document d in an annotated section (or does d have no
 * list of them)? */
static bool
in_annotated_section(const struct state *st, const struct edoc *d,
                     const struct tm_record *r)
{
    size_t i;
    bool listed = false;

    for (i = 0; i < st->sec_doc.n; i++) {
        if (strcmp(st->sec_doc.v[i], d->id) != 0)
            continue;
        listed = true;
        if (r->section != NULL && strcmp(st->sec_name.v[i], r->section) == 0)
            return true;
    }
    return !listed;
}

static bool
same_text(const char *a, const char *b)
{
    return (a == NULL || *a == '\0') ? (b == NULL || *b == '\0')
                                     : (b != NULL && strcmp(a, b) == 0);
}

/* Are two timepoints the same?  "overall" (the whole follow-up) and no
 * timepoint say the same thing: annotators write either. */
static bool
same_timepoint(const char *a, const char *b)
{
    if (a != NULL && strcmp(a, "overall") == 0)
        a = NULL;
    if (b != NULL && strcmp(b, "overall") == 0)
        b = NULL;
    return same_text(a, b);
}

static bool
gold_names_doc(const struct state *st, const char *id)
{
    size_t i;

    for (i = 0; i < st->ngold; i++) {
        if (strcmp(st->gold[i].doc, id) == 0)
            return true;
    }
    for (i = 0; i < st->nneg; i++) {
        if (strcmp(st->neg[i].doc, id) == 0)
            return true;
    }
    return false;
}

static enum tm_status
keep_doc(void *ctx, struct tm_doc *doc, struct tm_err *err)
{
    struct state *st = ctx;
    struct edoc *d;
    const char *id = st->text_id ? st->text_id : doc->id;
    size_t i;
    enum tm_status rc;

    if (st->text_id == NULL && !gold_names_doc(st, doc->id))
        return TM_OK;
    if (st->ndocs == st->docs_cap) {
        st->docs_cap = st->docs_cap ? st->docs_cap * 2 : 16;
        st->docs = tm_xreallocarray(st->docs, st->docs_cap, sizeof *st->docs);
    }
    d = &st->docs[st->ndocs];
    memset(d, 0, sizeof *d);
    rc = tm_pipeline_extract_doc(st->pl, doc, &d->recs, err);
    if (rc != TM_OK)
        return rc;
    st->ndocs++;
    d->id = tm_xstrdup(id);
    d->text = tm_xstrndup(doc->text, doc->len);
    d->len = doc->len;
    for (i = 0; i < d->recs.n; i++) {
        d->recs.v[i].doc = d->id;
        d->recs.v[i].text = d->text + d->recs.v[i].start;
    }
    d->matched = tm_xcalloc(d->recs.n + 1, sizeof *d->matched);
    return TM_OK;
}

static bool
ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);

    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static bool
is_xml_id(const char *id)
{
    return strncmp(id, "pmid:", 5) == 0 || strncmp(id, "pmcid:", 6) == 0 ||
           strncmp(id, "doi:", 4) == 0;
}

static struct edoc *
find_doc(struct state *st, const char *id)
{
    size_t i;

    for (i = 0; i < st->ndocs; i++) {
        if (strcmp(st->docs[i].id, id) == 0)
            return &st->docs[i];
    }
    return NULL;
}

static enum tm_status
load_docs(struct state *st, const char *docs_dir, struct tm_reporter *rep,
          struct tm_err *err)
{
    size_t i;
    bool any_xml = false;
    enum tm_status rc;

    for (i = 0; i < st->ngold + st->nneg; i++) {
        const char *id =
            i < st->ngold ? st->gold[i].doc : st->neg[i - st->ngold].doc;
        struct tm_buf path;

        if (is_xml_id(id)) {
            any_xml = true;
            continue;
        }
        if (find_doc(st, id) != NULL)
            continue;
        tm_buf_init(&path, 0);
        tm_buf_printf(&path, "%s/%s", docs_dir, id);
        st->text_id = id;
        rc = tm_input_read(path.data, keep_doc, st, rep, err);
        st->text_id = NULL;
        tm_buf_clear(&path);
        if (rc != TM_OK)
            return rc;
    }
    if (any_xml) {
        DIR *d = opendir(docs_dir);
        struct dirent *de;
        struct tm_strv names = {NULL, 0, 0};

        if (d == NULL)
            return tm_err_set(err, TM_ERR_INPUT, "%s: %s", docs_dir,
                              strerror(errno));
        while ((de = readdir(d)) != NULL) {
            if (ends_with(de->d_name, ".xml") ||
                ends_with(de->d_name, ".nxml") ||
                ends_with(de->d_name, ".xml.gz"))
                tm_strv_push(&names, de->d_name);
        }
        closedir(d);
        for (i = 0; i < names.n; i++) {
            struct tm_buf path;

            tm_buf_init(&path, 0);
            tm_buf_printf(&path, "%s/%s", docs_dir, names.v[i]);
            rc = tm_input_read(path.data, keep_doc, st, rep, err);
            tm_buf_clear(&path);
            if (rc != TM_OK) {
                tm_strv_clear(&names);
                return rc;
            }
        }
        tm_strv_clear(&names);
    }
    for (i = 0; i < st->ngold; i++) {
        if (find_doc(st, st->gold[i].doc) == NULL)
            return tm_err_set(err, TM_ERR_INPUT,
                              "gold line %u names document '%s', which is "
                              "not in %s",
                              st->gold[i].line, st->gold[i].doc, docs_dir);
    }
    return TM_OK;
}

static bool
close_enough(double a, double b)
{
    return fabs(a - b) <= 1e-6 * fmax(fabs(a), fabs(b)) + 1e-12;
}

/* Does record r overlap an occurrence of surface in the document? */
static bool
overlaps_surface(const struct edoc *d, const struct tm_record *r,
                 const char *surface)
{
    size_t sl = strlen(surface);
    const char *at = d->text, *end = d->text + d->len;

    if (sl == 0)
        return false;
    while ((at = memmem(at, (size_t)(end - at), surface, sl)) != NULL) {
        size_t s = (size_t)(at - d->text);

        if (r->start < s + sl && r->end > s)
            return true;
        at++;
    }
    return false;
}

static bool
record_matches(const struct edoc *d, const struct tm_record *r,
               const struct gold *g)
{
    /* A percentage computed from events and a total matches gold written
     * to one decimal, as annotators round it ("5/15" -> 33.3). */
    bool computed = (r->has & TM_HAS_EVENTS) && (r->has & TM_HAS_TOTAL) &&
                    fabs(r->value - g->value) <= 0.05 + 1e-9;

    if (strcmp(r->type, g->type) != 0 || !(r->has & TM_HAS_VALUE) ||
        !(close_enough(r->value, g->value) || computed))
        return false;
    if (g->has_high && (!(r->has & TM_HAS_VALUE_HIGH) ||
                        !close_enough(r->value_high, g->value_high)))
        return false;
    if (g->unit != NULL && strcmp(g->type, "sample_size") != 0 &&
        (r->unit == NULL || strcmp(r->unit, g->unit) != 0))
        return false;
    if (g->comparator != NULL &&
        (r->comparator == NULL || strcmp(r->comparator, g->comparator) != 0))
        return false;
    return overlaps_surface(d, r, g->surface);
}

static struct tm_eval_score *
score_for(struct tm_eval *ev, const char *type)
{
    size_t i;

    for (i = 0; i < ev->ntypes; i++) {
        if (strcmp(ev->types[i].type, type) == 0)
            return &ev->types[i];
    }
    if (ev->ntypes == TM_EVAL_MAX_TYPES)
        return NULL;
    memset(&ev->types[ev->ntypes], 0, sizeof ev->types[0]);
    snprintf(ev->types[ev->ntypes].type, sizeof ev->types[0].type, "%s", type);
    return &ev->types[ev->ntypes++];
}

/* Print the context of [s, e) in d on one line. */
static void
context(FILE *out, const struct edoc *d, size_t s, size_t e)
{
    size_t a = s > 70 ? s - 70 : 0, b = e + 70 < d->len ? e + 70 : d->len;
    size_t i;

    a = tm_utf8_floor(d->text, a);
    b = tm_utf8_ceil(d->text, d->len, b);
    fputs("    | ", out);
    for (i = a; i < b; i++) {
        char c = d->text[i];

        if (i == s)
            fputs(">>", out);
        fputc(c == '\n' || c == '\t' || c == '\r' ? ' ' : c, out);
        if (i + 1 == e)
            fputs("<<", out);
    }
    fputc('\n', out);
}

static const struct neg *
negative_hit(const struct state *st, const struct edoc *d,
             const struct tm_record *r)
{
    size_t i;

    for (i = 0; i < st->nneg; i++) {
        const struct neg *n = &st->neg[i];

        if (strcmp(n->doc, d->id) == 0 && strcmp(n->type, r->type) == 0 &&
            overlaps_surface(d, r, n->surface))
            return n;
    }
    return NULL;
}

static void
match_all(struct state *st, struct tm_eval *ev, FILE *out, int details,
          const char *gold_dir)
{
    size_t i, k;

    /* Gold types only: records of other types are not judged. */
    for (i = 0; i < st->ngold; i++)
        score_for(ev, st->gold[i].type);
    for (i = 0; i < st->ngold; i++) {
        struct gold *g = &st->gold[i];
        struct edoc *d = find_doc(st, g->doc);
        struct tm_eval_score *sc = score_for(ev, g->type);

        for (k = 0; d != NULL && k < d->recs.n; k++) {
            const struct tm_record *r = &d->recs.v[k];

            if (!d->matched[k] && record_matches(d, r, g)) {
                d->matched[k] = true;
                g->matched = true;
                if (details > 1)
                    fprintf(out, "HIT   %s/%s %s %g '%.*s' [%s]\n", gold_dir,
                            d->id, r->type, r->value, (int)(r->end - r->start),
                            r->text, r->pattern);
                if (details > 1)
                    context(out, d, r->start, r->end);
                if (strcmp(g->type, "sample_size") == 0 &&
                    g->scope_group != NULL &&
                    (strcmp(g->scope_group, "total") == 0 ||
                     strcmp(g->scope_group, "arm") == 0 ||
                     strcmp(g->scope_group, "subgroup") == 0)) {
                    ev->scope_judged++;
                    if (same_text(g->scope_group, r->scope))
                        ev->scope_right++;
                    else if (details)
                        fprintf(out, "SCOPE %s/%s %g '%s': %s, gold %s\n",
                                gold_dir, g->doc, g->value, g->surface,
                                r->scope ? r->scope : "none", g->scope_group);
                } else if (tm_record_is_outcome(r)) {
                    ev->time_judged++;
                    if (same_timepoint(g->timepoint, r->timepoint))
                        ev->time_right++;
                    else if (details)
                        fprintf(out, "TIME  %s/%s %g '%s': %s, gold %s\n",
                                gold_dir, g->doc, g->value, g->surface,
                                r->timepoint ? r->timepoint : "none",
                                g->timepoint ? g->timepoint : "none");
                }
                break;
            }
        }
        if (sc == NULL)
            continue;
        if (g->matched) {
            sc->tp++;
        } else {
            sc->fn++;
            if (details) {
                fprintf(out, "MISS  %s/%s %s %g%s%s '%s'\n", gold_dir, g->doc,
                        g->type, g->value, g->unit ? " " : "",
                        g->unit ? g->unit : "", g->surface);
                if (d != NULL) {
                    const char *at =
                        memmem(d->text, d->len, g->surface, strlen(g->surface));

                    if (at != NULL)
                        context(out, d, (size_t)(at - d->text),
                                (size_t)(at - d->text) + strlen(g->surface));
                    else
                        fprintf(out, "    | (surface not in the document "
                                     "text)\n");
                }
            }
        }
    }
    for (i = 0; i < st->ndocs; i++) {
        struct edoc *d = &st->docs[i];

        for (k = 0; k < d->recs.n; k++) {
            const struct tm_record *r = &d->recs.v[k];
            struct tm_eval_score *sc;
            const struct neg *n;
            size_t t;
            bool judged = false;

            if (d->matched[k] || !in_annotated_section(st, d, r))
                continue;
            for (t = 0; t < ev->ntypes; t++)
                judged |= strcmp(ev->types[t].type, r->type) == 0;
            if (!judged)
                continue;
            sc = score_for(ev, r->type);
            sc->fp++;
            n = negative_hit(st, d, r);
            if (n != NULL)
                ev->negatives_hit++;
            if (details) {
                fprintf(out, "FALSE %s/%s %s %g%s%s '%.*s' [%s]%s%s\n",
                        gold_dir, d->id, r->type, r->value, r->unit ? " " : "",
                        r->unit ? r->unit : "", (int)(r->end - r->start),
                        r->text, r->pattern, n ? " negative: " : "",
                        n ? n->reason : "");
                context(out, d, r->start, r->end);
            }
        }
    }
}

/* The gold's units in the form extraction writes them: annotators copy
 * the paper's spelling ("mg/m2", "µg/day", "mL/kg/hr"), extraction maps
 * a captured unit through the pattern set's `map unit` lines ("mg/m^2"),
 * so the gold goes through the same maps. */
static void
canonical_units(struct state *st)
{
    size_t i;

    for (i = 0; i < st->ngold; i++)
        if (st->gold[i].unit != NULL)
            st->gold[i].unit =
                tm_pipeline_canonical(st->pl, "unit", st->gold[i].unit);
}

static void
state_clear(struct state *st)
{
    size_t i;

    for (i = 0; i < st->ngold; i++) {
        struct gold *g = &st->gold[i];

        free(g->doc);
        free(g->type);
        free(g->unit);
        free(g->comparator);
        free(g->scope_group);
        free(g->timepoint);
        free(g->surface);
        free(g->notes);
    }
    free(st->gold);
    tm_strv_clear(&st->sec_doc);
    tm_strv_clear(&st->sec_name);
    for (i = 0; i < st->nneg; i++) {
        free(st->neg[i].doc);
        free(st->neg[i].type);
        free(st->neg[i].surface);
        free(st->neg[i].reason);
    }
    free(st->neg);
    for (i = 0; i < st->ndocs; i++) {
        free(st->docs[i].id);
        free(st->docs[i].text);
        tm_records_clear(&st->docs[i].recs);
        free(st->docs[i].matched);
    }
    free(st->docs);
}

enum tm_status
tm_eval_dir(const struct tm_pattern_set *set, const char *gold_dir,
            const char *docs_dir, struct tm_eval *ev, FILE *out, int details,
            struct tm_reporter *rep, struct tm_err *err)
{
    struct state st;
    struct tm_buf path;
    enum tm_status rc;

    memset(&st, 0, sizeof st);
    st.err = err;
    if (docs_dir == NULL)
        docs_dir = gold_dir;
    tm_buf_init(&path, 0);
    tm_buf_printf(&path, "%s/gold.tsv", gold_dir);
    rc = read_tsv(path.data, false, &st, true, err);
    if (rc == TM_OK) {
        tm_buf_reset(&path);
        tm_buf_printf(&path, "%s/negatives.tsv", gold_dir);
        rc = read_tsv(path.data, true, &st, false, err);
    }
    if (rc == TM_OK) {
        tm_buf_reset(&path);
        tm_buf_printf(&path, "%s/sections.tsv", gold_dir);
        rc = read_sections(path.data, &st, err);
    }
    tm_buf_clear(&path);
    if (rc == TM_OK) {
        st.pl = tm_pipeline_new(set, rep);
        canonical_units(&st);
        rc = load_docs(&st, docs_dir, rep, err);
    }
    if (rc == TM_OK) {
        ev->docs += st.ndocs;
        ev->gold_lines += st.ngold;
        ev->negatives += st.nneg;
        match_all(&st, ev, out, details, gold_dir);
    }
    tm_pipeline_free(st.pl);
    state_clear(&st);
    return rc;
}

void
tm_eval_print(const struct tm_eval *ev, FILE *out)
{
    size_t i;
    unsigned long tp = 0, fp = 0, fn = 0;

    fprintf(out, "%-12s %6s %6s %6s %6s %6s %9s %7s %6s\n", "type", "gold",
            "found", "tp", "fp", "fn", "precision", "recall", "F1");
    for (i = 0; i <= ev->ntypes; i++) {
        const struct tm_eval_score *s = i < ev->ntypes ? &ev->types[i] : NULL;
        unsigned long a = s ? s->tp : tp, b = s ? s->fp : fp,
                      c = s ? s->fn : fn;
        double p = a + b ? (double)a / (double)(a + b) : 0;
        double r = a + c ? (double)a / (double)(a + c) : 0;
        double f = p + r > 0 ? 2 * p * r / (p + r) : 0;

        fprintf(out, "%-12s %6lu %6lu %6lu %6lu %6lu %9.3f %7.3f %6.3f\n",
                s ? s->type : "all", a + c, a + b, a, b, c, p, r, f);
        if (s != NULL) {
            tp += s->tp;
            fp += s->fp;
            fn += s->fn;
        }
    }
    fprintf(out,
            "%lu documents, %lu gold values, %lu false hits on listed "
            "negatives (of %lu)\n",
            ev->docs, ev->gold_lines, ev->negatives_hit, ev->negatives);
    if (ev->scope_judged > 0)
        fprintf(out, "scope right for %lu of %lu matched sample sizes (%.3f)\n",
                ev->scope_right, ev->scope_judged,
                (double)ev->scope_right / (double)ev->scope_judged);
    if (ev->time_judged > 0)
        fprintf(out, "timepoint right for %lu of %lu matched outcomes (%.3f)\n",
                ev->time_right, ev->time_judged,
                (double)ev->time_right / (double)ev->time_judged);
}
