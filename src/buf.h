/* SPDX-License-Identifier: MIT */
/*
 * buf: a growable byte buffer, always NUL-terminated, used for document
 * text, file contents and formatted output.  A buffer may carry a hard
 * size cap so that no input can make it grow without bound.
 */
#ifndef TM_BUF_H
#define TM_BUF_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

struct tm_buf {
    char *data;   /* NUL-terminated; NULL until the first append */
    size_t len;   /* bytes used, excluding the NUL */
    size_t cap;   /* bytes allocated */
    size_t limit; /* hard cap on len; 0 = none */
};

/* Initialise an empty buffer (no allocation).  limit 0 means no cap. */
void tm_buf_init(struct tm_buf *b, size_t limit);
/* Release the memory and return the buffer to the empty state. */
void tm_buf_clear(struct tm_buf *b);
/* Forget the contents but keep the allocation. */
void tm_buf_reset(struct tm_buf *b);

/* Make room for extra more bytes (plus the NUL) without changing the
 * contents; false if that would pass the cap. */
bool tm_buf_reserve(struct tm_buf *b, size_t extra);

/* Append n bytes.  Returns false (and appends nothing) when the cap would
 * be exceeded; aborts on out of memory. */
bool tm_buf_append(struct tm_buf *b, const void *p, size_t n);
bool tm_buf_puts(struct tm_buf *b, const char *s);
bool tm_buf_putc(struct tm_buf *b, char c);
bool tm_buf_printf(struct tm_buf *b, const char *fmt, ...) TM_PRINTF(2, 3);

/* Replace b's contents with the whole file at path ("-" is stdin).  Fails
 * with TM_ERR_INPUT when the file cannot be read and TM_ERR_LIMIT when it
 * is larger than b's cap; the message names the path. */
enum tm_status tm_buf_read_file(struct tm_buf *b, const char *path,
                                struct tm_err *err);

/* Take ownership of the data (caller frees); the buffer becomes empty.
 * Never returns NULL: an empty buffer yields "". */
char *tm_buf_steal(struct tm_buf *b, size_t *len);

#endif
