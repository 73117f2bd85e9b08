/* SPDX-License-Identifier: MIT */
/* Tests for normalize and ocr: every form the normalizer handles, with
 * raw input, expected text and expected offset mapping; a property test
 * of the offset map; invalid UTF-8, empty input, a 50 MB line; and the
 * seed review's doses. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "normalize.h"
#include "ocr.h"
#include "pattern.h"
#include "testutil.h"
#include "utf8.h"

/* Built-in passes only. */
static void
assert_norm(const char *raw, const char *want)
{
    struct tm_norm n;

    tm_norm_init(&n);
    tm_normalize(&n, raw, strlen(raw));
    ck_assert_msg(strcmp(n.text, want) == 0, "'%s' -> '%s', want '%s'", raw,
                  n.text, want);
    tm_norm_clear(&n);
}

/* Built-in passes and the shipped repair rules. */
static void
assert_ocr(struct tm_ocr *o, const char *raw, const char *want)
{
    struct tm_norm n;

    tm_norm_init(&n);
    tm_ocr_normalize(o, &n, raw, strlen(raw), "test", NULL);
    ck_assert_msg(strcmp(n.text, want) == 0, "'%s' -> '%s', want '%s'", raw,
                  n.text, want);
    tm_norm_clear(&n);
}

/* The normalized span [s, e) of `needle` maps to raw bytes `raw_want`. */
static void
assert_maps(const struct tm_norm *n, const char *needle, const char *raw_want)
{
    const char *at = strstr(n->text, needle);
    size_t s, e, rs, re;

    ck_assert_msg(at != NULL, "'%s' not in '%s'", needle, n->text);
    s = (size_t)(at - n->text);
    e = s + strlen(needle);
    rs = tm_norm_raw_start(n, s);
    re = tm_norm_raw_end(n, e);
    ck_assert_msg(re - rs == strlen(raw_want) &&
                      memcmp(n->raw + rs, raw_want, re - rs) == 0,
                  "'%s' maps to raw '%.*s', want '%s'", needle, (int)(re - rs),
                  n->raw + rs, raw_want);
}

START_TEST(test_normalize_unicode_forms)
{
    /* superscripts become exponents, never plain digits */
    assert_norm("1 \xC3\x97 10\xE2\x81\xB6 cells", "1 \xC3\x97 10^6 cells");
    assert_norm("P = 1.2 \xC3\x97 10\xE2\x81\xBB\xE2\x81\xB5",
                "P = 1.2 \xC3\x97 10^-5");
    /* subscripts become plain digits */
    assert_norm("PaO\xE2\x82\x82/FiO\xE2\x82\x82", "PaO2/FiO2");
    /* ligatures and full-width digits fold */
    assert_norm("e\xEF\xAC\x83"
                "cacy of \xEF\xAC\x81rst",
                "efficacy of first");
    assert_norm("n = \xEF\xBC\x91\xEF\xBC\x92", "n = 12");
    /* meaning-bearing signs stay */
    assert_norm("\xC3\x97 \xC2\xB1 \xE2\x89\xA4 \xE2\x89\xA5 \xC2\xB5 "
                "\xCE\xBC \xE2\x88\x92",
                "\xC3\x97 \xC2\xB1 \xE2\x89\xA4 \xE2\x89\xA5 \xC2\xB5 "
                "\xCE\xBC \xE2\x88\x92");
    /* NFC: e + combining acute -> é */
    assert_norm("caf"
                "e\xCC\x81",
                "caf\xC3\xA9");
    /* special spaces, zero-width characters, soft hyphens */
    assert_norm("12\xC2\xA0patients,\xE2\x80\x89n\xE2\x80\xAF=\xE2\x80\x8B"
                "5, oxy\xC2\xADgen",
                "12 patients, n =5, oxygen");
    /* Unicode hyphens (U+2010, U+2011) are the ASCII hyphen */
    assert_norm("Forty\xE2\x80\x90"
                "four COVID\xE2\x80\x91"
                "19 patients",
                "Forty-four COVID-19 patients");
    /* control characters and CR LF */
    assert_norm("a\x01"
                "b\r\nc",
                "a b c");
}
END_TEST

START_TEST(test_normalize_layout_forms)
{
    /* single line breaks join; a blank line stays a paragraph break */
    assert_norm("high mor-\nbidity and\n  mortality\n\n\nNew para",
                "high morbidity and mortality\n\nNew para");
    /* hyphen kept when a side is not lower case */
    assert_norm("UCB-\nMSCs and IL-\n6 and COVID-\n19",
                "UCB-MSCs and IL-6 and COVID-19");
    assert_norm("devas-\ntating", "devastating");
    /* a dose split over a line */
    assert_norm("(100 +20)x 10\xC2\xB0\ncells/kg",
                "(100 +20)x 10\xC2\xB0 cells/kg");
}
END_TEST

/* A text of npages pages (form feeds between them when ff) of 30
 * numbered body lines, each page headed by head and with mid as its
 * 15th line (when not NULL); returns a malloc'd string. */
static char *
paged(int npages, bool ff, const char *head, const char *mid)
{
    struct tm_buf b;
    int p, k;

    tm_buf_init(&b, 0);
    for (p = 0; p < npages; p++) {
        if (p > 0)
            tm_buf_puts(&b, ff ? "\f" : "");
        if (head != NULL)
            tm_buf_printf(&b, "%s\n", head);
        for (k = 0; k < 30; k++) {
            if (k == 15 && mid != NULL)
                tm_buf_printf(&b, "%s\n", mid);
            tm_buf_printf(&b, "Body text page %d line %d\n", p, k);
        }
    }
    return tm_buf_steal(&b, NULL);
}

START_TEST(test_normalize_running_heads)
{
    struct tm_norm n;
    char *t;

    /* Repeated table rows and repeated sentences are content, however
     * often they repeat: only page structure makes a running head. */
    assert_norm("MSC (n = 20)\nPlacebo (n = 20)\nMSC (n = 20)\n"
                "Placebo (n = 20)\nMSC (n = 20)\nPlacebo (n = 20)",
                "MSC (n = 20) Placebo (n = 20) MSC (n = 20) "
                "Placebo (n = 20) MSC (n = 20) Placebo (n = 20)");
    assert_norm("Mortality fell.\nP < 0.001\nIL-6 fell.\nP < 0.001\n"
                "IL-8 fell.\nP < 0.001",
                "Mortality fell. P < 0.001 IL-6 fell. P < 0.001 IL-8 fell. "
                "P < 0.001");
    assert_norm("STEM CELLS TM\nfirst part\nSTEM CELLS TM\nsecond\n"
                "STEM CELLS TM\nthird",
                "STEM CELLS TM first part STEM CELLS TM second STEM CELLS "
                "TM third");

    /* At the top of every page after a form feed: dropped, and counted. */
    tm_norm_init(&n);
    t = paged(3, true, "STEM CELLS TRANSLATIONAL MEDICINE", NULL);
    tm_normalize(&n, t, strlen(t));
    ck_assert_ptr_null(strstr(n.text, "TRANSLATIONAL"));
    ck_assert_ptr_nonnull(strstr(n.text, "Body text page 2 line 29"));
    ck_assert_uint_eq(n.running_heads, 3);
    /* The same lines mid-page on every page are not running heads. */
    free(t);
    t = paged(3, true, NULL, "STEM CELLS TRANSLATIONAL MEDICINE");
    tm_normalize(&n, t, strlen(t));
    ck_assert_ptr_nonnull(strstr(n.text, "STEM CELLS TRANSLATIONAL"));
    ck_assert_uint_eq(n.running_heads, 3);
    ck_assert_uint_eq(n.repeats_kept, 3);
    /* Without form feeds, a line at the same place on every page (the
     * same number of lines apart) is one; counts accumulate per norm. */
    free(t);
    t = paged(4, false, "STEM CELLS TRANSLATIONAL MEDICINE", NULL);
    tm_normalize(&n, t, strlen(t));
    ck_assert_ptr_null(strstr(n.text, "TRANSLATIONAL"));
    ck_assert_uint_eq(n.running_heads, 7);
    free(t);
    tm_norm_clear(&n);
}
END_TEST

START_TEST(test_normalize_ocr_forms)
{
    struct tm_pattern_set *set = tm_test_shipped_patterns();
    struct tm_ocr *o = tm_ocr_new(set);

    assert_ocr(o,
               "infusion of 1x10 \xC2\xAE"
               "cells/kg of AT",
               "infusion of 1\xC3\x97"
               "10^6 cells/kg of AT");
    assert_ocr(o, "infusion of 1x10%ells/kg UCB",
               "infusion of 1\xC3\x97"
               "10^6 cells/kg UCB");
    assert_ocr(o, "dose of 2x10\xC2\xB0 cells/kg",
               "dose of 2\xC3\x97"
               "10^6 cells/kg");
    assert_ocr(o, "of (100+20)x10\xC2\xB0 cells UCB",
               "of (100\xC2\xB1"
               "20)\xC3\x97"
               "10^6 cells UCB");
    assert_ocr(o, "of (100 +20)x 10\xC2\xB0\ncells/kg each",
               "of (100 \xC2\xB1"
               "20)\xC3\x97 10^6 cells/kg each");
    assert_ocr(o, "1 X 10^7 MSCs and 3*10^5 cells",
               "1 \xC3\x97 10^7 MSCs and 3\xC3\x97"
               "10^5 cells");
    assert_ocr(o,
               "P = 0\xC2\xB7"
               "03",
               "P = 0.03");
    assert_ocr(o, "(P=O.04) 9l% (1/l2)", "(P=0.04) 91% (1/12)");
    assert_ocr(o, "\xD0\xA0=0.015", "P=0.015");
    assert_ocr(o,
               "10^\xE2\x88\x92"
               "5 and 36.4\xE2\x80\x94"
               "87%",
               "10^-5 and 36.4\xE2\x80\x93"
               "87%");
    assert_ocr(o, "IL-1p and IL-8", "IL-1\xCE\xB2 and IL-8");
    assert_ocr(o, "mor-\nPage 7 of 10\nbidity", "morbidity");
    /* an implausible value is left alone: 0.001 x 10^6 cells/kg */
    assert_ocr(o, "0.001x10\xC2\xB0 cells/kg",
               "0.001\xC3\x97"
               "10\xC2\xB0 cells/kg");
    tm_ocr_free(o);
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_normalize_offsets_map_repairs_to_raw_bytes)
{
    struct tm_pattern_set *set = tm_test_shipped_patterns();
    struct tm_ocr *o = tm_ocr_new(set);
    struct tm_norm n;
    const char *raw = "of (100 +20)x 10\xC2\xB0\ncells/kg, P = 0\xC2\xB7"
                      "03 "
                      "and 10\xE2\x81\xB6 too";

    tm_norm_init(&n);
    tm_ocr_normalize(o, &n, raw, strlen(raw), "test", NULL);
    assert_maps(&n,
                "(100 \xC2\xB1"
                "20)\xC3\x97 10^6 cells/kg",
                "(100 +20)x 10\xC2\xB0\ncells/kg");
    assert_maps(&n, "P = 0.03",
                "P = 0\xC2\xB7"
                "03");
    assert_maps(&n, "10^6 too", "10\xE2\x81\xB6 too");
    assert_maps(&n, "\xC2\xB1", "+");
    /* the repairs name raw bytes and rules */
    ck_assert_uint_ge(n.nrepairs, 5);
    tm_norm_clear(&n);
    tm_ocr_free(o);
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_normalize_invalid_utf8_and_empty)
{
    struct tm_norm n;
    size_t bad;

    tm_norm_init(&n);
    tm_normalize(&n,
                 "ab\xFF"
                 "c\xC3",
                 5);
    ck_assert_str_eq(n.text, "ab\xEF\xBF\xBD"
                             "c\xEF\xBF\xBD");
    ck_assert(tm_utf8_valid(n.text, n.len, &bad));
    ck_assert_uint_eq(n.nrepairs, 2);
    ck_assert_str_eq(n.repairs[0].rule, "utf8-invalid");
    assert_maps(&n,
                "\xEF\xBF\xBD"
                "c",
                "\xFF"
                "c");
    tm_normalize(&n, "", 0);
    ck_assert_uint_eq(n.len, 0);
    ck_assert_str_eq(n.text, "");
    ck_assert_uint_eq(tm_norm_raw_start(&n, 0), 0);
    ck_assert_uint_eq(tm_norm_raw_end(&n, 0), 0);
    tm_norm_clear(&n);
}
END_TEST

/* Pieces that random texts are made of: each exercises a pass. */
static const char *const pieces[] = {"plain text ",
                                     "n = 12 ",
                                     "10\xE2\x81\xB6 ",
                                     "\xC2\xA0",
                                     "\xE2\x80\x8B",
                                     "oxy-\ngen ",
                                     "UCB-\nMSCs ",
                                     "\n\n",
                                     "\n",
                                     "1x10 \xC2\xAE"
                                     "cells/kg ",
                                     "\xFF",
                                     "caf"
                                     "e\xCC\x81 ",
                                     "\xEF\xAC\x81",
                                     "P = 0\xC2\xB7"
                                     "03 ",
                                     "(100+20)x10\xC2\xB0 cells ",
                                     "\r\n",
                                     "l2 ",
                                     "\xC2\xAD",
                                     "\xD0\xA0=0.1 "};

START_TEST(test_normalize_offset_map_is_consistent_property)
{
    struct tm_pattern_set *set = tm_test_shipped_patterns();
    struct tm_ocr *o = tm_ocr_new(set);
    struct tm_norm n;
    unsigned seed = 12345;
    int round;

    tm_norm_init(&n);
    for (round = 0; round < 300; round++) {
        char raw[2048];
        size_t len = 0, s, e, k, prev = 0;
        int parts = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 24;

        while (parts-- > 0) {
            const char *p;

            seed = seed * 1103515245u + 12345u;
            p = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
            if (len + strlen(p) >= sizeof raw)
                break;
            memcpy(raw + len, p, strlen(p));
            len += strlen(p);
        }
        tm_ocr_normalize(o, &n, raw, len, "prop", NULL);
        ck_assert(tm_utf8_valid(n.text, n.len, NULL));
        /* raw_start is monotonic and within the raw text. */
        for (k = 0; k <= n.len; k++) {
            size_t r = tm_norm_raw_start(&n, k);

            ck_assert_uint_le(r, len);
            ck_assert_uint_ge(r, prev);
            prev = r;
        }
        for (k = 0; k < 20 && n.len > 0; k++) {
            seed = seed * 1103515245u + 12345u;
            s = (seed >> 8) % n.len;
            seed = seed * 1103515245u + 12345u;
            e = s + 1 + (seed >> 8) % (n.len - s);
            /* A span maps to a raw span in order ... */
            ck_assert_uint_le(tm_norm_raw_start(&n, s), tm_norm_raw_end(&n, e));
            ck_assert_uint_le(tm_norm_raw_end(&n, e), len);
            /* ... and back: the raw start of s maps to s or earlier, to
             * the start of the replacement s lies in. */
            ck_assert_uint_le(tm_norm_from_raw(&n, tm_norm_raw_start(&n, s)),
                              s);
        }
        /* Identity segments map one to one: equal lengths, and equal
         * bytes except where a same-length repair was made. */
        for (k = 0; k < n.nsegs; k++) {
            const struct tm_norm_seg *g = &n.segs[k];

            if (g->identity)
                ck_assert_uint_eq(g->norm_len, g->raw_len);
            else
                ck_assert_uint_eq(tm_norm_from_raw(&n, g->raw), g->norm);
        }
    }
    tm_norm_clear(&n);
    tm_ocr_free(o);
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_normalize_50mb_single_line)
{
    struct tm_pattern_set *set = tm_test_shipped_patterns();
    struct tm_ocr *o = tm_ocr_new(set);
    struct tm_norm n;
    size_t len = 50u << 20, i;
    char *raw = malloc(len);
    static const char prose[] = "the patients were followed up daily and ";
    static const char damage[] = "n = 12, P = 0\xC2\xB7"
                                 "03 and 1x10^6 cells ";

    /* One line, no line break anywhere: prose with some OCR damage every
     * 4 KiB, so every pass and several repair rules have work to do. */
    ck_assert_ptr_nonnull(raw);
    for (i = 0; i < len; i++)
        raw[i] = prose[i % (sizeof prose - 1)];
    for (i = 0; i + sizeof damage < len; i += 4096)
        memcpy(raw + i, damage, sizeof damage - 1);
    tm_norm_init(&n);
    tm_ocr_normalize(o, &n, raw, len, "big", NULL);
    ck_assert(tm_utf8_valid(n.text, n.len, NULL));
    ck_assert_uint_gt(n.len, len / 2);
    ck_assert_ptr_nonnull(strstr(n.text, "P = 0.03 and 1\xC3\x97"
                                         "10^6"));
    ck_assert_uint_eq(tm_norm_raw_end(&n, n.len), len);
    tm_norm_clear(&n);
    tm_ocr_free(o);
    tm_pattern_set_free(set);
    free(raw);
}
END_TEST

/* The seed review: every damaged dose normalizes to its value, and no
 * number outside a repair changes. */
START_TEST(test_normalize_seed_review_doses)
{
    char *path =
        strdup(tm_test_src("../shared/seeds/001_5b48aa60057dbc90.txt"));
    struct tm_pattern_set *set;
    struct tm_ocr *o;
    struct tm_norm n;
    char *raw;
    size_t len, i, k;
    static const char *const want[] = {"infusion of 1\xC3\x97"
                                       "10^6 cells/kg of AT-derived",
                                       "infusions of (100\xC2\xB1"
                                       "20)\xC3\x97"
                                       "10^6 cells UCB-derived",
                                       "infusion of 1\xC3\x97"
                                       "10^6 cells/kg UCB-MSCs",
                                       "infusions of (100 \xC2\xB1"
                                       "20)\xC3\x97 10^6 cells/kg each time",
                                       "a total dose of 2\xC3\x97"
                                       "10^6 cells/kg",
                                       "a single dose of 1\xC3\x97"
                                       "10^6 cells/kg is safe",
                                       "ranges from 1\xC3\x97"
                                       "10^6 cells/kg to 400\xC3\x97"
                                       "10^6 cells/kg"};

    if (access(path, R_OK) != 0) {
        fprintf(stderr, "seed review not found at %s: skipped\n", path);
        free(path);
        return;
    }
    set = tm_test_shipped_patterns();
    o = tm_ocr_new(set);
    raw = tm_test_slurp(path, &len);
    tm_norm_init(&n);
    tm_ocr_normalize(o, &n, raw, len, "seed", NULL);
    for (i = 0; i < sizeof want / sizeof want[0]; i++)
        ck_assert_msg(strstr(n.text, want[i]) != NULL, "missing '%s'", want[i]);
    /* Every digit run of the normalized text either maps to the same
     * bytes in the raw text or lies inside a repair that is not layout. */
    for (i = 0; i < n.len;) {
        size_t s = i, e, rs, re;
        bool repaired = false;

        if (n.text[i] < '0' || n.text[i] > '9') {
            i++;
            continue;
        }
        while (i < n.len &&
               ((n.text[i] >= '0' && n.text[i] <= '9') || n.text[i] == '.'))
            i++;
        e = i;
        rs = tm_norm_raw_start(&n, s);
        re = tm_norm_raw_end(&n, e);
        for (k = 0; k < n.nrepairs; k++)
            repaired |= !n.repairs[k].layout && n.repairs[k].raw_start < re &&
                        n.repairs[k].raw_end > rs;
        if (!repaired)
            ck_assert_msg(re - rs == e - s &&
                              memcmp(raw + rs, n.text + s, e - s) == 0,
                          "number '%.*s' changed from '%.*s'", (int)(e - s),
                          n.text + s, (int)(re - rs), raw + rs);
    }
    tm_norm_clear(&n);
    free(raw);
    free(path);
    tm_ocr_free(o);
    tm_pattern_set_free(set);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("normalize");
    TCase *forms = tcase_create("forms");
    TCase *map = tcase_create("offset map");
    TCase *limits = tcase_create("limits");
    TCase *seed = tcase_create("seed review");

    tcase_add_test(forms, test_normalize_unicode_forms);
    tcase_add_test(forms, test_normalize_layout_forms);
    tcase_add_test(forms, test_normalize_running_heads);
    tcase_add_test(forms, test_normalize_ocr_forms);
    tcase_add_test(map, test_normalize_offsets_map_repairs_to_raw_bytes);
    tcase_add_test(map, test_normalize_offset_map_is_consistent_property);
    tcase_add_test(limits, test_normalize_invalid_utf8_and_empty);
    tcase_add_test(limits, test_normalize_50mb_single_line);
    tcase_set_timeout(limits, 120);
    tcase_add_test(seed, test_normalize_seed_review_doses);
    suite_add_tcase(s, forms);
    suite_add_tcase(s, map);
    suite_add_tcase(s, limits);
    suite_add_tcase(s, seed);
    return tm_test_main(s);
}
