/* SPDX-License-Identifier: MIT */
/* libFuzzer: the HTML report writer.  A document (id, title, DOI, PMID
 * and text split from the input at NUL bytes) and up to 64 records (spans
 * and types from the input's first bytes: nested, crossing, empty, past
 * the end) are written as a whole page, which is checked: valid UTF-8;
 * every record exactly one element, marks balanced; outside the page's
 * own <script> and <style>, every tag is one the writer makes and every
 * tag's quotes are balanced, so no text from the input became markup; one
 * script; no link but in-page anchors and https. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "fuzz_common.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t
count(const char *hay, size_t len, const char *needle)
{
    size_t n = 0, k = strlen(needle), i;

    for (i = 0; i + k <= len; i++)
        if (memcmp(hay + i, needle, k) == 0)
            n++;
    return n;
}

static const char *const tags[] = {
    "!DOCTYPE", "html",   "head",     "meta",    "title",   "style",
    "body",     "header", "h1",       "h2",      "p",       "nav",
    "fieldset", "legend", "label",    "input",   "select",  "option",
    "button",   "a",      "textarea", "main",    "section", "div",
    "table",    "thead",  "tbody",    "tr",      "th",      "td",
    "code",     "span",   "mark",     "svg",     "line",    "rect",
    "polygon",  "text",   "details",  "summary", "script",  "caption",
    "ul",       "li",     NULL};

static bool
known_tag(const char *s, size_t n)
{
    size_t i;

    for (i = 0; tags[i] != NULL; i++)
        if (strlen(tags[i]) == n && memcmp(tags[i], s, n) == 0)
            return true;
    return false;
}

/* Every tag outside script and style is the writer's, with balanced
 * quotes; aborts otherwise. */
static void
check_tags(const char *out, size_t len)
{
    size_t i = 0;

    while (i < len) {
        size_t j, n, quotes = 0;
        const char *close;

        if (out[i] != '<') {
            i++;
            continue;
        }
        j = i + 1 + (i + 1 < len && out[i + 1] == '/');
        for (n = 0; j + n < len && (out[j + n] == '!' ||
                                    (out[j + n] >= 'a' && out[j + n] <= 'z') ||
                                    (out[j + n] >= 'A' && out[j + n] <= 'Z') ||
                                    (out[j + n] >= '0' && out[j + n] <= '9'));
             n++)
            ;
        if (!known_tag(out + j, n))
            abort();
        for (i = j + n; i < len && out[i] != '>'; i++) {
            if (out[i] == '<')
                abort();
            quotes += out[i] == '"';
        }
        if (i >= len || quotes % 2 != 0)
            abort();
        /* Skip the page's own script and style sheet. */
        if (out[j - 1] != '/' && (n == 6 && memcmp(out + j, "script", 6) == 0))
            close = strstr(out + i, "</script>");
        else if (out[j - 1] != '/' && n == 5 &&
                 memcmp(out + j, "style", 5) == 0)
            close = strstr(out + i, "</style>");
        else
            close = NULL;
        if (close != NULL)
            i = (size_t)(close - out);
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const types[] = {
        "mortality", "survival", "p_value", "sample_size",
        "dose",      "effect",   "_arm",    "\"><script>x</script>"};
    const uint8_t *p = data, *end = data + size;
    struct tm_doc d;
    struct tm_records rs;
    struct tm_report *rp;
    struct tm_err err;
    char *out = NULL;
    size_t len = 0, n = 0, shown = 0, i;
    FILE *f;

    if (size < 1)
        return 0;
    n = data[0] % 65;
    p++;
    if ((size_t)(end - p) < 5 * n)
        n = (size_t)(end - p) / 5;
    tm_doc_init(&d, TM_DOC_TEXT);
    memset(&rs, 0, sizeof rs);
    {
        const uint8_t *spec = p;

        p += 5 * n;
        d.id = fuzz_piece(&p, end);
        d.title = fuzz_piece(&p, end);
        d.doi = fuzz_piece(&p, end);
        d.pmid = fuzz_piece(&p, end);
        d.text = strndup((const char *)p, (size_t)(end - p));
        d.len = strlen(d.text);
        tm_doc_add_section(&d, "text", 0, d.len / 2);
        tm_doc_add_section(&d, "table/<b>", d.len / 2, d.len);
        for (i = 0; i < n; i++) {
            const uint8_t *s = spec + 5 * i;
            struct tm_record *r = tm_records_push(&rs);
            size_t a = (size_t)(s[0] | s[1] << 8),
                   b = (size_t)(s[2] | s[3] << 8);

            r->doc = d.id;
            r->type = strdup(types[s[4] % 8]);
            r->section = strdup("text");
            r->start = d.len ? a % (d.len + 2) : a % 3;
            r->end =
                s[4] & 0x80 ? r->start + b % 40 : (d.len ? b % (d.len + 2) : 0);
            r->text = d.text + (r->start < d.len ? r->start : d.len);
            r->value = (double)(s[4] % 7) * 10;
            r->has = TM_HAS_VALUE;
            if (s[4] & 0x40) {
                r->timepoint = strdup("28-day");
                r->arm = (unsigned char)(1 + (s[4] & 1));
            }
            if (s[4] & 0x20)
                tm_strv_push(&r->repairs, "rule:<a>->\"b\"");
            shown += r->type[0] != '_';
        }
    }
    rp = tm_report_new(d.title, &err);
    if (rp == NULL)
        abort();
    f = open_memstream(&out, &len);
    if (tm_report_add(rp, &d, &rs, NULL, NULL, &err) != TM_OK ||
        tm_report_write(rp, f, "fuzz", &err) != TM_OK)
        abort();
    fclose(f);
    if (!tm_utf8_valid(out, len, NULL))
        abort();
    if (count(out, len, "<mark id=") != shown ||
        count(out, len, "<mark ") != count(out, len, "</mark>") ||
        count(out, len, "<script") != 1 ||
        count(out, len, "href=\"javascript") != 0 ||
        count(out, len, "href=\"") !=
            count(out, len, "href=\"#") + count(out, len, "href=\"https://"))
        abort();
    check_tags(out, len);
    free(out);
    tm_report_free(rp);
    tm_records_clear(&rs);
    tm_doc_clear(&d);
    return 0;
}
