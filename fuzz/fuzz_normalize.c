/* SPDX-License-Identifier: MIT */
/* libFuzzer: the normalizer (Unicode, layout and repair rules) and its
 * offset map.  Any input must give valid UTF-8 and a monotonic map that
 * stays inside the raw text. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"
#include "normalize.h"
#include "ocr.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct tm_ocr *ocr;
    struct tm_norm n;
    size_t i, prev = 0;

    if (ocr == NULL)
        ocr = tm_ocr_new(fuzz_shipped_patterns());
    tm_norm_init(&n);
    tm_ocr_normalize(ocr, &n, (const char *)data, size, "fuzz", NULL);
    if (!tm_utf8_valid(n.text, n.len, NULL))
        abort();
    for (i = 0; i <= n.len; i++) {
        size_t r = tm_norm_raw_start(&n, i);

        if (r < prev || r > size)
            abort();
        prev = r;
    }
    if (tm_norm_raw_end(&n, n.len) > size)
        abort();
    tm_norm_clear(&n);
    return 0;
}
