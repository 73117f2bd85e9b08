/* SPDX-License-Identifier: MIT */
/* Tests for text: the sentence splitter. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "text.h"

/* Split s and compare the sentences with want (NULL-terminated). */
static void
assert_sentences(const char *s, const char *const *want)
{
    struct tm_spans sp = {NULL, 0, 0};
    size_t i, n = 0;

    while (want[n] != NULL)
        n++;
    tm_text_sentences(s, strlen(s), &sp);
    ck_assert_msg(sp.n == n, "'%s': %zu sentences, want %zu", s, sp.n, n);
    for (i = 0; i < n; i++) {
        size_t len = sp.v[i].end - sp.v[i].start;

        ck_assert_msg(strlen(want[i]) == len &&
                          memcmp(s + sp.v[i].start, want[i], len) == 0,
                      "sentence %zu is '%.*s', want '%s'", i, (int)len,
                      s + sp.v[i].start, want[i]);
    }
    tm_spans_clear(&sp);
}

START_TEST(test_text_splits_at_full_stops)
{
    const char *want2[] = {"Twelve patients were enrolled.",
                           "Mortality was 30%.", "Was it?", "Yes!", NULL};

    assert_sentences("  Twelve patients were enrolled. Mortality was 30%. "
                     "Was it? Yes!  ",
                     want2);
}
END_TEST

START_TEST(test_text_keeps_abbreviations_and_decimals)
{
    const char *want[] = {"Zheng et al. recruited 12 patients (35% vs. 46%, "
                          "P=0.09), e.g. in Fig. 2.",
                          "Then 1.5 x 10^6 cells/kg.", NULL};

    assert_sentences("Zheng et al. recruited 12 patients (35% vs. 46%, "
                     "P=0.09), e.g. in Fig. 2. Then 1.5 x 10^6 cells/kg.",
                     want);
}
END_TEST

START_TEST(test_text_citation_before_stop_and_line_breaks)
{
    const char *want[] = {"a mortality rate of 46.1% [2—4].",
                          "Those who survived\nface sequelae [5].", NULL};

    assert_sentences("a mortality rate of 46.1% [2—4]. Those who survived\n"
                     "face sequelae [5].",
                     want);
}
END_TEST

START_TEST(test_text_blank_line_ends_sentence)
{
    const char *want[] = {"Main text", "ARDS is a devas-\ntating disease.",
                          NULL};

    assert_sentences("Main text\n\n  \nARDS is a devas-\ntating disease.\n",
                     want);
}
END_TEST

START_TEST(test_text_lowercase_after_stop_does_not_split)
{
    const char *want[] = {"The dose was 2 mg. per kg and no more.", NULL};

    assert_sentences("The dose was 2 mg. per kg and no more.", want);
}
END_TEST

START_TEST(test_text_empty_and_blank)
{
    const char *want[] = {NULL};

    assert_sentences("", want);
    assert_sentences(" \n\n \t", want);
}
END_TEST

/* A document's sentences are split on first use, once, and a text
 * without any is one span. */
START_TEST(test_text_sentences_split_once_and_never_empty)
{
    struct tm_sentences s;
    const struct tm_spans *a, *b;

    memset(&s, 0, sizeof s);
    tm_sentences_reset(&s, "One. Two.", 9);
    ck_assert(!s.ready);
    a = tm_sentences_get(&s);
    ck_assert_uint_eq(a->n, 2);
    b = tm_sentences_get(&s);
    ck_assert_ptr_eq(a, b);
    ck_assert_uint_eq(b->n, 2);
    tm_sentences_reset(&s, "  ", 2);
    a = tm_sentences_get(&s);
    ck_assert_uint_eq(a->n, 1);
    ck_assert_uint_eq(a->v[0].start, 0);
    ck_assert_uint_eq(a->v[0].end, 2);
    tm_sentences_clear(&s);
}
END_TEST

/* The splitter skips eight bytes at a time to the next '.', '!', '?' or
 * newline: each must be found wherever it falls in such a block. */
/* A whole word, case ignored; a number is whole only with its decimals:
 * "5 mg" is not in "2.5 mg", nor "2" in "2.5". */
START_TEST(test_text_next_word_whole_numbers)
{
    const char *t = "Respimat 2.5 mg vs HandiHaler 5 mg; arm 2";
    size_t n = strlen(t);

    ck_assert_uint_eq(tm_text_next_word(t, n, 0, "5 mg", 4),
                      (size_t)(strstr(t, "5 mg;") - t));
    ck_assert_uint_eq(tm_text_next_word(t, n, 0, "2", 1),
                      (size_t)(strrchr(t, '2') - t));
    ck_assert_uint_eq(tm_text_next_word(t, n, 0, "handihaler", 10),
                      (size_t)(strstr(t, "HandiHaler") - t));
    ck_assert_uint_eq(tm_text_next_word(t, n, 0, "Respi", 5), n);
}
END_TEST

START_TEST(test_text_stop_found_at_every_offset)
{
    static const char ends[] = ".!?\n";
    char buf[64], first[40];
    size_t k, e;

    for (e = 0; e < sizeof ends - 1; e++) {
        for (k = 4; k < 30; k++) {
            const char *want[] = {first, "Then one.", NULL};

            memset(first, 'a', k);
            first[0] = 'A';
            first[k] = ends[e] == '\n' ? '\0' : ends[e];
            first[k + 1] = '\0';
            snprintf(buf, sizeof buf, "%.*s%s%sThen one.", (int)k, first,
                     ends[e] == '\n' ? "\n\n" : (char[]){ends[e], '\0'},
                     ends[e] == '\n' ? "" : " ");
            assert_sentences(buf, want);
        }
    }
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("sentences");

    tcase_add_test(tc, test_text_splits_at_full_stops);
    tcase_add_test(tc, test_text_keeps_abbreviations_and_decimals);
    tcase_add_test(tc, test_text_citation_before_stop_and_line_breaks);
    tcase_add_test(tc, test_text_blank_line_ends_sentence);
    tcase_add_test(tc, test_text_lowercase_after_stop_does_not_split);
    tcase_add_test(tc, test_text_empty_and_blank);
    tcase_add_test(tc, test_text_sentences_split_once_and_never_empty);
    tcase_add_test(tc, test_text_stop_found_at_every_offset);
    tcase_add_test(tc, test_text_next_word_whole_numbers);
    suite_add_tcase(s, tc);
    return tm_test_main(s);
}
