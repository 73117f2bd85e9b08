/* SPDX-License-Identifier: MIT */
/*
 * pipeline: parse -> normalize -> extract -> emit, with accounting.
 */
#include "config.h"
#include "pipeline.h"
#include "pattern-int.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "attrib.h"
#include "buf.h"
#include "clock.h"
#include "extract.h"
#include "input.h"
#include "normalize.h"
#include "parse.h"
#include "split.h"
#include "ocr.h"
#include "corrections.h"
#include "report.h"
#include "studies.h"
#include "table.h"
#include "trial.h"
#include "text.h"

/* What one thread needs to extract a document: its own matchers and
 * scratch space.  The pattern set itself is shared and read-only. */
struct stage {
    struct tm_extractor *ex;
    struct tm_ocr *ocr;
    struct tm_norm norm;           /* reused per section */
    struct tm_sentences sentences; /* the document's, split once */
    struct tm_reporter *rep;
    bool profile;
    size_t max_records;                    /* per document; 0: none */
    struct tm_corrections *corrections;    /* borrowed, optional */
    double t_normalize, t_extract, t_link; /* seconds, when profiling */
    double cpu_docs; /* this thread's CPU seconds in process_doc, ditto */
};

struct pool;

struct tm_pipeline {
    const struct tm_pattern_set *set;
    struct stage st; /* the calling thread's */
    struct tm_reporter *rep;
    unsigned jobs;     /* worker threads; 1: none, all in the caller */
    struct pool *pool; /* started on first use when jobs > 1 */
    struct tm_pipeline_stats stats;
    struct tm_records recs;  /* reused per document */
    struct tm_trial trial;   /* the trial of recs */
    struct tm_tables tables; /* the typed tables of recs' document */
    /* Per-call state for the document callback. */
    struct tm_emitter *const *ems;
    size_t nems;
    /* Ids of documents seen, when deduplicating (open addressing). */
    bool dedupe;
    bool profile;
    double t_output; /* emitters and study table, when profiling */
    double cpu_reading, cpu_process; /* over the inputs, when profiling */
    double cpu_inflate;              /* .gz read-ahead threads */
    unsigned long pieces, reread;    /* split files (-j N) */
    size_t piece_bytes;
    struct tm_studies *studies; /* borrowed, optional */
    struct tm_report *report;   /* borrowed, optional */
    char **seen;
    size_t nseen, seen_cap;
    unsigned long docs_failed; /* in the current input */
    unsigned long docs_cut;    /* in the current input, at max_records */
};

static void
stage_init(struct stage *st, const struct tm_pattern_set *set,
           struct tm_reporter *rep)
{
    st->ex = tm_extractor_new(set);
    st->ocr = tm_ocr_new(set);
    tm_norm_init(&st->norm);
    memset(&st->sentences, 0, sizeof st->sentences);
    st->rep = rep;
    st->max_records = TM_PIPELINE_MAX_RECORDS;
}

static void
stage_clear(struct stage *st)
{
    tm_extractor_free(st->ex);
    tm_ocr_free(st->ocr);
    tm_norm_clear(&st->norm);
    tm_sentences_clear(&st->sentences);
}

static void pool_free(struct pool *pool);

struct tm_pipeline *
tm_pipeline_new(const struct tm_pattern_set *set, struct tm_reporter *rep)
{
    struct tm_pipeline *pl = tm_xcalloc(1, sizeof *pl);

    pl->set = set;
    stage_init(&pl->st, set, rep);
    pl->rep = rep;
    pl->jobs = 1;
    pl->piece_bytes = TM_PIPELINE_PIECE_BYTES;
    return pl;
}

void
tm_pipeline_free(struct tm_pipeline *pl)
{
    if (pl == NULL)
        return;
    pool_free(pl->pool);
    stage_clear(&pl->st);
    tm_records_clear(&pl->recs);
    tm_trial_clear(&pl->trial);
    tm_tables_clear(&pl->tables);
    for (size_t i = 0; i < pl->seen_cap; i++)
        free(pl->seen[i]);
    free(pl->seen);
    free(pl);
}

const struct tm_pipeline_stats *
tm_pipeline_stats(const struct tm_pipeline *pl)
{
    return &pl->stats;
}

/* The id of the reference a citation at [start, end) of doc points to:
 * "pmid:N" or "doi:X" (malloc'd), or NULL. */
static char *
resolve_cite(const struct tm_doc *doc, size_t start, size_t end)
{
    size_t i, k;

    for (i = 0; i < doc->ncites; i++) {
        const struct tm_cite *c = &doc->cites[i];
        char id[128];
        size_t n;

        if (c->end <= start || c->start >= end)
            continue;
        /* rid may list several ids ("B2 B3"): the first is used. */
        n = strcspn(c->ref_id, " ");
        if (n >= sizeof id)
            n = sizeof id - 1;
        memcpy(id, c->ref_id, n);
        id[n] = '\0';
        for (k = 0; k < doc->nrefs; k++) {
            const struct tm_ref *ref = &doc->refs[k];
            struct tm_buf b;

            if (ref->id == NULL || strcmp(ref->id, id) != 0)
                continue;
            if (ref->pmid == NULL && ref->doi == NULL)
                return NULL;
            tm_buf_init(&b, 0);
            if (ref->pmid != NULL)
                tm_buf_printf(&b, "pmid:%s", ref->pmid);
            else
                tm_buf_printf(&b, "doi:%s", ref->doi);
            return tm_buf_steal(&b, NULL);
        }
    }
    return NULL;
}

/*
 * study_ref holds a citation as written ("[30]"): make it the cited
 * work's id through the reference list, or drop it when there is none to
 * resolve against.  A value with no study in a PubMed record belongs to
 * the record itself: its own abstract is the study.
 */
static void
resolve_studies(const struct tm_doc *doc, struct tm_records *recs)
{
    size_t i;

    for (i = 0; i < recs->n; i++) {
        struct tm_record *r = &recs->v[i];

        if (r->type[0] == '_')
            continue;
        if (r->study_ref != NULL) {
            char *id = r->has_ref_span
                           ? resolve_cite(doc, r->ref_start, r->ref_end)
                           : NULL;

            free(r->study_ref);
            r->study_ref = id;
        }
        if (r->study == NULL && r->study_ref == NULL &&
            doc->kind == TM_DOC_PUBMED && doc->pmid != NULL) {
            struct tm_buf b;

            tm_buf_init(&b, 0);
            tm_buf_printf(&b, "pmid:%s", doc->pmid);
            r->study_ref = tm_buf_steal(&b, NULL);
        }
    }
}

/* Describe a repair for a record's `repairs` list: "rule:raw->new" when
 * both sides are short and printable, else just the rule. */
static void
push_repair(struct tm_record *r, const char *raw,
            const struct tm_norm_repair *rp)
{
    size_t rawlen = rp->raw_end - rp->raw_start, i;
    size_t newlen = strlen(rp->replacement);
    bool plain = rawlen <= 16 && newlen <= 16;
    struct tm_buf b;

    for (i = 0; plain && i < rawlen; i++)
        plain = (unsigned char)raw[rp->raw_start + i] >= 0x20;
    for (i = 0; plain && i < newlen; i++)
        plain = (unsigned char)rp->replacement[i] >= 0x20;
    tm_buf_init(&b, 0);
    if (plain)
        tm_buf_printf(&b, "%s:%.*s->%s", rp->rule, (int)rawlen,
                      raw + rp->raw_start, rp->replacement);
    else
        tm_buf_puts(&b, rp->rule);
    tm_strv_push(&r->repairs, b.data);
    tm_buf_clear(&b);
}

/*
 * Extract the records of one document into pl->recs, in document
 * coordinates, one section at a time: normalize the section, extract from
 * the normalized text, map each record back to the raw bytes and attach
 * the repairs made inside it.
 */
static enum tm_status
extract_doc(struct stage *st, struct tm_doc *doc, struct tm_records *recs,
            struct tm_err *err)
{
    size_t si, i, k, longest;
    char where[TM_ERR_MSG_MAX];

    tm_records_clear(recs);
    for (si = 0; si < doc->nsections; si++) {
        const struct tm_section *sec = &doc->sections[si];
        const char *raw = doc->text + sec->start;
        size_t first = recs->n;
        enum tm_status rc;

        double t0 = st->profile ? tm_monotonic_seconds() : 0, t1 = 0;

        snprintf(where, sizeof where, "%s [%s]", doc->id, sec->name);
        tm_ocr_normalize(st->ocr, &st->norm, raw, sec->end - sec->start, where,
                         st->rep);
        if (st->profile) {
            t1 = tm_monotonic_seconds();
            st->t_normalize += t1 - t0;
        }
        rc = tm_extract_text(st->ex, st->norm.text, st->norm.len, where, recs,
                             st->rep, err);
        if (rc != TM_OK)
            return rc;
        tm_attrib_section(st->norm.text, st->norm.len, recs, first,
                          tm_extractor_sentences(st->ex));
        if (st->profile)
            st->t_extract += tm_monotonic_seconds() - t1;
        /* Repairs are sorted by raw start: one that overlaps [rs, re)
         * starts before re and no earlier than rs minus the longest
         * repair, so each record looks at its neighbours only. */
        longest = 0;
        for (k = 0; k < st->norm.nrepairs; k++) {
            const struct tm_norm_repair *rp = &st->norm.repairs[k];

            if (!rp->layout && rp->raw_end - rp->raw_start > longest)
                longest = rp->raw_end - rp->raw_start;
        }
        for (i = first; i < recs->n; i++) {
            struct tm_record *r = &recs->v[i];
            size_t rs = tm_norm_raw_start(&st->norm, r->start);
            size_t re = tm_norm_raw_end(&st->norm, r->end);
            size_t from = rs > longest ? rs - longest : 0;
            size_t lo = 0, hi = st->norm.nrepairs;

            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;

                if (st->norm.repairs[mid].raw_start < from)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (k = lo;
                 k < st->norm.nrepairs && st->norm.repairs[k].raw_start < re;
                 k++) {
                const struct tm_norm_repair *rp = &st->norm.repairs[k];

                if (!rp->layout && rp->raw_end > rs)
                    push_repair(r, raw, rp);
            }
            if (r->has_ref_span) {
                r->ref_start =
                    sec->start + tm_norm_raw_start(&st->norm, r->ref_start);
                r->ref_end =
                    sec->start + tm_norm_raw_end(&st->norm, r->ref_end);
            }
            r->start = sec->start + rs;
            r->end = sec->start + re;
            r->doc = doc->id;
            r->section = tm_xstrdup(sec->name);
            r->text = doc->text + r->start;
        }
    }
    /* Estimates whose measure only their table's caption names (before
     * citations resolve: an effect made here resolves with the rest). */
    tm_tables_caption_effects(doc, recs);
    resolve_studies(doc, recs);
    /* What the document's counts say together (before arm linkage, which
     * links the arm sizes found here).  The later stages of this document
     * share its sentences. */
    tm_sentences_reset(&st->sentences, doc->text, doc->len);
    tm_trial_scopes(doc, recs, &st->sentences, st->ex);
    return TM_OK;
}

void
tm_pipeline_set_studies(struct tm_pipeline *pl, struct tm_studies *st)
{
    pl->studies = st;
}

void
tm_pipeline_set_corrections(struct tm_pipeline *pl, struct tm_corrections *cs)
{
    pl->st.corrections = cs;
}

void
tm_pipeline_set_report(struct tm_pipeline *pl, struct tm_report *rp)
{
    pl->report = rp;
}

void
tm_pipeline_set_dedupe(struct tm_pipeline *pl, bool on)
{
    pl->dedupe = on;
}

static size_t
hash_str(const char *s)
{
    size_t h = 5381;

    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

/* Add id to the seen set; false if it was there already. */
static bool
mark_seen(struct tm_pipeline *pl, const char *id)
{
    size_t i;

    if (2 * (pl->nseen + 1) > pl->seen_cap) {
        size_t cap = pl->seen_cap ? pl->seen_cap * 2 : 1024;
        char **v = tm_xcalloc(cap, sizeof *v);

        for (i = 0; i < pl->seen_cap; i++) {
            size_t j;

            if (pl->seen[i] == NULL)
                continue;
            for (j = hash_str(pl->seen[i]) % cap; v[j] != NULL;
                 j = (j + 1) % cap)
                ;
            v[j] = pl->seen[i];
        }
        free(pl->seen);
        pl->seen = v;
        pl->seen_cap = cap;
    }
    for (i = hash_str(id) % pl->seen_cap; pl->seen[i] != NULL;
         i = (i + 1) % pl->seen_cap) {
        if (strcmp(pl->seen[i], id) == 0)
            return false;
    }
    pl->seen[i] = tm_xstrdup(id);
    pl->nseen++;
    return true;
}

static void
count_type(struct tm_pipeline_stats *st, const char *type)
{
    size_t i;

    for (i = 0; i < st->ntypes; i++) {
        if (strcmp(st->types[i].type, type) == 0) {
            st->types[i].n++;
            return;
        }
    }
    if (st->ntypes < TM_PIPELINE_MAX_TYPES) {
        snprintf(st->types[st->ntypes].type, sizeof st->types[0].type, "%s",
                 type);
        st->types[st->ntypes++].n = 1;
    }
}

/* The part of a document's work that touches no shared state:
 * extraction, arm linkage and the trial model.  Runs in any thread. */
static void
process_doc(struct stage *st, struct tm_doc *doc, struct tm_records *recs,
            struct tm_trial *trial, struct tm_tables *tables,
            struct tm_err *derr, bool *failed)
{
    double t0, c0 = st->profile ? tm_thread_cpu_seconds() : 0;

    tm_err_clear(derr);
    recs->limit = st->max_records;
    tm_trial_clear(trial);
    tm_tables_clear(tables);
    *failed = extract_doc(st, doc, recs, derr) != TM_OK;
    if (*failed) {
        tm_records_clear(recs);
        if (st->profile)
            st->cpu_docs += tm_thread_cpu_seconds() - c0;
        return;
    }
    /* A reviewer's decisions, before anything reads the records: a
     * rejected value is not linked, tabulated or written. */
    tm_corrections_apply(st->corrections, doc, recs);
    t0 = st->profile ? tm_monotonic_seconds() : 0;
    tm_trial_build(doc, recs, &st->sentences, trial);
    tm_trial_arm_shares(trial, recs);
    tm_studies_link_arms(doc, recs, &st->sentences, trial);
    tm_trial_arm_mortality(doc, trial, recs, &st->sentences);
    tm_trial_arm_scopes(trial, recs);
    tm_trial_own_results(trial, recs);
    tm_tables_read(doc, recs, tables);
    if (st->profile) {
        st->t_link += tm_monotonic_seconds() - t0;
        st->cpu_docs += tm_thread_cpu_seconds() - c0;
    }
}

/* The ordered part: accounting, output and the study table, in document
 * order on the calling thread, so the output is the same whatever the
 * number of threads. */
static enum tm_status
commit_doc(struct tm_pipeline *pl, const struct tm_doc *doc,
           const struct tm_records *recs, const struct tm_trial *trial,
           const struct tm_tables *tables, bool failed,
           const struct tm_err *derr, struct tm_err *err)
{
    enum tm_status rc = TM_OK;
    size_t i, k;
    double t0;

    if (failed) {
        /* One bad document does not sink the input. */
        tm_warn(pl->rep, "%s; document skipped", derr->msg);
        pl->docs_failed++;
        return TM_OK;
    }
    if (recs->dropped > 0) {
        /* Cut on purpose, so memory stays bounded: said, and counted
         * for the exit status. */
        tm_warn(pl->rep,
                "%s: more than %zu records; %lu more were dropped "
                "(--max-records)",
                doc->id, recs->limit, recs->dropped);
        pl->docs_cut++;
    }
    for (i = k = 0; i < recs->n; i++) {
        /* Internal types (study mentions) are not output. */
        if (recs->v[i].type[0] == '_')
            continue;
        pl->stats.records++;
        k++;
        count_type(&pl->stats, recs->v[i].type);
    }
    /* (a document with internal records only has no extraction) */
    if (k > 0)
        pl->stats.docs_with_records++;
    t0 = pl->profile ? tm_monotonic_seconds() : 0;
    for (k = 0; k < pl->nems && rc == TM_OK; k++)
        rc = tm_emit_doc_records(pl->ems[k], doc, recs, err);
    if (rc == TM_OK && pl->studies != NULL)
        rc = tm_studies_add(pl->studies, doc, recs, trial, tables, err);
    if (rc == TM_OK && pl->report != NULL)
        rc = tm_report_add(pl->report, doc, recs, trial, tables, err);
    if (pl->profile)
        pl->t_output += tm_monotonic_seconds() - t0;
    return rc;
}

/* ------------------------------------------------------------------ */
/* Worker threads (-j N)                                               */
/* ------------------------------------------------------------------ */

/*
 * The reading thread parses and hands documents to the workers in
 * batches; workers normalize and extract; the reading thread commits
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
    struct pool *pool;
    pthread_t thread;
    bool started;
    struct stage st;
    struct tm_reporter rep;
    struct job *cur; /* whose warnings rep collects */
};

struct pool {
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
put_spare(struct pool *pool, char *buf, size_t cap)
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
get_spare(struct pool *pool)
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
parse_piece(struct pool *pool, struct batch *b)
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
    struct pool *pool = w->pool;
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
            process_doc(&w->st, &j->doc, &j->recs, &j->trial, &j->tables,
                        &j->err, &j->failed);
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

static void
pool_free(struct pool *pool)
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
        stage_clear(&pool->w[i].st);
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
static struct pool *
pool_new(const struct tm_pattern_set *set, unsigned n)
{
    struct pool *pool = tm_xcalloc(1, sizeof *pool);
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
        stage_init(&w->st, set, &w->rep);
    }
    tm_parse_init(); /* workers parse pieces */
    for (i = 0; i < n; i++) {
        if (pthread_create(&pool->w[i].thread, NULL, worker_main,
                           &pool->w[i]) != 0)
            break;
        pool->w[i].started = true;
    }
    if (i == 0) {
        pool_free(pool);
        return NULL;
    }
    return pool;
}

/* Commit one finished batch: its warnings and records, in order.  After
 * an output error (kept in the pool) the rest is only freed. */
static void
commit_batch(struct tm_pipeline *pl, struct batch *b)
{
    struct pool *pool = pl->pool;
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
        if (pc != NULL) {
            /* Counted here, in order, as on_doc counts a file read
             * whole. */
            if (pl->dedupe && !mark_seen(pl, j->doc.id)) {
                pl->stats.docs_duplicate++;
                continue;
            }
            pl->stats.docs++;
        }
        for (k = 0; k < j->warnings.n; k++)
            tm_warn(pl->rep, "%s", j->warnings.v[k]);
        pool->rc = commit_doc(pl, &j->doc, &j->recs, &j->trial, &j->tables,
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
pool_status(const struct pool *pool, struct tm_err *err)
{
    if (pool->rc != TM_OK)
        *err = pool->err;
    return pool->rc;
}

/* Commit the finished batches at the head of the order; with wait_all,
 * wait for and commit every batch sent. */
static enum tm_status
pool_drain(struct tm_pipeline *pl, bool wait_all, struct tm_err *err)
{
    struct pool *pool = pl->pool;

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
    struct pool *pool = pl->pool;
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
        (void)pool_drain(pl, false, err);
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
    return pool_drain(pl, false, err);
}

/* Send the open batch to the workers. */
static enum tm_status
pool_send(struct tm_pipeline *pl, struct tm_err *err)
{
    struct pool *pool = pl->pool;
    struct batch *b = pool->open;

    if (b == NULL || b->n == 0)
        return pool_status(pool, err);
    pool->open = NULL;
    return send_batch(pl, b, err);
}

/* Take the document (the parser reuses its struct) into the open batch. */
static enum tm_status
pool_add(struct tm_pipeline *pl, struct tm_doc *doc, struct tm_err *err)
{
    struct pool *pool = pl->pool;
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
        return pool_send(pl, err);
    return TM_OK;
}

static enum tm_status
on_doc(void *ctx, struct tm_doc *doc, struct tm_err *err)
{
    struct tm_pipeline *pl = ctx;
    struct tm_err derr;
    bool failed;

    if (pl->dedupe && !mark_seen(pl, doc->id)) {
        pl->stats.docs_duplicate++;
        return TM_OK;
    }
    pl->stats.docs++;
    if (pl->pool != NULL)
        return pool_add(pl, doc, err);
    process_doc(&pl->st, doc, &pl->recs, &pl->trial, &pl->tables, &derr,
                &failed);
    return commit_doc(pl, doc, &pl->recs, &pl->trial, &pl->tables, failed,
                      &derr, err);
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
static enum tm_status
split_xml(void *ctx, const char *path, const char *head, size_t len,
          tm_read_fn read, void *rctx, struct tm_err *err)
{
    struct tm_pipeline *pl = ctx;
    struct pool *pool = pl->pool;
    struct tm_split sp;
    struct tm_input_opts again;
    char *prolog, *buf;
    size_t pb = pl->piece_bytes, blen, cap, scan = pb;
    unsigned long first = 0;
    bool serial = false;
    enum tm_status rc = TM_OK;

    if (!tm_split_prolog(head, len, &sp))
        return tm_parse_xml(path, head, len, read, rctx, on_doc, pl, pl->rep,
                            err);
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
        wrc = pool_drain(pl, true, &werr);
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
        return tm_input_read_opts(path, on_doc, pl, pl->rep, &again, err);
    }
    if (pool->split_nskipped > 0)
        return tm_err_set(err, TM_ERR_INPUT, "%s: %lu record%s skipped", path,
                          pool->split_nskipped,
                          pool->split_nskipped == 1 ? "" : "s");
    return TM_OK;
}

void
tm_pipeline_set_max_records(struct tm_pipeline *pl, size_t n)
{
    pl->st.max_records = n;
}

void
tm_pipeline_set_piece_bytes(struct tm_pipeline *pl, size_t n)
{
    pl->piece_bytes = n == 0 ? TM_PIPELINE_PIECE_BYTES : n;
}

void
tm_pipeline_set_jobs(struct tm_pipeline *pl, unsigned jobs)
{
    pl->jobs = jobs == 0 ? 1 : jobs;
}

static void
stage_set_profile(struct stage *st, bool on)
{
    st->profile = on;
    tm_extractor_set_profile(st->ex, on);
}

void
tm_pipeline_set_profile(struct tm_pipeline *pl, bool on)
{
    pl->profile = on;
    stage_set_profile(&pl->st, on);
}

static void
add_stage_profile(struct tm_pipeline_profile *pr, const struct stage *st,
                  size_t npatterns)
{
    const struct tm_pattern_cost *c = tm_extractor_costs(st->ex);
    size_t i;

    pr->normalize += st->t_normalize;
    pr->extract += st->t_extract;
    pr->link += st->t_link;
    for (i = 0; c != NULL && i < npatterns; i++) {
        pr->patterns[i].seconds += c[i].seconds;
        pr->patterns[i].runs += c[i].runs;
        pr->patterns[i].skipped += c[i].skipped;
        pr->patterns[i].matches += c[i].matches;
    }
}

void
tm_pipeline_profile(const struct tm_pipeline *pl,
                    struct tm_pipeline_profile *pr)
{
    size_t n = tm_pattern_set_npatterns(pl->set);
    unsigned i;

    memset(pr, 0, sizeof *pr);
    pr->npatterns = n;
    pr->patterns = tm_xcalloc(n + 1, sizeof *pr->patterns);
    pr->output = pl->t_output;
    pr->cpu_process = pl->cpu_process;
    pr->cpu_inflate = pl->cpu_inflate;
    pr->pieces = pl->pieces;
    pr->reread = pl->reread;
    /* The stages the reading thread ran itself (all of them at -j 1)
     * would run on workers: not serial. */
    /* The documents the reading thread processed itself (all of them at
     * -j 1) would be processed on workers: not serial.  Both in CPU
     * time, so a loaded machine does not shift the share. */
    pr->cpu_serial = pl->cpu_reading - pl->st.cpu_docs;
    if (pr->cpu_serial < 0)
        pr->cpu_serial = 0;
    pr->regexes = tm_pattern_set_njit(pl->set);
    pr->jit_bytes = tm_pattern_set_jit_bytes(pl->set, &pr->jitted);
    add_stage_profile(pr, &pl->st, n);
    for (i = 0; pl->pool != NULL && i < pl->pool->nw; i++)
        add_stage_profile(pr, &pl->pool->w[i].st, n);
}

const char *
tm_pipeline_pattern_id(const struct tm_pipeline *pl, size_t i)
{
    return pl->set->patterns[i].id;
}

enum tm_status
tm_pipeline_extract_file(struct tm_pipeline *pl, const char *path,
                         struct tm_emitter *const *ems, size_t nems,
                         struct tm_err *err)
{
    enum tm_status rc;
    struct tm_input_opts opts;
    double c_thread = pl->profile ? tm_thread_cpu_seconds() : 0;
    double c_process = pl->profile ? tm_process_cpu_seconds() : 0;

    pl->ems = ems;
    pl->nems = nems;
    pl->stats.inputs++;
    pl->docs_failed = 0;
    pl->docs_cut = 0;
    if (pl->jobs > 1 && pl->pool == NULL) {
        pl->pool = pool_new(pl->set, pl->jobs);
        for (unsigned w = 0; pl->pool != NULL && w < pl->pool->nw; w++) {
            stage_set_profile(&pl->pool->w[w].st, pl->profile);
            pl->pool->w[w].st.max_records = pl->st.max_records;
            pl->pool->w[w].st.corrections = pl->st.corrections;
        }
    }
    if (pl->pool != NULL) {
        pl->pool->rc = TM_OK;
        tm_err_clear(&pl->pool->err);
        /* (no piece is in flight between files) */
        pthread_mutex_lock(&pl->pool->mu);
        if (pl->pool->piece_buf != pl->piece_bytes + 2 * READ_BYTES) {
            while (pl->pool->nspare > 0)
                free(pl->pool->spare[--pl->pool->nspare]);
            pl->pool->piece_buf = pl->piece_bytes + 2 * READ_BYTES;
        }
        pthread_mutex_unlock(&pl->pool->mu);
    }
    memset(&opts, 0, sizeof opts);
    if (pl->pool != NULL && strcmp(path, "-") != 0) {
        /* Workers parse as well: see split_xml. */
        opts.xml = split_xml;
        opts.xml_ctx = pl;
    }
    opts.inflate_cpu = pl->profile ? &pl->cpu_inflate : NULL;
    rc = tm_input_read_opts(path, on_doc, pl, pl->rep, &opts, err);
    if (pl->pool != NULL) {
        /* Commit what was read, even after a read or parse error: nothing
         * already produced is lost. */
        struct tm_err werr;
        enum tm_status wrc;

        tm_err_clear(&werr);
        (void)pool_send(pl, &werr);
        wrc = pool_drain(pl, true, &werr);
        /* An output error outranks an input error: it ends the run. */
        if (wrc != TM_OK && (rc == TM_OK || wrc == TM_ERR_IO)) {
            rc = wrc;
            *err = werr;
        }
    }
    if (rc == TM_OK && pl->docs_failed > 0)
        rc = tm_err_set(err, TM_ERR_INPUT, "%s: %lu document%s skipped", path,
                        pl->docs_failed, pl->docs_failed == 1 ? "" : "s");
    if (rc == TM_OK && pl->docs_cut > 0)
        rc = tm_err_set(
            err, TM_ERR_LIMIT, "%s: %lu document%s cut at %zu records", path,
            pl->docs_cut, pl->docs_cut == 1 ? "" : "s", pl->st.max_records);
    if (rc != TM_OK && rc != TM_ERR_IO)
        pl->stats.inputs_failed++;
    if (pl->profile) {
        pl->cpu_reading += tm_thread_cpu_seconds() - c_thread;
        pl->cpu_process += tm_process_cpu_seconds() - c_process;
    }
    pl->ems = NULL;
    pl->nems = 0;
    return rc;
}

/* Move the records of from to the end of to (their strings change
 * owner); from is left empty, its spare slot for dropped records
 * cleared.  Returns how many records the limit had dropped. */
static unsigned long
move_records(struct tm_records *from, struct tm_records *to)
{
    unsigned long dropped = from->dropped;
    size_t i;

    for (i = 0; i < from->n; i++)
        *tm_records_push(to) = from->v[i];
    if (from->dropped > 0)
        tm_record_clear(&from->v[from->n]);
    from->n = 0;
    from->dropped = 0;
    return dropped;
}

char *
tm_pipeline_canonical(struct tm_pipeline *pl, const char *field, char *val)
{
    return tm_extractor_canonical(pl->st.ex, field, val);
}

enum tm_status
tm_pipeline_extract_doc(struct tm_pipeline *pl, struct tm_doc *doc,
                        struct tm_records *out, struct tm_err *err)
{
    bool failed = false;
    unsigned long dropped;

    /* The document's stages as extract runs them (the trial model and
     * what it derives), so that what is measured is what is written. */
    process_doc(&pl->st, doc, &pl->recs, &pl->trial, &pl->tables, err, &failed);
    if (failed)
        return err->code != TM_OK ? err->code : TM_ERR_INPUT;
    dropped = move_records(&pl->recs, out);
    if (dropped > 0)
        tm_warn(pl->rep,
                "%s: more than %zu records; %lu more were dropped "
                "(--max-records)",
                doc->id, pl->st.max_records, dropped);
    return TM_OK;
}

enum tm_status
tm_pipeline_extract_string(struct tm_pipeline *pl, const char *name,
                           const char *text, size_t len, struct tm_records *out,
                           struct tm_err *err)
{
    struct tm_doc doc;
    enum tm_status rc;

    tm_doc_init(&doc, TM_DOC_TEXT);
    doc.id = (char *)name;
    doc.text = (char *)text;
    doc.len = len;
    tm_doc_add_section(&doc, "text", 0, len);
    rc = extract_doc(&pl->st, &doc, &pl->recs, err);
    if (rc == TM_OK && move_records(&pl->recs, out) > 0)
        tm_warn(pl->rep, "%s: more than %zu records; the rest were dropped",
                name, pl->recs.limit);
    doc.id = NULL;
    doc.text = NULL;
    tm_doc_clear(&doc);
    return rc;
}

/* Does record r satisfy the expectation key=val? */
static bool
expect_holds(const struct tm_record *r, const struct tm_kv *kv)
{
    double want;
    const char *got = NULL;

    if (strcmp(kv->key, "text") == 0)
        return strlen(kv->val) == r->end - r->start &&
               memcmp(kv->val, r->text, r->end - r->start) == 0;
    if (strcmp(kv->key, "value") == 0 || strcmp(kv->key, "value_high") == 0 ||
        strcmp(kv->key, "spread") == 0 || strcmp(kv->key, "events") == 0 ||
        strcmp(kv->key, "total") == 0 || strcmp(kv->key, "ci_low") == 0 ||
        strcmp(kv->key, "ci_high") == 0 || strcmp(kv->key, "ci_level") == 0) {
        double v;
        unsigned flag;

        if (strcmp(kv->key, "value") == 0) {
            v = r->value;
            flag = TM_HAS_VALUE;
        } else if (strcmp(kv->key, "value_high") == 0) {
            v = r->value_high;
            flag = TM_HAS_VALUE_HIGH;
        } else if (strcmp(kv->key, "spread") == 0) {
            v = r->spread;
            flag = TM_HAS_SPREAD;
        } else if (strcmp(kv->key, "events") == 0) {
            v = (double)r->events;
            flag = TM_HAS_EVENTS;
        } else if (strcmp(kv->key, "ci_low") == 0) {
            v = r->ci_low;
            flag = TM_HAS_CI_LOW;
        } else if (strcmp(kv->key, "ci_high") == 0) {
            v = r->ci_high;
            flag = TM_HAS_CI_HIGH;
        } else if (strcmp(kv->key, "ci_level") == 0) {
            v = r->ci_level;
            flag = TM_HAS_CI_LEVEL;
        } else {
            v = (double)r->total;
            flag = TM_HAS_TOTAL;
        }
        want = strtod(kv->val, NULL);
        return (r->has & flag) &&
               fabs(v - want) <= 1e-9 * fmax(1.0, fabs(want));
    }
    if (strcmp(kv->key, "unit") == 0)
        got = r->unit;
    else if (strcmp(kv->key, "comparator") == 0)
        got = r->comparator;
    else if (strcmp(kv->key, "scope") == 0)
        got = r->scope;
    else if (strcmp(kv->key, "group") == 0)
        got = r->group;
    else if (strcmp(kv->key, "timepoint") == 0)
        got = r->timepoint;
    else if (strcmp(kv->key, "study") == 0)
        got = r->study;
    else if (strcmp(kv->key, "study_ref") == 0)
        got = r->study_ref;
    else if (strcmp(kv->key, "measure") == 0)
        got = r->measure;
    return got != NULL && strcmp(got, kv->val) == 0;
}

/* Describe the records of a type, for a failure message. */
static void
describe(struct tm_buf *b, const struct tm_records *rs, const char *type)
{
    size_t i;
    bool any = false;

    for (i = 0; i < rs->n; i++) {
        const struct tm_record *r = &rs->v[i];

        if (strcmp(r->type, type) != 0)
            continue;
        tm_buf_printf(b, "%s'%.*s' value=%g%s%s (%s)", any ? "; " : "",
                      (int)(r->end - r->start), r->text, r->value,
                      r->comparator ? " comparator=" : "",
                      r->comparator ? r->comparator : "", r->pattern);
        any = true;
    }
    if (!any)
        tm_buf_printf(b, "no %s record", type);
}

/* A repair's example: the whole normalization of the raw text must give
 * the expected text; a negative: the rule must not fire. */
static size_t
run_repair_examples(struct tm_pipeline *pl, const struct tm_pattern *p,
                    void (*fail)(void *ctx, const char *msg), void *ctx,
                    size_t *total)
{
    size_t ei, k, failures = 0;

    for (ei = 0; ei < p->nexamples; ei++) {
        const struct tm_example *exm = &p->examples[ei];
        struct tm_buf msg;
        bool fired = false;

        (*total)++;
        /* Layout repairs too: a layout rule's example must see it fire. */
        pl->st.norm.keep_layout = true;
        tm_ocr_normalize(pl->st.ocr, &pl->st.norm, exm->text, strlen(exm->text),
                         "example", pl->rep);
        pl->st.norm.keep_layout = false;
        for (k = 0; k < pl->st.norm.nrepairs; k++)
            fired |= pl->st.norm.repairs[k].rule == p->name;
        tm_buf_init(&msg, 0);
        if (exm->negative && fired)
            tm_buf_printf(&msg,
                          "%s:%u: %s: negative '%s': the rule fired: "
                          "'%s'",
                          p->file, exm->line, p->id, exm->text,
                          pl->st.norm.text);
        else if (!exm->negative && exm->nexpect > 0 &&
                 strcmp(pl->st.norm.text, exm->expect[0].val) != 0)
            tm_buf_printf(&msg,
                          "%s:%u: %s: example '%s': got '%s'; "
                          "expected '%s'",
                          p->file, exm->line, p->id, exm->text,
                          pl->st.norm.text, exm->expect[0].val);
        else if (!exm->negative && !fired)
            tm_buf_printf(&msg,
                          "%s:%u: %s: example '%s': the rule did not "
                          "fire",
                          p->file, exm->line, p->id, exm->text);
        if (msg.len > 0) {
            failures++;
            fail(ctx, msg.data);
        }
        tm_buf_clear(&msg);
    }
    return failures;
}

size_t
tm_pipeline_run_examples(struct tm_pipeline *pl,
                         void (*fail)(void *ctx, const char *msg), void *ctx,
                         size_t *total)
{
    const struct tm_pattern_set *set = pl->set;
    size_t pi, ei, k, failures = 0;

    *total = 0;
    /* A mention pattern's examples look at its mentions. */
    tm_extractor_set_keep_mentions(pl->st.ex, true);
    for (pi = 0; pi < set->npatterns; pi++) {
        const struct tm_pattern *p = &set->patterns[pi];

        if (p->is_repair) {
            failures += run_repair_examples(pl, p, fail, ctx, total);
            continue;
        }
        for (ei = 0; ei < p->nexamples; ei++) {
            const struct tm_example *exm = &p->examples[ei];
            struct tm_records rs = {0};
            struct tm_err err;
            struct tm_buf msg;
            bool ok = false, any_of_type = false;
            size_t i;

            (*total)++;
            tm_err_clear(&err);
            tm_buf_init(&msg, 0);
            if (tm_pipeline_extract_string(pl, "example", exm->text,
                                           strlen(exm->text), &rs,
                                           &err) != TM_OK) {
                tm_buf_printf(&msg, "%s:%u: %s: %s", p->file, exm->line, p->id,
                              err.msg);
            } else {
                for (i = 0; i < rs.n; i++) {
                    const struct tm_record *r = &rs.v[i];
                    bool all = true;

                    if (strcmp(r->type, p->type) != 0)
                        continue;
                    any_of_type = true;
                    for (k = 0; k < exm->nexpect && all; k++)
                        all = expect_holds(r, &exm->expect[k]);
                    if (all)
                        ok = true;
                }
                if (exm->negative)
                    ok = !any_of_type;
                if (!ok) {
                    tm_buf_printf(&msg, "%s:%u: %s: %s '%s': got ", p->file,
                                  exm->line, p->id,
                                  exm->negative ? "negative" : "example",
                                  exm->text);
                    describe(&msg, &rs, p->type);
                    if (!exm->negative) {
                        tm_buf_puts(&msg, "; expected");
                        for (k = 0; k < exm->nexpect; k++)
                            tm_buf_printf(&msg, " %s=%s", exm->expect[k].key,
                                          exm->expect[k].val);
                        if (exm->nexpect == 0)
                            tm_buf_printf(&msg, " a %s record", p->type);
                    }
                }
            }
            if (msg.len > 0) {
                failures++;
                fail(ctx, msg.data);
            }
            tm_buf_clear(&msg);
            tm_records_clear(&rs);
        }
    }
    tm_extractor_set_keep_mentions(pl->st.ex, false);
    return failures;
}
