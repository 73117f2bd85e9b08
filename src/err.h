/* SPDX-License-Identifier: MIT */
/*
 * err: the one error type every module reports through.  A function that
 * can fail returns enum tm_status and fills a caller-owned struct tm_err
 * with a message and its context (file, line, column, document).  Modules
 * never print and never exit; only cli.c turns an error into a line on
 * stderr and an exit status.  Our own allocations abort on failure.
 */
#ifndef TM_ERR_H
#define TM_ERR_H

#include <stddef.h>

#if defined(__GNUC__)
#define TM_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define TM_NORETURN __attribute__((noreturn))
#else
#define TM_PRINTF(fmt, args)
#define TM_NORETURN
#endif

/* Status codes; their order is also the exit-status order (see cli.c). */
enum tm_status {
    TM_OK = 0,
    TM_ERR_INPUT,   /* a document or input file could not be read */
    TM_ERR_USAGE,   /* bad command line */
    TM_ERR_PATTERN, /* pattern, rules or configuration file error */
    TM_ERR_IO,      /* output, file system or network failure */
    TM_ERR_LIMIT    /* a resource limit was reached (regex, size) */
};

#define TM_ERR_MSG_MAX 512

/* An error with where it happened.  msg is the complete one-line message,
 * context included ("patterns/dose.pat:12:7: missing )"); line and column
 * repeat the position for tests and tools (0 when unknown). */
struct tm_err {
    enum tm_status code;
    unsigned line;
    unsigned column;
    char msg[TM_ERR_MSG_MAX];
};

/* Set err (if not NULL) to code and a printf-formatted message; returns
 * code so callers can write `return tm_err_set(err, ...)`. */
enum tm_status tm_err_set(struct tm_err *err, enum tm_status code,
                          const char *fmt, ...) TM_PRINTF(3, 4);

/* Clear err to TM_OK with an empty message. */
void tm_err_clear(struct tm_err *err);

/* Where non-fatal diagnostics go: a warning about one record or one
 * pattern that does not stop the run.  fn receives the complete message
 * (no trailing newline); count tallies every warning, delivered or not. */
typedef void (*tm_warn_fn)(void *ctx, const char *msg);
struct tm_reporter {
    tm_warn_fn fn; /* NULL: count only */
    void *ctx;
    unsigned long count;
};

/* Format and deliver one warning through r (which may be NULL). */
void tm_warn(struct tm_reporter *r, const char *fmt, ...) TM_PRINTF(2, 3);

/* Abort with "trialmine: out of memory" when an allocation fails. */
void *tm_xmalloc(size_t n);
void *tm_xcalloc(size_t n, size_t size);
void *tm_xrealloc(void *p, size_t n);
/* Grow an array: returns p reallocated to hold n elements of size. */
void *tm_xreallocarray(void *p, size_t n, size_t size);
char *tm_xstrdup(const char *s);
char *tm_xstrndup(const char *s, size_t n);
TM_NORETURN void tm_oom(void);

#define TM_FREE(p)                                                             \
    do {                                                                       \
        free(p);                                                               \
        (p) = NULL;                                                            \
    } while (0)

#endif
