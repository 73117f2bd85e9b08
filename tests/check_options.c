/* SPDX-License-Identifier: MIT */
/*
 * The option table: a letter means one option in every command, help is
 * made from it, and the man page's OPTIONS section is what the table
 * says (TM_MAN_UPDATE=1 rewrites that section, for review with git diff).
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"
#include "testutil.h"

START_TEST(test_options_letters_mean_one_thing)
{
    char why[256] = "";

    ck_assert_msg(tm_options_check(why, sizeof why), "%s", why);
}
END_TEST

/* Run the CLI; returns the exit status, stdout and stderr in out/err. */
static int
cli(char **out, char **err, int argc, const char **argv)
{
    size_t olen = 0, elen = 0;
    FILE *o = open_memstream(out, &olen), *e = open_memstream(err, &elen);
    int st = tm_cli_main(argc, (char **)argv, o, e);

    fclose(o);
    fclose(e);
    return st;
}

START_TEST(test_options_j_is_jobs_everywhere)
{
    const char *text[] = {"trialmine", "text", "-j", "2", "missing.txt"};
    const char *help[] = {"trialmine", "text", "--help"};
    char *out, *err;

    /* text -j 2 FILE read '2' as a file: -j was --json there. */
    ck_assert_int_eq(cli(&out, &err, 5, text), 2);
    ck_assert_ptr_nonnull(strstr(err, "-j (--jobs) is not an option of text"));
    free(out);
    free(err);
    ck_assert_int_eq(cli(&out, &err, 3, help), 0);
    ck_assert_ptr_nonnull(strstr(out, "      --json "));
    ck_assert_ptr_null(strstr(out, "-j,"));
    free(out);
    free(err);
}
END_TEST

START_TEST(test_options_help_lists_every_row_of_the_command)
{
    const char *argv[] = {"trialmine", "run", "--help"};
    const struct tm_option *o;
    size_t n, i;
    char *out, *err, want[64];

    ck_assert_int_eq(cli(&out, &err, 3, argv), 0);
    o = tm_options(&n);
    for (i = 0; i < n; i++) {
        if (!(o[i].cmds & TM_CMD_RUN))
            continue;
        snprintf(want, sizeof want, "--%s", o[i].name);
        ck_assert_msg(strstr(out, want) != NULL, "run --help lacks %s", want);
    }
    free(out);
    free(err);
}
END_TEST

START_TEST(test_options_man_page_section_is_generated)
{
    const char *path = tm_test_src("man/trialmine.1");
    static const char begin[] = ".\\\" BEGIN GENERATED OPTIONS\n";
    static const char end[] = ".\\\" END GENERATED OPTIONS\n";
    char *man, *gen = NULL, *b, *e;
    size_t len, glen = 0;
    FILE *f = open_memstream(&gen, &glen);

    tm_options_man(f);
    fclose(f);
    man = tm_test_slurp(path, &len);
    ck_assert_ptr_nonnull(man);
    b = strstr(man, begin);
    e = strstr(man, end);
    ck_assert_msg(b != NULL && e != NULL && e > b, "markers missing in %s",
                  path);
    b += strlen(begin);
    if ((size_t)(e - b) != glen || memcmp(b, gen, glen) != 0) {
        const char *upd = getenv("TM_MAN_UPDATE");

        if (upd != NULL && strcmp(upd, "1") == 0) {
            FILE *w = fopen(path, "w");

            ck_assert_ptr_nonnull(w);
            fwrite(man, 1, (size_t)(b - man), w);
            fwrite(gen, 1, glen, w);
            fputs(e, w);
            ck_assert_int_eq(fclose(w), 0);
        } else {
            ck_abort_msg("%s: the OPTIONS section differs from the option "
                         "table; run TM_MAN_UPDATE=1 make check "
                         "TESTS=tests/check_options",
                         path);
        }
    }
    free(man);
    free(gen);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("options");
    TCase *table = tcase_create("table");
    TCase *cli_tc = tcase_create("command line");
    TCase *man = tcase_create("man page");

    tcase_add_test(table, test_options_letters_mean_one_thing);
    tcase_add_test(cli_tc, test_options_j_is_jobs_everywhere);
    tcase_add_test(cli_tc, test_options_help_lists_every_row_of_the_command);
    tcase_add_test(man, test_options_man_page_section_is_generated);
    suite_add_tcase(s, table);
    suite_add_tcase(s, cli_tc);
    suite_add_tcase(s, man);
    return tm_test_main(s);
}
