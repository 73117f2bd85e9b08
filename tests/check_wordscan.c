/* SPDX-License-Identifier: MIT */
/* Tests for wordscan: the words found are those a search of the
 * lower-cased text finds, for overlapping words, words inside words,
 * upper-case text, NUL bytes and random text. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "wordscan.h"

/* The reference: a lower-cased copy searched with strstr for words of two
 * or more bytes (so not past a NUL), the byte set for one-byte words. */
static void
naive(const char *const *words, size_t n, const char *text, size_t len,
      uint64_t *present)
{
    char *low = malloc(len + 1);
    size_t i, w;

    for (i = 0; i < len; i++)
        low[i] =
            (char)(text[i] >= 'A' && text[i] <= 'Z' ? text[i] + 32 : text[i]);
    low[len] = '\0';
    for (w = 0; w < n; w++) {
        size_t wl = strlen(words[w]);
        bool found = false;

        if (wl == 1)
            found = memchr(low, words[w][0], len) != NULL;
        else if (wl > 1)
            found = strstr(low, words[w]) != NULL;
        if (found)
            present[w / 64] |= (uint64_t)1 << (w % 64);
    }
    free(low);
}

static void
check_text(const struct tm_wordscan *ws, const char *const *words, size_t n,
           const char *text, size_t len)
{
    uint64_t got[4] = {0}, want[4] = {0};

    ck_assert_uint_le(n, 256);
    tm_wordscan_run(ws, text, len, got);
    naive(words, n, text, len, want);
    ck_assert_mem_eq(got, want, sizeof got);
}

START_TEST(test_wordscan_overlaps_and_case)
{
    const char *words[] = {"he",   "she", "his", "hers", "e", "%",
                           "died", "ie",  "µg",  "Up",   "",  "hers"};
    size_t n = sizeof words / sizeof *words;
    struct tm_wordscan *ws = tm_wordscan_new(words, n);
    uint64_t got[1] = {0};

    tm_wordscan_run(ws, "uSHERS DIED, 5% µg up",
                    strlen("uSHERS DIED, 5% µg up"), got);
    /* he she hers e % died ie µg and the second hers; never "Up" or "". */
    ck_assert_uint_eq(got[0], 0x9fbu);
    check_text(ws, words, n, "ahishers", 8);
    check_text(ws, words, n, "h", 1);
    check_text(ws, words, n, "", 0);
    tm_wordscan_free(ws);
}
END_TEST

START_TEST(test_wordscan_nul_ends_long_words_only)
{
    const char *words[] = {"ab", "b", "c", "bc"};
    struct tm_wordscan *ws = tm_wordscan_new(words, 4);
    uint64_t got[1] = {0};

    tm_wordscan_run(ws, "xa\0bcAB", 7, got);
    /* "ab" only after the NUL: not found; "b" and "c" are, anywhere. */
    ck_assert_uint_eq(got[0], 0x6u);
    check_text(ws, words, 4, "xa\0bcAB", 7);
    tm_wordscan_free(ws);
}
END_TEST

START_TEST(test_wordscan_random_against_strstr)
{
    const char alphabet[] = "abcAB %0\xc2\xb5";
    char *words[200];
    char text[300];
    size_t n = 0, i, round;
    struct tm_wordscan *ws;

    srand(7);
    for (n = 0; n < 200; n++) {
        size_t wl = 1 + (size_t)rand() % 5;

        words[n] = malloc(wl + 1);
        for (i = 0; i < wl; i++)
            words[n][i] = alphabet[rand() % (sizeof alphabet - 1)];
        words[n][wl] = '\0';
    }
    ws = tm_wordscan_new((const char *const *)words, n);
    for (round = 0; round < 2000; round++) {
        size_t len = (size_t)rand() % sizeof text;

        for (i = 0; i < len; i++)
            text[i] = rand() % 500 == 0
                          ? '\0'
                          : alphabet[rand() % (sizeof alphabet - 1)];
        check_text(ws, (const char *const *)words, n, text, len);
    }
    tm_wordscan_free(ws);
    for (i = 0; i < n; i++)
        free(words[i]);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("wordscan");
    TCase *tc = tcase_create("words found");

    tcase_add_test(tc, test_wordscan_overlaps_and_case);
    tcase_add_test(tc, test_wordscan_nul_ends_long_words_only);
    tcase_add_test(tc, test_wordscan_random_against_strstr);
    suite_add_tcase(s, tc);
    return tm_test_main(s);
}
