/* SPDX-License-Identifier: MIT */
/*
 * byteset: which byte values occur in a text.  A literal search for a
 * word that has a byte the text lacks cannot succeed, so the prefilters
 * of patterns (extract.c) and of repair rules (ocr.c) skip it without
 * scanning; most repair triggers (®, °, ×, ·) are absent from most text.
 */
#ifndef TM_BYTESET_H
#define TM_BYTESET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct tm_byteset {
    uint64_t w[4];
};

static inline void
tm_byteset_clear(struct tm_byteset *s)
{
    memset(s, 0, sizeof *s);
}

static inline void
tm_byteset_add(struct tm_byteset *s, unsigned char c)
{
    s->w[c >> 6] |= (uint64_t)1 << (c & 63);
}

/* Add the bytes of p[0..n).  A flag per byte value costs one store per
 * byte where a bit costs a shift and an OR into memory; the flags become
 * bits at the end, eight at a time where the byte order allows: with flag
 * bytes 0 or 1 read as a little-endian word, multiplying by
 * 0x0102040810204080 moves flag k to bit 56 + k, with no carries.  That
 * end costs about 200 instructions, so short texts (ocr.c adds its
 * replacements, a few bytes each) set bits directly. */
static inline void
tm_byteset_add_bytes(struct tm_byteset *s, const char *p, size_t n)
{
    const unsigned char *u = (const unsigned char *)p;
    unsigned char seen[256];
    size_t i;

    if (n < 64) {
        for (i = 0; i < n; i++)
            tm_byteset_add(s, u[i]);
        return;
    }
    memset(seen, 0, sizeof seen);
    for (i = 0; i + 4 <= n; i += 4) {
        seen[u[i]] = 1;
        seen[u[i + 1]] = 1;
        seen[u[i + 2]] = 1;
        seen[u[i + 3]] = 1;
    }
    for (; i < n; i++)
        seen[u[i]] = 1;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (i = 0; i < 256; i += 8) {
        uint64_t x;

        memcpy(&x, seen + i, sizeof x);
        if (x != 0)
            s->w[i >> 6] |= ((x * UINT64_C(0x0102040810204080)) >> 56)
                            << (i & 63);
    }
#else
    for (i = 0; i < 256; i++) {
        if (seen[i])
            tm_byteset_add(s, (unsigned char)i);
    }
#endif
}

/* Does have contain every byte of need? */
static inline bool
tm_byteset_covers(const struct tm_byteset *have, const struct tm_byteset *need)
{
    return ((need->w[0] & ~have->w[0]) | (need->w[1] & ~have->w[1]) |
            (need->w[2] & ~have->w[2]) | (need->w[3] & ~have->w[3])) == 0;
}

#endif
