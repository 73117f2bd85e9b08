/* SPDX-License-Identifier: MIT */
/*
 * http: the one module that sees libcurl.  A handle is made once per run
 * and reused (keep-alive); every request has connect, total and low-speed
 * timeouts, a cap on the body size, and reports the HTTP status and any
 * Retry-After for the caller to judge.  Transport failures come back with
 * curl's own message; the request body (which may carry an API key) is
 * never part of a message.  Every request actually sent passes through the
 * caller's before_send hook (its rate limit), and libcurl never sends one
 * on its own: when a reused connection dies before any answer, libcurl
 * would send the request again at once, and that is reported as a
 * failure for the caller to retry with its backoff instead.
 */
#ifndef TM_HTTP_H
#define TM_HTTP_H

#include <signal.h>
#include <stdbool.h>

#include "buf.h"
#include "err.h"

struct tm_http_opts {
    long connect_timeout; /* seconds */
    long total_timeout;   /* seconds for the whole transfer */
    long low_speed_time;  /* abort if < 1 byte/s for this long */
    size_t max_body;      /* bytes */
    const char *user_agent;
    /* When this becomes non-zero (a signal handler sets it) a transfer in
     * progress is abandoned. */
    const volatile sig_atomic_t *stop;
    /* Called just before each request goes out on a connection (after
     * connecting, before the first byte), so it sees every request sent,
     * redirects included; it may sleep.  NULL: none. */
    void (*before_send)(void *ctx);
    void *before_send_ctx;
};

struct tm_http_resp {
    long status;        /* 0 when no response arrived */
    double retry_after; /* seconds a Retry-After header asks for (delay
                           or HTTP date), uncapped; -1 without one */
    struct tm_buf body;
    int transport_error; /* curl's code, 0 if the transfer completed */
    bool unreachable;    /* failed before any request went out: the name
                            did not resolve, or no connection was made */
};

struct tm_http;

/* Call once before any handle is made (not thread-safe, as curl's). */
enum tm_status tm_http_global_init(struct tm_err *err);

struct tm_http *tm_http_new(const struct tm_http_opts *opts,
                            struct tm_err *err);
void tm_http_free(struct tm_http *h);

void tm_http_resp_init(struct tm_http_resp *r);
void tm_http_resp_clear(struct tm_http_resp *r);

/* POST form (application/x-www-form-urlencoded) to url.  TM_OK when an
 * HTTP response arrived, whatever its status; TM_ERR_IO with curl's
 * message on a transport failure (resp->transport_error set, and
 * resp->unreachable when no connection was made). */
enum tm_status tm_http_post(struct tm_http *h, const char *url,
                            const char *form, struct tm_http_resp *resp,
                            struct tm_err *err);

/* Append s URL-encoded (for a form value) to b. */
void tm_http_escape(struct tm_http *h, struct tm_buf *b, const char *s);

#endif
