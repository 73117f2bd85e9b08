/* SPDX-License-Identifier: MIT */
/* Tests for utf8: the run of printable ASCII (read eight bytes at a time)
 * is what a byte-by-byte loop finds, for every byte value at every
 * offset, and validation still finds the first bad byte. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "utf8.h"

static size_t
naive_plain_run(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F)
        i++;
    return i;
}

START_TEST(test_utf8_plain_run_every_byte_every_offset)
{
    char buf[40];
    size_t at, len;
    unsigned c;

    for (c = 0; c < 256; c++) {
        for (at = 0; at < 20; at++) {
            memset(buf, 'x', sizeof buf);
            buf[at] = (char)c;
            for (len = 0; len <= sizeof buf; len++)
                ck_assert_uint_eq(tm_utf8_plain_run(buf, len),
                                  naive_plain_run(buf, len));
        }
    }
}
END_TEST

START_TEST(test_utf8_plain_run_random)
{
    char buf[200];
    int round;
    size_t i;

    srand(7);
    for (round = 0; round < 20000; round++) {
        size_t len = (size_t)rand() % sizeof buf, off = (size_t)rand() % 8;

        for (i = 0; i < sizeof buf; i++)
            buf[i] = rand() % 40 == 0 ? (char)(rand() % 256)
                                      : (char)(0x20 + rand() % 95);
        if (off > len)
            off = len;
        ck_assert_uint_eq(tm_utf8_plain_run(buf + off, len - off),
                          naive_plain_run(buf + off, len - off));
    }
}
END_TEST

START_TEST(test_utf8_valid_finds_bad_byte_after_ascii)
{
    static const char *const ok[] = {"", "plain text of some length here",
                                     "caf\xC3\xA9 and \xE2\x80\x93 dash",
                                     "tab\tand\nnewline \x7F del"};
    char bad[64];
    size_t i, at;

    for (i = 0; i < sizeof ok / sizeof ok[0]; i++)
        ck_assert(tm_utf8_valid(ok[i], strlen(ok[i]), NULL));
    for (at = 0; at < 40; at++) {
        memset(bad, 'a', sizeof bad);
        bad[at] = (char)0xC0; /* never valid */
        i = SIZE_MAX;
        ck_assert(!tm_utf8_valid(bad, sizeof bad, &i));
        ck_assert_uint_eq(i, at);
    }
}
END_TEST

/* The spaces a table sets between "N", "=" and digits ("N\u200a=\u200a376"):
 * ASCII, no-break, hair and narrow no-break; not a letter, not a
 * zero-width joiner, not a truncated sequence. */
START_TEST(test_utf8_space_len)
{
    ck_assert_uint_eq(tm_utf8_space_len(" x", 2), 1);
    ck_assert_uint_eq(tm_utf8_space_len("\xE2\x80\x8A=", 4), 3);
    ck_assert_uint_eq(tm_utf8_space_len("\xC2\xA0", 2), 2);
    ck_assert_uint_eq(tm_utf8_space_len("\xE2\x80\xAF", 3), 3);
    ck_assert_uint_eq(tm_utf8_space_len("N", 1), 0);
    ck_assert_uint_eq(tm_utf8_space_len("\xE2\x80\x8D", 3), 0);
    ck_assert_uint_eq(tm_utf8_space_len("\xE2\x80", 2), 0);
    ck_assert_uint_eq(tm_utf8_space_len("", 0), 0);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("utf8");
    TCase *tc = tcase_create("ascii runs");

    tcase_add_test(tc, test_utf8_plain_run_every_byte_every_offset);
    tcase_add_test(tc, test_utf8_plain_run_random);
    tcase_add_test(tc, test_utf8_valid_finds_bad_byte_after_ascii);
    tcase_add_test(tc, test_utf8_space_len);
    suite_add_tcase(s, tc);
    return tm_test_main(s);
}
