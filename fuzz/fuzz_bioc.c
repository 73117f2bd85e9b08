/* SPDX-License-Identifier: MIT */
/* libFuzzer: the BioC JSON writer (-f bioc) over whatever the input path
 * makes of the bytes (text, PubMed/PMC XML, BioC, UTF-16...), with the
 * shipped patterns.  The collection written must be valid UTF-8 and one
 * strict RFC 8259 JSON value, with one document per document read, and
 * trialmine's own BioC reader must read it back, document for
 * document. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "emit.h"
#include "fuzz_common.h"
#include "input.h"
#include "pipeline.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- a strict JSON checker ---------------------------------------- */

struct json {
    const char *s;
    size_t len, i;
    unsigned depth;
    size_t top_items; /* elements of the top array named "documents" */
};

static void
ws(struct json *j)
{
    while (j->i < j->len && (j->s[j->i] == ' ' || j->s[j->i] == '\t' ||
                             j->s[j->i] == '\n' || j->s[j->i] == '\r'))
        j->i++;
}

static bool
lit(struct json *j, const char *w)
{
    size_t n = strlen(w);

    if (j->len - j->i < n || memcmp(j->s + j->i, w, n) != 0)
        return false;
    j->i += n;
    return true;
}

static bool
hex4(struct json *j)
{
    size_t k;

    for (k = 0; k < 4; k++, j->i++) {
        char c = j->i < j->len ? j->s[j->i] : 0;

        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
              (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}

/* A string; *is_documents (if not NULL) gets whether it is "documents". */
static bool
string(struct json *j, bool *is_documents)
{
    size_t start;

    if (j->i >= j->len || j->s[j->i] != '"')
        return false;
    start = ++j->i;
    while (j->i < j->len && j->s[j->i] != '"') {
        unsigned char c = (unsigned char)j->s[j->i];

        if (c < 0x20)
            return false; /* a raw control character */
        if (c == '\\') {
            j->i++;
            if (j->i >= j->len)
                return false;
            c = (unsigned char)j->s[j->i];
            if (c == 'u') {
                j->i++;
                if (!hex4(j))
                    return false;
                continue;
            }
            if (strchr("\"\\/bfnrt", c) == NULL || c == 0)
                return false;
        }
        j->i++;
    }
    if (j->i >= j->len)
        return false;
    if (is_documents != NULL)
        *is_documents =
            j->i - start == 9 && memcmp(j->s + start, "documents", 9) == 0;
    j->i++;
    return true;
}

static bool
number(struct json *j)
{
    size_t start = j->i;

    if (j->i < j->len && j->s[j->i] == '-')
        j->i++;
    if (j->i < j->len && j->s[j->i] == '0') {
        j->i++;
    } else {
        if (j->i >= j->len || j->s[j->i] < '1' || j->s[j->i] > '9')
            return false;
        while (j->i < j->len && j->s[j->i] >= '0' && j->s[j->i] <= '9')
            j->i++;
    }
    if (j->i < j->len && j->s[j->i] == '.') {
        j->i++;
        if (j->i >= j->len || j->s[j->i] < '0' || j->s[j->i] > '9')
            return false;
        while (j->i < j->len && j->s[j->i] >= '0' && j->s[j->i] <= '9')
            j->i++;
    }
    if (j->i < j->len && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
        j->i++;
        if (j->i < j->len && (j->s[j->i] == '+' || j->s[j->i] == '-'))
            j->i++;
        if (j->i >= j->len || j->s[j->i] < '0' || j->s[j->i] > '9')
            return false;
        while (j->i < j->len && j->s[j->i] >= '0' && j->s[j->i] <= '9')
            j->i++;
    }
    return j->i > start;
}

static bool value(struct json *j, bool count_items);

/* An array or object; count_items: this is the collection's documents. */
static bool
container(struct json *j, char open, bool count_items)
{
    char close = open == '[' ? ']' : '}';
    bool first = true;

    if (++j->depth > 64)
        return false;
    j->i++;
    ws(j);
    if (j->i < j->len && j->s[j->i] == close) {
        j->i++;
        j->depth--;
        return true;
    }
    for (;;) {
        bool is_documents = false;

        ws(j);
        if (open == '{') {
            if (!string(j, &is_documents))
                return false;
            ws(j);
            if (j->i >= j->len || j->s[j->i] != ':')
                return false;
            j->i++;
            ws(j);
        }
        if (!value(j, open == '{' && is_documents && j->depth == 1))
            return false;
        if (count_items)
            j->top_items++;
        first = false;
        ws(j);
        if (j->i < j->len && j->s[j->i] == ',') {
            j->i++;
            continue;
        }
        if (j->i < j->len && j->s[j->i] == close) {
            j->i++;
            j->depth--;
            return !first;
        }
        return false;
    }
}

static bool
value(struct json *j, bool count_items)
{
    ws(j);
    if (j->i >= j->len)
        return false;
    switch (j->s[j->i]) {
    case '{':
    case '[':
        return container(j, j->s[j->i], count_items);
    case '"':
        return string(j, NULL);
    case 't':
        return lit(j, "true");
    case 'f':
        return lit(j, "false");
    case 'n':
        return lit(j, "null");
    default:
        return number(j);
    }
}

/* ---- the harness -------------------------------------------------- */

static enum tm_status
count_doc(void *ctx, struct tm_doc *d, struct tm_err *err)
{
    (void)d;
    (void)err;
    ++*(size_t *)ctx;
    return TM_OK;
}

/* The bytes in a memory file; its /proc path goes to path. */
static int
memfile(const void *data, size_t len, char *path, size_t size)
{
    int fd = memfd_create("fuzz-bioc", 0);

    if (fd < 0 || write(fd, data, len) != (ssize_t)len)
        abort();
    snprintf(path, size, "/proc/self/fd/%d", fd);
    return fd;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct tm_pipeline *pl;
    static struct tm_reporter quiet = {NULL, NULL, 0};
    struct tm_emitter em;
    struct tm_emitter *ems[1] = {&em};
    struct tm_err err;
    struct json j;
    char *out = NULL, path[64], back[64];
    size_t len = 0, docs, again = 0;
    FILE *f;
    int fd, fd2;

    if (pl == NULL) {
        pl = tm_pipeline_new(fuzz_shipped_patterns(), &quiet);
        tm_pipeline_set_max_records(pl, 200);
    }
    fd = memfile(data, size, path, sizeof path);
    f = open_memstream(&out, &len);
    if (f == NULL)
        abort();
    docs = tm_pipeline_stats(pl)->docs;
    tm_emit_init(&em, f, "bioc", TM_FMT_BIOC);
    tm_err_clear(&err);
    (void)tm_pipeline_extract_file(pl, path, ems, 1, &err);
    tm_err_clear(&err);
    if (tm_emit_finish(&em, &err) != TM_OK)
        abort();
    tm_emit_clear(&em);
    fclose(f);
    docs = tm_pipeline_stats(pl)->docs - docs;

    if (!tm_utf8_valid(out, len, NULL)) {
        fprintf(stderr, "fuzz_bioc: output is not UTF-8\n");
        abort();
    }
    memset(&j, 0, sizeof j);
    j.s = out;
    j.len = len;
    ws(&j);
    if (j.i >= len || out[j.i] != '{' || !value(&j, false)) {
        fprintf(stderr, "fuzz_bioc: invalid JSON at byte %zu of %zu\n", j.i,
                len);
        abort();
    }
    ws(&j);
    if (j.i != len || j.top_items != docs) {
        fprintf(stderr,
                "fuzz_bioc: %zu bytes after the JSON value, %zu documents "
                "written for %zu read\n",
                len - j.i, j.top_items, docs);
        abort();
    }
    /* Read back as BioC JSON: the same number of documents. */
    if (docs > 0) {
        fd2 = memfile(out, len, back, sizeof back);
        tm_err_clear(&err);
        if (tm_input_read(back, count_doc, &again, NULL, &err) != TM_OK ||
            again != docs) {
            fprintf(stderr,
                    "fuzz_bioc: reading the output back: %zu of %zu "
                    "documents (%s)\n",
                    again, docs, err.msg);
            abort();
        }
        close(fd2);
    }
    close(fd);
    free(out);
    return 0;
}
