/* SPDX-License-Identifier: MIT */
/*
 * text: a rule-based sentence splitter tuned for clinical prose.
 *
 * A sentence ends at '.', '!' or '?' (optionally followed by closing
 * quotes or brackets) when white space follows and the next word starts
 * like a sentence: a capital letter, a digit, or an opening bracket or
 * quote before one.  The word before the stop must not be a known
 * abbreviation or a lone capital initial.  Paragraph breaks (a blank line)
 * always end a sentence.  Simple, linear, and predictable; the cases it
 * gets wrong fail towards longer sentences, which only widens context.
 */
#include "config.h"
#include "text.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>
#include <strings.h>

#include "err.h"

void
tm_spans_push(struct tm_spans *s, size_t start, size_t end)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 32;
        s->v = tm_xreallocarray(s->v, s->cap, sizeof *s->v);
    }
    s->v[s->n].start = start;
    s->v[s->n].end = end;
    s->n++;
}

size_t
tm_spans_find(const struct tm_spans *s, size_t off)
{
    size_t lo = 0, hi = s->n;

    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;

        if (s->v[mid].start <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

void
tm_sentences_reset(struct tm_sentences *s, const char *text, size_t len)
{
    s->text = text;
    s->len = len;
    s->ready = false;
}

const struct tm_spans *
tm_sentences_get(struct tm_sentences *s)
{
    if (!s->ready) {
        tm_text_sentences(s->text, s->len, &s->spans);
        if (s->spans.n == 0)
            tm_spans_push(&s->spans, 0, s->len);
        s->ready = true;
    }
    return &s->spans;
}

void
tm_sentences_clear(struct tm_sentences *s)
{
    tm_spans_clear(&s->spans);
    s->ready = false;
}

void
tm_spans_clear(struct tm_spans *s)
{
    free(s->v);
    s->v = NULL;
    s->n = 0;
    s->cap = 0;
}

static bool
is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

static bool
is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool
is_alpha(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Words that end with a period but seldom end a sentence.  Compared
 * case-insensitively with the word just before the stop; with their
 * lengths, since the splitter asks at every period. */
static const struct {
    const char *w;
    size_t n; /* strlen(w) */
} abbreviations[] = {
    {"al", 2},   {"vs", 2},   {"e.g", 3},  {"i.e", 3},    {"fig", 3},
    {"figs", 4}, {"no", 2},   {"nos", 3},  {"approx", 6}, {"ca", 2},
    {"cf", 2},   {"ref", 3},  {"refs", 4}, {"tab", 3},    {"eq", 2},
    {"vol", 3},  {"pp", 2},   {"dr", 2},   {"mr", 2},     {"mrs", 3},
    {"ms", 2},   {"prof", 4}, {"st", 2},   {"inc", 3},    {"ltd", 3},
    {"co", 2},   {"jr", 2},   {"sr", 2},   {"etc", 3},    {"viz", 3},
    {"resp", 4}, {"min", 3},  {"max", 3},  {"approx", 6}, {"suppl", 5},
    {"sect", 4}, {"dept", 4}, {"univ", 4}, {"med", 3},    {"mo", 2},
    {"wk", 2},   {"yr", 2},   {"yrs", 3},  {"hr", 2},     {"hrs", 3},
    {"sec", 3},  {"mg", 2},   {"kg", 2},   {"vs", 2},     {"incl", 4},
    {"est", 3},  {"nat", 3},  {"sci", 3},  {"am", 2},     {"pm", 2},
    {NULL, 0}};

/* Is text[ws..we) a known abbreviation or a single capital initial? */
static bool
is_abbreviation(const char *text, size_t ws, size_t we)
{
    size_t n = we - ws, i;

    if (n == 1 && is_upper((unsigned char)text[ws]))
        return true;
    for (i = 0; abbreviations[i].w != NULL; i++) {
        if (abbreviations[i].n == n &&
            strncasecmp(text + ws, abbreviations[i].w, n) == 0)
            return true;
    }
    return false;
}

/* Is there a blank line (paragraph break) in text[from..to)? */
static bool
has_paragraph_break(const char *text, size_t from, size_t to)
{
    size_t i;
    int newlines = 0;

    for (i = from; i < to; i++) {
        if (text[i] == '\n') {
            if (++newlines >= 2)
                return true;
        } else if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') {
            newlines = 0;
        }
    }
    return false;
}

/* Does the text at i look like the start of a sentence? */
static bool
starts_sentence(const char *text, size_t len, size_t i)
{
    unsigned char c = (unsigned char)text[i];

    if (is_upper(c) || (c >= '0' && c <= '9'))
        return true;
    /* Opening quote or bracket, then a capital: "[Table 2]" is not one,
     * but "(A) ..." or "\"The ..." is. */
    if ((c == '(' || c == '"' || c == '\'') && i + 1 < len)
        return is_upper((unsigned char)text[i + 1]);
    /* Non-ASCII (Greek capitals, accented capitals): accept. */
    return c >= 0xC0;
}

/* The first byte at or after i that may end a sentence ('\n', '.', '!'
 * or '?'), or len.  Eight bytes at a time: a byte of x equal to c leaves a
 * zero byte in x ^ (c in every byte), which the test finds (Anderson's
 * "Bit Twiddling Hacks", haszero). */
static size_t
next_stop(const char *text, size_t i, size_t len)
{
    const uint64_t ones = UINT64_C(0x0101010101010101);
    const uint64_t highs = UINT64_C(0x8080808080808080);

    while (i + 8 <= len) {
        uint64_t x, a, b, c, d;

        memcpy(&x, text + i, sizeof x);
        a = x ^ (ones * '\n');
        b = x ^ (ones * '.');
        c = x ^ (ones * '!');
        d = x ^ (ones * '?');
        if ((((a - ones) & ~a) | ((b - ones) & ~b) | ((c - ones) & ~c) |
             ((d - ones) & ~d)) &
            highs)
            break;
        i += 8;
    }
    while (i < len && text[i] != '\n' && text[i] != '.' && text[i] != '!' &&
           text[i] != '?')
        i++;
    return i;
}

void
tm_text_sentences(const char *text, size_t len, struct tm_spans *out)
{
    size_t i = 0, start;

    out->n = 0;
    /* Skip leading white space. */
    while (i < len && is_space((unsigned char)text[i]))
        i++;
    start = i;
    while (i < len) {
        unsigned char c;

        /* Only these bytes can end a sentence. */
        i = next_stop(text, i, len);
        if (i == len)
            break;
        c = (unsigned char)text[i];
        if (c == '\n') {
            size_t j = i + 1;

            while (j < len &&
                   (text[j] == ' ' || text[j] == '\t' || text[j] == '\r'))
                j++;
            if (j < len && text[j] == '\n') {
                /* A blank line: close the sentence at the last non-space. */
                size_t end = i;

                while (end > start && is_space((unsigned char)text[end - 1]))
                    end--;
                if (end > start)
                    tm_spans_push(out, start, end);
                while (j < len && is_space((unsigned char)text[j]))
                    j++;
                i = start = j;
                continue;
            }
            i++;
            continue;
        }
        if (c == '.' || c == '!' || c == '?') {
            size_t end = i + 1, next, ws;

            while (end < len && (text[end] == ')' || text[end] == ']' ||
                                 text[end] == '"' || text[end] == '\''))
                end++;
            next = end;
            while (next < len && is_space((unsigned char)text[next]))
                next++;
            if (next == end || next >= len) {
                /* No space after it (a decimal point, "e.g.x") or the end. */
                i = end;
                continue;
            }
            if (has_paragraph_break(text, end, next)) {
                i = end; /* the newline branch closes it */
                continue;
            }
            if (c == '.') {
                /* The word before the period. */
                ws = i;
                while (ws > start && (is_alpha((unsigned char)text[ws - 1]) ||
                                      text[ws - 1] == '.'))
                    ws--;
                if (ws < i && is_abbreviation(text, ws, i)) {
                    i = end;
                    continue;
                }
            }
            if (!starts_sentence(text, len, next)) {
                i = end;
                continue;
            }
            tm_spans_push(out, start, end);
            i = start = next;
            continue;
        }
        i++;
    }
    while (len > start && is_space((unsigned char)text[len - 1]))
        len--;
    if (len > start)
        tm_spans_push(out, start, len);
}

bool
tm_text_word_byte(unsigned char c)
{
    return isalnum(c) || c >= 0x80;
}

size_t
tm_text_name_form(const char *name, size_t n, int form, char *buf, size_t cap,
                  const char **out)
{
    unsigned char last = n > 0 ? (unsigned char)name[n - 1] : 0;

    *out = name;
    if (form == 0)
        return n;
    if (form == 1) {
        if (n == 0 || n + 1 > cap || !isalpha(last) || tolower(last) == 's')
            return 0;
        memcpy(buf, name, n);
        buf[n] = 's';
        *out = buf;
        return n + 1;
    }
    if (form == 2 && n >= 4 && tolower(last) == 's' &&
        isalpha((unsigned char)name[n - 2]))
        return n - 1;
    return 0;
}

/* Would text[a..b), starting or ending with a digit, cut a decimal
 * number ("5 mg" in "2.5 mg", "2" in "2.5")? */
static bool
in_decimal(const char *text, size_t len, size_t a, size_t b)
{
    return (isdigit((unsigned char)text[a]) && a >= 2 &&
            (text[a - 1] == '.' || text[a - 1] == ',') &&
            isdigit((unsigned char)text[a - 2])) ||
           (isdigit((unsigned char)text[b - 1]) && b + 1 < len &&
            (text[b] == '.' || text[b] == ',') &&
            isdigit((unsigned char)text[b + 1]));
}

size_t
tm_text_next_word(const char *text, size_t len, size_t from, const char *word,
                  size_t w)
{
    size_t i;
    int first = tolower((unsigned char)word[0]);

    for (i = from; w > 0 && i + w <= len; i++) {
        if (tolower((unsigned char)text[i]) == first &&
            strncasecmp(text + i, word, w) == 0 &&
            (i == 0 || !tm_text_word_byte((unsigned char)text[i - 1])) &&
            (i + w == len || !tm_text_word_byte((unsigned char)text[i + w])) &&
            !in_decimal(text, len, i, i + w))
            return i;
    }
    return len;
}

/* Does text[a..b) open a bracket it does not close ("48 (MSC n=25":
 * what follows a count is inside a bracket that explains it)? */
bool
tm_text_opens_bracket(const char *text, size_t a, size_t b)
{
    int depth = 0;
    size_t i;

    for (i = a; i < b; i++) {
        if (text[i] == '(' || text[i] == '[')
            depth++;
        else if ((text[i] == ')' || text[i] == ']') && --depth < 0)
            return false;
    }
    return depth > 0;
}
