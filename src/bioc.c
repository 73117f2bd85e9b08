/* SPDX-License-Identifier: MIT */
/*
 * bioc: BioC XML and JSON in, documents out (see bioc.h).
 *
 * Both forms share one layout step: passages arrive with an offset in
 * code points, and are appended to the document text after enough
 * newlines to start exactly there.  The JSON form is read whole (it is
 * bounded by the input size limit) by a small recursive-descent reader
 * that keeps only documents; the XML form streams through libxml2's
 * xmlTextReader, which keeps passage text verbatim, as offsets need
 * (the PubMed SAX parser collapses white space on purpose).
 */
#include "config.h"
#include "bioc.h"

#include <libxml/xmlreader.h>
#include <stdbool.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

#define MAX_DEPTH 256

/* ------------------------------------------------------------------ */
/* Layout: passages at their offsets                                   */
/* ------------------------------------------------------------------ */

struct layout {
    const char *path;
    struct tm_reporter *rep;
    unsigned long ndocs;
    struct tm_doc doc;
    struct tm_buf text;
    size_t cp;   /* code points in text */
    bool warned; /* this document's offsets already reported */
};

static void
lay_begin(struct layout *l)
{
    tm_doc_clear(&l->doc);
    tm_doc_init(&l->doc, TM_DOC_TEXT);
    tm_buf_reset(&l->text);
    l->cp = 0;
    l->warned = false;
}

static size_t
code_points(const char *s, size_t len)
{
    size_t i, n = 0;

    for (i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Place one passage.  off < 0: the passage had no offset. */
static void
lay_passage(struct layout *l, const char *type, long long off, const char *s,
            size_t len)
{
    size_t start;

    if (off >= 0 && (unsigned long long)off >= l->cp &&
        (unsigned long long)off - l->cp <= TM_BIOC_MAX_GAP) {
        for (; l->cp < (unsigned long long)off; l->cp++)
            tm_buf_putc(&l->text, '\n');
    } else {
        /* Overlapping, missing or absurd: keep the text, say so once. */
        if (!l->warned)
            tm_warn(l->rep,
                    "%s: BioC document %lu: passage offset %lld does not "
                    "follow the text before it (%zu code points); placed "
                    "after it, so offsets differ from the input's",
                    l->path, l->ndocs + 1, off, l->cp);
        l->warned = true;
        if (l->cp > 0) {
            tm_buf_puts(&l->text, "\n\n");
            l->cp += 2;
        }
    }
    start = l->text.len;
    tm_buf_append(&l->text, s, len);
    l->cp += code_points(s, len);
    tm_doc_add_section(&l->doc, type != NULL && *type ? type : "passage", start,
                       l->text.len);
}

static enum tm_status
lay_finish(struct layout *l, const char *id, tm_doc_fn fn, void *ctx,
           struct tm_err *err)
{
    struct tm_buf src;
    enum tm_status rc;

    l->ndocs++;
    tm_buf_init(&src, 0);
    tm_buf_printf(&src, "%s#%lu", l->path, l->ndocs);
    l->doc.source = tm_buf_steal(&src, NULL);
    l->doc.id = id != NULL && *id ? tm_xstrdup(id) : tm_xstrdup(l->doc.source);
    l->doc.text = tm_buf_steal(&l->text, &l->doc.len);
    if (l->doc.text == NULL)
        l->doc.text = tm_xstrdup("");
    rc = fn(ctx, &l->doc, err);
    tm_doc_clear(&l->doc);
    tm_doc_init(&l->doc, TM_DOC_TEXT);
    return rc;
}

static void
lay_init(struct layout *l, const char *path, struct tm_reporter *rep)
{
    memset(l, 0, sizeof *l);
    l->path = path;
    l->rep = rep;
    tm_doc_init(&l->doc, TM_DOC_TEXT);
    tm_buf_init(&l->text, TM_INPUT_MAX_DOC);
}

static void
lay_clear(struct layout *l)
{
    tm_doc_clear(&l->doc);
    tm_buf_clear(&l->text);
}

/* ------------------------------------------------------------------ */
/* JSON                                                                */
/* ------------------------------------------------------------------ */

struct json {
    const char *s;
    size_t len, pos;
    int depth;
    bool failed;
    const char *why;
};

/* One passage as read, before layout. */
struct jpassage {
    char *type, *text;
    size_t len;
    long long offset;
};

struct jdoc {
    char *id;
    struct jpassage *v;
    size_t n, cap;
};

static void
ws(struct json *j)
{
    while (j->pos < j->len && (j->s[j->pos] == ' ' || j->s[j->pos] == '\t' ||
                               j->s[j->pos] == '\n' || j->s[j->pos] == '\r'))
        j->pos++;
}

static bool
fail(struct json *j, const char *why)
{
    if (!j->failed) {
        j->failed = true;
        j->why = why;
    }
    return false;
}

static bool
eat(struct json *j, char c)
{
    ws(j);
    if (j->pos < j->len && j->s[j->pos] == c) {
        j->pos++;
        return true;
    }
    return false;
}

static int
hex4(const char *s)
{
    int v = 0, i;

    for (i = 0; i < 4; i++) {
        char c = s[i];

        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= c - '0';
        else if (c >= 'a' && c <= 'f')
            v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v |= c - 'A' + 10;
        else
            return -1;
    }
    return v;
}

/* A string into out (if not NULL), escapes decoded; unpaired surrogates
 * and invalid UTF-8 become U+FFFD. */
static bool
string(struct json *j, struct tm_buf *out)
{
    char u8[4];

    ws(j);
    if (j->pos >= j->len || j->s[j->pos] != '"')
        return fail(j, "a string expected");
    j->pos++;
    while (j->pos < j->len) {
        unsigned char c = (unsigned char)j->s[j->pos];

        if (c == '"') {
            j->pos++;
            return true;
        }
        if (c < 0x20)
            return fail(j, "a control character in a string");
        if (c == '\\') {
            int32_t cp;
            char e;

            if (j->pos + 1 >= j->len)
                break;
            e = j->s[j->pos + 1];
            j->pos += 2;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                cp = e;
                break;
            case 'b':
                cp = '\b';
                break;
            case 'f':
                cp = '\f';
                break;
            case 'n':
                cp = '\n';
                break;
            case 'r':
                cp = '\r';
                break;
            case 't':
                cp = '\t';
                break;
            case 'u':
                if (j->len - j->pos < 4 || (cp = hex4(j->s + j->pos)) < 0)
                    return fail(j, "a bad \\u escape");
                j->pos += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF && j->len - j->pos >= 6 &&
                    j->s[j->pos] == '\\' && j->s[j->pos + 1] == 'u') {
                    int lo = hex4(j->s + j->pos + 2);

                    if (lo >= 0xDC00 && lo <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        j->pos += 6;
                    }
                }
                break;
            default:
                return fail(j, "a bad escape");
            }
            if (out != NULL)
                tm_buf_append(out, u8, tm_utf8_encode(cp, u8));
            continue;
        }
        {
            size_t k = tm_utf8_seq_len((const unsigned char *)j->s + j->pos,
                                       j->len - j->pos);

            if (out != NULL) {
                if (k == 0)
                    tm_buf_append(out, u8, tm_utf8_encode(0xFFFD, u8));
                else
                    tm_buf_append(out, j->s + j->pos, k);
            }
            j->pos += k == 0 ? 1 : k;
        }
    }
    return fail(j, "an unterminated string");
}

/* A number; *out (if not NULL) gets its integer part. */
static bool
number(struct json *j, long long *out)
{
    size_t start;
    long long v = 0;
    bool neg = false, digits = false;

    ws(j);
    start = j->pos;
    if (j->pos < j->len && j->s[j->pos] == '-') {
        neg = true;
        j->pos++;
    }
    while (j->pos < j->len && j->s[j->pos] >= '0' && j->s[j->pos] <= '9') {
        if (v < (LLONG_MAX - 9) / 10)
            v = v * 10 + (j->s[j->pos] - '0');
        j->pos++;
        digits = true;
    }
    while (j->pos < j->len && strchr(".eE+-0123456789", j->s[j->pos]) != NULL)
        j->pos++;
    if (!digits) {
        j->pos = start;
        return fail(j, "a value expected");
    }
    if (out != NULL)
        *out = neg ? -v : v;
    return true;
}

static bool value(struct json *j, struct layout *l, tm_doc_fn fn, void *ctx,
                  struct tm_err *err, enum tm_status *rc);

static bool
literal(struct json *j)
{
    static const char *const lits[] = {"true", "false", "null"};
    size_t i;

    ws(j);
    for (i = 0; i < 3; i++) {
        size_t n = strlen(lits[i]);

        if (j->len - j->pos >= n && memcmp(j->s + j->pos, lits[i], n) == 0) {
            j->pos += n;
            return true;
        }
    }
    return false;
}

/* A member's name into key, and its colon. */
static bool
member(struct json *j, struct tm_buf *key)
{
    tm_buf_reset(key);
    return (string(j, key) && eat(j, ':')) || fail(j, "a member expected");
}

/* One passage object: offset, text, infons.type. */
static bool
passage(struct json *j, struct jpassage *p)
{
    struct tm_buf key, text, type;
    bool ok = true;

    memset(p, 0, sizeof *p);
    p->offset = -1;
    tm_buf_init(&key, 0);
    tm_buf_init(&text, TM_INPUT_MAX_DOC);
    tm_buf_init(&type, 0);
    if (!eat(j, '{'))
        return fail(j, "a passage object expected");
    if (!eat(j, '}')) {
        do {
            ok = member(j, &key);
            if (!ok)
                break;
            if (key.len == 6 && memcmp(key.data, "offset", 6) == 0) {
                ok = number(j, &p->offset);
            } else if (key.len == 4 && memcmp(key.data, "text", 4) == 0) {
                ok = string(j, &text);
            } else if (key.len == 6 && memcmp(key.data, "infons", 6) == 0 &&
                       eat(j, '{')) {
                /* infons: only "type" is kept */
                if (!eat(j, '}')) {
                    do {
                        bool is_type;

                        ok = member(j, &key);
                        if (!ok)
                            break;
                        is_type =
                            key.len == 4 && memcmp(key.data, "type", 4) == 0;
                        ws(j);
                        if (is_type && j->pos < j->len && j->s[j->pos] == '"')
                            ok = string(j, &type);
                        else
                            ok = value(j, NULL, NULL, NULL, NULL, NULL);
                    } while (ok && eat(j, ','));
                    ok = ok && (eat(j, '}') || fail(j, "'}' expected"));
                }
            } else {
                ok = value(j, NULL, NULL, NULL, NULL, NULL);
            }
        } while (ok && eat(j, ','));
        ok = ok && (eat(j, '}') || fail(j, "'}' expected"));
    }
    if (ok) {
        p->text = tm_buf_steal(&text, &p->len);
        p->type = tm_buf_steal(&type, NULL);
    }
    tm_buf_clear(&key);
    tm_buf_clear(&text);
    tm_buf_clear(&type);
    return ok;
}

static void
jdoc_clear(struct jdoc *d)
{
    size_t i;

    for (i = 0; i < d->n; i++) {
        free(d->v[i].type);
        free(d->v[i].text);
    }
    free(d->v);
    free(d->id);
    memset(d, 0, sizeof *d);
}

/* An object: a document if it has "passages", else members are searched
 * for documents (a collection's "documents", PubTator3's lists). */
static bool
object(struct json *j, struct layout *l, tm_doc_fn fn, void *ctx,
       struct tm_err *err, enum tm_status *rc)
{
    struct jdoc d;
    struct tm_buf key;
    bool ok = true, is_doc = false;

    memset(&d, 0, sizeof d);
    tm_buf_init(&key, 0);
    j->pos++; /* '{' */
    if (!eat(j, '}')) {
        do {
            ok = member(j, &key);
            if (!ok)
                break;
            ws(j);
            if (l != NULL && key.len == 8 &&
                memcmp(key.data, "passages", 8) == 0 && eat(j, '[')) {
                is_doc = true;
                if (!eat(j, ']')) {
                    do {
                        if (d.n == d.cap) {
                            d.cap = d.cap ? 2 * d.cap : 8;
                            d.v = tm_xreallocarray(d.v, d.cap, sizeof *d.v);
                        }
                        ok = passage(j, &d.v[d.n]);
                        if (ok)
                            d.n++;
                    } while (ok && eat(j, ','));
                    ok = ok && (eat(j, ']') || fail(j, "']' expected"));
                }
            } else if (l != NULL && key.len == 2 &&
                       memcmp(key.data, "id", 2) == 0 && j->pos < j->len &&
                       j->s[j->pos] != '{' && j->s[j->pos] != '[') {
                struct tm_buf id;

                tm_buf_init(&id, 4096);
                if (j->s[j->pos] == '"') {
                    ok = string(j, &id);
                } else {
                    size_t at = j->pos;

                    ok = value(j, NULL, NULL, NULL, NULL, NULL);
                    tm_buf_append(&id, j->s + at, j->pos - at);
                }
                free(d.id);
                d.id = tm_buf_steal(&id, NULL);
                tm_buf_clear(&id);
            } else {
                ok = value(j, l, fn, ctx, err, rc);
            }
        } while (ok && *rc == TM_OK && eat(j, ','));
        ok = ok && *rc == TM_OK && (eat(j, '}') || fail(j, "'}' expected"));
    }
    if (ok && is_doc) {
        size_t i;

        lay_begin(l);
        for (i = 0; i < d.n; i++)
            lay_passage(l, d.v[i].type, d.v[i].offset,
                        d.v[i].text ? d.v[i].text : "", d.v[i].len);
        *rc = lay_finish(l, d.id, fn, ctx, err);
        ok = *rc == TM_OK;
    }
    jdoc_clear(&d);
    tm_buf_clear(&key);
    return ok;
}

/* Any value.  With l NULL, nothing is kept and no document is read (the
 * inside of a passage or of infons). */
static bool
value(struct json *j, struct layout *l, tm_doc_fn fn, void *ctx,
      struct tm_err *err, enum tm_status *rc)
{
    enum tm_status none = TM_OK;
    bool ok = true;

    if (rc == NULL)
        rc = &none;
    ws(j);
    if (j->pos >= j->len)
        return fail(j, "unexpected end of input");
    if (++j->depth > MAX_DEPTH) {
        j->depth--;
        return fail(j, "nested deeper than 256 levels");
    }
    switch (j->s[j->pos]) {
    case '{':
        if (l != NULL) {
            ok = object(j, l, fn, ctx, err, rc);
            break;
        }
        j->pos++;
        if (!eat(j, '}')) {
            do {
                ok = string(j, NULL) &&
                     (eat(j, ':') || fail(j, "':' expected")) &&
                     value(j, NULL, NULL, NULL, NULL, NULL);
            } while (ok && eat(j, ','));
            ok = ok && (eat(j, '}') || fail(j, "'}' expected"));
        }
        break;
    case '[':
        j->pos++;
        if (!eat(j, ']')) {
            do {
                ok = value(j, l, fn, ctx, err, rc);
            } while (ok && *rc == TM_OK && eat(j, ','));
            ok = ok && *rc == TM_OK && (eat(j, ']') || fail(j, "']' expected"));
        }
        break;
    case '"':
        ok = string(j, NULL);
        break;
    default:
        ok = literal(j) || number(j, NULL);
    }
    j->depth--;
    return ok;
}

enum tm_status
tm_bioc_read_json(const char *path, const char *s, size_t len, tm_doc_fn fn,
                  void *ctx, struct tm_reporter *rep, struct tm_err *err)
{
    struct json j;
    struct layout l;
    enum tm_status rc = TM_OK;

    memset(&j, 0, sizeof j);
    j.s = s != NULL ? s : "";
    j.len = len;
    lay_init(&l, path, rep);
    if (value(&j, &l, fn, ctx, err, &rc) && rc == TM_OK) {
        ws(&j);
        if (j.pos < j.len)
            fail(&j, "text after the JSON value");
    }
    if (rc == TM_OK && !j.failed && l.ndocs == 0)
        tm_warn(rep, "%s: BioC JSON without documents (no \"passages\")", path);
    if (rc == TM_OK && j.failed) {
        unsigned line = 1, col = 1;
        size_t i;

        for (i = 0; i < j.pos && i < j.len; i++) {
            if (j.s[i] == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        rc = tm_err_set(err, TM_ERR_INPUT,
                        "%s:%u:%u: malformed BioC JSON: %s (after %lu "
                        "documents)",
                        path, line, col, j.why, l.ndocs);
        if (err != NULL) {
            err->line = line;
            err->column = col;
        }
    }
    lay_clear(&l);
    return rc;
}

/* ------------------------------------------------------------------ */
/* XML                                                                 */
/* ------------------------------------------------------------------ */

struct xin {
    const char *head;
    size_t hlen, hpos;
    tm_read_fn read;
    void *rctx;
    bool read_failed;
};

static int
xin_read(void *ctx, char *buf, int len)
{
    struct xin *x = ctx;
    long n;

    if (x->hpos < x->hlen) {
        size_t k = x->hlen - x->hpos;

        if (k > (size_t)len)
            k = (size_t)len;
        memcpy(buf, x->head + x->hpos, k);
        x->hpos += k;
        return (int)k;
    }
    if (x->read == NULL)
        return 0;
    n = x->read(x->rctx, buf, (size_t)len);
    if (n < 0)
        x->read_failed = true;
    return n < 0 ? -1 : (int)n;
}

static int
xin_close(void *ctx)
{
    return 0;
}

struct xerr {
    char msg[256];
    int line;
};

#if LIBXML_VERSION >= 21200
static void
on_xml_error(void *ctx, const xmlError *e)
#else
static void
on_xml_error(void *ctx, xmlErrorPtr e)
#endif
{
    struct xerr *x = ctx;

    if (e->level >= XML_ERR_ERROR && x->msg[0] == '\0') {
        size_t n;

        snprintf(x->msg, sizeof x->msg, "%s",
                 e->message ? e->message : "malformed XML");
        n = strlen(x->msg);
        while (n > 0 && (x->msg[n - 1] == '\n' || x->msg[n - 1] == ' '))
            x->msg[--n] = '\0';
        x->line = e->line;
    }
}

static bool
named(const xmlChar *n, const char *lit)
{
    return n != NULL && strcmp((const char *)n, lit) == 0;
}

enum tm_status
tm_bioc_read_xml(const char *path, const char *head, size_t len,
                 tm_read_fn read, void *rctx, tm_doc_fn fn, void *ctx,
                 struct tm_reporter *rep, struct tm_err *err)
{
    struct xin in = {head, len, 0, read, rctx, false};
    struct xerr xe;
    struct layout l;
    struct tm_buf id, type, text, offset, *cap = NULL;
    xmlTextReaderPtr r;
    int doc_depth = -1, pas_depth = -1, cap_depth = -1, ret = 0;
    enum tm_status rc = TM_OK;

    memset(&xe, 0, sizeof xe);
    r = xmlReaderForIO(xin_read, xin_close, &in, path, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOCDATA);
    if (r == NULL)
        return tm_err_set(err, TM_ERR_INPUT, "%s: cannot create an XML reader",
                          path);
    xmlTextReaderSetStructuredErrorHandler(r, on_xml_error, &xe);
    lay_init(&l, path, rep);
    tm_buf_init(&id, 4096);
    tm_buf_init(&type, 4096);
    tm_buf_init(&text, TM_INPUT_MAX_DOC);
    tm_buf_init(&offset, 64);
    while (rc == TM_OK && (ret = xmlTextReaderRead(r)) == 1) {
        int t = xmlTextReaderNodeType(r);
        int depth = xmlTextReaderDepth(r);
        const xmlChar *name = xmlTextReaderConstLocalName(r);

        if (depth > MAX_DEPTH) {
            rc = tm_err_set(err, TM_ERR_INPUT,
                            "%s:%d: elements nested deeper than %d "
                            "(excessive depth)",
                            path, xmlTextReaderGetParserLineNumber(r),
                            MAX_DEPTH);
            break;
        }
        if (t == XML_READER_TYPE_ELEMENT) {
            bool empty = xmlTextReaderIsEmptyElement(r);

            if (doc_depth < 0 && named(name, "document")) {
                doc_depth = depth;
                lay_begin(&l);
                tm_buf_reset(&id);
            } else if (doc_depth >= 0 && pas_depth < 0 &&
                       named(name, "passage")) {
                pas_depth = depth;
                tm_buf_reset(&type);
                tm_buf_reset(&text);
                tm_buf_reset(&offset);
            } else if (depth == doc_depth + 1 && named(name, "id")) {
                cap = &id;
            } else if (depth == pas_depth + 1 && named(name, "text")) {
                cap = &text;
            } else if (depth == pas_depth + 1 && named(name, "offset")) {
                cap = &offset;
            } else if (depth == pas_depth + 1 && named(name, "infon")) {
                xmlChar *key = xmlTextReaderGetAttribute(r, BAD_CAST "key");

                if (named(key, "type")) {
                    tm_buf_reset(&type);
                    cap = &type;
                }
                xmlFree(key);
            }
            if (cap != NULL && cap_depth < 0)
                cap_depth = depth;
            if (empty && cap_depth == depth) {
                cap = NULL;
                cap_depth = -1;
            }
            if (empty && depth == pas_depth) {
                pas_depth = -1;
            }
        } else if (t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
                   t == XML_READER_TYPE_WHITESPACE ||
                   t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
            const xmlChar *v = xmlTextReaderConstValue(r);

            if (cap != NULL && v != NULL && depth == cap_depth + 1)
                tm_buf_puts(cap, (const char *)v);
        } else if (t == XML_READER_TYPE_END_ELEMENT) {
            if (depth == cap_depth) {
                cap = NULL;
                cap_depth = -1;
            } else if (depth == pas_depth) {
                char *end = NULL;
                long long off =
                    offset.len > 0 ? strtoll(offset.data, &end, 10) : -1;

                if (end != NULL && *end != '\0' && *end != ' ' && *end != '\n')
                    off = -1;
                lay_passage(&l, type.data, off, text.data ? text.data : "",
                            text.len);
                pas_depth = -1;
            } else if (depth == doc_depth) {
                rc = lay_finish(&l, id.data, fn, ctx, err);
                doc_depth = -1;
            }
        }
    }
    if (rc == TM_OK && (ret < 0 || xe.msg[0] != '\0')) {
        rc = tm_err_set(err, TM_ERR_INPUT, "%s:%d: %s (after %lu documents)",
                        path, xe.line,
                        in.read_failed ? "read error"
                        : xe.msg[0]    ? xe.msg
                                       : "malformed XML",
                        l.ndocs);
        if (err != NULL)
            err->line = (unsigned)xe.line;
    }
    xmlFreeTextReader(r);
    tm_buf_clear(&id);
    tm_buf_clear(&type);
    tm_buf_clear(&text);
    tm_buf_clear(&offset);
    lay_clear(&l);
    return rc;
}
