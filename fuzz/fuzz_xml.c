/* SPDX-License-Identifier: MIT */
/* libFuzzer: the XML stage (PubMed and JATS), fed from memory in small
 * chunks so that element boundaries fall anywhere.  Every document's
 * sections must lie inside its text. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct mem {
    const uint8_t *p;
    size_t left;
};

static long
mem_read(void *ctx, char *buf, size_t len)
{
    struct mem *m = ctx;
    size_t n = len < 7 ? len : 7; /* awkward chunks on purpose */

    if (n > m->left)
        n = m->left;
    memcpy(buf, m->p, n);
    m->p += n;
    m->left -= n;
    return (long)n;
}

static enum tm_status
check_doc(void *ctx, struct tm_doc *d, struct tm_err *err)
{
    size_t i;

    (void)ctx;
    (void)err;
    for (i = 0; i < d->nsections; i++) {
        if (d->sections[i].start > d->sections[i].end ||
            d->sections[i].end > d->len)
            abort();
    }
    for (i = 0; i < d->ncites; i++) {
        if (d->cites[i].end > d->len)
            abort();
    }
    return TM_OK;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct mem m;
    struct tm_err err;
    size_t head = size < 16 ? size : 16;

    m.p = data + head;
    m.left = size - head;
    tm_err_clear(&err);
    (void)tm_parse_xml("fuzz.xml", (const char *)data, head, mem_read, &m,
                       check_doc, NULL, NULL, &err);
    return 0;
}
