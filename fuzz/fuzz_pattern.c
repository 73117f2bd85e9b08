/* SPDX-License-Identifier: MIT */
/* libFuzzer: the pattern-file reader and compiler, with the shipped
 * building blocks available.  A bad file must give diagnostics, never a
 * crash; a good one must also survive extraction of its own examples. */
#include "config.h"

#include <stdint.h>

#include "pattern.h"
#include "pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct tm_pattern_set *set = tm_pattern_set_new();
    struct tm_err err;

    tm_err_clear(&err);
    if (tm_pattern_set_load_buffer(set, "fuzz.pat", (const char *)data, size,
                                   &err) == TM_OK &&
        tm_pattern_set_compile(set, &err) == TM_OK) {
        struct tm_pipeline *pl = tm_pipeline_new(set, NULL);
        struct tm_records rs = {NULL, 0, 0};

        (void)tm_pipeline_extract_string(pl, "fuzz", (const char *)data, size,
                                         &rs, &err);
        tm_records_clear(&rs);
        tm_pipeline_free(pl);
    }
    tm_pattern_set_free(set);
    return 0;
}
