/* SPDX-License-Identifier: MIT */
/*
 * pool: the worker threads of -j N.  The reading thread hands them
 * batches of documents, or pieces of a split PubMed or PMC file that
 * they parse first (split.h); it commits finished batches in the order
 * they were sent, so the output is the same for any N.
 */
#include "config.h"
#include "pipeline-int.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "input.h"
#include "parse.h"
#include "split.h"

/* ------------------------------------------------------------------ */
/* Worker threads (-j N)                                               */
/* ------------------------------------------------------------------ */

/*
 * The reading thread hands the workers batches of documents it parsed,
 * or pieces of a file to parse; workers parse pieces, normalize and
 * extract; the reading thread commits
 * finished batches in the order they were sent.  At most `ring_cap`
 * batches are in flight, so memory stays bounded whatever the input
 * size.  Warnings raised in a worker are held with their document and
 * reported when it is committed, so stderr is in document order too.
 */
#define BATCH_DOCS 32
#define BATCH_BYTES (256u * 1024u)

struct job {
    struct tm_doc doc;
    struct tm_strv parse_warnings; /* from reading it (split pieces) */
    struct tm_records recs;
    struct tm_trial trial;
    struct tm_tables tables;
    struct tm_strv warnings;
    struct tm_err err;
    bool failed;
};

/* A piece of a split file (see split.h), for a worker to parse. */
struct piece {
    const char *path;          /* borrowed: the input's */
    const struct tm_split *sp; /* borrowed: the file's prolog and tags */
    const char *prolog;
    char *body; /* owned */
    size_t len, cap;
    bool last;               /* the file's end: no closing tag added */
    unsigned long first;     /* records in the file before it */
    unsigned long count;     /* record end tags counted in it */
    unsigned long nskipped;  /* parsed: records skipped as too large */
    bool failed;             /* not read as counted: read again */
    struct tm_strv warnings; /* after its last document */
};

struct batch {
    struct job *jobs;
    size_t n, cap, bytes;
    unsigned long seq;
    bool done;
    struct piece *piece; /* documents to parse first, or NULL */
    struct batch *next;  /* in the work queue */
};

struct worker {
    struct tm_pool *pool;
    pthread_t thread;
    bool started;
    struct tm_stages st;
    struct tm_reporter rep;
    struct job *cur; /* whose warnings rep collects */
};

struct tm_pool {
    pthread_mutex_t mu;
    pthread_cond_t work; /* a batch was queued, or stop was set */
    pthread_cond_t done; /* a batch was finished */
    struct batch *head, *tail;
    struct batch **ring; /* sent and not yet committed, by seq % ring_cap */
    size_t ring_cap;
    unsigned long next_seq, commit_seq;
    bool stop;
    struct worker *w;
    unsigned nw;
    struct batch *open; /* being filled by the reading thread */
    enum tm_status rc;  /* the first commit error of this input */
    struct tm_err err;
    /* Of a split input: a piece was not read as counted (the rest is
     * read again from record split_from on), and its records skipped as
     * too large so far. */
    bool split_failed;
    unsigned long split_from, split_nskipped;
    /* Piece buffers (piece_buf bytes) the workers are done with, for the
     * reading thread to fill again: no fresh pages for every piece. */
    char **spare;
    size_t nspare, piece_buf;
};

static void
hold_warning(void *ctx, const char *msg)
{
    struct worker *w = ctx;

    tm_strv_push(&w->cur->warnings, msg);
}

/* The documents of a piece being parsed, and the warnings raised since
 * the last one. */
struct piece_docs {
    struct batch *b;
    struct tm_strv pending;
};

static void
hold_parse_warning(void *ctx, const char *msg)
{
    struct piece_docs *pd = ctx;

    tm_strv_push(&pd->pending, msg);
}

static enum tm_status
on_piece_doc(void *ctx, struct tm_doc *doc, struct tm_err *err)
{
    struct piece_docs *pd = ctx;
    struct batch *b = pd->b;
    struct job *j;

    (void)err;
    if (b->n == b->cap) {
        b->cap = b->cap ? 2 * b->cap : BATCH_DOCS;
        b->jobs = tm_xreallocarray(b->jobs, b->cap, sizeof *b->jobs);
    }
    j = &b->jobs[b->n++];
    memset(j, 0, sizeof *j);
    j->doc = *doc;
    tm_doc_init(doc, doc->kind);
    j->parse_warnings = pd->pending;
    memset(&pd->pending, 0, sizeof pd->pending);
    return TM_OK;
}

/* Piece buffers: pieces are cut at the first record end after
 * piece_bytes (tm_pipeline_set_piece_bytes), from reads of READ_BYTES,
 * into buffers of piece_buf = piece_bytes + 2 READ_BYTES (larger only
 * for a record that is). */
#define READ_BYTES (64u * 1024u)

/* Keep buf (of cap bytes) for another piece, or free it. */
static void
put_spare(struct tm_pool *pool, char *buf, size_t cap)
{
    if (buf == NULL)
        return;
    pthread_mutex_lock(&pool->mu);
    if (cap == pool->piece_buf && pool->nspare < pool->ring_cap + 2) {
        pool->spare[pool->nspare++] = buf;
        buf = NULL;
    }
    pthread_mutex_unlock(&pool->mu);
    free(buf);
}

/* A buffer of piece_buf bytes. */
static char *
get_spare(struct tm_pool *pool)
{
    char *buf = NULL;

    pthread_mutex_lock(&pool->mu);
    if (pool->nspare > 0)
        buf = pool->spare[--pool->nspare];
    pthread_mutex_unlock(&pool->mu);
    return buf != NULL ? buf : tm_xmalloc(pool->piece_buf);
}

/* Parse b's piece into b's jobs; a piece not read as counted is marked
 * failed and keeps no document. */
static void
parse_piece(struct tm_pool *pool, struct batch *b)
{
    struct piece *pc = b->piece;
    struct piece_docs pd = {b, {NULL, 0, 0}};
    struct tm_reporter rep = {hold_parse_warning, &pd, 0};
    struct tm_parse_piece in;
    unsigned long nrecords = 0;
    size_t i;

    in.prolog = pc->prolog;
    in.prolog_len = pc->sp->prolog_len;
    in.body = pc->body;
    in.len = pc->len;
    in.close = pc->last ? NULL : pc->sp->close;
    in.first = pc->first;
    pc->failed = !tm_parse_xml_piece(pc->path, &in, on_piece_doc, &pd, &rep,
                                     &nrecords, &pc->nskipped) ||
                 nrecords != pc->count;
    pc->warnings = pd.pending;
    if (pc->failed) {
        for (i = 0; i < b->n; i++) {
            tm_doc_clear(&b->jobs[i].doc);
            tm_strv_clear(&b->jobs[i].parse_warnings);
        }
        b->n = 0;
    }
    /* The raw bytes are read: give the buffer back before the slow
     * part. */
    put_spare(pool, pc->body, pc->cap);
    pc->body = NULL;
}

static void *
worker_main(void *arg)
{
    struct worker *w = arg;
    struct tm_pool *pool = w->pool;
    size_t i;

    pthread_mutex_lock(&pool->mu);
    for (;;) {
        struct batch *b;

        while (pool->head == NULL && !pool->stop)
            pthread_cond_wait(&pool->work, &pool->mu);
        if (pool->head == NULL)
            break;
        b = pool->head;
        pool->head = b->next;
        if (pool->head == NULL)
            pool->tail = NULL;
        pthread_mutex_unlock(&pool->mu);
        if (b->piece != NULL)
            parse_piece(pool, b);
        for (i = 0; i < b->n; i++) {
            struct job *j = &b->jobs[i];

            w->cur = j;
            tm_pipeline_process_doc(&w->st, &j->doc, &j->recs, &j->trial,
                                    &j->tables, &j->err, &j->failed);
        }
        w->cur = NULL;
        pthread_mutex_lock(&pool->mu);
        b->done = true;
        pthread_cond_broadcast(&pool->done);
    }
    pthread_mutex_unlock(&pool->mu);
    return NULL;
}

static void
batch_free(struct batch *b)
{
    size_t i;

    if (b == NULL)
        return;
    for (i = 0; i < b->n; i++) {
        tm_records_clear(&b->jobs[i].recs);
        tm_trial_clear(&b->jobs[i].trial);
        tm_tables_clear(&b->jobs[i].tables);
        tm_doc_clear(&b->jobs[i].doc);
        tm_strv_clear(&b->jobs[i].warnings);
        tm_strv_clear(&b->jobs[i].parse_warnings);
    }
    if (b->piece != NULL) {
        free(b->piece->body);
        tm_strv_clear(&b->piece->warnings);
        free(b->piece);
    }
    free(b->jobs);
    free(b);
}

void
tm_pool_free(struct tm_pool *pool)
{
    unsigned i;

    if (pool == NULL)
        return;
    pthread_mutex_lock(&pool->mu);
    pool->stop = true;
    pthread_cond_broadcast(&pool->work);
    pthread_mutex_unlock(&pool->mu);
    for (i = 0; i < pool->nw; i++) {
        if (pool->w[i].started)
            pthread_join(pool->w[i].thread, NULL);
        tm_stages_clear(&pool->w[i].st);
    }
    /* Normally empty: every batch is committed before a file ends. */
    while (pool->commit_seq < pool->next_seq)
        batch_free(pool->ring[pool->commit_seq++ % pool->ring_cap]);
    batch_free(pool->open);
    while (pool->nspare > 0)
        free(pool->spare[--pool->nspare]);
    free(pool->spare);
    pthread_mutex_destroy(&pool->mu);
    pthread_cond_destroy(&pool->work);
    pthread_cond_destroy(&pool->done);
    free(pool->ring);
    free(pool->w);
    free(pool);
}

/* Start the workers; NULL (and one thread) if none can be started. */
struct tm_pool *
tm_pool_new(const struct tm_pattern_set *set, unsigned n)
{
    struct tm_pool *pool = tm_xcalloc(1, sizeof *pool);
    unsigned i;

    pthread_mutex_init(&pool->mu, NULL);
    pthread_cond_init(&pool->work, NULL);
    pthread_cond_init(&pool->done, NULL);
    pool->ring_cap = 2 * (size_t)n + 2;
    pool->ring = tm_xcalloc(pool->ring_cap, sizeof *pool->ring);
    pool->spare = tm_xcalloc(pool->ring_cap + 2, sizeof *pool->spare);
    pool->w = tm_xcalloc(n, sizeof *pool->w);
    pool->nw = n;
    for (i = 0; i < n; i++) {
        struct worker *w = &pool->w[i];

        w->pool = pool;
        w->rep.fn = hold_warning;
        w->rep.ctx = w;
        tm_stages_init(&w->st, set, &w->rep);
    }
    tm_parse_init(); /* workers parse pieces */
    for (i = 0; i < n; i++) {
        if (pthread_create(&pool->w[i].thread, NULL, worker_main,
                           &pool->w[i]) != 0)
            break;
        pool->w[i].started = true;
    }
    if (i == 0) {
        tm_pool_free(pool);
        return NULL;
    }
    return pool;
}

/* Commit one finished batch: its warnings and records, in order.  After
 * an output error (kept in the pool) the rest is only freed. */
static void
commit_batch(struct tm_pipeline *pl, struct batch *b)
{
    struct tm_pool *pool = pl->pool;
    struct piece *pc = b->piece;
    size_t i, k;

    if (pc != NULL && !pool->split_failed && pc->failed) {
        pool->split_failed = true;
        pool->split_from = pc->first;
    }
    if (pc != NULL && pool->split_failed) {
        /* Read again serially from the failed piece on. */
        batch_free(b);
        return;
    }
    for (i = 0; i < b->n && pool->rc == TM_OK; i++) {
        struct job *j = &b->jobs[i];

        for (k = 0; k < j->parse_warnings.n; k++)
            tm_warn(pl->rep, "%s", j->parse_warnings.v[k]);
        /* A piece's documents are counted here, in order, as
         * tm_pipeline_on_doc counts those of a file read whole. */
        if (pc != NULL && !tm_pipeline_admit(pl, j->doc.id))
            continue;
        for (k = 0; k < j->warnings.n; k++)
            tm_warn(pl->rep, "%s", j->warnings.v[k]);
        pool->rc =
            tm_pipeline_commit_doc(pl, &j->doc, &j->recs, &j->trial, &j->tables,
                                   j->failed, &j->err, &pool->err);
    }
    if (pc != NULL && pool->rc == TM_OK) {
        for (k = 0; k < pc->warnings.n; k++)
            tm_warn(pl->rep, "%s", pc->warnings.v[k]);
        pool->split_nskipped += pc->nskipped;
    }
    batch_free(b);
}

static enum tm_status
pool_status(const struct tm_pool *pool, struct tm_err *err)
{
    if (pool->rc != TM_OK)
        *err = pool->err;
    return pool->rc;
}

/* Commit the finished batches at the head of the order; with wait_all,
 * wait for and commit every batch sent. */
enum tm_status
tm_pool_drain(struct tm_pipeline *pl, bool wait_all, struct tm_err *err)
{
    struct tm_pool *pool = pl->pool;

    for (;;) {
        struct batch *b;

        pthread_mutex_lock(&pool->mu);
        if (pool->commit_seq == pool->next_seq) {
            pthread_mutex_unlock(&pool->mu);
            return pool_status(pool, err);
        }
        b = pool->ring[pool->commit_seq % pool->ring_cap];
        while (!b->done && wait_all)
            pthread_cond_wait(&pool->done, &pool->mu);
        if (!b->done) {
            pthread_mutex_unlock(&pool->mu);
            return pool_status(pool, err);
        }
        pool->ring[pool->commit_seq % pool->ring_cap] = NULL;
        pool->commit_seq++;
        pthread_mutex_unlock(&pool->mu);
        commit_batch(pl, b);
    }
}

/* Send b to the workers, first making room in the ring: at most
 * ring_cap batches in flight, and for pieces (of a megabyte each, raw)
 * one per worker and two more, so memory stays bounded at any -j. */
static enum tm_status
send_batch(struct tm_pipeline *pl, struct batch *b, struct tm_err *err)
{
    struct tm_pool *pool = pl->pool;
    size_t limit = b->piece != NULL ? (size_t)pool->nw + 2 : pool->ring_cap;

    for (;;) {
        struct batch *head;

        pthread_mutex_lock(&pool->mu);
        if (pool->next_seq - pool->commit_seq < limit)
            break;
        head = pool->ring[pool->commit_seq % pool->ring_cap];
        while (!head->done)
            pthread_cond_wait(&pool->done, &pool->mu);
        pthread_mutex_unlock(&pool->mu);
        (void)tm_pool_drain(pl, false, err);
    }
    b->seq = pool->next_seq++;
    pool->ring[b->seq % pool->ring_cap] = b;
    if (pool->tail != NULL)
        pool->tail->next = b;
    else
        pool->head = b;
    pool->tail = b;
    pthread_cond_signal(&pool->work);
    pthread_mutex_unlock(&pool->mu);
    return tm_pool_drain(pl, false, err);
}

/* Send the open batch to the workers. */
enum tm_status
tm_pool_send(struct tm_pipeline *pl, struct tm_err *err)
{
    struct tm_pool *pool = pl->pool;
    struct batch *b = pool->open;

    if (b == NULL || b->n == 0)
        return pool_status(pool, err);
    pool->open = NULL;
    return send_batch(pl, b, err);
}

/* Take the document (the parser reuses its struct) into the open batch. */
enum tm_status
tm_pool_add(struct tm_pipeline *pl, struct tm_doc *doc, struct tm_err *err)
{
    struct tm_pool *pool = pl->pool;
    struct batch *b = pool->open;
    struct job *j;

    if (b == NULL) {
        b = pool->open = tm_xcalloc(1, sizeof *b);
        b->cap = BATCH_DOCS;
        b->jobs = tm_xcalloc(b->cap, sizeof *b->jobs);
    }
    j = &b->jobs[b->n++];
    j->doc = *doc;
    tm_doc_init(doc, doc->kind);
    b->bytes += j->doc.len;
    if (b->n == b->cap || b->bytes >= BATCH_BYTES)
        return tm_pool_send(pl, err);
    return TM_OK;
}

/* ------------------------------------------------------------------ */
/* Split files (-j N): workers parse too                               */
/* ------------------------------------------------------------------ */

/*
 * With workers, a PubMed or PMC file is cut into record-aligned pieces
 * (split.h) that the workers parse as well as extract, so the reading
 * thread only reads, cuts and commits.  A piece that does not read as
 * counted (a false cut, a malformed record, a cut file) stops the
 * splitting: the pieces before it are committed, and the file is read
 * again by one parser from its first record on, which gives exactly the
 * documents, warnings and message a single read gives.
 */
#define PIECE_MAX (32u << 20) /* a longer record: read serially */

/* Send buf[0..len) (taken) as a piece whose records follow *first. */
static enum tm_status
send_piece(struct tm_pipeline *pl, const char *path, const struct tm_split *sp,
           const char *prolog, char *buf, size_t len, size_t cap, bool last,
           unsigned long *first, struct tm_err *err)
{
    struct batch *b = tm_xcalloc(1, sizeof *b);
    struct piece *pc = tm_xcalloc(1, sizeof *pc);

    pc->path = path;
    pc->sp = sp;
    pc->prolog = prolog;
    pc->body = buf;
    pc->len = len;
    pc->cap = cap;
    pc->last = last;
    pc->first = *first;
    pc->count = tm_split_count(sp, buf, len);
    *first += pc->count;
    pl->pieces++;
    b->piece = pc;
    return send_batch(pl, b, err);
}

/* The input's XML, read as split pieces when it can be (a tm_xml_fn). */
enum tm_status
tm_pool_split_xml(void *ctx, const char *path, const char *head, size_t len,
                  tm_read_fn read, void *rctx, struct tm_err *err)
{
    struct tm_pipeline *pl = ctx;
    struct tm_pool *pool = pl->pool;
    struct tm_split sp;
    struct tm_input_opts again;
    char *prolog, *buf;
    size_t pb = pl->piece_bytes, blen, cap, scan = pb;
    unsigned long first = 0;
    bool serial = false;
    enum tm_status rc = TM_OK;

    if (!tm_split_prolog(head, len, &sp))
        return tm_parse_xml(path, head, len, read, rctx, tm_pipeline_on_doc, pl,
                            pl->rep, err);
    pool->split_failed = false;
    pool->split_from = pool->split_nskipped = 0;
    prolog = tm_xmalloc(sp.prolog_len);
    memcpy(prolog, head, sp.prolog_len);
    blen = len - sp.prolog_len;
    cap = pool->piece_buf;
    buf = get_spare(pool);
    if (cap < blen) {
        cap = blen;
        buf = tm_xrealloc(buf, cap);
    }
    memcpy(buf, head + sp.prolog_len, blen);
    for (;;) {
        long n;

        /* Cut what can be cut. */
        while (rc == TM_OK && !pool->split_failed && blen >= scan) {
            size_t cut = tm_split_cut(&sp, buf, blen, scan);
            char *rest;
            size_t rcap;

            if (cut == 0) {
                /* Search on from here once more bytes are in. */
                scan = blen > 32 ? blen - 32 : 0;
                if (scan < pb)
                    scan = pb;
                break;
            }
            rcap = pool->piece_buf;
            rest = get_spare(pool);
            if (rcap < blen - cut) {
                rcap = blen - cut;
                rest = tm_xrealloc(rest, rcap);
            }
            memcpy(rest, buf + cut, blen - cut);
            rc = send_piece(pl, path, &sp, prolog, buf, cut, cap, false, &first,
                            err);
            buf = rest;
            blen -= cut;
            cap = rcap;
            scan = pb;
        }
        if (rc != TM_OK || pool->split_failed)
            break;
        if (blen > PIECE_MAX) {
            serial = true; /* a record too long to hold */
            break;
        }
        if (cap - blen < READ_BYTES) {
            cap = 2 * cap;
            buf = tm_xrealloc(buf, cap);
        }
        n = read(rctx, buf + blen, READ_BYTES);
        if (n < 0) {
            serial = true; /* the single read says how it failed */
            break;
        }
        if (n == 0) {
            rc = send_piece(pl, path, &sp, prolog, buf, blen, cap, true, &first,
                            err);
            buf = NULL;
            break;
        }
        blen += (size_t)n;
    }
    free(buf);
    {
        struct tm_err werr;
        enum tm_status wrc;

        tm_err_clear(&werr);
        wrc = tm_pool_drain(pl, true, &werr);
        if (wrc != TM_OK && rc == TM_OK) {
            rc = wrc;
            *err = werr;
        }
    }
    free(prolog);
    if (rc != TM_OK)
        return rc; /* an output error: the run ends */
    if (pool->split_failed || serial) {
        memset(&again, 0, sizeof again);
        again.skip = pool->split_failed ? pool->split_from : first;
        again.inflate_cpu = pl->profile ? &pl->cpu_inflate : NULL;
        pl->reread++;
        pool->split_failed = false;
        return tm_input_read_opts(path, tm_pipeline_on_doc, pl, pl->rep, &again,
                                  err);
    }
    return tm_parse_skipped(path, pool->split_nskipped, err);
}

/* Ready the pool for the next input: no error yet, and piece buffers of
 * the size piece_bytes asks for (no piece is in flight between files). */
void
tm_pool_begin(struct tm_pool *pool, size_t piece_bytes)
{
    pool->rc = TM_OK;
    tm_err_clear(&pool->err);
    pthread_mutex_lock(&pool->mu);
    if (pool->piece_buf != piece_bytes + 2 * READ_BYTES) {
        while (pool->nspare > 0)
            free(pool->spare[--pool->nspare]);
        pool->piece_buf = piece_bytes + 2 * READ_BYTES;
    }
    pthread_mutex_unlock(&pool->mu);
}

unsigned
tm_pool_size(const struct tm_pool *pool)
{
    return pool->nw;
}

struct tm_stages *
tm_pool_stage(struct tm_pool *pool, unsigned i)
{
    return &pool->w[i].st;
}
