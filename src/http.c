/* SPDX-License-Identifier: MIT */
/*
 * http: libcurl, with every limit set on purpose.
 */
#include "config.h"
#include "http.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

struct tm_http {
    CURL *curl;
    struct tm_http_opts opts;
    char errbuf[CURL_ERROR_SIZE];
    struct tm_http_resp *resp; /* during a transfer */
    bool too_big;
    unsigned sent; /* requests sent during this transfer */
    bool answered; /* a status line arrived for the last one sent */
    bool resent;   /* libcurl tried to send again without an answer */
};

enum tm_status
tm_http_global_init(struct tm_err *err)
{
    CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);

    if (rc != CURLE_OK)
        return tm_err_set(err, TM_ERR_IO, "curl_global_init: %s",
                          curl_easy_strerror(rc));
    return TM_OK;
}

void
tm_http_resp_init(struct tm_http_resp *r)
{
    r->status = 0;
    r->retry_after = -1;
    r->transport_error = 0;
    r->unreachable = false;
    tm_buf_init(&r->body, 0);
}

void
tm_http_resp_clear(struct tm_http_resp *r)
{
    tm_buf_clear(&r->body);
    r->status = 0;
    r->retry_after = -1;
    r->transport_error = 0;
    r->unreachable = false;
}

static size_t
on_body(char *p, size_t size, size_t n, void *ctx)
{
    struct tm_http *h = ctx;

    if (!tm_buf_append(&h->resp->body, p, size * n)) {
        h->too_big = true;
        return 0; /* abort: CURLE_WRITE_ERROR */
    }
    return size * n;
}

static size_t
on_header(char *p, size_t size, size_t n, void *ctx)
{
    struct tm_http *h = ctx;
    size_t len = size * n;
    static const char name[] = "retry-after:";

    if (len >= 5 && strncmp(p, "HTTP/", 5) == 0)
        h->answered = true;
    if (len > sizeof name - 1 && strncasecmp(p, name, sizeof name - 1) == 0) {
        char tmp[64], *end;
        size_t k = len - (sizeof name - 1);
        double v;
        time_t when;

        if (k >= sizeof tmp)
            k = sizeof tmp - 1;
        memcpy(tmp, p + sizeof name - 1, k);
        tmp[k] = '\0';
        /* Delay-seconds or an HTTP date; the caller caps what it honours.
         * Anything else falls back to the caller's own backoff. */
        v = strtod(tmp, &end);
        if (end != tmp && v >= 0 && v <= 1e9) {
            h->resp->retry_after = v;
        } else if ((when = curl_getdate(tmp, NULL)) != -1) {
            v = difftime(when, time(NULL));
            h->resp->retry_after = v > 0 ? v : 0;
        }
    }
    return len;
}

/*
 * libcurl calls this before every request it sends.  A second call in one
 * transfer with no answer to the first is libcurl's own retry after a
 * reused connection died: stop it, so that the caller's backoff and rate
 * limit decide when to try again (and the caller counts the attempt).
 */
static int
on_prereq(void *ctx, char *primary_ip, char *local_ip, int primary_port,
          int local_port)
{
    struct tm_http *h = ctx;

    (void)primary_ip;
    (void)local_ip;
    (void)primary_port;
    (void)local_port;
    if (h->sent > 0 && !h->answered) {
        h->resent = true;
        return CURL_PREREQFUNC_ABORT;
    }
    h->sent++;
    h->answered = false;
    if (h->opts.before_send != NULL)
        h->opts.before_send(h->opts.before_send_ctx);
    return CURL_PREREQFUNC_OK;
}

static int
on_progress(void *ctx, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
            curl_off_t ulnow)
{
    struct tm_http *h = ctx;

    (void)dltotal;
    (void)dlnow;
    (void)ultotal;
    (void)ulnow;
    return h->opts.stop != NULL && *h->opts.stop ? 1 : 0;
}

struct tm_http *
tm_http_new(const struct tm_http_opts *opts, struct tm_err *err)
{
    struct tm_http *h = tm_xcalloc(1, sizeof *h);

    h->opts = *opts;
    h->curl = curl_easy_init();
    if (h->curl == NULL) {
        free(h);
        tm_err_set(err, TM_ERR_IO, "curl_easy_init failed");
        return NULL;
    }
    curl_easy_setopt(h->curl, CURLOPT_ERRORBUFFER, h->errbuf);
    curl_easy_setopt(h->curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h->curl, CURLOPT_CONNECTTIMEOUT, opts->connect_timeout);
    curl_easy_setopt(h->curl, CURLOPT_TIMEOUT, opts->total_timeout);
    curl_easy_setopt(h->curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(h->curl, CURLOPT_LOW_SPEED_TIME, opts->low_speed_time);
    curl_easy_setopt(h->curl, CURLOPT_USERAGENT, opts->user_agent);
    /* Only http(s), also after a redirect; NCBI answers gzip if asked. */
    curl_easy_setopt(h->curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h->curl, CURLOPT_REDIR_PROTOCOLS_STR, "https");
    curl_easy_setopt(h->curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h->curl, CURLOPT_MAXREDIRS, 3L);
    curl_easy_setopt(h->curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h->curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h->curl, CURLOPT_WRITEDATA, h);
    curl_easy_setopt(h->curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h->curl, CURLOPT_HEADERDATA, h);
    curl_easy_setopt(h->curl, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(h->curl, CURLOPT_XFERINFODATA, h);
    curl_easy_setopt(h->curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h->curl, CURLOPT_PREREQFUNCTION, on_prereq);
    curl_easy_setopt(h->curl, CURLOPT_PREREQDATA, h);
    return h;
}

void
tm_http_free(struct tm_http *h)
{
    if (h == NULL)
        return;
    curl_easy_cleanup(h->curl);
    free(h);
}

void
tm_http_escape(struct tm_http *h, struct tm_buf *b, const char *s)
{
    char *e = curl_easy_escape(h->curl, s, 0);

    if (e == NULL)
        tm_oom();
    tm_buf_puts(b, e);
    curl_free(e);
}

enum tm_status
tm_http_post(struct tm_http *h, const char *url, const char *form,
             struct tm_http_resp *resp, struct tm_err *err)
{
    CURLcode rc;

    tm_buf_reset(&resp->body);
    resp->body.limit = h->opts.max_body;
    resp->status = 0;
    resp->retry_after = -1;
    resp->transport_error = 0;
    resp->unreachable = false;
    h->resp = resp;
    h->too_big = false;
    h->sent = 0;
    h->answered = false;
    h->resent = false;
    h->errbuf[0] = '\0';
    curl_easy_setopt(h->curl, CURLOPT_URL, url);
    curl_easy_setopt(h->curl, CURLOPT_POSTFIELDS, form);
    curl_easy_setopt(h->curl, CURLOPT_POSTFIELDSIZE, (long)strlen(form));
    rc = curl_easy_perform(h->curl);
    h->resp = NULL;
    curl_easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, &resp->status);
    if (rc != CURLE_OK) {
        resp->transport_error = (int)rc;
        /* libcurl calls on_prereq once a connection is up (TLS included),
         * so no call means nobody was reached: the name did not resolve,
         * the port refused, or the connect timed out. */
        resp->unreachable = h->sent == 0;
        if (h->too_big)
            return tm_err_set(err, TM_ERR_IO, "response larger than %zu bytes",
                              h->opts.max_body);
        if (h->resent)
            return tm_err_set(err, TM_ERR_IO,
                              "the connection was lost before an answer");
        return tm_err_set(err, TM_ERR_IO, "%s",
                          h->errbuf[0] ? h->errbuf : curl_easy_strerror(rc));
    }
    return TM_OK;
}
