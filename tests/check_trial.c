/* SPDX-License-Identifier: MIT */
/* Tests for trial: scopes from the arithmetic of a document's counts. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "testutil.h"
#include "trial.h"

/* A document of text with sample sizes at the first occurrence of each
 * surface in surf[], scoped as scope[] (NULL-terminated), attributed to
 * study[] (NULL: none); runs the pass and returns the scopes joined. */
static char *
rescope(const char *text, const char *const *surf, const char *const *scope,
        const char *const *study)
{
    struct tm_doc doc;
    struct tm_records rs = {0};
    struct tm_spans sp = {NULL, 0, 0};
    char out[256] = "";
    size_t i;

    tm_doc_init(&doc, TM_DOC_TEXT);
    doc.text = tm_xstrdup(text);
    doc.len = strlen(text);
    for (i = 0; surf[i] != NULL; i++) {
        struct tm_record *r = tm_records_push(&rs);
        const char *at = strstr(text, surf[i]);

        ck_assert_ptr_nonnull(at);
        r->type = tm_xstrdup("sample_size");
        r->value = atof(surf[i]);
        r->has = TM_HAS_VALUE;
        r->start = (size_t)(at - text);
        r->end = r->start + strlen(surf[i]);
        r->scope = tm_xstrdup(scope[i]);
        if (study != NULL && study[i] != NULL)
            r->study = tm_xstrdup(study[i]);
    }
    tm_trial_scopes(&doc, &rs, &sp);
    for (i = 0; i < rs.n; i++) {
        strcat(out, rs.v[i].scope);
        strcat(out, i + 1 < rs.n ? "," : "");
    }
    tm_records_clear(&rs);
    tm_spans_clear(&sp);
    tm_doc_clear(&doc);
    return tm_xstrdup(out);
}

START_TEST(test_trial_parts_that_sum_to_a_stated_count_are_arms)
{
    const char *surf[] = {"222", "112", "110", "222 p", NULL};
    const char *scope[] = {"arm", "total", "arm", "arm"};
    char *got = rescope("We randomized 222 participants. Of them, 112 got MSC "
                        "and 110 placebo. All 222 patients were analysed.",
                        surf, scope, NULL);

    ck_assert_str_eq(got, "total,arm,arm,total");
    free(got);
}
END_TEST

START_TEST(test_trial_three_arms_and_subgroups_kept)
{
    const char *surf[] = {"90", "30 a", "30 b", "30 c", "12", NULL};
    const char *scope[] = {"arm", "total", "total", "total", "subgroup"};
    char *got = rescope("In all 90 were enrolled. Groups: 30 a, 30 b and "
                        "30 c. Of these, 12 had sepsis.",
                        surf, scope, NULL);

    ck_assert_str_eq(got, "total,arm,arm,arm,subgroup");
    free(got);
}
END_TEST

START_TEST(test_trial_no_partition_across_sentences_studies_or_small_sums)
{
    /* Parts in different sentences; parts of different studies; a sum
     * under ten (2 + 3 = 5). */
    const char *surf1[] = {"40", "20 x", "20 y", NULL};
    const char *scope1[] = {"arm", "total", "total"};
    const char *surf2[] = {"40", "20 x", "20 y", NULL};
    const char *study2[] = {"A", "A", "B"};
    const char *surf3[] = {"5", "2 x", "3 y", NULL};
    char *got;

    got = rescope("Of 40 patients. Then 20 x. And 20 y.", surf1, scope1, NULL);
    ck_assert_str_eq(got, "arm,total,total");
    free(got);
    got = rescope("Of 40 patients, 20 x and 20 y.", surf2, scope1, study2);
    ck_assert_str_eq(got, "arm,total,total");
    free(got);
    got = rescope("Of 5 patients, 2 x and 3 y.", surf3, scope1, NULL);
    ck_assert_str_eq(got, "arm,total,total");
    free(got);
}
END_TEST

START_TEST(test_trial_subgroup_no_count_exceeds_is_the_whole)
{
    const char *surf[] = {"2 p", "40", "12", NULL};
    const char *scope[] = {"subgroup", "subgroup", "subgroup"};
    const char *study[] = {"A", "B", "B"};
    char *got = rescope("A reported 2 patients with ARDS. B had 40 with "
                        "sepsis, 12 of them in shock.",
                        surf, scope, study);

    /* A's only count keeps its scope; B's largest is B's total. */
    ck_assert_str_eq(got, "subgroup,total,subgroup");
    free(got);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("trial");
    TCase *tc = tcase_create("scopes");

    tcase_add_test(tc, test_trial_parts_that_sum_to_a_stated_count_are_arms);
    tcase_add_test(tc, test_trial_three_arms_and_subgroups_kept);
    tcase_add_test(
        tc, test_trial_no_partition_across_sentences_studies_or_small_sums);
    tcase_add_test(tc, test_trial_subgroup_no_count_exceeds_is_the_whole);
    suite_add_tcase(s, tc);
    return tm_test_main(s);
}
