/* SPDX-License-Identifier: MIT */
/*
 * pipeline: the one place that sees several stages.  For each input it
 * runs parse -> normalize -> extract -> emit, counts what happened, and
 * keeps going past a bad record or a bad file.  It also runs the pattern
 * files' inline examples through the same path as real documents.
 */
#ifndef TM_PIPELINE_H
#define TM_PIPELINE_H

#include <stdbool.h>
#include <stdio.h>

#include "emit.h"
#include "err.h"
#include "extract.h"
#include "pattern.h"
#include "record.h"

#define TM_PIPELINE_MAX_TYPES 16
/* The default per-document record limit. */
#define TM_PIPELINE_MAX_RECORDS 50000
/* The default size of a piece of a split file (-j N). */
#define TM_PIPELINE_PIECE_BYTES (512u * 1024u)

struct tm_pipeline_stats {
    unsigned long inputs, inputs_failed;
    unsigned long docs, docs_with_records, docs_duplicate;
    unsigned long records;
    struct {
        char type[32];
        unsigned long n;
    } types[TM_PIPELINE_MAX_TYPES]; /* records per type, first seen first */
    size_t ntypes;
};

struct tm_pipeline;

/* A pipeline over a compiled pattern set (borrowed; must outlive it).
 * Warnings go to rep. */
struct tm_pipeline *tm_pipeline_new(const struct tm_pattern_set *set,
                                    struct tm_reporter *rep);
void tm_pipeline_free(struct tm_pipeline *pl);

/* Extract every document of the input at path and write its records to
 * each of the nems emitters.  Returns the input's status: TM_OK,
 * TM_ERR_INPUT (unreadable, malformed, or some document skipped; records
 * already written stay), or TM_ERR_IO (output). */
enum tm_status tm_pipeline_extract_file(struct tm_pipeline *pl,
                                        const char *path,
                                        struct tm_emitter *const *ems,
                                        size_t nems, struct tm_err *err);

/* Skip a document whose id was already seen in this pipeline (a record
 * that two E-utilities batches both returned). */
void tm_pipeline_set_dedupe(struct tm_pipeline *pl, bool on);

/* Extract with this many worker threads (0 or 1: in the calling thread).
 * Output, warnings and statistics are the same for any number. */
void tm_pipeline_set_jobs(struct tm_pipeline *pl, unsigned jobs);
/* With workers, a PubMed or PMC file is cut into pieces of about n bytes
 * (0: TM_PIPELINE_PIECE_BYTES) that the workers parse; the output is the
 * same for any n.  Smaller pieces cost a little more and hold less memory
 * per worker; tests and fuzzers use tiny ones to cut often. */
void tm_pipeline_set_piece_bytes(struct tm_pipeline *pl, size_t n);
/* At most n records per document (0: no limit; default
 * TM_PIPELINE_MAX_RECORDS): the rest are dropped with a warning naming
 * the document, and tm_pipeline_extract_file then fails with
 * TM_ERR_LIMIT, so the exit status says records were cut.  This is what
 * bounds memory per document (about 600 bytes a record). */
void tm_pipeline_set_max_records(struct tm_pipeline *pl, size_t n);

/* Where the time goes: seconds per stage (summed over threads) and per
 * pattern.  Profiling costs a few clock reads per sentence and pattern;
 * turn it on before the first input. */
struct tm_pipeline_profile {
    double normalize, extract, link, output;
    /* CPU seconds, over the inputs: of the whole process, and of the
     * reading thread's serial work (reading, parsing unless workers
     * parse split pieces, handing work out, the in-order output; not the
     * stages it ran itself at -j 1). */
    double cpu_process, cpu_serial;
    /* CPU seconds of the threads that inflated .gz inputs as they were
     * read: a second serial stage, beside the reading thread. */
    double cpu_inflate;
    /* -j N: pieces of split files parsed by workers, and files read
     * again by one parser because a piece did not parse as cut. */
    unsigned long pieces, reread;
    /* Regexes matchers can run, how many were JIT-compiled, and into how
     * many bytes of machine code. */
    size_t regexes, jitted, jit_bytes;
    struct tm_pattern_cost *patterns; /* npatterns, malloc'd */
    size_t npatterns;
};
void tm_pipeline_set_profile(struct tm_pipeline *pl, bool on);
void tm_pipeline_profile(const struct tm_pipeline *pl,
                         struct tm_pipeline_profile *out);
/* The id ("file.pat:name") of the set's i-th pattern. */
const char *tm_pipeline_pattern_id(const struct tm_pipeline *pl, size_t i);

/* Also write each document's study-level rows to st (borrowed; NULL to
 * stop).  Rows are written after the document's records. */
struct tm_studies;
void tm_pipeline_set_studies(struct tm_pipeline *pl, struct tm_studies *st);

/* Apply a reviewer's corrections (borrowed; NULL for none) to every
 * document's records right after extraction.  Set before the first
 * input. */
struct tm_corrections;
void tm_pipeline_set_corrections(struct tm_pipeline *pl,
                                 struct tm_corrections *cs);

/* Also add each document to the HTML report rp (borrowed; NULL to
 * stop), after its records and study rows. */
struct tm_report;
void tm_pipeline_set_report(struct tm_pipeline *pl, struct tm_report *rp);

/* Extract from one in-memory text (used for inline examples and tests);
 * records are appended to out with doc set to name.  Their text fields
 * point into text, which must outlive them. */
enum tm_status tm_pipeline_extract_string(struct tm_pipeline *pl,
                                          const char *name, const char *text,
                                          size_t len, struct tm_records *out,
                                          struct tm_err *err);

/* val (taken) in the canonical form extraction gives field ("unit":
 * "mg/m2" -> "mg/m^2"), by the pattern set's `map` lines. */
char *tm_pipeline_canonical(struct tm_pipeline *pl, const char *field,
                            char *val);

/* Extract the records of one parsed document and append them to out
 * (doc, text and section set; text points into doc->text), with the
 * document's later stages as extract runs them: the trial model, arm
 * linkage and what they derive (internal records included). */
enum tm_status tm_pipeline_extract_doc(struct tm_pipeline *pl,
                                       struct tm_doc *doc,
                                       struct tm_records *out,
                                       struct tm_err *err);

const struct tm_pipeline_stats *tm_pipeline_stats(const struct tm_pipeline *pl);

#endif
