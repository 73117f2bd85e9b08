/* SPDX-License-Identifier: MIT */
/*
 * report: the HTML verification page, the last stage beside emit.  It
 * reads what the study table reads (a document's records, trial model
 * and tables), asks the study table for its rows through a row function
 * (so every cell knows the record and field it came from), and writes:
 *
 *   - the study table, each cell that came from a record a link to it;
 *   - a forest plot (forest.c) of the rows' ratio estimates with a CI;
 *   - each document's text, every record an element at its raw offsets.
 *
 * Text from papers is untrusted: everything goes through tm_html_text or
 * tm_html_attr (html.c), links are made only from validated identifiers, and
 * the page's Content-Security-Policy forbids every fetch, so even a mistake
 * here could not make the page load anything.  Rows and documents are
 * rendered as they come into two temporary files, joined at the end.
 */
#include "config.h"
#include "report.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corrections.h"
#include "emit.h"
#include "forest.h"
#include "html.h"
#include "sha256.h"
#include "studies.h"
#include "utf8.h"

/* Deepest nesting of overlapping records rendered as nested elements; a
 * record deeper than this is an empty element at its start, so the page
 * stays linear in size whatever the overlaps. */
#define MAX_DEPTH 32
/* Flush the pending output to its file beyond this many bytes. */
#define FLUSH_AT (256 * 1024)
/* At most this many rows in the forest plot. */
#define MAX_FOREST 500
#define MAX_TYPES 32
/* Documents listed in the document filter. */
#define MAX_DOC_OPTIONS 10000
/* Study table rows shown at a time (see on_row). */
#define ROWS_PER_PAGE 100

/* Study table columns the page reads (studies.c's order; checked by
 * name when a report is made, see columns_match). */
enum {
    C_STUDY = 0,
    C_DOC = 2,
    C_OUTCOME = 3,
    C_TIMEPOINT = 4,
    C_DESIGN = 22,
    C_STUDY_LABEL = 20,
    C_MEASURE = 31,
    C_EFFECT,
    C_CI_LOW,
    C_CI_HIGH,
    C_CHECK
};

struct tm_report {
    char *title;
    FILE *body, *table; /* temporary files */
    struct tm_buf out;  /* pending output of the file being written */
    struct tm_studies *studies;
    unsigned long ndocs, nrecs, nrows, nflagged;
    struct {
        char type[32];
        unsigned long n;
    } types[MAX_TYPES];
    size_t ntypes;
    /* The document being added. */
    const struct tm_records *recs;
    /* Per record: REC_* bits, and above them (<< REC_DUP_SHIFT) how many
     * records before it share its span and type, for its element id. */
    unsigned *recinfo;
    size_t *order; /* the shown records in document order */
    size_t norder, cap;
    struct tm_strv doc_studies; /* studies of the document in the plot */
    struct tm_forest *forest;
    struct tm_buf docopts; /* the document filter's <option>s */
    const struct tm_corrections *corrections; /* applied; borrowed */
};

enum { REC_FLAGGED = 1, REC_CITED = 2, REC_DUP_SHIFT = 2 };

/* ------------------------------------------------------------------ */
/* Output                                                              */
/* ------------------------------------------------------------------ */

static enum tm_status
flush_to(struct tm_report *rp, FILE *f, const char *name, struct tm_err *err)
{
    if (rp->out.len > 0 &&
        fwrite(rp->out.data, 1, rp->out.len, f) != rp->out.len)
        return tm_err_set(err, TM_ERR_IO, "write error on %s: %s", name,
                          strerror(errno));
    tm_buf_reset(&rp->out);
    return TM_OK;
}

static void
text(struct tm_report *rp, const char *s)
{
    if (s != NULL)
        tm_html_text(&rp->out, s, strlen(s));
}

static void
attr(struct tm_report *rp, const char *s)
{
    if (s != NULL)
        tm_html_attr(&rp->out, s, strlen(s));
}

/* A CSS class from a record type: letters, digits, _ and -, the rest _. */
static void
type_class(struct tm_buf *b, const char *type)
{
    size_t i;

    tm_buf_puts(b, "t-");
    for (i = 0; type[i] != '\0' && i < 40; i++) {
        char c = type[i];

        tm_buf_putc(b, (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                               (c >= '0' && c <= '9') || c == '-'
                           ? c
                           : '_');
    }
}

static void
count_type(struct tm_report *rp, const char *type)
{
    size_t i;

    for (i = 0; i < rp->ntypes; i++) {
        if (strcmp(rp->types[i].type, type) == 0) {
            rp->types[i].n++;
            return;
        }
    }
    if (rp->ntypes < MAX_TYPES && strlen(type) < sizeof rp->types[0].type) {
        snprintf(rp->types[rp->ntypes].type, sizeof rp->types[0].type, "%s",
                 type);
        rp->types[rp->ntypes++].n = 1;
    }
}

/* ------------------------------------------------------------------ */
/* Lifecycle                                                           */
/* ------------------------------------------------------------------ */

static enum tm_status on_row(void *ctx, const struct tm_studies_row *row,
                             struct tm_err *err);

/* Do the C_* indices name the columns this file means?  A study table
 * that moved a column would otherwise put, say, the design where the
 * plot reads the effect: a bug here, not an input error, so asserted
 * (every report test would fail on it). */
static bool
columns_match(void)
{
    static const struct {
        size_t i;
        const char *name;
    } want[] = {{C_STUDY, "study"},
                {C_DOC, "doc"},
                {C_OUTCOME, "outcome"},
                {C_TIMEPOINT, "timepoint"},
                {C_DESIGN, "design"},
                {C_STUDY_LABEL, "study_label"},
                {C_MEASURE, "effect_measure"},
                {C_EFFECT, "effect_value"},
                {C_CI_LOW, "ci_low"},
                {C_CI_HIGH, "ci_high"},
                {C_CHECK, "check"}};
    size_t n, k;
    const char *const *cols = tm_studies_columns(&n);

    for (k = 0; k < sizeof want / sizeof *want; k++)
        if (want[k].i >= n || strcmp(cols[want[k].i], want[k].name) != 0)
            return false;
    return true;
}

struct tm_report *
tm_report_new(const char *title, struct tm_err *err)
{
    struct tm_report *rp;

    assert(columns_match());
    rp = tm_xcalloc(1, sizeof *rp);

    rp->title = tm_xstrdup(title != NULL ? title : "trialmine report");
    rp->body = tmpfile();
    rp->table = rp->body != NULL ? tmpfile() : NULL;
    if (rp->table == NULL) {
        tm_err_set(err, TM_ERR_IO, "report: cannot make a temporary file: %s",
                   strerror(errno));
        tm_report_free(rp);
        return NULL;
    }
    tm_buf_init(&rp->out, 0);
    tm_buf_init(&rp->docopts, 0);
    rp->forest = tm_forest_new(MAX_FOREST);
    rp->studies = tm_studies_new(NULL, "report");
    /* Cells as they are: the page escapes them, a formula guard would
     * only show as a stray quote. */
    tm_studies_set_csv(rp->studies, TM_CSV_RAW);
    tm_studies_set_row_fn(rp->studies, on_row, rp);
    return rp;
}

void
tm_report_free(struct tm_report *rp)
{
    if (rp == NULL)
        return;
    if (rp->body != NULL)
        fclose(rp->body);
    if (rp->table != NULL)
        fclose(rp->table);
    tm_studies_free(rp->studies);
    tm_buf_clear(&rp->out);
    tm_buf_clear(&rp->docopts);
    tm_strv_clear(&rp->doc_studies);
    tm_forest_free(rp->forest);
    free(rp->recinfo);
    free(rp->order);
    free(rp->title);
    free(rp);
}

void
tm_report_set_corrections(struct tm_report *rp, const struct tm_corrections *cs)
{
    rp->corrections = cs;
}

/* The applied corrections as a hidden list the page's script reads into
 * its decisions (every field escaped: a corrections file is input too). */
static void
applied_list(struct tm_report *rp)
{
    struct tm_buf *b = &rp->out;
    struct tm_correction c;
    size_t i, n = rp->corrections ? tm_corrections_count(rp->corrections) : 0;

    tm_buf_puts(b, "<ul id=\"applied\" hidden>\n");
    for (i = 0; i < n; i++) {
        tm_corrections_get(rp->corrections, i, &c);
        tm_buf_puts(b, "<li data-doc=\"");
        attr(rp, c.doc);
        tm_buf_puts(b, "\" data-type=\"");
        attr(rp, c.type);
        tm_buf_printf(b, "\" data-span=\"%zu-%zu\" data-action=\"%s\"", c.start,
                      c.end, c.action);
        tm_buf_puts(b, " data-edit=\"");
        attr(rp, c.edit);
        tm_buf_puts(b, "\" data-note=\"");
        attr(rp, c.note);
        tm_buf_puts(b, "\" data-reviewer=\"");
        attr(rp, c.reviewer);
        tm_buf_puts(b, "\" data-date=\"");
        attr(rp, c.date);
        tm_buf_printf(b, "\" data-matched=\"%d\"></li>\n", c.matched);
    }
    tm_buf_puts(b, "</ul>\n");
}

unsigned long
tm_report_docs(const struct tm_report *rp)
{
    return rp->ndocs;
}

/* ------------------------------------------------------------------ */
/* The study table                                                     */
/* ------------------------------------------------------------------ */

/* What check says of column name: "col: reason; col, col: reason".  A
 * cell the reviewer corrected ("col: corrected") is not a flag: it has
 * been looked at.  Returns CELL_FLAG (with the first reason in why),
 * CELL_CORRECTED or CELL_PLAIN; name NULL asks about any column. */
enum cell_state { CELL_PLAIN, CELL_CORRECTED, CELL_FLAG };

static bool
is_corrected_entry(const char *p, const char *end)
{
    static const char suffix[] = ": corrected";
    size_t n = sizeof suffix - 1;

    return (size_t)(end - p) >= n && memcmp(end - n, suffix, n) == 0;
}

/* Does the entry [p, end) name column name before its colon ("name:
 * ...", or one of a list "effect_value, ci_low, ci_high: ...")? */
static bool
entry_names(const char *p, const char *end, const char *name, size_t nlen)
{
    const char *colon = memchr(p, ':', (size_t)(end - p));

    while (colon != NULL && p < colon) {
        const char *comma = memchr(p, ',', (size_t)(colon - p));
        const char *stop = comma != NULL ? comma : colon;

        while (p < stop && *p == ' ')
            p++;
        if ((size_t)(stop - p) == nlen && strncmp(p, name, nlen) == 0)
            return true;
        p = stop + 1;
    }
    return false;
}

static enum cell_state
check_state(const char *check, const char *name, const char **why,
            size_t *whylen)
{
    size_t nlen = name != NULL ? strlen(name) : 0;
    const char *p = check;
    enum cell_state st = CELL_PLAIN;

    while (*p != '\0') {
        const char *end = strstr(p, "; ");

        if (end == NULL)
            end = p + strlen(p);
        if (name == NULL || entry_names(p, end, name, nlen)) {
            if (!is_corrected_entry(p, end)) {
                *why = p;
                *whylen = (size_t)(end - p);
                return CELL_FLAG;
            }
            st = CELL_CORRECTED;
        }
        p = *end != '\0' ? end + 2 : end;
    }
    return st;
}

static bool
ratio_measure(const char *m)
{
    return strcmp(m, "RR") == 0 || strcmp(m, "HR") == 0 ||
           strcmp(m, "OR") == 0 || strcmp(m, "IRR") == 0;
}

static bool
read_num(const char *s, double *v)
{
    char *end;

    if (s[0] == '\0')
        return false;
    *v = strtod(s, &end);
    return *end == '\0' && isfinite(*v);
}

/* A record's element id, "d3r704-709-mortality": the document's place
 * in the page and the record's identity (span and type, and a count
 * when records share both), so an anchor names the same value after a
 * rerun, whatever records were added or rejected around it. */
static void
rec_id(struct tm_buf *b, const struct tm_report *rp, size_t ri)
{
    const struct tm_record *r = &rp->recs->v[ri];
    unsigned dup = rp->recinfo[ri] >> REC_DUP_SHIFT;

    tm_buf_printf(b, "d%lur%zu-%zu-", rp->ndocs, r->start, r->end);
    type_class(b, r->type);
    if (dup > 0)
        tm_buf_printf(b, "-%u", dup);
}

/* Keep a row's ratio estimate for the forest plot: a mortality or
 * survival row of a primary study (not a review's), with its CI on the
 * positive axis, and only the first of each study of the document (its
 * primary comparison, as examples/meta-analysis.R pools). */
static void
forest_add(struct tm_report *rp, const struct tm_studies_row *row,
           const struct tm_record *src)
{
    const char *const *c = row->cells;
    struct tm_buf lab, id;
    double v, lo, hi;
    size_t i;

    if (c[C_OUTCOME][0] == '\0' || !ratio_measure(c[C_MEASURE]) ||
        strcmp(c[C_DESIGN], "review") == 0 ||
        strcmp(c[C_DESIGN], "meta-analysis") == 0 ||
        !read_num(c[C_EFFECT], &v) || !read_num(c[C_CI_LOW], &lo) ||
        !read_num(c[C_CI_HIGH], &hi) || !(v > 0 && lo > 0 && hi > lo))
        return;
    for (i = 0; i < rp->doc_studies.n; i++)
        if (strcmp(rp->doc_studies.v[i], c[C_STUDY]) == 0)
            return;
    tm_strv_push(&rp->doc_studies, c[C_STUDY]);
    tm_buf_init(&lab, 0);
    tm_buf_init(&id, 0);
    tm_buf_puts(&lab, c[C_STUDY_LABEL][0] ? c[C_STUDY_LABEL] : c[C_STUDY]);
    if (c[C_TIMEPOINT][0] != '\0')
        tm_buf_printf(&lab, " %s", c[C_TIMEPOINT]);
    tm_buf_printf(&lab, " %s", c[C_OUTCOME]);
    if (src != NULL && src >= rp->recs->v && src < rp->recs->v + rp->recs->n)
        rec_id(&id, rp, (size_t)(src - rp->recs->v));
    tm_forest_add(rp->forest, lab.data, c[C_MEASURE], v, lo, hi,
                  id.len > 0 ? id.data : NULL);
    tm_buf_clear(&lab);
    tm_buf_clear(&id);
}

/* One row of the study table, as the study table hands it over. */
static enum tm_status
on_row(void *ctx, const struct tm_studies_row *row, struct tm_err *err)
{
    struct tm_report *rp = ctx;
    struct tm_buf *b = &rp->out;
    const char *check = row->cells[C_CHECK];
    size_t ncols, i;
    const char *const *cols = tm_studies_columns(&ncols);
    const char *why = NULL;
    size_t whylen = 0;
    bool flagged = check_state(check, NULL, &why, &whylen) == CELL_FLAG;

    /* The table comes in pages of ROWS_PER_PAGE rows, all but the first
     * hidden: a browser lays out a hidden tbody only when it is shown,
     * and thousands of 36-cell rows took most of a large page's opening
     * time. */
    if (rp->nrows > 0 && rp->nrows % ROWS_PER_PAGE == 0)
        tm_buf_puts(b, "</tbody>\n<tbody hidden>\n");
    tm_buf_printf(b, "<tr id=\"s%lu\" data-doc=\"d%lu\"%s>", rp->nrows,
                  rp->ndocs, flagged ? " class=\"flagged\"" : "");
    for (i = 0; i < row->ncells && i < ncols; i++) {
        const char *cell = row->cells[i];
        const struct tm_record *src = row->src[i];
        enum cell_state cs = i == C_CHECK
                                 ? CELL_PLAIN
                                 : check_state(check, cols[i], &why, &whylen);
        bool fl = cs == CELL_FLAG;

        tm_buf_puts(b, "<td");
        if (fl) {
            tm_buf_puts(b, " class=\"flag\" title=\"");
            tm_html_attr(b, why, whylen);
            tm_buf_putc(b, '"');
        } else if (cs == CELL_CORRECTED) {
            tm_buf_puts(b, " class=\"corr\" title=\"corrected by a "
                           "reviewer\"");
        } else if (i == C_CHECK && flagged) {
            tm_buf_puts(b, " class=\"flag\"");
        }
        tm_buf_putc(b, '>');
        if (src != NULL && cell[0] != '\0' && src >= rp->recs->v &&
            src < rp->recs->v + rp->recs->n) {
            size_t ri = (size_t)(src - rp->recs->v);

            if (fl)
                rp->recinfo[ri] |= REC_FLAGGED;
            rp->recinfo[ri] |= REC_CITED;
            tm_buf_puts(b, "<a href=\"#");
            rec_id(b, rp, ri);
            tm_buf_printf(b, "\" data-field=\"%s\">", row->field[i]);
            text(rp, cell);
            tm_buf_puts(b, "</a>");
        } else if (i == C_DOC) {
            tm_buf_printf(b, "<a href=\"#d%lu\">", rp->ndocs);
            text(rp, cell);
            tm_buf_puts(b, "</a>");
        } else {
            text(rp, cell);
        }
        tm_buf_puts(b, "</td>");
    }
    tm_buf_puts(b, "</tr>\n");
    rp->nrows++;
    rp->nflagged += flagged;
    forest_add(rp, row, row->src[C_EFFECT]);
    if (rp->out.len > FLUSH_AT)
        return flush_to(rp, rp->table, "the report's table", err);
    return TM_OK;
}

/* ------------------------------------------------------------------ */
/* A document's text                                                   */
/* ------------------------------------------------------------------ */

struct open_mark {
    size_t end, rec;
};

struct render {
    struct tm_report *rp;
    const struct tm_doc *doc;
    const struct tm_records *recs;
    size_t pos, sec; /* text written up to pos; next section label */
    struct open_mark stack[MAX_DEPTH];
    size_t depth;
    /* Table sections ("table/T1", rows linearized as "a | b | c" lines)
     * are written as HTML tables when no record crosses their bounds:
     * tabular[i] says which; tab is the one open, row_empty whether its
     * current row has text yet. */
    unsigned char *tabular;
    const struct tm_section *tab;
    bool row_empty, row_pending; /* a line ended: a row starts at text */
};

/* Events at the current position, outside any record: the open table
 * ends, sections start (a label; a table begins). */
static void
position_events(struct render *r)
{
    const struct tm_doc *doc = r->doc;
    struct tm_buf *b = &r->rp->out;

    if (r->tab != NULL && r->pos >= r->tab->end) {
        tm_buf_puts(b, "</td></tr></table>");
        r->tab = NULL;
    }
    while (r->sec < doc->nsections && doc->sections[r->sec].start == r->pos) {
        const struct tm_section *sec = &doc->sections[r->sec];

        if (r->tab == NULL && r->tabular[r->sec]) {
            tm_buf_puts(b, "<table class=\"doctab\"><caption><span "
                           "class=\"sec\">");
            text(r->rp, sec->name);
            tm_buf_puts(b, "</span></caption><tr><td>");
            r->tab = sec;
            r->row_empty = true;
            r->row_pending = false;
        } else {
            tm_buf_puts(b, "<span class=\"sec\">");
            text(r->rp, sec->name);
            tm_buf_puts(b, "</span>");
        }
        r->sec++;
    }
}

/* In a table, start the row a line break asked for, now that something
 * goes into it (so blank lines and a last newline make no empty rows). */
static void
start_row(struct render *r)
{
    if (r->tab != NULL && r->row_pending) {
        tm_buf_puts(&r->rp->out, "</td></tr><tr><td>");
        r->row_pending = false;
    }
}

static void
put_chunk(struct render *r, size_t from, size_t to)
{
    if (to == from)
        return;
    start_row(r);
    tm_html_text(&r->rp->out, r->doc->text + from, to - from);
    r->row_empty = false;
}

/* Write the text from the current position to x: section labels where
 * sections start outside any record, and in a table section outside any
 * record, a row at each line and a cell at each " | ". */
static void
put_text(struct render *r, size_t x)
{
    const struct tm_doc *doc = r->doc;
    struct tm_buf *b = &r->rp->out;

    for (;;) {
        size_t stop = x, q;

        /* Sections passed inside a record get no label. */
        while (r->sec < doc->nsections &&
               (doc->sections[r->sec].start < r->pos ||
                (r->depth > 0 && doc->sections[r->sec].start == r->pos)))
            r->sec++;
        if (r->depth == 0)
            position_events(r);
        if (r->pos >= x)
            break;
        if (r->sec < doc->nsections && doc->sections[r->sec].start < stop)
            stop = doc->sections[r->sec].start;
        if (r->tab != NULL && r->tab->end > r->pos && r->tab->end < stop)
            stop = r->tab->end;
        if (r->tab != NULL && r->depth == 0) {
            for (q = r->pos; q < stop; q++) {
                if (doc->text[q] == '\n' ||
                    (q + 3 <= stop && memcmp(doc->text + q, " | ", 3) == 0))
                    break;
            }
            if (q < stop) {
                put_chunk(r, r->pos, q);
                if (doc->text[q] == '\n') {
                    r->row_pending |= !r->row_empty;
                    r->row_empty = true;
                    r->pos = q + 1;
                } else {
                    start_row(r);
                    tm_buf_puts(b, "</td><td>");
                    r->row_empty = false;
                    r->pos = q + 3;
                }
                continue;
            }
        }
        if (r->tab != NULL)
            put_chunk(r, r->pos, stop);
        else
            tm_html_text(b, doc->text + r->pos, stop - r->pos);
        r->pos = stop;
    }
}

/* Which table sections can be written as tables: those no record
 * crosses in or out of (a record is one element, and an element cannot
 * span table cells). */
static void
find_tabular(struct render *r, const size_t *order, size_t n)
{
    const struct tm_doc *doc = r->doc;
    size_t i, k;

    for (i = 0; i < doc->nsections; i++) {
        const struct tm_section *sec = &doc->sections[i];

        r->tabular[i] = strncmp(sec->name, "table/", 6) == 0 &&
                        sec->end > sec->start && sec->end <= doc->len;
    }
    for (k = 0; k < n; k++) {
        const struct tm_record *rec = &r->recs->v[order[k]];

        for (i = 0; i < doc->nsections; i++) {
            const struct tm_section *sec = &doc->sections[i];

            if (r->tabular[i] &&
                ((rec->start < sec->start && rec->end > sec->start) ||
                 (rec->start < sec->end && rec->end > sec->end)))
                r->tabular[i] = 0;
        }
    }
}

static void
open_cont(struct render *r, size_t rec)
{
    struct tm_buf *b = &r->rp->out;

    tm_buf_puts(b, "<mark class=\"cont ");
    type_class(b, r->recs->v[rec].type);
    tm_buf_puts(b, "\" data-of=\"");
    rec_id(b, r->rp, rec);
    tm_buf_puts(b, "\">");
}

/* Write text up to x, closing every record that ends by then.  A record
 * that ends inside another that started later (crossing spans) cannot
 * be one element: the later ones are closed with it and reopened as
 * continuations (class cont, data-of naming their record), so each
 * record is still exactly one element with data-type. */
static void
advance(struct render *r, size_t x)
{
    while (r->depth > 0) {
        size_t m = r->stack[0].end, j, k, keep;

        for (j = 1; j < r->depth; j++)
            if (r->stack[j].end < m)
                m = r->stack[j].end;
        if (m > x)
            break;
        put_text(r, m);
        /* The lowest element that ends here: everything above it closes. */
        for (j = 0; j < r->depth && r->stack[j].end > m; j++)
            ;
        for (k = r->depth; k > j; k--)
            tm_buf_puts(&r->rp->out, "</mark>");
        for (k = j, keep = j; k < r->depth; k++) {
            if (r->stack[k].end <= m)
                continue;
            open_cont(r, r->stack[k].rec);
            r->stack[keep++] = r->stack[k];
        }
        r->depth = keep;
    }
    put_text(r, x);
}

static void
put_num(struct tm_buf *b, double v)
{
    tm_json_number(b, v);
}

/* The hover text of a record: what was read, and the repairs in it. */
static void
describe(struct tm_buf *d, const struct tm_record *rec)
{
    size_t i;

    tm_buf_puts(d, rec->type);
    if (rec->measure != NULL)
        tm_buf_printf(d, " %s", rec->measure);
    if (rec->has & TM_HAS_VALUE) {
        tm_buf_putc(d, ' ');
        if (rec->comparator != NULL && strcmp(rec->comparator, "=") != 0)
            tm_buf_puts(d, rec->comparator);
        put_num(d, rec->value);
    }
    if (rec->has & TM_HAS_VALUE_HIGH) {
        tm_buf_puts(d, "-");
        put_num(d, rec->value_high);
    }
    if (rec->unit != NULL)
        tm_buf_printf(d, " %s", rec->unit);
    if ((rec->has & TM_HAS_CI_LOW) && (rec->has & TM_HAS_CI_HIGH)) {
        tm_buf_puts(d, " [");
        put_num(d, rec->ci_low);
        tm_buf_puts(d, ", ");
        put_num(d, rec->ci_high);
        tm_buf_puts(d, "]");
    }
    if ((rec->has & TM_HAS_EVENTS) && (rec->has & TM_HAS_TOTAL))
        tm_buf_printf(d, " (%lld of %lld)", rec->events, rec->total);
    if (rec->scope != NULL)
        tm_buf_printf(d, "\nscope: %s", rec->scope);
    if (rec->group != NULL)
        tm_buf_printf(d, "\ngroup: %s", rec->group);
    if (rec->timepoint != NULL)
        tm_buf_printf(d, "\ntimepoint: %s", rec->timepoint);
    tm_buf_printf(d, "\nbytes %zu-%zu", rec->start, rec->end);
    if (rec->pattern != NULL)
        tm_buf_printf(d, "\npattern: %s", rec->pattern);
    if (rec->derived != NULL)
        tm_buf_printf(d, "\nderived: %s", rec->derived);
    for (i = 0; i < rec->repairs.n; i++) {
        /* "rule:raw->new" (or just the rule): shown raw -> repaired. */
        const char *s = rec->repairs.v[i], *colon = strchr(s, ':');
        const char *arrow = colon != NULL ? strstr(colon, "->") : NULL;

        if (arrow != NULL)
            tm_buf_printf(d, "\nrepaired: %.*s \xE2\x86\x92 %s (%.*s)",
                          (int)(arrow - colon - 1), colon + 1, arrow + 2,
                          (int)(colon - s), s);
        else
            tm_buf_printf(d, "\nrepaired (%s)", s);
    }
    if (rec->corrected & TM_CORR_ACCEPTED)
        tm_buf_puts(d, "\naccepted by a reviewer");
    else if (rec->corrected != 0)
        tm_buf_puts(d, "\ncorrected by a reviewer");
}

static void
open_mark(struct render *r, size_t ri, bool empty)
{
    const struct tm_record *rec = &r->recs->v[ri];
    struct tm_buf *b = &r->rp->out, d;

    if (r->depth == 0) {
        start_row(r);
        r->row_empty = false;
    }

    tm_buf_puts(b, "<mark id=\"");
    rec_id(b, r->rp, ri);
    tm_buf_puts(b, "\" class=\"rec ");
    type_class(b, rec->type);
    if (rec->repairs.n > 0)
        tm_buf_puts(b, " rep");
    if (r->rp->recinfo[ri] & REC_FLAGGED)
        tm_buf_puts(b, " flag");
    if (rec->corrected & TM_CORR_ACCEPTED)
        tm_buf_puts(b, " acc");
    else if (rec->corrected != 0)
        tm_buf_puts(b, " corr");
    if (empty)
        tm_buf_puts(b, " empty");
    tm_buf_puts(b, "\" data-type=\"");
    attr(r->rp, rec->type);
    tm_buf_printf(b, "\" data-start=\"%zu\" data-end=\"%zu\" tabindex=\"0\"",
                  rec->start, rec->end);
    tm_buf_init(&d, 0);
    describe(&d, rec);
    tm_buf_puts(b, " title=\"");
    tm_html_attr(b, d.data, d.len);
    tm_buf_puts(b, "\">");
    tm_buf_clear(&d);
}

/* Records in document order, the longer first where two start
 * together, so an enclosing record opens before what it encloses. */
static int
cmp_rec(const void *a, const void *b, void *ctx)
{
    const struct tm_records *recs = ctx;
    const struct tm_record *x = &recs->v[*(const size_t *)a];
    const struct tm_record *y = &recs->v[*(const size_t *)b];

    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/* Sort the shown records into document order and count, for each, the
 * records before it with the same span and type (they sort together). */
static void
prepare(struct tm_report *rp, const struct tm_records *recs)
{
    size_t i, j, n = 0;
    struct tm_buf a, b;

    for (i = 0; i < recs->n; i++) {
        rp->recinfo[i] = 0;
        if (recs->v[i].type[0] != '_')
            rp->order[n++] = i;
    }
    rp->norder = n;
    if (n > 1)
        qsort_r(rp->order, n, sizeof *rp->order, cmp_rec, (void *)recs);
    tm_buf_init(&a, 0);
    tm_buf_init(&b, 0);
    for (i = 1; i < n; i++) {
        const struct tm_record *r = &recs->v[rp->order[i]];
        unsigned dup = 0;

        for (j = i; j-- > 0;) {
            const struct tm_record *q = &recs->v[rp->order[j]];

            if (q->start != r->start || q->end != r->end)
                break;
            /* Ids use the type's class: compare those, not the types. */
            tm_buf_reset(&a);
            tm_buf_reset(&b);
            type_class(&a, q->type);
            type_class(&b, r->type);
            if (strcmp(a.data, b.data) == 0 && dup < 0xFFFF)
                dup++;
        }
        rp->recinfo[rp->order[i]] = dup << REC_DUP_SHIFT;
    }
    tm_buf_clear(&a);
    tm_buf_clear(&b);
}

static void
render_text(struct tm_report *rp, const struct tm_doc *doc,
            const struct tm_records *recs, struct tm_err *err,
            enum tm_status *rc)
{
    struct render r;
    size_t *order = rp->order, n = rp->norder, i;

    memset(&r, 0, sizeof r);
    r.rp = rp;
    r.doc = doc;
    r.recs = recs;
    r.tabular = tm_xcalloc(doc->nsections + 1, 1);
    find_tabular(&r, order, n);
    for (i = 0; i < n && *rc == TM_OK; i++) {
        const struct tm_record *rec = &recs->v[order[i]];
        size_t s = rec->start < doc->len ? rec->start : doc->len;
        size_t e = rec->end < doc->len ? rec->end : doc->len;

        if (e < s)
            e = s;
        advance(&r, s);
        if (r.depth == MAX_DEPTH || e == s) {
            /* Too deep to nest, or empty: an element at its start. */
            open_mark(&r, order[i], true);
            tm_buf_puts(&rp->out, "</mark>");
        } else {
            open_mark(&r, order[i], false);
            r.stack[r.depth].end = e;
            r.stack[r.depth++].rec = order[i];
        }
        if (rp->out.len > FLUSH_AT)
            *rc = flush_to(rp, rp->body, "the report's body", err);
    }
    advance(&r, doc->len);
    if (r.tab != NULL)
        tm_buf_puts(&rp->out, "</td></tr></table>");
    free(r.tabular);
}

static void
id_link(struct tm_report *rp, const char *label, const char *id,
        bool (*url)(struct tm_buf *, const char *))
{
    struct tm_buf u;

    if (id == NULL)
        return;
    tm_buf_init(&u, 0);
    tm_buf_printf(&rp->out, " <span class=\"id\">%s ", label);
    if (url(&u, id)) {
        tm_buf_puts(&rp->out, "<a rel=\"noopener noreferrer\" href=\"");
        tm_html_attr(&rp->out, u.data, u.len);
        tm_buf_puts(&rp->out, "\">");
        text(rp, id);
        tm_buf_puts(&rp->out, "</a>");
    } else {
        text(rp, id); /* not a valid id: shown, never linked */
    }
    tm_buf_puts(&rp->out, "</span>");
    tm_buf_clear(&u);
}

enum tm_status
tm_report_add(struct tm_report *rp, const struct tm_doc *doc,
              const struct tm_records *recs, const struct tm_trial *trial,
              const struct tm_tables *tables, struct tm_err *err)
{
    enum tm_status rc;
    size_t i, nshown = 0, nflag = 0, tlen;
    const char *title = doc->id;

    /* The title: the metadata's, else the text's title section (PubMed
     * and PMC put it there), else the document id. */
    tlen = strlen(title);
    if (doc->title != NULL && doc->title[0] != '\0') {
        title = doc->title;
        tlen = strlen(title);
    } else {
        for (i = 0; i < doc->nsections; i++) {
            const struct tm_section *sec = &doc->sections[i];

            if (strcmp(sec->name, "title") == 0 && sec->end > sec->start &&
                sec->end <= doc->len) {
                title = doc->text + sec->start;
                tlen = sec->end - sec->start;
                break;
            }
        }
    }

    rp->recs = recs;
    if (recs->n > rp->cap) {
        rp->cap = recs->n;
        rp->recinfo =
            tm_xreallocarray(rp->recinfo, rp->cap, sizeof *rp->recinfo);
        rp->order = tm_xreallocarray(rp->order, rp->cap, sizeof *rp->order);
    }
    prepare(rp, recs);
    tm_strv_clear(&rp->doc_studies);
    /* The rows first: they say which records are flagged. */
    rc = tm_studies_add(rp->studies, doc, recs, trial, tables, err);
    if (rc == TM_OK)
        rc = flush_to(rp, rp->table, "the report's table", err);
    if (rc != TM_OK)
        return rc;
    for (i = 0; i < recs->n; i++) {
        if (recs->v[i].type[0] == '_')
            continue;
        nshown++;
        nflag += (rp->recinfo[i] & REC_FLAGGED) != 0;
        count_type(rp, recs->v[i].type);
    }
    rp->nrecs += nshown;
    /* The document filter lists the first MAX_DOC_OPTIONS documents:
     * what the page keeps in memory must not grow with the input. */
    if (rp->ndocs < MAX_DOC_OPTIONS) {
        tm_buf_printf(&rp->docopts, "<option value=\"d%lu\">", rp->ndocs);
        tm_html_text(&rp->docopts, doc->id,
                     tm_utf8_floor(doc->id, strlen(doc->id) < 200
                                                ? strlen(doc->id)
                                                : 200));
        tm_buf_puts(&rp->docopts, "</option>");
    }

    tm_buf_printf(&rp->out,
                  "<details class=\"doc\" id=\"d%lu\" data-flagged=\"%d\" "
                  "data-doc=\"",
                  rp->ndocs, nflag > 0);
    attr(rp, doc->id);
    tm_buf_puts(&rp->out, "\"><summary><span class=\"id\">");
    text(rp, doc->id);
    tm_buf_puts(&rp->out, "</span> <span class=\"dt\" dir=\"auto\">");
    /* Very long titles are cut in the summary; the text has them whole. */
    tm_html_text(&rp->out, title,
                 tlen < 300 ? tlen : tm_utf8_floor(title, 300));
    tm_buf_printf(&rp->out,
                  "</span> <span class=\"dc\">%zu record%s%s</span>"
                  "</summary>\n<p class=\"ids\"><span class=\"id\">",
                  nshown, nshown == 1 ? "" : "s", nflag > 0 ? ", flagged" : "");
    text(rp, doc->id);
    tm_buf_puts(&rp->out, "</span>");
    id_link(rp, "PMID", doc->pmid, tm_html_pmid_url);
    id_link(rp, "PMCID", doc->pmcid, tm_html_pmcid_url);
    id_link(rp, "DOI", doc->doi, tm_html_doi_url);
    if (doc->journal != NULL) {
        tm_buf_puts(&rp->out, " <span class=\"id\" dir=\"auto\">");
        text(rp, doc->journal);
        tm_buf_puts(&rp->out, "</span>");
    }
    if (doc->year > 0)
        tm_buf_printf(&rp->out, " <span class=\"id\">%d</span>", doc->year);
    tm_buf_puts(&rp->out, "</p>\n<div class=\"text\" dir=\"auto\">");
    rc = TM_OK;
    render_text(rp, doc, recs, err, &rc);
    tm_buf_puts(&rp->out, "</div></details>\n");
    if (rc == TM_OK)
        rc = flush_to(rp, rp->body, "the report's body", err);
    rp->ndocs++;
    return rc;
}

/* ------------------------------------------------------------------ */
/* The page                                                            */
/* ------------------------------------------------------------------ */

#include "report-page.h"

/* A CSP source for the bytes s[0..len): 'sha256-BASE64'. */
static void
csp_hash(struct tm_buf *b, const char *s, size_t len)
{
    static const char b64[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    unsigned char d[33];
    size_t i;

    tm_sha256(s, len, d);
    d[32] = 0;
    tm_buf_puts(b, "'sha256-");
    /* 32 bytes: ten groups of three, then two bytes and one '='. */
    for (i = 0; i < 32; i += 3) {
        unsigned v = (unsigned)d[i] << 16 | (unsigned)d[i + 1] << 8 |
                     (i + 2 < 32 ? d[i + 2] : 0);

        tm_buf_putc(b, b64[v >> 18 & 63]);
        tm_buf_putc(b, b64[v >> 12 & 63]);
        tm_buf_putc(b, b64[v >> 6 & 63]);
        tm_buf_putc(b, i + 2 < 32 ? b64[v & 63] : '=');
    }
    tm_buf_putc(b, '\'');
}

static enum tm_status
copy_file(FILE *from, FILE *to, const char *name, struct tm_err *err)
{
    char chunk[65536];
    size_t n;

    if (fflush(from) != 0 || ferror(from) || fseek(from, 0, SEEK_SET) != 0)
        return tm_err_set(err, TM_ERR_IO, "report: temporary file: %s",
                          strerror(errno));
    while ((n = fread(chunk, 1, sizeof chunk, from)) > 0)
        if (fwrite(chunk, 1, n, to) != n)
            return tm_err_set(err, TM_ERR_IO, "write error on %s: %s", name,
                              strerror(errno));
    if (ferror(from))
        return tm_err_set(err, TM_ERR_IO, "report: temporary file: %s",
                          strerror(errno));
    return TM_OK;
}

enum tm_status
tm_report_write(struct tm_report *rp, FILE *out, const char *name,
                struct tm_err *err)
{
    struct tm_buf *b = &rp->out, css;
    size_t ncols, i;
    const char *const *cols = tm_studies_columns(&ncols);

    if (flush_to(rp, rp->body, "the report's body", err) != TM_OK)
        return err->code;
    tm_buf_init(&css, 0);
    tm_buf_puts(&css, page_css);
    /* A rule per type to turn its highlight off (the type filter). */
    for (i = 0; i < rp->ntypes; i++) {
        tm_buf_puts(&css, ".off-");
        type_class(&css, rp->types[i].type);
        tm_buf_puts(&css, " .");
        type_class(&css, rp->types[i].type);
        tm_buf_puts(&css, "{background:none;outline:none;border:0}\n");
    }
    tm_buf_puts(b, page_head);
    /* Nothing may be fetched, and only this page's own style sheet and
     * script may apply, named by their hashes: a string from a paper
     * that escaped escaping still could not run or restyle the page. */
    tm_buf_puts(b, "<meta http-equiv=\"Content-Security-Policy\" "
                   "content=\"default-src 'none'; style-src ");
    csp_hash(b, css.data, css.len);
    tm_buf_puts(b, "; script-src ");
    csp_hash(b, page_js, strlen(page_js));
    tm_buf_puts(b, "; img-src data:; base-uri 'none'; form-action "
                   "'none'\">\n<title>");
    text(rp, rp->title);
    tm_buf_puts(b, "</title>\n<style>");
    tm_buf_append(b, css.data, css.len);
    tm_buf_clear(&css);
    tm_buf_puts(b, "</style>\n</head>\n<body>\n<header><h1>");
    text(rp, rp->title);
    tm_buf_printf(b,
                  "</h1>\n<p class=\"sum\">%lu document%s, %lu record%s, "
                  "%lu study row%s (%lu flagged for a reviewer)</p>\n",
                  rp->ndocs, rp->ndocs == 1 ? "" : "s", rp->nrecs,
                  rp->nrecs == 1 ? "" : "s", rp->nrows,
                  rp->nrows == 1 ? "" : "s", rp->nflagged);
    tm_buf_puts(b, "<nav id=\"filters\" aria-label=\"Filters\">"
                   "<fieldset><legend>Types (records shown)</legend>");
    for (i = 0; i < rp->ntypes; i++) {
        tm_buf_puts(b, "<label><input type=\"checkbox\" checked "
                       "data-type=\"");
        attr(rp, rp->types[i].type);
        tm_buf_puts(b, "\" data-class=\"");
        type_class(b, rp->types[i].type);
        tm_buf_puts(b, "\"> <span class=\"rec ");
        type_class(b, rp->types[i].type);
        tm_buf_puts(b, "\">");
        text(rp, rp->types[i].type);
        tm_buf_puts(b, "</span> <span class=\"n\" data-count=\"");
        attr(rp, rp->types[i].type);
        tm_buf_printf(b, "\">%lu</span></label> ", rp->types[i].n);
    }
    tm_buf_puts(b, "</fieldset><fieldset><legend>Show</legend>"
                   "<label><input type=\"checkbox\" id=\"f-flag\"> flagged "
                   "only</label> <label>document <select id=\"f-doc\">"
                   "<option value=\"\">all</option>");
    tm_buf_append(b, rp->docopts.data, rp->docopts.len);
    if (rp->ndocs > MAX_DOC_OPTIONS)
        tm_buf_printf(b, "<option disabled>(the first %d of %lu)</option>",
                      MAX_DOC_OPTIONS, rp->ndocs);
    tm_buf_printf(b,
                  "</select></label> <span id=\"shown\">%lu document%s "
                  "shown</span></fieldset>",
                  rp->ndocs, rp->ndocs == 1 ? "" : "s");
    tm_buf_puts(b, page_review);
    tm_buf_puts(b, "</nav></header>\n<main>\n<section id=\"studies\">"
                   "<h2>Study table</h2>\n<p class=\"note\">Every cell read "
                   "from a record links to it; flagged cells (the "
                   "<code>check</code> column) are marked.</p>\n"
                   "<div class=\"scroll\"><table><thead><tr>");
    for (i = 0; i < ncols; i++)
        tm_buf_printf(b, "<th scope=\"col\">%s</th>", cols[i]);
    tm_buf_puts(b, "</tr></thead>\n<tbody>\n");
    if (flush_to(rp, out, name, err) != TM_OK ||
        copy_file(rp->table, out, name, err) != TM_OK)
        return err->code;
    tm_buf_puts(b, "</tbody></table></div>\n");
    if (rp->nrows > ROWS_PER_PAGE)
        tm_buf_printf(b,
                      "<p id=\"pager\"><span id=\"rows-shown\">%d</span> of "
                      "%lu rows shown <button type=\"button\" "
                      "id=\"more-rows\">Show %d more</button> <button "
                      "type=\"button\" id=\"all-rows\">Show all</button>"
                      "</p>\n",
                      ROWS_PER_PAGE, rp->nrows, ROWS_PER_PAGE);
    tm_buf_puts(b, "</section>\n<section id=\"forest\"><h2>Forest "
                   "plot</h2>\n");
    tm_forest_svg(rp->forest, &rp->out);
    tm_buf_puts(b, "</section>\n<section id=\"docs\"><h2>Documents</h2>\n"
                   "<p><button type=\"button\" id=\"open-all\">Open "
                   "all</button> <button type=\"button\" "
                   "id=\"close-all\">Close all</button></p>\n");
    if (flush_to(rp, out, name, err) != TM_OK ||
        copy_file(rp->body, out, name, err) != TM_OK)
        return err->code;
    tm_buf_puts(b, "</section>\n</main>\n");
    tm_buf_puts(b, page_panel);
    applied_list(rp);
    tm_buf_puts(b, "<script>");
    tm_buf_puts(b, page_js);
    tm_buf_puts(b, "</script>\n</body>\n</html>\n");
    if (flush_to(rp, out, name, err) != TM_OK)
        return err->code;
    if (fflush(out) != 0 || ferror(out))
        return tm_err_set(err, TM_ERR_IO, "write error on %s: %s", name,
                          strerror(errno));
    return TM_OK;
}
