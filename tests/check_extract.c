/* SPDX-License-Identifier: MIT */
/* Tests for extract (through the pipeline): p-value forms with the
 * shipped patterns, overlap resolution, context rules, \K spans, and
 * match limits on a catastrophic user pattern. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "pattern.h"
#include "pipeline.h"
#include "testutil.h"

static struct tm_pattern_set *
from_text(const char *text)
{
    char *path = tm_test_temp_file(text, strlen(text), ".pat");
    struct tm_pattern_set *set = tm_pattern_set_new();
    struct tm_err err;

    tm_err_clear(&err);
    ck_assert_msg(tm_pattern_set_load_file(set, path, &err) == TM_OK, "%s",
                  err.msg);
    ck_assert_msg(tm_pattern_set_compile(set, &err) == TM_OK, "%s", err.msg);
    unlink(path);
    free(path);
    return set;
}

/* Extract from text; returns the records (caller clears). */
static struct tm_records
run(struct tm_pattern_set *set, const char *text, struct tm_reporter *rep)
{
    struct tm_pipeline *pl = tm_pipeline_new(set, rep);
    struct tm_records rs = {0};
    struct tm_err err;

    tm_err_clear(&err);
    ck_assert_int_eq(
        tm_pipeline_extract_string(pl, "t", text, strlen(text), &rs, &err),
        TM_OK);
    tm_pipeline_free(pl);
    return rs;
}

/* Exactly one p_value record with this value, comparator and surface. */
static void
assert_p(struct tm_pattern_set *set, const char *text, double value,
         const char *cmp, const char *surface)
{
    struct tm_records rs = run(set, text, NULL);
    size_t i, n = 0;

    for (i = 0; i < rs.n; i++) {
        const struct tm_record *r = &rs.v[i];

        if (strcmp(r->type, "p_value") != 0)
            continue;
        n++;
        ck_assert_msg(fabs(r->value - value) < 1e-12, "'%s': value %g", text,
                      r->value);
        ck_assert_str_eq(r->comparator, cmp);
        ck_assert_uint_eq(r->end - r->start, strlen(surface));
        ck_assert_msg(memcmp(text + r->start, surface, strlen(surface)) == 0,
                      "'%s': surface '%.*s'", text, (int)(r->end - r->start),
                      text + r->start);
    }
    ck_assert_msg(n == 1, "'%s': %zu p-values", text, n);
    tm_records_clear(&rs);
}

static size_t
count_type(struct tm_pattern_set *set, const char *text, const char *type)
{
    struct tm_records rs = run(set, text, NULL);
    size_t i, n = 0;

    for (i = 0; i < rs.n; i++)
        n += strcmp(rs.v[i].type, type) == 0;
    tm_records_clear(&rs);
    return n;
}

START_TEST(test_extract_p_value_forms)
{
    struct tm_pattern_set *set = tm_test_shipped_patterns();

    assert_p(set, "mortality (35% vs. 46%, P=0.09).", 0.09, "=", "P=0.09");
    assert_p(set, "was lower (p < .001) overall", 0.001, "<", "p < .001");
    assert_p(set,
             "hazard 0.8; P = 0\xC2\xB7"
             "03.",
             0.03, "=",
             "P = 0\xC2\xB7"
             "03");
    assert_p(set, "differed (P \xE2\x89\xA4 0.05).", 0.05,
             "<=", "P \xE2\x89\xA4 0.05");
    assert_p(set, "with a p-value of 0.03 for the", 0.03, "=",
             "p-value of 0.03");
    assert_p(set, "no difference (P>0.05).", 0.05, ">", "P>0.05");
    assert_p(set, "strongly (P < 10^-4).", 1e-4, "<", "P < 10^-4");
    assert_p(set, "GWAS hit, P = 1.2 \xC3\x97 10^-5.", 1.2e-5, "=",
             "P = 1.2 \xC3\x97 10^-5");
    assert_p(set, "dose response (P for trend = 0.01).", 0.01, "=",
             "P for trend = 0.01");
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_extract_p_value_non_values)
{
    struct tm_pattern_set *set = tm_test_shipped_patterns();

    ck_assert_uint_eq(
        count_type(set, "The difference was NS (P = NS).", "p_value"), 0);
    ck_assert_uint_eq(
        count_type(set, "Pump < \xE2\x80\x98 1\xE2\x80\x98 i", "p_value"), 0);
    ck_assert_uint_eq(count_type(set,
                                 "A P < 0.05 was considered "
                                 "statistically significant.",
                                 "p_value"),
                      0);
    ck_assert_uint_eq(
        count_type(set, "SpO2 = 92 and PaO2 < 60 mmHg.", "p_value"), 0);
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_extract_overlaps_resolved_by_priority_then_length)
{
    struct tm_pattern_set *set =
        from_text("pattern short\n"
                  "    type n\n"
                  "    priority 1\n"
                  "    regex (?<value>\\d+)\n"
                  "pattern long\n"
                  "    type n\n"
                  "    priority 1\n"
                  "    regex n \\s* = \\s* (?<value>\\d+)\n"
                  "pattern strong\n"
                  "    type n\n"
                  "    priority 9\n"
                  "    regex (?<value>\\d+) \\s* kg\n");
    struct tm_records rs = run(set, "n = 12 and 70 kg.", NULL);

    ck_assert_uint_eq(rs.n, 2);
    ck_assert_str_eq(rs.v[0].pattern + strlen(rs.v[0].pattern) - 5, ":long");
    ck_assert(rs.v[0].value == 12);
    ck_assert_str_eq(rs.v[1].pattern + strlen(rs.v[1].pattern) - 7, ":strong");
    ck_assert(rs.v[1].value == 70);
    tm_records_clear(&rs);
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_extract_context_rules_and_reset_start)
{
    struct tm_pattern_set *set =
        from_text("pattern pct\n"
                  "    type mortality\n"
                  "    regex vs\\.? \\s* \\K (?<value>\\d+) % (?= [\\s,)])\n"
                  "    require sentence (?i) mortality|died\n"
                  "    forbid before 30 crossover\n");
    struct tm_records rs = run(set,
                               "Mortality was 35% vs. 46%, P=0.09. "
                               "ECMO use, 28% vs 10%, crossover vs 5% "
                               "seen.",
                               NULL);

    ck_assert_uint_eq(rs.n, 1);
    ck_assert(rs.v[0].value == 46);
    ck_assert_uint_eq(rs.v[0].end - rs.v[0].start, 3);
    ck_assert(memcmp(rs.v[0].text, "46%", 3) == 0);
    tm_records_clear(&rs);
    tm_pattern_set_free(set);
}
END_TEST

/* A paragraph-before rule sees the match's paragraph up to it, earlier
 * sentences included, and stops at a blank line (the paragraph break). */
START_TEST(test_extract_paragraph_before_rule)
{
    struct tm_pattern_set *set =
        from_text("pattern est\n"
                  "    type effect\n"
                  "    regex (?<value> \\d+\\.\\d+ ) (?= \\s* \\( )\n"
                  "    require paragraph-before (?i) hazard \\s+ ratios?\n");

    ck_assert_uint_eq(count_type(set,
                                 "Hazard ratios are given by age. Values "
                                 "were 0.38 (0.23 to 0.63).",
                                 "effect"),
                      1);
    /* The measure in the paragraph before: not this paragraph's. */
    ck_assert_uint_eq(count_type(set,
                                 "Hazard ratios are given by age.\n\nValues "
                                 "were 0.38 (0.23 to 0.63).",
                                 "effect"),
                      0);
    tm_pattern_set_free(set);
}
END_TEST

/* The measure a pattern that sets measure MD gives with the extra
 * pattern line `line`, beside a role that names OR from the paragraph.
 * Returns a string to free. */
static char *
measure_with(const char *line)
{
    static const char *const pat =
        "pattern diff\n"
        "    type effect\n"
        "    regex (?<value> \\+\\d\\.\\d ) ,\n"
        "    set measure MD\n"
        "%s"
        "role effect measure=OR paragraph-before \\bOR\\b\n";
    char buf[512], *measure;
    struct tm_pattern_set *set;
    struct tm_records rs;

    snprintf(buf, sizeof buf, pat, line);
    set = from_text(buf);
    rs = run(set,
             "Compared with the OR data, the means differed (+0.8, 95% CI "
             "0.2 to 1.5).",
             NULL);
    ck_assert_uint_eq(rs.n, 1);
    measure = strdup(rs.v[0].measure);
    tm_records_clear(&rs);
    tm_pattern_set_free(set);
    return measure;
}

/* A role changes a field a pattern sets (a default), not one it keeps. */
START_TEST(test_extract_keep_field_from_roles)
{
    char *m = measure_with("");

    ck_assert_str_eq(m, "OR");
    free(m);
    m = measure_with("    keep measure\n");
    ck_assert_str_eq(m, "MD");
    free(m);
}
END_TEST

/* Clause rules see the clause of the match (not the sentence, not a byte
 * window), brackets that do not hold the match are blanked from it, and
 * a decimal point does not end one. */
START_TEST(test_extract_clause_rules)
{
    struct tm_pattern_set *set = from_text(
        "define clausebreak ; | , \\s+ (?= \\d ) | \\s and \\s+ (?= \\d )\n"
        "pattern count\n"
        "    type sample_size\n"
        "    regex \\b (?<value>\\d+) \\s+ patients\n"
        "    require clause randomi[sz]ed\n"
        "    forbid clause died | excluded\n");
    struct tm_records rs = run(set,
                               "Of 120 patients excluded, 80 patients were "
                               "randomized (12 patients died) and 40 patients "
                               "died; 7.5 mg was given to 30 patients who "
                               "were randomized.",
                               NULL);

    ck_assert_uint_eq(rs.n, 2);
    ck_assert(rs.v[0].value == 80);
    ck_assert(rs.v[1].value == 30);
    tm_records_clear(&rs);
    tm_pattern_set_free(set);
}
END_TEST

/* A list member without a verb of its own shares the next member's: its
 * list break does not end its clause.  One with a verb keeps its own. */
START_TEST(test_extract_list_members_share_a_verb)
{
    struct tm_pattern_set *set =
        from_text("define clausebreak ;\n"
                  "define listbreak \\s and \\s+ (?= \\d )\n"
                  "define clauseverb \\b (?: were | felt ) \\b\n"
                  "pattern count\n"
                  "    type sample_size\n"
                  "    regex \\b (?<value>\\d+) \\s+ patients\n"
                  "    forbid clause felt | excluded\n");
    struct tm_records rs = run(set,
                               "4 patients of one arm and 1 patients of the "
                               "other felt dizzy; 20 patients were excluded "
                               "and 100 patients were randomized.",
                               NULL);

    ck_assert_uint_eq(rs.n, 1);
    ck_assert(rs.v[0].value == 100);
    tm_records_clear(&rs);
    tm_pattern_set_free(set);
}
END_TEST

/* An aside (`clauseaside`) is set apart like brackets: the count before
 * it is judged with the verb after it, and a break inside it ends no
 * clause. */
START_TEST(test_extract_clause_asides)
{
    struct tm_pattern_set *set = from_text(
        "define clausebreak ; | , \\s+ (?= \\d | which ) | \\s (?= who \\s )\n"
        "define clauseaside , \\s+ \\d+ \\s+ of \\s+ whom [^,]+ ,"
        " | \\s who \\s+ were \\s+ \\w+ (?= \\s+ (?: withdrew | were ) \\b )\n"
        "pattern count\n"
        "    type sample_size\n"
        "    regex \\b (?<value>\\d+) \\s+ patients\n"
        "    forbid clause withdrew | side \\s+ effects\n");
    struct tm_records rs = run(set,
                               "Then 300 patients, 150 of whom were given "
                               "the drug, reported side effects; 9 patients "
                               "who were randomized withdrew; 60 patients "
                               "who were randomized were analysed; 8 "
                               "patients, which is few, withdrew.",
                               NULL);

    ck_assert_uint_eq(rs.n, 2);
    ck_assert(rs.v[0].value == 60);
    ck_assert(rs.v[1].value == 8);
    tm_records_clear(&rs);
    tm_pattern_set_free(set);
}
END_TEST

/* A forbid rule with `unless` forbids only when its exception does not
 * hold: people "with" a condition are no sample size unless their clause
 * enrols them. */
START_TEST(test_extract_forbid_unless)
{
    struct tm_pattern_set *set =
        from_text("define clausebreak ;\n"
                  "pattern count\n"
                  "    type sample_size\n"
                  "    regex \\b (?<value>\\d+) (?= \\s+ patients )\n"
                  "    forbid clause-after ^ \\s+ patients \\s+ with\n"
                  "    unless clause enrolled\n");
    struct tm_records rs = run(set,
                               "3 patients with a rash; 40 patients with "
                               "sepsis were enrolled; 9 patients recovered.",
                               NULL);

    ck_assert_uint_eq(rs.n, 2);
    ck_assert(rs.v[0].value == 40);
    ck_assert(rs.v[1].value == 9);
    tm_records_clear(&rs);
    tm_pattern_set_free(set);
}
END_TEST

/* Type-wide lines: `range` and `reject` refuse a record whatever pattern
 * made it; `role` fills a field the pattern did not capture, first
 * holding role first. */
START_TEST(test_extract_roles_rejects_and_ranges)
{
    struct tm_pattern_set *set =
        from_text("define clausebreak ;\n"
                  "range p_value 0 1\n"
                  "range p_value 0 0.01 comparator=<\n"
                  "reject sample_size before 8 from\\s*$\n"
                  "role sample_size scope=arm clause-after ^ \\s+ in \\s+ the "
                  "\\s+ \\w+ \\s+ group\n"
                  "role sample_size scope=subgroup clause-after group\n"
                  "pattern p\n"
                  "    type p_value\n"
                  "    regex P \\s* (?<comparator> [=<] ) \\s* (?<value> \\d+ "
                  "(?: \\. \\d+ )? )\n"
                  "pattern n\n"
                  "    type sample_size\n"
                  "    regex (?<! [\\d.] ) (?<value> \\d+ ) (?= \\s )\n"
                  "    set scope total\n");
    /* "P < 0.3" is outside the range for comparator "<" only. */
    struct tm_records rs = run(set,
                               "P = 5.2 kPa; P = 0.04; P < 0.3; from 2011 "
                               "onwards; 20 in the MSC group; 40 enrolled",
                               NULL);
    size_t i, np = 0, nn = 0;

    for (i = 0; i < rs.n; i++) {
        const struct tm_record *r = &rs.v[i];

        if (strcmp(r->type, "p_value") == 0) {
            np++;
            ck_assert(r->value == 0.04);
        } else {
            nn++;
            ck_assert(r->value == 20 || r->value == 40);
            ck_assert_str_eq(r->scope, r->value == 20 ? "arm" : "total");
        }
    }
    ck_assert_uint_eq(np, 1);
    ck_assert_uint_eq(nn, 2);
    tm_records_clear(&rs);
    tm_pattern_set_free(set);
}
END_TEST

/* Roles over mentions: the count is read once, by the mention pattern;
 * each role takes the mentions whose context fits, with their span and
 * fields, and mentions themselves are never output. */
START_TEST(test_extract_roles_read_mentions)
{
    struct tm_pattern_set *set =
        from_text("define clausebreak ;\n"
                  "role sample_size scope=arm clause-after in \\s+ each\n"
                  "role sample_size scope=arm match (?i) ^ twenty $\n"
                  "pattern count\n"
                  "    type _count\n"
                  "    regex (?<! [\\d.] ) (?<value> \\d+ | (?i: twenty ) )"
                  " (?! [\\d.] )\n"
                  "pattern enrolled\n"
                  "    type sample_size\n"
                  "    from _count\n"
                  "    require after 30 ^ \\s+ patients \\s+ were \\s+ "
                  "enrolled\n"
                  "    set scope total\n"
                  "pattern died\n"
                  "    type deaths\n"
                  "    from _count\n"
                  "    require after 20 ^ \\s+ died\n"
                  "    prefilter died\n");
    struct tm_records rs = run(set,
                               "Twenty patients were enrolled; 4 died; "
                               "12.5 patients were enrolled; 10 patients were "
                               "enrolled in each arm",
                               NULL);
    size_t i, nn = 0, nd = 0;

    for (i = 0; i < rs.n; i++) {
        const struct tm_record *r = &rs.v[i];

        ck_assert_msg(r->type[0] != '_', "a mention was output");
        if (strcmp(r->type, "sample_size") == 0) {
            nn++;
            ck_assert(r->value == 20 || r->value == 10);
            /* A `match` rule reads the mention itself. */
            ck_assert_str_eq(r->scope, "arm");
            ck_assert_ptr_nonnull(strstr(r->pattern, ":enrolled"));
            ck_assert_uint_eq(r->end - r->start, r->value == 20 ? 6 : 2);
        } else {
            nd++;
            ck_assert_str_eq(r->type, "deaths");
            ck_assert(r->value == 4);
        }
    }
    ck_assert_uint_eq(nn, 2);
    ck_assert_uint_eq(nd, 1);
    tm_records_clear(&rs);
    tm_pattern_set_free(set);
}
END_TEST

/* Mentions joined into a list ("39%, 45%, and 34%") share its context;
 * without "and" or "or" before the last one there is no list. */
START_TEST(test_extract_list_members_share_context)
{
    struct tm_pattern_set *set =
        from_text("define listsep \\s* , \\s* (?: and \\s+ )? | \\s+ and "
                  "\\s+\n"
                  "define listlast \\s* ,? \\s+ and \\s+\n"
                  "pattern pct\n"
                  "    type _pct\n"
                  "    regex (?<value> \\d+ ) %\n"
                  "pattern rate\n"
                  "    type rate\n"
                  "    from _pct\n"
                  "    forbid before 20 reduction \\s+ of \\s* $\n");
    struct tm_records rs = run(set,
                               "a reduction of 39%, 45%, and 34%; a reduction "
                               "of 5%, 6%; rates 20% and 30%",
                               NULL);
    const double want[] = {6, 20, 30};
    size_t i;

    ck_assert_uint_eq(rs.n, 3);
    for (i = 0; i < rs.n; i++)
        ck_assert_msg(rs.v[i].value == want[i], "record %zu: %g", i,
                      rs.v[i].value);
    tm_records_clear(&rs);
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_extract_events_of_total_and_maps)
{
    struct tm_pattern_set *set =
        from_text("map unit (?i) cells \\s* per \\s* kg => cells/kg\n"
                  "pattern died\n"
                  "    type mortality\n"
                  "    regex (?<events>\\d+) \\s of \\s (?<total>\\d+) "
                  "\\s patients \\s died\n"
                  "    set unit %\n"
                  "pattern dose\n"
                  "    type dose\n"
                  "    regex (?<value>\\d+) \\s* (?<scale> million)? \\s* "
                  "(?<unit> cells \\s+ per \\s+ kg)\n");
    struct tm_records rs = run(set,
                               "3 of 10 patients died after 2 million "
                               "Cells per kg.",
                               NULL);

    ck_assert_uint_eq(rs.n, 1); /* "Cells" is not matched: case matters */
    ck_assert(rs.v[0].value == 30);
    ck_assert(rs.v[0].events == 3 && rs.v[0].total == 10);
    ck_assert_str_eq(rs.v[0].unit, "%");
    tm_records_clear(&rs);
    rs = run(set, "given 2 million cells per  kg.", NULL);
    ck_assert_uint_eq(rs.n, 1);
    ck_assert(rs.v[0].value == 2e6);
    ck_assert_str_eq(rs.v[0].unit, "cells/kg");
    tm_records_clear(&rs);
    tm_pattern_set_free(set);
}
END_TEST

static void
count_warning(void *ctx, const char *msg)
{
    char **last = ctx;

    free(*last);
    *last = strdup(msg);
}

/* A document cut at --max-records hands over what it kept, and the next
 * document starts clean: the records already handed over stay whole
 * (they were freed a second time once). */
START_TEST(test_extract_doc_cut_at_the_record_limit_keeps_earlier_records)
{
    static const char text[] = "P=0.01. P=0.02. P=0.03. P=0.04. P=0.05.";
    struct tm_pattern_set *set = tm_test_shipped_patterns();
    struct tm_pipeline *pl = tm_pipeline_new(set, NULL);
    struct tm_records out[2];
    struct tm_err err;
    int k;

    memset(out, 0, sizeof out);
    tm_err_clear(&err);
    tm_pipeline_set_max_records(pl, 2);
    for (k = 0; k < 2; k++) {
        struct tm_doc doc;

        tm_doc_init(&doc, TM_DOC_TEXT);
        doc.id = (char *)"d";
        doc.text = (char *)text;
        doc.len = strlen(text);
        tm_doc_add_section(&doc, "text", 0, doc.len);
        ck_assert_int_eq(tm_pipeline_extract_doc(pl, &doc, &out[k], &err),
                         TM_OK);
        ck_assert_uint_eq(out[k].n, 2);
        doc.id = NULL;
        doc.text = NULL;
        tm_doc_clear(&doc);
    }
    ck_assert_str_eq(out[0].v[0].type, "p_value");
    ck_assert_str_eq(out[0].v[1].type, "p_value");
    tm_records_clear(&out[0]);
    tm_records_clear(&out[1]);
    tm_pipeline_free(pl);
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_extract_match_limit_is_a_named_warning)
{
    struct tm_pattern_set *set =
        from_text("pattern evil\n"
                  "    type p_value\n"
                  "    regex (?<value> (?: \\d+ )+ ) x\n"
                  "pattern fine\n"
                  "    type n\n"
                  "    regex n=(?<value>\\d+)\n");
    char *last = NULL;
    struct tm_reporter rep = {count_warning, &last, 0};
    char text[200];
    struct tm_records rs;

    memset(text, '1', 60);
    strcpy(text + 60, " and n=12. x");
    rs = run(set, text, &rep);
    /* The catastrophic pattern is stopped and named; the other one still
     * produces its record. */
    ck_assert_uint_ge(rep.count, 1);
    ck_assert_ptr_nonnull(last);
    ck_assert_ptr_nonnull(strstr(last, ":evil"));
    ck_assert_ptr_nonnull(strstr(last, "limit"));
    ck_assert_uint_eq(rs.n, 1);
    ck_assert(rs.v[0].value == 12);
    tm_records_clear(&rs);
    free(last);
    tm_pattern_set_free(set);
}
END_TEST

START_TEST(test_extract_invalid_utf8_is_repaired_not_fatal)
{
    struct tm_pattern_set *set = tm_test_shipped_patterns();
    struct tm_pipeline *pl = tm_pipeline_new(set, NULL);
    struct tm_records rs = {0};
    struct tm_err err;

    tm_err_clear(&err);
    ck_assert_int_eq(
        tm_pipeline_extract_string(pl, "t", "P=0.1 \xff P=0.2", 14, &rs, &err),
        TM_OK);
    ck_assert_uint_eq(rs.n, 2);
    ck_assert(rs.v[1].value == 0.2);
    /* offsets still index the raw bytes, invalid byte included */
    ck_assert_uint_eq(rs.v[1].start, 8);
    tm_records_clear(&rs);
    tm_pipeline_free(pl);
    tm_pattern_set_free(set);
}
END_TEST

/* A field value to canonicalize comes from anywhere (a gold file's
 * unit): invalid UTF-8 is left as it is, never run through the UTF-8
 * map regexes. */
START_TEST(test_extract_canonical_of_invalid_utf8_is_kept)
{
    struct tm_pattern_set *set = tm_test_shipped_patterns();
    struct tm_extractor *ex = tm_extractor_new(set);
    char *v = tm_extractor_canonical(ex, "unit", tm_xstrdup("m\xfe\xffg"));

    ck_assert_str_eq(v, "m\xfe\xffg");
    free(v);
    v = tm_extractor_canonical(ex, "unit", tm_xstrdup("milligrams"));
    ck_assert_str_eq(v, "mg");
    free(v);
    tm_extractor_free(ex);
    tm_pattern_set_free(set);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("extract");
    TCase *p = tcase_create("p-values");
    TCase *mech = tcase_create("mechanics");
    TCase *lim = tcase_create("limits");

    tcase_add_test(p, test_extract_p_value_forms);
    tcase_add_test(p, test_extract_p_value_non_values);
    tcase_add_test(mech,
                   test_extract_overlaps_resolved_by_priority_then_length);
    tcase_add_test(mech, test_extract_context_rules_and_reset_start);
    tcase_add_test(mech, test_extract_paragraph_before_rule);
    tcase_add_test(mech, test_extract_keep_field_from_roles);
    tcase_add_test(mech, test_extract_events_of_total_and_maps);
    tcase_add_test(mech, test_extract_clause_rules);
    tcase_add_test(mech, test_extract_roles_rejects_and_ranges);
    tcase_add_test(mech, test_extract_roles_read_mentions);
    tcase_add_test(mech, test_extract_list_members_share_context);
    tcase_add_test(mech, test_extract_list_members_share_a_verb);
    tcase_add_test(mech, test_extract_clause_asides);
    tcase_add_test(mech, test_extract_forbid_unless);
    tcase_add_test(lim, test_extract_match_limit_is_a_named_warning);
    tcase_add_test(
        lim, test_extract_doc_cut_at_the_record_limit_keeps_earlier_records);
    tcase_add_test(lim, test_extract_invalid_utf8_is_repaired_not_fatal);
    tcase_add_test(lim, test_extract_canonical_of_invalid_utf8_is_kept);
    tcase_set_timeout(lim, 60);
    suite_add_tcase(s, p);
    suite_add_tcase(s, mech);
    suite_add_tcase(s, lim);
    return tm_test_main(s);
}
