/* SPDX-License-Identifier: MIT */
/*
 * err: error values and the allocation wrappers that abort on failure.
 */
#include "config.h"
#include "err.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum tm_status
tm_err_set(struct tm_err *err, enum tm_status code, const char *fmt, ...)
{
    va_list ap;

    if (err == NULL)
        return code;
    err->code = code;
    err->line = 0;
    err->column = 0;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

void
tm_err_clear(struct tm_err *err)
{
    if (err == NULL)
        return;
    err->code = TM_OK;
    err->line = 0;
    err->column = 0;
    err->msg[0] = '\0';
}

void
tm_warn(struct tm_reporter *r, const char *fmt, ...)
{
    va_list ap;
    char msg[TM_ERR_MSG_MAX];

    if (r == NULL)
        return;
    r->count++;
    if (r->fn == NULL)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    r->fn(r->ctx, msg);
}

void
tm_oom(void)
{
    static const char msg[] = "trialmine: out of memory\n";

    /* write(2) rather than stdio: stdio may itself need memory. */
    if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0)
        abort();
    abort();
}

void *
tm_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);

    if (p == NULL)
        tm_oom();
    return p;
}

void *
tm_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);

    if (p == NULL)
        tm_oom();
    return p;
}

void *
tm_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);

    if (q == NULL)
        tm_oom();
    return q;
}

void *
tm_xreallocarray(void *p, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        tm_oom();
    return tm_xrealloc(p, n * size);
}

char *
tm_xstrdup(const char *s)
{
    return tm_xstrndup(s, strlen(s));
}

char *
tm_xstrndup(const char *s, size_t n)
{
    char *p = tm_xmalloc(n + 1);

    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
