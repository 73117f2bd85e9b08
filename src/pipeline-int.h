/* SPDX-License-Identifier: MIT */
/*
 * pipeline-int: what pipeline.c and pool.c (its worker threads, -j N)
 * share, and examples.c reads (one thread's stages).  Not for other
 * modules: they use pipeline.h.
 */
#ifndef TM_PIPELINE_INT_H
#define TM_PIPELINE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "input.h"
#include "normalize.h"
#include "pipeline.h"
#include "table.h"
#include "text.h"
#include "trial.h"

/* What one thread needs to extract a document: its own matchers and
 * scratch space.  The pattern set itself is shared and read-only. */
struct tm_stages {
    const struct tm_pattern_set *set; /* shared: the label classes */
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

struct tm_pool;

struct tm_pipeline {
    const struct tm_pattern_set *set;
    struct tm_stages st; /* the calling thread's */
    struct tm_reporter *rep;
    unsigned jobs;        /* worker threads; 1: none, all in the caller */
    struct tm_pool *pool; /* started on first use when jobs > 1 */
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

/* pipeline.c: one thread's stages, and the ordered part. */
void tm_stages_init(struct tm_stages *st, const struct tm_pattern_set *set,
                    struct tm_reporter *rep);
void tm_stages_clear(struct tm_stages *st);
/* Extract, link arms and build the trial model of doc into recs, trial
 * and tables; touches no shared state (any thread).  *failed and derr
 * say whether the document failed. */
void tm_pipeline_process_doc(struct tm_stages *st, struct tm_doc *doc,
                             struct tm_records *recs, struct tm_trial *trial,
                             struct tm_tables *tables, struct tm_err *derr,
                             bool *failed);
/* Count and write one processed document (the reading thread, in
 * order). */
enum tm_status tm_pipeline_commit_doc(struct tm_pipeline *pl,
                                      const struct tm_doc *doc,
                                      const struct tm_records *recs,
                                      const struct tm_trial *trial,
                                      const struct tm_tables *tables,
                                      bool failed, const struct tm_err *derr,
                                      struct tm_err *err);
/* Count a document read: false, counted as a duplicate, when duplicates
 * are dropped and id was seen before; true, counted, otherwise. */
bool tm_pipeline_admit(struct tm_pipeline *pl, const char *id);
/* The document callback of an input read by the reading thread. */
enum tm_status tm_pipeline_on_doc(void *ctx, struct tm_doc *doc,
                                  struct tm_err *err);

/* pool.c: N worker threads over the set (NULL if none can start). */
struct tm_pool *tm_pool_new(const struct tm_pattern_set *set, unsigned n);
void tm_pool_free(struct tm_pool *pool);
unsigned tm_pool_size(const struct tm_pool *pool);
/* Worker i's stages (to set profiling and limits before an input). */
struct tm_stages *tm_pool_stage(struct tm_pool *pool, unsigned i);
/* Before each input: clear the last input's error; pieces of about
 * piece_bytes. */
void tm_pool_begin(struct tm_pool *pool, size_t piece_bytes);
/* Take doc (the parser reuses its struct) into the open batch. */
enum tm_status tm_pool_add(struct tm_pipeline *pl, struct tm_doc *doc,
                           struct tm_err *err);
/* Send the open batch; commit what is finished at the head. */
enum tm_status tm_pool_send(struct tm_pipeline *pl, struct tm_err *err);
/* Commit finished batches in order; with wait_all, every one sent. */
enum tm_status tm_pool_drain(struct tm_pipeline *pl, bool wait_all,
                             struct tm_err *err);
/* A tm_xml_fn (ctx: the pipeline): a PubMed or PMC file read as
 * record-aligned pieces the workers parse, or read again by one parser
 * from a piece that did not parse as cut. */
enum tm_status tm_pool_split_xml(void *ctx, const char *path, const char *head,
                                 size_t len, tm_read_fn read, void *rctx,
                                 struct tm_err *err);

#endif
