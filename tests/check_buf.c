/* SPDX-License-Identifier: MIT */
/* Tests for buf: growth, the hard cap, formatting and file reading. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "testutil.h"

START_TEST(test_buf_grows_and_stays_terminated)
{
    struct tm_buf b;
    int i;

    tm_buf_init(&b, 0);
    for (i = 0; i < 10000; i++)
        ck_assert(tm_buf_putc(&b, 'a'));
    ck_assert_uint_eq(b.len, 10000);
    ck_assert_int_eq(b.data[b.len], '\0');
    ck_assert(tm_buf_printf(&b, "%d-%s", 42, "x"));
    ck_assert_str_eq(b.data + 10000, "42-x");
    tm_buf_clear(&b);
    ck_assert_ptr_null(b.data);
}
END_TEST

START_TEST(test_buf_cap_refuses_and_keeps_contents)
{
    struct tm_buf b;

    tm_buf_init(&b, 8);
    ck_assert(tm_buf_puts(&b, "12345678"));
    ck_assert(!tm_buf_putc(&b, '9'));
    ck_assert_str_eq(b.data, "12345678");
    tm_buf_clear(&b);
}
END_TEST

START_TEST(test_buf_long_printf)
{
    struct tm_buf b;
    char big[1000];

    memset(big, 'z', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    tm_buf_init(&b, 0);
    ck_assert(tm_buf_printf(&b, "<%s>", big));
    ck_assert_uint_eq(b.len, 1001);
    ck_assert_int_eq(b.data[1000], '>');
    tm_buf_clear(&b);
}
END_TEST

START_TEST(test_buf_read_file_and_missing_file)
{
    struct tm_buf b;
    struct tm_err err;
    char *path = tm_test_temp_file("hello\n", 6, NULL);

    tm_buf_init(&b, 0);
    tm_err_clear(&err);
    ck_assert_int_eq(tm_buf_read_file(&b, path, &err), TM_OK);
    ck_assert_str_eq(b.data, "hello\n");
    ck_assert_int_eq(tm_buf_read_file(&b, "/nonexistent/x", &err),
                     TM_ERR_INPUT);
    ck_assert_ptr_nonnull(strstr(err.msg, "/nonexistent/x"));
    tm_buf_clear(&b);
    tm_buf_init(&b, 3);
    ck_assert_int_eq(tm_buf_read_file(&b, path, &err), TM_ERR_LIMIT);
    tm_buf_clear(&b);
    unlink(path);
    free(path);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("buf");
    TCase *tc = tcase_create("growth and limits");

    tcase_add_test(tc, test_buf_grows_and_stays_terminated);
    tcase_add_test(tc, test_buf_cap_refuses_and_keeps_contents);
    tcase_add_test(tc, test_buf_long_printf);
    tcase_add_test(tc, test_buf_read_file_and_missing_file);
    suite_add_tcase(s, tc);
    return tm_test_main(s);
}
