/* SPDX-License-Identifier: MIT */
/*
 * number: a small recursive-descent reader for the number forms of
 * clinical text.  It accepts only whole strings, so a pattern that
 * captures too much fails loudly instead of yielding a wrong value.
 */
#include "config.h"
#include "number.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct cursor {
    const char *p, *end;
};

static bool
at_end(const struct cursor *c)
{
    return c->p >= c->end;
}

/* Does the input continue with the byte string lit? */
static bool
has(const struct cursor *c, const char *lit)
{
    size_t n = strlen(lit);

    return (size_t)(c->end - c->p) >= n && memcmp(c->p, lit, n) == 0;
}

static bool
eat(struct cursor *c, const char *lit)
{
    if (!has(c, lit))
        return false;
    c->p += strlen(lit);
    return true;
}

/* Skip ASCII white space and the Unicode spaces text uses between digits
 * and signs: NBSP, thin space, narrow NBSP, hair space. */
static void
skip_space(struct cursor *c)
{
    for (;;) {
        if (!at_end(c) &&
            (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')) {
            c->p++;
        } else if (eat(c, "\xC2\xA0") || eat(c, "\xE2\x80\x89") ||
                   eat(c, "\xE2\x80\xAF") || eat(c, "\xE2\x80\x8A")) {
            continue;
        } else {
            return;
        }
    }
}

static bool
is_digit(const struct cursor *c)
{
    return !at_end(c) && *c->p >= '0' && *c->p <= '9';
}

/* A minus sign: ASCII hyphen-minus, U+2212 minus, en dash. */
static bool
eat_minus(struct cursor *c)
{
    return eat(c, "-") || eat(c, "\xE2\x88\x92") || eat(c, "\xE2\x80\x93");
}

/* A decimal mark: '.' or the middle dot of Lancet style. */
static bool
eat_decimal_mark(struct cursor *c)
{
    if (has(c, ".") || has(c, "\xC2\xB7")) {
        struct cursor peek = *c;

        peek.p += (*c->p == '.') ? 1 : 2;
        if (is_digit(&peek)) {
            *c = peek;
            return true;
        }
    }
    return false;
}

/* A thousands separator followed by exactly three digits (and no fourth):
 * on success the cursor moves past the group and the digits are returned. */
static const char *
eat_group(struct cursor *c)
{
    struct cursor peek = *c;
    const char *digits;
    int i;

    if (!(eat(&peek, ",") || eat(&peek, " ") || eat(&peek, "\xC2\xA0") ||
          eat(&peek, "\xE2\x80\x89") || eat(&peek, "\xE2\x80\xAF")))
        return NULL;
    digits = peek.p;
    for (i = 0; i < 3; i++) {
        if (!is_digit(&peek))
            return NULL;
        peek.p++;
    }
    if (is_digit(&peek))
        return NULL;
    *c = peek;
    return digits;
}

/* Digits with optional thousands groups and an optional fraction. */
static bool
parse_decimal(struct cursor *c, double *out)
{
    char tmp[64];
    size_t n = 0;
    const char *group;

    while (is_digit(c)) {
        if (n + 1 >= sizeof tmp)
            return false;
        tmp[n++] = *c->p++;
    }
    /* "1,200" and "1 200": only after a first group of one to three. */
    if (n >= 1 && n <= 3) {
        while ((group = eat_group(c)) != NULL) {
            if (n + 4 >= sizeof tmp)
                return false;
            memcpy(tmp + n, group, 3);
            n += 3;
        }
    }
    if (eat_decimal_mark(c)) {
        if (n + 2 >= sizeof tmp)
            return false;
        tmp[n++] = '.';
        while (is_digit(c)) {
            if (n + 1 >= sizeof tmp)
                return false;
            tmp[n++] = *c->p++;
        }
    }
    if (n == 0)
        return false;
    tmp[n] = '\0';
    *out = strtod(tmp, NULL);
    return true;
}

/* An integer exponent with an optional sign. */
static bool
parse_exponent(struct cursor *c, int *out)
{
    int sign = 1, v = 0, digits = 0;

    skip_space(c);
    if (eat_minus(c))
        sign = -1;
    else
        eat(c, "+");
    skip_space(c);
    while (is_digit(c)) {
        if (digits++ > 3)
            return false;
        v = v * 10 + (*c->p++ - '0');
    }
    if (digits == 0)
        return false;
    *out = sign * v;
    return true;
}

/* "10^6", "10^-5", "10(6)", "10 ^ 6": a power of ten. */
static bool
parse_power_of_ten(struct cursor *c, double *out)
{
    struct cursor save = *c;
    int e;

    skip_space(c);
    if (!eat(c, "10")) {
        *c = save;
        return false;
    }
    skip_space(c);
    if (eat(c, "^")) {
        if (!parse_exponent(c, &e))
            goto fail;
    } else if (eat(c, "(")) {
        if (!parse_exponent(c, &e))
            goto fail;
        skip_space(c);
        if (!eat(c, ")"))
            goto fail;
    } else {
        goto fail;
    }
    *out = pow(10.0, e);
    return true;
fail:
    *c = save;
    return false;
}

/* A multiplication sign between a mantissa and a power of ten. */
static bool
eat_times(struct cursor *c)
{
    struct cursor save = *c;

    skip_space(c);
    if (eat(c, "\xC3\x97") || eat(c, "x") || eat(c, "X") || eat(c, "*") ||
        eat(c, "\xC2\xB7") || eat(c, "\xE2\x8B\x85"))
        return true;
    *c = save;
    return false;
}

struct word {
    const char *w;
    int v;
};

static const struct word units_words[] = {
    {"zero", 0},      {"none", 0},      {"nil", 0},      {"no", 0},
    {"a", 1},         {"an", 1},        {"single", 1},   {"one", 1},
    {"two", 2},       {"three", 3},     {"four", 4},     {"five", 5},
    {"six", 6},       {"seven", 7},     {"eight", 8},    {"nine", 9},
    {"ten", 10},      {"eleven", 11},   {"twelve", 12},  {"thirteen", 13},
    {"fourteen", 14}, {"fifteen", 15},  {"sixteen", 16}, {"seventeen", 17},
    {"eighteen", 18}, {"nineteen", 19}, {NULL, 0}};
static const struct word tens_words[] = {
    {"twenty", 20}, {"thirty", 30}, {"forty", 40},
    {"fifty", 50},  {"sixty", 60},  {"seventy", 70},
    {"eighty", 80}, {"ninety", 90}, {NULL, 0}};

/* Match one whole word (case-insensitive) from the table. */
static bool
eat_word(struct cursor *c, const struct word *table, int *v)
{
    size_t i;

    /* Every word of a table starts with an ASCII letter, so a digit, the
     * usual start of a number, is not looked up in the whole table. */
    if (at_end(c) || (*c->p | 0x20) < 'a' || (*c->p | 0x20) > 'z')
        return false;
    for (i = 0; table[i].w != NULL; i++) {
        size_t n = strlen(table[i].w);

        if ((size_t)(c->end - c->p) >= n &&
            strncasecmp(c->p, table[i].w, n) == 0 &&
            (c->p + n == c->end ||
             !((c->p[n] | 0x20) >= 'a' && (c->p[n] | 0x20) <= 'z'))) {
            c->p += n;
            *v = table[i].v;
            return true;
        }
    }
    return false;
}

/* A hyphen or a space between number words: "forty-three", "four
 * hundred".  The normalizer folds U+2010 and U+2011 to '-'. */
static bool
eat_word_gap(struct cursor *c)
{
    struct cursor save = *c;

    if (eat(c, "-")) {
        skip_space(c);
        return true;
    }
    skip_space(c);
    if (c->p > save.p)
        return true;
    *c = save;
    return false;
}

/* Numbers below 100 in words: "nine", "twelve", "Twenty-one". */
static bool
parse_words_below_100(struct cursor *c, int *out)
{
    int w;

    if (eat_word(c, tens_words, out)) {
        struct cursor save = *c;

        if (eat_word_gap(c) && eat_word(c, units_words, &w) && w > 0 && w < 10)
            *out += w;
        else
            *c = save;
        return true;
    }
    return eat_word(c, units_words, out);
}

/* "hundred" or "thousand" after a gap, as a whole word. */
static bool
eat_scale_word(struct cursor *c, const char *word)
{
    struct cursor save = *c;
    struct word one[2] = {{NULL, 1}, {NULL, 0}};
    int v;

    one[0].w = word;
    if (eat_word_gap(c) && eat_word(c, one, &v))
        return true;
    *c = save;
    return false;
}

/* After "hundred" or "thousand": an optional "and" and the rest, below
 * the given limit ("one hundred and nine", "four-hundred forty-three"). */
static void
parse_words_rest(struct cursor *c, int (*below)(struct cursor *, int *),
                 int *out)
{
    struct cursor save = *c;
    static const struct word and_word[] = {{"and", 0}, {NULL, 0}};
    int w;

    if (eat_word_gap(c)) {
        struct cursor mid = *c;

        if (eat_word(c, and_word, &w) && !eat_word_gap(c))
            *c = mid;
        if (below(c, &w) && w > 0) {
            *out += w;
            return;
        }
    }
    *c = save;
}

static int
words_below_100(struct cursor *c, int *out)
{
    return parse_words_below_100(c, out);
}

/* Numbers below 1000 in words: "nine hundred and ninety-nine". */
static int
words_below_1000(struct cursor *c, int *out)
{
    int v;

    if (!parse_words_below_100(c, &v))
        return 0;
    if (v > 0 && v < 10 && eat_scale_word(c, "hundred")) {
        v *= 100;
        parse_words_rest(c, words_below_100, &v);
    }
    *out = v;
    return 1;
}

/* Numbers below a million in words: "two thousand three hundred",
 * "One hundred nine", "Four-hundred forty-three". */
static bool
parse_words_number(struct cursor *c, int *out)
{
    int v;

    if (!words_below_1000(c, &v))
        return false;
    if (v > 0 && eat_scale_word(c, "thousand")) {
        v *= 1000;
        eat(c, ",");
        parse_words_rest(c, words_below_1000, &v);
    }
    *out = v;
    return true;
}

/* A scale word after a number: "2 million", "1.5 billion". */
static bool
parse_scale_word(struct cursor *c, double *out)
{
    static const struct {
        const char *w;
        double v;
    } scales[] = {{"thousand", 1e3},
                  {"million", 1e6},
                  {"billion", 1e9},
                  {"trillion", 1e12}};
    size_t i;
    struct cursor save = *c;

    skip_space(c);
    for (i = 0; i < sizeof scales / sizeof scales[0]; i++) {
        size_t n = strlen(scales[i].w);

        if ((size_t)(c->end - c->p) >= n &&
            strncasecmp(c->p, scales[i].w, n) == 0) {
            c->p += n;
            *out = scales[i].v;
            return true;
        }
    }
    *c = save;
    return false;
}

/* Most captured numbers are plain digits with an optional fraction
 * ("28", "0.05"), which the reader below turns into strtod of the text
 * after trying a sign, a power of ten, number words, exponents, a times
 * sign and scale words on them (about 3,000 instructions a number).  Read
 * them straight away, to the same value. */
static bool
parse_plain(const char *s, size_t len, double *out)
{
    /* 10^0 .. 10^22, every one exact in a double. */
    static const double pow10[] = {
        1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    char tmp[32];
    size_t i, fraction = 0;
    bool dot = false;
    uint64_t digits = 0;

    if (len == 0 || len >= sizeof tmp)
        return false;
    for (i = 0; i < len; i++) {
        if (s[i] == '.' && !dot && i > 0 && i + 1 < len) {
            dot = true;
        } else if (s[i] < '0' || s[i] > '9') {
            return false;
        } else {
            /* len < 32 digits: saturate rather than overflow. */
            digits = digits < UINT64_C(1) << 60
                         ? digits * 10 + (uint64_t)(s[i] - '0')
                         : digits;
            fraction += dot;
        }
    }
    /* Digits below 2^53 and a power of ten up to 10^22 are both exact,
     * so one correctly rounded division gives what strtod gives (the
     * correctly rounded value of the decimal), at a tenth of the cost. */
    if (digits < UINT64_C(1) << 53 && fraction <= 22) {
        *out = (double)digits / pow10[fraction];
        return true;
    }
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    *out = strtod(tmp, NULL);
    return true;
}

bool
tm_number_parse(const char *s, size_t len, double *out)
{
    struct cursor c = {s, s + len};
    double v = 0, scale;
    bool neg = false;
    int words;

    if (parse_plain(s, len, out))
        return true;
    skip_space(&c);
    if (eat_minus(&c))
        neg = true;
    else
        eat(&c, "+");
    skip_space(&c);

    if (parse_power_of_ten(&c, &v)) {
        /* "10^6" standing alone. */
    } else if (parse_words_number(&c, &words)) {
        v = words;
    } else if (parse_decimal(&c, &v)) {
        struct cursor save = c;
        int e;

        /* "1e6", "1.2E-5" */
        if (!at_end(&c) && (*c.p == 'e' || *c.p == 'E')) {
            c.p++;
            if (parse_exponent(&c, &e) && e >= -400 && e <= 400)
                v *= pow(10.0, e);
            else
                c = save;
        } else if (eat_times(&c)) {
            if (parse_power_of_ten(&c, &scale))
                v *= scale;
            else
                c = save;
        }
    } else {
        return false;
    }
    if (parse_scale_word(&c, &scale))
        v *= scale;
    skip_space(&c);
    if (!at_end(&c) || !isfinite(v))
        return false;
    *out = neg ? -v : v;
    return true;
}

bool
tm_number_parse_scale(const char *s, size_t len, double *out)
{
    struct cursor c = {s, s + len};
    double v;

    skip_space(&c);
    /* "100M cells": M alone is a million (a pattern decides where). */
    if (len == 1 && s[0] == 'M') {
        *out = 1e6;
        return true;
    }
    eat_times(&c);
    if (!parse_power_of_ten(&c, &v) && !parse_scale_word(&c, &v))
        return false;
    skip_space(&c);
    if (!at_end(&c))
        return false;
    *out = v;
    return true;
}
