/* SPDX-License-Identifier: MIT */
/*
 * table: typed rows from the grids parse.c wrote into the document text.
 *
 * A table section reads, paragraph by paragraph: the caption, header
 * rows (cells joined by " | ", no " = "), sub-header rows (one cell)
 * and body rows ("Label | Column = cell | ...").  Only the layout is
 * known here; what a label or a column means comes from the records the
 * patterns found in it, looked up by offset.
 */
#include "config.h"
#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"

void
tm_tables_init(struct tm_tables *t)
{
    memset(t, 0, sizeof *t);
}

void
tm_tables_clear(struct tm_tables *t)
{
    size_t i, k;

    for (i = 0; i < t->n; i++) {
        for (k = 0; k < t->rows[i].narms; k++)
            free(t->rows[i].arms[k].column);
        free(t->rows[i].arms);
        free(t->rows[i].effects);
        free(t->rows[i].label);
    }
    free(t->rows);
    tm_tables_init(t);
}

bool
tm_tables_covers(const struct tm_tables *t, size_t off)
{
    size_t i;

    for (i = 0; i < t->n; i++)
        if (off >= t->rows[i].start && off < t->rows[i].end)
            return true;
    return false;
}

static bool
is_type(const struct tm_record *r, const char *type)
{
    return strcmp(r->type, type) == 0;
}

static bool
has_scope(const struct tm_record *r, const char *scope)
{
    return r->scope != NULL && strcmp(r->scope, scope) == 0;
}

/* The records a table is typed with, sorted by offset. */
struct index {
    const struct tm_record **v;
    size_t n;
};

static int
cmp_start(const void *a, const void *b)
{
    const struct tm_record *x = *(const struct tm_record *const *)a;
    const struct tm_record *y = *(const struct tm_record *const *)b;

    return x->start < y->start ? -1 : x->start > y->start;
}

static void
index_build(const struct tm_records *recs, struct index *ix)
{
    size_t i;

    ix->v = tm_xreallocarray(NULL, recs->n + 1, sizeof *ix->v);
    ix->n = 0;
    for (i = 0; i < recs->n; i++) {
        const struct tm_record *r = &recs->v[i];

        if (r->section == NULL || strncmp(r->section, "table/", 6) != 0)
            continue;
        if (is_type(r, "_tcell") || is_type(r, "_tcol") ||
            is_type(r, "_trow") || is_type(r, "_tlabel") ||
            is_type(r, "effect") || is_type(r, "p_value") ||
            is_type(r, "_tcap") || is_type(r, "_tci") ||
            (is_type(r, "_arm") && has_scope(r, "versus")))
            ix->v[ix->n++] = r;
    }
    if (ix->n > 1)
        qsort(ix->v, ix->n, sizeof *ix->v, cmp_start);
}

/* The first index entry starting at or after a. */
static size_t
first_at(const struct index *ix, size_t a)
{
    size_t lo = 0, hi = ix->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (ix->v[mid]->start < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The first record of type (and scope, unless NULL) starting in [a, b). */
static const struct tm_record *
find(const struct index *ix, const char *type, const char *scope, size_t a,
     size_t b)
{
    size_t i;

    for (i = first_at(ix, a); i < ix->n && ix->v[i]->start < b; i++)
        if (is_type(ix->v[i], type) &&
            (scope == NULL || has_scope(ix->v[i], scope)))
            return ix->v[i];
    return NULL;
}

/* Where needle first stands in text[a..b), or b. */
static size_t
find_str(const char *text, size_t a, size_t b, const char *needle)
{
    size_t n = strlen(needle), i;

    for (i = a; i + n <= b; i++)
        if (memcmp(text + i, needle, n) == 0)
            return i;
    return b;
}

/* text[a..b) without the white space at its ends, malloc'd. */
static char *
trimmed(const char *text, size_t a, size_t b)
{
    while (a < b && (text[a] == ' ' || text[a] == '\t'))
        a++;
    while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t'))
        b--;
    return tm_xstrndup(text + a, b - a);
}

/* What a table's paragraphs before a body row have said so far. */
struct context {
    bool causes;             /* every row is a cause of death */
    const char *timepoint;   /* of a timepoint sub-header */
    const char *analysis;    /* of an analysis sub-header */
    size_t group_a, group_b; /* the last other sub-header, if any */
    /* Of an outcome sub-header ("Survival") over rows that are its
     * timepoints ("90 days, n (%)"). */
    enum tm_trow_kind outcome;
};

static enum tm_trow_kind row_kind(const struct index *ix, size_t a, size_t b,
                                  bool causes, const struct tm_record **timed);

/* A paragraph with no " = ": caption, header row or sub-header row. */
static void
read_heading(const char *text, const struct index *ix, size_t a, size_t b,
             bool first, struct context *cx)
{
    const struct tm_record *r;

    if (find(ix, "_trow", "causes", a, b) != NULL)
        cx->causes = true;
    /* The caption (first) and header rows (cells) are no sub-headers. */
    if (first || find_str(text, a, b, " | ") < b)
        return;
    if ((r = find(ix, "_trow", "time", a, b)) != NULL) {
        cx->timepoint = r->timepoint;
    } else if (find(ix, "_trow", "itt", a, b) != NULL) {
        cx->analysis = "ITT";
    } else if (find(ix, "_trow", "pp", a, b) != NULL) {
        cx->analysis = "per-protocol";
    } else if (b - a <= 80) {
        const struct tm_record *timed;

        /* A category ("Coronary"), prefixed to the indented rows below;
         * longer paragraphs are footnotes.  A category that names an
         * outcome ("Survival", "Mortality") is the outcome of the rows
         * below it that are only timepoints. */
        cx->group_a = a;
        cx->group_b = b;
        cx->outcome = row_kind(ix, a, b, false, &timed);
    }
}

/* The kind of a body row from its label [a, b). */
static enum tm_trow_kind
row_kind(const struct index *ix, size_t a, size_t b, bool causes,
         const struct tm_record **timed)
{
    static const struct {
        const char *scope;
        enum tm_trow_kind kind;
    } kinds[] = {{"allcause", TM_TROW_ALLCAUSE},
                 {"death", TM_TROW_DEATH},
                 {"survival", TM_TROW_SURVIVAL}};
    size_t i;

    *timed = NULL;
    for (i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        const struct tm_record *r = find(ix, "_trow", kinds[i].scope, a, b);

        if (r != NULL) {
            *timed = r;
            return kinds[i].kind;
        }
    }
    /* In a table of causes of death, an unnamed row is one cause
     * ("Acute MI"). */
    return causes && b > a ? TM_TROW_DEATH : TM_TROW_NONE;
}

/* The arm cells of the body row whose cells stand in [a, b) of doc's
 * table section sec, with the sizes their headers print. */
static void
read_cells(const struct tm_doc *doc, const struct index *ix, const char *sec,
           size_t a, size_t b, struct tm_table_row *row)
{
    const char *text = doc->text;

    while (a < b) {
        size_t end = find_str(text, a, b, " | ");
        size_t eq = find_str(text, a, end, " = ");
        const struct tm_record *count;

        if (eq < end && find(ix, "_tcol", "total", a, eq) == NULL &&
            (count = find(ix, "_tcell", NULL, eq + 3, end)) != NULL) {
            row->arms =
                tm_xreallocarray(row->arms, row->narms + 1, sizeof *row->arms);
            row->arms[row->narms].column = trimmed(text, a, eq);
            row->arms[row->narms].count = count;
            row->arms[row->narms].control =
                find(ix, "_tcol", "control", a, eq) != NULL;
            row->arms[row->narms].n =
                tm_doc_colsize(doc, sec, row->arms[row->narms].column);
            row->narms++;
        }
        a = end + 3;
    }
}

static void
push_row(struct tm_tables *t, struct tm_table_row *row)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 8;
        t->rows = tm_xreallocarray(t->rows, t->cap, sizeof *t->rows);
    }
    t->rows[t->n++] = *row;
}

/* Every effect record of the row [a, b), in order, into row->effects. */
static void
row_effects(const struct index *ix, size_t a, size_t b,
            struct tm_table_row *row)
{
    size_t i;

    for (i = first_at(ix, a); i < ix->n && ix->v[i]->start < b; i++)
        if (is_type(ix->v[i], "effect")) {
            row->effects = tm_xreallocarray(row->effects, row->neffects + 1,
                                            sizeof *row->effects);
            row->effects[row->neffects++] = ix->v[i];
        }
}

/* A row whose arm columns name no control, beside columns that compare
 * two arms ("Rate ratio (95% CI) / Respimat 2.5 μg vs HandiHaler 18 μg =
 * 0.87 (0.64 to 1.17)", the connective an _arm record of scope versus in
 * the column's name): the arm column whose name holds the words after
 * the connective is the control, when every comparison column names the
 * same one (a column "5 μg vs 2.5 μg" beside "2.5 μg vs placebo" names
 * no single reference). */
static void
control_by_comparison(const char *text, const struct index *ix, size_t a,
                      size_t b, struct tm_table_row *row)
{
    size_t i, k;
    long ctrl = -1;

    for (k = 0; k < row->narms; k++)
        if (row->arms[k].control)
            return;
    for (i = first_at(ix, a); i < ix->n && ix->v[i]->start < b; i++) {
        const struct tm_record *v = ix->v[i];
        size_t eq;
        long hit = -1;
        char *name;

        if (!is_type(v, "_arm") || !has_scope(v, "versus"))
            continue;
        eq = find_str(text, v->end, b, " = ");
        if (eq >= b || find_str(text, v->end, eq, " | ") < eq)
            continue; /* not in a column's name */
        name = trimmed(text, v->end, eq);
        for (k = 0; k < row->narms && name[0] != '\0'; k++)
            if (strcasestr(row->arms[k].column, name) != NULL)
                hit = hit == -1 ? (long)k : -2;
        free(name);
        if (hit < 0 || (ctrl >= 0 && hit != ctrl))
            return; /* no arm, several, or comparisons that disagree */
        ctrl = hit;
    }
    if (ctrl >= 0) {
        row->arms[ctrl].control = true;
        row->control_by_comparison = true;
    }
}

/* A body row [a, b) of section sec. */
static void
read_row(const struct tm_doc *doc, const struct index *ix,
         const struct tm_section *sec, size_t a, size_t b,
         const struct context *cx, struct tm_tables *t)
{
    const char *text = doc->text;
    size_t bar = find_str(text, a, b, " | ");
    size_t label_end = find_str(text, a, bar, " = ") < bar ? a : bar;
    const struct tm_record *timed;
    struct tm_table_row row;
    struct tm_buf label;

    memset(&row, 0, sizeof row);
    row.kind = row_kind(ix, a, label_end, cx->causes, &timed);
    if (row.kind == TM_TROW_NONE && cx->outcome != TM_TROW_NONE &&
        (timed = find(ix, "_tlabel", NULL, a, label_end)) != NULL)
        row.kind = cx->outcome;
    if (row.kind == TM_TROW_NONE)
        return;
    read_cells(doc, ix, sec->name, label_end < b ? label_end + 3 : b, b, &row);
    if (row.narms < 2) {
        size_t k;

        for (k = 0; k < row.narms; k++)
            free(row.arms[k].column);
        free(row.arms);
        return;
    }
    row.section = sec->name;
    row.start = a;
    row.end = b;
    row.timepoint = timed != NULL && timed->timepoint != NULL ? timed->timepoint
                                                              : cx->timepoint;
    row.analysis = cx->analysis;
    row.effect = find(ix, "effect", NULL, a, b);
    row.p = find(ix, "p_value", NULL, a, b);
    row_effects(ix, a, b, &row);
    control_by_comparison(text, ix, a, b, &row);
    /* An indented row belongs to the category above it. */
    tm_buf_init(&label, 0);
    if (cx->group_b > cx->group_a && (text[a] == ' ' || text[a] == '\t')) {
        char *g = trimmed(text, cx->group_a, cx->group_b);

        tm_buf_printf(&label, "%s: ", g);
        free(g);
    }
    {
        char *l = trimmed(text, a, label_end);

        tm_buf_puts(&label, l);
        free(l);
    }
    row.label = tm_buf_steal(&label, NULL);
    push_row(t, &row);
}

void
tm_tables_read(const struct tm_doc *doc, const struct tm_records *recs,
               struct tm_tables *t)
{
    struct index ix;
    size_t s;

    tm_tables_clear(t);
    index_build(recs, &ix);
    for (s = 0; s < doc->nsections && ix.n > 0; s++) {
        const struct tm_section *sec = &doc->sections[s];
        struct context cx;
        size_t a = sec->start;
        bool first = true;

        if (strncmp(sec->name, "table/", 6) != 0 || sec->end > doc->len)
            continue;
        memset(&cx, 0, sizeof cx);
        while (a < sec->end) {
            const char *nl = memchr(doc->text + a, '\n', sec->end - a);
            size_t b = nl != NULL ? (size_t)(nl - doc->text) : sec->end;

            if (b > a) {
                if (find_str(doc->text, a, b, " = ") < b)
                    read_row(doc, &ix, sec, a, b, &cx, t);
                else
                    read_heading(doc->text, &ix, a, b, first, &cx);
                first = false;
            }
            a = b + 1;
        }
    }
    free(ix.v);
}

/* The one measure the _tcap records of ix in [a, b) name (a table's
 * caption: "Hazard ratios of total mortality ..."), or NULL for none or
 * several. */
static const char *
caption_measure(const struct index *ix, size_t a, size_t b)
{
    const char *m = NULL;
    size_t i;

    for (i = first_at(ix, a); i < ix->n && ix->v[i]->start < b; i++) {
        if (!is_type(ix->v[i], "_tcap") || ix->v[i]->measure == NULL)
            continue;
        if (m != NULL && strcmp(m, ix->v[i]->measure) != 0)
            return NULL;
        m = ix->v[i]->measure;
    }
    return m;
}

void
tm_tables_caption_effects(const struct tm_doc *doc, struct tm_records *recs)
{
    struct index ix;
    size_t i, si;

    /* The table records by start (the index tm_tables_read uses): each
     * section's are one run, O(R log R) however many tables. */
    index_build(recs, &ix);
    for (si = 0; si < doc->nsections && ix.n > 0; si++) {
        const struct tm_section *sec = &doc->sections[si];
        const char *nl, *m;
        size_t cap_end, last_end = 0;

        if (strncmp(sec->name, "table/", 6) != 0 || sec->end > doc->len ||
            sec->start > sec->end)
            continue;
        nl = memchr(doc->text + sec->start, '\n', sec->end - sec->start);
        cap_end = nl != NULL ? (size_t)(nl - doc->text) : sec->end;
        m = caption_measure(&ix, sec->start, cap_end);
        if (m == NULL)
            continue;
        /* In start order: an effect already there (or one just made)
         * that reaches past a cell's start covers it. */
        for (i = first_at(&ix, cap_end); i < ix.n && ix.v[i]->start < sec->end;
             i++) {
            struct tm_record *r = &recs->v[ix.v[i] - recs->v];
            bool covered = r->start < last_end;
            size_t j;

            for (j = i + 1; !covered && j < ix.n && ix.v[j]->start < r->end;
                 j++)
                covered = is_type(ix.v[j], "effect");
            if (is_type(r, "effect")) {
                if (r->end > last_end)
                    last_end = r->end;
                continue;
            }
            if (!is_type(r, "_tci") || covered ||
                (r->has & (TM_HAS_CI_LOW | TM_HAS_CI_HIGH)) !=
                    (TM_HAS_CI_LOW | TM_HAS_CI_HIGH) ||
                !(r->ci_low < r->ci_high && r->ci_low <= r->value &&
                  r->value <= r->ci_high))
                continue;
            free(r->type);
            r->type = tm_xstrdup("effect");
            free(r->measure);
            r->measure = tm_xstrdup(m);
            if (r->end > last_end)
                last_end = r->end;
        }
    }
    free(ix.v);
}
