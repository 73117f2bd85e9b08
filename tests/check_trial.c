/* SPDX-License-Identifier: MIT */
/* Tests for trial: scopes from the arithmetic of a document's counts, and
 * the trial model (design, label, registry id, arms). */
#include "config.h"

#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "err.h"
#include "extract.h"
#include "pattern.h"
#include "testutil.h"
#include "trial.h"

/* A document of text with sample sizes at the first occurrence of each
 * surface in surf[], scoped as scope[] (NULL-terminated), attributed to
 * study[] (NULL: none); runs the pass, with the lists of the shipped
 * patterns/common.pat, and returns the scopes joined. */
static char *
rescope(const char *text, const char *const *surf, const char *const *scope,
        const char *const *study)
{
    struct tm_pattern_set *set = tm_pattern_set_new();
    struct tm_extractor *ex;
    struct tm_err err;
    struct tm_doc doc;
    struct tm_records rs = {0};
    struct tm_sentences sp;
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
    tm_err_clear(&err);
    ck_assert_msg(tm_pattern_set_load_file(
                      set, tm_test_src("patterns/common.pat"), &err) == TM_OK,
                  "%s", err.msg);
    ck_assert_msg(tm_pattern_set_compile(set, &err) == TM_OK, "%s", err.msg);
    ex = tm_extractor_new(set);
    memset(&sp, 0, sizeof sp);
    tm_sentences_reset(&sp, doc.text, doc.len);
    tm_trial_scopes(&doc, &rs, &sp, ex);
    tm_extractor_free(ex);
    tm_pattern_set_free(set);
    for (i = 0; i < rs.n; i++) {
        strcat(out, rs.v[i].scope);
        strcat(out, i + 1 < rs.n ? "," : "");
    }
    tm_records_clear(&rs);
    tm_sentences_clear(&sp);
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
    const char *surf3[] = {"5", "2 had", "3 had", NULL};
    char *got;

    got = rescope("Of 40 patients. Then 20 x. And 20 y.", surf1, scope1, NULL);
    ck_assert_str_eq(got, "arm,total,total");
    free(got);
    got = rescope("Of 40 patients, 20 x and 20 y.", surf2, scope1, study2);
    ck_assert_str_eq(got, "arm,total,total");
    free(got);
    got = rescope("Of 5 patients, 2 had x and 3 had y.", surf3, scope1, NULL);
    ck_assert_str_eq(got, "arm,total,total");
    free(got);
}
END_TEST

START_TEST(test_trial_counts_listed_together_are_arms)
{
    /* "61 and 59 patients": parts of something, whatever the clause
     * said; "45 (37%) and 47"; "30, 31 and 29"; not counts with words
     * between them ("12 men and 13 women"), nor a list with a subgroup
     * in it, nor one joined by commas alone. */
    static const struct {
        const char *text, *surf[6], *scope[5], *want;
    } cases[] = {
        {"This left 61 and 59 patients for analysis.",
         {"61", "59", NULL},
         {"total", "total"},
         "arm,arm"},
        {"In all, 45 (37%) and 47 (39%) completed.",
         {"45", "47", NULL},
         {"total", "total"},
         "arm,arm"},
        {"Data of 30, 31 and 29 volunteers were analysed.",
         {"30", "31", "29", NULL},
         {"total", "total", "total"},
         "arm,arm,arm"},
        {"The trial enrolled 12 men and 13 women.",
         {"12", "13", NULL},
         {"total", "total"},
         "total,total"},
        {"This left 61 and 59 patients with sepsis.",
         {"61", "59", NULL},
         {"total", "subgroup"},
         "total,subgroup"},
        {"Of 222, 112 and 110 were analysed.",
         {"222", "112", "110", NULL},
         {"total", "total", "total"},
         "total,arm,arm"},
        {"A total of 43 enrolled. Tests on 23, 20, 13 and 10 were done.",
         {"43", "23", "20", "13", "10", NULL},
         {"arm", "total", "total", "total", "total"},
         "arm,arm,arm,arm,arm"},
        {"We randomized 120, 60 per arm.",
         {"120", "60", NULL},
         {"total", "total"},
         "total,total"},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = rescope(cases[i].text, cases[i].surf, cases[i].scope, NULL);

        ck_assert_msg(strcmp(got, cases[i].want) == 0, "%s: got %s, want %s",
                      cases[i].text, got, cases[i].want);
        free(got);
    }
}
END_TEST

/* The raw document text between two counts may be invalid UTF-8 (the
 * extraction read its repaired copy): no list there, and no regex runs
 * over it (a UTF regex over invalid bytes read past the buffer: a fuzzer
 * found it). */
START_TEST(test_trial_list_gap_of_invalid_utf8_is_no_list)
{
    const char *surf[] = {"61", "59", NULL};
    const char *scope[] = {"total", "total"};
    char *got = rescope("This left 61 \xfe\xff\xff\xcb and 59 patients.", surf,
                        scope, NULL);

    ck_assert_str_eq(got, "total,total");
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

/* ------------------------------------------------------------------ */
/* The trial model                                                     */
/* ------------------------------------------------------------------ */

/* Push an internal record found at the first occurrence of surf in
 * doc's text (from offset from), in section sec. */
static void
add(struct tm_records *rs, const struct tm_doc *doc, const char *surf,
    size_t from, const char *type, const char *scope, const char *group,
    double value, const char *sec)
{
    struct tm_record *r = tm_records_push(rs);
    const char *at = strstr(doc->text + from, surf);

    ck_assert_ptr_nonnull(at);
    r->type = tm_xstrdup(type);
    r->start = (size_t)(at - doc->text);
    r->end = r->start + strlen(surf);
    r->section = tm_xstrdup(sec);
    if (scope != NULL)
        r->scope = tm_xstrdup(scope);
    if (group != NULL)
        r->group = tm_xstrdup(group);
    if (value > 0) {
        r->value = value;
        r->has = TM_HAS_VALUE;
    }
}

/* A document of text, its records, scratch and the trial built. */
struct fx {
    struct tm_doc doc;
    struct tm_records rs;
    struct tm_sentences sp;
    struct tm_trial t;
    const struct tm_pattern_set *set; /* the shipped patterns */
};

/* The shipped pattern files, loaded once: their label classes
 * (arms.pat) are the trial model's vocabulary. */
static const struct tm_pattern_set *
shipped(void)
{
    static struct tm_pattern_set *set;

    if (set == NULL)
        set = tm_test_shipped_patterns();
    return set;
}

static void
fx_init(struct fx *f, const char *text)
{
    memset(f, 0, sizeof *f);
    tm_doc_init(&f->doc, TM_DOC_PMC);
    f->doc.text = tm_xstrdup(text);
    f->doc.len = strlen(text);
    tm_sentences_reset(&f->sp, f->doc.text, f->doc.len);
    tm_trial_init(&f->t);
    f->set = shipped();
}

static void
fx_clear(struct fx *f)
{
    tm_trial_clear(&f->t);
    tm_records_clear(&f->rs);
    tm_sentences_clear(&f->sp);
    tm_doc_clear(&f->doc);
}

START_TEST(test_trial_design_from_pubtypes_title_and_abstract)
{
    struct fx f;

    fx_init(&f, "A randomised trial. We used a 2 x 2 factorial design. "
                "A meta-analysis found less.");
    add(&f.rs, &f.doc, "randomised", 0, "_design", "randomized-parallel", NULL,
        0, "title");
    add(&f.rs, &f.doc, "2 x 2 factorial", 0, "_design", "randomized-factorial",
        NULL, 0, "abstract/Methods");
    add(&f.rs, &f.doc, "meta-analysis", 0, "_design", "meta-analysis", NULL, 0,
        "abstract/Background");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    /* A factorial word refines the title's randomized; a meta-analysis
     * cited in the abstract does not make the paper one. */
    ck_assert_str_eq(f.t.design, "randomized-factorial");
    ck_assert(tm_trial_design_is_primary(f.t.design));

    /* The publication type says review: it outranks the text. */
    tm_strv_push(&f.doc.pubtypes, "Journal Article");
    tm_strv_push(&f.doc.pubtypes, "Review");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_str_eq(f.t.design, "review");
    ck_assert(!tm_trial_design_is_primary(f.t.design));
    ck_assert(tm_trial_design_is_primary(NULL));

    fx_clear(&f);
}
END_TEST

/* Designs the introduction or the discussion names are the cited
 * studies' ("A randomized crossover study of 13 patients [14]"), not the
 * report's; its methods' are its own. */
START_TEST(test_trial_design_not_from_cited_studies)
{
    struct fx f;

    fx_init(&f, "A randomized trial. A crossover study of 13 patients [14]. "
                "We used a crossover design.");
    add(&f.rs, &f.doc, "randomized", 0, "_design", "randomized-parallel", NULL,
        0, "title");
    add(&f.rs, &f.doc, "crossover study", 0, "_design", "randomized-crossover",
        NULL, 0, "body/Introduction");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_str_eq(f.t.design, "randomized-parallel");

    add(&f.rs, &f.doc, "crossover design", 0, "_design", "randomized-crossover",
        NULL, 0, "body/Methods/Background checks");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    /* Only the top-level section counts: a methods subsection whose name
     * holds "background" is the report's own. */
    ck_assert_str_eq(f.t.design, "randomized-crossover");
    fx_clear(&f);
}
END_TEST

/* A report that names itself a secondary analysis of a trial in its
 * title or abstract is one, though PubMed types it as the trial; its
 * results' own "post hoc analysis" is not. */
START_TEST(test_trial_secondary_analysis_from_title_or_abstract)
{
    struct fx f;

    fx_init(&f, "Post hoc analysis of a randomized trial. A randomized trial. "
                "In a post hoc analysis of the trial, deaths fell.");
    tm_strv_push(&f.doc.pubtypes, "Randomized Controlled Trial");
    add(&f.rs, &f.doc, "randomized trial. ", 0, "_design",
        "randomized-parallel", NULL, 0, "abstract/Methods");
    add(&f.rs, &f.doc, "In a post hoc analysis", 0, "_design",
        "secondary-analysis", NULL, 0, "body/Results");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_str_eq(f.t.design, "randomized-parallel");

    add(&f.rs, &f.doc, "Post hoc analysis", 0, "_design", "secondary-analysis",
        NULL, 0, "title");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_str_eq(f.t.design, "secondary-analysis");
    /* Its people are its own trial's: a primary study to model, and one
     * the study table flags. */
    ck_assert(tm_trial_design_is_primary(f.t.design));
    ck_assert(tm_trial_design_is_secondary(f.t.design));
    ck_assert(!tm_trial_design_is_secondary("randomized-parallel"));
    fx_clear(&f);
}
END_TEST

START_TEST(test_trial_label_and_registry)
{
    struct fx f;

    fx_init(&f, "Methods cite NCT00000009. Ours is NCT00000002. "
                "Again NCT00000002.");
    f.doc.first_author = tm_xstrdup("Xiao");
    f.doc.year = 2008;
    add(&f.rs, &f.doc, "NCT00000009", 0, "_registry", NULL, "NCT00000009", 0,
        "body/Methods");
    add(&f.rs, &f.doc, "NCT00000002", 0, "_registry", NULL, "NCT00000002", 0,
        "body/Methods");
    add(&f.rs, &f.doc, "NCT00000002", 30, "_registry", NULL, "NCT00000002", 0,
        "body/Discussion");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_str_eq(f.t.label, "Xiao 2008");
    /* Named most often. */
    ck_assert_str_eq(f.t.registry, "NCT00000002");
    /* One in the abstract wins over counts; the metadata over both. */
    free(f.rs.v[0].section);
    f.rs.v[0].section = tm_xstrdup("abstract");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_str_eq(f.t.registry, "NCT00000009");
    tm_strv_push(&f.doc.registries, "ISRCTN12345678");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_str_eq(f.t.registry, "ISRCTN12345678");

    fx_clear(&f);
}
END_TEST

START_TEST(test_trial_arms_that_add_up_with_roles_by_what_they_receive)
{
    struct fx f;

    fx_init(&f, "Placebo (n = 77) and drug (n = 8) were dosed. "
                "We randomized 159 patients to placebo (n = 77) or "
                "drug (n = 82). Next.");
    add(&f.rs, &f.doc, "(n = 77)", 0, "_armsize", "control", "Placebo", 77,
        "abstract");
    add(&f.rs, &f.doc, "(n = 8)", 0, "_armsize", NULL, "drug", 8, "abstract");
    add(&f.rs, &f.doc, "159", 0, "sample_size", "total", NULL, 159, "abstract");
    add(&f.rs, &f.doc, "randomized", 0, "_design", "randomized-parallel", NULL,
        0, "abstract");
    add(&f.rs, &f.doc, "(n = 77)", 50, "_armsize", "control", "placebo", 77,
        "abstract");
    add(&f.rs, &f.doc, "(n = 82)", 0, "_armsize", NULL, "drug", 82, "abstract");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    /* The second sentence's arms add up to the stated 159, though the
     * first lists a placebo arm first: the control is placebo because
     * of what it receives, not because of where it stands. */
    ck_assert_uint_eq(f.t.narms, 2);
    ck_assert_str_eq(f.t.arms[0].label, "placebo");
    ck_assert(f.t.arms[0].control);
    ck_assert_str_eq(f.t.arms[1].label, "drug");
    ck_assert(!f.t.arms[1].control);
    ck_assert_int_eq(f.t.arms[1].n, 82);
    ck_assert(f.t.has_total);
    ck_assert_int_eq(f.t.n_total, 159);

    fx_clear(&f);
}
END_TEST

/* Arms named where the trial allocates, without sizes, are the arms when
 * no sentence gives sized arms with a control; an allocation with a
 * control outranks a sized list of something else (adverse events); the
 * size comes from another sentence that names the same arm. */
START_TEST(test_trial_arms_from_the_allocation_sentence)
{
    struct fx f;

    fx_init(&f, "Headache (n = 1) and dizziness (n = 1) occurred. "
                "Patients were randomized to cilostazol or placebo. "
                "Cilostazol (n = 23) was well tolerated.");
    add(&f.rs, &f.doc, "(n = 1)", 0, "_armsize", NULL, "headache", 1,
        "abstract");
    add(&f.rs, &f.doc, "(n = 1)", 20, "_armsize", NULL, "dizziness", 1,
        "abstract");
    add(&f.rs, &f.doc, "randomized", 0, "_design", "randomized-parallel", NULL,
        0, "abstract");
    add(&f.rs, &f.doc, "cilostazol", 0, "_armname", NULL, "cilostazol", 0,
        "abstract");
    add(&f.rs, &f.doc, "placebo", 0, "_armname", "control", "placebo", 0,
        "abstract");
    add(&f.rs, &f.doc, "(n = 23)", 0, "_armsize", NULL, "Cilostazol", 23,
        "abstract");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_uint_eq(f.t.narms, 2);
    ck_assert_str_eq(f.t.arms[0].label, "cilostazol");
    ck_assert(!f.t.arms[0].control);
    ck_assert_int_eq(f.t.arms[0].n, 23);
    ck_assert_str_eq(f.t.arms[1].label, "placebo");
    ck_assert(f.t.arms[1].control);
    ck_assert_int_eq(f.t.arms[1].n, 0); /* not stated */

    fx_clear(&f);
}
END_TEST

/* The allocation "randomized to MSCs or placebo", and a size for each
 * arm at the text surf (an _eachsize record of value v). */
static void
allocated_each(struct fx *f, const char *surf, double v)
{
    tm_records_clear(&f->rs);
    add(&f->rs, &f->doc, "randomized", 0, "_design", "randomized-parallel",
        NULL, 0, "abstract");
    add(&f->rs, &f->doc, "MSCs", 0, "_armname", NULL, "MSCs", 0, "abstract");
    add(&f->rs, &f->doc, "placebo", 0, "_armname", "control", "placebo", 0,
        "abstract");
    add(&f->rs, &f->doc, surf, 0, "_eachsize", NULL, NULL, v, "abstract");
}

/* "randomized to MSCs or placebo (n = 10 per group)": one size after the
 * allocation in its sentence is every arm's that has none of its own;
 * not a size stated in a later sentence. */
START_TEST(test_trial_one_size_for_each_allocated_arm)
{
    struct fx f;

    fx_init(&f, "Adults were randomized to MSCs or placebo (n = 10 per "
                "group). MSCs (n = 12) were thawed. Later, over the whole "
                "study period of two years at the three sites, n = 7 per "
                "group were imaged.");
    allocated_each(&f, "n = 10 per group", 10);
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_uint_eq(f.t.narms, 2);
    ck_assert_int_eq(f.t.arms[0].n, 10);
    ck_assert_int_eq(f.t.arms[1].n, 10);
    /* A size of the arm's own wins over the one for each. */
    add(&f.rs, &f.doc, "(n = 12)", 0, "_armsize", NULL, "MSCs", 12, "abstract");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_int_eq(f.t.arms[0].n, 12);
    ck_assert_int_eq(f.t.arms[1].n, 10);
    /* In a later sentence: not the arms' size. */
    allocated_each(&f, "n = 7 per group", 7);
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_int_eq(f.t.arms[0].n, 0);
    ck_assert_int_eq(f.t.arms[1].n, 0);

    fx_clear(&f);
}
END_TEST

/* A death count in one arm, with the arm's randomized size from the
 * trial model, is a mortality marked as derived; not a cited trial's
 * count, and not where the text gives the mortality itself. */
START_TEST(test_trial_arm_mortality_from_deaths_and_arm_size)
{
    struct fx f;
    const struct tm_record *m = NULL;
    size_t i, nm = 0;

    fx_init(&f, "Patients were randomized to a control group (n = 16) or "
                "drug (n = 17). Five patients died in the control group. "
                "Two died in the drug arm of a trial [4]. "
                "Three deaths in the drug group (18%).");
    add(&f.rs, &f.doc, "randomized", 0, "_design", "randomized-parallel", NULL,
        0, "abstract");
    add(&f.rs, &f.doc, "(n = 16)", 0, "_armsize", "control", "control", 16,
        "abstract");
    add(&f.rs, &f.doc, "(n = 17)", 0, "_armsize", NULL, "drug", 17, "abstract");
    add(&f.rs, &f.doc, "Five", 0, "_deaths", NULL, NULL, 5, "abstract");
    add(&f.rs, &f.doc, "Two", 0, "_deaths", NULL, NULL, 2, "abstract");
    add(&f.rs, &f.doc, "[4]", 0, "_study", NULL, NULL, 0, "abstract");
    add(&f.rs, &f.doc, "Three", 0, "_deaths", NULL, NULL, 3, "abstract");
    add(&f.rs, &f.doc, "Three deaths in the drug group (18%)", 0, "mortality",
        NULL, NULL, 18, "abstract");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_uint_eq(f.t.narms, 2);
    tm_trial_arm_mortality(&f.doc, &f.t, &f.rs, &f.sp);
    for (i = 0; i < f.rs.n; i++) {
        if (strcmp(f.rs.v[i].type, "mortality") == 0 &&
            f.rs.v[i].derived != NULL) {
            m = &f.rs.v[i];
            nm++;
        }
        /* In text order. */
        if (i > 0)
            ck_assert_uint_le(f.rs.v[i - 1].start, f.rs.v[i].start);
    }
    ck_assert_uint_eq(nm, 1);
    ck_assert_int_eq(m->events, 5);
    ck_assert_int_eq(m->total, 16);
    ck_assert(fabs(m->value - 31.25) < 1e-9);
    ck_assert_str_eq(m->group, "control");
    ck_assert_int_eq((int)(m->end - m->start), 4); /* "Five" */
    ck_assert_ptr_nonnull(strstr(m->derived, "n = 16"));

    fx_clear(&f);
}
END_TEST

/* A sized list that starts with its own total ("n=48 (MSC n=25, placebo
 * n=23)") has two arms; a sample size read as a total that is one arm's
 * size is that arm's. */
START_TEST(test_trial_total_in_the_list_and_arm_scopes)
{
    struct fx f;

    fx_init(&f, "Patients were randomized. At the interim analysis n=48 "
                "(MSC n=25, placebo n=23). Of them, 25 patients had data.");
    add(&f.rs, &f.doc, "n=48", 0, "_armsize", NULL, "interim analysis", 48,
        "abstract");
    add(&f.rs, &f.doc, "n=25", 0, "_armsize", NULL, "MSC", 25, "abstract");
    add(&f.rs, &f.doc, "n=23", 0, "_armsize", "control", "placebo", 23,
        "abstract");
    add(&f.rs, &f.doc, "25 patients", 0, "sample_size", "total", NULL, 25,
        "abstract");
    add(&f.rs, &f.doc, "randomized", 0, "_design", "randomized-parallel", NULL,
        0, "abstract");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_uint_eq(f.t.narms, 2);
    ck_assert_str_eq(f.t.arms[0].label, "MSC");
    ck_assert_str_eq(f.t.arms[1].label, "placebo");
    tm_trial_arm_scopes(&f.t, &f.rs);
    ck_assert_str_eq(f.rs.v[3].scope, "arm");

    fx_clear(&f);
}
END_TEST

/* "310 and 313 subjects were randomized to A and B, respectively": the
 * first count, read as a total, is an arm's size, not the trial's total
 * (which the text does not state); it is rescoped to the arm. */
START_TEST(test_trial_arm_size_is_no_randomized_total)
{
    struct fx f;

    fx_init(&f, "Then 310 and 313 subjects were randomized to A and B, "
                "respectively.");
    add(&f.rs, &f.doc, "310", 0, "sample_size", "total", NULL, 310, "abstract");
    add(&f.rs, &f.doc, "A", 20, "_armsize", NULL, "A", 310, "abstract");
    add(&f.rs, &f.doc, "B", 20, "_armsize", NULL, "B", 313, "abstract");
    add(&f.rs, &f.doc, "randomized", 0, "_design", "randomized-parallel", NULL,
        0, "abstract");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_uint_eq(f.t.narms, 2);
    ck_assert(!f.t.has_total);
    tm_trial_arm_scopes(&f.t, &f.rs);
    ck_assert_str_eq(f.rs.v[0].scope, "arm");
    fx_clear(&f);
}
END_TEST

/* Of two arms with no placebo or usual care, the one that adds a
 * treatment to the other's regimen is the treatment; two active arms
 * stay without a control (never by order). */
START_TEST(test_trial_add_on_arm_is_the_treatment)
{
    struct fx f;

    fx_init(&f, "Patients were randomized to EOC (n = 275) or mEOC+P "
                "(n = 278). Others were randomized to A (n = 5) or B (n = 6).");
    add(&f.rs, &f.doc, "randomized", 0, "_design", "randomized-parallel", NULL,
        0, "abstract");
    add(&f.rs, &f.doc, "(n = 275)", 0, "_armsize", NULL, "EOC", 275,
        "abstract");
    add(&f.rs, &f.doc, "(n = 278)", 0, "_armsize", NULL, "mEOC+P", 278,
        "abstract");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_uint_eq(f.t.narms, 2);
    ck_assert(f.t.arms[0].control);
    ck_assert(!f.t.arms[1].control);
    tm_records_clear(&f.rs);
    add(&f.rs, &f.doc, "randomized", 50, "_design", "randomized-parallel", NULL,
        0, "abstract");
    add(&f.rs, &f.doc, "(n = 5)", 0, "_armsize", NULL, "A", 5, "abstract");
    add(&f.rs, &f.doc, "(n = 6)", 0, "_armsize", NULL, "B", 6, "abstract");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_uint_eq(f.t.narms, 2);
    ck_assert(!f.t.arms[0].control && !f.t.arms[1].control);

    fx_clear(&f);
}
END_TEST

/* An arm whose label is the other's with words added is the treatment,
 * whichever is written first ("budesonide/formoterol" over "formoterol",
 * "E-CMF" over "CMF"); added words that only negate make it the control
 * ("not offered incentive"); labels that share some words but each have
 * their own ("GOLD stage III", "GOLD stage II") stay without a control. */
START_TEST(test_trial_arm_with_words_added_is_the_treatment)
{
    static const struct {
        const char *a, *b;
        int control; /* 0: a, 1: b, -1: neither */
    } cases[] = {
        {"budesonide/formoterol", "formoterol", 1},
        {"formoterol", "budesonide/formoterol", 0},
        {"CMF", "E-CMF", 0},
        {"bimatoprost PF", "bimatoprost", 1},
        {"Not offered incentive", "Offered incentive", 0},
        {"Offered incentive", "not offered incentive", 1},
        {"GOLD stage III", "GOLD stage II", -1},
        {"group 1", "group 2", -1},
        {"chemo-immunotherapy", "chemotherapy", -1},
        /* a word of its own, not a treatment withheld */
        {"non-invasive ventilation", "invasive ventilation", -1},
        /* how much, not what: the reviewer's call */
        {"standard-dose heparin", "heparin", -1},
    };
    struct fx f;
    size_t i;

    fx_init(&f, "Patients were randomized to one arm (n = 58) or the other "
                "(n = 57).");
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tm_records_clear(&f.rs);
        add(&f.rs, &f.doc, "randomized", 0, "_design", "randomized-parallel",
            NULL, 0, "abstract");
        add(&f.rs, &f.doc, "(n = 58)", 0, "_armsize", NULL, cases[i].a, 58,
            "abstract");
        add(&f.rs, &f.doc, "(n = 57)", 0, "_armsize", NULL, cases[i].b, 57,
            "abstract");
        tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
        ck_assert_uint_eq(f.t.narms, 2);
        ck_assert_msg(f.t.arms[0].control == (cases[i].control == 0) &&
                          f.t.arms[1].control == (cases[i].control == 1),
                      "%s vs %s: controls %d %d", cases[i].a, cases[i].b,
                      f.t.arms[0].control, f.t.arms[1].control);
    }
    fx_clear(&f);
}
END_TEST

/* The words that make an arm the treatment or the control are the
 * pattern files' (arms.pat's label classes), not the program's: another
 * file's adds-on class decides otherwise, and a set without the classes
 * reads no label that way. */
START_TEST(test_trial_label_words_come_from_the_pattern_files)
{
    const char *own = "label adds-on \\b (?i: with ) \\b\n";
    struct tm_pattern_set *mine = tm_pattern_set_new();
    struct tm_err err;
    struct fx f;

    tm_err_clear(&err);
    ck_assert_msg(tm_pattern_set_load_buffer(mine, "own.pat", own, strlen(own),
                                             &err) == TM_OK &&
                      tm_pattern_set_compile(mine, &err) == TM_OK,
                  "%s", err.msg);
    fx_init(&f, "Patients were randomized to one arm (n = 58) or the other "
                "(n = 57).");
    add(&f.rs, &f.doc, "randomized", 0, "_design", "randomized-parallel", NULL,
        0, "abstract");
    add(&f.rs, &f.doc, "(n = 58)", 0, "_armsize", NULL, "EOC", 58, "abstract");
    add(&f.rs, &f.doc, "(n = 57)", 0, "_armsize", NULL, "ABC with D", 57,
        "abstract");
    /* shipped: "with" adds nothing, and the labels share no word */
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert(!f.t.arms[0].control && !f.t.arms[1].control);
    tm_trial_build(&f.doc, &f.rs, &f.sp, mine, &f.t);
    ck_assert(f.t.arms[0].control && !f.t.arms[1].control);
    /* shipped: "+" adds on; without the classes nothing does */
    free(f.rs.v[2].group);
    f.rs.v[2].group = tm_xstrdup("ABC+D");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert(f.t.arms[0].control && !f.t.arms[1].control);
    tm_trial_build(&f.doc, &f.rs, &f.sp, mine, &f.t);
    ck_assert(!f.t.arms[0].control && !f.t.arms[1].control);
    tm_trial_build(&f.doc, &f.rs, &f.sp, NULL, &f.t);
    ck_assert(!f.t.arms[0].control && !f.t.arms[1].control);
    fx_clear(&f);
    tm_pattern_set_free(mine);
}
END_TEST

/* Three arms whose first size is the sum of the others are three arms
 * (no bracket makes the others its parts); a death count is the arm
 * whose name comes right after it, the longer name where two start
 * there. */
START_TEST(test_trial_three_arms_and_the_longer_arm_name)
{
    struct fx f;
    size_t i;
    const struct tm_record *m = NULL;

    fx_init(&f, "Patients were randomized to high dose (n = 40), low dose "
                "(n = 20) or placebo (n = 20). Two patients died in the low "
                "dose group.");
    add(&f.rs, &f.doc, "randomized", 0, "_design", "randomized-parallel", NULL,
        0, "abstract");
    add(&f.rs, &f.doc, "(n = 40)", 0, "_armsize", NULL, "high dose", 40,
        "abstract");
    add(&f.rs, &f.doc, "(n = 20)", 0, "_armsize", NULL, "low dose", 20,
        "abstract");
    add(&f.rs, &f.doc, "(n = 20)", 60, "_armsize", "control", "placebo", 20,
        "abstract");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_uint_eq(f.t.narms, 3);
    tm_trial_clear(&f.t);
    tm_records_clear(&f.rs);

    fx_clear(&f);
    fx_init(&f, "Patients were randomized to metformin (n = 40) or metformin "
                "plus rosiglitazone (n = 50). Two patients died in the "
                "metformin plus rosiglitazone group.");
    add(&f.rs, &f.doc, "randomized", 0, "_design", "randomized-parallel", NULL,
        0, "abstract");
    add(&f.rs, &f.doc, "(n = 40)", 0, "_armsize", NULL, "metformin", 40,
        "abstract");
    add(&f.rs, &f.doc, "(n = 50)", 0, "_armsize", NULL,
        "metformin plus rosiglitazone", 50, "abstract");
    add(&f.rs, &f.doc, "Two", 0, "_deaths", NULL, NULL, 2, "abstract");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert_uint_eq(f.t.narms, 2);
    tm_trial_arm_mortality(&f.doc, &f.t, &f.rs, &f.sp);
    for (i = 0; i < f.rs.n; i++)
        if (f.rs.v[i].derived != NULL)
            m = &f.rs.v[i];
    ck_assert_ptr_nonnull(m);
    ck_assert_str_eq(m->group, "metformin plus rosiglitazone");
    ck_assert_int_eq(m->total, 50);

    fx_clear(&f);
}
END_TEST

START_TEST(test_trial_total_from_the_randomization_sentence)
{
    struct fx f;

    fx_init(&f, "Of 556 cases screened, 103 were randomized. Then 90.");
    add(&f.rs, &f.doc, "556", 0, "sample_size", "total", NULL, 556, "abstract");
    add(&f.rs, &f.doc, "103", 0, "sample_size", "total", NULL, 103, "abstract");
    add(&f.rs, &f.doc, "randomized", 0, "_design", "randomized-parallel", NULL,
        0, "abstract");
    add(&f.rs, &f.doc, "90", 0, "sample_size", "total", NULL, 90, "abstract");
    tm_trial_build(&f.doc, &f.rs, &f.sp, f.set, &f.t);
    ck_assert(f.t.has_total);
    ck_assert_int_eq(f.t.n_total, 103);
    ck_assert_uint_eq(f.t.narms, 0);
    ck_assert_ptr_null(f.t.label);

    fx_clear(&f);
}
END_TEST

/* A primary study's results are its own, whatever its sentences cite. */
START_TEST(test_trial_own_results_drop_citations)
{
    static const char *const sections[] = {
        "body/Results/Deaths", "body/Discussion", "abstract/RESULTS"};
    struct tm_records rs = {0};
    struct tm_trial t;
    size_t i;

    for (i = 0; i < 3; i++) {
        struct tm_record *r = tm_records_push(&rs);

        r->type = tm_xstrdup("effect");
        r->section = tm_xstrdup(sections[i]);
        r->study = tm_xstrdup("[31]");
        r->study_ref = tm_xstrdup("pmid:1");
        r->has_ref_span = true;
    }
    tm_trial_init(&t);
    t.design = "review";
    tm_trial_own_results(&t, &rs);
    ck_assert_ptr_nonnull(rs.v[0].study); /* a review's are its trials' */
    t.design = NULL;
    tm_trial_own_results(&t, &rs);
    ck_assert_ptr_nonnull(rs.v[0].study); /* unknown design: unchanged */
    t.design = "randomized-parallel";
    tm_trial_own_results(&t, &rs);
    ck_assert_ptr_null(rs.v[0].study);
    ck_assert_ptr_null(rs.v[0].study_ref);
    ck_assert(!rs.v[0].has_ref_span);
    ck_assert_str_eq(rs.v[1].study, "[31]"); /* discussion keeps it */
    ck_assert_ptr_null(rs.v[2].study);
    /* The document's own id (no cited study) stays. */
    rs.v[2].study_ref = tm_xstrdup("pmid:42");
    tm_trial_own_results(&t, &rs);
    ck_assert_str_eq(rs.v[2].study_ref, "pmid:42");
    tm_records_clear(&rs);
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
    tcase_add_test(tc, test_trial_counts_listed_together_are_arms);
    tcase_add_test(tc, test_trial_list_gap_of_invalid_utf8_is_no_list);
    tcase_add_test(tc, test_trial_own_results_drop_citations);
    suite_add_tcase(s, tc);
    tc = tcase_create("model");
    tcase_add_test(tc, test_trial_design_from_pubtypes_title_and_abstract);
    tcase_add_test(tc, test_trial_design_not_from_cited_studies);
    tcase_add_test(tc, test_trial_secondary_analysis_from_title_or_abstract);
    tcase_add_test(tc, test_trial_arm_size_is_no_randomized_total);
    tcase_add_test(tc, test_trial_label_and_registry);
    tcase_add_test(tc,
                   test_trial_arms_that_add_up_with_roles_by_what_they_receive);
    tcase_add_test(tc, test_trial_arms_from_the_allocation_sentence);
    tcase_add_test(tc, test_trial_arm_mortality_from_deaths_and_arm_size);
    tcase_add_test(tc, test_trial_total_in_the_list_and_arm_scopes);
    tcase_add_test(tc, test_trial_add_on_arm_is_the_treatment);
    tcase_add_test(tc, test_trial_arm_with_words_added_is_the_treatment);
    tcase_add_test(tc, test_trial_label_words_come_from_the_pattern_files);
    tcase_add_test(tc, test_trial_one_size_for_each_allocated_arm);
    tcase_add_test(tc, test_trial_three_arms_and_the_longer_arm_name);
    tcase_add_test(tc, test_trial_total_from_the_randomization_sentence);
    suite_add_tcase(s, tc);
    return tm_test_main(s);
}
