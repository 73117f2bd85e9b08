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
#include <unistd.h>
#include <zlib.h>

#include "buf.h"
#include "parse.h"

#define CHUNK (256u * 1024u)

const char *
tm_input_kind_name(enum tm_input_kind kind)
{
    switch (kind) {
    case TM_KIND_PUBMED:
        return "pubmed";
    case TM_KIND_PMC:
        return "pmc";
    case TM_KIND_TEXT:
    default:
        return "text";
    }
}

/* Skip a BOM, white space, the XML declaration, comments, processing
 * instructions and the DOCTYPE, and return the root element's name. */
static bool
root_element(const char *s, size_t len, const char **name, size_t *nlen)
{
    size_t i = 0;

    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    for (;;) {
        while (i < len &&
               (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            i++;
        if (i >= len || s[i] != '<')
            return false;
        if (i + 1 < len && (s[i + 1] == '?' || s[i + 1] == '!')) {
            const char *end;

            if (i + 3 < len && memcmp(s + i, "<!--", 4) == 0) {
                end = NULL;
                for (size_t j = i + 4; j + 2 < len; j++) {
                    if (memcmp(s + j, "-->", 3) == 0) {
                        end = s + j + 2;
                        break;
                    }
                }
            } else {
                /* <?xml ...?> or <!DOCTYPE ...> (an internal subset with
                 * '>' inside is rare at the head; the parser copes). */
                int depth = 0;

                end = NULL;
                for (size_t j = i; j < len; j++) {
                    if (s[j] == '[')
                        depth++;
                    else if (s[j] == ']')
                        depth--;
                    else if (s[j] == '>' && depth <= 0) {
                        end = s + j;
                        break;
                    }
                }
            }
            if (end == NULL)
                return false;
            i = (size_t)(end - s) + 1;
            continue;
        }
        i++;
        *name = s + i;
        *nlen = 0;
        while (i < len && s[i] != '>' && s[i] != ' ' && s[i] != '\t' &&
               s[i] != '\n' && s[i] != '\r' && s[i] != '/') {
            i++;
            (*nlen)++;
        }
        return *nlen > 0;
    }
}

static bool
name_is(const char *name, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(name, lit, n) == 0;
}

enum tm_input_kind
tm_input_sniff(const char *head, size_t len)
{
    const char *name;
    size_t n;

    if (!root_element(head, len, &name, &n))
        return TM_KIND_TEXT;
    if (name_is(name, n, "PubmedArticleSet") ||
        name_is(name, n, "PubmedArticle") ||
        name_is(name, n, "PubmedBookArticle") ||
        name_is(name, n, "MedlineCitationSet") ||
        name_is(name, n, "MedlineCitation"))
        return TM_KIND_PUBMED;
    if (name_is(name, n, "article") || name_is(name, n, "pmc-articleset") ||
        name_is(name, n, "articles"))
        return TM_KIND_PMC;
    return TM_KIND_TEXT;
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
        if (n <= 0)
            return NULL;
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

static enum tm_status
read_text(gzFile gz, const char *path, struct tm_buf *b, tm_doc_fn fn,
          void *ctx, struct tm_err *err)
{
    char *chunk = tm_xmalloc(CHUNK);
    struct tm_doc doc;
    enum tm_status rc = TM_OK;
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
    if (n < 0)
        return gz_status(gz, path, err);
    tm_doc_init(&doc, TM_DOC_TEXT);
    doc.id = tm_xstrdup(path);
    doc.source = tm_xstrdup(path);
    doc.text = tm_buf_steal(b, &doc.len);
    tm_doc_add_section(&doc, "text", 0, doc.len);
    rc = fn(ctx, &doc, err);
    tm_doc_clear(&doc);
    /* A cut text is still extracted as far as it goes (its records are
     * real), and then reported. */
    if (rc == TM_OK)
        rc = gz_status(gz, path, err);
    return rc;
}

enum tm_status
tm_input_read(const char *path, tm_doc_fn fn, void *ctx,
              struct tm_reporter *rep, struct tm_err *err)
{
    bool is_stdin = strcmp(path, "-") == 0;
    int fd;
    gzFile gz;
    struct tm_buf b;
    char *head;
    int n;
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
    kind = tm_input_sniff(head, (size_t)n);
    if (kind == TM_KIND_TEXT) {
        tm_buf_append(&b, head, (size_t)n);
        free(head);
        rc = read_text(gz, path, &b, fn, ctx, err);
    } else if (!gzdirect(gz) && ahead_start(&a, gz)) {
        rc = tm_parse_xml(path, head, (size_t)n, ahead_reader, &a, fn, ctx, rep,
                          err);
        ahead_stop(&a);
        free(head);
    } else {
        rc = tm_parse_xml(path, head, (size_t)n, gz_reader, gz, fn, ctx, rep,
                          err);
        free(head);
    }
    /* A cut gzip explains a malformed end better than the XML parser's
     * message, and fails an input whose XML happened to be complete. */
    if (kind != TM_KIND_TEXT && (rc == TM_OK || rc == TM_ERR_INPUT) &&
        gz_status(gz, path, NULL) != TM_OK)
        rc = gz_status(gz, path, err);
    tm_buf_clear(&b);
    gzclose(gz);
    return rc;
}
