/* SPDX-License-Identifier: MIT */
/* libFuzzer: the record writers.  A record is built from the input (its
 * strings split at NUL bytes, its numbers from the bytes), written as
 * JSON Lines, CSV (guarded and raw) and TSV, and each output is checked:
 * valid UTF-8; JSONL one line without raw control bytes; TSV one line of
 * exactly one tab fewer than its header's fields; CSV one RFC 4180 record
 * of the header's field count, in which, when guarded, no text cell
 * starts a spreadsheet formula.  BioC JSON, which needs a document, is
 * fuzz_bioc's. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "fuzz_common.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *
write_all(enum tm_format fmt, enum tm_csv_mode csv, const struct tm_record *r,
          size_t *len)
{
    char *out = NULL;
    FILE *f = open_memstream(&out, len);
    struct tm_emitter em;
    struct tm_err err;

    tm_emit_init(&em, f, "fuzz", fmt);
    em.csv = csv;
    if (tm_emit_record(&em, r, &err) != TM_OK ||
        tm_emit_finish(&em, &err) != TM_OK)
        abort();
    tm_emit_clear(&em);
    fclose(f);
    return out;
}

/* Fields of the CSV record starting at s (one line after the header);
 * aborts on a malformed record.  With guarded, checks the formula
 * guard: a field starting with = + - @ TAB CR must be a number. */
static size_t
csv_fields(const char *s, size_t len, bool guarded)
{
    size_t i = 0, n = 0;

    for (;;) {
        char first = 0;
        bool quoted = false;
        size_t start = i;

        if (i < len && s[i] == '"') {
            quoted = true;
            first = i + 1 < len ? s[i + 1] : 0;
            i++;
            while (i < len &&
                   !(s[i] == '"' && (i + 1 >= len || s[i + 1] != '"')))
                i += s[i] == '"' ? 2 : 1;
            if (i >= len)
                abort(); /* unterminated quote */
            i++;
        } else {
            if (i < len && s[i] != ',' && s[i] != '\r')
                first = s[i];
            while (i < len && s[i] != ',' && s[i] != '\r') {
                if (s[i] == '"' || s[i] == '\n')
                    abort(); /* should have been quoted */
                i++;
            }
        }
        n++;
        if (guarded && (first == '=' || first == '+' || first == '-' ||
                        first == '@' || first == '\t' || first == '\r')) {
            char *end;

            (void)strtod(s + start + quoted, &end);
            if (end == s + start + quoted)
                abort(); /* a text cell that starts a formula */
        }
        if (i < len && s[i] == ',') {
            i++;
            continue;
        }
        if (i + 2 != len || s[i] != '\r' || s[i + 1] != '\n')
            abort(); /* one record, CRLF */
        return n;
    }
}

static size_t
count(const char *s, size_t len, char c)
{
    size_t i, n = 0;

    for (i = 0; i < len; i++)
        n += s[i] == c;
    return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *p = data, *end = data + size;
    struct tm_record r;
    char *doc, *text, *out, *nl;
    size_t len, header_fields, k;
    double nums[3] = {0, 0, 0};

    memset(&r, 0, sizeof r);
    if (size >= 3 * sizeof(double) + 1) {
        memcpy(nums, p, sizeof nums);
        r.has = p[3 * sizeof(double)];
        p += 3 * sizeof(double) + 1;
    }
    /* Records carry finite numbers; the writers need not print NaN. */
    for (k = 0; k < 3; k++)
        nums[k] = isfinite(nums[k]) ? nums[k] : 0;
    r.value = nums[0];
    r.value_high = nums[1];
    r.spread = nums[2];
    r.events = (long long)(r.has * 7919) - 3000;
    r.total = (long long)r.has - 100;
    doc = fuzz_piece(&p, end);
    r.doc = doc;
    r.section = fuzz_piece(&p, end);
    r.type = fuzz_piece(&p, end);
    r.unit = fuzz_piece(&p, end);
    r.comparator = fuzz_piece(&p, end);
    r.group = fuzz_piece(&p, end);
    r.timepoint = fuzz_piece(&p, end);
    r.pattern = fuzz_piece(&p, end);
    text = fuzz_piece(&p, end);
    r.text = text;
    r.start = 0;
    r.end = strlen(text);
    tm_strv_push(&r.repairs, "fuzz:a->b");

    out = write_all(TM_FMT_JSONL, TM_CSV_SAFE, &r, &len);
    if (!tm_utf8_valid(out, len, NULL) || len == 0 || out[len - 1] != '\n' ||
        count(out, len, '\n') != 1)
        abort();
    for (k = 0; k < len; k++) {
        if ((unsigned char)out[k] < 0x20 && out[k] != '\n')
            abort();
    }
    free(out);

    out = write_all(TM_FMT_TSV, TM_CSV_SAFE, &r, &len);
    nl = memchr(out, '\n', len);
    if (!tm_utf8_valid(out, len, NULL) || nl == NULL ||
        count(out, len, '\n') != 2 ||
        count(out, (size_t)(nl - out), '\t') !=
            count(nl, len - (size_t)(nl - out), '\t'))
        abort();
    free(out);

    for (k = 0; k < 2; k++) {
        enum tm_csv_mode m = k == 0 ? TM_CSV_SAFE : TM_CSV_RAW;

        out = write_all(TM_FMT_CSV, m, &r, &len);
        nl = strstr(out, "\r\n");
        if (!tm_utf8_valid(out, len, NULL) || nl == NULL)
            abort();
        header_fields = count(out, (size_t)(nl - out), ',') + 1;
        if (csv_fields(nl + 2, len - (size_t)(nl + 2 - out),
                       m == TM_CSV_SAFE) != header_fields)
            abort();
        free(out);
    }

    tm_record_clear(&r);
    free(doc);
    free(text);
    return 0;
}
