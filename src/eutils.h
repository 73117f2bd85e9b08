/* SPDX-License-Identifier: MIT */
/*
 * eutils: NCBI E-utilities, politely and reliably.  esearch collects the
 * ids of a query (splitting PubMed queries into PMID ranges under the
 * 9,999-record cap, and checking the total against esearch's Count); the id
 * list is saved as the resume point; efetch then downloads them in
 * batches by POST into an on-disk cache, so a rerun fetches only what is
 * missing.  A batch is done when every id is in it or recorded as missing
 * (and asked for again next time); a new search replaces the cached one
 * only when complete; one process at a time owns a cache.  Requests keep
 * to NCBI's rate (3/s, 10/s with an API key, with a margin) counting every
 * request sent, and retry 429 (honouring Retry-After up to 60 s), 5xx,
 * timeouts, resets, truncated or malformed bodies and <ERROR> answers with
 * exponential backoff and jitter, a bounded number of times.  The API key
 * travels only in POST bodies: never in a URL, a message, a log or the
 * cache.
 */
#ifndef TM_EUTILS_H
#define TM_EUTILS_H

#include <signal.h>
#include <stdbool.h>

#include "doc.h"
#include "err.h"

#define TM_EUTILS_DEFAULT_URL "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"

struct tm_eutils_progress {
    const char *phase;         /* "search" or "fetch" */
    unsigned long done, total; /* records */
    double elapsed;            /* seconds since the fetch began */
};

struct tm_eutils_opts {
    const char *base_url; /* ends with '/' */
    const char *db;       /* "pubmed" or "pmc" */
    const char *api_key;  /* NULL without one */
    const char *tool;
    const char *email;             /* NULL if unknown */
    const char *mindate, *maxdate; /* NULL, or both */
    unsigned long max;             /* 0: every record */
    unsigned batch;                /* records per efetch */
    unsigned retries;              /* attempts after the first */
    double backoff;                /* seconds before the first retry */
    double rate;                   /* requests per second; 0: NCBI's */
    long timeout;                  /* seconds per request */
    bool refresh;                  /* search again, ignore cached ids */
    const char *cache_dir;
    void (*progress)(void *ctx, const struct tm_eutils_progress *p);
    void *progress_ctx;
    /* Set (by a signal handler) to stop between requests and abandon a
     * transfer in progress; the cache keeps what is complete. */
    const volatile sig_atomic_t *stop;
};

struct tm_eutils_lock;

struct tm_eutils_result {
    char *dir;                     /* the cache entry of this query */
    char *gen;                     /* its generation the files are in */
    unsigned long count;           /* esearch's Count (capped by max) */
    unsigned long batches;         /* in all */
    unsigned long batches_fetched; /* by this run (the rest was cached) */
    unsigned long requests;
    unsigned long missing;       /* ids never returned */
    struct tm_strv missing_ids;  /* which, in batch order */
    unsigned long no_body;       /* PMC articles without a body */
    struct tm_strv files;        /* the batch files, in order */
    struct tm_eutils_lock *lock; /* the cache's, held until clear */
    /* Set also when the fetch fails: */
    bool is_unreachable; /* it failed because nobody answered: the name
                            did not resolve or no connection was made */
    bool has_cached;     /* a complete search of the query is cached, for
                            --offline */
};

/* Fill opts with defaults (NCBI URL, pubmed, batch 200, 5 retries, ...).
 * The caller sets cache_dir and may override any field. */
void tm_eutils_opts_init(struct tm_eutils_opts *opts);

/* The cache entry directory for a query (malloc'd): cache_dir/db-HASH. */
char *tm_eutils_cache_entry(const struct tm_eutils_opts *opts,
                            const char *query);

/*
 * Search and fetch query into the cache, owning the cache while it does
 * (another process's fetch is waited for, with a warning).  On success
 * res->files lists the batch files in order, and res holds the cache's
 * lock until tm_eutils_result_clear, so nothing changes them while the
 * caller reads them.  Records NCBI never returned are not an error here:
 * res->missing_ids names them (see tm_eutils_missing_message), and the
 * next fetch asks for them again.  When retries run out the message names
 * the batch and the reason, and says that rerunning resumes; everything
 * fetched so far stays in the cache, and a failed --refresh leaves the
 * last complete search in place.
 */
enum tm_status tm_eutils_fetch(const struct tm_eutils_opts *opts,
                               const char *query, struct tm_eutils_result *res,
                               struct tm_reporter *rep, struct tm_err *err);

/* The cached batch files of query's last complete search, without any
 * network access, holding the cache's lock shared as tm_eutils_fetch
 * does; fails if there is none, or a file of it is damaged. */
enum tm_status tm_eutils_cached(const struct tm_eutils_opts *opts,
                                const char *query, struct tm_eutils_result *res,
                                struct tm_reporter *rep, struct tm_err *err);

/* NULL when every record of res arrived; otherwise a one-line message
 * (malloc'd, the caller frees) naming the ids never returned. */
char *tm_eutils_missing_message(const struct tm_eutils_opts *opts,
                                const struct tm_eutils_result *res);

/* Free res and release the cache's lock. */
void tm_eutils_result_clear(struct tm_eutils_result *res);

/* Parse an esearch answer: Count and the ids (appended to ids).  Fails on
 * an <ERROR> or a body that is not an esearch result. */
enum tm_status tm_eutils_parse_esearch(const char *body, size_t len,
                                       unsigned long *count,
                                       struct tm_strv *ids, struct tm_err *err);

/* Parse an efetch answer of db: the ids of the records in it (appended),
 * and how many PMC articles lack a body.  Fails on an <ERROR>, malformed
 * or truncated XML, or the wrong root. */
enum tm_status tm_eutils_parse_efetch(const char *db, const char *body,
                                      size_t len, struct tm_strv *ids,
                                      unsigned long *no_body,
                                      struct tm_err *err);

#endif
