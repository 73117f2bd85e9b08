/* SPDX-License-Identifier: MIT */
/*
 * sha256: SHA-256 of a byte string (FIPS 180-4), for the review page's
 * Content-Security-Policy hashes (see sha256.c).
 */
#ifndef TM_SHA256_H
#define TM_SHA256_H

#include <stddef.h>
#include <stdint.h>

/* The SHA-256 digest of data[0..len) into out. */
void tm_sha256(const void *data, size_t len, unsigned char out[32]);

#endif
