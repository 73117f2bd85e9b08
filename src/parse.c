/* SPDX-License-Identifier: MIT */
/*
 * parse: PubMed XML and PMC JATS through libxml2's SAX2 push parser.
 *
 * The parser keeps a stack of open elements and, for the document being
 * read, a text buffer that grows paragraph by paragraph: titles, abstract
 * sections, body paragraphs, captions and linearized tables are appended
 * with a blank line between them, and each is recorded as a section
 * (a byte range with a name such as "abstract/RESULTS" or
 * "body/Results/Primary outcome").  Inline markup is flattened with
 * meaning kept: <sup>6</sup> becomes ^6, <sub>2</sub> becomes 2, italics
 * and bold vanish, MathML keeps its text.  White space runs collapse to
 * one space.  Metadata (ids, journal, year, publication types, MeSH) and
 * JATS reference lists are captured as fields; citations (xref
 * ref-type="bibr") are recorded with their offsets.  When a record's end
 * tag arrives the document goes to the callback and the buffers are reset,
 * so memory is bounded by the largest record, not the file.
 *
 * Untrusted input: XML_PARSE_NONET, no NOENT, no DTDLOAD, no XInclude,
 * entity references are not expanded (only predefined and character
 * references are), libxml2's depth and amplification limits stay on.
 */
#include "config.h"
#include "parse.h"

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

/* The largest text of one record we accept; larger ones are skipped. */
#define MAX_DOC_TEXT (32u << 20)
#define CHUNK (256u * 1024u)
#define NAME_MAX_LEN 40
/* Deeper nesting than this is refused: no real record comes close, and
 * libxml2's own depth check does not run in its push parser. */
#define MAX_DEPTH 256

/* Tables laid out on a grid (for column names): at most this wide and
 * this many cells; larger ones keep their rows as plain cells. */
#define MAX_TABLE_COLS 200
#define MAX_TABLE_CELLS (4u << 20)

/* What a frame of the element stack does. */
enum {
    F_PARA = 1 << 0,   /* opened a paragraph */
    F_FIELD = 1 << 1,  /* captures a metadata field */
    F_SUP = 1 << 2,    /* <sup> */
    F_SKIP = 1 << 3,   /* text below it is ignored */
    F_SEC = 1 << 4,    /* JATS sec: pushed a path component */
    F_XREF = 1 << 5,   /* xref ref-type="bibr" */
    F_RECORD = 1 << 6, /* a record (document) element */
    F_CELL = 1 << 7,   /* a table cell */
    F_MSUP = 1 << 8,   /* MathML msup / msubsup: child counting */
    F_TWRAP = 1 << 9,  /* table-wrap or fig */
    F_SECTITLE = 1 << 10
};

enum field {
    FLD_NONE,
    FLD_PMID,
    FLD_DOI,
    FLD_PMCID,
    FLD_JOURNAL,
    FLD_YEAR,
    FLD_MEDLINEDATE,
    FLD_PUBTYPE,
    FLD_MESH,
    FLD_REF_LABEL,
    FLD_REF_PMID,
    FLD_REF_DOI,
    FLD_REF_TITLE,
    FLD_SEC_TITLE,
    FLD_AUTHOR,
    FLD_DATABANK,
    FLD_ACCESSION
};

struct frame {
    char name[NAME_MAX_LEN];
    unsigned flags;
    enum field field;
    size_t mark;      /* sup: position of '^'; xref: start offset */
    int children;     /* msup: children seen */
    bool has_bibr;    /* sup: contains a bibliographic xref */
    char *rid;        /* xref: the rid attribute */
    size_t row, cell; /* td/th: the cell it opened */
};

struct cell {
    char *text;
    int colspan, rowspan;
    bool header;
};

struct row {
    struct cell *cells;
    size_t n, cap;
    bool header;
};

struct table {
    struct row *rows;
    size_t n, cap;
    bool in_head;
    struct tm_buf cell; /* text of the open cell */
};

struct parser {
    const char *path;
    tm_doc_fn fn;
    void *ctx;
    struct tm_reporter *rep;
    struct tm_err *err;
    xmlParserCtxtPtr ctxt;
    enum tm_status status; /* first failure from the callback */
    bool stop;

    struct frame *stack;
    size_t depth, cap;
    int skip;         /* > 0: inside a skipped subtree */
    int record_depth; /* stack depth of the record element, or -1 */
    unsigned long nrecords, nskipped;
    /* Records up to this number were delivered by an earlier read of the
     * file: they are parsed and counted, not delivered or warned about. */
    unsigned long skip_to;

    struct tm_doc doc;
    struct tm_buf text;
    bool too_big;
    /* JATS state */
    bool in_front, in_body, in_back, in_abstract, in_reflist, in_ref;
    struct tm_strv secpath; /* body section titles */
    char *wrap_section;     /* "table/T1" while in a table-wrap or fig */
    int para_depth;
    bool para_open;
    size_t para_start;
    char *para_section;
    bool space_pending;
    int sup_depth;
    /* the current field */
    struct tm_buf field;
    int field_depth;
    /* the current table, if any */
    struct table *tbl;
    /* the current reference */
    struct tm_ref ref;
    /* PubMed state */
    char *abstract_label;
    bool seen_title;
    bool databank_registry; /* the open DataBank is a trial registry */
};

/* PubMed DataBankName values that are trial registries: their
 * AccessionNumbers are the trial's registry ids. */
static const char *const registry_banks[] = {"ClinicalTrials.gov",
                                             "ISRCTN",
                                             "ANZCTR",
                                             "ChiCTR",
                                             "CRiS",
                                             "CTRI",
                                             "DRKS",
                                             "EudraCT",
                                             "IRCT",
                                             "JPRN",
                                             "NTR",
                                             "PACTR",
                                             "ReBec",
                                             "RPCEC",
                                             "SLCTR",
                                             "TCTR",
                                             "UMIN-CTR"};

/* ------------------------------------------------------------------ */
/* Documents                                                           */
/* ------------------------------------------------------------------ */

static void
reset_doc(struct parser *p, enum tm_doc_kind kind)
{
    tm_doc_clear(&p->doc);
    tm_doc_init(&p->doc, kind);
    tm_buf_reset(&p->text);
    p->too_big = false;
    tm_strv_clear(&p->secpath);
    TM_FREE(p->wrap_section);
    TM_FREE(p->para_section);
    TM_FREE(p->abstract_label);
    p->para_open = false;
    p->para_depth = 0;
    p->in_front = p->in_body = p->in_back = false;
    p->in_abstract = p->in_reflist = p->in_ref = false;
    p->seen_title = false;
    p->databank_registry = false;
}

/* Free a reference-list entry in progress and zero it. */
static void
clear_ref(struct tm_ref *r)
{
    free(r->id);
    free(r->label);
    free(r->pmid);
    free(r->doi);
    free(r->title);
    memset(r, 0, sizeof *r);
}

static void
set_once(char **slot, const char *val)
{
    if (*slot == NULL && val != NULL && *val != '\0')
        *slot = tm_xstrdup(val);
}

/* Deliver the finished document to the callback. */
static void
finish_doc(struct parser *p)
{
    struct tm_doc *d = &p->doc;
    struct tm_buf id, src;
    enum tm_status rc;

    p->nrecords++;
    if (p->nrecords <= p->skip_to) {
        p->nskipped += p->too_big;
        return;
    }
    tm_buf_init(&id, 0);
    if (d->kind == TM_DOC_PMC && d->pmcid != NULL)
        tm_buf_printf(&id, "pmcid:%s", d->pmcid);
    else if (d->pmid != NULL)
        tm_buf_printf(&id, "pmid:%s", d->pmid);
    else if (d->doi != NULL)
        tm_buf_printf(&id, "doi:%s", d->doi);
    else
        tm_buf_printf(&id, "%s#%lu", p->path, p->nrecords);
    d->id = tm_buf_steal(&id, NULL);
    tm_buf_init(&src, 0);
    tm_buf_printf(&src, "%s#%lu", p->path, p->nrecords);
    d->source = tm_buf_steal(&src, NULL);
    if (p->too_big) {
        p->nskipped++;
        tm_warn(p->rep,
                "%s: record %lu (%s) has more than %u bytes of text; "
                "skipped",
                p->path, p->nrecords, d->id, MAX_DOC_TEXT);
        return;
    }
    d->text = tm_buf_steal(&p->text, &d->len);
    if (d->kind == TM_DOC_PMC && !d->body_missing && d->nsections > 0) {
        size_t i;
        bool body = false;

        for (i = 0; i < d->nsections && !body; i++)
            body = strncmp(d->sections[i].name, "body", 4) == 0;
        d->body_missing = !body;
    }
    rc = p->fn(p->ctx, d, p->err);
    if (rc != TM_OK && p->status == TM_OK) {
        p->status = rc;
        p->stop = true;
        xmlStopParser(p->ctxt);
    }
}

/* ------------------------------------------------------------------ */
/* Text                                                                */
/* ------------------------------------------------------------------ */

/* Where text goes now: the open cell, the open field, or the paragraph. */
static struct tm_buf *
sink(struct parser *p)
{
    if (p->skip > 0)
        return NULL;
    if (p->field_depth > 0)
        return &p->field;
    if (p->tbl != NULL && p->tbl->rows != NULL &&
        p->stack[p->depth - 1].flags != 0xFFFFFFFF) {
        size_t i;

        for (i = p->depth; i > 0; i--) {
            if (p->stack[i - 1].flags & F_CELL)
                return &p->tbl->cell;
        }
    }
    if (p->para_open)
        return &p->text;
    return NULL;
}

/* Append s with white-space runs collapsed; never a leading space. */
static void
put_text(struct parser *p, struct tm_buf *b, const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        char c = s[i];

        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            p->space_pending = true;
            continue;
        }
        if (p->space_pending) {
            bool at_start =
                b == &p->text ? b->len == p->para_start : b->len == 0;

            if (!at_start && b->data[b->len - 1] != ' ')
                tm_buf_putc(b, ' ');
            p->space_pending = false;
        }
        if (p->sup_depth == 0) {
            /* A run of ordinary bytes goes in at once, and with it each
             * single space between two words, which comes out as it is. */
            size_t j = i + 1;

            for (;;) {
                while (j < len && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' &&
                       s[j] != '\r')
                    j++;
                if (j + 1 < len && s[j] == ' ' && s[j + 1] != ' ' &&
                    s[j + 1] != '\t' && s[j + 1] != '\n' && s[j + 1] != '\r') {
                    j += 2;
                    continue;
                }
                break;
            }
            tm_buf_append(b, s + i, j - i);
            i = j - 1;
            continue;
        }
        /* Inside <sup>, a minus sign is a hyphen-minus: ^-5. */
        if (p->sup_depth > 0 && i + 2 < len && (unsigned char)c == 0xE2 &&
            (unsigned char)s[i + 1] == 0x88 &&
            (unsigned char)s[i + 2] == 0x92) {
            tm_buf_putc(b, '-');
            i += 2;
            continue;
        }
        tm_buf_putc(b, c);
    }
    if (b == &p->text && b->len > MAX_DOC_TEXT)
        p->too_big = true;
}

static void
on_characters(void *ctx, const xmlChar *ch, int len)
{
    struct parser *p = ((xmlParserCtxtPtr)ctx)->_private;
    struct tm_buf *b = sink(p);

    if (b != NULL && !p->too_big)
        put_text(p, b, (const char *)ch, (size_t)len);
}

/* A word boundary: block-ish inline elements (a <break/>, a list item)
 * must not glue words together. */
static void
soft_break(struct parser *p)
{
    p->space_pending = true;
}

/* ------------------------------------------------------------------ */
/* Paragraphs and sections                                             */
/* ------------------------------------------------------------------ */

static void
open_para(struct parser *p, const char *section)
{
    if (p->para_open) {
        p->para_depth++;
        soft_break(p);
        return;
    }
    if (p->text.len > 0)
        tm_buf_puts(&p->text, "\n\n");
    p->para_start = p->text.len;
    p->para_open = true;
    p->para_depth = 1;
    p->space_pending = false;
    free(p->para_section);
    p->para_section = tm_xstrdup(section);
}

static void
add_section_range(struct parser *p, const char *name, size_t start, size_t end)
{
    struct tm_doc *d = &p->doc;
    struct tm_section *last =
        d->nsections > 0 ? &d->sections[d->nsections - 1] : NULL;

    /* Consecutive paragraphs of one section form one range. */
    if (last != NULL && strcmp(last->name, name) == 0 &&
        last->end + 2 == start) {
        last->end = end;
        return;
    }
    tm_doc_add_section(d, name, start, end);
}

static void
close_para(struct parser *p)
{
    size_t end;

    if (!p->para_open)
        return;
    if (--p->para_depth > 0) {
        soft_break(p);
        return;
    }
    p->para_open = false;
    p->space_pending = false;
    end = p->text.len;
    while (end > p->para_start && p->text.data[end - 1] == ' ')
        end--;
    if (end == p->para_start) {
        /* Empty: take the separator back. */
        p->text.len = p->para_start >= 2 ? p->para_start - 2 : 0;
        if (p->text.data != NULL)
            p->text.data[p->text.len] = '\0';
        return;
    }
    p->text.len = end;
    p->text.data[end] = '\0';
    add_section_range(p, p->para_section, p->para_start, end);
}

/* The section name for body text: "body/Title/Subtitle". */
static char *
body_section(struct parser *p)
{
    struct tm_buf b;
    size_t i;

    tm_buf_init(&b, 0);
    tm_buf_puts(&b, p->in_back ? "back" : "body");
    for (i = 0; i < p->secpath.n; i++) {
        tm_buf_putc(&b, '/');
        tm_buf_puts(&b, p->secpath.v[i]);
    }
    return tm_buf_steal(&b, NULL);
}

/* ------------------------------------------------------------------ */
/* Fields                                                              */
/* ------------------------------------------------------------------ */

static void
start_field(struct parser *p, struct frame *f, enum field field)
{
    if (p->field_depth > 0)
        return;
    f->flags |= F_FIELD;
    f->field = field;
    p->field_depth = 1;
    tm_buf_reset(&p->field);
    p->space_pending = false;
}

static void
end_field(struct parser *p, struct frame *f)
{
    struct tm_doc *d = &p->doc;
    const char *v = p->field.data ? p->field.data : "";

    p->field_depth = 0;
    p->space_pending = false;
    switch (f->field) {
    case FLD_PMID:
        set_once(&d->pmid, v);
        break;
    case FLD_DOI:
        set_once(&d->doi, v);
        break;
    case FLD_PMCID:
        if (d->pmcid == NULL && *v != '\0') {
            struct tm_buf b;

            /* "9900001" and "PMC9900001" both mean PMC9900001. */
            tm_buf_init(&b, 0);
            if (strncmp(v, "PMC", 3) != 0)
                tm_buf_puts(&b, "PMC");
            tm_buf_puts(&b, v);
            d->pmcid = tm_buf_steal(&b, NULL);
        }
        break;
    case FLD_JOURNAL:
        set_once(&d->journal, v);
        break;
    case FLD_YEAR:
        if (d->year == 0)
            d->year = (int)strtol(v, NULL, 10);
        break;
    case FLD_MEDLINEDATE:
        if (d->year == 0 && strlen(v) >= 4)
            d->year = (int)strtol(v, NULL, 10);
        break;
    case FLD_PUBTYPE:
        if (*v != '\0')
            tm_strv_push(&d->pubtypes, v);
        break;
    case FLD_MESH:
        if (*v != '\0')
            tm_strv_push(&d->mesh, v);
        break;
    case FLD_REF_LABEL:
        set_once(&p->ref.label, v);
        break;
    case FLD_REF_PMID:
        set_once(&p->ref.pmid, v);
        break;
    case FLD_REF_DOI:
        set_once(&p->ref.doi, v);
        break;
    case FLD_REF_TITLE:
        set_once(&p->ref.title, v);
        break;
    case FLD_SEC_TITLE:
        /* A body section's title names the path and is also text. */
        tm_strv_push(&p->secpath, *v ? v : "untitled");
        if (*v != '\0') {
            char *name;

            if (p->in_abstract) {
                struct tm_buf b;

                tm_buf_init(&b, 0);
                tm_buf_printf(&b, "abstract/%s", v);
                name = tm_buf_steal(&b, NULL);
            } else {
                name = body_section(p);
            }

            open_para(p, name);
            tm_buf_puts(&p->text, v);
            close_para(p);
            free(name);
        }
        break;
    case FLD_AUTHOR:
        set_once(&d->first_author, v);
        break;
    case FLD_DATABANK: {
        size_t i;

        p->databank_registry = false;
        for (i = 0; i < sizeof registry_banks / sizeof *registry_banks; i++)
            if (strcmp(v, registry_banks[i]) == 0)
                p->databank_registry = true;
        break;
    }
    case FLD_ACCESSION:
        if (p->databank_registry && *v != '\0')
            tm_strv_push(&d->registries, v);
        break;
    case FLD_NONE:
        break;
    }
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */
/* ------------------------------------------------------------------ */

static void
table_free(struct table *t)
{
    size_t i, k;

    if (t == NULL)
        return;
    for (i = 0; i < t->n; i++) {
        for (k = 0; k < t->rows[i].n; k++)
            free(t->rows[i].cells[k].text);
        free(t->rows[i].cells);
    }
    free(t->rows);
    tm_buf_clear(&t->cell);
    free(t);
}

static int
int_attr(const xmlChar **attrs, int nb, const char *name, int dflt)
{
    int i;

    for (i = 0; i < nb; i++) {
        const xmlChar **a = attrs + 5 * i;

        if (strcmp((const char *)a[0], name) == 0) {
            char buf[16];
            size_t n = (size_t)(a[4] - a[3]);
            long v;

            if (n >= sizeof buf)
                return dflt;
            memcpy(buf, a[3], n);
            buf[n] = '\0';
            v = strtol(buf, NULL, 10);
            return v >= 1 && v <= 100 ? (int)v : dflt;
        }
    }
    return dflt;
}

/* An attribute's value (malloc'd), or NULL. */
static char *
str_attr(const xmlChar **attrs, int nb, const char *name)
{
    int i;

    for (i = 0; i < nb; i++) {
        const xmlChar **a = attrs + 5 * i;

        if (strcmp((const char *)a[0], name) == 0)
            return tm_xstrndup((const char *)a[3], (size_t)(a[4] - a[3]));
    }
    return NULL;
}

static bool
attr_is(const xmlChar **attrs, int nb, const char *name, const char *val)
{
    char *v = str_attr(attrs, nb, name);
    bool is = v != NULL && strcmp(v, val) == 0;

    free(v);
    return is;
}

/* Does the element carry attribute name? */
static bool
str_attr_present(const xmlChar **attrs, int nb, const char *name)
{
    int i;

    for (i = 0; i < nb; i++)
        if (strcmp((const char *)attrs[5 * i], name) == 0)
            return true;
    return false;
}

/* Is attribute name's value val, ASCII case ignored? */
static bool
attr_is_nocase(const xmlChar **attrs, int nb, const char *name, const char *val)
{
    char *v = str_attr(attrs, nb, name);
    bool is = v != NULL && strcasecmp(v, val) == 0;

    free(v);
    return is;
}

/* s past the spaces a table sets around "=" (ASCII or Unicode). */
static const char *
skip_spaces(const char *s)
{
    size_t k;

    while ((k = tm_utf8_space_len(s, strlen(s))) > 0)
        s += k;
    return s;
}

/* The end of the size "n = 376" (or "N=1,436") that starts at s (an 'n'
 * or 'N'), with its value in *v; NULL when s starts none. */
static const char *
n_size(const char *s, long long *v)
{
    const char *q = skip_spaces(s + 1);

    *v = 0;
    if (*q++ != '=')
        return NULL;
    q = skip_spaces(q);
    if (!isdigit((unsigned char)*q))
        return NULL;
    for (; isdigit((unsigned char)*q) ||
           (*q == ',' && isdigit((unsigned char)q[1]));
         q++)
        if (*q != ',' && *v < 100000000)
            *v = 10 * *v + (*q - '0');
    return q;
}

/* The length of a group size without brackets at s, from the separator
 * before it to its last digit (", N = 376" in "Lipid Emulsion, N = 376"),
 * when the header cell ends there (or its spanning part does, at
 * " / "); else 0. */
static size_t
bare_group_size(const char *s)
{
    const char *q = s;
    long long v;

    if (*q == ',' || *q == ';')
        q++;
    q = skip_spaces(q);
    if (q == s || (*q != 'n' && *q != 'N') || (q = n_size(q, &v)) == NULL)
        return 0;
    if (*q != '\0' && strncmp(q, " / ", 3) != 0)
        return 0;
    return (size_t)(q - s);
}

/* Append a column header as a label for body rows, without its group
 * sizes ("UC-MSC (n = 20) / Day 7" -> "UC-MSC / Day 7", "Placebo, N =
 * 124" -> "Placebo"): they were given once in the header line, and
 * repeating them in every row would repeat every sample size (and a
 * " = " in a column's name would end it early). */
static void
strip_group_size(struct tm_buf *b, const char *h)
{
    const char *s = h;
    size_t start = b->len;

    while (*s != '\0') {
        const char *q = s + 1;
        size_t bare = bare_group_size(s);

        if (bare > 0) {
            s += bare;
            continue;
        }

        if (*s == '(') {
            while (*q == ' ')
                q++;
            if ((*q == 'n' || *q == 'N') && strchr(q, ')') != NULL) {
                const char *close = strchr(q, ')');
                const char *eq = memchr(q, '=', (size_t)(close - q));

                if (eq != NULL) {
                    /* Drop it and the space before it. */
                    while (b->len > start && b->data[b->len - 1] == ' ')
                        b->len--;
                    s = close + 1;
                    continue;
                }
            }
        }
        tm_buf_putc(b, *s++);
    }
    /* "Intervention / (n = 78)" lost its last part: no " / " left. */
    while (b->len > start &&
           (b->data[b->len - 1] == ' ' ||
            (b->data[b->len - 1] == '/' && b->len - 1 > start &&
             b->data[b->len - 2] == ' ')))
        b->len--;
    if (b->data != NULL)
        b->data[b->len] = '\0'; /* the buffer stays NUL-terminated */
}

/* The group size a header cell prints ("MSC (n = 20)", "Placebo, N =
 * 124", "( n  = 78)"), or 0. */
static long long
header_size(const char *h)
{
    const char *s, *q;
    long long v;

    for (s = h; *s != '\0'; s++)
        if ((*s == 'n' || *s == 'N') &&
            (s == h || (!isalnum((unsigned char)s[-1]) && s[-1] != '_')) &&
            (q = n_size(s, &v)) != NULL && !isalnum((unsigned char)*q) && v > 0)
            return v;
    return 0;
}

static bool
starts_with_comparator(const char *s)
{
    return *s == '<' || *s == '>' || *s == '=' ||
           strncmp(s, "\xE2\x89\xA4", 3) == 0 ||
           strncmp(s, "\xE2\x89\xA5", 3) == 0;
}

/*
 * Lay the table out on a grid (colspan and rowspan honoured), name each
 * column by its header cells ("Day 28 / MSC"), and append it to the
 * document: the caption first (already there), then the header line
 * "H1 | H2 | H3", then one paragraph per body row:
 *     "Row label | H2 = cell | H3 = cell"
 * so that a value and the column it belongs to stand in one sentence.
 */
/* A row as its non-empty cells in order, "a | b | c", as a paragraph of
 * section; line is scratch space. */
static void
emit_plain_row(struct parser *p, const char *section, const struct row *row,
               struct tm_buf *line)
{
    size_t k;

    tm_buf_reset(line);
    for (k = 0; k < row->n; k++) {
        const struct cell *cell = &row->cells[k];

        if (cell->text == NULL || cell->text[0] == '\0')
            continue;
        if (line->len > 0)
            tm_buf_puts(line, " | ");
        tm_buf_puts(line, cell->text);
    }
    if (line->len > 0) {
        open_para(p, section);
        tm_buf_append(&p->text, line->data, line->len);
        close_para(p);
    }
}

/* Does s hold an ASCII letter ("95% CI" is a name; "12 (18)" a value)? */
static bool
has_letter(const char *s)
{
    for (; *s != '\0'; s++)
        if (isalpha((unsigned char)*s))
            return true;
    return false;
}

/* Is a body row a header row in disguise: its first cells empty (the
 * corner over one or more label columns), every other cell a name (not
 * starting with a digit, a sign or a bracketed number), at least two of
 * them? */
static bool
body_header_row(const struct row *row)
{
    size_t k, first = 0;

    while (first < row->n &&
           (row->cells[first].text == NULL || !row->cells[first].text[0]))
        first++;
    if (first == 0 || first + 2 > row->n)
        return false;
    for (k = first; k < row->n; k++) {
        const unsigned char *s = (const unsigned char *)row->cells[k].text;

        if (s == NULL || s[0] == '\0' ||
            ((isdigit(s[0]) || s[0] == '-' || s[0] == '+' || s[0] == '.' ||
              (s[0] == '(' && isdigit(s[1])) ||
              strncmp((const char *)s, "\xE2\x88\x92", 3) == 0) &&
             !has_letter((const char *)s)))
            return false;
    }
    return true;
}

/* Keep the size column c's header cells print (the last one, nearest
 * the body), under the name the body rows give the column (shown). */
static void
record_colsize(struct parser *p, const char *section, const char *shown,
               const struct cell ***grid, const struct table *t, size_t c)
{
    long long n = 0, v;
    size_t r;

    for (r = 0; r < t->n && t->rows[r].header; r++)
        if (grid[r][c] != NULL && grid[r][c]->text != NULL &&
            (v = header_size(grid[r][c]->text)) > 0)
            n = v;
    if (n > 0 && shown[0] != '\0')
        tm_doc_add_colsize(&p->doc, section, shown, n);
}

static void
emit_table(struct parser *p, const char *section)
{
    struct table *t = p->tbl;
    size_t ncols = 0, r, c, k;
    const struct cell ***grid;
    char **colname; /* as body rows name each column: no group sizes */
    bool *named;    /* the column has a name in the header */
    struct tm_buf line;
    bool any_header = false;

    for (r = 0; r < t->n; r++) {
        size_t w = 0;

        for (k = 0; k < t->rows[r].n; k++)
            w += (size_t)t->rows[r].cells[k].colspan;
        if (w > ncols)
            ncols = w;
        if (!t->rows[r].header) {
            bool all_th = t->rows[r].n > 0;

            for (k = 0; k < t->rows[r].n; k++)
                all_th &= t->rows[r].cells[k].header;
            t->rows[r].header = all_th && r == 0;
        }
        any_header |= t->rows[r].header;
    }
    /* A header row that the table put in its body: right after the
     * header rows, an empty corner cell and names in every other cell
     * ("| EDGE intervention | Standard care | P value" under a header
     * that spans them all). */
    for (r = 0; any_header && r < t->n && t->rows[r].header; r++)
        ;
    if (r > 0 && r < t->n && body_header_row(&t->rows[r]))
        t->rows[r].header = true;
    if (ncols == 0)
        return;
    if (ncols > MAX_TABLE_COLS || t->n * (ncols + 100) > MAX_TABLE_CELLS) {
        /* Too wide (or too big) to lay out on a grid: every row is kept
         * as its cells in order, without the column names, and said. */
        if (p->nrecords + 1 > p->skip_to)
            tm_warn(p->rep,
                    "%s: record %lu%s%s: %s (%zu rows, %zu columns) is larger "
                    "than %d columns or %d cells: its rows are kept without "
                    "column names",
                    p->path, p->nrecords + 1, p->doc.pmcid ? " pmcid:" : "",
                    p->doc.pmcid ? p->doc.pmcid : "",
                    section ? section : "table", t->n, ncols, MAX_TABLE_COLS,
                    MAX_TABLE_CELLS);
        tm_buf_init(&line, 0);
        for (r = 0; r < t->n; r++)
            emit_plain_row(p, section, &t->rows[r], &line);
        tm_buf_clear(&line);
        return;
    }
    ncols += 100; /* room for rowspans pushing cells right */
    grid = tm_xcalloc(t->n, sizeof *grid);
    for (r = 0; r < t->n; r++)
        grid[r] = tm_xcalloc(ncols, sizeof **grid);
    for (r = 0; r < t->n; r++) {
        c = 0;
        for (k = 0; k < t->rows[r].n; k++) {
            const struct cell *cell = &t->rows[r].cells[k];
            size_t dr, dc;

            while (c < ncols && grid[r][c] != NULL)
                c++;
            for (dr = 0; dr < (size_t)cell->rowspan && r + dr < t->n; dr++)
                for (dc = 0; dc < (size_t)cell->colspan && c + dc < ncols; dc++)
                    grid[r + dr][c + dc] = cell;
            c += (size_t)cell->colspan;
        }
    }
    /* Column names from the header rows. */
    colname = tm_xcalloc(ncols, sizeof *colname);
    named = tm_xcalloc(ncols, sizeof *named);
    for (c = 0; c < ncols; c++) {
        struct tm_buf b, shown;
        const struct cell *prev = NULL;

        tm_buf_init(&b, 0);
        for (r = 0; r < t->n && t->rows[r].header; r++) {
            const struct cell *cell = grid[r][c];

            if (cell == NULL || cell == prev || cell->text == NULL ||
                cell->text[0] == '\0')
                continue;
            if (b.len > 0)
                tm_buf_puts(&b, " / ");
            tm_buf_puts(&b, cell->text);
            prev = cell;
        }
        /* The name body rows give the column: without its sizes, which
         * the header line printed once and the document keeps. */
        named[c] = b.len > 0;
        tm_buf_init(&shown, 0);
        if (b.len > 0)
            strip_group_size(&shown, b.data);
        tm_buf_clear(&b);
        colname[c] = tm_buf_steal(&shown, NULL);
        if (colname[c] == NULL)
            colname[c] = tm_xstrdup("");
        record_colsize(p, section, colname[c] + strspn(colname[c], " "), grid,
                       t, c);
    }
    tm_buf_init(&line, 0);
    /* Each header row once, each cell once: "Outcome | MSC (n = 10) |
     * Placebo (n = 10) | P", then "Day 7 | Day 28 | ..." for a second
     * header row.  Body rows below carry the combined column names. */
    for (r = 0; r < t->n && any_header; r++) {
        if (t->rows[r].header)
            emit_plain_row(p, section, &t->rows[r], &line);
    }
    for (r = 0; r < t->n; r++) {
        const struct cell *prev = NULL;

        if (t->rows[r].header)
            continue;
        tm_buf_reset(&line);
        for (c = 0; c < ncols; c++) {
            const struct cell *cell = grid[r][c];

            if (cell == NULL || cell == prev || cell->text == NULL ||
                cell->text[0] == '\0')
                continue;
            prev = cell;
            if (line.len > 0)
                tm_buf_puts(&line, " | ");
            if (c > 0 && named[c]) {
                tm_buf_puts(&line, colname[c]);
                tm_buf_puts(&line,
                            starts_with_comparator(cell->text) ? " " : " = ");
            }
            tm_buf_puts(&line, cell->text);
        }
        if (line.len > 0) {
            open_para(p, section);
            tm_buf_append(&p->text, line.data, line.len);
            close_para(p);
        }
    }
    tm_buf_clear(&line);
    for (c = 0; c < ncols; c++)
        free(colname[c]);
    free(colname);
    free(named);
    for (r = 0; r < t->n; r++)
        free(grid[r]);
    free(grid);
}

/* ------------------------------------------------------------------ */
/* Elements                                                            */
/* ------------------------------------------------------------------ */

/* Inlined at each of its 80-odd calls, where b is a constant, the first
 * test below is one comparison; GCC's size limits kept it a call (1.7
 * million calls on 20 MB of JATS). */
#if defined(__GNUC__)
#define TM_INLINE_ALWAYS inline __attribute__((always_inline))
#else
#define TM_INLINE_ALWAYS inline
#endif

static TM_INLINE_ALWAYS bool
is(const char *a, const char *b)
{
    /* Most names differ in the first byte: no call for those. */
    return a[0] == b[0] && strcmp(a, b) == 0;
}

/* Name of the enclosing element n levels up (1 = parent), or "". */
static const char *
up(const struct parser *p, size_t n)
{
    return p->depth > n ? p->stack[p->depth - 1 - n].name : "";
}

static bool
inside(const struct parser *p, const char *name)
{
    size_t i;

    for (i = 0; i + 1 < p->depth; i++) {
        if (is(p->stack[i].name, name))
            return true;
    }
    return false;
}

static void
start_pubmed(struct parser *p, struct frame *f, const char *name,
             const xmlChar **attrs, int nb)
{
    const char *parent = up(p, 1);

    if (p->record_depth < 0) {
        if (is(name, "PubmedArticle") || is(name, "PubmedBookArticle") ||
            (is(name, "MedlineCitation") && !is(parent, "PubmedArticle"))) {
            reset_doc(p, TM_DOC_PUBMED);
            f->flags |= F_RECORD;
            p->record_depth = (int)p->depth;
        } else if (is(name, "DeleteCitation")) {
            f->flags |= F_SKIP;
            p->skip++;
        }
        return;
    }
    if (is(name, "PMID") &&
        (is(parent, "MedlineCitation") || is(parent, "BookDocument"))) {
        start_field(p, f, FLD_PMID);
    } else if (is(name, "ArticleTitle") ||
               (is(name, "BookTitle") && is(parent, "Book"))) {
        if (!p->seen_title) {
            p->seen_title = true;
            open_para(p, "title");
            f->flags |= F_PARA;
        }
    } else if (is(name, "AbstractText") && is(parent, "Abstract")) {
        char *label = str_attr(attrs, nb, "Label");
        char *cat = str_attr(attrs, nb, "NlmCategory");
        struct tm_buf sec;

        tm_buf_init(&sec, 0);
        tm_buf_puts(&sec, "abstract");
        if (label != NULL && *label != '\0')
            tm_buf_printf(&sec, "/%s", label);
        else if (cat != NULL && *cat != '\0' && !is(cat, "UNASSIGNED"))
            tm_buf_printf(&sec, "/%s", cat);
        open_para(p, sec.data);
        f->flags |= F_PARA;
        tm_buf_clear(&sec);
        free(label);
        free(cat);
    } else if (is(name, "Title") && is(parent, "Journal")) {
        start_field(p, f, FLD_JOURNAL);
    } else if (is(name, "Year") && is(parent, "PubDate")) {
        start_field(p, f, FLD_YEAR);
    } else if (is(name, "MedlineDate") && is(parent, "PubDate")) {
        start_field(p, f, FLD_MEDLINEDATE);
    } else if (is(name, "PublicationType")) {
        start_field(p, f, FLD_PUBTYPE);
    } else if (is(name, "DescriptorName") && is(parent, "MeshHeading")) {
        start_field(p, f, FLD_MESH);
    } else if ((is(name, "LastName") || is(name, "CollectiveName")) &&
               is(parent, "Author") && is(up(p, 2), "AuthorList") &&
               p->doc.first_author == NULL) {
        start_field(p, f, FLD_AUTHOR);
    } else if (is(name, "DataBankName") && is(parent, "DataBank")) {
        start_field(p, f, FLD_DATABANK);
    } else if (is(name, "AccessionNumber") &&
               is(parent, "AccessionNumberList")) {
        start_field(p, f, FLD_ACCESSION);
    } else if (is(name, "ArticleId") && is(parent, "ArticleIdList") &&
               is(up(p, 2), "PubmedData")) {
        if (attr_is(attrs, nb, "IdType", "doi"))
            start_field(p, f, FLD_DOI);
        else if (attr_is(attrs, nb, "IdType", "pmc"))
            start_field(p, f, FLD_PMCID);
    } else if (is(name, "ELocationID") &&
               attr_is(attrs, nb, "EIdType", "doi")) {
        start_field(p, f, FLD_DOI);
    } else if (is(name, "OtherAbstract") || is(name, "CopyrightInformation") ||
               is(name, "CommentsCorrectionsList") ||
               is(name, "ReferenceList") || is(name, "VernacularTitle") ||
               (is(name, "AuthorList") &&
                (p->doc.first_author != NULL || !is(parent, "Article")))) {
        /* The first AuthorList of the article is read for its first
         * author only. */
        f->flags |= F_SKIP;
        p->skip++;
    }
}

static void
start_jats(struct parser *p, struct frame *f, const char *name,
           const xmlChar **attrs, int nb)
{
    const char *parent = up(p, 1);

    if (p->record_depth < 0) {
        if (is(name, "article")) {
            reset_doc(p, TM_DOC_PMC);
            p->doc.article_type = str_attr(attrs, nb, "article-type");
            f->flags |= F_RECORD;
            p->record_depth = (int)p->depth;
        }
        return;
    }
    if (is(name, "front") && p->depth == (size_t)p->record_depth + 1) {
        p->in_front = true;
    } else if (is(name, "body") && p->depth == (size_t)p->record_depth + 1) {
        p->in_body = true;
    } else if (is(name, "back") && p->depth == (size_t)p->record_depth + 1) {
        p->in_back = true;
    } else if (is(name, "sub-article") || is(name, "response") ||
               is(name, "trans-abstract") ||
               (is(name, "contrib-group") &&
                (!p->in_front || p->doc.first_author != NULL)) ||
               /* An editor or a reviewer is no author of the article. */
               (is(name, "contrib") && p->in_front &&
                str_attr_present(attrs, nb, "contrib-type") &&
                !attr_is_nocase(attrs, nb, "contrib-type", "author")) ||
               is(name, "aff") || is(name, "author-notes") ||
               is(name, "permissions") || is(name, "kwd-group") ||
               is(name, "funding-group") || is(name, "fn-group") ||
               is(name, "ack") || is(name, "object-id") ||
               (is(name, "abstract") &&
                (attr_is(attrs, nb, "abstract-type", "graphical") ||
                 attr_is(attrs, nb, "abstract-type", "teaser")))) {
        f->flags |= F_SKIP;
        p->skip++;
    } else if (p->in_front) {
        /* The first contributor of article-meta's first contrib-group
         * (later groups are skipped once it is known). */
        if ((is(name, "surname") || is(name, "collab")) &&
            inside(p, "contrib-group") && p->doc.first_author == NULL &&
            !inside(p, "collab")) {
            start_field(p, f, FLD_AUTHOR);
        } else if (is(name, "article-id") && is(parent, "article-meta")) {
            if (attr_is(attrs, nb, "pub-id-type", "pmid"))
                start_field(p, f, FLD_PMID);
            else if (attr_is(attrs, nb, "pub-id-type", "pmc") ||
                     attr_is(attrs, nb, "pub-id-type", "pmcid"))
                start_field(p, f, FLD_PMCID);
            else if (attr_is(attrs, nb, "pub-id-type", "doi"))
                start_field(p, f, FLD_DOI);
        } else if (is(name, "journal-title")) {
            start_field(p, f, FLD_JOURNAL);
        } else if (is(name, "year") && is(parent, "pub-date")) {
            start_field(p, f, FLD_YEAR);
        } else if (is(name, "article-title") && is(parent, "title-group") &&
                   !p->seen_title) {
            p->seen_title = true;
            open_para(p, "title");
            f->flags |= F_PARA;
        } else if (is(name, "abstract")) {
            p->in_abstract = true;
            tm_strv_clear(&p->secpath);
        } else if (p->in_abstract && is(name, "title") && is(parent, "sec")) {
            start_field(p, f, FLD_SEC_TITLE);
            f->flags |= F_SECTITLE;
        } else if (p->in_abstract && is(name, "title")) {
            f->flags |= F_SKIP; /* "Abstract" */
            p->skip++;
        } else if (p->in_abstract && is(name, "p")) {
            char *sec = tm_xstrdup("abstract");

            if (p->secpath.n > 0) {
                free(sec);
                sec = tm_xmalloc(strlen(p->secpath.v[p->secpath.n - 1]) + 10);
                strcpy(sec, "abstract/");
                strcat(sec, p->secpath.v[p->secpath.n - 1]);
            }
            open_para(p, sec);
            f->flags |= F_PARA;
            free(sec);
        } else if (p->in_abstract && is(name, "sec")) {
            f->flags |= F_SEC;
        }
        return;
    }
    if (f->flags & F_SKIP)
        return;
    if (p->in_back && is(name, "ref-list")) {
        p->in_reflist = true;
    } else if (p->in_reflist && is(name, "ref")) {
        /* A ref opened inside an unclosed one replaces it (found by
         * fuzz_xml: the first one's strings leaked). */
        clear_ref(&p->ref);
        p->ref.id = str_attr(attrs, nb, "id");
        p->in_ref = true;
    } else if (p->in_ref) {
        if (is(name, "label") && is(parent, "ref"))
            start_field(p, f, FLD_REF_LABEL);
        else if (is(name, "pub-id") &&
                 attr_is(attrs, nb, "pub-id-type", "pmid"))
            start_field(p, f, FLD_REF_PMID);
        else if (is(name, "pub-id") && attr_is(attrs, nb, "pub-id-type", "doi"))
            start_field(p, f, FLD_REF_DOI);
        else if (is(name, "article-title"))
            start_field(p, f, FLD_REF_TITLE);
    } else if (p->in_back && !is(name, "sec") && p->secpath.n == 0 &&
               !inside(p, "sec") && !is(name, "back")) {
        /* Back matter other than sections (glossary, notes): skip. */
        if (!is(name, "ref-list")) {
            f->flags |= F_SKIP;
            p->skip++;
        }
    } else if (is(name, "sec")) {
        f->flags |= F_SEC;
    } else if (is(name, "title") && is(parent, "sec")) {
        start_field(p, f, FLD_SEC_TITLE);
        f->flags |= F_SECTITLE;
    } else if (is(name, "table-wrap") || is(name, "fig")) {
        char *id = str_attr(attrs, nb, "id");
        struct tm_buf sec;

        /* A table or figure inside a paragraph interrupts it. */
        while (p->para_open)
            close_para(p);
        tm_buf_init(&sec, 0);
        tm_buf_printf(&sec, "%s/%s", is(name, "fig") ? "caption" : "table",
                      id ? id : "unnamed");
        free(p->wrap_section);
        p->wrap_section = tm_buf_steal(&sec, NULL);
        free(id);
        f->flags |= F_TWRAP;
    } else if (is(name, "table") && p->wrap_section != NULL) {
        table_free(p->tbl);
        p->tbl = tm_xcalloc(1, sizeof *p->tbl);
        tm_buf_init(&p->tbl->cell, 0);
    } else if (p->tbl != NULL && is(name, "thead")) {
        p->tbl->in_head = true;
    } else if (p->tbl != NULL && is(name, "tr")) {
        struct table *t = p->tbl;

        if (t->n == t->cap) {
            t->cap = t->cap ? t->cap * 2 : 8;
            t->rows = tm_xreallocarray(t->rows, t->cap, sizeof *t->rows);
        }
        memset(&t->rows[t->n], 0, sizeof t->rows[t->n]);
        t->rows[t->n].header = t->in_head;
        t->n++;
    } else if (p->tbl != NULL && p->tbl->n > 0 &&
               (is(name, "td") || is(name, "th"))) {
        struct row *row = &p->tbl->rows[p->tbl->n - 1];

        if (row->n == row->cap) {
            row->cap = row->cap ? row->cap * 2 : 8;
            row->cells =
                tm_xreallocarray(row->cells, row->cap, sizeof *row->cells);
        }
        row->cells[row->n].text = NULL;
        row->cells[row->n].colspan = int_attr(attrs, nb, "colspan", 1);
        row->cells[row->n].rowspan = int_attr(attrs, nb, "rowspan", 1);
        row->cells[row->n].header = is(name, "th");
        f->row = p->tbl->n - 1;
        f->cell = row->n;
        row->n++;
        tm_buf_reset(&p->tbl->cell);
        p->space_pending = false;
        f->flags |= F_CELL;
    } else if ((is(name, "caption") || is(name, "table-wrap-foot")) &&
               p->wrap_section != NULL) {
        open_para(p, p->wrap_section);
        f->flags |= F_PARA;
    } else if (is(name, "p") && (p->in_body || p->in_back)) {
        if (p->wrap_section != NULL && !inside(p, "caption") &&
            !inside(p, "table-wrap-foot") && p->tbl == NULL) {
            open_para(p, p->wrap_section);
        } else {
            char *sec = body_section(p);

            open_para(p, sec);
            free(sec);
        }
        f->flags |= F_PARA;
    }
}

static void
on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
         const xmlChar *URI, int nb_namespaces, const xmlChar **namespaces,
         int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    struct parser *p = ((xmlParserCtxtPtr)ctx)->_private;
    const char *name = (const char *)localname;
    struct frame *f;

    (void)prefix;
    (void)URI;
    (void)nb_namespaces;
    (void)namespaces;
    (void)nb_defaulted;
    if (p->stop)
        return;
    if (p->depth >= MAX_DEPTH) {
        p->status = tm_err_set(p->err, TM_ERR_INPUT,
                               "%s:%d: elements nested deeper than %d "
                               "(excessive depth) in record %lu; rest of "
                               "the file skipped",
                               p->path, xmlSAX2GetLineNumber(p->ctxt),
                               MAX_DEPTH, p->nrecords + 1);
        p->stop = true;
        xmlStopParser(p->ctxt);
        return;
    }
    if (p->depth == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 64;
        p->stack = tm_xreallocarray(p->stack, p->cap, sizeof *p->stack);
    }
    f = &p->stack[p->depth++];
    memset(f, 0, sizeof *f);
    {
        /* A truncated copy, as snprintf would make, without its cost on
         * every element. */
        size_t nl = strnlen(name, sizeof f->name - 1);

        memcpy(f->name, name, nl);
        f->name[nl] = '\0';
    }
    if (p->depth >= 2 && (p->stack[p->depth - 2].flags & F_MSUP)) {
        /* The second child of msup is the exponent. */
        struct frame *m = &p->stack[p->depth - 2];
        struct tm_buf *b;

        if (++m->children == 2 && (b = sink(p)) != NULL)
            tm_buf_putc(b, '^');
    }
    if (p->skip > 0) {
        /* Inside a skipped subtree, only count depth. */
        return;
    }
    if (p->doc.kind == TM_DOC_PMC ||
        (p->record_depth < 0 &&
         (is(name, "article") || is(name, "pmc-articleset"))))
        start_jats(p, f, name, attributes, nb_attributes);
    else
        start_pubmed(p, f, name, attributes, nb_attributes);
    if (p->record_depth < 0 || p->skip > 0)
        return;
    /* Inline elements, the same for both kinds. */
    if (is(name, "sup")) {
        struct tm_buf *b = sink(p);

        if (b != NULL) {
            f->mark = b->len;
            if (p->space_pending && b->len > 0 && b->data[b->len - 1] != ' ')
                tm_buf_putc(b, ' ');
            p->space_pending = false;
            f->mark = b->len;
            tm_buf_putc(b, '^');
        }
        f->flags |= F_SUP;
        p->sup_depth++;
    } else if (is(name, "xref") &&
               attr_is(attributes, nb_attributes, "ref-type", "bibr")) {
        f->flags |= F_XREF;
        f->rid = str_attr(attributes, nb_attributes, "rid");
        if (p->space_pending && p->para_open && p->text.len > p->para_start)
            tm_buf_putc(&p->text, ' ');
        p->space_pending = false;
        f->mark = p->text.len;
        for (size_t i = p->depth - 1; i > 0; i--) {
            if (p->stack[i - 1].flags & F_SUP)
                p->stack[i - 1].has_bibr = true;
        }
    } else if (is(name, "break") || is(name, "list-item") || is(name, "mtd") ||
               is(name, "mspace")) {
        soft_break(p);
    } else if (is(name, "msup") || is(name, "msubsup")) {
        f->flags |= F_MSUP;
    }
}

static void
on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
       const xmlChar *URI)
{
    struct parser *p = ((xmlParserCtxtPtr)ctx)->_private;
    struct frame *f;
    const char *name = (const char *)localname;

    (void)prefix;
    (void)URI;
    if (p->stop || p->depth == 0)
        return;
    f = &p->stack[p->depth - 1];
    if (f->flags & F_SKIP)
        p->skip--;
    if (p->skip > 0) {
        free(f->rid);
        p->depth--;
        return;
    }
    if (f->flags & F_FIELD)
        end_field(p, f);
    if (f->flags & F_SUP) {
        struct tm_buf *b = sink(p);

        p->sup_depth--;
        if (b != NULL && f->mark < b->len && b->data[f->mark] == '^') {
            if (b->len == f->mark + 1) {
                b->len = f->mark; /* empty <sup/> */
                b->data[b->len] = '\0';
            } else if (f->has_bibr) {
                /* A citation set as a superscript: "[12]", not "^12". */
                b->data[f->mark] = '[';
                tm_buf_putc(b, ']');
            }
        }
    }
    if ((f->flags & F_XREF) && p->para_open && f->rid != NULL &&
        p->text.len > f->mark && sink(p) == &p->text) {
        struct tm_doc *d = &p->doc;

        if (d->ncites == d->cites_cap) {
            d->cites_cap = d->cites_cap ? d->cites_cap * 2 : 16;
            d->cites =
                tm_xreallocarray(d->cites, d->cites_cap, sizeof *d->cites);
        }
        d->cites[d->ncites].start = f->mark;
        d->cites[d->ncites].end = p->text.len;
        d->cites[d->ncites].ref_id = f->rid;
        f->rid = NULL;
        d->ncites++;
    }
    if ((f->flags & F_CELL) && p->tbl != NULL && f->row < p->tbl->n &&
        f->cell < p->tbl->rows[f->row].n) {
        /* The cell this element opened: with a <td> inside a <td> (found
         * by fuzz_xml) the outer one gets the text after the inner one,
         * and no text is leaked or left NULL. */
        struct cell *cell = &p->tbl->rows[f->row].cells[f->cell];
        struct tm_buf *c = &p->tbl->cell;

        while (c->len > 0 && c->data[c->len - 1] == ' ')
            c->len--;
        free(cell->text);
        cell->text = tm_xstrndup(c->data ? c->data : "", c->len);
        tm_buf_reset(c);
        p->space_pending = false;
    }
    if (f->flags & F_PARA)
        close_para(p);
    if (p->doc.kind == TM_DOC_PMC && p->record_depth >= 0) {
        if (is(name, "table") && p->tbl != NULL) {
            emit_table(p, p->wrap_section);
            table_free(p->tbl);
            p->tbl = NULL;
        } else if (is(name, "thead") && p->tbl != NULL) {
            p->tbl->in_head = false;
        } else if (f->flags & F_TWRAP) {
            TM_FREE(p->wrap_section);
        } else if ((f->flags & F_SEC) && p->secpath.n > 0) {
            free(p->secpath.v[--p->secpath.n]);
        } else if (is(name, "abstract")) {
            p->in_abstract = false;
            tm_strv_clear(&p->secpath);
        } else if (is(name, "front")) {
            p->in_front = false;
        } else if (is(name, "back") &&
                   p->depth == (size_t)p->record_depth + 1) {
            /* What follows <back> (<floats-group>: a fifth of PMC's trial
             * reports keep their tables there) is not back matter. */
            p->in_back = false;
        } else if (is(name, "ref") && p->in_ref) {
            struct tm_doc *d = &p->doc;

            if (d->nrefs == d->refs_cap) {
                d->refs_cap = d->refs_cap ? d->refs_cap * 2 : 16;
                d->refs =
                    tm_xreallocarray(d->refs, d->refs_cap, sizeof *d->refs);
            }
            d->refs[d->nrefs++] = p->ref;
            memset(&p->ref, 0, sizeof p->ref);
            p->in_ref = false;
        } else if (is(name, "ref-list")) {
            p->in_reflist = false;
        }
    }
    if ((f->flags & F_SEC) && p->doc.kind != TM_DOC_PMC && p->secpath.n > 0)
        free(p->secpath.v[--p->secpath.n]);
    if (f->flags & F_RECORD) {
        while (p->para_open)
            close_para(p);
        if (p->doc.kind == TM_DOC_PMC && !p->in_body && p->doc.nsections > 0) {
            size_t i;
            bool body = false;

            for (i = 0; i < p->doc.nsections; i++)
                body |= strncmp(p->doc.sections[i].name, "body", 4) == 0;
            p->doc.body_missing = !body;
        }
        if (p->doc.kind == TM_DOC_PMC && !p->in_body)
            p->doc.body_missing = true;
        finish_doc(p);
        p->record_depth = -1;
        tm_doc_clear(&p->doc);
        tm_doc_init(&p->doc, TM_DOC_TEXT);
    }
    free(f->rid);
    p->depth--;
}

/* Entity references other than the predefined ones are not expanded:
 * their text is dropped rather than trusted. */
static void
on_reference(void *ctx, const xmlChar *name)
{
    (void)ctx;
    (void)name;
}

/* Never load an external entity or DTD. */
static xmlParserInputPtr
on_resolve_entity(void *ctx, const xmlChar *public_id, const xmlChar *system_id)
{
    (void)ctx;
    (void)public_id;
    (void)system_id;
    return NULL;
}

static void
on_external_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
                   const xmlChar *system_id)
{
    (void)ctx;
    (void)name;
    (void)external_id;
    (void)system_id;
}

#if LIBXML_VERSION >= 21200
static void
on_error(void *ctx, const xmlError *e)
#else
static void
on_error(void *ctx, xmlErrorPtr e)
#endif
{
    (void)ctx;
    (void)e;
    /* Errors are read from the context after each chunk; nothing is
     * printed by libxml2 itself. */
}

/* The bytes of a piece after the prolog's first ones: the rest of the
 * prolog, the body, then the closing tag; fed to the parser in place. */
struct parts {
    const char *part[3];
    size_t left[3];
};

/*
 * Parse head[0..len) and then what read(rctx) gives, or the parts of
 * direct when it is not NULL (fed as they are, without a copy), with the
 * parser p (path, callback, reporter, err and the record counters set).
 * Returns
 * the input's status; *malformed says whether libxml2 found the input not
 * well-formed (or the parse stopped: too deep, a callback failed).
 */
static enum tm_status
parse_run(struct parser *p, const char *head, size_t len, tm_read_fn read,
          void *rctx, struct parts *direct, bool *malformed)
{
    const char *path = p->path;
    struct tm_err *err = p->err;
    xmlSAXHandler sax;
    char *chunk = NULL;
    long n = 0;
    int rc = 0;
    enum tm_status status;

    p->record_depth = -1;
    *malformed = true;
    tm_doc_init(&p->doc, TM_DOC_TEXT);
    tm_buf_init(&p->text, 0);
    tm_buf_init(&p->field, 0);

    memset(&sax, 0, sizeof sax);
    xmlSAXVersion(&sax, 2);
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_characters;
    sax.cdataBlock = on_characters;
    sax.ignorableWhitespace = on_characters;
    sax.reference = on_reference;
    sax.resolveEntity = on_resolve_entity;
    sax.externalSubset = on_external_subset;
    sax.serror = on_error;
    sax.warning = NULL;
    sax.error = NULL;
    sax.fatalError = NULL;

    p->ctxt = xmlCreatePushParserCtxt(&sax, NULL, head,
                                      (int)(len > 4 ? 4 : len), path);
    if (p->ctxt == NULL) {
        status = tm_err_set(err, TM_ERR_INPUT,
                            "%s: cannot create an XML parser", path);
        goto out;
    }
    p->ctxt->_private = p;
    /* NONET: no network; no NOENT, DTDLOAD, XINCLUDE or HUGE: entities
     * stay unexpanded, no DTD is read, and libxml2's limits hold. */
    xmlCtxtUseOptions(p->ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    if (len > 4)
        rc = xmlParseChunk(p->ctxt, head + 4, (int)(len - 4), 0);
    if (direct != NULL) {
        for (int k = 0; k < 3 && rc == 0 && !p->stop; k++) {
            while (direct->left[k] > 0 && rc == 0 && !p->stop) {
                size_t m = direct->left[k] < CHUNK ? direct->left[k] : CHUNK;

                rc = xmlParseChunk(p->ctxt, direct->part[k], (int)m, 0);
                direct->part[k] += m;
                direct->left[k] -= m;
            }
        }
    } else {
        chunk = tm_xmalloc(CHUNK);
        while (rc == 0 && !p->stop && (n = read(rctx, chunk, CHUNK)) > 0)
            rc = xmlParseChunk(p->ctxt, chunk, (int)n, 0);
    }
    if (rc == 0 && !p->stop)
        rc = xmlParseChunk(p->ctxt, NULL, 0, 1);
    *malformed = rc != 0 || p->stop || !p->ctxt->wellFormed;
    if (p->status != TM_OK) {
        status = p->status; /* the callback failed (output error) */
    } else if (rc != 0 || !p->ctxt->wellFormed) {
        const xmlError *e = xmlCtxtGetLastError(p->ctxt);
        char where[96] = "";
        size_t mlen;
        char msg[256];

        if (p->record_depth >= 0)
            snprintf(where, sizeof where, " in record %lu%s%s", p->nrecords + 1,
                     p->doc.pmid ? " pmid:" : "",
                     p->doc.pmid ? p->doc.pmid : "");
        snprintf(msg, sizeof msg, "%s",
                 e && e->message ? e->message : "malformed XML");
        mlen = strlen(msg);
        while (mlen > 0 && (msg[mlen - 1] == '\n' || msg[mlen - 1] == ' '))
            msg[--mlen] = '\0';
        status = tm_err_set(err, TM_ERR_INPUT, "%s:%d: %s%s", path,
                            e ? e->line : 0, msg, where);
        if (err != NULL)
            err->line = e ? (unsigned)e->line : 0;
    } else if (n < 0) {
        *malformed = true;
        status = tm_err_set(err, TM_ERR_INPUT, "%s: read error", path);
    } else if (p->nrecords == 0 && p->nskipped == 0 &&
               p->doc.kind == TM_DOC_TEXT) {
        /* A well-formed file with no records (an empty PubmedArticleSet)
         * is fine. */
        status = TM_OK;
    } else {
        status = tm_parse_skipped(path, p->nskipped, err);
    }
out:
    free(chunk);
    if (p->ctxt != NULL) {
        if (p->ctxt->myDoc != NULL)
            xmlFreeDoc(p->ctxt->myDoc);
        xmlFreeParserCtxt(p->ctxt);
    }
    while (p->depth > 0)
        free(p->stack[--p->depth].rid);
    free(p->stack);
    table_free(p->tbl);
    clear_ref(&p->ref);
    tm_doc_clear(&p->doc);
    tm_buf_clear(&p->text);
    tm_buf_clear(&p->field);
    tm_strv_clear(&p->secpath);
    free(p->wrap_section);
    free(p->para_section);
    free(p->abstract_label);
    return status;
}

static void
parser_init(struct parser *p, const char *path, tm_doc_fn fn, void *ctx,
            struct tm_reporter *rep, struct tm_err *err)
{
    memset(p, 0, sizeof *p);
    p->path = path;
    p->fn = fn;
    p->ctx = ctx;
    p->rep = rep;
    p->err = err;
}

enum tm_status
tm_parse_xml(const char *path, const char *head, size_t len, tm_read_fn read,
             void *rctx, tm_doc_fn fn, void *ctx, struct tm_reporter *rep,
             struct tm_err *err)
{
    return tm_parse_xml_from(path, 0, head, len, read, rctx, fn, ctx, rep, err);
}

enum tm_status
tm_parse_xml_from(const char *path, unsigned long skip, const char *head,
                  size_t len, tm_read_fn read, void *rctx, tm_doc_fn fn,
                  void *ctx, struct tm_reporter *rep, struct tm_err *err)
{
    struct parser p;
    bool malformed;

    parser_init(&p, path, fn, ctx, rep, err);
    p.skip_to = skip;
    return parse_run(&p, head, len, read, rctx, NULL, &malformed);
}

enum tm_status
tm_parse_skipped(const char *path, unsigned long n, struct tm_err *err)
{
    if (n == 0)
        return TM_OK;
    return tm_err_set(err, TM_ERR_INPUT, "%s: %lu record%s skipped", path, n,
                      n == 1 ? "" : "s");
}

void
tm_parse_init(void)
{
    /* libxml2 sets up its global state on first use, unlocked: done here,
     * before any worker thread exists. */
    xmlInitParser();
}

bool
tm_parse_xml_piece(const char *path, const struct tm_parse_piece *pc,
                   tm_doc_fn fn, void *ctx, struct tm_reporter *rep,
                   unsigned long *nrecords, unsigned long *nskipped)
{
    struct parser p;
    struct parts r;
    struct tm_err err;
    size_t head = pc->prolog_len < 4 ? pc->prolog_len : 4;
    bool malformed;

    tm_err_clear(&err);
    parser_init(&p, path, fn, ctx, rep, &err);
    p.nrecords = pc->first;
    memset(&r, 0, sizeof r);
    r.part[0] = pc->prolog + head;
    r.left[0] = pc->prolog_len - head;
    r.part[1] = pc->body;
    r.left[1] = pc->len;
    r.part[2] = pc->close;
    r.left[2] = pc->close != NULL ? strlen(pc->close) : 0;
    (void)parse_run(&p, pc->prolog, head, NULL, NULL, &r, &malformed);
    *nrecords = p.nrecords - pc->first;
    *nskipped = p.nskipped;
    return !malformed;
}
