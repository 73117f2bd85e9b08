/* SPDX-License-Identifier: MIT */
/* Tests for report: the HTML writer's escaping and links (text from
 * papers is untrusted), and whole pages built from hostile documents:
 * every record exactly one element, markup balanced, nothing but text
 * from the paper. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "corrections.h"
#include "html.h"
#include "report.h"
#include "sha256.h"
#include "testutil.h"

static char *
esc(const char *s, size_t len, bool attr)
{
    struct tm_buf b;

    tm_buf_init(&b, 0);
    if (attr)
        tm_html_attr(&b, s, len);
    else
        tm_html_text(&b, s, len);
    return tm_buf_steal(&b, NULL);
}

static size_t
count(const char *hay, const char *needle)
{
    size_t n = 0;
    const char *p = hay;

    while ((p = strstr(p, needle)) != NULL) {
        n++;
        p += strlen(needle);
    }
    return n;
}

START_TEST(test_report_script_stays_text)
{
    const char *s = "<script>alert(\"x\")</script> & 'q'";
    char *out = esc(s, strlen(s), false);

    ck_assert_str_eq(out, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; "
                          "&amp; &#39;q&#39;");
    free(out);
}
END_TEST

START_TEST(test_report_attribute_quotes_and_newlines)
{
    const char *s = "a\"b'c<d>\n\te";
    char *out = esc(s, strlen(s), true);

    ck_assert_str_eq(out, "a&quot;b&#39;c&lt;d&gt;&#10;&#9;e");
    ck_assert_ptr_null(strchr(out, '"'));
    free(out);
    /* In text, newlines and tabs stay (the text is pre-wrap). */
    out = esc(s, strlen(s), false);
    ck_assert_str_eq(out, "a&quot;b&#39;c&lt;d&gt;\n\te");
    free(out);
}
END_TEST

START_TEST(test_report_invalid_utf8_and_controls)
{
    /* A stray continuation byte, an overlong '/', a surrogate, NUL, ESC
     * and a lone lead byte at the end. */
    const char s[] = "a\x80"
                     "b\xC0\xAF"
                     "c\xED\xA0\x80"
                     "d\0e\x1B"
                     "f\xE2";
    char *out = esc(s, sizeof s - 1, false);
    struct tm_buf want;

    tm_buf_init(&want, 0);
    tm_buf_puts(&want, "a\xEF\xBF\xBD"
                       "b\xEF\xBF\xBD\xEF\xBF\xBD"
                       "c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                       "d\xEF\xBF\xBD"
                       "e\xEF\xBF\xBD"
                       "f\xEF\xBF\xBD");
    ck_assert_str_eq(out, want.data);
    tm_buf_clear(&want);
    free(out);
}
END_TEST

START_TEST(test_report_bidi_controls_shown)
{
    /* RIGHT-TO-LEFT OVERRIDE would reorder what follows; Arabic text is
     * ordinary text and passes. */
    const char *s = "n = \xE2\x80\xAE"
                    "02 \xE2\x81\xA6x\xE2\x81\xA9 "
                    "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD8\xB6\xD9\x89";
    char *out = esc(s, strlen(s), false);

    ck_assert_str_eq(out, "n = [U+202E]02 [U+2066]x[U+2069] "
                          "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD8\xB6\xD9\x89");
    free(out);
}
END_TEST

START_TEST(test_report_long_word_kept_whole)
{
    size_t n = 200000, i;
    char *s = malloc(n + 1), *out;

    ck_assert_ptr_nonnull(s);
    for (i = 0; i < n; i++)
        s[i] = (char)('a' + (char)(i % 26));
    s[n] = '\0';
    out = esc(s, n, false);
    ck_assert_str_eq(out, s);
    free(out);
    free(s);
}
END_TEST

static char *
url(bool (*fn)(struct tm_buf *, const char *), const char *id, bool *ok)
{
    struct tm_buf b;

    tm_buf_init(&b, 0);
    *ok = fn(&b, id);
    return tm_buf_steal(&b, NULL);
}

START_TEST(test_report_links_only_from_valid_ids)
{
    bool ok;
    char *u;

    u = url(tm_html_pmid_url, "12345678", &ok);
    ck_assert(ok);
    ck_assert_str_eq(u, "https://pubmed.ncbi.nlm.nih.gov/12345678/");
    free(u);
    u = url(tm_html_pmcid_url, "PMC7654321", &ok);
    ck_assert(ok);
    ck_assert_str_eq(u,
                     "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7654321/");
    free(u);
    u = url(tm_html_doi_url, "10.1016/S0140-6736(20)30183-5", &ok);
    ck_assert(ok);
    ck_assert_str_eq(u, "https://doi.org/10.1016/S0140-6736%2820%2930183-5");
    free(u);
    /* Quotes, angle brackets, ? and # are percent-encoded. */
    u = url(tm_html_doi_url, "10.1234/a\"><script>?x#y&z", &ok);
    ck_assert(ok);
    ck_assert_str_eq(u, "https://doi.org/10.1234/"
                        "a%22%3E%3Cscript%3E%3Fx%23y%26z");
    free(u);
    {
        static const char *const bad_pmid[] = {
            "", "12a", "javascript:alert(1)", "1234567890", " 123", NULL};
        static const char *const bad_doi[] = {"javascript:alert(1)",
                                              "10.12/x",
                                              "10.1234",
                                              "10.1234/",
                                              "10.1234/a b",
                                              "10.1234/\xC3\xA9",
                                              "data:text/html,x",
                                              NULL};
        size_t i;

        for (i = 0; bad_pmid[i] != NULL; i++) {
            u = url(tm_html_pmid_url, bad_pmid[i], &ok);
            ck_assert_msg(!ok && u[0] == '\0', "pmid '%s' linked", bad_pmid[i]);
            free(u);
            u = url(tm_html_pmcid_url, bad_pmid[i], &ok);
            ck_assert(!ok);
            free(u);
        }
        for (i = 0; bad_doi[i] != NULL; i++) {
            u = url(tm_html_doi_url, bad_doi[i], &ok);
            ck_assert_msg(!ok && u[0] == '\0', "doi '%s' linked", bad_doi[i]);
            free(u);
        }
        u = url(tm_html_pmcid_url, "PMC", &ok);
        ck_assert(!ok);
        free(u);
    }
}
END_TEST

/* A document with a hostile id, title and text, and records that nest,
 * cross, repeat, are empty or run past the text. */
static void
add_rec(struct tm_records *rs, const struct tm_doc *d, const char *type,
        size_t start, size_t end)
{
    struct tm_record *r = tm_records_push(rs);

    r->doc = d->id;
    r->type = strdup(type);
    r->section = strdup("text");
    r->start = start;
    r->end = end;
    r->text = d->text + (start < d->len ? start : d->len);
    r->value = 1;
    r->has = TM_HAS_VALUE;
}

static char *
page_sections(const char *text, const char *id, const size_t (*spans)[2],
              const char *const *types, size_t n, const char *table_name,
              size_t table_start, size_t *len)
{
    struct tm_doc d;
    struct tm_records rs;
    struct tm_report *rp;
    struct tm_err err;
    char *out = NULL;
    FILE *f = open_memstream(&out, len);
    size_t i;

    tm_doc_init(&d, TM_DOC_TEXT);
    d.id = strdup(id);
    d.text = strdup(text);
    d.len = strlen(text);
    d.doi = strdup("10.1234/\"><script>alert(1)</script>");
    d.pmid = strdup("javascript:alert(1)");
    if (table_name != NULL) {
        tm_doc_add_section(&d, "text", 0, table_start);
        tm_doc_add_section(&d, table_name, table_start, d.len);
    } else {
        tm_doc_add_section(&d, "text", 0, d.len);
    }
    memset(&rs, 0, sizeof rs);
    for (i = 0; i < n; i++)
        add_rec(&rs, &d, types[i], spans[i][0], spans[i][1]);
    rp = tm_report_new("<b>title</b>", &err);
    ck_assert_ptr_nonnull(rp);
    ck_assert_int_eq(tm_report_add(rp, &d, &rs, NULL, NULL, &err), TM_OK);
    ck_assert_int_eq(tm_report_write(rp, f, "memory", &err), TM_OK);
    fclose(f);
    tm_report_free(rp);
    tm_records_clear(&rs);
    tm_doc_clear(&d);
    return out;
}

static char *
page(const char *text, const char *id, const size_t (*spans)[2],
     const char *const *types, size_t n, size_t *len)
{
    return page_sections(text, id, spans, types, n, NULL, 0, len);
}

/* A value the text does not print says, on hover, how it was derived
 * (escaped like all text). */
START_TEST(test_report_derived_value_says_so)
{
    static const char text[] = "Five patients died in group <C>.";
    struct tm_doc d;
    struct tm_records rs;
    struct tm_report *rp;
    struct tm_err err;
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);

    tm_doc_init(&d, TM_DOC_TEXT);
    d.id = strdup("d1");
    d.text = strdup(text);
    d.len = strlen(text);
    tm_doc_add_section(&d, "text", 0, d.len);
    memset(&rs, 0, sizeof rs);
    add_rec(&rs, &d, "mortality", 0, 4);
    rs.v[0].derived = strdup("over the size of arm 'group <C>' (n = 16)");
    rp = tm_report_new(NULL, &err);
    ck_assert_ptr_nonnull(rp);
    ck_assert_int_eq(tm_report_add(rp, &d, &rs, NULL, NULL, &err), TM_OK);
    ck_assert_int_eq(tm_report_write(rp, f, "memory", &err), TM_OK);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(out, "derived: over the size of arm"));
    ck_assert_ptr_null(strstr(out, "group <C>' (n"));
    free(out);
    tm_report_free(rp);
    tm_records_clear(&rs);
    tm_doc_clear(&d);
}
END_TEST

START_TEST(test_report_table_section_is_a_table)
{
    /* "Deaths | 3 (30) | 8 (80)": the PMC parser's linearized rows. */
    const char *text = "Prose. Table 1\n\nOutcome | MSC | Placebo\n\n"
                       "Deaths | 3 (30) | 8 (80)\n";
    static const size_t in[][2] = {{50, 56}, {59, 65}};
    static const size_t across[][2] = {{3, 20}};
    static const char *const types[] = {"mortality", "mortality"};
    size_t len;
    char *out = page_sections(text, "t", in, types, 2, "table/T1", 7, &len);

    ck_assert_uint_eq(count(out, "<table class=\"doctab\">"), 1);
    {
        /* Three rows (blank lines and the last newline make none), three
         * cells in two of them. */
        char *t = strstr(out, "<table class=\"doctab\">");
        char *end = strstr(t, "</table>");

        ck_assert_ptr_nonnull(end);
        *end = '\0';
        ck_assert_uint_eq(count(t, "</td></tr><tr><td>"), 2);
        ck_assert_uint_eq(count(t, "</td><td>"), 4);
        ck_assert_uint_eq(count(t, "<td><mark id=\"d0r50-56-t-mortality\""), 1);
        ck_assert_uint_eq(count(t, "<mark "), 2);
        *end = '<';
    }
    ck_assert_uint_eq(count(out, "<mark "), count(out, "</mark>"));
    free(out);
    /* A record that crosses into the table: the section stays text. */
    out = page_sections(text, "t", across, types, 1, "table/T1", 7, &len);
    ck_assert_uint_eq(count(out, "<table class=\"doctab\">"), 0);
    ck_assert_uint_eq(count(out, "<mark id="), 1);
    free(out);
}
END_TEST

START_TEST(test_report_page_hostile_document)
{
    const char *text = "<script>alert(1)</script> <a href=\"javascript:x\">"
                       "P = 0.04</a> \xE2\x80\xAE"
                       "15% (3 of 20) \xFF";
    static const size_t spans[][2] = {{0, 8},   {35, 53}, {44, 52}, {44, 52},
                                      {40, 60}, {30, 30}, {5, 500}, {70, 62}};
    static const char *const types[] = {"p_value",      "p_value", "mortality",
                                        "mortality",    "dose",    "survival",
                                        "\"><script>x", "effect"};
    size_t len, n = sizeof spans / sizeof *spans;
    char *out =
        page(text, "doc\"><img src=x onerror=alert(1)>", spans, types, n, &len);

    /* The page's own script, and no other. */
    ck_assert_uint_eq(count(out, "<script"), 1);
    ck_assert_uint_eq(count(out, "<img"), 0);
    ck_assert_uint_eq(count(out, "href=\"javascript"), 0);
    ck_assert_uint_eq(count(out, "href=\"https://doi.org/"), 1);
    ck_assert_uint_eq(count(out, "pubmed.ncbi"), 0);
    ck_assert_uint_eq(count(out, "&lt;b&gt;title&lt;/b&gt;"), 2);
    /* Every record once, marks balanced (continuations included). */
    ck_assert_uint_eq(count(out, "<mark id="), n);
    ck_assert_uint_eq(count(out, "<mark "), count(out, "</mark>"));
    ck_assert_uint_eq(count(out, "data-start=\"44\" data-end=\"52\""), 2);
    ck_assert_uint_eq(count(out, "data-start=\"40\" data-end=\"60\""), 1);
    /* Identical spans of one type get distinct ids. */
    ck_assert_uint_eq(count(out, "id=\"d0r44-52-t-mortality\""), 1);
    ck_assert_uint_eq(count(out, "id=\"d0r44-52-t-mortality-1\""), 1);
    /* {35,53} and {40,60} cross: the later one is continued. */
    ck_assert_uint_ge(count(out, "class=\"cont"), 1);
    ck_assert_uint_eq(count(out, "[U+202E]"), 1);
    ck_assert_ptr_null(strstr(out, "\xFF"));
    free(out);
}
END_TEST

START_TEST(test_report_page_deep_overlap_bounded)
{
    /* 2000 records nested in one another: beyond the nesting limit they
     * are empty elements, so the page stays linear in size. */
    static size_t spans[2000][2];
    static const char *types[2000];
    char text[4100];
    size_t i, len;
    char *out;

    memset(text, 'x', sizeof text - 1);
    text[sizeof text - 1] = '\0';
    for (i = 0; i < 2000; i++) {
        spans[i][0] = i;
        spans[i][1] = 4000 - i;
        types[i] = i % 2 ? "dose" : "p_value";
    }
    out = page(text, "deep", (const size_t(*)[2])spans, types, 2000, &len);
    ck_assert_uint_eq(count(out, "<mark id="), 2000);
    ck_assert_uint_eq(count(out, "<mark "), count(out, "</mark>"));
    ck_assert_uint_lt(len, 2000u * 400 + 100000);
    free(out);
}
END_TEST

START_TEST(test_report_applied_corrections_escaped)
{
    /* A corrections file is input too: its note must stay text. */
    const char tsv[] = "x\tp_value\t1-2\treject\t\t\"><script>alert(1)"
                       "</script>\t<b>me</b>\t2026-12-06\n";
    char *path = tm_test_temp_file(tsv, sizeof tsv - 1, ".tsv");
    struct tm_corrections *cs = NULL;
    struct tm_report *rp;
    struct tm_err err;
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);

    ck_assert_int_eq(tm_corrections_load(path, &cs, &err), TM_OK);
    rp = tm_report_new(NULL, &err);
    tm_report_set_corrections(rp, cs);
    ck_assert_int_eq(tm_report_write(rp, f, "memory", &err), TM_OK);
    fclose(f);
    ck_assert_uint_eq(count(out, "<script"), 1);
    ck_assert_uint_eq(count(out, "<li data-doc=\"x\" data-type=\"p_value\" "
                                 "data-span=\"1-2\" data-action=\"reject\""),
                      1);
    ck_assert_uint_eq(count(out, "data-note=\"&quot;&gt;&lt;script&gt;"), 1);
    ck_assert_uint_eq(count(out, "data-reviewer=\"&lt;b&gt;me&lt;/b&gt;\""), 1);
    free(out);
    tm_report_free(rp);
    tm_corrections_free(cs);
    unlink(path);
    free(path);
}
END_TEST

static void
hex(const unsigned char d[32], char out[65])
{
    size_t i;

    for (i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

START_TEST(test_report_sha256_vectors)
{
    /* FIPS 180-4 examples, and padding that needs a second block. */
    static const struct {
        const char *in;
        const char *want;
    } v[] = {
        {"",
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc",
         "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    };
    unsigned char d[32];
    char h[65];
    size_t i;
    char *a = malloc(1000000);

    for (i = 0; i < sizeof v / sizeof *v; i++) {
        tm_sha256(v[i].in, strlen(v[i].in), d);
        hex(d, h);
        ck_assert_str_eq(h, v[i].want);
    }
    ck_assert_ptr_nonnull(a);
    memset(a, 'a', 1000000);
    tm_sha256(a, 1000000, d);
    hex(d, h);
    ck_assert_str_eq(
        h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("report");
    TCase *esc_tc = tcase_create("escaping");
    TCase *links = tcase_create("links");
    TCase *pages = tcase_create("hostile pages");

    tcase_add_test(esc_tc, test_report_script_stays_text);
    tcase_add_test(esc_tc, test_report_attribute_quotes_and_newlines);
    tcase_add_test(esc_tc, test_report_invalid_utf8_and_controls);
    tcase_add_test(esc_tc, test_report_bidi_controls_shown);
    tcase_add_test(esc_tc, test_report_long_word_kept_whole);
    tcase_add_test(links, test_report_links_only_from_valid_ids);
    tcase_add_test(links, test_report_sha256_vectors);
    tcase_add_test(pages, test_report_page_hostile_document);
    tcase_add_test(pages, test_report_page_deep_overlap_bounded);
    tcase_add_test(pages, test_report_table_section_is_a_table);
    tcase_add_test(pages, test_report_derived_value_says_so);
    tcase_add_test(pages, test_report_applied_corrections_escaped);
    suite_add_tcase(s, esc_tc);
    suite_add_tcase(s, links);
    suite_add_tcase(s, pages);
    return tm_test_main(s);
}
