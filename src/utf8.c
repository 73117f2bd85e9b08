/* SPDX-License-Identifier: MIT */
/*
 * utf8: strict UTF-8 validation (RFC 3629).
 */
#include "config.h"
#include "utf8.h"

#include <string.h>

/* Bit tricks on eight bytes at once (Anderson's "Bit Twiddling Hacks"):
 * the high bit of a byte of the result is set for some byte of x that is
 * below n (n <= 128, x with no byte above 0x7F), or zero. */
#define TM_ONES UINT64_C(0x0101010101010101)
#define TM_HIGHS UINT64_C(0x8080808080808080)
#define TM_HAS_LESS(x, n) (((x)-TM_ONES * (n)) & ~(x)&TM_HIGHS)
#define TM_HAS_ZERO(x) TM_HAS_LESS(x, 1)

size_t
tm_utf8_plain_run(const char *s, size_t len)
{
    size_t i = 0;

    while (i + 8 <= len) {
        uint64_t x;

        memcpy(&x, s + i, sizeof x);
        /* A byte above 0x7F, below 0x20, or 0x7F (DEL) ends the run. */
        if ((x & TM_HIGHS) != 0 || TM_HAS_LESS(x, 0x20) != 0 ||
            TM_HAS_ZERO(x ^ (TM_ONES * 0x7F)) != 0)
            break;
        i += 8;
    }
    while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F)
        i++;
    return i;
}

size_t
tm_utf8_decode(const unsigned char *s, size_t n, int32_t *out)
{
    unsigned c = s[0];
    size_t len, i;
    unsigned long cp;

    if (c < 0x80) {
        *out = (int32_t)c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return 0;
    *out = (int32_t)cp;
    return len;
}

size_t
tm_utf8_seq_len(const unsigned char *s, size_t n)
{
    int32_t cp;

    return tm_utf8_decode(s, n, &cp);
}

static bool
is_continuation(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

size_t
tm_utf8_floor(const char *s, size_t off)
{
    while (off > 0 && is_continuation(s[off]))
        off--;
    return off;
}

size_t
tm_utf8_ceil(const char *s, size_t len, size_t off)
{
    while (off < len && is_continuation(s[off]))
        off++;
    return off;
}

bool
tm_utf8_valid(const char *s, size_t len, size_t *bad)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;

    while (i < len) {
        size_t n;

        if (p[i] < 0x80) {
            i++;
            i += tm_utf8_plain_run(s + i, len - i);
            continue;
        }
        n = tm_utf8_seq_len(p + i, len - i);
        if (n == 0) {
            if (bad != NULL)
                *bad = i;
            return false;
        }
        i += n;
    }
    return true;
}

size_t
tm_utf8_encode(int32_t cp, char out[4])
{
    unsigned char *o = (unsigned char *)out;

    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

bool
tm_utf8_is_special_space(int32_t cp)
{
    return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == 0x1680;
}

size_t
tm_utf8_space_len(const char *s, size_t n)
{
    int32_t cp = -1;
    size_t len;

    if (n > 0 && (s[0] == ' ' || s[0] == '\t'))
        return 1;
    len = tm_utf8_decode((const unsigned char *)s, n, &cp);
    if (len > 1 && tm_utf8_is_special_space(cp))
        return len;
    return 0;
}
