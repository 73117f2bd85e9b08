/* SPDX-License-Identifier: MIT */
/*
 * studies: from one document's records to study-level rows.
 *
 * Three passes over the document's records, which are sorted by offset
 * first: (1) every count or percentage that can belong to an arm gets
 * one, from the arm mentions of its sentence or from "A vs B" order;
 * (2) values are grouped by the study they were attributed to; (3) each
 * study writes one row per outcome and timepoint.  Nothing here knows a
 * word of English: arm names and the connectives of a comparison ("vs",
 * "compared with", "respectively") live in patterns/arms.pat.
 */
#include "config.h"
#include "studies.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "emit.h"
#include "text.h"

enum arm { ARM_NONE, ARM_TREAT, ARM_CTRL };

/* What an _arm record names: an arm, or a connective of a comparison
 * (its scope is "versus" or "respectively"). */
enum conn {
    CONN_NONE,
    CONN_VERSUS,
    CONN_RESPECTIVELY,
    CONN_NEXT,
    CONN_FROM,
    CONN_PAIR,
    CONN_CHANGE
};

/* An arm mention or a connective (_arm record). */
struct mention {
    const struct tm_record *r;
    size_t sent;
    enum arm arm;
    enum conn conn;
};

/* A value record with what this module learns about it. */
struct val {
    const struct tm_record *r;
    size_t sent;   /* sentence index */
    enum arm arm;  /* which side of the comparison */
    bool by_order; /* arm read from "A vs B" order, not from a mention */
    bool by_other; /* the other of two values, one of which named its arm */
    const struct mention *src; /* the mention that named its arm */
    size_t lo, hi; /* the stretch of its sentence no other value is in */
    const struct mention *before, *after; /* scratch for arms_by_layout */
    size_t group;                         /* index of its study */
};

/* A study of the document: the key its values share. */
struct study {
    char *key;
    const char *label; /* the longest label seen (borrowed) */
    const char *ref;   /* a resolved study_ref (borrowed), or NULL */
};

struct tm_studies {
    FILE *out;
    const char *name;
    bool header_done;
    unsigned long rows;
    struct tm_buf line;
    struct tm_sentences sent;
    bool truncated; /* the current document had too many values */
    enum tm_csv_mode csv;
    const struct tm_trial *trial; /* of the current document, or NULL */
    bool own_row;                 /* the document's own study has a row */
    /* The row function (the HTML report) and, for the row being built,
     * the record and field each cell was read from. */
    tm_studies_row_fn row_fn;
    void *row_ctx;
    const struct tm_record *src[36];
    const char *field[36];
    struct tm_buf cells; /* the row's cells unquoted, NUL-separated */
};

static const char *const columns[] = {
    "study", "study_ref", "doc", "outcome", "timepoint", "n_total",
    "n_subgroup", "events_treatment", "n_treatment", "events_control",
    "n_control", "pct_treatment", "pct_control", "pct_overall", "p_value",
    "p_comparator", "dose_value", "dose_unit", "notes", "source",
    /* The trial model (trial.h), appended so that readers of the columns
     * above keep working. */
    "study_label", "registry_id", "design", "treatment_label", "control_label",
    "n_randomized_total", "n_randomized_treatment", "n_randomized_control",
    /* Tables (table.h) and the reviewer's flags, appended likewise. */
    "outcome_detail", "analysis", "subgroup", "effect_measure", "effect_value",
    "ci_low", "ci_high", "check"};

#define NCOLS (sizeof columns / sizeof *columns)

/* Columns a record's field can fill, by index into columns. */
enum {
    COL_N_TOTAL = 5,
    COL_N_SUBGROUP,
    COL_EVENTS_T,
    COL_N_T,
    COL_EVENTS_C,
    COL_N_C,
    COL_PCT_T,
    COL_PCT_C,
    COL_PCT_ALL,
    COL_P,
    COL_P_CMP,
    COL_DOSE,
    COL_DOSE_UNIT,
    COL_EFFECT_MEASURE = 31,
    COL_EFFECT,
    COL_CI_LOW,
    COL_CI_HIGH,
    COL_CHECK
};

const char *const *
tm_studies_columns(size_t *n)
{
    *n = NCOLS;
    return columns;
}

struct tm_studies *
tm_studies_new(FILE *out, const char *name)
{
    struct tm_studies *st = tm_xcalloc(1, sizeof *st);

    /* src and field have a slot per column (a compile error if not). */
    (void)sizeof(char[sizeof st->src / sizeof *st->src == NCOLS ? 1 : -1]);
    st->out = out;
    st->name = name;
    st->csv = TM_CSV_SAFE;
    tm_buf_init(&st->line, 0);
    tm_buf_init(&st->cells, 0);
    return st;
}

void
tm_studies_set_row_fn(struct tm_studies *st, tm_studies_row_fn fn, void *ctx)
{
    st->row_fn = fn;
    st->row_ctx = ctx;
}

void
tm_studies_set_csv(struct tm_studies *st, enum tm_csv_mode mode)
{
    st->csv = mode;
}

void
tm_studies_free(struct tm_studies *st)
{
    if (st == NULL)
        return;
    tm_buf_clear(&st->line);
    tm_buf_clear(&st->cells);
    tm_sentences_clear(&st->sent);
    free(st);
}

unsigned long
tm_studies_rows(const struct tm_studies *st)
{
    return st->rows;
}

static enum tm_status
write_line(struct tm_studies *st, struct tm_err *err)
{
    if (st->out == NULL)
        return TM_OK;
    if (fwrite(st->line.data, 1, st->line.len, st->out) != st->line.len)
        return tm_err_set(err, TM_ERR_IO, "write error on %s: %s", st->name,
                          strerror(errno));
    return TM_OK;
}

static enum tm_status
write_header(struct tm_studies *st, struct tm_err *err)
{
    size_t i;

    if (st->header_done)
        return TM_OK;
    st->header_done = true;
    tm_buf_reset(&st->line);
    for (i = 0; i < sizeof columns / sizeof *columns; i++) {
        if (i > 0)
            tm_buf_putc(&st->line, ',');
        tm_buf_puts(&st->line, columns[i]);
    }
    tm_buf_putc(&st->line, '\n');
    return write_line(st, err);
}

enum tm_status
tm_studies_finish(struct tm_studies *st, struct tm_err *err)
{
    if (write_header(st, err) != TM_OK)
        return err->code;
    if (st->out == NULL)
        return TM_OK;
    if (fflush(st->out) != 0 || ferror(st->out))
        return tm_err_set(err, TM_ERR_IO, "write error on %s: %s", st->name,
                          strerror(errno));
    return TM_OK;
}

/* ------------------------------------------------------------------ */
/* Where each cell came from (for the row function and corrections)    */
/* ------------------------------------------------------------------ */

static void
src_reset(struct tm_studies *st)
{
    memset(st->src, 0, sizeof st->src);
    memset(st->field, 0, sizeof st->field);
}

/* Cell col was read from field of r (nothing when r is NULL). */
static void
set_src(struct tm_studies *st, int col, const struct tm_record *r,
        const char *field)
{
    if (r == NULL)
        return;
    st->src[col] = r;
    st->field[col] = field;
}

static void flag(struct tm_buf *check, const char *s);

/* A row of a secondary analysis of a trial (t the document's own trial
 * model, or NULL): the check column says so, so that the trial is not
 * pooled twice. */
static void
flag_secondary(const struct tm_trial *t, struct tm_buf *check)
{
    if (t != NULL && tm_trial_design_is_secondary(t->design))
        flag(check, "design: a secondary analysis of a trial; pool it only "
                    "if the trial's own report is not in the table");
}

/* Name in check every cell whose record field a reviewer's correction
 * set, so a corrected table says which of its cells are the reviewer's
 * and not the extraction's. */
static void
flag_corrected(struct tm_studies *st, struct tm_buf *check)
{
    char msg[64];
    size_t i;

    for (i = 0; i < NCOLS; i++) {
        if (st->src[i] == NULL ||
            (st->src[i]->corrected & tm_record_corr_bit(st->field[i])) == 0)
            continue;
        snprintf(msg, sizeof msg, "%s: corrected", columns[i]);
        flag(check, msg);
    }
}

/* Hand the row just built in st->line to the row function, its cells
 * unquoted (RFC 4180: a quoted field doubles its quotes). */
static enum tm_status
row_done(struct tm_studies *st, const struct tm_doc *doc, struct tm_err *err)
{
    const char *cells[NCOLS];
    const char *p = st->line.data, *end = p + st->line.len;
    size_t offs[NCOLS], n = 0, i;
    struct tm_studies_row row;

    if (st->row_fn == NULL)
        return TM_OK;
    tm_buf_reset(&st->cells);
    if (end > p && end[-1] == '\n')
        end--;
    while (n < NCOLS) {
        offs[n++] = st->cells.len;
        if (p < end && *p == '"') {
            for (p++; p < end; p++) {
                if (*p == '"' && p + 1 < end && p[1] == '"')
                    p++;
                else if (*p == '"')
                    break;
                tm_buf_putc(&st->cells, *p);
            }
            p++;
        } else {
            while (p < end && *p != ',')
                tm_buf_putc(&st->cells, *p++);
        }
        tm_buf_putc(&st->cells, '\0');
        if (p >= end || *p != ',')
            break;
        p++;
    }
    for (i = 0; i < n; i++)
        cells[i] = st->cells.data + offs[i];
    for (; i < NCOLS; i++)
        cells[i] = "";
    row.doc = doc;
    row.cells = cells;
    row.src = st->src;
    row.field = st->field;
    row.ncells = NCOLS;
    return st->row_fn(st->row_ctx, &row, err);
}

/* ------------------------------------------------------------------ */
/* Pass 1: arms                                                        */
/* ------------------------------------------------------------------ */

static bool
is_type(const struct tm_record *r, const char *type)
{
    return strcmp(r->type, type) == 0;
}

/* Values that belong to one arm: outcomes and per-arm sample sizes. */
static bool
armable(const struct tm_record *r)
{
    return tm_record_is_outcome(r) || is_type(r, "_deaths") ||
           (is_type(r, "sample_size") && r->scope != NULL &&
            strcmp(r->scope, "arm") == 0);
}

static int
cmp_val(const void *a, const void *b)
{
    const struct val *x = a, *y = b;

    if (x->r->start != y->r->start)
        return x->r->start < y->r->start ? -1 : 1;
    return x->r->end < y->r->end ? -1 : x->r->end > y->r->end;
}

static int
cmp_mention(const void *a, const void *b)
{
    const struct mention *x = a, *y = b;

    return x->r->start < y->r->start ? -1 : x->r->start > y->r->start;
}

/* Is text[a..b) short and free of digits: nothing but a connective
 * between two values? */
static bool
short_gap(const char *text, size_t a, size_t b)
{
    size_t i;

    if (b < a || b - a > 40)
        return false;
    for (i = a; i < b; i++)
        if (text[i] >= '0' && text[i] <= '9')
            return false;
    return true;
}

/* Is there a connective of kind k among c[ca..cb) within [lo, hi)? */
static bool
has_conn(const struct mention *c, size_t ca, size_t cb, enum conn k, size_t lo,
         size_t hi)
{
    size_t i;

    for (i = ca; i < cb; i++)
        if (c[i].conn == k && c[i].r->start >= lo && c[i].r->end <= hi)
            return true;
    return false;
}

/* How far (bytes) an arm mention may stand from the value it names:
 * "the placebo group (n = 30)", "40% in the placebo group".  Farther,
 * "Compared with the control group receiving ECMO alone, the combination
 * reduced mortality (22.2% vs 48.4%)", the mention names the comparison,
 * not a value. */
#define ARM_GAP 40

/* The bytes of text[a..b) that count as distance between a value and
 * an arm mention: a bracketed aside does not ("five patients died (on
 * days 7, 11, 18, 19, and 26) in group C"), and a table cell boundary
 * " | " puts the mention in another cell (SIZE_MAX: too far).  Counting
 * stops past ARM_GAP: farther is too far whatever follows. */
static size_t
layout_gap(const char *text, size_t a, size_t b)
{
    size_t i, n = 0;
    int depth = 0;

    if (b < a)
        return SIZE_MAX;
    for (i = a; i < b && n <= ARM_GAP; i++) {
        if (text[i] == '|')
            return SIZE_MAX;
        if (text[i] == '(' || text[i] == '[')
            depth++;
        else if ((text[i] == ')' || text[i] == ']') && depth > 0)
            depth--;
        else if (depth == 0)
            n++;
    }
    return n;
}

#define MAX_SENTENCE_VALUES 64
/* Values of one document tabulated: the rows of a document cost time
 * quadratic in its values, and no trial report has this many. */
#define MAX_DOC_VALUES 20000

/* Is text[a..b) nothing but the start of a sentence: empty, or a heading
 * ("Results: ")? */
static bool
sentence_opening(const char *text, size_t a, size_t b)
{
    size_t i;
    bool colon = false;

    if (b < a || b - a > 24)
        return false;
    for (i = a; i < b; i++) {
        unsigned char ch = (unsigned char)text[i];

        if (ch == ':' && !colon)
            colon = true;
        else if (ch != ' ' && (colon || !isalpha(ch)))
            return false;
    }
    return true;
}

/* Does mention mm stand right after a comparison's connective that opens
 * its sentence ("Compared with placebo, mortality was lower with MSC
 * (14.3% vs 31.0%)")?  It names what the sentence compares against, not
 * the value nearest after it. */
static bool
opens_comparison(const char *text, const struct tm_span *sp,
                 const struct mention *mm, const struct mention *c, size_t ca,
                 size_t cb)
{
    size_t i;

    for (i = ca; i < cb; i++)
        if (c[i].conn == CONN_VERSUS && c[i].r->end <= mm->r->start &&
            mm->r->start - c[i].r->end <= 8 &&
            sentence_opening(text, sp->start, c[i].r->start))
            return true;
    return false;
}

/* How far after the second arm's name the bracket of bracket_pair may
 * open: the rest of a short clause ("had died"). */
#define BRACKET_GAP 40

/* "Deaths occurred in 4 of 28 patients in the MSC arm and in 9 of 29 in
 * the placebo arm (14.3% vs 31.0%)": two values compared in a bracket that
 * opens right after the sentence named two arms of different sides are
 * those arms' in the order named, not the nearer arm's and the other's.
 * Noted as read from order.  v[a..b) and m, c as for arms_by_layout. */
static bool
bracket_pair(const char *text, struct val *v, size_t a, size_t b,
             const struct mention *m, size_t ma, size_t mb,
             const struct mention *c, size_t ca, size_t cb)
{
    const struct mention *first, *second;
    size_t k, n = 0, i, marks = 0;
    bool open = false;

    /* Only percentages that carry the counts the arms were named with
     * (merged from "4 of 28 ... 9 of 29"): in "Compared with placebo,
     * mortality was lower with MSC (14.3% vs 31.0%)" the order of the
     * names says nothing. */
    if (b - a != 2 || v[a].arm != ARM_NONE || v[a + 1].arm != ARM_NONE ||
        !(v[a].r->has & TM_HAS_EVENTS) || !(v[a + 1].r->has & TM_HAS_EVENTS) ||
        !short_gap(text, v[a].r->end, v[a + 1].r->start) ||
        !has_conn(c, ca, cb, CONN_VERSUS, v[a].r->end, v[a + 1].r->start))
        return false;
    for (k = ma; k < mb && m[k].r->end <= v[a].r->start; k++)
        n++;
    if (n < 2)
        return false;
    first = &m[ma + n - 2];
    second = &m[ma + n - 1];
    if (first->arm == second->arm || first->arm == ARM_NONE ||
        second->arm == ARM_NONE)
        return false;
    /* Between the second arm and the first value: the rest of the
     * clause ("given placebo had died (", "in the placebo arm (", " [n =
     * "), a bracket opening it: no number, no clause break, at most
     * BRACKET_GAP bytes. */
    if (v[a].r->start - second->r->end > BRACKET_GAP)
        return false;
    for (i = second->r->end; i < v[a].r->start; i++) {
        if (text[i] == '(' || text[i] == '[')
            open = true;
        else if (isdigit((unsigned char)text[i]) || text[i] == ';' ||
                 (open && text[i] != ' ' && ++marks > 2))
            return false;
    }
    if (!open)
        return false;
    v[a].arm = first->arm;
    v[a].src = first;
    v[a + 1].arm = second->arm;
    v[a + 1].src = second;
    v[a].by_order = v[a + 1].by_order = true;
    return true;
}

/* Does text[a..b) hold one of the bytes of set? */
static bool
holds_any(const char *text, size_t a, size_t b, const char *set)
{
    for (; a < b; a++)
        if (strchr(set, text[a]) != NULL)
            return true;
    return false;
}

/* Is mention p one of a list of arms on both sides ("in the vasopressin
 * and placebo groups"): another of m[ma..mb), on the other side, a few
 * bytes without a number away? */
static bool
listed_arm(const char *text, const struct mention *m, size_t ma, size_t mb,
           const struct mention *p)
{
    size_t k;

    for (k = ma; k < mb; k++) {
        const struct mention *o = &m[k];

        if (o == p || o->arm == ARM_NONE || o->arm == p->arm)
            continue;
        if ((o->r->start >= p->r->end && o->r->start - p->r->end <= 15 &&
             short_gap(text, p->r->end, o->r->start)) ||
            (p->r->start >= o->r->end && p->r->start - o->r->end <= 15 &&
             short_gap(text, o->r->end, p->r->start)))
            return true;
    }
    return false;
}

/* Two values of one comparison next to each other ("40% and 30%", "30%
 * vs 40%"): a short gap without a number, the same timepoint. */
static bool
value_pair(const char *text, const struct val *x, const struct val *y)
{
    const char *tx = x->r->timepoint, *ty = y->r->timepoint;

    return short_gap(text, x->r->end, y->r->start) &&
           ((tx == NULL && ty == NULL) ||
            (tx != NULL && ty != NULL && strcmp(tx, ty) == 0));
}

/* Is v[i] the first of two values compared inside one bracket that
 * opens after from ("than with placebo (16.1% and 36.7%)")?  The name
 * before the bracket is not its arm: the bracket holds both arms'. */
static bool
pair_in_bracket(const char *text, const struct val *v, size_t i, size_t b,
                size_t from)
{
    return i + 1 < b && value_pair(text, &v[i], &v[i + 1]) &&
           !holds_any(text, v[i].r->end, v[i + 1].r->start, ")]") &&
           holds_any(text, from, v[i].r->start, "([");
}

/* Was x something was changed to ("reduced to 30%": a "change"
 * connective of c[ca..cb) right before it)? */
static bool
changed_to(const struct val *x, const struct mention *c, size_t ca, size_t cb)
{
    return has_conn(c, ca, cb, CONN_CHANGE,
                    x->r->start >= 24 ? x->r->start - 24 : 0, x->r->start);
}

/* "superior to placebo (28-day mortality reduced to 30%)": a value
 * something was changed to, in a bracket opened after from, is not the
 * arm named before the bracket. */
static bool
changed_in_bracket(const char *text, const struct val *x, size_t from,
                   const struct mention *c, size_t ca, size_t cb)
{
    return holds_any(text, from, x->r->start, "([") && changed_to(x, c, ca, cb);
}

/* "Compared with placebo (16 deaths, 40%)": a value in a bracket that
 * opens right after an arm's name, first of its type there, is that
 * arm's, whatever connective stands before the name; not the first of
 * two values compared in that bracket ("than with placebo (30% vs
 * 40%)"), nor a value something was changed to ("superior to placebo
 * (mortality reduced to 30%)").  Returns the mention, or NULL.  v[a..b),
 * m and c as for arms_by_layout. */
static const struct mention *
bracketed_after(const char *text, const struct val *v, size_t a, size_t b,
                size_t i, const struct mention *m, size_t ma, size_t mb,
                const struct mention *c, size_t ca, size_t cb)
{
    const struct mention *p = NULL;
    size_t k, j;

    if ((i + 1 < b && value_pair(text, &v[i], &v[i + 1]) &&
         !holds_any(text, v[i].r->end, v[i + 1].r->start, ")]")) ||
        changed_to(&v[i], c, ca, cb))
        return NULL;
    for (k = mb; k > ma; k--)
        if (m[k - 1].r->end <= v[i].r->start) {
            p = &m[k - 1];
            break;
        }
    if (p == NULL || p->arm == ARM_NONE)
        return NULL;
    j = p->r->end;
    while (j < v[i].r->start && text[j] == ' ')
        j++;
    if (j >= v[i].r->start || (text[j] != '(' && text[j] != '[') ||
        holds_any(text, j, v[i].r->start, ")]"))
        return NULL;
    /* The first value of its type in that bracket. */
    for (k = a; k < i; k++)
        if (v[k].r->start > p->r->end)
            return NULL;
    return p;
}

/* "in the placebo and vasopressin groups was 40% and 30%", "lower with
 * vasopressin than with placebo (30% vs 40%)", "(vasopressin vs
 * placebo): 30% vs 40%": two arms of different sides named together
 * (joined by a pairing word, "and", "or", "than", "vs", no comma: not
 * "Compared with placebo, vasopressin ..."), then (or after) two values
 * together in the same clause, are paired in order, as with
 * "respectively".  Noted as read from order.  v[a..b), m and c as for
 * arms_by_layout. */
static bool
two_lists(const char *text, struct val *v, size_t a, size_t b,
          const struct mention *m, size_t ma, size_t mb,
          const struct mention *c, size_t ca, size_t cb)
{
    const struct mention *p = NULL;
    size_t k, n = 0;

    if (b - a != 2 || v[a].arm != ARM_NONE || v[a + 1].arm != ARM_NONE ||
        !value_pair(text, &v[a], &v[a + 1]))
        return false;
    for (k = ma; k < mb; k++)
        if (m[k].arm != ARM_NONE &&
            (m[k].r->end <= v[a].r->start || m[k].r->start >= v[b - 1].r->end))
            n++;
        else if (m[k].arm != ARM_NONE)
            return false; /* a name between the values */
    if (n != 2)
        return false;
    for (k = ma; k < mb; k++)
        if (m[k].arm != ARM_NONE) {
            if (p == NULL) {
                p = &m[k];
                continue;
            }
            if (p->arm == m[k].arm || m[k].r->start < p->r->end ||
                m[k].r->start - p->r->end > 20 ||
                !short_gap(text, p->r->end, m[k].r->start) ||
                holds_any(text, p->r->end, m[k].r->start, ",;") ||
                !(has_conn(c, ca, cb, CONN_PAIR, p->r->end, m[k].r->start) ||
                  has_conn(c, ca, cb, CONN_VERSUS, p->r->end, m[k].r->start)))
                return false;
            /* The values in the names' clause, near them. */
            if (m[k].r->end <= v[a].r->start
                    ? v[a].r->start - m[k].r->end > 80 ||
                          holds_any(text, m[k].r->end, v[a].r->start, ";")
                    : p->r->start - v[b - 1].r->end > 80 ||
                          holds_any(text, v[b - 1].r->end, p->r->start, ";"))
                return false;
            v[a].arm = p->arm;
            v[a].src = p;
            v[a + 1].arm = m[k].arm;
            v[a + 1].src = &m[k];
            v[a].by_order = v[a + 1].by_order = true;
            return true;
        }
    return false;
}

/* "Vasopressin reduced mortality from 40% to 30%": of two values after
 * "from" and "to", the second is the one arm the sentence names, the
 * first the other arm's (what it was reduced from).  Only when the arm's
 * name stands right before the verb (patterns/arms.pat "from" runs from
 * the verb): the arm did it.  Not with two arms named (their order
 * decides), nor when the values' timepoints differ (a change over time
 * in one arm).  Noted as read from order. */
static bool
from_to(const char *text, struct val *v, size_t a, size_t b,
        const struct mention *m, size_t ma, size_t mb, const struct mention *c,
        size_t ca, size_t cb)
{
    const struct mention *p = NULL;
    size_t k;

    if (b - a != 2 || v[a].arm != ARM_NONE || v[a + 1].arm != ARM_NONE ||
        !value_pair(text, &v[a], &v[a + 1]))
        return false;
    size_t j;

    for (k = ca; k < cb; k++)
        if (c[k].conn == CONN_FROM && c[k].r->end <= v[a].r->start &&
            v[a].r->start - c[k].r->end <= 2)
            break;
    if (k == cb)
        return false;
    for (j = ma; j < mb; j++)
        if (m[j].arm != ARM_NONE) {
            if (p != NULL && p->arm != m[j].arm)
                return false;
            p = &m[j];
        }
    if (p == NULL || p->r->end > c[k].r->start ||
        c[k].r->start - p->r->end > 16 ||
        holds_any(text, p->r->end, c[k].r->start, ",;()0123456789"))
        return false;
    v[a + 1].arm = p->arm;
    v[a + 1].src = p;
    v[a].arm = p->arm == ARM_TREAT ? ARM_CTRL : ARM_TREAT;
    v[a].by_order = v[a + 1].by_order = true;
    return true;
}

/* Arms for the values v[a..b) of one sentence, all of one type; m[ma..mb)
 * are the sentence's arm mentions, c[ca..cb) its connectives. */
static void
arms_by_layout(const char *text, const struct tm_span *sp, struct val *v,
               size_t a, size_t b, const struct mention *m, size_t ma,
               size_t mb, const struct mention *c, size_t ca, size_t cb)
{
    size_t i, k, before = 0;
    bool respectively =
        has_conn(c, ca, cb, CONN_RESPECTIVELY, sp->start, sp->end);

    for (i = a; i < b; i++) {
        const struct mention *p;

        if (v[i].arm == ARM_NONE &&
            (p = bracketed_after(text, v, a, b, i, m, ma, mb, c, ca, cb)) !=
                NULL) {
            v[i].arm = p->arm;
            v[i].src = p;
        }
    }
    if (!respectively && (two_lists(text, v, a, b, m, ma, mb, c, ca, cb) ||
                          from_to(text, v, a, b, m, ma, mb, c, ca, cb)))
        return;
    /* "In the vasopressin group, mortality fell from 40% to 30%": a
     * change that from_to did not give to two arms is no comparison of
     * arms; nearness would make one up. */
    if (b - a == 2 && v[a].arm == ARM_NONE && v[a + 1].arm == ARM_NONE &&
        (has_conn(c, ca, cb, CONN_CHANGE,
                  v[a].r->start >= 8 ? v[a].r->start - 8 : 0, v[a].r->start) ||
         has_conn(c, ca, cb, CONN_FROM, sp->start, v[a].r->start)))
        return;
    if (b - a >= 2 && respectively) {
        /* "the MSC and placebo groups: 10% and 40%, respectively", or
         * after them: "22/39 (56%) and 21/38 (55%) of those assigned to
         * CVVH and CVVHD, respectively". */
        size_t after = 0, first;

        for (k = ma; k < mb && m[k].r->start < v[a].r->start; k++)
            before++;
        for (k = ma; k < mb; k++)
            after += m[k].r->start >= v[b - 1].r->end;
        if (before == b - a || (before == 0 && after == b - a)) {
            first = before == b - a ? ma : mb - after;
            for (i = a; i < b; i++)
                if (v[i].arm == ARM_NONE) {
                    v[i].arm = m[first + (i - a)].arm;
                    v[i].src = &m[first + (i - a)];
                }
            return;
        }
    } else if (bracket_pair(text, v, a, b, m, ma, mb, c, ca, cb)) {
        return;
    } else if (mb > ma) {
        /* Each value's nearest mention on either side, not past another
         * value; the side more values have a mention on wins ("40% in
         * the placebo group", "the placebo group (n = 30)"), on a tie the
         * side where they stand closer ("MSCs (n = 20) or placebo (n =
         * 20)": placebo is the second value's). */
        size_t nbefore = 0, nafter = 0, gbefore = 0, gafter = 0;
        bool after;

        for (i = a; i < b; i++) {
            v[i].before = v[i].after = NULL;
            /* (Not across a connective that opens the next value: in
             * "34 of 115 in the MSC group and 46 of 221 in the placebo
             * group", "and" parts the 46 from the MSC group.) */
            for (k = mb; k > ma; k--)
                if (m[k - 1].r->start >= v[i].lo &&
                    m[k - 1].r->end <= v[i].r->start &&
                    layout_gap(text, m[k - 1].r->end, v[i].r->start) <=
                        ARM_GAP) {
                    if (!has_conn(c, ca, cb, CONN_NEXT, m[k - 1].r->end,
                                  v[i].r->start) &&
                        !opens_comparison(text, sp, &m[k - 1], c, ca, cb) &&
                        !pair_in_bracket(text, v, i, b, m[k - 1].r->end) &&
                        !changed_in_bracket(text, &v[i], m[k - 1].r->end, c, ca,
                                            cb))
                        v[i].before = &m[k - 1];
                    break;
                }
            for (k = ma; k < mb; k++)
                if (m[k].r->start >= v[i].r->end && m[k].r->end <= v[i].hi &&
                    layout_gap(text, v[i].r->end, m[k].r->start) <= ARM_GAP) {
                    v[i].after = &m[k];
                    break;
                }
            if (v[i].before != NULL) {
                nbefore++;
                gbefore += layout_gap(text, v[i].before->r->end, v[i].r->start);
            }
            if (v[i].after != NULL) {
                nafter++;
                gafter += layout_gap(text, v[i].r->end, v[i].after->r->start);
            }
        }
        after = nafter > nbefore || (nafter == nbefore && gafter <= gbefore);
        for (i = a; i < b; i++) {
            const struct mention *pick = after ? v[i].after : v[i].before;

            /* "40% in the vasopressin and placebo groups, respectively":
             * the arms are listed for values paired in order, and the
             * value's partner was not read; the nearest name is not its
             * arm. */
            if (respectively && pick != NULL &&
                listed_arm(text, m, ma, mb, pick))
                continue;
            if (v[i].arm == ARM_NONE && pick != NULL) {
                v[i].arm = pick->arm;
                v[i].src = pick;
            }
        }
        if (b - a == 2 &&
            (v[a].arm == ARM_NONE) != (v[a + 1].arm == ARM_NONE)) {
            /* One of two values named its arm: the other is the other. */
            struct val *known = v[a].arm != ARM_NONE ? &v[a] : &v[a + 1];
            struct val *other = known == &v[a] ? &v[a + 1] : &v[a];

            other->arm = known->arm == ARM_TREAT ? ARM_CTRL : ARM_TREAT;
            other->by_other = true;
        }
        for (i = a; i < b; i++)
            if (v[i].arm != ARM_NONE)
                return;
    }
    /* "35% vs. 46%" (or "35% and 46%, respectively" with no arm named):
     * treatment first, as trial reports write it. */
    if (b - a == 2 && v[a].arm == ARM_NONE && v[a + 1].arm == ARM_NONE &&
        short_gap(text, v[a].r->end, v[a + 1].r->start) &&
        (respectively ||
         has_conn(c, ca, cb, CONN_VERSUS, v[a].r->end, v[a + 1].r->start))) {
        v[a].arm = ARM_TREAT;
        v[a + 1].arm = ARM_CTRL;
        v[a].by_order = v[a + 1].by_order = true;
    }
}

static void
assign_arms(const char *text, const struct tm_spans *sents, struct val *v,
            size_t nv, struct mention *m, size_t nm, const struct mention *c,
            size_t nc)
{
    size_t i, k, j, ma = 0, ca = 0;

    /* A mention inside a value's own text names its arm. */
    for (i = 0, k = 0; i < nv; i++) {
        while (k < nm && m[k].r->start < v[i].r->start)
            k++;
        for (j = k; j < nm && m[j].r->start < v[i].r->end; j++)
            if (m[j].r->end <= v[i].r->end && armable(v[i].r)) {
                v[i].arm = m[j].arm;
                v[i].src = &m[j];
                break;
            }
    }
    /* The stretch around each value up to its neighbours (any type). */
    for (i = 0; i < nv; i++) {
        const struct tm_span *sp = &sents->v[v[i].sent];

        v[i].lo = sp->start;
        v[i].hi = sp->end > v[i].r->end ? sp->end : v[i].r->end;
        for (k = i; k > 0 && v[k - 1].sent == v[i].sent; k--)
            if (armable(v[k - 1].r) && v[k - 1].r->end <= v[i].r->start) {
                v[i].lo = v[k - 1].r->end;
                break;
            }
        for (k = i + 1; k < nv && v[k].sent == v[i].sent; k++)
            if (armable(v[k].r) && v[k].r->start >= v[i].r->end) {
                v[i].hi = v[k].r->start;
                break;
            }
    }
    /* Then sentence by sentence, one value type at a time. */
    for (i = 0; i < nv;) {
        size_t s = v[i].sent, end = i, mb, cb;

        while (end < nv && v[end].sent == s)
            end++;
        while (ma < nm && m[ma].sent < s)
            ma++;
        for (mb = ma; mb < nm && m[mb].sent == s; mb++)
            ;
        while (ca < nc && c[ca].sent < s)
            ca++;
        for (cb = ca; cb < nc && c[cb].sent == s; cb++)
            ;
        /* A "sentence" of hundreds of values is a table or garbage, not
         * prose to read arms from (and would cost quadratic time). */
        for (k = i; k < end && end - i <= MAX_SENTENCE_VALUES; k++) {
            struct val tmp[64];
            size_t nt = 0, t;
            const char *type = v[k].r->type;
            bool first = true;

            if (!armable(v[k].r))
                continue;
            /* Only the first value of each type starts a group. */
            for (t = i; t < k && first; t++)
                if (armable(v[t].r) && strcmp(v[t].r->type, type) == 0)
                    first = false;
            if (!first)
                continue;
            for (t = k; t < end && nt < 64; t++)
                if (armable(v[t].r) && strcmp(v[t].r->type, type) == 0)
                    tmp[nt++] = v[t];
            arms_by_layout(text, &sents->v[s], tmp, 0, nt, m, ma, mb, c, ca,
                           cb);
            for (t = k, j = 0; t < end && j < nt; t++)
                if (armable(v[t].r) && strcmp(v[t].r->type, type) == 0)
                    v[t] = tmp[j++];
        }
        i = end;
    }
}

/* ------------------------------------------------------------------ */
/* Pass 2: studies                                                     */
/* ------------------------------------------------------------------ */

/* A value's study key: its resolved reference, else the citation in its
 * label ("Zheng et al. [30]" and "[30]" are one study), else the label,
 * else "" (the document itself is the study). */
static char *
study_key(const struct tm_record *r)
{
    const char *o, *c;

    if (r->study_ref != NULL)
        return tm_xstrdup(r->study_ref);
    if (r->study == NULL)
        return tm_xstrdup("");
    o = strchr(r->study, '[');
    c = o ? strchr(o, ']') : NULL;
    if (c != NULL)
        return tm_xstrndup(o, (size_t)(c - o + 1));
    return tm_xstrdup(r->study);
}

static size_t
find_study(struct study **ss, size_t *ns, const struct tm_record *r)
{
    char *key = study_key(r);
    size_t i;

    for (i = 0; i < *ns; i++)
        if (strcmp((*ss)[i].key, key) == 0)
            break;
    if (i == *ns) {
        *ss = tm_xreallocarray(*ss, *ns + 1, sizeof **ss);
        (*ss)[i].key = key;
        (*ss)[i].label = NULL;
        (*ss)[i].ref = NULL;
        (*ns)++;
    } else {
        free(key);
    }
    if (r->study != NULL &&
        ((*ss)[i].label == NULL || strlen(r->study) > strlen((*ss)[i].label)))
        (*ss)[i].label = r->study;
    if (r->study_ref != NULL && (*ss)[i].ref == NULL)
        (*ss)[i].ref = r->study_ref;
    return i;
}

/* ------------------------------------------------------------------ */
/* Pass 3: rows                                                        */
/* ------------------------------------------------------------------ */

/* The outcome type a record gives a row to: an outcome's own type, or
 * for an effect estimate the outcome its sentence names (effect.pat
 * sets its scope to "mortality" or "survival"); NULL for neither. */
/* A count of deaths in one arm (patterns/mortality.pat, _deaths): an
 * arm's events when nothing else gives them.  Only in a primary study's
 * own report whose trial model knows its arms (a review's counts are its
 * trials', and internal records are not attributed to them). */
static bool
arm_deaths(const struct tm_studies *st, const struct tm_record *r)
{
    return is_type(r, "_deaths") && r->arm != TM_ARM_NONE &&
           (r->has & TM_HAS_VALUE) && r->value >= 0 && r->value <= 1e9 &&
           r->value == floor(r->value) && st->trial != NULL &&
           st->trial->narms >= 2 &&
           tm_trial_design_is_primary(st->trial->design);
}

/* The randomized size of the trial's one arm on side arm (TM_ARM_*), or
 * 0. */
static long long
side_size(const struct tm_trial *t, unsigned char arm)
{
    size_t i;
    long long n = 0;

    for (i = 0; t != NULL && i < t->narms; i++)
        if (t->arms[i].control == (arm == TM_ARM_CONTROL)) {
            if (n > 0)
                return 0; /* two arms on this side */
            n = t->arms[i].n;
        }
    return n;
}

static const char *
row_type(const struct tm_record *r)
{
    if (tm_record_is_outcome(r))
        return r->type;
    if (is_type(r, "effect") && r->scope != NULL &&
        (strcmp(r->scope, "mortality") == 0 ||
         strcmp(r->scope, "survival") == 0))
        return r->scope;
    return NULL;
}

struct row {
    const struct tm_record *t, *c, *all, *p, *dose, *n, *nt, *nc, *nsub;
    const struct tm_trial *trial; /* of the document, for arm sizes */
    const struct tm_record *e;    /* the effect estimate of the comparison */
    long long ev_t, ev_c, n_t, n_c;
    bool has_ev_t, has_ev_c, has_n_t, has_n_c;
    struct tm_buf notes, source;
    struct tm_buf check; /* cells a reviewer must look at */
};

static void
note(struct row *w, const char *s)
{
    if (w->notes.len > 0)
        tm_buf_puts(&w->notes, "; ");
    tm_buf_puts(&w->notes, s);
}

/* Name a cell a reviewer must look at, and why. */
static void
flag(struct tm_buf *check, const char *s)
{
    if (check->len > 0)
        tm_buf_puts(check, "; ");
    tm_buf_puts(check, s);
}

static void
use(struct row *w, const struct tm_record *r)
{
    if (r == NULL)
        return;
    if (w->source.len > 0)
        tm_buf_putc(&w->source, ' ');
    tm_buf_printf(&w->source, "%s@%zu-%zu", r->type, r->start, r->end);
}

static bool
same_str(const char *a, const char *b)
{
    return (a == NULL && b == NULL) ||
           (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Digits after the decimal point in v's shortest form. */
static int
decimals(double v)
{
    char tmp[40], *dot;
    int n = 0;

    snprintf(tmp, sizeof tmp, "%.10g", v);
    dot = strchr(tmp, '.');
    if (dot == NULL || strchr(tmp, 'e') != NULL)
        return 0;
    while (dot[1 + n] >= '0' && dot[1 + n] <= '9')
        n++;
    return n;
}

/* Events from a percentage of n, if exactly one whole number of events
 * gives that percentage as printed. */
static bool
derive_events(double pct, long long n, long long *ev)
{
    double tol, e;
    long long k, hit = -1;
    int found = 0;

    if (n <= 0 || n > 1000000000LL || !(pct >= 0 && pct <= 100))
        return false;
    tol = 0.5 * pow(10, -decimals(pct)) + 1e-9;
    e = pct * (double)n / 100.0;
    for (k = (long long)floor(e) - 1; k <= (long long)ceil(e) + 1; k++) {
        if (k < 0 || k > n)
            continue;
        if (fabs(100.0 * (double)k / (double)n - pct) <= tol) {
            hit = k;
            found++;
        }
    }
    if (found != 1)
        return false;
    *ev = hit;
    return true;
}

static void
put_sep(struct tm_buf *b)
{
    tm_buf_putc(b, ',');
}

static void
put_str(struct tm_studies *st, const char *s)
{
    put_sep(&st->line);
    if (s != NULL)
        tm_csv_field(&st->line, s, strlen(s), st->csv);
}

static void
put_num(struct tm_buf *b, bool has, double v)
{
    put_sep(b);
    if (has)
        tm_json_number(b, v);
}

/* A percentage as the paper printed it, or, when trialmine computed it
 * from a count and its denominator ("34 of 115": 29.565217...), rounded
 * to one decimal, as a paper would print it.  A printed percentage has at
 * most two decimals ("0.56%"). */
static void
put_pct(struct tm_buf *b, bool has, double v)
{
    double cents = v * 100.0;

    if (has && fabs(cents - nearbyint(cents)) > 1e-6)
        v = nearbyint(v * 10.0) / 10.0;
    put_num(b, has, v);
}

static void
put_int(struct tm_buf *b, bool has, long long v)
{
    put_sep(b);
    if (has)
        tm_buf_printf(b, "%lld", v);
}

static bool
has_value(const struct tm_record *r)
{
    return r != NULL && (r->has & TM_HAS_VALUE);
}

/* Fill the arm cells of a row from its outcome records and the study's
 * arm sizes, deriving events where the arithmetic allows. */
static void
fill_arm(struct row *w, const struct tm_record *o, const struct tm_record *n,
         long long *ev, bool *has_ev, long long *nn, bool *has_n,
         const char *side)
{
    char msg[96];

    if (o != NULL && (o->has & TM_HAS_TOTAL)) {
        *nn = o->total;
        *has_n = true;
    } else if (n != NULL && has_value(n) && n->value >= 0 && n->value <= 1e12 &&
               n->value == floor(n->value)) {
        /* A count: whole, and small enough to be one (the fuzzer fed
         * "n = 66666666666666666666"). */
        *nn = (long long)n->value;
        *has_n = true;
        use(w, n);
    }
    if (o == NULL)
        return;
    if (is_type(o, "_deaths")) {
        /* A count of deaths in the arm: the events; the arm's size, if
         * no count of the arm came with it, is the trial's. */
        *ev = (long long)o->value;
        *has_ev = true;
        snprintf(msg, sizeof msg, "events_%s: a count of deaths in the text",
                 side);
        flag(&w->check, msg);
        if (!*has_n && (*nn = side_size(w->trial, o->arm)) > 0) {
            *has_n = true;
            snprintf(msg, sizeof msg, "n_%s: the trial's randomized arm", side);
            flag(&w->check, msg);
        }
        return;
    }
    if (o->has & TM_HAS_EVENTS) {
        *ev = o->events;
        *has_ev = true;
    } else if (*has_n && has_value(o) && derive_events(o->value, *nn, ev)) {
        *has_ev = true;
        snprintf(msg, sizeof msg, "events_%s derived from %g%% of %lld", side,
                 o->value, *nn);
        note(w, msg);
        snprintf(msg, sizeof msg, "events_%s: derived from a percentage", side);
        flag(&w->check, msg);
    }
}

/* Is s the document itself (not a study it cites)?  A PubMed record's
 * own values are attributed to its PMID. */
static bool
is_own(const struct tm_doc *doc, const struct study *s)
{
    if (s->key[0] == '\0')
        return true;
    return doc->kind == TM_DOC_PUBMED && doc->pmid != NULL &&
           strncmp(s->key, "pmid:", 5) == 0 &&
           strcmp(s->key + 5, doc->pmid) == 0;
}

/* Is section one that sets the scene ("abstract/BACKGROUND",
 * "body/Introduction", "abstract/Rationale")?  Its outcomes describe
 * other patients ("hospital mortality remains close to 40%"), never the
 * trial's own results. */
static bool
scene_section(const char *section)
{
    static const char *const scene[] = {"background", "introduction",
                                        "rationale", NULL};

    return tm_section_names(section, scene);
}

/* Does outcome r of document doc belong in a row of study s?  Not when s
 * is the document's own trial and r sets the scene. */
static bool
row_outcome(const struct tm_doc *doc, const struct study *s,
            const struct tm_record *r)
{
    return !(is_own(doc, s) && scene_section(r->section));
}

/* Is some arm of t a control?  Without one, which arm is the treatment
 * is not known: the arms go to notes, not to the arm columns. */
static bool
has_control(const struct tm_trial *t)
{
    size_t i;

    for (i = 0; i < t->narms; i++)
        if (t->arms[i].control)
            return true;
    return false;
}

/* Say in the notes which arms the trial has when none of them is a
 * control by what it receives ("SLED-BD (115), CVVH (117)"). */
static void
note_arms(struct row *w, const struct tm_trial *t)
{
    struct tm_buf b;
    size_t i;

    if (t == NULL || t->narms == 0 || has_control(t))
        return;
    tm_buf_init(&b, 0);
    tm_buf_puts(&b, "arms, none a control by what it receives: ");
    for (i = 0; i < t->narms; i++) {
        tm_buf_printf(&b, "%s%s", i > 0 ? ", " : "", t->arms[i].label);
        if (t->arms[i].n > 0)
            tm_buf_printf(&b, " (%lld)", t->arms[i].n);
    }
    note(w, b.data);
    tm_buf_clear(&b);
}

/* The labels (or sizes) of the trial's control or treatment arms,
 * "; "-separated in the order written; sizes only when every arm of the
 * side has one. */
static void
put_arms(struct tm_studies *st, const struct tm_trial *t, bool control,
         bool sizes)
{
    struct tm_buf b;
    size_t i;

    put_sep(&st->line);
    if (t == NULL || !has_control(t))
        return;
    for (i = 0; sizes && i < t->narms; i++)
        if (t->arms[i].control == control && t->arms[i].n <= 0)
            return;
    tm_buf_init(&b, 0);
    for (i = 0; i < t->narms; i++) {
        if (t->arms[i].control != control)
            continue;
        if (b.len > 0)
            tm_buf_puts(&b, "; ");
        if (sizes)
            tm_buf_printf(&b, "%lld", t->arms[i].n);
        else
            tm_buf_puts(&b, t->arms[i].label);
    }
    if (b.len > 0)
        tm_csv_field(&st->line, b.data, b.len, st->csv);
    tm_buf_clear(&b);
}

/* One arm a row compares, when it is not every arm of its side (a
 * trial with three arms gives a row per comparison). */
struct arm_pick {
    const char *label;
    long long n; /* randomized, 0 when unknown */
};

/* The trial columns: the document's trial model on its own rows; on a
 * cited study's row, its label as written and nothing else.  pick, when
 * not NULL, names the two arms ([0] treatment, [1] control) the row
 * compares in place of all the trial's arms of each side. */
static void
put_trial_arms(struct tm_studies *st, const struct tm_doc *doc,
               const struct study *s, const struct arm_pick *pick)
{
    const struct tm_trial *t = is_own(doc, s) ? st->trial : NULL;
    int k;

    put_str(st, t != NULL ? t->label : s->label);
    put_str(st, t != NULL ? t->registry : NULL);
    put_str(st, t != NULL ? t->design : NULL);
    if (pick != NULL) {
        for (k = 0; k < 2; k++)
            put_str(st, pick[k].label);
        put_int(&st->line, t != NULL && t->has_total, t ? t->n_total : 0);
        for (k = 0; k < 2; k++)
            put_int(&st->line, pick[k].n > 0, pick[k].n);
        return;
    }
    put_arms(st, t, false, false);
    put_arms(st, t, true, false);
    put_int(&st->line, t != NULL && t->has_total, t ? t->n_total : 0);
    put_arms(st, t, false, true);
    put_arms(st, t, true, true);
}

static void
put_trial(struct tm_studies *st, const struct tm_doc *doc,
          const struct study *s)
{
    put_trial_arms(st, doc, s, NULL);
}

static enum tm_status
write_row(struct tm_studies *st, const struct tm_doc *doc,
          const struct study *s, const char *outcome, const char *timepoint,
          struct row *w, struct tm_err *err)
{
    struct tm_buf *b = &st->line;
    const char *label = s->label;
    int i;

    if (write_header(st, err) != TM_OK)
        return err->code;
    fill_arm(w, w->t, w->nt, &w->ev_t, &w->has_ev_t, &w->n_t, &w->has_n_t,
             "treatment");
    fill_arm(w, w->c, w->nc, &w->ev_c, &w->has_ev_c, &w->n_c, &w->has_n_c,
             "control");
    if ((w->t != NULL && w->t->unit != NULL && w->c == NULL) ||
        (w->c != NULL && w->t == NULL))
        note(w, "one arm only");
    if (is_own(doc, s))
        note_arms(w, st->trial);
    src_reset(st);
    set_src(st, COL_N_TOTAL, has_value(w->n) ? w->n : NULL, "value");
    set_src(st, COL_N_SUBGROUP, has_value(w->nsub) ? w->nsub : NULL, "value");
    set_src(st, COL_EVENTS_T, w->has_ev_t ? w->t : NULL, "events");
    set_src(st, COL_EVENTS_C, w->has_ev_c ? w->c : NULL, "events");
    if (w->has_n_t)
        set_src(st, COL_N_T, w->t && (w->t->has & TM_HAS_TOTAL) ? w->t : w->nt,
                w->t && (w->t->has & TM_HAS_TOTAL) ? "total" : "value");
    if (w->has_n_c)
        set_src(st, COL_N_C, w->c && (w->c->has & TM_HAS_TOTAL) ? w->c : w->nc,
                w->c && (w->c->has & TM_HAS_TOTAL) ? "total" : "value");
    set_src(st, COL_PCT_T, has_value(w->t) ? w->t : NULL, "value");
    set_src(st, COL_PCT_C, has_value(w->c) ? w->c : NULL, "value");
    set_src(st, COL_PCT_ALL, has_value(w->all) ? w->all : NULL, "value");
    set_src(st, COL_P, has_value(w->p) ? w->p : NULL, "value");
    set_src(st, COL_P_CMP, w->p && w->p->comparator ? w->p : NULL,
            "comparator");
    set_src(st, COL_DOSE, has_value(w->dose) ? w->dose : NULL, "value");
    set_src(st, COL_DOSE_UNIT, w->dose && w->dose->unit ? w->dose : NULL,
            "unit");
    set_src(st, COL_EFFECT_MEASURE, w->e && w->e->measure ? w->e : NULL,
            "measure");
    set_src(st, COL_EFFECT, has_value(w->e) ? w->e : NULL, "value");
    set_src(st, COL_CI_LOW, w->e && (w->e->has & TM_HAS_CI_LOW) ? w->e : NULL,
            "ci_low");
    set_src(st, COL_CI_HIGH, w->e && (w->e->has & TM_HAS_CI_HIGH) ? w->e : NULL,
            "ci_high");
    flag_secondary(w->trial, &w->check);
    flag_corrected(st, &w->check);
    tm_buf_reset(b);
    tm_csv_field(b, label ? label : doc->id, strlen(label ? label : doc->id),
                 st->csv);
    put_str(st, s->ref);
    put_str(st, doc->id);
    put_str(st, outcome);
    put_str(st, timepoint);
    put_num(b, has_value(w->n), w->n ? w->n->value : 0);
    put_num(b, has_value(w->nsub), w->nsub ? w->nsub->value : 0);
    put_int(b, w->has_ev_t, w->ev_t);
    put_int(b, w->has_n_t, w->n_t);
    put_int(b, w->has_ev_c, w->ev_c);
    put_int(b, w->has_n_c, w->n_c);
    /* (A count of deaths has no percentage.) */
    put_pct(b, has_value(w->t) && !is_type(w->t, "_deaths"),
            w->t ? w->t->value : 0);
    put_pct(b, has_value(w->c) && !is_type(w->c, "_deaths"),
            w->c ? w->c->value : 0);
    put_pct(b, has_value(w->all), w->all ? w->all->value : 0);
    put_num(b, has_value(w->p), w->p ? w->p->value : 0);
    put_str(st, w->p ? w->p->comparator : NULL);
    put_num(b, has_value(w->dose), w->dose ? w->dose->value : 0);
    put_str(st, w->dose ? w->dose->unit : NULL);
    put_str(st, w->notes.len ? w->notes.data : NULL);
    put_str(st, w->source.len ? w->source.data : NULL);
    put_trial(st, doc, s);
    /* Prose rows have no table row, analysis or subgroup. */
    for (i = 0; i < 3; i++)
        put_sep(b);
    put_str(st, w->e ? w->e->measure : NULL);
    put_num(b, has_value(w->e), w->e ? w->e->value : 0);
    put_num(b, w->e && (w->e->has & TM_HAS_CI_LOW), w->e ? w->e->ci_low : 0);
    put_num(b, w->e && (w->e->has & TM_HAS_CI_HIGH), w->e ? w->e->ci_high : 0);
    put_str(st, w->check.len ? w->check.data : NULL);
    st->own_row |= is_own(doc, s);
    tm_buf_putc(b, '\n');
    st->rows++;
    if (write_line(st, err) != TM_OK)
        return err->code;
    return row_done(st, doc, err);
}

/* Does the text give a second value for a cell (another percentage
 * of deaths in the arm, another size of the arm, another estimate of the
 * comparison)?  Then a reviewer must choose: the check column names the
 * cell and the other value.  v[0..nv) are the values of the document;
 * only study g's values of the row's outcome and timepoint count. */
static void
flag_other_values(struct row *w, const struct tm_doc *doc,
                  const struct study *s, const struct val *v, size_t nv,
                  size_t g, const char *type, const char *timepoint)
{
    static const char *const pct_col[] = {"pct_treatment", "pct_control"};
    static const char *const n_col[] = {"n_treatment", "n_control"};
    const struct tm_record *chosen[2] = {w->t, w->c};
    const struct tm_record *size[2] = {w->nt, w->nc};
    bool said_pct[2] = {false, false}, said_n[2] = {false, false};
    bool said_e = false;
    char msg[128];
    size_t i;
    int k;

    if (type == NULL)
        return;
    for (i = 0; i < nv; i++) {
        const struct tm_record *r = v[i].r;

        if (v[i].group != g)
            continue;
        k = v[i].arm == ARM_TREAT ? 0 : v[i].arm == ARM_CTRL ? 1 : -1;
        if (k >= 0 && !said_pct[k] && chosen[k] != NULL && r != chosen[k] &&
            tm_record_is_outcome(r) && row_outcome(doc, s, r) &&
            strcmp(r->type, type) == 0 && same_str(r->timepoint, timepoint) &&
            has_value(r) && has_value(chosen[k]) &&
            !is_type(chosen[k], "_deaths") &&
            fabs(r->value - chosen[k]->value) > 1e-9) {
            snprintf(msg, sizeof msg, "%s: the text also gives %g%%",
                     pct_col[k], r->value);
            flag(&w->check, msg);
            said_pct[k] = true;
        }
        if (k >= 0 && !said_n[k] && is_type(r, "sample_size") && has_value(r)) {
            double n = chosen[k] != NULL && (chosen[k]->has & TM_HAS_TOTAL)
                           ? (double)chosen[k]->total
                       : size[k] != NULL && has_value(size[k]) ? size[k]->value
                                                               : -1;

            if (n >= 0 && fabs(r->value - n) > 1e-9) {
                snprintf(msg, sizeof msg, "%s: the text also gives %g",
                         n_col[k], r->value);
                flag(&w->check, msg);
                said_n[k] = true;
            }
        }
        if (!said_e && w->e != NULL && r != w->e && is_type(r, "effect") &&
            has_value(r) && has_value(w->e)) {
            const char *rt = row_type(r);

            if (rt != NULL && strcmp(rt, type) == 0 &&
                same_str(r->timepoint, timepoint) &&
                fabs(r->value - w->e->value) > 1e-9) {
                snprintf(msg, sizeof msg,
                         "effect_value, ci_low, ci_high: the text also "
                         "gives %g",
                         r->value);
                flag(&w->check, msg);
                said_e = true;
            }
        }
    }
}

/* The row of study g for outcome (type, timepoint); type NULL for the
 * row of a study without outcomes. */
static enum tm_status
study_row(struct tm_studies *st, const struct tm_doc *doc, const struct val *v,
          size_t nv, const struct study *s, size_t g, const char *type,
          const char *timepoint, struct tm_err *err)
{
    struct row w;
    size_t i;
    bool order = false, other = false;
    enum tm_status rc;

    memset(&w, 0, sizeof w);
    w.trial = is_own(doc, s) ? st->trial : NULL;
    tm_buf_init(&w.notes, 0);
    tm_buf_init(&w.source, 0);
    tm_buf_init(&w.check, 0);
    /* An arm's (or the whole trial's) outcome: the first value that
     * prints its counts ("22/39 (56%)", "Three of the nine"), else the
     * first value ("54%"): percentages elsewhere do not shadow the
     * results' counts. */
    for (i = 0; i < nv && type != NULL; i++) {
        const struct tm_record *r = v[i].r;
        const struct tm_record **slot = v[i].arm == ARM_TREAT  ? &w.t
                                        : v[i].arm == ARM_CTRL ? &w.c
                                                               : &w.all;

        if (v[i].group == g && *slot == NULL && tm_record_is_outcome(r) &&
            row_outcome(doc, s, r) && strcmp(r->type, type) == 0 &&
            same_str(r->timepoint, timepoint) && (r->has & TM_HAS_EVENTS) &&
            (r->has & TM_HAS_TOTAL)) {
            *slot = r;
            order |= v[i].by_order;
            other |= v[i].by_other;
            use(&w, r);
        }
    }
    for (i = 0; i < nv; i++) {
        const struct tm_record *r = v[i].r;

        if (v[i].group != g)
            continue;
        if (type != NULL && tm_record_is_outcome(r) && row_outcome(doc, s, r) &&
            strcmp(r->type, type) == 0 && same_str(r->timepoint, timepoint)) {
            const struct tm_record **slot = v[i].arm == ARM_TREAT  ? &w.t
                                            : v[i].arm == ARM_CTRL ? &w.c
                                                                   : &w.all;

            if (*slot == NULL) {
                *slot = r;
                order |= v[i].by_order;
                other |= v[i].by_other;
                use(&w, r);
            }
        } else if (is_type(r, "sample_size")) {
            const struct tm_record **slot =
                v[i].arm == ARM_TREAT                                ? &w.nt
                : v[i].arm == ARM_CTRL                               ? &w.nc
                : r->scope == NULL || strcmp(r->scope, "total") == 0 ? &w.n
                                                                     : NULL;

            if (slot == NULL && r->scope != NULL &&
                strcmp(r->scope, "subgroup") == 0)
                slot = &w.nsub;
            if (slot != NULL && *slot == NULL) {
                *slot = r;
                if (slot == &w.n || slot == &w.nsub)
                    use(&w, r);
            }
        } else if (is_type(r, "dose")) {
            bool cells = r->unit != NULL && strstr(r->unit, "cells") != NULL;

            if (w.dose == NULL || (cells && (w.dose->unit == NULL ||
                                             !strstr(w.dose->unit, "cells"))))
                w.dose = r;
        }
    }
    /* An arm still without deaths takes a count of its deaths. */
    for (i = 0; i < nv && type != NULL && strcmp(type, "mortality") == 0 &&
                w.trial != NULL;
         i++) {
        const struct tm_record *r = v[i].r;
        const struct tm_record **slot = v[i].arm == ARM_TREAT  ? &w.t
                                        : v[i].arm == ARM_CTRL ? &w.c
                                                               : NULL;

        if (v[i].group == g && slot != NULL && *slot == NULL &&
            arm_deaths(st, r) &&
            (timepoint == NULL || same_str(r->timepoint, timepoint))) {
            *slot = r;
            use(&w, r);
        }
    }
    /* The effect estimate of the comparison: the first after an arm's
     * value in its sentence ("70 [0.7%] vs 86 [0.8%]; RR 0.81
     * [0.59-1.10]"), else the first estimate of this outcome and
     * timepoint (an estimate whose sentence names the outcome). */
    {
        size_t sents[4], ns = 0, k;

        for (i = 0; i < nv && type != NULL && ns < 3; i++)
            if (v[i].r == w.t || v[i].r == w.c)
                sents[ns++] = v[i].sent;
        for (i = 0; i < nv && ns > 0 && w.e == NULL; i++) {
            if (v[i].group != g || !is_type(v[i].r, "effect"))
                continue;
            for (k = 0; k < ns; k++)
                if (v[i].sent == sents[k] &&
                    (v[i].r->start > (w.t ? w.t->start : 0) ||
                     v[i].r->start > (w.c ? w.c->start : 0)))
                    w.e = v[i].r;
        }
        for (i = 0; i < nv && type != NULL && w.e == NULL; i++) {
            const char *rt = row_type(v[i].r);

            if (v[i].group == g && is_type(v[i].r, "effect") && rt != NULL &&
                strcmp(rt, type) == 0 && same_str(v[i].r->timepoint, timepoint))
                w.e = v[i].r;
        }
        use(&w, w.e);
        /* The p-value: the first in an outcome's or the estimate's
         * sentence (linear: the sentences are looked up once). */
        ns = 0;
        for (i = 0; i < nv && type != NULL && ns < 4; i++)
            if (v[i].r == w.t || v[i].r == w.c || v[i].r == w.all ||
                v[i].r == w.e)
                sents[ns++] = v[i].sent;
        for (i = 0; i < nv && ns > 0 && w.p == NULL; i++) {
            if (v[i].group != g || !is_type(v[i].r, "p_value"))
                continue;
            for (k = 0; k < ns; k++)
                if (v[i].sent == sents[k])
                    w.p = v[i].r;
        }
    }
    use(&w, w.p);
    use(&w, w.dose);
    if (order) {
        note(&w, "arms from order (treatment vs control as written)");
        flag(&w.check, "arms: assigned by order");
    }
    if (st->truncated)
        note(&w, "document has over 20000 values: only the first tabulated");
    if (other) {
        note(&w, "one arm named, the other value taken as the other arm");
        flag(&w.check, "arms: one named, the other by elimination");
    }
    flag_other_values(&w, doc, s, v, nv, g, type, timepoint);
    rc = write_row(st, doc, s, type, timepoint, &w, err);
    tm_buf_clear(&w.notes);
    tm_buf_clear(&w.source);
    tm_buf_clear(&w.check);
    return rc;
}

/* Is v[i] an estimate in the sentence of its study's arm values of the
 * same outcome ("30% with A and 40% with placebo (risk ratio 0.75
 * ...)")?  Their row takes it (study_row), whatever timepoint each
 * carries, and it starts no row of its own.  v is in text order, so the
 * values of v[i]'s sentence stand next to it. */
static bool
arms_estimate(const struct tm_doc *doc, const struct study *s,
              const struct val *v, size_t nv, size_t i)
{
    const char *type = row_type(v[i].r);
    size_t lo = i, hi = i + 1, k;

    if (!is_type(v[i].r, "effect") || type == NULL)
        return false;
    while (lo > 0 && v[lo - 1].sent == v[i].sent)
        lo--;
    while (hi < nv && v[hi].sent == v[i].sent)
        hi++;
    for (k = lo; k < hi; k++)
        if (k != i && v[k].group == v[i].group && v[k].arm != ARM_NONE &&
            tm_record_is_outcome(v[k].r) && row_outcome(doc, s, v[k].r) &&
            strcmp(v[k].r->type, type) == 0)
            return true;
    return false;
}

static enum tm_status
write_study(struct tm_studies *st, const struct tm_doc *doc,
            const struct val *v, size_t nv, const struct study *s, size_t g,
            struct tm_err *err)
{
    size_t i, k;
    bool any_outcome = false, any_size = false, mortality = false;
    bool deaths = false;
    const char *deaths_when = NULL; /* the first count of deaths' timepoint */
    /* Which values start no row (arms_estimate), worked out once: the
     * loop below asks it of every earlier value of each one. */
    bool *no_row = tm_xcalloc(nv ? nv : 1, sizeof *no_row);
    enum tm_status rc = TM_OK;

    for (i = 0; i < nv; i++)
        no_row[i] = v[i].group == g && arms_estimate(doc, s, v, nv, i);
    for (i = 0; i < nv && rc == TM_OK; i++) {
        const struct tm_record *r = v[i].r;
        const char *type = row_type(r);
        bool seen = false;

        if (v[i].group != g)
            continue;
        if (type != NULL && tm_record_is_outcome(r) && !row_outcome(doc, s, r))
            type = NULL;
        if (is_type(r, "sample_size") || is_type(r, "dose"))
            any_size = true;
        mortality |= type != NULL && strcmp(type, "mortality") == 0;
        if (is_own(doc, s) && arm_deaths(st, r) && !deaths) {
            deaths = true;
            deaths_when = r->timepoint;
        }
        if (type == NULL)
            continue;
        any_outcome = true;
        /* One row per outcome and timepoint, at its first value that
         * starts one. */
        for (k = 0; k < i && !seen; k++)
            seen = v[k].group == g && row_type(v[k].r) != NULL &&
                   (!tm_record_is_outcome(v[k].r) ||
                    row_outcome(doc, s, v[k].r)) &&
                   strcmp(row_type(v[k].r), type) == 0 &&
                   same_str(v[k].r->timepoint, r->timepoint) && !no_row[k];
        if (!seen && !no_row[i] &&
            study_row(st, doc, v, nv, s, g, type, r->timepoint, err) != TM_OK)
            rc = err->code;
    }
    free(no_row);
    if (rc != TM_OK)
        return rc;
    /* Counts of deaths in the arms make a row of their own only when no
     * other value of the study says how many died. */
    if (deaths && !mortality)
        return study_row(st, doc, v, nv, s, g, "mortality", deaths_when, err);
    if (!any_outcome && any_size)
        return study_row(st, doc, v, nv, s, g, NULL, NULL, err);
    return TM_OK;
}

static enum arm
arm_of(const struct tm_record *r)
{
    if (r->scope != NULL && strcmp(r->scope, "control") == 0)
        return ARM_CTRL;
    if (r->scope != NULL && strcmp(r->scope, "treatment") == 0)
        return ARM_TREAT;
    return ARM_NONE;
}

static enum conn
conn_of(const struct tm_record *r)
{
    if (r->scope != NULL && strcmp(r->scope, "versus") == 0)
        return CONN_VERSUS;
    if (r->scope != NULL && strcmp(r->scope, "respectively") == 0)
        return CONN_RESPECTIVELY;
    if (r->scope != NULL && strcmp(r->scope, "next") == 0)
        return CONN_NEXT;
    if (r->scope != NULL && strcmp(r->scope, "from") == 0)
        return CONN_FROM;
    if (r->scope != NULL && strcmp(r->scope, "pair") == 0)
        return CONN_PAIR;
    if (r->scope != NULL && strcmp(r->scope, "change") == 0)
        return CONN_CHANGE;
    return CONN_NONE;
}

/* A document's values, arm mentions and connectives, each sorted by
 * offset; at most MAX_DOC_VALUES values (*truncated says if more). */
struct collected {
    struct val *v;
    struct mention *m, *c;
    size_t nv, nm, nc;
    bool truncated;
    /* Mentions of the trial's arms by name, found in the text (the
     * records the mentions in m point to; type, scope unset). */
    struct tm_record *named;
    size_t nnamed;
};

/* How much of an arm's label names it in the text: its first word
 * ("formoterol" of "formoterol 4.5 μg", "Simvastatin" of
 * "Simvastatin-allocated"), letters, digits and inner hyphens, at least 3
 * bytes, or all of "group C" / "arm B"; 0 when the label has none. */
static size_t
arm_word(const char *label)
{
    size_t n = 0;

    /* "group C", "arm B", "Group II": the letter names the arm, so the
     * whole label is its name. */
    if ((strncasecmp(label, "group ", 6) == 0 ||
         strncasecmp(label, "arm ", 4) == 0) &&
        strlen(label) <= 12)
        return strlen(label);

    while (label[n] != '\0' &&
           (isalnum((unsigned char)label[n]) ||
            (unsigned char)label[n] >= 0x80 ||
            (label[n] == '-' && n > 0 && isalnum((unsigned char)label[n + 1]))))
        n++;
    return n >= 3 ? n : 0;
}

/* Does the mention [a, b) overlap one of m[0..nm) (sorted by start)? */
static bool
overlaps_mention(const struct mention *m, size_t nm, size_t a, size_t b)
{
    size_t lo = 0, hi = nm;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (m[mid].r->end <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < nm && m[lo].r->start < b;
}

/* How much of arm k's label names it in the text: its word (arm_word);
 * its whole label when an arm on the other side has the same word
 * ("bimatoprost PF" against "bimatoprost": the word names neither);
 * 0 when it has none or an earlier arm on its side has the same word
 * (two doses of one drug: that arm's name stands for both). */
static size_t
arm_name_len(const struct tm_trial *trial, size_t k)
{
    const struct tm_trial_arm *a = &trial->arms[k];
    size_t w = arm_word(a->label), j;
    bool other_side = false;

    if (a->inside)
        return 0;

    for (j = 0; j < trial->narms && w > 0; j++) {
        const struct tm_trial_arm *b = &trial->arms[j];

        if (j == k || arm_word(b->label) != w ||
            strncasecmp(b->label, a->label, w) != 0)
            continue;
        if (b->control != a->control)
            other_side = true;
        else if (j < k)
            return 0;
    }
    return other_side ? strlen(a->label) : w;
}

/* Does [at, at + w) stand inside an occurrence of the whole label of an
 * arm on the other side ("formoterol" in "budesonide/formoterol (n = 58)":
 * the name of the control inside the treatment's)? */
static bool
inside_other_label(const struct tm_doc *doc, const struct tm_trial *trial,
                   size_t k, size_t at, size_t w)
{
    size_t j;

    for (j = 0; j < trial->narms; j++) {
        const char *l = trial->arms[j].label;
        size_t n = strlen(l), p;

        if (j == k || n <= w ||
            trial->arms[j].control == trial->arms[k].control)
            continue;
        p = tm_text_next_word(doc->text, doc->len, at > n ? at - n : 0, l, n);
        if (p <= at && p + n >= at + w)
            return true;
    }
    return false;
}

/* Every whole-word occurrence of a trial arm's name in the text, as an
 * arm mention on that arm's side, unless a pattern already found a
 * mention there or it is part of another arm's label.  Counted first, so the
 * records they need (which the mentions point into) are allocated once, to
 * size. */
static void
named_arms(const struct tm_doc *doc, const struct tm_trial *trial,
           const struct tm_spans *sent, struct collected *out)
{
    size_t k, nm0 = out->nm, nctrl = 0, nhits = 0, cap = 0, i;
    struct hit {
        size_t arm, at, len;
    } *hits = NULL;

    /* Only when the sides are known: a control arm and a treatment arm. */
    for (k = 0; k < trial->narms; k++)
        nctrl += trial->arms[k].control;
    if (nctrl == 0 || nctrl == trial->narms)
        return;
    /* Find the names once (each search reads the whole text), then make
     * the records the mentions point into in one allocation, to size. */
    for (k = 0; k < trial->narms; k++) {
        const struct tm_trial_arm *a = &trial->arms[k];
        size_t w0 = arm_name_len(trial, k), at;
        int form;

        /* The name, its plural ("MSCs" for "MSC") and its singular
         * ("MSC" for "MSCs"), one pass over the text each. */
        for (form = 0; form < 3 && w0 > 0; form++) {
            char buf[64];
            const char *name;
            size_t w =
                tm_text_name_form(a->label, w0, form, buf, sizeof buf, &name);

            for (at = w > 0 ? tm_text_next_word(doc->text, doc->len, 0, name, w)
                            : doc->len;
                 at < doc->len;
                 at = tm_text_next_word(doc->text, doc->len, at + w, name, w)) {
                if (overlaps_mention(out->m, nm0, at, at + w) ||
                    inside_other_label(doc, trial, k, at, w))
                    continue;
                if (nhits == cap) {
                    cap = cap ? cap * 2 : 16;
                    hits = tm_xreallocarray(hits, cap, sizeof *hits);
                }
                hits[nhits].arm = k;
                hits[nhits].at = at;
                hits[nhits].len = w;
                nhits++;
            }
        }
    }
    if (nhits == 0)
        return;
    out->named = tm_xcalloc(nhits, sizeof *out->named);
    out->m = tm_xreallocarray(out->m, nm0 + nhits, sizeof *out->m);
    for (i = 0; i < nhits; i++) {
        const struct tm_trial_arm *a = &trial->arms[hits[i].arm];
        size_t at = hits[i].at, w = hits[i].len;
        struct tm_record *r = &out->named[out->nnamed++];

        r->start = at;
        r->end = at + w;
        r->group = a->label;
        out->m[out->nm].r = r;
        out->m[out->nm].sent = tm_spans_find(sent, at);
        out->m[out->nm].arm = a->control ? ARM_CTRL : ARM_TREAT;
        out->m[out->nm].conn = CONN_NONE;
        out->nm++;
    }
    free(hits);
    qsort(out->m, out->nm, sizeof *out->m, cmp_mention);
}

static void
collect(const struct tm_doc *doc, const struct tm_records *recs,
        const struct tm_spans *sent, const struct tm_trial *trial,
        struct collected *out)
{
    struct val *v;
    struct mention *m, *c;
    size_t nv = 0, nm = 0, nc = 0, i;

    v = tm_xreallocarray(NULL, recs->n, sizeof *v);
    m = tm_xreallocarray(NULL, recs->n + 1, sizeof *m);
    c = tm_xreallocarray(NULL, recs->n, sizeof *c);
    for (i = 0; i < recs->n; i++) {
        const struct tm_record *r = &recs->v[i];
        size_t s = tm_spans_find(sent, r->start);
        struct mention me = {r, s, arm_of(r), conn_of(r)};

        if (is_type(r, "_arm")) {
            if (me.arm != ARM_NONE)
                m[nm++] = me;
            else if (me.conn != CONN_NONE)
                c[nc++] = me;
        } else if ((r->type[0] != '_' || is_type(r, "_deaths")) &&
                   r->derived == NULL) {
            /* A mortality derived from a death count (trial.c) is not a
             * value of its own here: the count's _deaths record is. */
            memset(&v[nv], 0, sizeof v[nv]);
            v[nv].r = r;
            v[nv].sent = s;
            nv++;
        }
    }
    if (nv > 1)
        qsort(v, nv, sizeof *v, cmp_val);
    out->truncated = nv > MAX_DOC_VALUES;
    if (nv > MAX_DOC_VALUES)
        nv = MAX_DOC_VALUES;
    if (nm > 1)
        qsort(m, nm, sizeof *m, cmp_mention);
    if (nc > 1)
        qsort(c, nc, sizeof *c, cmp_mention);
    out->v = v;
    out->nv = nv;
    out->m = m;
    out->nm = nm;
    out->c = c;
    out->nc = nc;
    out->named = NULL;
    out->nnamed = 0;
    if (trial != NULL && trial->narms > 0)
        named_arms(doc, trial, sent, out);
}

static void
collected_free(struct collected *cl)
{
    free(cl->v);
    free(cl->m);
    free(cl->c);
    free(cl->named);
}

void
tm_studies_link_arms(const struct tm_doc *doc, struct tm_records *recs,
                     struct tm_sentences *sentences,
                     const struct tm_trial *trial)
{
    const struct tm_spans *sent;
    struct collected cl;
    struct val *v;
    size_t i;
    bool mentions = trial != NULL && trial->narms > 0, values = false;

    /* Every document passes here: without an arm mention or connective,
     * or without a value to link, skip the sentence split and sorting. */
    for (i = 0; i < recs->n && !(mentions && values); i++) {
        mentions |= is_type(&recs->v[i], "_arm");
        values |= armable(&recs->v[i]);
    }
    if (!mentions || !values)
        return;
    sent = tm_sentences_get(sentences);
    collect(doc, recs, sent, trial, &cl);
    v = cl.v;
    assign_arms(doc->text, sent, v, cl.nv, cl.m, cl.nm, cl.c, cl.nc);
    for (i = 0; i < cl.nv; i++) {
        struct tm_record *r = &recs->v[v[i].r - recs->v];

        r->arm = (unsigned char)v[i].arm;
        r->arm_how = v[i].by_order   ? TM_ARM_BY_ORDER
                     : v[i].by_other ? TM_ARM_BY_OTHER
                                     : TM_ARM_BY_NAME;
        if (v[i].src != NULL && r->group == NULL && v[i].src->r->group)
            r->group = tm_xstrdup(v[i].src->r->group);
    }
    collected_free(&cl);
}

/* Has the trial model anything to say? */
static bool
trial_found(const struct tm_trial *t)
{
    return t != NULL && (t->registry != NULL || t->design != NULL ||
                         t->narms > 0 || t->has_total);
}

/* ------------------------------------------------------------------ */
/* Rows from typed tables                                              */
/* ------------------------------------------------------------------ */

/* Does the word list of a (letters and digits, case folded, words of
 * three or more) share a word with b?  "Simvastatin-allocated (10,269)"
 * and "simvastatin"; "SLED" and "SLED-BD". */
static bool
shares_word(const char *a, const char *b)
{
    const char *p = a;

    while (*p != '\0') {
        size_t n = 0, i;

        while (*p != '\0' && !isalnum((unsigned char)*p) &&
               (unsigned char)*p < 0x80)
            p++;
        while (isalnum((unsigned char)p[n]) || (unsigned char)p[n] >= 0x80)
            n++;
        if (n >= 3 && !isdigit((unsigned char)*p))
            for (i = 0; b[i] != '\0'; i++) {
                bool start = i == 0 || !isalnum((unsigned char)b[i - 1]);

                if (start && strncasecmp(b + i, p, n) == 0 &&
                    !isalnum((unsigned char)b[i + n]))
                    return true;
            }
        p += n;
    }
    return false;
}

/* Does column hold label as a phrase of whole words ("30 mg" in
 * "Meloxicam IV 30 mg")? */
static bool
holds_phrase(const char *column, const char *label)
{
    size_t n = strlen(label), len = strlen(column);

    return n >= 2 && tm_text_next_word(column, len, 0, label, n) < len;
}

/* The one arm of t whose label is a phrase of name (or, both_ways, whose
 * label holds name as a phrase), or -1 (none, or two). */
static long
arm_by_phrase(const struct tm_trial *t, const char *name, bool both_ways)
{
    long hit = -1;
    size_t i;

    for (i = 0; t != NULL && i < t->narms; i++)
        if (holds_phrase(name, t->arms[i].label) ||
            (both_ways && holds_phrase(t->arms[i].label, name))) {
            if (hit >= 0)
                return -1;
            hit = (long)i;
        }
    return hit;
}

/* The trial arm a column names, or -1: the one arm whose whole label the
 * column holds ("Meloxicam IV 30 mg" is arm "30 mg", not "60 mg"), else
 * the one arm that shares a word with it. */
static long
column_arm(const struct tm_trial *t, const char *column)
{
    size_t i;
    long hit = -1;

    const char *tail = column, *sl;

    /* The column's own name, under any spanning header ("Double-blind
     * period / 10 mg": "10 mg", a phrase of arm "drug Z 10 mg"). */
    while ((sl = strstr(tail, " / ")) != NULL)
        tail = sl + 3;
    /* The own name first ("Overall effect comparing X and usual care /
     * X" names X, though its header names both), then the whole name. */
    hit = arm_by_phrase(t, tail, true);
    if (hit < 0)
        hit = arm_by_phrase(t, column, false);
    if (hit >= 0)
        return hit;

    for (i = 0; t != NULL && i < t->narms; i++)
        if (shares_word(t->arms[i].label, column) ||
            shares_word(column, t->arms[i].label)) {
            if (hit >= 0)
                return -1; /* two arms: the name decides nothing */
            hit = (long)i;
        }
    return hit;
}

/* Do two column names stand under the same spanning header ("DB period
 * / Abatacept" and "DB period / Placebo", not "OLE / Abatacept")?  parse.c
 * joins a spanning header to its column with " / "; names without one
 * are under the same (no) header. */
static bool
same_header(const char *a, const char *b)
{
    const char *sa = strstr(a, " / "), *sb = strstr(b, " / ");

    if (sa == NULL || sb == NULL)
        return sa == NULL && sb == NULL;
    return sa - a == sb - b && strncmp(a, b, (size_t)(sa - a)) == 0;
}

/* The trial's one control arm, or -1 (none, or several). */
static long
only_control(const struct tm_trial *t)
{
    size_t i;
    long hit = -1;

    for (i = 0; i < t->narms; i++)
        if (t->arms[i].control) {
            if (hit >= 0)
                return -1;
            hit = (long)i;
        }
    return hit;
}

/* One side of a table row: its cell and what is known of its size. */
struct side {
    const struct tm_table_cell *cell;
    long arm; /* trial arm, or -1 */
};

/* Did the cell print a percentage ("15 (18)"), not only a count ("2/20")? */
static bool
printed_pct(const struct tm_doc *doc, const struct tm_record *r)
{
    return memchr(doc->text + r->start, '(', r->end - r->start) != NULL ||
           memchr(doc->text + r->start, '[', r->end - r->start) != NULL;
}

static void
put_side(struct tm_studies *st, const struct tm_doc *doc, const struct side *sd,
         bool *has_n, long long *n, bool *pct)
{
    const struct tm_record *r = sd->cell->count;

    *has_n = false;
    if (r->has & TM_HAS_TOTAL) {
        *n = r->total;
        *has_n = true;
    } else if (sd->cell->n > 0) {
        /* The column's header ("PG (n=46)"): the table's population. */
        *n = sd->cell->n;
        *has_n = true;
    } else if (sd->arm >= 0 && st->trial->arms[sd->arm].n > 0) {
        *n = st->trial->arms[sd->arm].n;
        *has_n = true;
    }
    *pct = has_value(r) && printed_pct(doc, r);
}

/* Do events of n disagree with the printed percentage? */
static bool
conflicts(const struct tm_record *r, bool has_n, long long n, bool pct)
{
    double tol;

    if (!has_n || !pct || n <= 0 || !(r->has & TM_HAS_EVENTS))
        return false;
    tol = 0.5 * pow(10, -decimals(r->value)) + 0.05;
    return fabs(100.0 * (double)r->events / (double)n - r->value) > tol;
}

/* Does the name of the column the record r stands under in row tr (the
 * text from its cell's start to " = ") hold the words name? */
static bool
column_holds(const struct tm_doc *doc, const struct tm_table_row *tr,
             const struct tm_record *r, const char *name)
{
    size_t a = r->start, eq;
    char *col;
    bool holds;

    /* The cell: back to the " | " before the record (which may start at
     * the column's name, "Rate ratio (95% CI) / A vs C = 0.87 ..."). */
    while (a > tr->start &&
           !(a >= tr->start + 3 && memcmp(doc->text + a - 3, " | ", 3) == 0))
        a--;
    for (eq = a; eq + 3 <= r->end && memcmp(doc->text + eq, " = ", 3) != 0;)
        eq++;
    if (eq + 3 > r->end || eq <= a)
        return false;
    col = tm_xstrndup(doc->text + a, eq - a);
    holds = holds_phrase(col, name);
    free(col);
    return holds;
}

/* The estimate of row tr for treatment column t: of a row of several
 * estimates, one per comparison ("Respimat 2.5 μg vs HandiHaler = 0.87
 * (...) | Respimat 5 μg vs HandiHaler = 0.79 (...)"), the one whose
 * column names t's arm; else the row's first. */
static const struct tm_record *
side_effect(const struct tm_doc *doc, const struct tm_table_row *tr,
            const struct side *t)
{
    const char *own = t->cell->column, *sl;
    const struct tm_record *hit = NULL;
    size_t i, k;
    bool named = false;

    if (tr->neffects < 2)
        return tr->effect;
    while ((sl = strstr(own, " / ")) != NULL)
        own = sl + 3;
    for (i = 0; i < tr->neffects; i++) {
        if (column_holds(doc, tr, tr->effects[i], own)) {
            if (hit != NULL)
                return NULL; /* two estimates name it: which is unclear */
            hit = tr->effects[i];
        }
        for (k = 0; k < tr->narms && !named; k++)
            named = column_holds(doc, tr, tr->effects[i], tr->arms[k].column);
    }
    /* None names t's arm: the row's first estimate, unless the estimates
     * name arms (then they are other comparisons'). */
    return hit != NULL ? hit : named ? NULL : tr->effect;
}

/* Did neither arm of the comparison die ("Arteriosclerosis | A = 0 (0.0)
 * | B = 1 (0.0) | C = 0 (0.0)": A against C), with no estimate for it? */
static bool
no_events(const struct side *t, const struct side *c, const struct tm_record *e)
{
    const struct tm_record *a = t->cell->count, *b = c->cell->count;

    return e == NULL && (a->has & TM_HAS_EVENTS) && a->events == 0 &&
           (b->has & TM_HAS_EVENTS) && b->events == 0;
}

/* A comparison without deaths is dropped only where it is one of many:
 * a cause of death, or a pair of arms of a trial of three or more.  A
 * two-arm trial's only death row, 0 vs 0, is a result (a meta-analysis
 * of risk differences uses it). */
static bool
drop_no_events(const struct tm_table_row *tr, const struct side *t,
               const struct side *c, const struct tm_record *e)
{
    return (tr->narms > 2 || tr->kind == TM_TROW_DEATH) && no_events(t, c, e);
}

static enum tm_status
write_table_row(struct tm_studies *st, const struct tm_doc *doc,
                const struct tm_table_row *tr, const struct side *t,
                const struct side *c, const char *check, struct tm_err *err)
{
    struct tm_buf *b = &st->line;
    struct tm_buf chk, src;
    const struct tm_record *e = side_effect(doc, tr, t), *p = tr->p;
    const struct side *sides[2] = {t, c};
    bool has_n[2], pct[2];
    long long n[2] = {0, 0};
    char empty[1] = "";
    struct study own = {empty, NULL, NULL};
    size_t k;
    enum tm_status rc;

    if (drop_no_events(tr, t, c, e))
        return TM_OK;
    if (write_header(st, err) != TM_OK)
        return err->code;
    tm_buf_init(&chk, 0);
    tm_buf_init(&src, 0);
    if (check != NULL)
        flag(&chk, check);
    flag_secondary(st->trial, &chk);
    for (k = 0; k < 2; k++) {
        put_side(st, doc, sides[k], &has_n[k], &n[k], &pct[k]);
        if (conflicts(sides[k]->cell->count, has_n[k], n[k], pct[k]))
            flag(&chk, k == 0 ? "pct_treatment: events/n disagree"
                              : "pct_control: events/n disagree");
    }
    tm_buf_printf(&src, "%s row@%zu-%zu", tr->section, tr->start, tr->end);
    src_reset(st);
    for (k = 0; k < 2; k++) {
        const struct tm_record *r = sides[k]->cell->count;

        if ((r->has & TM_HAS_EVENTS) && tr->kind != TM_TROW_SURVIVAL)
            set_src(st, k == 0 ? COL_EVENTS_T : COL_EVENTS_C, r, "events");
        if (has_n[k] && (r->has & TM_HAS_TOTAL))
            set_src(st, k == 0 ? COL_N_T : COL_N_C, r, "total");
        if (pct[k])
            set_src(st, k == 0 ? COL_PCT_T : COL_PCT_C, r, "value");
    }
    set_src(st, COL_P, has_value(p) ? p : NULL, "value");
    set_src(st, COL_P_CMP, p && p->comparator ? p : NULL, "comparator");
    set_src(st, COL_EFFECT_MEASURE, e && e->measure ? e : NULL, "measure");
    set_src(st, COL_EFFECT, has_value(e) ? e : NULL, "value");
    set_src(st, COL_CI_LOW, e && (e->has & TM_HAS_CI_LOW) ? e : NULL, "ci_low");
    set_src(st, COL_CI_HIGH, e && (e->has & TM_HAS_CI_HIGH) ? e : NULL,
            "ci_high");
    flag_corrected(st, &chk);
    tm_buf_reset(b);
    tm_csv_field(b, doc->id, strlen(doc->id), st->csv);
    put_str(st, NULL);
    put_str(st, doc->id);
    put_str(st, tr->kind == TM_TROW_SURVIVAL ? "survival" : "mortality");
    put_str(st, tr->timepoint);
    put_sep(b); /* n_total */
    put_sep(b); /* n_subgroup */
    for (k = 0; k < 2; k++) {
        const struct tm_record *r = sides[k]->cell->count;

        /* Events are deaths: a survival row's count is of survivors. */
        put_int(b,
                (r->has & TM_HAS_EVENTS) != 0 && tr->kind != TM_TROW_SURVIVAL,
                r->events);
        put_int(b, has_n[k], n[k]);
    }
    for (k = 0; k < 2; k++)
        put_pct(b, pct[k], sides[k]->cell->count->value);
    put_sep(b); /* pct_overall */
    put_num(b, has_value(p), p ? p->value : 0);
    put_str(st, p ? p->comparator : NULL);
    put_sep(b); /* dose */
    put_sep(b);
    put_str(st, NULL);
    put_str(st, src.data);
    if (tr->narms > 2) {
        /* One comparison of several: its two arms, as the trial model
         * names them, else as the columns do. */
        const struct tm_trial *tt = st->trial;
        struct arm_pick pick[2];

        for (k = 0; k < 2; k++) {
            long a = sides[k]->arm;

            pick[k].label = tt != NULL && a >= 0 ? tt->arms[a].label
                                                 : sides[k]->cell->column;
            pick[k].n = tt != NULL && a >= 0 ? tt->arms[a].n : 0;
        }
        put_trial_arms(st, doc, &own, pick);
    } else {
        put_trial(st, doc, &own);
    }
    put_str(st, tr->label);
    put_str(st, tr->analysis);
    put_sep(b); /* subgroup */
    put_str(st, e ? e->measure : NULL);
    put_num(b, has_value(e), e ? e->value : 0);
    put_num(b, e && (e->has & TM_HAS_CI_LOW), e ? e->ci_low : 0);
    put_num(b, e && (e->has & TM_HAS_CI_HIGH), e ? e->ci_high : 0);
    put_str(st, chk.len ? chk.data : NULL);
    tm_buf_putc(b, '\n');
    st->rows++;
    st->own_row = true;
    tm_buf_clear(&chk);
    tm_buf_clear(&src);
    rc = write_line(st, err);
    if (rc == TM_OK)
        rc = row_done(st, doc, err);
    return rc;
}

/* The rows of one table row: each treatment arm against the control.
 * Arms come from the column names matched to the trial's arms; when the
 * trial names no control, or a column names no arm, two columns are read
 * in the order written and the check column says so. */
static enum tm_status
table_rows(struct tm_studies *st, const struct tm_doc *doc,
           const struct tm_table_row *tr, struct tm_err *err)
{
    const struct tm_trial *t = st->trial;
    struct side sd[16];
    size_t n = tr->narms < 16 ? tr->narms : 16, k, ctrl = n, nctrl = 0;
    bool control = t != NULL && has_control(t);
    long col_arm[16];

    /* The control column: the trial's control arm by name, or a column
     * named as a control ("PBO"). */
    for (k = 0; k < n; k++) {
        sd[k].cell = &tr->arms[k];
        sd[k].arm = col_arm[k] = column_arm(t, tr->arms[k].column);
    }
    /* Two columns under one header read as one arm ("Respimat 2.5 μg"
     * and "Respimat 5 μg" both sharing words with the arm "Respimat 2.5
     * µg"): the names decide nothing, and each column keeps its own. */
    for (k = 0; k < n; k++) {
        size_t j;

        for (j = 0; j < n && col_arm[k] >= 0; j++)
            if (j != k && col_arm[j] == col_arm[k] &&
                same_header(tr->arms[j].column, tr->arms[k].column)) {
                sd[k].arm = -1;
                break;
            }
    }
    for (k = 0; k < n; k++) {
        if (tr->arms[k].control && sd[k].arm < 0 && control)
            sd[k].arm = only_control(t); /* "PBO": the trial's placebo */
        if ((control && sd[k].arm >= 0 && t->arms[sd[k].arm].control) ||
            tr->arms[k].control) {
            ctrl = k;
            nctrl++;
        }
    }
    if (nctrl == 1) {
        enum tm_status rc = TM_OK;

        for (k = 0; k < n && rc == TM_OK; k++) {
            const char *check = NULL;

            if (k == ctrl ||
                !same_header(tr->arms[k].column, tr->arms[ctrl].column))
                continue;
            if (sd[k].arm < 0) {
                /* Two columns, one the control: the other is the other;
                 * more, and an unnamed column is no arm the trial model
                 * knows (one row per comparison, flagged) when the control
                 * was named by its column, else skipped. */
                if (n > 2 && control)
                    continue;
                check = n > 2 ? "arms: treatment column not a known arm"
                              : "arms: treatment column by elimination";
            }
            if (tr->control_by_comparison)
                check = "arms: control named by the comparison columns";
            rc = write_table_row(st, doc, tr, &sd[k], &sd[ctrl], check, err);
        }
        return rc;
    }
    if (n != 2 || nctrl > 1)
        return TM_OK;
    /* A trial of one treatment and one control, a column named as the
     * treatment and one that names no arm ("Group S"): the other column
     * is the control, by elimination (flagged). */
    for (k = 0; control && t->narms == 2 && k < 2; k++)
        if (sd[k].arm >= 0 && !t->arms[sd[k].arm].control &&
            sd[1 - k].arm < 0 &&
            same_header(sd[0].cell->column, sd[1].cell->column)) {
            sd[1 - k].arm = only_control(t);
            return write_table_row(st, doc, tr, &sd[k], &sd[1 - k],
                                   "arms: control column by elimination", err);
        }
    /* No control by name: the trial's order of its arms, else the
     * columns' order. */
    if (sd[0].arm >= 0 && sd[1].arm >= 0 && sd[1].arm < sd[0].arm)
        return write_table_row(st, doc, tr, &sd[1], &sd[0],
                               "arms: assigned by order", err);
    return write_table_row(st, doc, tr, &sd[0], &sd[1],
                           "arms: assigned by order", err);
}

/* Rank of a table row in the document's order of rows: deaths from
 * any cause first (ITT before per-protocol), then the rest. */
static int
table_rank(const struct tm_table_row *tr)
{
    if (tr->kind != TM_TROW_ALLCAUSE)
        return 2;
    return tr->analysis != NULL && strcmp(tr->analysis, "ITT") != 0;
}

static enum tm_status
write_tables(struct tm_studies *st, const struct tm_doc *doc,
             const struct tm_tables *tables, bool first, struct tm_err *err)
{
    size_t i;
    int rank;
    enum tm_status rc = TM_OK;

    for (rank = first ? 0 : 2; rank <= (first ? 1 : 2); rank++)
        for (i = 0; tables != NULL && i < tables->n && rc == TM_OK; i++)
            if (table_rank(&tables->rows[i]) == rank)
                rc = table_rows(st, doc, &tables->rows[i], err);
    return rc;
}

enum tm_status
tm_studies_add(struct tm_studies *st, const struct tm_doc *doc,
               const struct tm_records *recs, const struct tm_trial *trial,
               const struct tm_tables *tables, struct tm_err *err)
{
    struct collected cl;
    struct val *v;
    struct study *ss = NULL;
    size_t nv, ns = 0, i;
    enum tm_status rc = TM_OK;
    char empty[1] = "";
    struct study own = {empty, NULL, NULL};

    st->truncated = false;
    st->trial = trial;
    st->own_row = false;
    rc = write_tables(st, doc, tables, true, err);
    if (rc != TM_OK)
        return rc;
    if (recs->n == 0)
        goto tables_rest;
    tm_sentences_reset(&st->sent, doc->text, doc->len);
    collect(doc, recs, tm_sentences_get(&st->sent), NULL, &cl);
    v = cl.v;
    st->truncated = cl.truncated;
    /* A value in a typed table row was read with its row. */
    for (i = 0, nv = 0; i < cl.nv; i++)
        if (tables == NULL || !tm_tables_covers(tables, v[i].r->start))
            v[nv++] = v[i];
    /* Arms as tm_studies_link_arms set them on the records. */
    for (i = 0; i < nv; i++) {
        v[i].arm = (enum arm)v[i].r->arm;
        v[i].by_order =
            v[i].arm != ARM_NONE && v[i].r->arm_how == TM_ARM_BY_ORDER;
        v[i].by_other =
            v[i].arm != ARM_NONE && v[i].r->arm_how == TM_ARM_BY_OTHER;
    }
    for (i = 0; i < nv; i++)
        v[i].group = find_study(&ss, &ns, v[i].r);
    for (i = 0; i < ns && rc == TM_OK; i++)
        rc = write_study(st, doc, v, nv, &ss[i], i, err);
    for (i = 0; i < ns; i++)
        free(ss[i].key);
    free(ss);
    collected_free(&cl);
    if (rc != TM_OK)
        return rc;
tables_rest:
    rc = write_tables(st, doc, tables, false, err);
    if (rc != TM_OK)
        return rc;
    /* A trial with nothing tabulated yet still has its row: a reader
     * looking for the document finds its design and arms. */
    if (!st->own_row && trial_found(trial))
        rc = study_row(st, doc, NULL, 0, &own, 0, NULL, NULL, err);
    return rc;
}
