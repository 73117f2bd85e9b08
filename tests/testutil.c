/* SPDX-License-Identifier: MIT */
/*
 * testutil: shared helpers for the Check programs.
 */
#include "config.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pattern.h"

int
tm_test_main(Suite *s)
{
    SRunner *sr = srunner_create(s);
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

const char *
tm_test_src(const char *rel)
{
    static char path[4096];
    const char *top = getenv("TM_TOP_SRCDIR");

    snprintf(path, sizeof path, "%s/%s", top ? top : TM_SRCDIR, rel);
    return path;
}

char *
tm_test_temp_file(const char *data, size_t len, const char *suffix)
{
    char tmpl[] = "/tmp/trialmine-test-XXXXXX";
    char *path;
    int fd = mkstemp(tmpl);
    FILE *f;

    ck_assert_int_ge(fd, 0);
    f = fdopen(fd, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, len, f), len);
    ck_assert_int_eq(fclose(f), 0);
    if (suffix == NULL)
        return strdup(tmpl);
    path = malloc(strlen(tmpl) + strlen(suffix) + 1);
    ck_assert_ptr_nonnull(path);
    strcpy(path, tmpl);
    strcat(path, suffix);
    ck_assert_int_eq(rename(tmpl, path), 0);
    return path;
}

char *
tm_test_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0, got;

    ck_assert_msg(f != NULL, "cannot open %s", path);
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = (n + 4096 + 1) * 2;
            buf = realloc(buf, cap);
            ck_assert_ptr_nonnull(buf);
        }
        got = fread(buf + n, 1, 4096, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    buf[n] = '\0';
    if (len != NULL)
        *len = n;
    return buf;
}

struct tm_pattern_set *
tm_test_shipped_patterns(void)
{
    struct tm_pattern_set *set = tm_pattern_set_new();
    struct tm_err err;

    tm_err_clear(&err);
    ck_assert_msg(tm_pattern_set_load_dir(set, tm_test_src("patterns"), &err) ==
                      TM_OK,
                  "%s", err.msg);
    ck_assert_msg(tm_pattern_set_compile(set, &err) == TM_OK, "%s", err.msg);
    return set;
}
