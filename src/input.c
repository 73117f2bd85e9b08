/* SPDX-License-Identifier: MIT */
/*
 * input: files in, documents out.
 *
 * zlib's gzread reads gzip and plain files alike, so there is one read
 * path for both.  The first block decides the kind: XML is recognised by
 * its root element, not by the file name.  Compressed XML is inflated by
 * a read-ahead thread while the parser works.
 */
#include "config.h"
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <zlib.h>

#include "bioc.h"
#include "buf.h"
#include "clock.h"
#include "parse.h"
#include "utf8.h"

#define CHUNK (256u * 1024u)

const char *
tm_input_kind_name(enum tm_input_kind kind)
{
    switch (kind) {
    case TM_KIND_PUBMED:
        return "pubmed";
    case TM_KIND_PMC:
        return "pmc";
    case TM_KIND_BIOC:
        return "bioc";
    case TM_KIND_BIOC_JSON:
        return "bioc-json";
    case TM_KIND_HTML:
        return "html";
    case TM_KIND_PDF:
        return "pdf";
    case TM_KIND_BINARY:
        return "binary";
    case TM_KIND_XML_OTHER:
        return "xml";
    case TM_KIND_TEXT:
    default:
        return "text";
    }
}

/* The offset just after the first lit at or after i in s[0..len), or 0. */
static size_t
past(const char *s, size_t len, size_t i, const char *lit)
{
    size_t n = strlen(lit);

    for (; i + n <= len; i++) {
        if (memcmp(s + i, lit, n) == 0)
            return i + n;
    }
    return 0;
}

bool
tm_input_xml_root(const char *s, size_t len, size_t *at, size_t *name_len,
                  bool *subset)
{
    size_t i = 0;

    *subset = false;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    for (;;) {
        size_t end = 0;

        while (i < len &&
               (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            i++;
        if (i >= len || s[i] != '<')
            return false;
        if (i + 1 < len && s[i + 1] == '?') {
            end = past(s, len, i + 2, "?>");
        } else if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            end = past(s, len, i + 4, "-->");
        } else if (i + 1 < len && s[i + 1] == '!') {
            /* <!DOCTYPE ...>: quoted strings and an internal subset's
             * brackets may hold '>'. */
            char quote = 0;
            int depth = 0;

            for (size_t j = i + 2; j < len && end == 0; j++) {
                if (quote != 0) {
                    if (s[j] == quote)
                        quote = 0;
                } else if (s[j] == '"' || s[j] == '\'') {
                    quote = s[j];
                } else if (s[j] == '[') {
                    depth++;
                    *subset = true;
                } else if (s[j] == ']') {
                    depth--;
                } else if (s[j] == '>' && depth <= 0) {
                    end = j + 1;
                }
            }
        } else {
            size_t n = 0;

            while (i + 1 + n < len && !strchr(" \t\r\n/>", s[i + 1 + n]))
                n++;
            *at = i;
            *name_len = n;
            return true;
        }
        if (end == 0)
            return false;
        i = end;
    }
}

/* The root element's name, after the prolog. */
static bool
root_element(const char *s, size_t len, const char **name, size_t *nlen)
{
    size_t i;
    bool subset;

    if (!tm_input_xml_root(s, len, &i, nlen, &subset))
        return false;
    *name = s + i + 1;
    return *nlen > 0;
}

static bool
name_is(const char *name, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(name, lit, n) == 0;
}

static bool
name_is_ci(const char *name, size_t n, const char *lit)
{
    return strlen(lit) == n && strncasecmp(name, lit, n) == 0;
}

/* JSON whose first object holds "passages" (a BioC document) or
 * "documents" (a collection); PubTator's exports are one or the other, or
 * a list of documents. */
static bool
is_bioc_json(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len &&
           (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    if (i >= len || (s[i] != '{' && s[i] != '['))
        return false;
    return memmem(s, len, "\"passages\"", 10) != NULL ||
           memmem(s, len, "\"documents\"", 11) != NULL;
}

/* Over a quarter of the bytes are NULs, control characters other than
 * white space (and ESC, which some OCR output keeps), or not UTF-8.  The
 * last character may be cut by the end of the head, so it is not
 * counted. */
static bool
is_binary(const char *s, size_t len)
{
    size_t i = 0, bad = 0;

    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        size_t k;

        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
                c != '\v' && c != 0x1B)
                bad++;
            i++;
            continue;
        }
        k = tm_utf8_seq_len((const unsigned char *)s + i, len - i);
        if (k == 0) {
            if (len - i < 4)
                break;
            bad++;
            k = 1;
        }
        i += k;
    }
    return bad * 4 > len;
}

/* Does the head open with an XML declaration or a DOCTYPE (after a BOM
 * and white space)?  Then it is XML, whatever its root. */
static bool
xml_prolog(const char *s, size_t len)
{
    size_t i = len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

    while (i < len &&
           (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return (len - i >= 5 && memcmp(s + i, "<?xml", 5) == 0) ||
           (len - i >= 9 && strncasecmp(s + i, "<!DOCTYPE", 9) == 0);
}

enum tm_input_kind
tm_input_sniff(const char *head, size_t len)
{
    const char *name;
    size_t n;

    if (len >= 5 && memcmp(head, "%PDF-", 5) == 0)
        return TM_KIND_PDF;
    if (!root_element(head, len, &name, &n)) {
        if (is_bioc_json(head, len))
            return TM_KIND_BIOC_JSON;
        if (xml_prolog(head, len))
            return TM_KIND_XML_OTHER; /* cut before its root element */
        return is_binary(head, len) ? TM_KIND_BINARY : TM_KIND_TEXT;
    }
    if (name_is(name, n, "collection"))
        return TM_KIND_BIOC;
    if (name_is_ci(name, n, "html") || name_is_ci(name, n, "head") ||
        name_is_ci(name, n, "body"))
        return TM_KIND_HTML;
    if (name_is(name, n, "PubmedArticleSet") ||
        name_is(name, n, "PubmedArticle") ||
        name_is(name, n, "PubmedBookArticle") ||
        name_is(name, n, "MedlineCitationSet") ||
        name_is(name, n, "MedlineCitation"))
        return TM_KIND_PUBMED;
    if (name_is(name, n, "article") || name_is(name, n, "pmc-articleset") ||
        name_is(name, n, "articles"))
        return TM_KIND_PMC;
    if (xml_prolog(head, len))
        return TM_KIND_XML_OTHER;
    return is_binary(head, len) ? TM_KIND_BINARY : TM_KIND_TEXT;
}

/* Reads from an open gzFile; used by the XML parser through parse.h. */
static long
gz_reader(void *ctx, char *buf, size_t len)
{
    int n = gzread((gzFile)ctx, buf, (unsigned)len);

    return n;
}

/*
 * Read-ahead for compressed input: a thread inflates up to AHEAD chunks
 * ahead of the parser, so decompression and parsing overlap.  The ring
 * of chunks bounds the memory (AHEAD x CHUNK).
 */
#define AHEAD 4

struct ahead {
    gzFile gz;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    char *buf[AHEAD];
    int len[AHEAD];           /* bytes; 0 at the end; -1 on error */
    unsigned long made, used; /* chunks inflated, chunks consumed */
    size_t off;               /* consumed bytes of the current chunk */
    bool stop;                /* the parser is done */
    double cpu;               /* the thread's CPU seconds, at its end */
};

static void *
ahead_main(void *arg)
{
    struct ahead *a = arg;

    for (;;) {
        unsigned slot;
        int n;

        pthread_mutex_lock(&a->mu);
        while (a->made - a->used == AHEAD && !a->stop)
            pthread_cond_wait(&a->cv, &a->mu);
        if (a->stop) {
            pthread_mutex_unlock(&a->mu);
            a->cpu = tm_thread_cpu_seconds();
            return NULL;
        }
        slot = (unsigned)(a->made % AHEAD);
        pthread_mutex_unlock(&a->mu);
        n = gzread(a->gz, a->buf[slot], CHUNK);
        pthread_mutex_lock(&a->mu);
        a->len[slot] = n < 0 ? -1 : n;
        a->made++;
        pthread_cond_broadcast(&a->cv);
        pthread_mutex_unlock(&a->mu);
        if (n <= 0) {
            a->cpu = tm_thread_cpu_seconds();
            return NULL;
        }
    }
}

static long
ahead_reader(void *ctx, char *buf, size_t len)
{
    struct ahead *a = ctx;
    unsigned slot;
    size_t n;
    int have;

    pthread_mutex_lock(&a->mu);
    while (a->made == a->used)
        pthread_cond_wait(&a->cv, &a->mu);
    slot = (unsigned)(a->used % AHEAD);
    have = a->len[slot];
    pthread_mutex_unlock(&a->mu);
    if (have <= 0)
        return have; /* the end or an error, every time from now on */
    n = (size_t)have - a->off;
    if (n > len)
        n = len;
    memcpy(buf, a->buf[slot] + a->off, n);
    a->off += n;
    if (a->off == (size_t)have) {
        pthread_mutex_lock(&a->mu);
        a->off = 0;
        a->used++;
        pthread_cond_broadcast(&a->cv);
        pthread_mutex_unlock(&a->mu);
    }
    return (long)n;
}

/* Start reading ahead; false (and nothing started) if no thread. */
static bool
ahead_start(struct ahead *a, gzFile gz)
{
    unsigned i;

    memset(a, 0, sizeof *a);
    a->gz = gz;
    for (i = 0; i < AHEAD; i++)
        a->buf[i] = tm_xmalloc(CHUNK);
    pthread_mutex_init(&a->mu, NULL);
    pthread_cond_init(&a->cv, NULL);
    if (pthread_create(&a->thread, NULL, ahead_main, a) == 0)
        return true;
    pthread_mutex_destroy(&a->mu);
    pthread_cond_destroy(&a->cv);
    for (i = 0; i < AHEAD; i++)
        free(a->buf[i]);
    return false;
}

static void
ahead_stop(struct ahead *a)
{
    unsigned i;

    pthread_mutex_lock(&a->mu);
    a->stop = true;
    pthread_cond_broadcast(&a->cv);
    pthread_mutex_unlock(&a->mu);
    pthread_join(a->thread, NULL);
    pthread_mutex_destroy(&a->mu);
    pthread_cond_destroy(&a->cv);
    for (i = 0; i < AHEAD; i++)
        free(a->buf[i]);
}

/*
 * The inflater's state at the end of the input.  gzread returns the data
 * before a cut and then 0, as at a clean end; only gzerror's Z_BUF_ERROR
 * tells that the gzip stream stopped in the middle (gzip -t: "unexpected
 * end of file").  Checked for every kind, since a cut inside the gzip
 * trailer leaves the XML itself complete.
 */
static enum tm_status
gz_status(gzFile gz, const char *path, struct tm_err *err)
{
    int zerr;
    const char *msg = gzerror(gz, &zerr);

    if (zerr == Z_OK)
        return TM_OK;
    if (zerr == Z_BUF_ERROR)
        return tm_err_set(err, TM_ERR_INPUT,
                          "%s: gzip input truncated (unexpected end of file); "
                          "only the part before the cut was read",
                          path);
    return tm_err_set(err, TM_ERR_INPUT, "%s: read error: %s", path,
                      zerr == Z_ERRNO ? strerror(errno) : msg);
}

/* Append the rest of the input to b; a size over b's limit or a read
 * error fails. */
static enum tm_status
read_rest(gzFile gz, const char *path, struct tm_buf *b, struct tm_err *err)
{
    char *chunk = tm_xmalloc(CHUNK);
    int n;

    while ((n = gzread(gz, chunk, CHUNK)) > 0) {
        if (!tm_buf_append(b, chunk, (size_t)n)) {
            free(chunk);
            return tm_err_set(err, TM_ERR_LIMIT,
                              "%s: document larger than the limit of %zu "
                              "bytes; skipped",
                              path, b->limit);
        }
    }
    free(chunk);
    return n < 0 ? gz_status(gz, path, err) : TM_OK;
}

/* A text input is one document: the (UTF-8) bytes in b. */
static enum tm_status
deliver_text(const char *path, struct tm_buf *b, tm_doc_fn fn, void *ctx,
             struct tm_err *err)
{
    struct tm_doc doc;
    enum tm_status rc;

    tm_doc_init(&doc, TM_DOC_TEXT);
    doc.id = tm_xstrdup(path);
    doc.source = tm_xstrdup(path);
    doc.text = tm_buf_steal(b, &doc.len);
    tm_doc_add_section(&doc, "text", 0, doc.len);
    rc = fn(ctx, &doc, err);
    tm_doc_clear(&doc);
    return rc;
}

/* Unicode encodings a byte order mark announces. */
enum encoding { ENC_UTF8, ENC_UTF16LE, ENC_UTF16BE, ENC_UTF32LE, ENC_UTF32BE };

static enum encoding
bom(const char *s, size_t n, size_t *skip)
{
    const unsigned char *u = (const unsigned char *)s;

    *skip = 0;
    if (n >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) {
        *skip = 4;
        return ENC_UTF32LE;
    }
    if (n >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF) {
        *skip = 4;
        return ENC_UTF32BE;
    }
    if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        *skip = 2;
        return ENC_UTF16LE;
    }
    if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        *skip = 2;
        return ENC_UTF16BE;
    }
    return ENC_UTF8;
}

/* Decode UTF-16/32 (after its BOM) into UTF-8 in out.  Unpaired
 * surrogates, values beyond U+10FFFF and a cut last unit become U+FFFD,
 * as invalid UTF-8 does elsewhere.  False when out's limit is reached. */
static bool
decode_utf(const char *s, size_t len, enum encoding enc, struct tm_buf *out)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t w = enc == ENC_UTF16LE || enc == ENC_UTF16BE ? 2 : 4, i;
    bool le = enc == ENC_UTF16LE || enc == ENC_UTF32LE;

    for (i = 0; i < len; i += w) {
        int32_t cp;
        char utf8[4];

        if (len - i < w) {
            cp = 0xFFFD;
        } else if (w == 4) {
            uint32_t v =
                le ? (uint32_t)u[i] | (uint32_t)u[i + 1] << 8 |
                         (uint32_t)u[i + 2] << 16 | (uint32_t)u[i + 3] << 24
                   : (uint32_t)u[i + 3] | (uint32_t)u[i + 2] << 8 |
                         (uint32_t)u[i + 1] << 16 | (uint32_t)u[i] << 24;

            cp = v > 0x10FFFF ? 0xFFFD : (int32_t)v;
        } else {
            cp = le ? u[i] | u[i + 1] << 8 : u[i + 1] | u[i] << 8;
            if (cp >= 0xD800 && cp <= 0xDBFF && len - i >= 4) {
                int32_t lo =
                    le ? u[i + 2] | u[i + 3] << 8 : u[i + 3] | u[i + 2] << 8;

                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 2;
                }
            }
        }
        if (!tm_buf_append(out, utf8, tm_utf8_encode(cp, utf8)))
            return false;
    }
    return true;
}

/* The refused kinds, with what to do instead. */
static enum tm_status
refuse(const char *path, enum tm_input_kind kind, struct tm_err *err)
{
    switch (kind) {
    case TM_KIND_PDF:
        return tm_err_set(err, TM_ERR_INPUT,
                          "%s: a PDF file, not read; convert it to text "
                          "first: pdftotext -layout %s out.txt",
                          path, path);
    case TM_KIND_HTML:
        return tm_err_set(err, TM_ERR_INPUT,
                          "%s: an HTML page, not read (its markup would be "
                          "read as text); save it as text first, e.g. "
                          "pandoc -t plain %s -o out.txt, or give the "
                          "article's PubMed or PMC XML",
                          path, path);
    case TM_KIND_XML_OTHER:
        return tm_err_set(err, TM_ERR_INPUT,
                          "%s: XML whose root element is not PubMed "
                          "(PubmedArticleSet), PMC JATS (article, "
                          "pmc-articleset) or BioC (collection), or that is "
                          "cut before its root element; not read",
                          path);
    case TM_KIND_BINARY:
    default:
        return tm_err_set(err, TM_ERR_INPUT,
                          "%s: binary data, not text (NUL or control bytes, "
                          "or mostly not UTF-8; UTF-16 needs a byte order "
                          "mark); not read",
                          path);
    }
}

static bool
is_refused(enum tm_input_kind kind)
{
    return kind == TM_KIND_PDF || kind == TM_KIND_HTML ||
           kind == TM_KIND_BINARY || kind == TM_KIND_XML_OTHER;
}

/* The XML reader for a kind: BioC streams through its own reader, which
 * keeps passage text verbatim; PubMed and PMC through the SAX parser. */
/* What tm_input_read gives no options: every record, the parse stage. */
static const struct tm_input_opts no_opts;

/* Read BioC XML, or PubMed or PMC XML as o says: from the o->skip-th
 * record on, or through o->xml when set (UTF-8 only: the caller says). */
static enum tm_status
read_markup(const struct tm_input_opts *o, enum tm_input_kind kind,
            const char *path, const char *head, size_t len, tm_read_fn read,
            void *rctx, tm_doc_fn fn, void *ctx, struct tm_reporter *rep,
            struct tm_err *err)
{
    if (kind == TM_KIND_BIOC)
        return tm_bioc_read_xml(path, head, len, read, rctx, fn, ctx, rep, err);
    if (o->xml != NULL)
        return o->xml(o->xml_ctx, path, head, len, read, rctx, err);
    return tm_parse_xml_from(path, o->skip, head, len, read, rctx, fn, ctx, rep,
                             err);
}

/* A reader with nothing more to give: the whole input is in the head. */
static long
no_more(void *ctx, char *buf, size_t len)
{
    return 0;
}

/*
 * UTF-16 or UTF-32 with a byte order mark: the whole input is decoded to
 * UTF-8 and then read by its kind.  XML goes to libxml2 undecoded, since
 * its declaration names the encoding libxml2 then decodes.
 */
static enum tm_status
read_wide(gzFile gz, const char *path, enum encoding enc, size_t skip,
          struct tm_buf *raw, tm_doc_fn fn, void *ctx, struct tm_reporter *rep,
          struct tm_err *err)
{
    struct tm_buf b;
    enum tm_input_kind kind;
    enum tm_status rc;

    rc = read_rest(gz, path, raw, err);
    if (rc != TM_OK)
        return rc;
    tm_buf_init(&b, TM_INPUT_MAX_DOC);
    if (!decode_utf(raw->data + skip, raw->len - skip, enc, &b)) {
        tm_buf_clear(&b);
        return tm_err_set(err, TM_ERR_LIMIT,
                          "%s: document larger than the limit of %zu "
                          "bytes; skipped",
                          path, b.limit);
    }
    kind = tm_input_sniff(b.data != NULL ? b.data : "",
                          b.len < CHUNK ? b.len : CHUNK);
    if (is_refused(kind))
        rc = refuse(path, kind, err);
    else if (kind == TM_KIND_TEXT)
        rc = deliver_text(path, &b, fn, ctx, err);
    else if (kind == TM_KIND_BIOC_JSON)
        rc = tm_bioc_read_json(path, b.data, b.len, fn, ctx, rep, err);
    else
        rc = read_markup(&no_opts, kind, path, raw->data, raw->len, no_more,
                         NULL, fn, ctx, rep, err);
    tm_buf_clear(&b);
    return rc;
}

enum tm_status
tm_input_read(const char *path, tm_doc_fn fn, void *ctx,
              struct tm_reporter *rep, struct tm_err *err)
{
    return tm_input_read_opts(path, fn, ctx, rep, NULL, err);
}

enum tm_status
tm_input_read_opts(const char *path, tm_doc_fn fn, void *ctx,
                   struct tm_reporter *rep, const struct tm_input_opts *opts,
                   struct tm_err *err)
{
    const struct tm_input_opts *o = opts != NULL ? opts : &no_opts;
    bool is_stdin = strcmp(path, "-") == 0;
    int fd;
    gzFile gz;
    struct tm_buf b;
    char *head;
    int n;
    size_t skip;
    enum encoding enc;
    enum tm_input_kind kind;
    enum tm_status rc;
    struct ahead a;

    fd = is_stdin ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return tm_err_set(err, TM_ERR_INPUT, "%s: %s", path, strerror(errno));
    gz = gzdopen(fd, "rb");
    if (gz == NULL) {
        close(fd);
        return tm_err_set(err, TM_ERR_INPUT, "%s: cannot open", path);
    }
    gzbuffer(gz, CHUNK);
    tm_buf_init(&b, TM_INPUT_MAX_DOC);
    head = tm_xmalloc(CHUNK);
    n = gzread(gz, head, CHUNK);
    if (n < 0) {
        rc = gz_status(gz, path, err);
        free(head);
        gzclose(gz);
        return rc;
    }
    enc = bom(head, (size_t)n, &skip);
    kind = enc != ENC_UTF8 ? TM_KIND_TEXT : tm_input_sniff(head, (size_t)n);
    if (enc != ENC_UTF8) {
        /* 4 bytes per character at most in UTF-32 */
        b.limit = 4 * (size_t)TM_INPUT_MAX_DOC;
        tm_buf_append(&b, head, (size_t)n);
        free(head);
        rc = read_wide(gz, path, enc, skip, &b, fn, ctx, rep, err);
    } else if (is_refused(kind)) {
        free(head);
        rc = refuse(path, kind, err);
    } else if (kind == TM_KIND_TEXT || kind == TM_KIND_BIOC_JSON) {
        tm_buf_append(&b, head, (size_t)n);
        free(head);
        rc = read_rest(gz, path, &b, err);
        /* A cut text is still extracted as far as it goes (its records
         * are real), and then reported. */
        if (rc == TM_OK && kind == TM_KIND_TEXT)
            rc = deliver_text(path, &b, fn, ctx, err);
        else if (rc == TM_OK)
            rc = tm_bioc_read_json(path, b.data, b.len, fn, ctx, rep, err);
    } else if (!gzdirect(gz) && ahead_start(&a, gz)) {
        rc = read_markup(o, kind, path, head, (size_t)n, ahead_reader, &a, fn,
                         ctx, rep, err);
        ahead_stop(&a);
        if (o->inflate_cpu != NULL)
            *o->inflate_cpu += a.cpu;
        free(head);
    } else {
        rc = read_markup(o, kind, path, head, (size_t)n, gz_reader, gz, fn, ctx,
                         rep, err);
        free(head);
    }
    /* A cut gzip explains a malformed end better than a parser's message,
     * and fails an input whose content happened to be complete. */
    if (!is_refused(kind) && (rc == TM_OK || rc == TM_ERR_INPUT) &&
        gz_status(gz, path, NULL) != TM_OK)
        rc = gz_status(gz, path, err);
    tm_buf_clear(&b);
    gzclose(gz);
    return rc;
}
