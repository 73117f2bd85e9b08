/* SPDX-License-Identifier: MIT */
/*
 * testutil: what every Check program shares: running a suite, finding
 * the source tree and fixtures, and writing temporary files.
 */
#ifndef TM_TESTUTIL_H
#define TM_TESTUTIL_H

#include <check.h>
#include <stddef.h>

/* Run every test of s; returns the process exit status. */
int tm_test_main(Suite *s);

/* $TM_TOP_SRCDIR/rel (static storage, valid until the next call). */
const char *tm_test_src(const char *rel);

/* Write len bytes to a new temporary file; returns its path (malloc'd;
 * the caller unlinks and frees). */
char *tm_test_temp_file(const char *data, size_t len, const char *suffix);

/* A new compiled set of the shipped pattern files (patterns/); the test
 * fails if they do not load.  The caller frees it. */
struct tm_pattern_set *tm_test_shipped_patterns(void);

/* Read a whole file into a malloc'd NUL-terminated string. */
char *tm_test_slurp(const char *path, size_t *len);

#endif
