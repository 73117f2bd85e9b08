/* SPDX-License-Identifier: MIT */
/*
 * buf: growable, capped byte buffer.
 */
#include "config.h"
#include "buf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
tm_buf_init(struct tm_buf *b, size_t limit)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->limit = limit;
}

void
tm_buf_clear(struct tm_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void
tm_buf_reset(struct tm_buf *b)
{
    b->len = 0;
    if (b->data != NULL)
        b->data[0] = '\0';
}

static bool
grow(struct tm_buf *b, size_t extra)
{
    size_t need;

    if (extra > (size_t)-1 - b->len - 1)
        return false;
    need = b->len + extra + 1;
    if (b->limit != 0 && b->len + extra > b->limit)
        return false;
    if (need <= b->cap)
        return true;
    /* Double, so that appending n bytes one at a time costs O(n). */
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > (size_t)-1 / 2 ? need : cap * 2;
    b->data = tm_xrealloc(b->data, cap);
    b->cap = cap;
    return true;
}

/* Room for extra bytes and the NUL?  The answer is almost always yes
 * without growing (the parser appends a few bytes at a time, over a
 * million times on 20 MB), so that is checked inline. */
static inline bool
reserve(struct tm_buf *b, size_t extra)
{
    if (extra < b->cap - b->len &&
        (b->limit == 0 || b->len + extra <= b->limit))
        return true;
    return grow(b, extra);
}

bool
tm_buf_reserve(struct tm_buf *b, size_t extra)
{
    return reserve(b, extra);
}

bool
tm_buf_append(struct tm_buf *b, const void *p, size_t n)
{
    if (!reserve(b, n))
        return false;
    if (n > 0)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool
tm_buf_puts(struct tm_buf *b, const char *s)
{
    return tm_buf_append(b, s, strlen(s));
}

bool
tm_buf_putc(struct tm_buf *b, char c)
{
    if (!reserve(b, 1))
        return false;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return true;
}

bool
tm_buf_printf(struct tm_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    char small[256];

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return false;
    if ((size_t)n < sizeof small)
        return tm_buf_append(b, small, (size_t)n);
    if (!reserve(b, (size_t)n))
        return false;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return true;
}

char *
tm_buf_steal(struct tm_buf *b, size_t *len)
{
    char *p = b->data;

    if (len != NULL)
        *len = b->len;
    if (p == NULL)
        p = tm_xstrdup("");
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    return p;
}

enum tm_status
tm_buf_read_file(struct tm_buf *b, const char *path, struct tm_err *err)
{
    FILE *f;
    char chunk[65536];
    size_t n;
    enum tm_status rc = TM_OK;
    bool is_stdin = strcmp(path, "-") == 0;

    tm_buf_reset(b);
    f = is_stdin ? stdin : fopen(path, "rb");
    if (f == NULL)
        return tm_err_set(err, TM_ERR_INPUT, "%s: %s", path, strerror(errno));
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (!tm_buf_append(b, chunk, n)) {
            rc = tm_err_set(err, TM_ERR_LIMIT,
                            "%s: larger than the limit of %zu bytes", path,
                            b->limit);
            break;
        }
    }
    if (rc == TM_OK && ferror(f))
        rc = tm_err_set(err, TM_ERR_INPUT, "%s: read error: %s", path,
                        strerror(errno));
    if (!is_stdin)
        fclose(f);
    if (rc == TM_OK && b->data == NULL)
        tm_buf_append(b, "", 0);
    return rc;
}
