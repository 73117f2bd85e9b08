/* SPDX-License-Identifier: MIT */
/*
 * fuzz_common: what the libFuzzer harnesses share: the shipped pattern
 * set, loaded and compiled once per process, and gzip for the harnesses
 * that feed the inflater.
 */
#ifndef TM_FUZZ_COMMON_H
#define TM_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "pattern.h"

/* The next NUL-terminated piece of the input from *p (at most to end),
 * as an owned string; *p moves past it and its NUL. */
static inline char *
fuzz_piece(const unsigned char **p, const unsigned char *end)
{
    const unsigned char *s = *p, *e = s;

    while (e < end && *e != 0)
        e++;
    *p = e < end ? e + 1 : e;
    return strndup((const char *)s, (size_t)(e - s));
}

static struct tm_pattern_set *
fuzz_shipped_patterns(void)
{
    static struct tm_pattern_set *set;
    struct tm_err err;
    const char *dir = getenv("TRIALMINE_PATTERN_DIR");

    if (set != NULL)
        return set;
    set = tm_pattern_set_new();
    tm_err_clear(&err);
    if (tm_pattern_set_load_dir(set, dir ? dir : TM_SRCDIR "/patterns", &err) !=
            TM_OK ||
        tm_pattern_set_compile(set, &err) != TM_OK) {
        fprintf(stderr, "fuzz: cannot load the shipped patterns: %s\n",
                err.msg);
        abort();
    }
    return set;
}

/* data gzip-compressed into out (malloc'd); returns its length. */
static size_t
fuzz_gzip(const unsigned char *data, size_t size, unsigned char **out)
{
    z_stream z;
    size_t cap = compressBound((uLong)size) + 64;

    memset(&z, 0, sizeof z);
    *out = malloc(cap);
    if (*out == NULL ||
        deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        abort();
    z.next_in = (Bytef *)data;
    z.avail_in = (uInt)size;
    z.next_out = *out;
    z.avail_out = (uInt)cap;
    if (deflate(&z, Z_FINISH) != Z_STREAM_END)
        abort();
    deflateEnd(&z);
    return cap - z.avail_out;
}

#endif
