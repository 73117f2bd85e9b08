/* SPDX-License-Identifier: MIT */
/* libFuzzer: extraction with the shipped patterns over arbitrary text.
 * Every record's span must lie inside the input; the records then go
 * through arm linkage, the trial model, the typed tables and the study
 * table (arm and study grouping, offset arithmetic). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "pipeline.h"
#include "studies.h"
#include "table.h"
#include "text.h"
#include "trial.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct tm_pipeline *pl;
    static struct tm_studies *st;
    static FILE *sink;
    static struct tm_sentences sent;
    struct tm_records rs = {NULL, 0, 0};
    struct tm_err err;
    size_t i;

    if (pl == NULL) {
        pl = tm_pipeline_new(fuzz_shipped_patterns(), NULL);
        sink = fopen("/dev/null", "w");
        st = tm_studies_new(sink, "/dev/null");
    }
    tm_err_clear(&err);
    if (tm_pipeline_extract_string(pl, "fuzz", (const char *)data, size, &rs,
                                   &err) == TM_OK) {
        for (i = 0; i < rs.n; i++) {
            if (rs.v[i].start > rs.v[i].end || rs.v[i].end > size)
                abort();
        }
        {
            struct tm_doc d;
            struct tm_trial trial;
            struct tm_tables tables;

            tm_doc_init(&d, TM_DOC_TEXT);
            d.id = strdup("fuzz");
            d.text = malloc(size + 1);
            memcpy(d.text, data, size);
            d.text[size] = '\0';
            d.len = size;
            tm_err_clear(&err);
            tm_sentences_reset(&sent, d.text, d.len);
            tm_trial_init(&trial);
            tm_tables_init(&tables);
            tm_trial_build(&d, &rs, &sent, fuzz_shipped_patterns(), &trial);
            tm_studies_link_arms(&d, &rs, &sent, &trial);
            tm_tables_read(&d, &rs, &tables);
            (void)tm_studies_add(st, &d, &rs, &trial, &tables, &err);
            tm_tables_clear(&tables);
            tm_trial_clear(&trial);
            tm_doc_clear(&d);
        }
    }
    tm_records_clear(&rs);
    return 0;
}
