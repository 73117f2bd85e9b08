/* SPDX-License-Identifier: MIT */
/*
 * emit: JSON Lines, CSV and TSV writers.
 *
 * All three formats share one column list, so a field added to records
 * shows up everywhere at once.  Lines are assembled in a reused buffer and
 * written with one fwrite, which keeps a record whole even if a later
 * write fails.
 */
#include "config.h"
#include "emit.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static const char replacement_char[] = "\xEF\xBF\xBD"; /* U+FFFD */

bool
tm_format_parse(const char *s, enum tm_format *out)
{
    if (strcmp(s, "jsonl") == 0 || strcmp(s, "json") == 0)
        *out = TM_FMT_JSONL;
    else if (strcmp(s, "csv") == 0)
        *out = TM_FMT_CSV;
    else if (strcmp(s, "tsv") == 0)
        *out = TM_FMT_TSV;
    else if (strcmp(s, "bioc") == 0)
        *out = TM_FMT_BIOC;
    else
        return false;
    return true;
}

void
tm_json_string(struct tm_buf *b, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0;

    tm_buf_putc(b, '"');
    while (i < len) {
        unsigned c = p[i];
        size_t n;
        const char *esc = NULL;
        char ubuf[8];

        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            run++;
            continue;
        }
        /* Flush the run of plain ASCII before handling this byte. */
        tm_buf_append(b, p + i - run, run);
        run = 0;
        switch (c) {
        case '"':
            esc = "\\\"";
            break;
        case '\\':
            esc = "\\\\";
            break;
        case '\n':
            esc = "\\n";
            break;
        case '\r':
            esc = "\\r";
            break;
        case '\t':
            esc = "\\t";
            break;
        case '\b':
            esc = "\\b";
            break;
        case '\f':
            esc = "\\f";
            break;
        default:
            break;
        }
        if (esc != NULL) {
            tm_buf_puts(b, esc);
            i++;
            continue;
        }
        if (c < 0x20) {
            snprintf(ubuf, sizeof ubuf, "\\u%04x", c);
            tm_buf_puts(b, ubuf);
            i++;
            continue;
        }
        n = tm_utf8_seq_len(p + i, len - i);
        if (n == 0) {
            tm_buf_puts(b, replacement_char);
            i++;
        } else if (n == 3 && p[i] == 0xE2 && p[i + 1] == 0x80 &&
                   (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
            /* U+2028/U+2029 are valid JSON but break JavaScript readers. */
            tm_buf_puts(b, p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
            i += 3;
        } else {
            tm_buf_append(b, p + i, n);
            i += n;
        }
    }
    tm_buf_append(b, p + i - run, run);
    tm_buf_putc(b, '"');
}

/* Append n in decimal, as "%llu" prints it, without printf's cost: a
 * record carries up to a dozen integers and offsets. */
static void
put_unsigned(struct tm_buf *b, unsigned long long n)
{
    char tmp[24];
    size_t i = sizeof tmp;

    do {
        tmp[--i] = (char)('0' + n % 10);
        n /= 10;
    } while (n > 0);
    tm_buf_append(b, tmp + i, sizeof tmp - i);
}

/* The same for "%lld". */
static void
put_signed(struct tm_buf *b, long long n)
{
    if (n < 0) {
        tm_buf_putc(b, '-');
        put_unsigned(b, 0 - (unsigned long long)n);
    } else {
        put_unsigned(b, (unsigned long long)n);
    }
}

/*
 * The significant digits of v written as a short decimal M / 10^k (k 1 to
 * 15, M below 2^53, at most 15 digits), or 0 if it is none.  M and 10^k
 * are exact doubles and one division rounds correctly, so M / 10^k == v
 * says that decimal reads back as v.  A decimal of at most DBL_DIG (15)
 * digits comes back from a double unchanged, so no shorter decimal reads
 * back as v, and the digit count is the precision the shortest %g form
 * needs.  (Subnormals have fewer bits than DBL_DIG assumes.)
 */
static int
decimal_digits(double v)
{
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3, 1e4,  1e5,
                                   1e6,  1e7,  1e8,  1e9, 1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15};
    double a = fabs(v);
    int k, n;

    if (!(a >= DBL_MIN))
        return 0;
    for (k = 1; k <= 15; k++) {
        double t = a * pow10[k];
        uint64_t m;

        if (t >= 9007199254740992.0) /* 2^53 */
            return 0;
        m = (uint64_t)(t + 0.5);
        if (m == 0 || (double)m / pow10[k] != a)
            continue;
        while (m % 10 == 0)
            m /= 10;
        for (n = 0; m > 0; m /= 10)
            n++;
        return n <= 15 ? n : 0;
    }
    return 0;
}

void
tm_json_number(struct tm_buf *b, double v)
{
    char tmp[40];
    int prec;

    if (!isfinite(v)) {
        /* Extraction never produces these; keep the output valid JSON. */
        tm_buf_puts(b, "0");
        return;
    }
    if (v == 0) {
        tm_buf_puts(b, "0");
        return;
    }
    /* Whole numbers as integers (1000000, not 1e+06) while exact: below
     * 1e15 the conversion is exact and prints what "%.0f" would. */
    if (fabs(v) < 1e15 && v == floor(v)) {
        put_signed(b, (long long)v);
        return;
    }
    /* Otherwise the shortest %g form that reads back exactly: 0.09, not
     * 0.089999999999999997.  Most values are short decimals ("12.5"),
     * whose precision is known without trying each one (two snprintf and
     * strtod calls on average, 4,600 instructions a number). */
    prec = decimal_digits(v);
    if (prec > 0) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v) {
            tm_buf_puts(b, tmp);
            return;
        }
    }
    for (prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    tm_buf_puts(b, tmp);
}

/* Append s with invalid UTF-8 replaced by U+FFFD. */
static void
append_clean_utf8(struct tm_buf *b, const char *s, size_t len, bool tsv)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;

    while (i < len) {
        size_t n = tm_utf8_seq_len(p + i, len - i);

        if (n == 0) {
            tm_buf_puts(b, replacement_char);
            i++;
        } else if (tsv && (p[i] == '\t' || p[i] == '\n' || p[i] == '\r')) {
            /* TSV has no quoting: a tab or line break would split the
             * row, so it becomes a space. */
            tm_buf_putc(b, ' ');
            i++;
        } else {
            tm_buf_append(b, p + i, n);
            i += n;
        }
    }
}

/* Would a spreadsheet take this text cell for a formula? */
static bool
starts_formula(const char *s, size_t len)
{
    return len > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' ||
                       s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

void
tm_csv_field(struct tm_buf *b, const char *s, size_t len, enum tm_csv_mode mode)
{
    size_t i;
    bool quote = false;

    for (i = 0; i < len; i++) {
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r') {
            quote = true;
            break;
        }
    }
    if (quote)
        tm_buf_putc(b, '"');
    /* The guard goes inside the quotes, so the field still parses as one
     * RFC 4180 field and R reads "'=" back as text. */
    if (mode != TM_CSV_RAW && starts_formula(s, len))
        tm_buf_putc(b, '\'');
    if (!quote) {
        append_clean_utf8(b, s, len, false);
        return;
    }
    for (i = 0; i < len;) {
        size_t j = i;

        while (j < len && s[j] != '"')
            j++;
        append_clean_utf8(b, s + i, j - i, false);
        if (j < len) {
            tm_buf_puts(b, "\"\"");
            j++;
        }
        i = j;
    }
    tm_buf_putc(b, '"');
}

/*
 * The one column list.  Each column knows how to find its value in a
 * record; a column whose value is absent is omitted from JSON and left
 * empty in CSV/TSV.
 */
enum col_kind { COL_STR, COL_NUM, COL_INT, COL_OFF, COL_TEXT, COL_REPAIRS };

struct column {
    const char *name;
    enum col_kind kind;
    size_t offset; /* of the field in struct tm_record */
    unsigned flag; /* TM_HAS_* bit for numbers, 0 if always present */
};

#define STR_COL(f)                                                             \
    {                                                                          \
#f, COL_STR, offsetof(struct tm_record, f), 0                          \
    }

static const struct column columns[] = {
    {"doc", COL_STR, offsetof(struct tm_record, doc), 0},
    STR_COL(section),
    STR_COL(type),
    {"value", COL_NUM, offsetof(struct tm_record, value), TM_HAS_VALUE},
    {"value_high", COL_NUM, offsetof(struct tm_record, value_high),
     TM_HAS_VALUE_HIGH},
    {"spread", COL_NUM, offsetof(struct tm_record, spread), TM_HAS_SPREAD},
    STR_COL(unit),
    STR_COL(comparator),
    STR_COL(scope),
    STR_COL(group),
    STR_COL(timepoint),
    {"events", COL_INT, offsetof(struct tm_record, events), TM_HAS_EVENTS},
    {"total", COL_INT, offsetof(struct tm_record, total), TM_HAS_TOTAL},
    STR_COL(study),
    STR_COL(study_ref),
    {"text", COL_TEXT, 0, 0},
    {"start", COL_OFF, offsetof(struct tm_record, start), 0},
    {"end", COL_OFF, offsetof(struct tm_record, end), 0},
    STR_COL(pattern),
    {"repairs", COL_REPAIRS, offsetof(struct tm_record, repairs), 0},
    /* Effect estimates (new columns go last: scripts index by position). */
    STR_COL(measure),
    {"ci_low", COL_NUM, offsetof(struct tm_record, ci_low), TM_HAS_CI_LOW},
    {"ci_high", COL_NUM, offsetof(struct tm_record, ci_high), TM_HAS_CI_HIGH},
    {"ci_level", COL_NUM, offsetof(struct tm_record, ci_level),
     TM_HAS_CI_LEVEL},
    /* Values derived across the document (trial.c). */
    STR_COL(derived),
};
#define NCOLUMNS (sizeof columns / sizeof columns[0])

/* Is the column present in r?  Sets *s and *len for string-like columns. */
static bool
column_value(const struct column *c, const struct tm_record *r, const char **s,
             size_t *len)
{
    const char *base = (const char *)r;

    switch (c->kind) {
    case COL_STR:
        *s = *(const char *const *)(base + c->offset);
        if (*s == NULL)
            return false;
        *len = strlen(*s);
        return true;
    case COL_TEXT:
        *s = r->text;
        *len = r->end - r->start;
        return r->text != NULL;
    case COL_NUM:
    case COL_INT:
        return (r->has & c->flag) != 0;
    case COL_OFF:
        return true;
    case COL_REPAIRS:
        return r->repairs.n > 0;
    }
    return false;
}

static void
format_scalar(struct tm_buf *b, const struct column *c,
              const struct tm_record *r)
{
    const char *base = (const char *)r;

    switch (c->kind) {
    case COL_NUM:
        tm_json_number(b, *(const double *)(base + c->offset));
        break;
    case COL_INT:
        put_signed(b, *(const long long *)(base + c->offset));
        break;
    case COL_OFF:
        put_unsigned(b, *(const size_t *)(base + c->offset));
        break;
    default:
        break;
    }
}

static void
format_json(struct tm_buf *b, const struct tm_record *r)
{
    size_t i, k;
    bool first = true;

    tm_buf_putc(b, '{');
    for (i = 0; i < NCOLUMNS; i++) {
        const struct column *c = &columns[i];
        const char *s = NULL;
        size_t len = 0;

        if (!column_value(c, r, &s, &len))
            continue;
        if (!first)
            tm_buf_putc(b, ',');
        first = false;
        /* The names are lower-case words: nothing to escape. */
        tm_buf_putc(b, '"');
        tm_buf_puts(b, c->name);
        tm_buf_append(b, "\":", 2);
        if (c->kind == COL_STR || c->kind == COL_TEXT) {
            tm_json_string(b, s, len);
        } else if (c->kind == COL_REPAIRS) {
            tm_buf_putc(b, '[');
            for (k = 0; k < r->repairs.n; k++) {
                if (k > 0)
                    tm_buf_putc(b, ',');
                tm_json_string(b, r->repairs.v[k], strlen(r->repairs.v[k]));
            }
            tm_buf_putc(b, ']');
        } else {
            format_scalar(b, c, r);
        }
    }
    /* A reviewer's corrections (corrections.h): JSON Lines says which
     * values are the reviewer's; CSV and TSV keep their columns. */
    if (r->corrected != 0) {
        unsigned bit;
        bool any = false;

        tm_buf_puts(b, ",\"reviewed\":true");
        for (bit = 1; bit < TM_CORR_ACCEPTED; bit <<= 1) {
            if (!(r->corrected & bit) || tm_record_corr_name(bit) == NULL)
                continue;
            tm_buf_puts(b, any ? "," : ",\"corrected\":[");
            tm_json_string(b, tm_record_corr_name(bit),
                           strlen(tm_record_corr_name(bit)));
            any = true;
        }
        if (any)
            tm_buf_putc(b, ']');
    }
    tm_buf_puts(b, "}\n");
}

static void
format_delimited(struct tm_buf *b, const struct tm_record *r, bool tsv,
                 enum tm_csv_mode em_csv)
{
    size_t i, k;

    for (i = 0; i < NCOLUMNS; i++) {
        const struct column *c = &columns[i];
        const char *s = NULL;
        size_t len = 0;

        if (i > 0)
            tm_buf_putc(b, tsv ? '\t' : ',');
        if (!column_value(c, r, &s, &len))
            continue;
        if (c->kind == COL_STR || c->kind == COL_TEXT) {
            if (tsv)
                append_clean_utf8(b, s, len, true);
            else
                tm_csv_field(b, s, len, em_csv);
        } else if (c->kind == COL_REPAIRS) {
            struct tm_buf joined;

            tm_buf_init(&joined, 0);
            for (k = 0; k < r->repairs.n; k++) {
                if (k > 0)
                    tm_buf_putc(&joined, ';');
                tm_buf_puts(&joined, r->repairs.v[k]);
            }
            if (tsv)
                append_clean_utf8(b, joined.data, joined.len, true);
            else
                tm_csv_field(b, joined.data, joined.len, em_csv);
            tm_buf_clear(&joined);
        } else {
            format_scalar(b, c, r);
        }
    }
    /* RFC 4180 ends records with CRLF; TSV keeps the Unix convention. */
    tm_buf_puts(b, tsv ? "\n" : "\r\n");
}

static void
format_header(struct tm_buf *b, bool tsv)
{
    size_t i;

    for (i = 0; i < NCOLUMNS; i++) {
        if (i > 0)
            tm_buf_putc(b, tsv ? '\t' : ',');
        tm_buf_puts(b, columns[i].name);
    }
    tm_buf_puts(b, tsv ? "\n" : "\r\n");
}

void
tm_emit_init(struct tm_emitter *em, FILE *out, const char *name,
             enum tm_format fmt)
{
    em->fmt = fmt;
    em->out = out;
    em->name = name;
    em->header_done = false;
    em->csv = TM_CSV_SAFE;
    tm_buf_init(&em->line, 0);
}

void
tm_emit_clear(struct tm_emitter *em)
{
    tm_buf_clear(&em->line);
}

static enum tm_status
write_line(struct tm_emitter *em, struct tm_err *err)
{
    if (em->line.len > 0 &&
        fwrite(em->line.data, 1, em->line.len, em->out) != em->line.len)
        return tm_err_set(err, TM_ERR_IO, "write error on %s: %s", em->name,
                          strerror(errno));
    return TM_OK;
}

enum tm_status
tm_emit_record(struct tm_emitter *em, const struct tm_record *r,
               struct tm_err *err)
{
    tm_buf_reset(&em->line);
    if (em->fmt != TM_FMT_JSONL && !em->header_done) {
        format_header(&em->line, em->fmt == TM_FMT_TSV);
        em->header_done = true;
    }
    if (em->fmt == TM_FMT_JSONL)
        format_json(&em->line, r);
    else
        format_delimited(&em->line, r, em->fmt == TM_FMT_TSV, em->csv);
    return write_line(em, err);
}

/* ---- BioC JSON ---------------------------------------------------- */

/* The collection's opening, up to the documents array. */
static void
bioc_head(struct tm_buf *b)
{
    tm_buf_puts(b, "{\"source\":\"trialmine " PACKAGE_VERSION
                   "\",\"date\":\"\",\"key\":\"trialmine.key\","
                   "\"infons\":{},\"documents\":[\n");
}

static void
bioc_infon(struct tm_buf *b, bool *first, const char *key, const char *s,
           size_t len)
{
    if (!*first)
        tm_buf_putc(b, ',');
    *first = false;
    tm_json_string(b, key, strlen(key));
    tm_buf_putc(b, ':');
    tm_json_string(b, s, len);
}

/* An offset to convert from bytes to code points, and where to put it. */
struct cp_slot {
    size_t byte;
    size_t *out;
};

static int
cmp_slot(const void *a, const void *b)
{
    const struct cp_slot *x = a, *y = b;

    return x->byte < y->byte ? -1 : x->byte > y->byte;
}

/* Convert every slot's byte offset into text to a code point offset, in
 * one pass over the text. */
static void
to_code_points(const char *text, size_t len, struct cp_slot *s, size_t n)
{
    size_t i, pos = 0, cp = 0;

    qsort(s, n, sizeof *s, cmp_slot);
    for (i = 0; i < n; i++) {
        size_t end = s[i].byte < len ? s[i].byte : len;

        for (; pos < end; pos++)
            if (((unsigned char)text[pos] & 0xC0) != 0x80)
                cp++;
        *s[i].out = cp;
    }
}

static void
bioc_annotation(struct tm_buf *b, const struct tm_record *r, size_t id,
                size_t cp_start, size_t cp_end)
{
    struct tm_buf num;
    bool first = true;
    size_t i;

    tm_buf_init(&num, 0);
    tm_buf_printf(b, "{\"id\":\"%zu\",\"infons\":{", id);
    for (i = 0; i < NCOLUMNS; i++) {
        const struct column *c = &columns[i];
        const char *s = NULL;
        size_t len = 0;

        if (c->kind == COL_TEXT || c->kind == COL_OFF ||
            strcmp(c->name, "doc") == 0 || !column_value(c, r, &s, &len))
            continue;
        if (c->kind == COL_STR) {
            bioc_infon(b, &first, c->name, s, len);
        } else if (c->kind == COL_REPAIRS) {
            size_t k;

            tm_buf_reset(&num);
            for (k = 0; k < r->repairs.n; k++) {
                if (k > 0)
                    tm_buf_puts(&num, "; ");
                tm_buf_puts(&num, r->repairs.v[k]);
            }
            bioc_infon(b, &first, c->name, num.data, num.len);
        } else {
            tm_buf_reset(&num);
            format_scalar(&num, c, r);
            bioc_infon(b, &first, c->name, num.data, num.len);
        }
    }
    tm_buf_reset(&num);
    tm_buf_printf(&num, "%zu", r->start);
    bioc_infon(b, &first, "byte_start", num.data, num.len);
    tm_buf_reset(&num);
    tm_buf_printf(&num, "%zu", r->end);
    bioc_infon(b, &first, "byte_end", num.data, num.len);
    tm_buf_puts(b, "},\"text\":");
    tm_json_string(b, r->text ? r->text : "", r->text ? r->end - r->start : 0);
    tm_buf_printf(b, ",\"locations\":[{\"offset\":%zu,\"length\":%zu}]}",
                  cp_start, cp_end - cp_start);
    tm_buf_clear(&num);
}

/* One document: a passage per section (a text file's one section is the
 * whole file), annotations in the passage their start falls in. */
static void
format_bioc_doc(struct tm_buf *b, const struct tm_doc *d,
                const struct tm_records *recs)
{
    size_t nsec = d->nsections > 0 ? d->nsections : 1, i, k, n = 0, id = 0;
    size_t *sec_cp = tm_xcalloc(nsec * 2, sizeof *sec_cp);
    size_t *rec_cp = tm_xcalloc(recs->n * 2 + 1, sizeof *rec_cp);
    struct cp_slot *slots =
        tm_xcalloc(nsec * 2 + recs->n * 2 + 1, sizeof *slots);

    for (i = 0; i < nsec; i++) {
        slots[n].byte = d->nsections > 0 ? d->sections[i].start : 0;
        slots[n++].out = &sec_cp[2 * i];
        slots[n].byte = d->nsections > 0 ? d->sections[i].end : d->len;
        slots[n++].out = &sec_cp[2 * i + 1];
    }
    for (k = 0; k < recs->n; k++) {
        slots[n].byte = recs->v[k].start;
        slots[n++].out = &rec_cp[2 * k];
        slots[n].byte = recs->v[k].end;
        slots[n++].out = &rec_cp[2 * k + 1];
    }
    to_code_points(d->text, d->len, slots, n);
    tm_buf_puts(b, "{\"id\":");
    tm_json_string(b, d->id, strlen(d->id));
    tm_buf_puts(b, ",\"infons\":{");
    {
        bool first = true;

        if (d->title != NULL)
            bioc_infon(b, &first, "title", d->title, strlen(d->title));
        if (d->source != NULL)
            bioc_infon(b, &first, "source", d->source, strlen(d->source));
    }
    tm_buf_puts(b, "},\"passages\":[");
    for (i = 0; i < nsec; i++) {
        size_t start = d->nsections > 0 ? d->sections[i].start : 0;
        size_t end = d->nsections > 0 ? d->sections[i].end : d->len;
        const char *name = d->nsections > 0 ? d->sections[i].name : "text";
        bool any = false;

        if (i > 0)
            tm_buf_putc(b, ',');
        tm_buf_puts(b, "{\"infons\":{\"type\":");
        tm_json_string(b, name, strlen(name));
        tm_buf_printf(b, "},\"offset\":%zu,\"text\":", sec_cp[2 * i]);
        tm_json_string(b, d->text + start, end - start);
        tm_buf_puts(b, ",\"sentences\":[],\"annotations\":[");
        for (k = 0; k < recs->n; k++) {
            const struct tm_record *r = &recs->v[k];

            if (r->type[0] == '_' || r->start < start || r->start >= end ||
                (d->nsections > 0 &&
                 tm_doc_section_at(d, r->start) != &d->sections[i]))
                continue;
            if (any)
                tm_buf_putc(b, ',');
            any = true;
            bioc_annotation(b, r, ++id, rec_cp[2 * k], rec_cp[2 * k + 1]);
        }
        tm_buf_puts(b, "],\"relations\":[]}");
    }
    tm_buf_puts(b, "],\"annotations\":[],\"relations\":[]}");
    free(sec_cp);
    free(rec_cp);
    free(slots);
}

enum tm_status
tm_emit_doc_records(struct tm_emitter *em, const struct tm_doc *doc,
                    const struct tm_records *recs, struct tm_err *err)
{
    size_t i;

    if (em->fmt != TM_FMT_BIOC) {
        for (i = 0; i < recs->n; i++)
            if (recs->v[i].type[0] != '_' &&
                tm_emit_record(em, &recs->v[i], err) != TM_OK)
                return err->code;
        return TM_OK;
    }
    tm_buf_reset(&em->line);
    if (!em->header_done) {
        bioc_head(&em->line);
        em->header_done = true;
    } else {
        tm_buf_puts(&em->line, ",\n");
    }
    format_bioc_doc(&em->line, doc, recs);
    return write_line(em, err);
}

enum tm_status
tm_emit_finish(struct tm_emitter *em, struct tm_err *err)
{
    tm_buf_reset(&em->line);
    if (em->fmt == TM_FMT_BIOC) {
        if (!em->header_done)
            bioc_head(&em->line);
        em->header_done = true;
        tm_buf_puts(&em->line, "\n]}\n");
        if (write_line(em, err) != TM_OK)
            return err->code;
    } else if (em->fmt != TM_FMT_JSONL && !em->header_done) {
        format_header(&em->line, em->fmt == TM_FMT_TSV);
        em->header_done = true;
        if (write_line(em, err) != TM_OK)
            return err->code;
    }
    if (fflush(em->out) != 0 || ferror(em->out))
        return tm_err_set(err, TM_ERR_IO, "write error on %s: %s", em->name,
                          strerror(errno));
    return TM_OK;
}

static void
json_key(struct tm_buf *b, const char *key)
{
    tm_buf_putc(b, ',');
    tm_json_string(b, key, strlen(key));
    tm_buf_putc(b, ':');
}

static void
json_opt_string(struct tm_buf *b, const char *key, const char *val)
{
    if (val == NULL)
        return;
    json_key(b, key);
    tm_json_string(b, val, strlen(val));
}

static void
json_strv(struct tm_buf *b, const char *key, const struct tm_strv *sv)
{
    size_t i;

    if (sv->n == 0)
        return;
    json_key(b, key);
    tm_buf_putc(b, '[');
    for (i = 0; i < sv->n; i++) {
        if (i > 0)
            tm_buf_putc(b, ',');
        tm_json_string(b, sv->v[i], strlen(sv->v[i]));
    }
    tm_buf_putc(b, ']');
}

enum tm_status
tm_emit_doc_json(FILE *out, const char *name, const struct tm_doc *d,
                 struct tm_err *err)
{
    struct tm_buf b;
    size_t i;
    enum tm_status rc = TM_OK;

    tm_buf_init(&b, 0);
    tm_buf_puts(&b, "{\"doc\":");
    tm_json_string(&b, d->id, strlen(d->id));
    json_key(&b, "text");
    tm_json_string(&b, d->text, d->len);
    json_key(&b, "sections");
    tm_buf_putc(&b, '[');
    for (i = 0; i < d->nsections; i++) {
        const struct tm_section *s = &d->sections[i];

        if (i > 0)
            tm_buf_putc(&b, ',');
        tm_buf_puts(&b, "{\"name\":");
        tm_json_string(&b, s->name, strlen(s->name));
        tm_buf_printf(&b, ",\"start\":%zu,\"end\":%zu}", s->start, s->end);
    }
    tm_buf_putc(&b, ']');
    json_opt_string(&b, "source", d->source);
    json_opt_string(&b, "title", d->title);
    if (d->year > 0) {
        json_key(&b, "year");
        tm_buf_printf(&b, "%d", d->year);
    }
    json_opt_string(&b, "journal", d->journal);
    json_strv(&b, "publication_types", &d->pubtypes);
    json_strv(&b, "mesh", &d->mesh);
    json_opt_string(&b, "pmid", d->pmid);
    json_opt_string(&b, "pmcid", d->pmcid);
    json_opt_string(&b, "doi", d->doi);
    if (d->body_missing)
        tm_buf_puts(&b, ",\"body_missing\":true");
    if (d->ncites > 0) {
        json_key(&b, "citations");
        tm_buf_putc(&b, '[');
        for (i = 0; i < d->ncites; i++) {
            tm_buf_printf(&b, "%s{\"start\":%zu,\"end\":%zu,\"ref\":",
                          i > 0 ? "," : "", d->cites[i].start, d->cites[i].end);
            tm_json_string(&b, d->cites[i].ref_id, strlen(d->cites[i].ref_id));
            tm_buf_putc(&b, '}');
        }
        tm_buf_putc(&b, ']');
    }
    if (d->nrefs > 0) {
        json_key(&b, "references");
        tm_buf_putc(&b, '[');
        for (i = 0; i < d->nrefs; i++) {
            const struct tm_ref *r = &d->refs[i];

            tm_buf_puts(&b, i > 0 ? ",{\"id\":" : "{\"id\":");
            tm_json_string(&b, r->id ? r->id : "", r->id ? strlen(r->id) : 0);
            json_opt_string(&b, "label", r->label);
            json_opt_string(&b, "pmid", r->pmid);
            json_opt_string(&b, "doi", r->doi);
            json_opt_string(&b, "title", r->title);
            tm_buf_putc(&b, '}');
        }
        tm_buf_putc(&b, ']');
    }
    tm_buf_puts(&b, "}\n");
    if (fwrite(b.data, 1, b.len, out) != b.len)
        rc = tm_err_set(err, TM_ERR_IO, "write error on %s: %s", name,
                        strerror(errno));
    tm_buf_clear(&b);
    return rc;
}
