/* SPDX-License-Identifier: MIT */
/* libFuzzer: extraction with the shipped patterns over arbitrary text.
 * Every record's span must lie inside the input. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct tm_pipeline *pl;
    struct tm_records rs = {NULL, 0, 0};
    struct tm_err err;
    size_t i;

    if (pl == NULL)
        pl = tm_pipeline_new(fuzz_shipped_patterns(), NULL);
    tm_err_clear(&err);
    if (tm_pipeline_extract_string(pl, "fuzz", (const char *)data, size, &rs,
                                   &err) == TM_OK) {
        for (i = 0; i < rs.n; i++) {
            if (rs.v[i].start > rs.v[i].end || rs.v[i].end > size)
                abort();
        }
    }
    tm_records_clear(&rs);
    return 0;
}
