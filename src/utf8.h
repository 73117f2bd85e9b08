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

/* Is s[0..len) valid UTF-8 (no overlongs, surrogates or values beyond
 * U+10FFFF)?  If not and bad is not NULL, *bad is the first bad byte. */
bool tm_utf8_valid(const char *s, size_t len, size_t *bad);
/* Length of the valid UTF-8 sequence at s (n bytes available), or 0. */
size_t tm_utf8_seq_len(const unsigned char *s, size_t n);

#endif
