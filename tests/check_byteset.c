/* SPDX-License-Identifier: MIT */
/* Tests for byteset: adding a text's bytes, short (a bit per byte) or
 * long (flags turned into bits eight at a time), gives the set that
 * adding each byte gives, and keeps what the set held. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "byteset.h"
#include "testutil.h"

static void
check_same(const char *p, size_t n)
{
    struct tm_byteset fast, slow;
    size_t i;

    tm_byteset_clear(&fast);
    tm_byteset_clear(&slow);
    tm_byteset_add(&fast, 'q');
    tm_byteset_add(&slow, 'q');
    tm_byteset_add_bytes(&fast, p, n);
    for (i = 0; i < n; i++)
        tm_byteset_add(&slow, (unsigned char)p[i]);
    ck_assert(memcmp(&fast, &slow, sizeof fast) == 0);
}

START_TEST(test_byteset_every_byte_value)
{
    char buf[300];
    unsigned c;

    for (c = 0; c < 256; c++) {
        memset(buf, 'a', sizeof buf);
        buf[c % sizeof buf] = (char)c;
        check_same(buf, sizeof buf);
        check_same(buf + 250, 50);
    }
}
END_TEST

START_TEST(test_byteset_random_lengths)
{
    char buf[2000];
    int round;
    size_t i;

    srand(11);
    for (round = 0; round < 3000; round++) {
        size_t n = (size_t)rand() % sizeof buf;
        int spread = 1 + rand() % 256;

        for (i = 0; i < n; i++)
            buf[i] = (char)(rand() % spread);
        check_same(buf, n);
    }
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("byteset");
    TCase *tc = tcase_create("bytes added");

    tcase_add_test(tc, test_byteset_every_byte_value);
    tcase_add_test(tc, test_byteset_random_lengths);
    suite_add_tcase(s, tc);
    return tm_test_main(s);
}
