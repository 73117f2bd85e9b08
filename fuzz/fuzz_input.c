/* SPDX-License-Identifier: MIT */
/* libFuzzer: bytes in, documents out, through the real file path: kind
 * sniffing (text, XML, BioC XML and JSON, UTF-16/32, PDF, HTML, binary)
 * and, when the first byte says so, the gzip path, whole or truncated.
 * Every document's sections must lie inside its text, and a refused or
 * truncated input must fail with a message, never be read silently. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static enum tm_status
check_doc(void *ctx, struct tm_doc *d, struct tm_err *err)
{
    size_t i;

    (void)ctx;
    (void)err;
    if (d->text == NULL || d->id == NULL)
        abort();
    for (i = 0; i < d->nsections; i++) {
        if (d->sections[i].start > d->sections[i].end ||
            d->sections[i].end > d->len)
            abort();
    }
    return TM_OK;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t mode, *gz = NULL;
    const uint8_t *body;
    size_t len;
    char path[64];
    struct tm_err err;
    enum tm_status rc;
    int fd;

    if (size < 1)
        return 0;
    /* First byte: 0-127 plain; 128-191 gzip; 192-255 gzip cut short. */
    mode = data[0];
    body = data + 1;
    len = size - 1;
    if (mode >= 128) {
        size_t full = fuzz_gzip(body, len, &gz);

        len = mode >= 192 && full > 0 ? full - 1 - (mode - 192) % full : full;
        body = gz;
    }
    fd = memfd_create("fuzz-input", 0);
    if (fd < 0 || write(fd, body, len) != (ssize_t)len)
        abort();
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    tm_err_clear(&err);
    rc = tm_input_read(path, check_doc, NULL, NULL, &err);
    /* A failure always says why. */
    if (rc != TM_OK && err.msg[0] == '\0')
        abort();
    /* A cut gzip is never read as if it were whole (once its magic
     * number is there: shorter, it is not gzip at all). */
    if (mode >= 192 && len >= 2 && rc == TM_OK)
        abort();
    close(fd);
    free(gz);
    return 0;
}
