/* SPDX-License-Identifier: MIT */
/*
 * eutils: search, batch, fetch, retry, cache.
 *
 * Cache layout, one directory per query (db, term, dates, max):
 *   query.txt          what the query was (for people; no key in it)
 *   ids.txt            every id, one per line: the resume point
 *   batch-NNNNNN.xml   efetch answer for ids [N*B, (N+1)*B)
 *   batch-NNNNNN-K.xml a later request for ids that batch N lacked
 *   batch-NNNNNN.missing  ids never returned despite retries
 * Every file is written to a temporary name and renamed, so a file that
 * exists is complete, and a killed run loses at most the batch in flight.
 */
#include "config.h"
#include "eutils.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "clock.h"
#include "http.h"

/* PubMed's esearch returns at most this many ids per query. */
#define PUBMED_CAP 9999
#define PAGE 5000
#define MAX_BODY (512u << 20)
/* Seconds: the longest backoff, and the most of a Retry-After honoured. */
#define MAX_WAIT 60
/* Requests are spaced 10% wider than the rate asks: NCBI counts arrivals,
 * and arrivals jitter (4 were once seen within 0.999 s at 3/s). */
#define RATE_MARGIN 1.1

void
tm_eutils_opts_init(struct tm_eutils_opts *o)
{
    memset(o, 0, sizeof *o);
    o->base_url = TM_EUTILS_DEFAULT_URL;
    o->db = "pubmed";
    o->tool = "trialmine";
    o->batch = 200;
    o->retries = 5;
    o->backoff = 1.0;
    o->timeout = 120;
}

void
tm_eutils_result_clear(struct tm_eutils_result *res)
{
    free(res->dir);
    tm_strv_clear(&res->files);
    memset(res, 0, sizeof *res);
}

/* ------------------------------------------------------------------ */
/* Files                                                               */
/* ------------------------------------------------------------------ */

static bool
file_exists(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static enum tm_status
mkdirs(const char *path, struct tm_err *err)
{
    char *p = tm_xstrdup(path), *s;

    for (s = p + 1; *s != '\0'; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            tm_err_set(err, TM_ERR_IO, "%s: %s", p, strerror(errno));
            free(p);
            return TM_ERR_IO;
        }
        *s = '/';
    }
    if (mkdir(p, 0777) != 0 && errno != EEXIST) {
        tm_err_set(err, TM_ERR_IO, "%s: %s", p, strerror(errno));
        free(p);
        return TM_ERR_IO;
    }
    free(p);
    return TM_OK;
}

/* Write data to path atomically: a temporary file, fsync, rename. */
static enum tm_status
write_atomic(const char *path, const char *data, size_t len, struct tm_err *err)
{
    struct tm_buf tmp;
    int fd;
    size_t off = 0;
    enum tm_status rc = TM_OK;

    tm_buf_init(&tmp, 0);
    tm_buf_printf(&tmp, "%s.tmp.XXXXXX", path);
    fd = mkstemp(tmp.data);
    if (fd < 0) {
        rc = tm_err_set(err, TM_ERR_IO, "%s: %s", path, strerror(errno));
        tm_buf_clear(&tmp);
        return rc;
    }
    while (off < len) {
        ssize_t n = write(fd, data + off, len - off);

        if (n < 0) {
            if (errno == EINTR)
                continue;
            rc = tm_err_set(err, TM_ERR_IO, "%s: %s", path, strerror(errno));
            break;
        }
        off += (size_t)n;
    }
    if (rc == TM_OK && fsync(fd) != 0)
        rc = tm_err_set(err, TM_ERR_IO, "%s: %s", path, strerror(errno));
    if (close(fd) != 0 && rc == TM_OK)
        rc = tm_err_set(err, TM_ERR_IO, "%s: %s", path, strerror(errno));
    if (rc == TM_OK && rename(tmp.data, path) != 0)
        rc = tm_err_set(err, TM_ERR_IO, "%s: %s", path, strerror(errno));
    if (rc != TM_OK)
        unlink(tmp.data);
    tm_buf_clear(&tmp);
    return rc;
}

static uint64_t
fnv1a(uint64_t h, const char *s)
{
    for (; *s != '\0'; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    h ^= 0xff; /* field separator */
    h *= 1099511628211ull;
    return h;
}

char *
tm_eutils_cache_entry(const struct tm_eutils_opts *o, const char *query)
{
    uint64_t h = 1469598103934665603ull;
    char max[32];
    struct tm_buf b;

    snprintf(max, sizeof max, "%lu", o->max);
    h = fnv1a(h, o->db);
    h = fnv1a(h, query);
    h = fnv1a(h, o->mindate ? o->mindate : "");
    h = fnv1a(h, o->maxdate ? o->maxdate : "");
    h = fnv1a(h, max);
    tm_buf_init(&b, 0);
    tm_buf_printf(&b, "%s/%s-%016llx", o->cache_dir, o->db,
                  (unsigned long long)h);
    return tm_buf_steal(&b, NULL);
}

static char *
batch_path(const char *dir, unsigned long i, unsigned k, const char *ext)
{
    struct tm_buf b;

    tm_buf_init(&b, 0);
    if (k == 0)
        tm_buf_printf(&b, "%s/batch-%06lu.%s", dir, i + 1, ext);
    else
        tm_buf_printf(&b, "%s/batch-%06lu-%u.%s", dir, i + 1, k, ext);
    return tm_buf_steal(&b, NULL);
}

static enum tm_status
read_ids(const char *path, struct tm_strv *ids, struct tm_err *err)
{
    struct tm_buf b;
    char *line, *next;
    enum tm_status rc;

    tm_buf_init(&b, 1u << 30);
    rc = tm_buf_read_file(&b, path, err);
    for (line = b.data; rc == TM_OK && line != NULL && *line; line = next) {
        next = strchr(line, '\n');
        if (next != NULL)
            *next++ = '\0';
        if (*line != '\0')
            tm_strv_push(ids, line);
    }
    tm_buf_clear(&b);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Responses                                                           */
/* ------------------------------------------------------------------ */

static void
quiet_xml_errors(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static xmlDocPtr
read_xml(const char *body, size_t len, struct tm_err *err, const char *what)
{
    xmlDocPtr doc;
    const xmlError *e;

    if (len == 0) {
        tm_err_set(err, TM_ERR_INPUT, "%s: empty response", what);
        return NULL;
    }
    if (len > INT32_MAX) {
        tm_err_set(err, TM_ERR_INPUT, "%s: response too large", what);
        return NULL;
    }
    xmlSetGenericErrorFunc(NULL, quiet_xml_errors);
    /* NONET, no entity substitution, no DTD: answers are data. */
    doc = xmlReadMemory(body, (int)len, NULL, NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR |
                            XML_PARSE_NOWARNING);
    if (doc == NULL) {
        e = xmlGetLastError();
        tm_err_set(err, TM_ERR_INPUT, "%s: not well-formed XML%s%s", what,
                   e && e->message ? ": " : "",
                   e && e->message ? e->message : "");
        /* libxml2 messages end with a newline. */
        if (err != NULL) {
            size_t n = strlen(err->msg);

            while (n > 0 && (err->msg[n - 1] == '\n' || err->msg[n - 1] == ' '))
                err->msg[--n] = '\0';
        }
        return NULL;
    }
    return doc;
}

static bool
named(xmlNodePtr n, const char *name)
{
    return n != NULL && n->type == XML_ELEMENT_NODE &&
           strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr
child(xmlNodePtr n, const char *name)
{
    for (n = n ? n->children : NULL; n != NULL; n = n->next) {
        if (named(n, name))
            return n;
    }
    return NULL;
}

/* The first non-empty <ERROR> child's text, or NULL (caller frees). */
static char *
error_text(xmlNodePtr root)
{
    xmlNodePtr n;

    for (n = root->children; n != NULL; n = n->next) {
        if (named(n, "ERROR")) {
            xmlChar *t = xmlNodeGetContent(n);
            char *s = NULL;

            if (t != NULL && t[0] != '\0')
                s = tm_xstrdup((const char *)t);
            xmlFree(t);
            if (s != NULL)
                return s;
        }
    }
    return NULL;
}

enum tm_status
tm_eutils_parse_esearch(const char *body, size_t len, unsigned long *count,
                        struct tm_strv *ids, struct tm_err *err)
{
    xmlDocPtr doc = read_xml(body, len, err, "esearch");
    xmlNodePtr root, n, list;
    char *msg;
    enum tm_status rc = TM_OK;

    if (doc == NULL)
        return TM_ERR_INPUT;
    root = xmlDocGetRootElement(doc);
    if (!named(root, "eSearchResult")) {
        rc = tm_err_set(err, TM_ERR_INPUT, "esearch: unexpected answer <%s>",
                        root ? (const char *)root->name : "");
        goto out;
    }
    if ((msg = error_text(root)) != NULL) {
        rc = tm_err_set(err, TM_ERR_INPUT, "esearch: NCBI says: %s", msg);
        free(msg);
        goto out;
    }
    n = child(root, "Count");
    if (n == NULL) {
        rc = tm_err_set(err, TM_ERR_INPUT, "esearch: answer without Count");
        goto out;
    }
    {
        xmlChar *t = xmlNodeGetContent(n);

        *count = strtoul((const char *)t, NULL, 10);
        xmlFree(t);
    }
    list = child(root, "IdList");
    for (n = list ? list->children : NULL; n != NULL; n = n->next) {
        if (named(n, "Id")) {
            xmlChar *t = xmlNodeGetContent(n);

            tm_strv_push(ids, (const char *)t);
            xmlFree(t);
        }
    }
out:
    xmlFreeDoc(doc);
    return rc;
}

/* The PMC id of a JATS article (digits, without "PMC"), or NULL. */
static char *
pmc_id(xmlNodePtr article)
{
    xmlNodePtr meta = child(child(article, "front"), "article-meta"), n;

    for (n = meta ? meta->children : NULL; n != NULL; n = n->next) {
        xmlChar *type, *t;
        char *id = NULL;

        if (!named(n, "article-id"))
            continue;
        type = xmlGetProp(n, (const xmlChar *)"pub-id-type");
        if (type != NULL && (strcmp((const char *)type, "pmc") == 0 ||
                             strcmp((const char *)type, "pmcid") == 0)) {
            t = xmlNodeGetContent(n);
            id = tm_xstrdup((const char *)t +
                            (strncmp((const char *)t, "PMC", 3) == 0 ? 3 : 0));
            xmlFree(t);
        }
        xmlFree(type);
        if (id != NULL)
            return id;
    }
    return NULL;
}

enum tm_status
tm_eutils_parse_efetch(const char *db, const char *body, size_t len,
                       struct tm_strv *ids, unsigned long *no_body,
                       struct tm_err *err)
{
    xmlDocPtr doc = read_xml(body, len, err, "efetch");
    xmlNodePtr root, n;
    char *msg;
    bool pmc = strcmp(db, "pmc") == 0;
    enum tm_status rc = TM_OK;

    if (doc == NULL)
        return TM_ERR_INPUT;
    root = xmlDocGetRootElement(doc);
    if (root != NULL && (msg = error_text(root)) != NULL) {
        rc = tm_err_set(err, TM_ERR_INPUT, "efetch: NCBI says: %s", msg);
        free(msg);
        goto out;
    }
    if (!named(root, pmc ? "pmc-articleset" : "PubmedArticleSet")) {
        rc = tm_err_set(err, TM_ERR_INPUT, "efetch: unexpected answer <%s>",
                        root ? (const char *)root->name : "");
        goto out;
    }
    for (n = root->children; n != NULL; n = n->next) {
        if (!pmc &&
            (named(n, "PubmedArticle") || named(n, "PubmedBookArticle"))) {
            xmlNodePtr c = child(n, "MedlineCitation");
            xmlNodePtr pmid =
                c ? child(c, "PMID") : child(child(n, "BookDocument"), "PMID");

            if (pmid != NULL) {
                xmlChar *t = xmlNodeGetContent(pmid);

                tm_strv_push(ids, (const char *)t);
                xmlFree(t);
            }
        } else if (pmc && named(n, "article")) {
            char *id = pmc_id(n);

            if (id != NULL) {
                tm_strv_push(ids, id);
                free(id);
            }
            if (child(n, "body") == NULL && no_body != NULL)
                (*no_body)++;
        }
    }
out:
    xmlFreeDoc(doc);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Requests: rate, retries, backoff                                    */
/* ------------------------------------------------------------------ */

struct client {
    const struct tm_eutils_opts *o;
    struct tm_http *http;
    struct tm_http_resp resp;
    double interval; /* seconds between request starts */
    double last;     /* monotonic start of the previous request */
    double t0;
    unsigned seed;
    unsigned long requests;
    struct tm_reporter *rep;
};

static bool
stopped(const struct tm_eutils_opts *o)
{
    return o->stop != NULL && *o->stop;
}

/* Sleep s seconds, waking early when asked to stop. */
static void
sleep_for(const struct tm_eutils_opts *o, double s)
{
    struct timespec ts;

    if (s <= 0)
        return;
    ts.tv_sec = (time_t)s;
    ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR && !stopped(o))
        ;
}

/* http's before_send hook: keep the requests actually sent (libcurl's
 * own included) at least `interval` apart, and count them. */
static void
before_send(void *ctx)
{
    struct client *c = ctx;
    double t = tm_monotonic_seconds();

    if (c->last > 0 && t - c->last < c->interval)
        sleep_for(c->o, c->interval - (t - c->last));
    c->last = tm_monotonic_seconds();
    c->requests++;
}

/*
 * Make text from the server (an <ERROR>, a parser message quoting the
 * body) fit for one line of stderr: control characters and runs of white
 * space become one space, and the API key, should the server echo it,
 * becomes "[redacted]".
 */
static void
clean_server_text(char *s, size_t size, const char *key)
{
    struct tm_buf b;
    size_t klen = key != NULL ? strlen(key) : 0, i;

    tm_buf_init(&b, 0);
    for (i = 0; s[i] != '\0'; i++) {
        unsigned char ch = (unsigned char)s[i];

        if (klen > 0 && strncmp(s + i, key, klen) == 0) {
            tm_buf_puts(&b, "[redacted]");
            i += klen - 1;
        } else if (ch < 0x20 || ch == 0x7f || ch == ' ') {
            if (b.len > 0 && b.data[b.len - 1] != ' ')
                tm_buf_putc(&b, ' ');
        } else {
            tm_buf_putc(&b, (char)ch);
        }
    }
    snprintf(s, size, "%s", b.data != NULL ? b.data : "");
    tm_buf_clear(&b);
}

/* Build the common part of a form: db, tool, email, api_key. */
static void
form_common(struct client *c, struct tm_buf *f)
{
    tm_buf_puts(f, "db=");
    tm_http_escape(c->http, f, c->o->db);
    tm_buf_puts(f, "&tool=");
    tm_http_escape(c->http, f, c->o->tool);
    if (c->o->email != NULL) {
        tm_buf_puts(f, "&email=");
        tm_http_escape(c->http, f, c->o->email);
    }
    if (c->o->api_key != NULL) {
        tm_buf_puts(f, "&api_key=");
        tm_http_escape(c->http, f, c->o->api_key);
    }
}

typedef enum tm_status (*validate_fn)(void *ctx, const char *body, size_t len,
                                      struct tm_err *err);

/*
 * POST form to endpoint until validate accepts the body, retrying what
 * can be retried.  `what` names the request in messages ("efetch batch
 * 3/10").
 */
static enum tm_status
request(struct client *c, const char *endpoint, const char *form,
        const char *what, validate_fn validate, void *vctx, struct tm_err *err)
{
    struct tm_buf url;
    unsigned attempt;
    enum tm_status rc = TM_OK;
    char reason[TM_ERR_MSG_MAX] = "";

    tm_buf_init(&url, 0);
    tm_buf_printf(&url, "%s%s", c->o->base_url, endpoint);
    for (attempt = 0; attempt <= c->o->retries; attempt++) {
        struct tm_err e;
        double wait;
        bool retry = true;

        tm_err_clear(&e);
        if (attempt > 0) {
            /* Exponential backoff with jitter, or what the server asked,
             * up to MAX_WAIT: a server must not park the run for hours. */
            double asked = c->resp.retry_after;

            wait = c->o->backoff * pow(2.0, (double)(attempt - 1));
            if (wait > MAX_WAIT)
                wait = MAX_WAIT;
            wait *= 0.5 + (double)rand_r(&c->seed) / RAND_MAX / 2;
            if (asked > MAX_WAIT) {
                tm_warn(c->rep,
                        "%s: the server asks to wait %.0f s (Retry-After); "
                        "waiting %d s, the longest wait trialmine honours",
                        what, asked, MAX_WAIT);
                asked = MAX_WAIT;
            }
            if (asked > wait)
                wait = asked;
            sleep_for(c->o, wait);
        }
        if (stopped(c->o)) {
            snprintf(reason, sizeof reason, "interrupted");
            break;
        }
        if (tm_http_post(c->http, url.data, form, &c->resp, &e) != TM_OK) {
            snprintf(reason, sizeof reason, "%s", e.msg);
        } else if (c->resp.status == 429) {
            snprintf(reason, sizeof reason, "HTTP 429 (rate limit exceeded)");
        } else if (c->resp.status >= 500) {
            snprintf(reason, sizeof reason, "HTTP %ld", c->resp.status);
        } else if (c->resp.status != 200) {
            snprintf(reason, sizeof reason, "HTTP %ld", c->resp.status);
            retry = false;
        } else if (validate(vctx, c->resp.body.data ? c->resp.body.data : "",
                            c->resp.body.len, &e) != TM_OK) {
            snprintf(reason, sizeof reason, "%s", e.msg);
        } else {
            rc = TM_OK;
            goto out;
        }
        clean_server_text(reason, sizeof reason, c->o->api_key);
        if (attempt < c->o->retries && retry)
            tm_warn(c->rep, "%s: %s; retrying", what, reason);
        if (!retry)
            break;
    }
    rc = tm_err_set(err, TM_ERR_IO, "%s failed after %u attempt%s: %s", what,
                    attempt > c->o->retries ? c->o->retries + 1 : attempt + 1,
                    attempt == 0 ? "" : "s", reason);
out:
    tm_buf_clear(&url);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Search                                                              */
/* ------------------------------------------------------------------ */

struct esearch_ctx {
    unsigned long count;
    struct tm_strv ids;
};

static enum tm_status
validate_esearch(void *ctx, const char *body, size_t len, struct tm_err *err)
{
    struct esearch_ctx *sc = ctx;

    tm_strv_clear(&sc->ids);
    return tm_eutils_parse_esearch(body, len, &sc->count, &sc->ids, err);
}

static enum tm_status
esearch(struct client *c, const char *term, unsigned long retstart,
        unsigned long retmax, struct esearch_ctx *sc, struct tm_err *err)
{
    struct tm_buf f;
    enum tm_status rc;

    tm_buf_init(&f, 0);
    form_common(c, &f);
    tm_buf_puts(&f, "&term=");
    tm_http_escape(c->http, &f, term);
    tm_buf_printf(&f, "&retstart=%lu&retmax=%lu", retstart, retmax);
    if (c->o->mindate != NULL && c->o->maxdate != NULL) {
        tm_buf_puts(&f, "&datetype=pdat&mindate=");
        tm_http_escape(c->http, &f, c->o->mindate);
        tm_buf_puts(&f, "&maxdate=");
        tm_http_escape(c->http, &f, c->o->maxdate);
    }
    rc = request(c, "esearch.fcgi", f.data, "esearch", validate_esearch, sc,
                 err);
    tm_buf_clear(&f);
    return rc;
}

/* Page through the ids of term (whose count is known to fit the cap). */
static enum tm_status
collect_pages(struct client *c, const char *term, unsigned long count,
              struct tm_strv *out, unsigned long limit, struct tm_err *err)
{
    unsigned long start = 0;
    struct esearch_ctx sc = {0, {NULL, 0, 0}};
    enum tm_status rc = TM_OK;

    while (start < count && (limit == 0 || out->n < limit)) {
        size_t i;

        rc = esearch(c, term, start, PAGE, &sc, err);
        if (rc != TM_OK)
            break;
        if (sc.ids.n == 0)
            break;
        for (i = 0; i < sc.ids.n && (limit == 0 || out->n < limit); i++)
            tm_strv_push(out, sc.ids.v[i]);
        start += sc.ids.n;
    }
    tm_strv_clear(&sc.ids);
    return rc;
}

/*
 * PubMed: a query with more than 9,999 hits is split into PMID ranges
 * ("(Q) AND lo:hi[uid]"), halving each range until its count fits, as
 * EDirect does.
 */
static enum tm_status
collect_range(struct client *c, const char *query, unsigned long lo,
              unsigned long hi, struct tm_strv *out, unsigned long limit,
              struct tm_err *err)
{
    struct tm_buf term;
    struct esearch_ctx sc = {0, {NULL, 0, 0}};
    enum tm_status rc;

    if (limit != 0 && out->n >= limit)
        return TM_OK;
    tm_buf_init(&term, 0);
    tm_buf_printf(&term, "(%s) AND %lu:%lu[uid]", query, lo, hi);
    rc = esearch(c, term.data, 0, 0, &sc, err);
    if (rc == TM_OK && sc.count > 0) {
        if (sc.count <= PUBMED_CAP || lo == hi) {
            rc = collect_pages(c, term.data, sc.count, out, limit, err);
        } else {
            /* Ids come newest first: take the upper half first. */
            unsigned long mid = lo + (hi - lo) / 2;

            rc = collect_range(c, query, mid + 1, hi, out, limit, err);
            if (rc == TM_OK)
                rc = collect_range(c, query, lo, mid, out, limit, err);
        }
    }
    tm_strv_clear(&sc.ids);
    tm_buf_clear(&term);
    return rc;
}

static enum tm_status
search(struct client *c, const char *query, struct tm_strv *ids,
       unsigned long *count, struct tm_err *err)
{
    struct esearch_ctx sc = {0, {NULL, 0, 0}};
    unsigned long want;
    enum tm_status rc;
    size_t i, k;

    rc = esearch(c, query, 0, 0, &sc, err);
    tm_strv_clear(&sc.ids);
    if (rc != TM_OK)
        return rc;
    want = c->o->max != 0 && c->o->max < sc.count ? c->o->max : sc.count;
    *count = want;
    if (sc.count <= PUBMED_CAP || strcmp(c->o->db, "pubmed") != 0)
        rc = collect_pages(c, query, sc.count, ids, c->o->max, err);
    else
        rc = collect_range(c, query, 1, 99999999, ids, c->o->max, err);
    if (rc != TM_OK)
        return rc;
    /* The same id twice (overlapping pages) is kept once. */
    for (i = 0, k = 0; i < ids->n; i++) {
        size_t j;
        bool dup = false;

        for (j = i > 64 ? i - 64 : 0; j < k && !dup; j++)
            dup = strcmp(ids->v[j], ids->v[i]) == 0;
        if (dup)
            free(ids->v[i]);
        else
            ids->v[k++] = ids->v[i];
    }
    ids->n = k;
    if (ids->n != want)
        return tm_err_set(err, TM_ERR_IO,
                          "esearch: collected %zu ids but Count says %lu; "
                          "rerun with --refresh to search again",
                          ids->n, want);
    return TM_OK;
}

/* ------------------------------------------------------------------ */
/* Fetch                                                               */
/* ------------------------------------------------------------------ */

struct efetch_ctx {
    const char *db;
    struct tm_strv got;
    unsigned long no_body;
};

static enum tm_status
validate_efetch(void *ctx, const char *body, size_t len, struct tm_err *err)
{
    struct efetch_ctx *fc = ctx;

    tm_strv_clear(&fc->got);
    fc->no_body = 0;
    return tm_eutils_parse_efetch(fc->db, body, len, &fc->got, &fc->no_body,
                                  err);
}

static enum tm_status
efetch(struct client *c, char *const *ids, size_t n, const char *what,
       struct efetch_ctx *fc, struct tm_err *err)
{
    struct tm_buf f;
    size_t i;
    enum tm_status rc;

    tm_buf_init(&f, 0);
    form_common(c, &f);
    tm_buf_puts(&f, "&retmode=xml&id=");
    for (i = 0; i < n; i++) {
        if (i > 0)
            tm_buf_puts(&f, "%2C");
        tm_http_escape(c->http, &f, ids[i]);
    }
    fc->db = c->o->db;
    rc = request(c, "efetch.fcgi", f.data, what, validate_efetch, fc, err);
    tm_buf_clear(&f);
    return rc;
}

static bool
contains(const struct tm_strv *sv, const char *s)
{
    size_t i;

    for (i = 0; i < sv->n; i++) {
        if (strcmp(sv->v[i], s) == 0)
            return true;
    }
    return false;
}

/* Fetch batch i (ids[0..n)) into the cache, then ask again for any id the
 * answer lacked; record those never returned. */
static enum tm_status
fetch_batch(struct client *c, const char *dir, unsigned long i,
            unsigned long nbatches, char *const *ids, size_t n,
            struct tm_eutils_result *res, struct tm_err *err)
{
    struct efetch_ctx fc = {NULL, {NULL, 0, 0}, 0};
    struct tm_strv missing = {NULL, 0, 0};
    char what[96];
    char *path;
    unsigned k;
    size_t j;
    enum tm_status rc;

    snprintf(what, sizeof what, "efetch batch %lu/%lu", i + 1, nbatches);
    rc = efetch(c, ids, n, what, &fc, err);
    if (rc != TM_OK)
        goto out;
    path = batch_path(dir, i, 0, "xml");
    rc = write_atomic(path, c->resp.body.data, c->resp.body.len, err);
    free(path);
    if (rc != TM_OK)
        goto out;
    res->no_body += fc.no_body;
    for (j = 0; j < n; j++) {
        if (!contains(&fc.got, ids[j]))
            tm_strv_push(&missing, ids[j]);
    }
    /* NCBI sometimes drops records from an answer: ask for them again. */
    for (k = 1; missing.n > 0 && k <= c->o->retries; k++) {
        struct tm_strv still = {NULL, 0, 0};

        snprintf(what, sizeof what, "efetch batch %lu/%lu (%zu missing)", i + 1,
                 nbatches, missing.n);
        rc = efetch(c, missing.v, missing.n, what, &fc, err);
        if (rc != TM_OK) {
            tm_strv_clear(&missing);
            goto out;
        }
        if (fc.got.n > 0) {
            path = batch_path(dir, i, k, "xml");
            rc = write_atomic(path, c->resp.body.data, c->resp.body.len, err);
            free(path);
            if (rc != TM_OK) {
                tm_strv_clear(&missing);
                goto out;
            }
        }
        res->no_body += fc.no_body;
        for (j = 0; j < missing.n; j++) {
            if (!contains(&fc.got, missing.v[j]))
                tm_strv_push(&still, missing.v[j]);
        }
        tm_strv_clear(&missing);
        missing = still;
    }
    if (missing.n > 0) {
        struct tm_buf list;

        tm_buf_init(&list, 0);
        for (j = 0; j < missing.n; j++)
            tm_buf_printf(&list, "%s\n", missing.v[j]);
        path = batch_path(dir, i, 0, "missing");
        rc = write_atomic(path, list.data, list.len, err);
        free(path);
        tm_buf_clear(&list);
        tm_warn(c->rep,
                "efetch batch %lu/%lu: %zu id%s never returned "
                "(first: %s)",
                i + 1, nbatches, missing.n, missing.n == 1 ? "" : "s",
                missing.v[0]);
        res->missing += missing.n;
    }
    tm_strv_clear(&missing);
out:
    tm_strv_clear(&fc.got);
    return rc;
}

/* The files of batch i present in the cache, in order. */
static bool
list_batch_files(const char *dir, unsigned long i, struct tm_strv *files)
{
    char *path = batch_path(dir, i, 0, "xml");
    unsigned k;
    bool present = file_exists(path);

    if (present)
        tm_strv_push(files, path);
    free(path);
    for (k = 1; present && k <= 64; k++) {
        path = batch_path(dir, i, k, "xml");
        if (!file_exists(path)) {
            free(path);
            break;
        }
        tm_strv_push(files, path);
        free(path);
    }
    return present;
}

static enum tm_status
write_query_txt(const struct tm_eutils_opts *o, const char *dir,
                const char *query, struct tm_err *err)
{
    struct tm_buf b;
    char *path;
    enum tm_status rc;

    tm_buf_init(&b, 0);
    tm_buf_printf(&b,
                  "db: %s\nquery: %s\nmindate: %s\nmaxdate: %s\n"
                  "max: %lu\nbatch: %u\n",
                  o->db, query, o->mindate ? o->mindate : "",
                  o->maxdate ? o->maxdate : "", o->max, o->batch);
    path = tm_xmalloc(strlen(dir) + 16);
    snprintf(path, strlen(dir) + 16, "%s/query.txt", dir);
    rc = write_atomic(path, b.data, b.len, err);
    free(path);
    tm_buf_clear(&b);
    return rc;
}

/* The batch size a cache entry was made with (so a rerun with another
 * --batch still finds its files). */
static unsigned
cached_batch_size(const char *dir, unsigned dflt)
{
    struct tm_buf b, path;
    struct tm_err e;
    unsigned v = dflt;
    const char *p;

    tm_buf_init(&b, 1u << 16);
    tm_buf_init(&path, 0);
    tm_buf_printf(&path, "%s/query.txt", dir);
    if (tm_buf_read_file(&b, path.data, &e) == TM_OK &&
        (p = strstr(b.data, "\nbatch: ")) != NULL) {
        unsigned long n = strtoul(p + 8, NULL, 10);

        if (n > 0 && n <= 10000)
            v = (unsigned)n;
    }
    tm_buf_clear(&b);
    tm_buf_clear(&path);
    return v;
}

static void
report(const struct tm_eutils_opts *o, const char *phase, unsigned long done,
       unsigned long total, double t0)
{
    struct tm_eutils_progress p;

    if (o->progress == NULL)
        return;
    p.phase = phase;
    p.done = done;
    p.total = total;
    p.elapsed = tm_monotonic_seconds() - t0;
    o->progress(o->progress_ctx, &p);
}

static enum tm_status
run_fetch(const struct tm_eutils_opts *o, const char *query, bool offline,
          struct tm_eutils_result *res, struct tm_reporter *rep,
          struct tm_err *err)
{
    struct client c;
    struct tm_http_opts ho;
    struct tm_strv ids = {NULL, 0, 0};
    char *ids_path = NULL;
    unsigned long i, nbatches, done = 0;
    unsigned batch;
    enum tm_status rc = TM_OK;

    memset(res, 0, sizeof *res);
    memset(&c, 0, sizeof c);
    c.o = o;
    c.rep = rep;
    c.t0 = tm_monotonic_seconds();
    c.seed = (unsigned)getpid() ^ (unsigned)time(NULL);
    c.interval =
        RATE_MARGIN / (o->rate > 0 ? o->rate : (o->api_key ? 10.0 : 3.0));
    tm_http_resp_init(&c.resp);
    res->dir = tm_eutils_cache_entry(o, query);
    ids_path = tm_xmalloc(strlen(res->dir) + 16);
    snprintf(ids_path, strlen(res->dir) + 16, "%s/ids.txt", res->dir);

    if (!offline) {
        ho.connect_timeout = o->timeout < 15 ? o->timeout : 15;
        ho.total_timeout = o->timeout;
        ho.low_speed_time = o->timeout < 30 ? o->timeout : 30;
        ho.max_body = MAX_BODY;
        ho.user_agent = "trialmine/" PACKAGE_VERSION;
        ho.stop = o->stop;
        ho.before_send = before_send;
        ho.before_send_ctx = &c;
        rc = mkdirs(res->dir, err);
        if (rc == TM_OK && (c.http = tm_http_new(&ho, err)) == NULL)
            rc = TM_ERR_IO;
        if (rc != TM_OK)
            goto out;
    }
    if (!o->refresh && file_exists(ids_path)) {
        /* The resume point: the ids of an earlier search. */
        rc = read_ids(ids_path, &ids, err);
        batch = cached_batch_size(res->dir, o->batch);
    } else if (offline) {
        rc = tm_err_set(err, TM_ERR_INPUT,
                        "no cached search for this query in %s (run "
                        "without --offline first)",
                        o->cache_dir);
        goto out;
    } else {
        struct tm_buf list;
        unsigned long count = 0;
        size_t k;

        batch = o->batch;
        report(o, "search", 0, 0, c.t0);
        rc = write_query_txt(o, res->dir, query, err);
        if (rc == TM_OK)
            rc = search(&c, query, &ids, &count, err);
        if (rc != TM_OK)
            goto out;
        tm_buf_init(&list, 0);
        for (k = 0; k < ids.n; k++)
            tm_buf_printf(&list, "%s\n", ids.v[k]);
        rc = write_atomic(ids_path, list.data ? list.data : "", list.len, err);
        tm_buf_clear(&list);
        if (rc != TM_OK)
            goto out;
        /* A new search: batches of an older one no longer apply. */
        for (i = 0;; i++) {
            char *p = batch_path(res->dir, i, 0, "xml");
            bool had = file_exists(p);
            unsigned k2;

            unlink(p);
            free(p);
            p = batch_path(res->dir, i, 0, "missing");
            unlink(p);
            free(p);
            for (k2 = 1; k2 <= 64; k2++) {
                p = batch_path(res->dir, i, k2, "xml");
                unlink(p);
                free(p);
            }
            if (!had && i > 100000)
                break;
            if (!had)
                break;
        }
    }
    if (rc != TM_OK)
        goto out;
    res->count = ids.n;
    nbatches = (ids.n + batch - 1) / batch;
    res->batches = nbatches;
    for (i = 0; i < nbatches; i++) {
        size_t first = (size_t)i * batch;
        size_t n = ids.n - first < batch ? ids.n - first : batch;

        if (list_batch_files(res->dir, i, &res->files)) {
            done += n;
            continue;
        }
        if (!offline && stopped(o)) {
            rc = tm_err_set(err, TM_ERR_IO,
                            "interrupted before batch %lu/%lu; %lu batches "
                            "are in the cache %s: rerun the same command to "
                            "resume",
                            i + 1, nbatches, i, res->dir);
            goto out;
        }
        if (offline) {
            rc = tm_err_set(err, TM_ERR_INPUT,
                            "batch %lu/%lu of this query is not in the "
                            "cache %s (run without --offline to fetch it)",
                            i + 1, nbatches, res->dir);
            goto out;
        }
        rc = fetch_batch(&c, res->dir, i, nbatches, ids.v + first, n, res, err);
        if (rc != TM_OK) {
            size_t len = strlen(err->msg);

            /* Say how to resume; the cache keeps what is done. */
            snprintf(err->msg + len, sizeof err->msg - len,
                     "; %lu of %lu batches are in the cache %s: rerun the "
                     "same command to resume",
                     i, nbatches, res->dir);
            goto out;
        }
        res->batches_fetched++;
        list_batch_files(res->dir, i, &res->files);
        done += n;
        report(o, "fetch", done, ids.n, c.t0);
    }
    if (res->batches_fetched == 0)
        report(o, "fetch", done, ids.n, c.t0);
out:
    res->requests = c.requests;
    tm_http_resp_clear(&c.resp);
    tm_http_free(c.http);
    tm_strv_clear(&ids);
    free(ids_path);
    return rc;
}

enum tm_status
tm_eutils_fetch(const struct tm_eutils_opts *o, const char *query,
                struct tm_eutils_result *res, struct tm_reporter *rep,
                struct tm_err *err)
{
    return run_fetch(o, query, false, res, rep, err);
}

enum tm_status
tm_eutils_cached(const struct tm_eutils_opts *o, const char *query,
                 struct tm_eutils_result *res, struct tm_err *err)
{
    return run_fetch(o, query, true, res, NULL, err);
}
