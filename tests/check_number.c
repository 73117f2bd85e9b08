/* SPDX-License-Identifier: MIT */
/* Tests for number: every written form of a number we read. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "number.h"
#include "testutil.h"

static void
assert_number(const char *s, double want)
{
    double v = -12345;

    ck_assert_msg(tm_number_parse(s, strlen(s), &v), "'%s' did not parse", s);
    ck_assert_msg(fabs(v - want) <= 1e-12 * fmax(1, fabs(want)),
                  "'%s' read as %.17g, want %.17g", s, v, want);
}

static void
assert_not_number(const char *s)
{
    double v;

    ck_assert_msg(!tm_number_parse(s, strlen(s), &v), "'%s' parsed", s);
}

START_TEST(test_number_plain_and_grouped)
{
    assert_number("12", 12);
    assert_number(" 12 ", 12);
    assert_number("1,200", 1200);
    assert_number("1 200", 1200);
    assert_number("1\xE2\x80\x89"
                  "200",
                  1200); /* thin space */
    assert_number("12,345,678", 12345678);
    assert_number("0.09", 0.09);
    assert_number(".001", 0.001);
    assert_number("46.1", 46.1);
    assert_not_number("1,20");
    assert_not_number("12 patients");
    assert_not_number("");
}
END_TEST

/* Plain digits with an optional fraction take a short path; a leading
 * space sends the same text through the whole reader, which must agree to
 * the bit. */
START_TEST(test_number_plain_short_path_agrees)
{
    const char *plain[] = {"0",
                           "7",
                           "10",
                           "100",
                           "007",
                           "0.05",
                           "10.5",
                           "46.10",
                           "1.200",
                           "3.14159265",
                           "123456789012345678901",
                           "0.1",
                           "0.3",
                           "9007199254740991",
                           "9007199254740993",
                           "900719925474099.3",
                           "1234567.8901234567",
                           "0.0000000000000000000001",
                           "0.00000000000000000000001",
                           "2.",
                           "1..2",
                           "1.2.3",
                           ".5"};
    size_t i;

    for (i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        char spaced[40] = " ";
        double a = -1, b = -1;
        bool ra, rb;

        memcpy(spaced + 1, plain[i], strlen(plain[i]) + 1);
        ra = tm_number_parse(plain[i], strlen(plain[i]), &a);
        rb = tm_number_parse(spaced, strlen(spaced), &b);
        ck_assert_msg(ra == rb, "'%s': %d vs %d", plain[i], ra, rb);
        ck_assert_msg(!ra || memcmp(&a, &b, sizeof a) == 0,
                      "'%s' read as %.17g, the whole reader %.17g", plain[i], a,
                      b);
    }
}
END_TEST

START_TEST(test_number_middle_dot_decimal)
{
    assert_number("0\xC2\xB7"
                  "03",
                  0.03);
    assert_number("\xC2\xB7"
                  "5",
                  0.5);
}
END_TEST

START_TEST(test_number_scientific_forms)
{
    assert_number("1 \xC3\x97 10^6", 1e6);
    assert_number("1.5x10^7", 1.5e7);
    assert_number("10^6", 1e6);
    assert_number("1e6", 1e6);
    assert_number("1.2E-5", 1.2e-5);
    assert_number("10(6)", 1e6);
    assert_number("10^-4", 1e-4);
    assert_number("10^\xE2\x88\x92"
                  "5",
                  1e-5); /* U+2212 minus */
    assert_number("1.2 \xC3\x97 10^-5", 1.2e-5);
    assert_number("2 million", 2e6);
    assert_number("100 X 10^6", 1e8);
}
END_TEST

START_TEST(test_number_words)
{
    assert_number("twelve", 12);
    assert_number("Twenty", 20);
    assert_number("Twenty-one", 21);
    assert_number("forty five", 45);
    assert_number("a", 1);
    assert_number("one hundred and twenty", 120);
    assert_number("zero", 0);
    assert_not_number("twelfth");
    assert_not_number("tw");
    /* Hundreds and thousands, with "and", spaces and hyphens. */
    assert_number("One hundred nine", 109);
    assert_number("one hundred and nine", 109);
    assert_number("Two hundred and thirty", 230);
    assert_number("Four-hundred forty-three", 443);
    assert_number("four hundred", 400);
    assert_number("nine hundred and ninety-nine", 999);
    assert_number("two thousand three hundred and twelve", 2312);
    assert_number("Three thousand", 3000);
    assert_number("1,250", 1250);
    assert_not_number("hundred");
    assert_not_number("one hundred and");
}
END_TEST

START_TEST(test_number_scale)
{
    double v;

    ck_assert(tm_number_parse_scale("million", 7, &v));
    ck_assert(v == 1e6);
    ck_assert(tm_number_parse_scale("\xC3\x97 10^7", 7, &v));
    ck_assert(v == 1e7);
    ck_assert(!tm_number_parse_scale("cells", 5, &v));
    ck_assert(tm_number_parse_scale("M", 1, &v));
    ck_assert(v == 1e6);
    ck_assert(!tm_number_parse_scale("Mb", 2, &v));
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("number");
    TCase *tc = tcase_create("forms");

    tcase_add_test(tc, test_number_plain_and_grouped);
    tcase_add_test(tc, test_number_plain_short_path_agrees);
    tcase_add_test(tc, test_number_middle_dot_decimal);
    tcase_add_test(tc, test_number_scientific_forms);
    tcase_add_test(tc, test_number_words);
    tcase_add_test(tc, test_number_scale);
    suite_add_tcase(s, tc);
    return tm_test_main(s);
}
