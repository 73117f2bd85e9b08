/* SPDX-License-Identifier: MIT */
/*
 * eutils: search, batch, fetch, retry, cache.
 *
 * Cache layout:
 *   CACHE/lock                 flock'd by the one process using the cache
 *   CACHE/DB-HASH/             one entry per query (db, term, dates, max)
 *     current, pending         the name of the last complete generation,
 *                              and of the one being fetched
 *     gen-XXXXXX/              a generation: one search and its batches
 *       query.txt              what the query was (for people; no key)
 *       ids.txt                every id, one per line: the resume point
 *       batch-NNNNNN.xml       efetch answer for ids [N*B, (N+1)*B)
 *       batch-NNNNNN-K.xml     a later answer for ids batch N lacked
 *       batch-NNNNNN.done      the manifest: the answers with their sizes
 *                              and checksums, the ids none held; batch N
 *                              is done when this exists
 *       missing.txt            every id never returned, for people
 * Every file is written to a temporary name and renamed, so a file that
 * exists is complete, and a killed run loses at most the request in
 * flight.  A cache from before generations has a generation's files in
 * the entry itself; it is read, completed, and replaced by a --refresh.
 */
#include "config.h"
#include "eutils.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "clock.h"
#include "http.h"
#include "outfile.h"

/* PubMed's esearch returns at most this many ids per query. */
#define PUBMED_CAP 9999
#define PAGE 5000
#define MAX_BODY (512u << 20)
/* Seconds: the longest backoff, and the most of a Retry-After honoured. */
#define MAX_WAIT 60
/* Requests are spaced 10% wider than the rate asks: NCBI counts arrivals,
 * and arrivals jitter (4 were once seen within 0.999 s at 3/s). */
#define RATE_MARGIN 1.1
/* Seconds: a request nobody answers for (the name does not resolve, no
 * connection is made) is tried again only within this long of its first
 * attempt; with the 10 s connect timeout a run without a network stops
 * within about 25 s, rather than after every retry (minutes). */
#define UNREACHABLE_BUDGET 15
#define CONNECT_TIMEOUT 10

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

/* Write data to path atomically (a temporary file, fsync, rename; the
 * mode an output file gets; no temporary left on a signal): the output
 * writer's mechanism, not a second one. */
static enum tm_status
write_atomic(const char *path, const char *data, size_t len, struct tm_err *err)
{
    struct tm_outfile o;
    enum tm_status rc = tm_outfile_open(&o, path, err);
    bool ok;

    if (rc != TM_OK)
        return rc;
    ok = fwrite(data, 1, len, o.f) == len;
    if (!ok)
        rc = tm_err_set(err, TM_ERR_IO, "%s: %s", path, strerror(errno));
    if (tm_outfile_close(&o, ok, err) != TM_OK && rc == TM_OK)
        rc = err->code;
    return rc;
}

/* FNV-1a over n bytes: the cache entry's name, and a batch file's
 * checksum (against damage, not against an attacker). */
static uint64_t
fnv1a_bytes(uint64_t h, const char *p, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 1099511628211ull;
    }
    return h;
}

#define FNV_OFFSET 1469598103934665603ull

static uint64_t
fnv1a(uint64_t h, const char *s)
{
    h = fnv1a_bytes(h, s, strlen(s));
    h ^= 0xff; /* field separator */
    h *= 1099511628211ull;
    return h;
}

char *
tm_eutils_cache_entry(const struct tm_eutils_opts *o, const char *query)
{
    uint64_t h = FNV_OFFSET;
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

static bool
is_dir(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* dir/name (malloc'd). */
static char *
path_in(const char *dir, const char *name)
{
    struct tm_buf b;

    tm_buf_init(&b, 0);
    tm_buf_printf(&b, "%s/%s", dir, name);
    return tm_buf_steal(&b, NULL);
}

/* The name of batch i's file K (batch-NNNNNN.ext, or batch-NNNNNN-K.ext
 * for K > 0), malloc'd. */
static char *
batch_name(unsigned long i, unsigned k, const char *ext)
{
    struct tm_buf b;

    tm_buf_init(&b, 0);
    if (k == 0)
        tm_buf_printf(&b, "batch-%06lu.%s", i + 1, ext);
    else
        tm_buf_printf(&b, "batch-%06lu-%u.%s", i + 1, k, ext);
    return tm_buf_steal(&b, NULL);
}

/* K of a file name of batch i (see batch_name, ext "xml"), or -1 when the
 * name is not one of batch i's answers. */
static long
batch_file_k(const char *name, unsigned long i)
{
    char prefix[32], *end;
    int len = snprintf(prefix, sizeof prefix, "batch-%06lu", i + 1);
    const char *p = name + len;
    unsigned long k;

    if (len <= 0 || strncmp(name, prefix, (size_t)len) != 0)
        return -1;
    if (strcmp(p, ".xml") == 0)
        return 0;
    if (p[0] != '-' || p[1] < '1' || p[1] > '9')
        return -1;
    k = strtoul(p + 1, &end, 10);
    return strcmp(end, ".xml") == 0 && k < 1000000 ? (long)k : -1;
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
    bool unreachable; /* the last request failed without a connection */
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
 * The wait before retry number `attempt` (1, 2, ...): exponential backoff
 * with jitter, or what the server asked, up to MAX_WAIT: a server must
 * not park the run for hours.
 */
static double
retry_wait(struct client *c, unsigned attempt, const char *what)
{
    double asked = c->resp.retry_after;
    double wait = c->o->backoff * pow(2.0, (double)(attempt - 1));

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
    return asked > wait ? asked : wait;
}

/*
 * POST form to endpoint until validate accepts the body, retrying what
 * can be retried.  `what` names the request in messages ("efetch batch
 * 3/10").  A server that answers badly gets every retry; one nobody
 * answers for (no connection at all) only those that start within
 * UNREACHABLE_BUDGET of the first attempt, so that a run without a
 * network fails in seconds, not minutes, and c->unreachable says so.
 */
static enum tm_status
request(struct client *c, const char *endpoint, const char *form,
        const char *what, validate_fn validate, void *vctx, struct tm_err *err)
{
    struct tm_buf url;
    unsigned attempt, made = 0;
    enum tm_status rc = TM_OK;
    char reason[TM_ERR_MSG_MAX] = "";
    double first = tm_monotonic_seconds(), wait = 0;

    c->unreachable = false;
    tm_buf_init(&url, 0);
    tm_buf_printf(&url, "%s%s", c->o->base_url, endpoint);
    for (attempt = 0;; attempt++) {
        struct tm_err e;
        bool retry = true;

        tm_err_clear(&e);
        sleep_for(c->o, wait);
        if (stopped(c->o)) {
            snprintf(reason, sizeof reason, "interrupted");
            break;
        }
        made++;
        c->unreachable = false;
        if (tm_http_post(c->http, url.data, form, &c->resp, &e) != TM_OK) {
            snprintf(reason, sizeof reason, "%s", e.msg);
            c->unreachable = c->resp.unreachable;
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
        if (!retry || attempt >= c->o->retries)
            break;
        wait = retry_wait(c, attempt + 1, what);
        if (c->unreachable &&
            tm_monotonic_seconds() + wait - first > UNREACHABLE_BUDGET)
            break;
        tm_warn(c->rep, "%s: %s; retrying", what, reason);
    }
    rc = tm_err_set(err, TM_ERR_IO, "%s failed after %u attempt%s: %s", what,
                    made, made == 1 ? "" : "s", reason);
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

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Append to out the ids of ids[0..n) that are not in got (sorted here, a
 * copy of its pointers, so that a batch of 10,000 costs n log n). */
static void
ids_lacking(char *const *ids, size_t n, const struct tm_strv *got,
            struct tm_strv *out)
{
    char **sorted = tm_xreallocarray(NULL, got->n + 1, sizeof *sorted);
    size_t j;

    for (j = 0; j < got->n; j++)
        sorted[j] = got->v[j];
    qsort(sorted, got->n, sizeof *sorted, cmp_str);
    for (j = 0; j < n; j++) {
        if (bsearch(&ids[j], sorted, got->n, sizeof *sorted, cmp_str) == NULL)
            tm_strv_push(out, ids[j]);
    }
    free(sorted);
}

/* "PMID 1, 2, 3" (or "PMC1, PMC2") for up to max ids, then how many more. */
static void
name_ids(struct tm_buf *b, const char *db, char *const *ids, size_t n,
         size_t max)
{
    bool pmc = strcmp(db, "pmc") == 0;
    size_t j;

    tm_buf_puts(b, pmc ? "" : "PMID ");
    for (j = 0; j < n && j < max; j++)
        tm_buf_printf(b, "%s%s%s", j > 0 ? ", " : "", pmc ? "PMC" : "", ids[j]);
    if (n > max)
        tm_buf_printf(b, " and %zu more", n - max);
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

/* ------------------------------------------------------------------ */
/* The cache: one owner, generations, batch manifests                  */
/* ------------------------------------------------------------------ */

struct tm_eutils_lock {
    int fd;
};

static void
lock_release(struct tm_eutils_lock *l)
{
    if (l == NULL)
        return;
    close(l->fd); /* and with it the flock */
    free(l);
}

/* The lock file: "pid P\nlast T\n", the owner's pid (for a waiting
 * process's message) and the monotonic time of its last request. */
static void
lock_read(int fd, long *pid, double *last)
{
    char text[128];
    ssize_t n = pread(fd, text, sizeof text - 1, 0);
    const char *p;

    *pid = 0;
    *last = 0;
    if (n <= 0)
        return;
    text[n] = '\0';
    if (strncmp(text, "pid ", 4) == 0)
        *pid = strtol(text + 4, NULL, 10);
    if ((p = strstr(text, "\nlast ")) != NULL)
        *last = strtod(p + 6, NULL);
}

static void
lock_write(int fd, double last)
{
    char text[128];
    int n = snprintf(text, sizeof text, "pid %ld\nlast %.6f\n", (long)getpid(),
                     last);

    /* Only informative: a failure costs a message or some spacing. */
    if (ftruncate(fd, 0) == 0 && pwrite(fd, text, (size_t)n, 0) < 0)
        return;
}

/*
 * One process at a time owns a cache: a fetch takes cache_dir/lock
 * exclusively, an --offline read shared, and both keep it until the
 * caller has read the files (tm_eutils_result_clear).  A busy lock is
 * waited for, said once; a stop request ends the wait.  A reader finds no
 * lock file in a cache no fetch has written (a read-only copy): there is
 * nobody to wait for.  flock goes with the process, even a killed one.
 */
static enum tm_status
lock_cache(struct client *c, bool exclusive, struct tm_eutils_lock **out,
           struct tm_err *err)
{
    char *path = path_in(c->o->cache_dir, "lock");
    int fd = open(
        path, exclusive ? O_RDWR | O_CREAT | O_CLOEXEC : O_RDONLY | O_CLOEXEC,
        0666);
    bool said = false;
    enum tm_status rc = TM_OK;
    long pid;
    double last;

    *out = NULL;
    if (fd < 0) {
        if (!exclusive && (errno == ENOENT || errno == EACCES))
            goto out;
        rc = tm_err_set(err, TM_ERR_IO, "%s: %s", path, strerror(errno));
        goto out;
    }
    while (flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            rc = tm_err_set(err, TM_ERR_IO, "%s: %s", path, strerror(errno));
            break;
        }
        if (!said) {
            lock_read(fd, &pid, &last);
            tm_warn(c->rep,
                    "the cache %s is in use by another trialmine "
                    "(pid %ld); waiting for it to finish",
                    c->o->cache_dir, pid);
            said = true;
        }
        if (stopped(c->o)) {
            rc = tm_err_set(err, TM_ERR_IO,
                            "interrupted while waiting for the cache %s",
                            c->o->cache_dir);
            break;
        }
        sleep_for(c->o, 0.1);
    }
    if (rc != TM_OK) {
        close(fd);
        goto out;
    }
    *out = tm_xmalloc(sizeof **out);
    (*out)->fd = fd;
    if (exclusive) {
        /* Keep the rate across processes: the last owner's last request
         * counts as ours (monotonic time is one clock for the machine). */
        lock_read(fd, &pid, &last);
        if (last > 0 && last <= tm_monotonic_seconds())
            c->last = last;
        lock_write(fd, c->last);
    }
out:
    free(path);
    return rc;
}

/*
 * Generations.  A search and the batches fetched for it live in a
 * directory of their own, entry/gen-XXXXXX.  entry/pending names the one
 * being fetched, entry/current the last complete one; each pointer is
 * replaced atomically, so --offline (which reads only current) never sees
 * a search that is not whole, and a failed --refresh leaves current as it
 * was.  A cache from before generations has its files in the entry itself;
 * it counts as current.
 */
static char *
generation_named(const char *entry, const char *pointer)
{
    char *path = path_in(entry, pointer), *dir = NULL;
    struct tm_buf b;
    struct tm_err e;

    tm_buf_init(&b, 4096);
    if (file_exists(path) && tm_buf_read_file(&b, path, &e) == TM_OK) {
        b.data[strcspn(b.data, "\n")] = '\0';
        if (strncmp(b.data, "gen-", 4) == 0 && strchr(b.data, '/') == NULL) {
            dir = path_in(entry, b.data);
            if (!is_dir(dir))
                TM_FREE(dir);
        }
    }
    tm_buf_clear(&b);
    free(path);
    return dir;
}

static enum tm_status
point_to(const char *entry, const char *pointer, const char *gen,
         struct tm_err *err)
{
    char *path = path_in(entry, pointer);
    const char *base = strrchr(gen, '/');
    struct tm_buf b;
    enum tm_status rc;

    tm_buf_init(&b, 0);
    tm_buf_printf(&b, "%s\n", base != NULL ? base + 1 : gen);
    rc = write_atomic(path, b.data, b.len, err);
    tm_buf_clear(&b);
    free(path);
    return rc;
}

/* A name trialmine writes in a generation (or a temporary one of it). */
static bool
is_generation_file(const char *name)
{
    return strncmp(name, "batch-", 6) == 0 || strcmp(name, "ids.txt") == 0 ||
           strcmp(name, "query.txt") == 0 || strcmp(name, "missing.txt") == 0 ||
           strstr(name, ".tmp.") != NULL;
}

/* Remove gen's files (only names trialmine writes), and gen itself unless
 * it is the entry (a cache from before generations).  With temps_only,
 * only the temporary files a killed run left. */
static void
clean_generation(const char *entry, const char *gen, bool temps_only)
{
    DIR *d = opendir(gen);
    struct dirent *de;

    if (d == NULL)
        return;
    while ((de = readdir(d)) != NULL) {
        if (temps_only ? strstr(de->d_name, ".tmp.") != NULL
                       : is_generation_file(de->d_name)) {
            char *p = path_in(gen, de->d_name);

            unlink(p);
            free(p);
        }
    }
    closedir(d);
    if (!temps_only && strcmp(gen, entry) != 0)
        rmdir(gen);
}

/* Under the exclusive lock, remove what killed runs left in entry:
 * generations no pointer names, and temporary files. */
static void
remove_strays(const char *entry, const char *cur, const char *pend)
{
    DIR *d = opendir(entry);
    struct dirent *de;

    if (d == NULL)
        return;
    while ((de = readdir(d)) != NULL) {
        char *p = path_in(entry, de->d_name);

        if (strncmp(de->d_name, "gen-", 4) == 0 &&
            (cur == NULL || strcmp(p, cur) != 0) &&
            (pend == NULL || strcmp(p, pend) != 0))
            clean_generation(entry, p, false);
        else if (strstr(de->d_name, ".tmp.") != NULL)
            unlink(p);
        free(p);
    }
    closedir(d);
    if (cur != NULL)
        clean_generation(entry, cur, true);
    if (pend != NULL)
        clean_generation(entry, pend, true);
}

static enum tm_status
write_query_txt(const struct tm_eutils_opts *o, const char *dir,
                const char *query, struct tm_err *err)
{
    struct tm_buf b;
    char *path = path_in(dir, "query.txt");
    enum tm_status rc;

    tm_buf_init(&b, 0);
    tm_buf_printf(&b,
                  "db: %s\nquery: %s\nmindate: %s\nmaxdate: %s\n"
                  "max: %lu\nbatch: %u\n",
                  o->db, query, o->mindate ? o->mindate : "",
                  o->maxdate ? o->maxdate : "", o->max, o->batch);
    rc = write_atomic(path, b.data, b.len, err);
    free(path);
    tm_buf_clear(&b);
    return rc;
}

/* One id a line into dir/name; an empty list removes the file. */
static enum tm_status
write_id_list(const char *dir, const char *name, const struct tm_strv *ids,
              bool keep_empty, struct tm_err *err)
{
    char *path = path_in(dir, name);
    struct tm_buf list;
    enum tm_status rc = TM_OK;
    size_t k;

    tm_buf_init(&list, 0);
    for (k = 0; k < ids->n; k++)
        tm_buf_printf(&list, "%s\n", ids->v[k]);
    if (ids->n > 0 || keep_empty)
        rc = write_atomic(path, list.data ? list.data : "", list.len, err);
    else
        unlink(path);
    tm_buf_clear(&list);
    free(path);
    return rc;
}

/*
 * Search afresh into a new generation beside the others; entry/pending
 * names it only once its query.txt and ids.txt are written, so a failed
 * search changes nothing.  *gen is the new directory (malloc'd).
 */
static enum tm_status
new_generation(struct client *c, const char *entry, const char *query,
               struct tm_strv *ids, char **gen, struct tm_err *err)
{
    char *dir = path_in(entry, "gen-XXXXXX");
    unsigned long count = 0;
    enum tm_status rc = TM_OK;

    *gen = NULL;
    if (mkdtemp(dir) == NULL) {
        rc = tm_err_set(err, TM_ERR_IO, "%s: %s", dir, strerror(errno));
        free(dir);
        return rc;
    }
    /* mkdtemp makes 0700; the umask decides, as it does for mkdir. */
    if (chmod(dir, tm_outfile_dir_mode()) != 0) {
        rc = tm_err_set(err, TM_ERR_IO, "%s: %s", dir, strerror(errno));
        rmdir(dir);
        free(dir);
        return rc;
    }
    report(c->o, "search", 0, 0, c->t0);
    rc = search(c, query, ids, &count, err);
    if (rc == TM_OK)
        rc = write_query_txt(c->o, dir, query, err);
    if (rc == TM_OK)
        rc = write_id_list(dir, "ids.txt", ids, true, err);
    if (rc == TM_OK)
        rc = point_to(entry, "pending", dir, err);
    if (rc != TM_OK) {
        clean_generation(entry, dir, false);
        free(dir);
        return rc;
    }
    *gen = dir;
    return TM_OK;
}

/* The batch size a generation was made with (so a rerun with another
 * --batch still finds its files). */
static unsigned
cached_batch_size(const char *dir, unsigned dflt)
{
    struct tm_buf b;
    struct tm_err e;
    char *path = path_in(dir, "query.txt");
    unsigned v = dflt;
    const char *p;

    tm_buf_init(&b, 1u << 16);
    if (tm_buf_read_file(&b, path, &e) == TM_OK &&
        (p = strstr(b.data, "\nbatch: ")) != NULL) {
        unsigned long n = strtoul(p + 8, NULL, 10);

        if (n > 0 && n <= 10000)
            v = (unsigned)n;
    }
    tm_buf_clear(&b);
    free(path);
    return v;
}

/*
 * Batches.  Batch i is done when its manifest, batch-NNNNNN.done, is
 * written: the batch's answers (batch-NNNNNN.xml, then batch-NNNNNN-K.xml
 * for the ids asked for again), each with its size and checksum, and the
 * ids that no answer held.  The manifest is written last, so a batch whose
 * answers are in the cache but whose missing ids were never asked for
 * again is not done; missing ids are asked for again by every later run;
 * and a file that no longer matches its checksum is fetched again.
 */
#define MANIFEST_HEAD "trialmine batch 1\n"

struct batch {
    const char *gen; /* the generation's directory */
    unsigned long i, nbatches;
    char *const *ids; /* the batch's ids */
    size_t n;
    struct tm_strv files;   /* the names of its answers in gen, in order */
    struct tm_strv missing; /* its ids in none of them */
    unsigned long no_body;
    unsigned next_k; /* for the next answer's name */
};

static void
batch_clear(struct batch *b)
{
    tm_strv_clear(&b->files);
    tm_strv_clear(&b->missing);
}

/* Read path whole (up to an efetch answer's limit); its size and checksum. */
static enum tm_status
read_answer(const char *path, struct tm_buf *data, uint64_t *sum,
            struct tm_err *err)
{
    enum tm_status rc = tm_buf_read_file(data, path, err);

    if (rc == TM_OK)
        *sum = fnv1a_bytes(FNV_OFFSET, data->data, data->len);
    return rc;
}

enum manifest { MANIFEST_OK, MANIFEST_ABSENT, MANIFEST_DAMAGED };

/*
 * Read batch b's manifest and check every file it lists.  MANIFEST_OK
 * fills b; MANIFEST_DAMAGED puts the names of the files (the manifest
 * itself included) that no longer match into bad, and leaves b empty.
 */
static enum manifest
read_manifest(struct batch *b, struct tm_strv *bad)
{
    char *mname = batch_name(b->i, 0, "done"), *mpath = path_in(b->gen, mname);
    struct tm_buf text, data;
    struct tm_err e;
    char *line, *next;
    enum manifest m = MANIFEST_OK;
    bool ended = false;

    tm_buf_init(&text, 1u << 24);
    tm_buf_init(&data, MAX_BODY);
    if (!file_exists(mpath)) {
        m = MANIFEST_ABSENT;
        goto out;
    }
    if (tm_buf_read_file(&text, mpath, &e) != TM_OK ||
        strncmp(text.data, MANIFEST_HEAD, strlen(MANIFEST_HEAD)) != 0)
        goto damaged;
    for (line = text.data + strlen(MANIFEST_HEAD); *line != '\0'; line = next) {
        char name[64], hex[17];
        unsigned long long size;
        uint64_t sum;
        long k;

        if (ended || (next = strchr(line, '\n')) == NULL)
            goto damaged; /* "end" is the last line, whole */
        *next++ = '\0';
        if (strcmp(line, "end") == 0) {
            ended = true;
        } else if (strncmp(line, "missing ", 8) == 0 && line[8] != '\0') {
            tm_strv_push(&b->missing, line + 8);
        } else if (strncmp(line, "no-body ", 8) == 0) {
            b->no_body = strtoul(line + 8, NULL, 10);
        } else if (sscanf(line, "file %63s %llu %16s", name, &size, hex) == 3 &&
                   (k = batch_file_k(name, b->i)) >= 0) {
            char *path = path_in(b->gen, name);

            if (read_answer(path, &data, &sum, &e) != TM_OK ||
                data.len != size || sum != strtoull(hex, NULL, 16))
                tm_strv_push(bad, name);
            else
                tm_strv_push(&b->files, name);
            if ((unsigned long)k >= b->next_k)
                b->next_k = (unsigned)k + 1;
            free(path);
        } else {
            goto damaged;
        }
    }
    if (ended && bad->n == 0)
        goto out;
damaged:
    if (bad->n == 0)
        tm_strv_push(bad, mname);
    m = MANIFEST_DAMAGED;
    tm_strv_clear(&b->files);
    tm_strv_clear(&b->missing);
    b->no_body = 0;
out:
    tm_buf_clear(&text);
    tm_buf_clear(&data);
    free(mpath);
    free(mname);
    return m;
}

static enum tm_status
write_manifest(const struct batch *b, struct tm_err *err)
{
    char *mname = batch_name(b->i, 0, "done"), *mpath = path_in(b->gen, mname);
    struct tm_buf text, data;
    enum tm_status rc = TM_OK;
    uint64_t sum = 0;
    size_t j;

    tm_buf_init(&text, 0);
    tm_buf_init(&data, MAX_BODY);
    tm_buf_puts(&text, MANIFEST_HEAD);
    for (j = 0; j < b->files.n && rc == TM_OK; j++) {
        char *path = path_in(b->gen, b->files.v[j]);

        rc = read_answer(path, &data, &sum, err);
        tm_buf_printf(&text, "file %s %zu %016llx\n", b->files.v[j], data.len,
                      (unsigned long long)sum);
        free(path);
    }
    for (j = 0; j < b->missing.n; j++)
        tm_buf_printf(&text, "missing %s\n", b->missing.v[j]);
    tm_buf_printf(&text, "no-body %lu\nend\n", b->no_body);
    if (rc == TM_OK)
        rc = write_atomic(mpath, text.data, text.len, err);
    tm_buf_clear(&text);
    tm_buf_clear(&data);
    free(mpath);
    free(mname);
    return rc;
}

/* A file of the cache that is not what was fetched: online it is removed
 * (its records are fetched again), offline it is an error. */
static enum tm_status
damaged(struct client *c, const struct batch *b, const char *name,
        const char *why, bool offline, struct tm_err *err)
{
    char *path = path_in(b->gen, name);
    enum tm_status rc = TM_OK;

    if (offline) {
        rc = tm_err_set(err, TM_ERR_INPUT,
                        "the cache file %s is damaged (%s); run without "
                        "--offline to fetch it again",
                        path, why);
    } else {
        tm_warn(c->rep, "the cache file %s is damaged (%s); fetching again",
                path, why);
        unlink(path);
    }
    free(path);
    return rc;
}

/*
 * Without a manifest (a run stopped before writing it, a cache from before
 * manifests, a damaged manifest): find the answers batch b has and which
 * of its ids they hold, in order of K.  An answer that does not parse is
 * damaged.
 */
static enum tm_status
scan_batch(struct client *c, struct batch *b, bool offline, struct tm_err *err)
{
    DIR *d = opendir(b->gen);
    struct dirent *de;
    struct tm_strv names = {NULL, 0, 0};
    struct tm_strv got = {NULL, 0, 0};
    struct tm_buf data;
    struct tm_err e;
    enum tm_status rc = TM_OK;
    size_t j, m;

    if (d == NULL)
        return tm_err_set(err, TM_ERR_IO, "%s: %s", b->gen, strerror(errno));
    while ((de = readdir(d)) != NULL) {
        if (batch_file_k(de->d_name, b->i) >= 0)
            tm_strv_push(&names, de->d_name);
    }
    closedir(d);
    /* In order of K: an insertion sort, as a batch has few answers. */
    for (j = 1; j < names.n; j++) {
        char *t = names.v[j];

        for (m = j; m > 0 &&
                    batch_file_k(names.v[m - 1], b->i) > batch_file_k(t, b->i);
             m--)
            names.v[m] = names.v[m - 1];
        names.v[m] = t;
    }
    tm_buf_init(&data, MAX_BODY);
    for (j = 0; j < names.n && rc == TM_OK; j++) {
        char *path = path_in(b->gen, names.v[j]);
        size_t before = got.n;
        unsigned long no_body = 0;

        tm_err_clear(&e);
        if (tm_buf_read_file(&data, path, &e) == TM_OK &&
            tm_eutils_parse_efetch(c->o->db, data.data, data.len, &got,
                                   &no_body, &e) == TM_OK) {
            tm_strv_push(&b->files, names.v[j]);
            b->no_body += no_body;
        } else {
            /* Forget the ids of the half that parsed. */
            while (got.n > before)
                free(got.v[--got.n]);
            rc = damaged(c, b, names.v[j], e.msg, offline, err);
        }
        b->next_k = (unsigned)batch_file_k(names.v[j], b->i) + 1;
        free(path);
    }
    if (rc == TM_OK)
        ids_lacking(b->ids, b->n, &got, &b->missing);
    tm_buf_clear(&data);
    tm_strv_clear(&got);
    tm_strv_clear(&names);
    return rc;
}

/* What the cache holds of batch b: *settled when its manifest holds. */
static enum tm_status
load_batch(struct client *c, struct batch *b, bool offline, bool *settled,
           struct tm_err *err)
{
    struct tm_strv bad = {NULL, 0, 0};
    enum tm_status rc = TM_OK;
    size_t j;

    *settled = false;
    switch (read_manifest(b, &bad)) {
    case MANIFEST_OK:
        *settled = true;
        return TM_OK;
    case MANIFEST_DAMAGED:
        for (j = 0; j < bad.n && rc == TM_OK; j++)
            rc = damaged(c, b, bad.v[j], "not as it was written", offline, err);
        if (rc == TM_OK) {
            char *mname = batch_name(b->i, 0, "done");
            char *mpath = path_in(b->gen, mname);

            unlink(mpath);
            free(mpath);
            free(mname);
        }
        break;
    case MANIFEST_ABSENT:
        break;
    }
    tm_strv_clear(&bad);
    if (rc == TM_OK)
        rc = scan_batch(c, b, offline, err);
    if (rc == TM_OK && offline && b->files.n == 0)
        rc = tm_err_set(err, TM_ERR_INPUT,
                        "batch %lu/%lu of this query is not in the cache "
                        "%s (run without --offline to fetch it)",
                        b->i + 1, b->nbatches, b->gen);
    else if (rc == TM_OK && offline && b->missing.n > 0)
        rc = tm_err_set(err, TM_ERR_INPUT,
                        "batch %lu/%lu of this query is incomplete in the "
                        "cache %s (run without --offline to complete it)",
                        b->i + 1, b->nbatches, b->gen);
    return rc;
}

/*
 * Ask for batch b's missing ids (all of them, for a batch not yet
 * fetched) until every one came or the retries are spent, keeping each
 * answer that holds any; then write the manifest.  NCBI sometimes drops
 * records from an answer, and they often come on the next request.
 */
static enum tm_status
complete_batch(struct client *c, struct batch *b, struct tm_err *err)
{
    struct efetch_ctx fc = {NULL, {NULL, 0, 0}, 0};
    unsigned round;
    enum tm_status rc = TM_OK;

    for (round = 0; b->missing.n > 0 && round <= c->o->retries; round++) {
        struct tm_strv still = {NULL, 0, 0};
        char what[96];

        if (b->missing.n == b->n)
            snprintf(what, sizeof what, "efetch batch %lu/%lu", b->i + 1,
                     b->nbatches);
        else
            snprintf(what, sizeof what, "efetch batch %lu/%lu (%zu missing)",
                     b->i + 1, b->nbatches, b->missing.n);
        rc = efetch(c, b->missing.v, b->missing.n, what, &fc, err);
        if (rc != TM_OK)
            break;
        if (fc.got.n > 0) {
            char *name = batch_name(b->i, b->next_k, "xml");
            char *path = path_in(b->gen, name);

            rc = write_atomic(path, c->resp.body.data, c->resp.body.len, err);
            if (rc == TM_OK) {
                tm_strv_push(&b->files, name);
                b->next_k++;
                b->no_body += fc.no_body;
            }
            free(path);
            free(name);
            if (rc != TM_OK)
                break;
        }
        ids_lacking(b->missing.v, b->missing.n, &fc.got, &still);
        tm_strv_clear(&b->missing);
        b->missing = still;
    }
    if (rc == TM_OK && b->missing.n > 0) {
        struct tm_buf list;

        tm_buf_init(&list, 0);
        name_ids(&list, c->o->db, b->missing.v, b->missing.n, 10);
        tm_warn(c->rep,
                "efetch batch %lu/%lu: %zu record%s never returned (%s); "
                "a rerun asks for %s again",
                b->i + 1, b->nbatches, b->missing.n,
                b->missing.n == 1 ? "" : "s", list.data,
                b->missing.n == 1 ? "it" : "them");
        tm_buf_clear(&list);
    }
    if (rc == TM_OK)
        rc = write_manifest(b, err);
    tm_strv_clear(&fc.got);
    return rc;
}

/* Which generation this run works on (*gen, malloc'd); a new search when
 * asked to or when there is none.  Online, a pending generation is
 * resumed before the current one is used. */
static enum tm_status
choose_generation(struct client *c, const char *entry, const char *query,
                  bool offline, char **gen, struct tm_strv *ids,
                  struct tm_err *err)
{
    char *cur = generation_named(entry, "current");
    char *pend = generation_named(entry, "pending");
    char *ids_path = path_in(entry, "ids.txt");
    enum tm_status rc = TM_OK;

    *gen = NULL;
    if (cur == NULL && pend == NULL && file_exists(ids_path))
        cur = tm_xstrdup(entry); /* from before generations */
    if (pend != NULL && cur != NULL && strcmp(pend, cur) == 0)
        TM_FREE(pend); /* a run stopped as it made pending current */
    if (!offline)
        remove_strays(entry, cur, pend);
    if (offline && cur == NULL) {
        rc = tm_err_set(err, TM_ERR_INPUT,
                        "no %scached search for this query in %s (run "
                        "without --offline %s)",
                        pend != NULL ? "complete " : "", c->o->cache_dir,
                        pend != NULL ? "to finish fetching it" : "first");
    } else if (offline) {
        if (pend != NULL)
            tm_warn(c->rep,
                    "a newer search of this query is not fetched whole; "
                    "reading the last complete one (run without "
                    "--offline to finish the newer)");
        *gen = cur;
        cur = NULL;
    } else if (c->o->refresh || (cur == NULL && pend == NULL)) {
        rc = new_generation(c, entry, query, ids, gen, err);
        if (rc == TM_OK && pend != NULL)
            clean_generation(entry, pend, false); /* superseded */
    } else if (pend != NULL) {
        *gen = pend;
        pend = NULL;
    } else {
        *gen = cur;
        cur = NULL;
    }
    if (rc == TM_OK && ids->n == 0) {
        free(ids_path);
        ids_path = path_in(*gen, "ids.txt");
        rc = read_ids(ids_path, ids, err);
    }
    if (rc != TM_OK)
        TM_FREE(*gen);
    free(ids_path);
    free(cur);
    free(pend);
    return rc;
}

/* gen, pending and now complete, becomes current; the generation it
 * replaces goes. */
static enum tm_status
make_current(const char *entry, const char *gen, struct tm_err *err)
{
    char *pend = generation_named(entry, "pending");
    char *cur = generation_named(entry, "current");
    char *path;
    enum tm_status rc = TM_OK;

    if (pend == NULL || strcmp(pend, gen) != 0)
        goto out; /* gen is current already */
    if (cur == NULL) {
        path = path_in(entry, "ids.txt");
        if (file_exists(path))
            cur = tm_xstrdup(entry);
        free(path);
    }
    rc = point_to(entry, "current", gen, err);
    if (rc == TM_OK) {
        path = path_in(entry, "pending");
        unlink(path);
        free(path);
        if (cur != NULL && strcmp(cur, gen) != 0)
            clean_generation(entry, cur, false);
    }
out:
    free(pend);
    free(cur);
    return rc;
}

static enum tm_status
run_fetch(const struct tm_eutils_opts *o, const char *query, bool offline,
          struct tm_eutils_result *res, struct tm_reporter *rep,
          struct tm_err *err)
{
    struct client c;
    struct tm_http_opts ho;
    struct tm_strv ids = {NULL, 0, 0};
    char *gen = NULL;
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

    if (!offline) {
        ho.connect_timeout =
            o->timeout < CONNECT_TIMEOUT ? o->timeout : CONNECT_TIMEOUT;
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
    rc = lock_cache(&c, !offline, &res->lock, err);
    if (rc == TM_OK)
        rc = choose_generation(&c, res->dir, query, offline, &gen, &ids, err);
    if (rc != TM_OK)
        goto out;
    res->gen = tm_xstrdup(gen);
    if (!offline) {
        char *path = path_in(gen, "missing.txt");

        unlink(path); /* written again once every batch is done */
        free(path);
    }
    batch = cached_batch_size(gen, o->batch);
    res->count = ids.n;
    nbatches = (ids.n + batch - 1) / batch;
    res->batches = nbatches;
    for (i = 0; i < nbatches; i++) {
        struct batch b;
        size_t first = (size_t)i * batch, j;
        unsigned long before = c.requests;
        bool settled;

        memset(&b, 0, sizeof b);
        b.gen = gen;
        b.i = i;
        b.nbatches = nbatches;
        b.ids = ids.v + first;
        b.n = ids.n - first < batch ? ids.n - first : batch;
        rc = load_batch(&c, &b, offline, &settled, err);
        if (rc == TM_OK && !offline && (!settled || b.missing.n > 0)) {
            if (stopped(o))
                rc = tm_err_set(err, TM_ERR_IO,
                                "interrupted before batch %lu/%lu", i + 1,
                                nbatches);
            else
                rc = complete_batch(&c, &b, err);
        }
        if (rc != TM_OK) {
            batch_clear(&b);
            if (!offline) {
                size_t len = strlen(err->msg);

                /* Say how to resume; the cache keeps what is done. */
                snprintf(err->msg + len, sizeof err->msg - len,
                         "; %lu of %lu batches are in the cache %s: rerun "
                         "the same command%s to resume",
                         i, nbatches, res->dir,
                         o->refresh ? " without --refresh" : "");
            }
            goto out;
        }
        if (c.requests > before)
            res->batches_fetched++;
        for (j = 0; j < b.files.n; j++) {
            char *path = path_in(gen, b.files.v[j]);

            tm_strv_push(&res->files, path);
            free(path);
        }
        for (j = 0; j < b.missing.n; j++)
            tm_strv_push(&res->missing_ids, b.missing.v[j]);
        res->no_body += b.no_body;
        batch_clear(&b);
        done += b.n;
        if (c.requests > before)
            report(o, "fetch", done, ids.n, c.t0);
    }
    res->missing = res->missing_ids.n;
    if (res->batches_fetched == 0)
        report(o, "fetch", done, ids.n, c.t0);
    if (!offline) {
        /* Every batch is done: the list of what is missing, for people,
         * and the generation is complete. */
        rc = write_id_list(gen, "missing.txt", &res->missing_ids, false, err);
        if (rc == TM_OK)
            rc = make_current(res->dir, gen, err);
    }
out:
    if (res->lock != NULL && !offline)
        lock_write(res->lock->fd, c.last);
    if (rc != TM_OK && !offline) {
        /* For the caller's advice: can --offline do instead? */
        char *cur = generation_named(res->dir, "current");
        char *legacy = path_in(res->dir, "ids.txt");

        res->is_unreachable = c.unreachable;
        res->has_cached = cur != NULL || file_exists(legacy);
        free(cur);
        free(legacy);
    }
    if (rc != TM_OK) {
        lock_release(res->lock);
        res->lock = NULL;
    }
    res->requests = c.requests;
    tm_http_resp_clear(&c.resp);
    tm_http_free(c.http);
    tm_strv_clear(&ids);
    free(gen);
    return rc;
}

void
tm_eutils_result_clear(struct tm_eutils_result *res)
{
    lock_release(res->lock);
    free(res->dir);
    free(res->gen);
    tm_strv_clear(&res->files);
    tm_strv_clear(&res->missing_ids);
    memset(res, 0, sizeof *res);
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
                 struct tm_eutils_result *res, struct tm_reporter *rep,
                 struct tm_err *err)
{
    return run_fetch(o, query, true, res, rep, err);
}

char *
tm_eutils_missing_message(const struct tm_eutils_opts *o,
                          const struct tm_eutils_result *res)
{
    struct tm_buf b;
    char *list;

    if (res->missing_ids.n == 0)
        return NULL;
    tm_buf_init(&b, 0);
    tm_buf_printf(&b, "%zu record%s NCBI did not return: ", res->missing_ids.n,
                  res->missing_ids.n == 1 ? "" : "s");
    name_ids(&b, o->db, res->missing_ids.v, res->missing_ids.n, 50);
    list = path_in(res->gen, "missing.txt");
    if (res->missing_ids.n > 50 && file_exists(list))
        tm_buf_printf(&b, " (all in %s)", list);
    tm_buf_printf(&b, "; a rerun without --offline asks for %s again",
                  res->missing_ids.n == 1 ? "it" : "them");
    free(list);
    return tm_buf_steal(&b, NULL);
}
