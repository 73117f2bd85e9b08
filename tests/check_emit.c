/* SPDX-License-Identifier: MIT */
/* Tests for emit: JSON escaping, numbers, CSV quoting, record lines and
 * write errors. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "testutil.h"

static char *
json_of(const char *s, size_t len)
{
    struct tm_buf b;

    tm_buf_init(&b, 0);
    tm_json_string(&b, s, len);
    return tm_buf_steal(&b, NULL);
}

START_TEST(test_emit_json_escapes_quotes_controls_and_backslash)
{
    char *j = json_of("a\"b\\c\n\t\x01\x1f", 9);

    ck_assert_str_eq(j, "\"a\\\"b\\\\c\\n\\t\\u0001\\u001f\"");
    free(j);
}
END_TEST

START_TEST(test_emit_json_replaces_invalid_utf8)
{
    /* A lone continuation byte, an overlong '/', a surrogate, truncation. */
    const char in[] = "x\x80y\xC0\xAFz\xED\xA0\x80w\xE2\x82";
    char *j = json_of(in, sizeof in - 1);

    ck_assert_str_eq(j, "\"x\xEF\xBF\xBDy\xEF\xBF\xBD\xEF\xBF\xBDz"
                        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDw"
                        "\xEF\xBF\xBD\xEF\xBF\xBD\"");
    free(j);
}
END_TEST

START_TEST(test_emit_json_keeps_valid_utf8_and_escapes_u2028)
{
    const char in[] = "1\xC3\x97"
                      "10\xE2\x81\xB6 \xC2\xB1\xE2\x80\xA8";
    char *j = json_of(in, sizeof in - 1);

    ck_assert_str_eq(j, "\"1\xC3\x97"
                        "10\xE2\x81\xB6 \xC2\xB1\\u2028\"");
    free(j);
}
END_TEST

START_TEST(test_emit_json_numbers_are_shortest_round_trip)
{
    static const struct {
        double v;
        const char *want;
    } cases[] = {{0.09, "0.09"},
                 {0.25, "0.25"},
                 {1e6, "1000000"},
                 {1e8, "100000000"},
                 {46.1, "46.1"},
                 {0.000012, "1.2e-05"},
                 {0, "0"},
                 {-3.5, "-3.5"},
                 {22.2, "22.2"},
                 {-0.0, "0"},
                 {7, "7"},
                 {-120, "-120"},
                 {999999999999999.0, "999999999999999"},
                 {-999999999999999.0, "-999999999999999"},
                 {1e15, "1e+15"},
                 {100.0 / 3, "33.333333333333336"},
                 {0.1 + 0.2, "0.30000000000000004"},
                 {12.5, "12.5"},
                 {1e-7, "1e-07"},
                 {123456.789, "123456.789"},
                 {-0.0625, "-0.0625"},
                 {2.5e-300, "2.5e-300"},
                 {4.9e-324, "5e-324"},
                 {1234567890123.25, "1234567890123.25"}};
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct tm_buf b;

        tm_buf_init(&b, 0);
        tm_json_number(&b, cases[i].v);
        ck_assert_str_eq(b.data, cases[i].want);
        tm_buf_clear(&b);
    }
}
END_TEST

START_TEST(test_emit_csv_quotes_only_when_needed)
{
    struct tm_buf b;

    tm_buf_init(&b, 0);
    tm_csv_field(&b, "plain", 5, TM_CSV_SAFE);
    tm_buf_putc(&b, '|');
    tm_csv_field(&b, "a,b", 3, TM_CSV_SAFE);
    tm_buf_putc(&b, '|');
    tm_csv_field(&b, "say \"hi\"", 8, TM_CSV_SAFE);
    tm_buf_putc(&b, '|');
    tm_csv_field(&b, "two\nlines", 9, TM_CSV_SAFE);
    ck_assert_str_eq(b.data, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"");
    tm_buf_clear(&b);
}
END_TEST

START_TEST(test_emit_csv_guards_formula_text_cells)
{
    static const char *const risky[] = {"=",       "=1+1", "+1", "-3+3",
                                        "@SUM(1)", "\tx",  "\rx"};
    struct tm_buf b;
    size_t i;

    tm_buf_init(&b, 0);
    for (i = 0; i < sizeof risky / sizeof risky[0]; i++) {
        tm_buf_reset(&b);
        tm_csv_field(&b, risky[i], strlen(risky[i]), TM_CSV_SAFE);
        ck_assert_msg(b.data[0] == '\'' ||
                          (b.data[0] == '"' && b.data[1] == '\''),
                      "%s not guarded: %s", risky[i], b.data);
    }
    /* Inside the quotes when quoted, so the field stays one field. */
    tm_buf_reset(&b);
    tm_csv_field(&b, "=a,b", 4, TM_CSV_SAFE);
    ck_assert_str_eq(b.data, "\"'=a,b\"");
    /* Harmless text and raw mode are untouched. */
    tm_buf_reset(&b);
    tm_csv_field(&b, "a=b", 3, TM_CSV_SAFE);
    ck_assert_str_eq(b.data, "a=b");
    tm_buf_reset(&b);
    tm_csv_field(&b, "=1+1", 4, TM_CSV_RAW);
    ck_assert_str_eq(b.data, "=1+1");
    tm_buf_clear(&b);
}
END_TEST

static void
sample_record(struct tm_record *r, const char *doctext)
{
    memset(r, 0, sizeof *r);
    r->doc = "seed.txt";
    r->section = strdup("text");
    r->type = strdup("p_value");
    r->has = TM_HAS_VALUE;
    r->value = 0.09;
    r->comparator = strdup("=");
    r->start = 4;
    r->end = 10;
    r->text = doctext + 4;
    r->pattern = strdup("p_value.pat:comparator");
}

START_TEST(test_emit_jsonl_record_omits_absent_fields)
{
    const char *doctext = "xyz P=0.09, more";
    struct tm_record r;
    struct tm_emitter em;
    struct tm_err err;
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);

    sample_record(&r, doctext);
    tm_emit_init(&em, f, "memory", TM_FMT_JSONL);
    ck_assert_int_eq(tm_emit_record(&em, &r, &err), TM_OK);
    ck_assert_int_eq(tm_emit_finish(&em, &err), TM_OK);
    fclose(f);
    ck_assert_str_eq(out, "{\"doc\":\"seed.txt\",\"section\":\"text\","
                          "\"type\":\"p_value\",\"value\":0.09,"
                          "\"comparator\":\"=\",\"text\":\"P=0.09\","
                          "\"start\":4,\"end\":10,"
                          "\"pattern\":\"p_value.pat:comparator\"}\n");
    tm_emit_clear(&em);
    tm_record_clear(&r);
    free(out);
}
END_TEST

START_TEST(test_emit_csv_has_header_and_crlf)
{
    const char *doctext = "xyz P=0.09, more";
    struct tm_record r;
    struct tm_emitter em;
    struct tm_err err;
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);

    sample_record(&r, doctext);
    r.value = -0.09;
    tm_emit_init(&em, f, "memory", TM_FMT_CSV);
    ck_assert_int_eq(tm_emit_record(&em, &r, &err), TM_OK);
    ck_assert_int_eq(tm_emit_finish(&em, &err), TM_OK);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(out, "doc,section,type,value,"));
    /* The comparator is text and guarded; a negative value is a number
     * and is not. */
    ck_assert_ptr_nonnull(
        strstr(out, "\r\nseed.txt,text,p_value,-0.09,,,,'=,"));
    ck_assert_ptr_nonnull(strstr(out, ",P=0.09,4,10,"));
    ck_assert_int_eq(out[outlen - 1], '\n');
    ck_assert_int_eq(out[outlen - 2], '\r');
    tm_emit_clear(&em);
    tm_record_clear(&r);
    free(out);
}
END_TEST

START_TEST(test_emit_reports_write_error_on_full_disk)
{
    const char *doctext = "xyz P=0.09, more";
    struct tm_record r;
    struct tm_emitter em;
    struct tm_err err;
    FILE *f = fopen("/dev/full", "w");
    enum tm_status rc;
    int i;

    if (f == NULL)
        return; /* no /dev/full here: nothing to test */
    sample_record(&r, doctext);
    tm_emit_init(&em, f, "/dev/full", TM_FMT_JSONL);
    tm_err_clear(&err);
    rc = TM_OK;
    for (i = 0; i < 10000 && rc == TM_OK; i++)
        rc = tm_emit_record(&em, &r, &err);
    if (rc == TM_OK)
        rc = tm_emit_finish(&em, &err);
    ck_assert_int_eq(rc, TM_ERR_IO);
    ck_assert_ptr_nonnull(strstr(err.msg, "/dev/full"));
    fclose(f);
    tm_emit_clear(&em);
    tm_record_clear(&r);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("emit");
    TCase *json = tcase_create("json");
    TCase *csv = tcase_create("csv");
    TCase *io = tcase_create("write errors");

    tcase_add_test(json, test_emit_json_escapes_quotes_controls_and_backslash);
    tcase_add_test(json, test_emit_json_replaces_invalid_utf8);
    tcase_add_test(json, test_emit_json_keeps_valid_utf8_and_escapes_u2028);
    tcase_add_test(json, test_emit_json_numbers_are_shortest_round_trip);
    tcase_add_test(json, test_emit_jsonl_record_omits_absent_fields);
    tcase_add_test(csv, test_emit_csv_quotes_only_when_needed);
    tcase_add_test(csv, test_emit_csv_has_header_and_crlf);
    tcase_add_test(csv, test_emit_csv_guards_formula_text_cells);
    tcase_add_test(io, test_emit_reports_write_error_on_full_disk);
    suite_add_tcase(s, json);
    suite_add_tcase(s, csv);
    suite_add_tcase(s, io);
    return tm_test_main(s);
}
