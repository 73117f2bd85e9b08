/* SPDX-License-Identifier: MIT */
/*
 * utf8: byte-level UTF-8 validation shared by the stages that must never
 * pass invalid UTF-8 on (normalize, extract, emit).  Unicode semantics
 * (composition, categories) belong to normalize and utf8proc.
 */
#ifndef TM_UTF8_H
#define TM_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The number of bytes at the start of s[0..len) that are printable ASCII
 * (0x20 to 0x7E), read eight at a time.  Most of a document's text is
 * such bytes, and the passes that look only at others (validation, the
 * Unicode pass) skip them with this. */
size_t tm_utf8_plain_run(const char *s, size_t len);

/* Is s[0..len) valid UTF-8 (no overlongs, surrogates or values beyond
 * U+10FFFF)?  If not and bad is not NULL, *bad is the first bad byte. */
bool tm_utf8_valid(const char *s, size_t len, size_t *bad);
/* Length of the valid UTF-8 sequence at s (n bytes available), or 0. */
size_t tm_utf8_seq_len(const unsigned char *s, size_t n);
/* The same, with the code point it encodes in *cp (left alone when the
 * sequence is not valid). */
size_t tm_utf8_decode(const unsigned char *s, size_t n, int32_t *cp);
/* Write cp as UTF-8 into out and return its length (1-4); a surrogate
 * or a value beyond U+10FFFF is written as U+FFFD. */
size_t tm_utf8_encode(int32_t cp, char out[4]);
/* off moved back to the start of the character it is in (floor), or on
 * to the next character start, at most len (ceil). */
size_t tm_utf8_floor(const char *s, size_t off);
size_t tm_utf8_ceil(const char *s, size_t len, size_t off);
/* Is cp a Unicode space other than ASCII's (no-break, U+2000 to
 * U+200A, narrow no-break, medium mathematical, ideographic, Ogham)? */
bool tm_utf8_is_special_space(int32_t cp);
/* Length of the space character at s (n bytes available): an ASCII
 * space or tab, or a special space (tables set them between "N", "="
 * and digits); else 0. */
size_t tm_utf8_space_len(const char *s, size_t n);

#endif
