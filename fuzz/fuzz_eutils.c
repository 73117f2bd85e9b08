/* SPDX-License-Identifier: MIT */
/* libFuzzer: the E-utilities answer parsers (esearch, efetch for PubMed
 * and PMC). */
#include "config.h"

#include <stdint.h>

#include "eutils.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct tm_strv ids = {NULL, 0, 0};
    unsigned long count = 0, no_body = 0;
    struct tm_err err;

    tm_err_clear(&err);
    (void)tm_eutils_parse_esearch((const char *)data, size, &count, &ids, &err);
    (void)tm_eutils_parse_efetch("pubmed", (const char *)data, size, &ids,
                                 &no_body, &err);
    (void)tm_eutils_parse_efetch("pmc", (const char *)data, size, &ids,
                                 &no_body, &err);
    tm_strv_clear(&ids);
    return 0;
}
