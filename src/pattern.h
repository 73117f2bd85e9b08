/* SPDX-License-Identifier: MIT */
/*
 * pattern: load, check and compile the pattern files (the .pat files in
 * patterns/ and the users' own).  The file format is documented in
 * patterns/README.md. A pattern set is built in two steps: load every file
 * (collecting every diagnostic, not just the first), then compile everything
 * once. After compilation the set is read-only and may be shared by threads;
 * the one exception, each regex's JIT code, is made under a lock when the
 * regex is first used (pattern-int.h, tm_pattern_set_jit).
 */
#ifndef TM_PATTERN_H
#define TM_PATTERN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct tm_pattern_set;

/* Match limits applied to every pattern (see SECURITY notes in README). */
struct tm_pattern_limits {
    uint32_t match_limit; /* pcre2_set_match_limit */
    uint32_t depth_limit; /* pcre2_set_depth_limit (interpreter only) */
    uint32_t heap_limit;  /* pcre2_set_heap_limit, in KiB */
    int no_jit;           /* 1: interpret only (for valgrind runs) */
};

#define TM_PATTERN_MATCH_LIMIT 1000000u
#define TM_PATTERN_DEPTH_LIMIT 10000u
#define TM_PATTERN_HEAP_LIMIT 65536u

struct tm_pattern_set *tm_pattern_set_new(void);
void tm_pattern_set_free(struct tm_pattern_set *set);

/* Load one pattern file.  Syntax errors are collected as diagnostics
 * ("file:line:column: message"); returns TM_ERR_PATTERN if any were found
 * (err then holds the first), TM_ERR_INPUT if the file cannot be read. */
enum tm_status tm_pattern_set_load_file(struct tm_pattern_set *set,
                                        const char *path, struct tm_err *err);
/* The same for a file's contents already in memory; name is used in
 * diagnostics. */
enum tm_status tm_pattern_set_load_buffer(struct tm_pattern_set *set,
                                          const char *name, const char *data,
                                          size_t len, struct tm_err *err);

/* Load every *.pat file of dir in name order. */
enum tm_status tm_pattern_set_load_dir(struct tm_pattern_set *set,
                                       const char *dir, struct tm_err *err);
/* Compile every define, map, pattern and context rule (JIT code is made
 * on first use).  Errors
 * (with PCRE2's own message) become diagnostics as for loading. */
enum tm_status tm_pattern_set_compile(struct tm_pattern_set *set,
                                      struct tm_err *err);

/* Diagnostics collected so far. */
size_t tm_pattern_set_ndiags(const struct tm_pattern_set *set);
const char *tm_pattern_set_diag(const struct tm_pattern_set *set, size_t i);

/* Numbers of loaded files, patterns and inline examples. */
size_t tm_pattern_set_nfiles(const struct tm_pattern_set *set);
size_t tm_pattern_set_npatterns(const struct tm_pattern_set *set);
size_t tm_pattern_set_nexamples(const struct tm_pattern_set *set);

/* Does text[0..n) (UTF-8) hold a match of the label class name (a `label
 * NAME REGEX` line of a loaded file)?  False when no file defines name,
 * or set is NULL: a vocabulary the files do not give is never found.
 * Thread-safe on a compiled set. */
bool tm_pattern_set_label(const struct tm_pattern_set *set, const char *name,
                          const char *text, size_t n);

/* The limits used by extractors built on this set (defaults above). */
void tm_pattern_set_limits(struct tm_pattern_set *set,
                           const struct tm_pattern_limits *limits);

#endif
