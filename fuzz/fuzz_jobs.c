/* SPDX-License-Identifier: MIT */
/* libFuzzer: the -j pipeline.  The same input goes through the whole
 * path (input kinds, gzip with its own inflater thread, parse, normalize,
 * extract, arms, the study table) once in the calling thread and once
 * with two workers; the records, the study rows, the warnings, the
 * status with its message and the counts must be the same bytes.  The
 * two pipelines live as long as the process, so their worker pool is
 * reused from input to input, as it is over a run's files.  The workers
 * parse PubMed and PMC files as pieces cut at record ends, tiny here. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "buf.h"
#include "emit.h"
#include "fuzz_common.h"
#include "pipeline.h"
#include "studies.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What one pass produced. */
struct pass {
    char *records, *rows;
    size_t records_len, rows_len;
    struct tm_buf warnings;
    enum tm_status rc;
    struct tm_err err;
    unsigned long docs, records_n;
};

static void
collect_warning(void *ctx, const char *msg)
{
    struct tm_buf *b = ctx;

    tm_buf_puts(b, msg);
    tm_buf_putc(b, '\n');
}

static void
run(struct tm_pipeline *pl, struct tm_buf *warnings, const char *path,
    struct pass *p)
{
    const struct tm_pipeline_stats *s = tm_pipeline_stats(pl);
    unsigned long docs = s->docs, records = s->records;
    FILE *rf = open_memstream(&p->records, &p->records_len);
    FILE *sf = open_memstream(&p->rows, &p->rows_len);
    struct tm_emitter em;
    struct tm_emitter *ems[1] = {&em};
    struct tm_studies *st;
    struct tm_err e;

    if (rf == NULL || sf == NULL)
        abort();
    tm_buf_reset(warnings);
    st = tm_studies_new(sf, "rows");
    tm_pipeline_set_studies(pl, st);
    tm_emit_init(&em, rf, "records", TM_FMT_JSONL);
    tm_err_clear(&p->err);
    p->rc = tm_pipeline_extract_file(pl, path, ems, 1, &p->err);
    tm_err_clear(&e);
    if (tm_emit_finish(&em, &e) != TM_OK || tm_studies_finish(st, &e) != TM_OK)
        abort();
    tm_pipeline_set_studies(pl, NULL);
    tm_studies_free(st);
    tm_emit_clear(&em);
    fclose(rf);
    fclose(sf);
    p->docs = s->docs - docs;
    p->records_n = s->records - records;
    tm_buf_init(&p->warnings, 0);
    if (warnings->len > 0)
        tm_buf_append(&p->warnings, warnings->data, warnings->len);
}

static bool
same(const char *a, size_t alen, const char *b, size_t blen)
{
    return alen == blen && (alen == 0 || memcmp(a, b, alen) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct tm_pipeline *one, *two;
    static struct tm_buf w1, w2;
    static struct tm_reporter r1 = {collect_warning, &w1, 0},
                              r2 = {collect_warning, &w2, 0};
    struct pass a, b;
    uint8_t *gz = NULL;
    const uint8_t *body = data;
    size_t len = size;
    char path[64];
    int fd;

    if (one == NULL) {
        tm_buf_init(&w1, 0);
        tm_buf_init(&w2, 0);
        one = tm_pipeline_new(fuzz_shipped_patterns(), &r1);
        two = tm_pipeline_new(fuzz_shipped_patterns(), &r2);
        tm_pipeline_set_jobs(one, 1);
        tm_pipeline_set_jobs(two, 2);
        /* Pieces of a few hundred bytes: a fuzzed PubMed or PMC input is
         * cut after nearly every record, and every cut is checked. */
        tm_pipeline_set_piece_bytes(two, 300);
        /* Small enough that a fuzzed input reaches the cut, too. */
        tm_pipeline_set_max_records(one, 200);
        tm_pipeline_set_max_records(two, 200);
    }
    /* A first byte of 0x1f (gzip's magic starts so): the rest, gzipped,
     * through the inflater thread. */
    if (size > 0 && data[0] == 0x1f) {
        len = fuzz_gzip(data + 1, size - 1, &gz);
        body = gz;
    }
    fd = memfd_create("fuzz-jobs", 0);
    if (fd < 0 || write(fd, body, len) != (ssize_t)len)
        abort();
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    run(one, &w1, path, &a);
    run(two, &w2, path, &b);
    if (a.rc != b.rc || strcmp(a.err.msg, b.err.msg) != 0 || a.docs != b.docs ||
        a.records_n != b.records_n ||
        !same(a.records, a.records_len, b.records, b.records_len) ||
        !same(a.rows, a.rows_len, b.rows, b.rows_len) ||
        !same(a.warnings.data, a.warnings.len, b.warnings.data,
              b.warnings.len)) {
        fprintf(stderr,
                "fuzz_jobs: -j 1 and -j 2 differ: status %d/%d (%s | %s), "
                "%lu/%lu documents, %lu/%lu records, %zu/%zu record bytes, "
                "%zu/%zu row bytes, %zu/%zu warning bytes\n",
                (int)a.rc, (int)b.rc, a.err.msg, b.err.msg, a.docs, b.docs,
                a.records_n, b.records_n, a.records_len, b.records_len,
                a.rows_len, b.rows_len, a.warnings.len, b.warnings.len);
        abort();
    }
    close(fd);
    free(a.records);
    free(a.rows);
    free(b.records);
    free(b.rows);
    tm_buf_clear(&a.warnings);
    tm_buf_clear(&b.warnings);
    free(gz);
    return 0;
}
