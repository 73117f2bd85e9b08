/* SPDX-License-Identifier: MIT */
/* Tests for pattern: the file format, its diagnostics with line and
 * column, defines, maps and the shipped set. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "pattern-int.h"
#include "testutil.h"

/* Load (and compile, if loading succeeded) one pattern file's text. */
static enum tm_status
load_text(const char *text, struct tm_pattern_set **out, struct tm_err *err)
{
    char *path = tm_test_temp_file(text, strlen(text), ".pat");
    struct tm_pattern_set *set = tm_pattern_set_new();
    enum tm_status rc;

    tm_err_clear(err);
    rc = tm_pattern_set_load_file(set, path, err);
    if (rc == TM_OK)
        rc = tm_pattern_set_compile(set, err);
    unlink(path);
    free(path);
    *out = set;
    return rc;
}

START_TEST(test_pattern_loads_a_complete_pattern)
{
    struct tm_pattern_set *set;
    struct tm_err err;
    const struct tm_pattern *p;

    ck_assert_int_eq(load_text("# comment\n"
                               "define num \\d+ (?: \\. \\d+ )?\n"
                               "pattern simple\n"
                               "    type p_value\n"
                               "    priority 5\n"
                               "    regex p \\s* = \\s*\n"
                               "    regex (?<value> (?&num) )\n"
                               "    set comparator =\n"
                               "    require sentence trial\n"
                               "    forbid before 10 NS\n"
                               "    prefilter P= p\n"
                               "    example p = 0.5 in a trial => value=0.5\n"
                               "    negative nothing here\n",
                               &set, &err),
                     TM_OK);
    ck_assert_uint_eq(tm_pattern_set_npatterns(set), 1);
    ck_assert_uint_eq(tm_pattern_set_nexamples(set), 2);
    p = &set->patterns[0];
    ck_assert_str_eq(p->type, "p_value");
    ck_assert_int_eq(p->priority, 5);
    ck_assert_uint_eq(p->nrules, 2);
    ck_assert(p->rules[1].forbid);
    ck_assert_uint_eq(p->rules[1].chars, 10);
    ck_assert_uint_eq(p->ngroups, 1);
    ck_assert_str_eq(p->prefilter.v[0], "p=");
    ck_assert_ptr_nonnull(strstr(p->id, ".pat:simple"));
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_pattern_bad_regex_reports_line_and_column)
{
    struct tm_pattern_set *set;
    struct tm_err err;

    ck_assert_int_eq(load_text("pattern broken\n"
                               "    type p_value\n"
                               "    regex (?<value> \\d+\n"
                               "    regex  [a-\n",
                               &set, &err),
                     TM_ERR_PATTERN);
    ck_assert_uint_eq(err.line, 4);
    ck_assert_uint_ge(err.column, 12);
    ck_assert_ptr_nonnull(strstr(err.msg, "missing terminating ]"));
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_pattern_bad_define_reported_at_define)
{
    struct tm_pattern_set *set;
    struct tm_err err;

    ck_assert_int_eq(load_text("define ok \\d+\n"
                               "define bad \\d+\n"
                               "           | (?<x )\n"
                               "pattern p\n"
                               "    type p_value\n"
                               "    regex (?<value> (?&ok) )\n",
                               &set, &err),
                     TM_ERR_PATTERN);
    ck_assert_uint_eq(err.line, 3);
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_pattern_unknown_directive_and_missing_type)
{
    struct tm_pattern_set *set;
    struct tm_err err;

    ck_assert_int_eq(load_text("pattern p\n"
                               "    regex (?<value>\\d+)\n"
                               "    colour blue\n",
                               &set, &err),
                     TM_ERR_PATTERN);
    ck_assert_uint_eq(err.line, 3);
    ck_assert_uint_eq(err.column, 5);
    /* Both problems are reported, not just the first. */
    ck_assert_uint_eq(tm_pattern_set_ndiags(set), 2);
    ck_assert_ptr_nonnull(strstr(tm_pattern_set_diag(set, 1), "no type"));
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_pattern_group_names_must_be_fields)
{
    struct tm_pattern_set *set;
    struct tm_err err;

    ck_assert_int_eq(load_text("pattern p\n"
                               "    type dose\n"
                               "    regex (?<value>\\d+) (?<colour>red)? "
                               "(?<_private>x)?\n",
                               &set, &err),
                     TM_ERR_PATTERN);
    ck_assert_ptr_nonnull(strstr(err.msg, "colour"));
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_pattern_duplicate_names_and_bad_values)
{
    struct tm_pattern_set *set;
    struct tm_err err;

    ck_assert_int_eq(load_text("pattern p\n"
                               "    type dose\n"
                               "    regex (?<value>\\d+)\n"
                               "pattern p\n"
                               "    type dose\n"
                               "    priority high\n"
                               "    regex (?<value>\\d+)\n"
                               "    require within 5 x\n",
                               &set, &err),
                     TM_ERR_PATTERN);
    ck_assert_uint_eq(err.line, 4);
    ck_assert_uint_ge(tm_pattern_set_ndiags(set), 3);
    tm_pattern_set_free(set);
}
END_TEST

/* min-arm-share: a fraction read onto the pattern; 0, 1.5 or words are
 * refused with the line named. */
START_TEST(test_pattern_min_arm_share)
{
    struct tm_pattern_set *set;
    struct tm_err err;

    ck_assert_int_eq(load_text("pattern p\n"
                               "    type sample_size\n"
                               "    min-arm-share 0.2\n"
                               "    regex (?<value>\\d+)\n",
                               &set, &err),
                     TM_OK);
    ck_assert(set->patterns[0].min_arm_share == 0.2);
    tm_pattern_set_free(set);
    ck_assert_int_eq(load_text("pattern p\n"
                               "    type sample_size\n"
                               "    regex (?<value>\\d+)\n"
                               "    min-arm-share 1.5\n"
                               "pattern q\n"
                               "    type sample_size\n"
                               "    min-arm-share 0\n"
                               "    regex (?<value>\\d+)\n"
                               "pattern r\n"
                               "    type sample_size\n"
                               "    min-arm-share fifth\n"
                               "    regex (?<value>\\d+)\n",
                               &set, &err),
                     TM_ERR_PATTERN);
    ck_assert_uint_eq(err.line, 4);
    ck_assert_uint_eq(tm_pattern_set_ndiags(set), 3);
    ck_assert_ptr_nonnull(strstr(err.msg, "min-arm-share"));
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_pattern_indented_line_outside_pattern)
{
    struct tm_pattern_set *set;
    struct tm_err err;

    ck_assert_int_eq(load_text("map unit cells/kg => cells/kg\n"
                               "    type dose\n",
                               &set, &err),
                     TM_ERR_PATTERN);
    ck_assert_uint_eq(err.line, 2);
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_pattern_from_needs_a_mention_maker_and_no_regex)
{
    struct tm_pattern_set *set;
    struct tm_err err;

    /* A regex beside `from` (found on loading). */
    ck_assert_int_eq(load_text("pattern b\n"
                               "    type dose\n"
                               "    from _n\n"
                               "    regex (?<value>\\d+)\n",
                               &set, &err),
                     TM_ERR_PATTERN);
    ck_assert_ptr_nonnull(strstr(err.msg, "has both"));
    tm_pattern_set_free(set);
    /* Reading a type nobody makes (found on compiling). */
    ck_assert_int_eq(load_text("pattern a\n"
                               "    type sample_size\n"
                               "    from _count\n"
                               "pattern c\n"
                               "    type _n\n"
                               "    regex (?<value>\\d+)\n",
                               &set, &err),
                     TM_ERR_PATTERN);
    ck_assert_uint_eq(err.line, 1);
    ck_assert_ptr_nonnull(strstr(err.msg, "'_count'"));
    tm_pattern_set_free(set);
    /* `from` names an internal type. */
    ck_assert_int_eq(load_text("pattern a\n"
                               "    type sample_size\n"
                               "    from count\n",
                               &set, &err),
                     TM_ERR_PATTERN);
    ck_assert_uint_eq(err.line, 3);
    tm_pattern_set_free(set);
}
END_TEST

/* `unless` belongs to the forbid line before it, one each; its regex is
 * compiled like a rule's and a bad one is reported at its line. */
START_TEST(test_pattern_unless_follows_a_forbid)
{
    struct tm_pattern_set *set;
    struct tm_err err;

    ck_assert_int_eq(load_text("pattern a\n"
                               "    type dose\n"
                               "    regex (?<value>\\d+)\n"
                               "    require after 5 mg\n"
                               "    unless clause kg\n",
                               &set, &err),
                     TM_ERR_PATTERN);
    ck_assert_uint_eq(err.line, 5);
    ck_assert_ptr_nonnull(strstr(err.msg, "forbid"));
    tm_pattern_set_free(set);
    ck_assert_int_eq(load_text("pattern a\n"
                               "    type dose\n"
                               "    regex (?<value>\\d+)\n"
                               "    forbid after 5 mg\n"
                               "    unless after 5 (kg\n",
                               &set, &err),
                     TM_ERR_PATTERN);
    ck_assert_uint_eq(err.line, 5);
    tm_pattern_set_free(set);
    ck_assert_int_eq(load_text("pattern a\n"
                               "    type dose\n"
                               "    regex (?<value>\\d+)\n"
                               "    forbid after 5 mg\n"
                               "    unless after 9 kg\n",
                               &set, &err),
                     TM_OK);
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_pattern_range_condition_is_one_text_field)
{
    struct tm_pattern_set *set;
    struct tm_err err;

    ck_assert_int_eq(load_text("range dose 1 2 unit=mg\n"
                               "range dose 1 2 value=3\n"
                               "range dose 1 2 unit=mg extra\n",
                               &set, &err),
                     TM_ERR_PATTERN);
    ck_assert_uint_eq(err.line, 2);
    ck_assert_uint_eq(tm_pattern_set_ndiags(set), 2);
    tm_pattern_set_free(set);
}
END_TEST

/* Does re match subject? */
static bool
matches(const pcre2_code *re, const char *subject)
{
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    int rc =
        pcre2_match(re, (PCRE2_SPTR)subject, strlen(subject), 0, 0, md, NULL);

    pcre2_match_data_free(md);
    return rc > 0;
}

/* A long define is inlined where a match starts (PCRE2 keeps a start
 * bitmap) and is a subroutine elsewhere (compiled once, not per repeat),
 * with its own options either way. */
START_TEST(test_pattern_long_define_is_a_subroutine_inside)
{
    struct tm_pattern_set *set;
    struct tm_err err;
    const uint8_t *bitmap = NULL;
    uint32_t first = 0;
    size_t once = 0, thrice = 0;

    ck_assert_int_eq(
        load_text(
            "define greek (?: alpha | beta | gamma | delta | epsilon\n"
            "    | zeta | eta | theta | iota | kappa | lambda | mu | nu\n"
            "    | xi | omicron | pi | rho | sigma | tau | upsilon | phi\n"
            "    | chi | psi | omega | aleph | beth | gimel | daleth\n"
            "    | he | vav | zayin | heth | teth | yodh | kaph\n"
            "    | lamedh | mem | nun | samekh | ayin | tsadi | qoph )\n"
            "pattern lead\n"
            "    type p_value\n"
            "    regex (?&greek) \\s+ (?<value> \\d+ )\n"
            "pattern once\n"
            "    type p_value\n"
            "    regex (?i) p \\s+ (?: (?&greek) \\s+ )? (?<value> \\d+ )\n"
            "pattern thrice\n"
            "    type p_value\n"
            "    regex (?i) p \\s+ (?: (?&greek) \\s+ ){0,3} "
            "(?<value> \\d+ )\n",
            &set, &err),
        TM_OK);
    ck_assert_uint_gt(set->defines[0].flat_len, 300);
    pcre2_pattern_info(set->patterns[0].re, PCRE2_INFO_FIRSTBITMAP, &bitmap);
    pcre2_pattern_info(set->patterns[0].re, PCRE2_INFO_FIRSTCODETYPE, &first);
    ck_assert(bitmap != NULL || first != 0);
    pcre2_pattern_info(set->patterns[1].re, PCRE2_INFO_SIZE, &once);
    pcre2_pattern_info(set->patterns[2].re, PCRE2_INFO_SIZE, &thrice);
    ck_assert_uint_lt(thrice, once + once / 2);
    ck_assert(matches(set->patterns[2].re, "P alpha beta kaph 12"));
    /* The regex's (?i) does not reach into the define. */
    ck_assert(!matches(set->patterns[2].re, "P OMEGA 12"));
    ck_assert(matches(set->patterns[2].re, "P 12"));
    tm_pattern_set_free(set);
}
END_TEST

/* Groups nested deeper than the inliner tracks (64): it stops tracking
 * them and still writes the regex whole (a fuzz input wrote past its
 * table of open groups; ASan/UBSan in CI catch that here). */
START_TEST(test_pattern_deep_nesting_inlined)
{
    struct tm_pattern_set *set;
    struct tm_err err;
    struct tm_buf src;
    int i;

    tm_buf_init(&src, 0);
    tm_buf_puts(&src, "define w (?: alpha | beta )\n"
                      "pattern deep\n"
                      "    type p_value\n"
                      "    regex (?&w) \\s+ ");
    for (i = 0; i < 70; i++)
        tm_buf_putc(&src, '(');
    tm_buf_puts(&src, "(?<value> \\d+ )");
    for (i = 0; i < 70; i++)
        tm_buf_putc(&src, ')');
    tm_buf_puts(&src, " \\s+ (?&w)\n");
    ck_assert_int_eq(load_text(src.data, &set, &err), TM_OK);
    ck_assert(matches(set->patterns[0].re, "alpha 12 beta"));
    ck_assert(!matches(set->patterns[0].re, "alpha 12 gamma"));
    tm_pattern_set_free(set);
    tm_buf_clear(&src);
}
END_TEST

/* `label NAME REGEX`: a class the trial model asks about by name, its
 * regex able to call defines; a bad name, a second label of one name, a
 * missing or bad regex are named with their line. */
START_TEST(test_pattern_label_classes)
{
    struct tm_pattern_set *set;
    struct tm_err err;

    ck_assert_int_eq(load_text("define plusword (?i: plus | combined )\n"
                               "label adds-on \\+ | \\b (?&plusword) \\b\n"
                               "label whole ^ (?i: no | not ) $\n",
                               &set, &err),
                     TM_OK);
    ck_assert(tm_pattern_set_label(set, "adds-on", "mEOC+P", 6));
    ck_assert(tm_pattern_set_label(set, "adds-on", "A PLUS B", 8));
    ck_assert(!tm_pattern_set_label(set, "adds-on", "surplus", 7));
    ck_assert(tm_pattern_set_label(set, "whole", "Not", 3));
    ck_assert(!tm_pattern_set_label(set, "whole", "Nothing", 7));
    /* a class no file gives is never found */
    ck_assert(!tm_pattern_set_label(set, "how-much", "standard", 8));
    ck_assert(!tm_pattern_set_label(NULL, "adds-on", "A+B", 3));
    tm_pattern_set_free(set);

    ck_assert_int_eq(load_text("label a b\n"
                               "label a c\n",
                               &set, &err),
                     TM_ERR_PATTERN);
    ck_assert_uint_eq(err.line, 2);
    ck_assert_msg(strstr(err.msg, "already defined") != NULL, "%s", err.msg);
    tm_pattern_set_free(set);
    ck_assert_int_eq(load_text("label a.b x\n", &set, &err), TM_ERR_PATTERN);
    ck_assert_uint_eq(err.line, 1);
    tm_pattern_set_free(set);
    ck_assert_int_eq(load_text("\nlabel lonely\n", &set, &err), TM_ERR_PATTERN);
    ck_assert_uint_eq(err.line, 2);
    ck_assert_msg(strstr(err.msg, "missing regex") != NULL, "%s", err.msg);
    tm_pattern_set_free(set);
    ck_assert_int_eq(load_text("label broken (?:x\n", &set, &err),
                     TM_ERR_PATTERN);
    ck_assert_uint_eq(err.line, 1);
    ck_assert_msg(strstr(err.msg, "label") != NULL, "%s", err.msg);
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_pattern_shipped_set_compiles)
{
    struct tm_pattern_set *set = tm_test_shipped_patterns();

    ck_assert_uint_ge(tm_pattern_set_npatterns(set), 2);
    tm_pattern_set_free(set);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("pattern");
    TCase *load = tcase_create("loading");
    TCase *diag = tcase_create("diagnostics");

    tcase_add_test(load, test_pattern_loads_a_complete_pattern);
    tcase_add_test(load, test_pattern_shipped_set_compiles);
    tcase_add_test(load, test_pattern_label_classes);
    tcase_add_test(load, test_pattern_long_define_is_a_subroutine_inside);
    tcase_add_test(load, test_pattern_deep_nesting_inlined);
    tcase_add_test(load, test_pattern_from_needs_a_mention_maker_and_no_regex);
    tcase_add_test(load, test_pattern_range_condition_is_one_text_field);
    tcase_add_test(diag, test_pattern_bad_regex_reports_line_and_column);
    tcase_add_test(diag, test_pattern_bad_define_reported_at_define);
    tcase_add_test(diag, test_pattern_unknown_directive_and_missing_type);
    tcase_add_test(diag, test_pattern_min_arm_share);
    tcase_add_test(diag, test_pattern_group_names_must_be_fields);
    tcase_add_test(diag, test_pattern_duplicate_names_and_bad_values);
    tcase_add_test(diag, test_pattern_indented_line_outside_pattern);
    tcase_add_test(diag, test_pattern_unless_follows_a_forbid);
    suite_add_tcase(s, load);
    suite_add_tcase(s, diag);
    return tm_test_main(s);
}
