/* SPDX-License-Identifier: MIT */
/*
 * pattern: the pattern-file reader and compiler.
 *
 * A pattern file is line-oriented.  Top-level lines (starting in column
 * 1) are `define`, `map` and `pattern`; the indented lines after a
 * `pattern` line belong to it.  Every regex is PCRE2 in extended mode
 * (white space ignored, # comments), compiled with UTF and UCP.  Shared
 * building blocks (`define number ...`) become one (?(DEFINE)...) block
 * appended to every regex, so `(?&number)` works everywhere and a new
 * number form is added in one place.  See patterns/README.md.
 */
#include "config.h"
#include "pattern.h"
#include "pattern-int.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "utf8.h"

#define PATTERN_FILE_LIMIT (16u << 20)

static const char *const field_names[TM_F_COUNT] = {
    "value",      "value_high", "spread",  "exponent",  "scale",   "unit",
    "comparator", "scope",      "group",   "timepoint", "events",  "total",
    "study",      "study_ref",  "measure", "ci_low",    "ci_high", "ci_level"};

int
tm_field_lookup(const char *name, size_t len)
{
    int i;

    for (i = 0; i < TM_F_COUNT; i++) {
        if (strlen(field_names[i]) == len &&
            memcmp(field_names[i], name, len) == 0)
            return i;
    }
    return -1;
}

const char *
tm_field_name(int field)
{
    return field >= 0 && field < TM_F_COUNT ? field_names[field] : NULL;
}

bool
tm_field_is_numeric(int field)
{
    return field == TM_F_VALUE || field == TM_F_VALUE_HIGH ||
           field == TM_F_SPREAD || field == TM_F_EVENTS ||
           field == TM_F_TOTAL || field == TM_F_CI_LOW ||
           field == TM_F_CI_HIGH || field == TM_F_CI_LEVEL;
}

/* The regexes to JIT-compile on first use, by index. */
struct tm_jit_list {
    pthread_mutex_t mu;
    pcre2_code **codes; /* borrowed from the set */
    bool *tried;
    size_t n, cap;
};

struct tm_pattern_set *
tm_pattern_set_new(void)
{
    struct tm_pattern_set *set = tm_xcalloc(1, sizeof *set);

    set->jit = tm_xcalloc(1, sizeof *set->jit);
    pthread_mutex_init(&set->jit->mu, NULL);
    set->limits.match_limit = TM_PATTERN_MATCH_LIMIT;
    set->limits.depth_limit = TM_PATTERN_DEPTH_LIMIT;
    set->limits.heap_limit = TM_PATTERN_HEAP_LIMIT;
    set->limits.no_jit = 0;
    return set;
}

static void
kv_free(struct tm_kv *kv, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        free(kv[i].key);
        free(kv[i].val);
    }
    free(kv);
}

static void
pattern_clear(struct tm_pattern *p)
{
    size_t i;

    free(p->name);
    free(p->id);
    free(p->type);
    free(p->from);
    free(p->replace);
    free(p->check);
    free(p->regex);
    free(p->segs);
    pcre2_code_free(p->re);
    free(p->groups);
    kv_free(p->sets, p->nsets);
    for (i = 0; i < p->nrules; i++) {
        struct tm_rule *u = p->rules[i].unless;

        if (!p->rules[i].shared)
            pcre2_code_free(p->rules[i].re);
        free(p->rules[i].src);
        if (u != NULL) {
            if (!u->shared)
                pcre2_code_free(u->re);
            free(u->src);
            free(u);
        }
    }
    free(p->rules);
    tm_strv_clear(&p->prefilter);
    free(p->prefilter_line);
    for (i = 0; i < p->nexamples; i++) {
        free(p->examples[i].text);
        kv_free(p->examples[i].expect, p->examples[i].nexpect);
    }
    free(p->examples);
}

void
tm_pattern_set_free(struct tm_pattern_set *set)
{
    size_t i;

    if (set == NULL)
        return;
    for (i = 0; i < set->npatterns; i++)
        pattern_clear(&set->patterns[i]);
    free(set->patterns);
    pcre2_code_free(set->clause_break);
    pcre2_code_free(set->clause_verb);
    pcre2_code_free(set->list_sep);
    pcre2_code_free(set->list_last);
    for (i = 0; i < set->nroles; i++) {
        free(set->roles[i].type);
        free(set->roles[i].value);
        free(set->roles[i].rule.src);
        if (!set->roles[i].rule.shared)
            pcre2_code_free(set->roles[i].rule.re);
    }
    free(set->roles);
    for (i = 0; i < set->nlabels; i++) {
        free(set->labels[i].name);
        free(set->labels[i].src);
        free(set->labels[i].segs);
        pcre2_code_free(set->labels[i].re);
    }
    free(set->labels);
    for (i = 0; i < set->ndefines; i++) {
        free(set->defines[i].name);
        free(set->defines[i].src);
        free(set->defines[i].segs);
    }
    free(set->defines);
    for (i = 0; i < set->nmaps; i++) {
        free(set->maps[i].src);
        free(set->maps[i].replacement);
        pcre2_code_free(set->maps[i].re);
    }
    free(set->maps);
    tm_strv_clear(&set->diags);
    tm_strv_clear(&set->files);
    free(set->loaded);
    pthread_mutex_destroy(&set->jit->mu);
    free(set->jit->codes);
    free(set->jit->tried);
    free(set->jit);
    free(set);
}

size_t
tm_pattern_set_ndiags(const struct tm_pattern_set *set)
{
    return set->diags.n;
}

const char *
tm_pattern_set_diag(const struct tm_pattern_set *set, size_t i)
{
    return i < set->diags.n ? set->diags.v[i] : NULL;
}

size_t
tm_pattern_set_nfiles(const struct tm_pattern_set *set)
{
    return set->files.n;
}

size_t
tm_pattern_set_npatterns(const struct tm_pattern_set *set)
{
    return set->npatterns;
}

size_t
tm_pattern_set_nexamples(const struct tm_pattern_set *set)
{
    size_t i, n = 0;

    for (i = 0; i < set->npatterns; i++)
        n += set->patterns[i].nexamples;
    return n;
}

void
tm_pattern_set_limits(struct tm_pattern_set *set,
                      const struct tm_pattern_limits *limits)
{
    set->limits = *limits;
}

/* Record a diagnostic "file:line:column: message"; the first one also goes
 * into err. */
static void diag(struct tm_pattern_set *set, struct tm_err *err,
                 const char *file, unsigned line, unsigned column,
                 const char *fmt, ...) TM_PRINTF(6, 7);

static void
diag(struct tm_pattern_set *set, struct tm_err *err, const char *file,
     unsigned line, unsigned column, const char *fmt, ...)
{
    char msg[TM_ERR_MSG_MAX], full[TM_ERR_MSG_MAX + 64];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(full, sizeof full, "%s:%u:%u: %s", file, line, column, msg);
    tm_strv_push(&set->diags, full);
    if (err != NULL && err->code == TM_OK) {
        tm_err_set(err, TM_ERR_PATTERN, "%s", full);
        err->line = line;
        err->column = column;
    }
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

struct line_ctx {
    struct tm_pattern_set *set;
    struct tm_err *err;
    const char *file;
    unsigned lineno;
    struct tm_pattern *cur;       /* the pattern being read, or NULL */
    struct tm_define *cur_define; /* a define that may continue */
    struct tm_label *cur_label;   /* a label that may continue */
    bool bad_define; /* a rejected define: skip its continuation lines */
};

static bool
is_name_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '-';
}

/* Split off the first word of s (after white space); returns its length
 * and sets *rest to the text after it and its white space. */
static size_t
first_word(const char *s, const char **rest)
{
    size_t n = 0;

    while (s[n] != '\0' && !isspace((unsigned char)s[n]))
        n++;
    *rest = s + n;
    while (**rest == ' ' || **rest == '\t')
        (*rest)++;
    return n;
}

static bool
word_is(const char *w, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(w, lit, n) == 0;
}

static unsigned
col_of(const char *line, const char *p)
{
    return (unsigned)(p - line) + 1;
}

/* Append a regex line to *src (joined with a newline, which also ends
 * any # comment) and record where it came from. */
static void
append_regex_line(char **src, struct tm_segment **segs, size_t *nsegs,
                  const char *text, const char *file, unsigned line,
                  unsigned column)
{
    struct tm_buf b;
    size_t off = *src ? strlen(*src) + 1 : 0;

    tm_buf_init(&b, 0);
    if (*src != NULL) {
        tm_buf_puts(&b, *src);
        tm_buf_putc(&b, '\n');
    }
    tm_buf_puts(&b, text);
    free(*src);
    *src = tm_buf_steal(&b, NULL);
    *segs = tm_xreallocarray(*segs, *nsegs + 1, sizeof **segs);
    (*segs)[*nsegs].off = off;
    (*segs)[*nsegs].len = strlen(text);
    (*segs)[*nsegs].file = file;
    (*segs)[*nsegs].line = line;
    (*segs)[*nsegs].column = column;
    (*nsegs)++;
}

/* Parse `key=value` tokens (values may be "double quoted"). */
static bool
parse_expectations(struct line_ctx *lc, const char *line, const char *s,
                   struct tm_example *ex)
{
    while (*s != '\0') {
        const char *k = s, *v, *eq;
        struct tm_buf val;

        while (*s == ' ' || *s == '\t')
            s++;
        if (*s == '\0')
            break;
        k = s;
        eq = strchr(k, '=');
        if (eq == NULL || eq == k) {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, k),
                 "expected field=value after =>");
            return false;
        }
        if (tm_field_lookup(k, (size_t)(eq - k)) < 0 &&
            !word_is(k, (size_t)(eq - k), "text")) {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, k),
                 "unknown field '%.*s'", (int)(eq - k), k);
            return false;
        }
        tm_buf_init(&val, 0);
        v = eq + 1;
        if (*v == '"') {
            v++;
            while (*v != '\0' && *v != '"')
                tm_buf_putc(&val, *v++);
            if (*v != '"') {
                diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, v),
                     "unterminated quoted value");
                tm_buf_clear(&val);
                return false;
            }
            v++;
        } else {
            while (*v != '\0' && *v != ' ' && *v != '\t')
                tm_buf_putc(&val, *v++);
        }
        ex->expect =
            tm_xreallocarray(ex->expect, ex->nexpect + 1, sizeof *ex->expect);
        ex->expect[ex->nexpect].key = tm_xstrndup(k, (size_t)(eq - k));
        ex->expect[ex->nexpect].val = tm_buf_steal(&val, NULL);
        ex->nexpect++;
        s = v;
    }
    return true;
}

/* Copy s[0..len) turning \n, \t and \\ into a line break, a tab and a
 * backslash, so examples can show multi-line raw text. */
static char *
unescape(const char *s, size_t len)
{
    char *out = tm_xmalloc(len + 1);
    size_t i, n = 0;

    for (i = 0; i < len; i++) {
        if (s[i] == '\\' && i + 1 < len &&
            (s[i + 1] == 'n' || s[i + 1] == 't' || s[i + 1] == '\\')) {
            i++;
            out[n++] = s[i] == 'n' ? '\n' : s[i] == 't' ? '\t' : '\\';
        } else {
            out[n++] = s[i];
        }
    }
    out[n] = '\0';
    return out;
}

static void
add_example(struct line_ctx *lc, const char *line, const char *args,
            bool negative)
{
    struct tm_pattern *p = lc->cur;
    struct tm_example ex;
    const char *arrow = NULL, *q;

    memset(&ex, 0, sizeof ex);
    ex.negative = negative;
    ex.line = lc->lineno;
    /* The last " => " separates the example text from expectations. */
    for (q = strstr(args, " => "); q != NULL; q = strstr(q + 1, " => "))
        arrow = q;
    if (*args == '\0') {
        diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
             "%s needs a text", negative ? "negative" : "example");
        return;
    }
    if (arrow != NULL && negative) {
        diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, arrow),
             "a negative example takes no expected fields");
        return;
    }
    ex.text = unescape(args, arrow ? (size_t)(arrow - args) : strlen(args));
    if (arrow != NULL && p->is_repair) {
        /* A repair example expects the whole normalized text. */
        ex.expect = tm_xcalloc(1, sizeof *ex.expect);
        ex.expect[0].key = tm_xstrdup("normalized");
        ex.expect[0].val = unescape(arrow + 4, strlen(arrow + 4));
        ex.nexpect = 1;
    } else if (arrow != NULL && !parse_expectations(lc, line, arrow + 4, &ex)) {
        free(ex.text);
        kv_free(ex.expect, ex.nexpect);
        return;
    }
    p->examples =
        tm_xreallocarray(p->examples, p->nexamples + 1, sizeof *p->examples);
    p->examples[p->nexamples++] = ex;
}

/* Parse "WHERE [N] REGEX" into r (where, chars, src, line, column). */
static bool
parse_rule(struct line_ctx *lc, const char *line, const char *args,
           struct tm_rule *r)
{
    const char *rest;
    size_t n = first_word(args, &rest);

    if (word_is(args, n, "sentence")) {
        r->where = TM_WHERE_SENTENCE;
    } else if (word_is(args, n, "clause")) {
        r->where = TM_WHERE_CLAUSE;
    } else if (word_is(args, n, "clause-before")) {
        r->where = TM_WHERE_CLAUSE_BEFORE;
    } else if (word_is(args, n, "clause-after")) {
        r->where = TM_WHERE_CLAUSE_AFTER;
    } else if (word_is(args, n, "match")) {
        r->where = TM_WHERE_MATCH;
    } else if (word_is(args, n, "paragraph-before")) {
        r->where = TM_WHERE_PARAGRAPH_BEFORE;
    } else if (word_is(args, n, "before") || word_is(args, n, "after") ||
               word_is(args, n, "near")) {
        char *end;
        unsigned long chars;

        r->where = word_is(args, n, "before")  ? TM_WHERE_BEFORE
                   : word_is(args, n, "after") ? TM_WHERE_AFTER
                                               : TM_WHERE_NEAR;
        errno = 0;
        chars = strtoul(rest, &end, 10);
        if (end == rest || errno != 0 || chars == 0 || chars > 100000) {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, rest),
                 "expected a distance in characters (1 to 100000)");
            return false;
        }
        r->chars = (unsigned)chars;
        rest = end;
        while (*rest == ' ' || *rest == '\t')
            rest++;
    } else {
        diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
             "expected sentence, clause, clause-before, clause-after, "
             "match, paragraph-before, before N, after N or near N");
        return false;
    }
    if (*rest == '\0') {
        diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, rest),
             "missing regex");
        return false;
    }
    r->src = tm_xstrdup(rest);
    r->line = lc->lineno;
    r->column = col_of(line, rest);
    return true;
}

static void
add_rule(struct line_ctx *lc, const char *line, const char *args, bool forbid)
{
    struct tm_rule r;

    memset(&r, 0, sizeof r);
    r.forbid = forbid;
    if (!parse_rule(lc, line, args, &r))
        return;
    lc->cur->rules = tm_xreallocarray(lc->cur->rules, lc->cur->nrules + 1,
                                      sizeof *lc->cur->rules);
    lc->cur->rules[lc->cur->nrules++] = r;
}

/* "unless WHERE REGEX": an exception to the forbid rule on the line
 * before ("forbid clause-after with" / "unless clause enrolled"). */
static void
add_unless(struct line_ctx *lc, const char *line, const char *args)
{
    struct tm_rule r, *last;

    last = lc->cur->nrules > 0 ? &lc->cur->rules[lc->cur->nrules - 1] : NULL;
    if (last == NULL || !last->forbid || last->unless != NULL) {
        diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
             "'unless' must follow a forbid line (one unless each)");
        return;
    }
    memset(&r, 0, sizeof r);
    if (!parse_rule(lc, line, args, &r))
        return;
    last->unless = tm_xmalloc(sizeof r);
    *last->unless = r;
}

static void
push_role(struct tm_pattern_set *set, const struct tm_role *role)
{
    set->roles =
        tm_xreallocarray(set->roles, set->nroles + 1, sizeof *set->roles);
    set->roles[set->nroles++] = *role;
}

/* "reject TYPE WHERE [N] REGEX" */
static void
add_reject(struct line_ctx *lc, const char *line, const char *args)
{
    struct tm_role role;
    const char *rest;
    size_t n = first_word(args, &rest);

    memset(&role, 0, sizeof role);
    if (n == 0 || *rest == '\0') {
        diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
             "expected: reject TYPE WHERE REGEX");
        return;
    }
    if (!parse_rule(lc, line, rest, &role.rule))
        return;
    role.type = tm_xstrndup(args, n);
    role.kind = TM_ROLE_REJECT;
    role.file = lc->file;
    push_role(lc->set, &role);
}

/* "range TYPE MIN MAX" */
static void
add_range(struct line_ctx *lc, const char *line, const char *args)
{
    struct tm_role role;
    const char *rest;
    size_t n = first_word(args, &rest);
    char *end1, *end2;

    memset(&role, 0, sizeof role);
    role.min = strtod(rest, &end1);
    role.max = strtod(end1, &end2);
    while (*end2 == ' ' || *end2 == '\t')
        end2++;
    if (n == 0 || end1 == rest || end2 == end1 || !(role.min <= role.max)) {
        diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
             "expected: range TYPE MIN MAX [FIELD=VALUE] (numbers, MIN <= "
             "MAX)");
        return;
    }
    if (*end2 != '\0') {
        /* "range dose 1e4 1e10 unit=cells/kg": only for records whose
         * (canonical) text field has this value. */
        const char *eq = strchr(end2, '=');
        int f = eq != NULL ? tm_field_lookup(end2, (size_t)(eq - end2)) : -1;

        if (f < 0 || tm_field_is_numeric(f) || eq[1] == '\0' ||
            strpbrk(eq + 1, " \t") != NULL) {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, end2),
                 "a range's condition is one text FIELD=VALUE (unit=mg/kg)");
            return;
        }
        role.field = f;
        role.value = tm_xstrdup(eq + 1);
    }
    role.type = tm_xstrndup(args, n);
    role.kind = TM_ROLE_RANGE;
    role.file = lc->file;
    push_role(lc->set, &role);
}

/* "label NAME REGEX" */
static void
add_label(struct line_ctx *lc, const char *line, const char *args)
{
    struct tm_pattern_set *set = lc->set;
    struct tm_label *l;
    const char *rest;
    size_t n = first_word(args, &rest), i;

    for (i = 0; i < n && is_name_char(args[i]); i++)
        ;
    if (n == 0 || i != n) {
        diag(set, lc->err, lc->file, lc->lineno, col_of(line, args),
             "a label name is letters, digits, '_' and '-'");
        return;
    }
    for (i = 0; i < set->nlabels; i++) {
        if (strlen(set->labels[i].name) == n &&
            memcmp(set->labels[i].name, args, n) == 0) {
            diag(set, lc->err, lc->file, lc->lineno, col_of(line, args),
                 "label '%.*s' is already defined at %s:%u", (int)n, args,
                 set->labels[i].file, set->labels[i].line);
            return;
        }
    }
    if (*rest == '\0') {
        diag(set, lc->err, lc->file, lc->lineno, col_of(line, rest),
             "missing regex");
        return;
    }
    if (set->nlabels == set->labels_cap) {
        set->labels_cap = set->labels_cap ? set->labels_cap * 2 : 4;
        set->labels =
            tm_xreallocarray(set->labels, set->labels_cap, sizeof *set->labels);
    }
    l = &set->labels[set->nlabels++];
    memset(l, 0, sizeof *l);
    l->name = tm_xstrndup(args, n);
    l->file = lc->file;
    l->line = lc->lineno;
    append_regex_line(&l->src, &l->segs, &l->nsegs, rest, lc->file, lc->lineno,
                      col_of(line, rest));
    lc->cur_label = l;
}

/* "role TYPE FIELD=VALUE WHERE [N] REGEX" */
static void
add_role(struct line_ctx *lc, const char *line, const char *args)
{
    struct tm_pattern_set *set = lc->set;
    struct tm_role role;
    const char *rest, *fv, *eq;
    size_t n = first_word(args, &rest), fn;

    memset(&role, 0, sizeof role);
    fv = rest;
    fn = first_word(fv, &rest);
    eq = memchr(fv, '=', fn);
    if (n == 0 || eq == NULL || eq == fv || eq + 1 == fv + fn) {
        diag(set, lc->err, lc->file, lc->lineno, col_of(line, args),
             "expected: role TYPE FIELD=VALUE WHERE REGEX");
        return;
    }
    role.field = tm_field_lookup(fv, (size_t)(eq - fv));
    if (role.field < 0 || tm_field_is_numeric(role.field)) {
        diag(set, lc->err, lc->file, lc->lineno, col_of(line, fv),
             "role needs a text field (unit, comparator, scope, group, "
             "timepoint, study, measure)");
        return;
    }
    if (!parse_rule(lc, line, rest, &role.rule))
        return;
    role.type = tm_xstrndup(args, n);
    role.value = tm_xstrndup(eq + 1, (size_t)(fv + fn - eq - 1));
    role.file = lc->file;
    push_role(set, &role);
}

static void
pattern_directive(struct line_ctx *lc, const char *line, const char *w,
                  size_t n, const char *args)
{
    struct tm_pattern *p = lc->cur;

    if (p->is_repair &&
        (word_is(w, n, "type") || word_is(w, n, "set") ||
         word_is(w, n, "keep") || word_is(w, n, "from") ||
         word_is(w, n, "priority") || word_is(w, n, "min-arm-share") ||
         word_is(w, n, "require") || word_is(w, n, "forbid") ||
         word_is(w, n, "unless"))) {
        diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, w),
             "'%.*s' is for patterns; a repair takes regex, replace, check, "
             "stage, class, prefilter, example and negative",
             (int)n, w);
        return;
    }
    if (!p->is_repair && (word_is(w, n, "replace") || word_is(w, n, "check") ||
                          word_is(w, n, "stage") || word_is(w, n, "class"))) {
        diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, w),
             "'%.*s' is for repair rules", (int)n, w);
        return;
    }
    if (word_is(w, n, "replace")) {
        size_t len = strlen(args);

        free(p->replace);
        /* "replace" with nothing deletes the match; double quotes keep
         * white space at the ends ("10^6 "). */
        if (len >= 2 && args[0] == '"' && args[len - 1] == '"')
            p->replace = tm_xstrndup(args + 1, len - 2);
        else
            p->replace = tm_xstrdup(args);
    } else if (word_is(w, n, "check")) {
        char *end1, *end2;
        double lo, hi;

        errno = 0;
        lo = strtod(args, &end1);
        hi = end1 != args ? strtod(end1, &end2) : 0;
        if (end1 == args || end2 == end1 || errno != 0 || lo > hi) {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
                 "expected: check MIN MAX TEMPLATE");
            return;
        }
        while (*end2 == ' ' || *end2 == '\t')
            end2++;
        if (*end2 == '\0') {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, end2),
                 "check needs a template whose number is checked");
            return;
        }
        free(p->check);
        p->check = tm_xstrdup(end2);
        p->check_min = lo;
        p->check_max = hi;
    } else if (word_is(w, n, "repeat")) {
        if (*args != '\0') {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
                 "repeat takes no argument");
            return;
        }
        p->repeat = true;
    } else if (word_is(w, n, "stage")) {
        if (strcmp(args, "raw") == 0) {
            p->stage = TM_STAGE_RAW;
        } else if (strcmp(args, "text") == 0) {
            p->stage = TM_STAGE_TEXT;
        } else {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
                 "stage is raw or text");
        }
    } else if (word_is(w, n, "class")) {
        if (strcmp(args, "layout") == 0) {
            p->layout = true;
        } else if (strcmp(args, "repair") == 0) {
            p->layout = false;
        } else {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
                 "class is layout or repair");
        }
    } else if (word_is(w, n, "type")) {
        size_t i, len = strlen(args);

        for (i = 0; i < len; i++) {
            if (!(islower((unsigned char)args[i]) || args[i] == '_' ||
                  (i > 0 && isdigit((unsigned char)args[i]))))
                break;
        }
        if (len == 0 || i != len) {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
                 "a type is lower-case letters, digits and '_'");
            return;
        }
        free(p->type);
        p->type = tm_xstrdup(args);
    } else if (word_is(w, n, "from")) {
        if (args[0] != '_' || strchr(args, ' ') != NULL) {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
                 "from names one internal type (starting with '_'), whose "
                 "mentions the pattern reads");
            return;
        }
        free(p->from);
        p->from = tm_xstrdup(args);
    } else if (word_is(w, n, "priority")) {
        char *end;
        long v;

        errno = 0;
        v = strtol(args, &end, 10);
        if (end == args || *end != '\0' || errno != 0 || v < -1000 ||
            v > 1000) {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
                 "priority is an integer from -1000 to 1000");
            return;
        }
        p->priority = (int)v;
    } else if (word_is(w, n, "min-arm-share")) {
        char *end;
        double v;

        errno = 0;
        v = strtod(args, &end);
        if (end == args || *end != '\0' || errno != 0 || !(v > 0) || v > 1) {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
                 "min-arm-share is a fraction above 0 and at most 1 (0.2: "
                 "a fifth of the trial's smallest arm)");
            return;
        }
        p->min_arm_share = v;
    } else if (word_is(w, n, "regex")) {
        if (*args == '\0') {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
                 "missing regex");
            return;
        }
        append_regex_line(&p->regex, &p->segs, &p->nsegs, args, lc->file,
                          lc->lineno, col_of(line, args));
    } else if (word_is(w, n, "set")) {
        const char *rest;
        size_t fn = first_word(args, &rest);
        int field = tm_field_lookup(args, fn);

        if (field < 0) {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
                 "unknown field '%.*s'", (int)fn, args);
            return;
        }
        if (*rest == '\0') {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, rest),
                 "set needs a value");
            return;
        }
        p->sets = tm_xreallocarray(p->sets, p->nsets + 1, sizeof *p->sets);
        p->sets[p->nsets].key = tm_xstrndup(args, fn);
        p->sets[p->nsets].val = tm_xstrdup(rest);
        p->nsets++;
    } else if (word_is(w, n, "keep")) {
        const char *rest;
        size_t fn = first_word(args, &rest);
        int field = tm_field_lookup(args, fn);

        if (field < 0 || *rest != '\0') {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
                 field < 0 ? "unknown field '%.*s'"
                           : "keep takes one field ('%.*s ...')",
                 (int)fn, args);
            return;
        }
        p->keep |= 1u << field;
    } else if (word_is(w, n, "require") || word_is(w, n, "forbid")) {
        add_rule(lc, line, args, word_is(w, n, "forbid"));
    } else if (word_is(w, n, "unless")) {
        add_unless(lc, line, args);
    } else if (word_is(w, n, "prefilter")) {
        const char *s = args, *rest;
        size_t wn, before = p->prefilter.n;

        if (p->is_repair && p->prefilter.n > 0) {
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, w),
                 "a repair takes one prefilter line (its words mark where "
                 "the rule looks)");
            return;
        }
        /* Each prefilter line is one condition: a pattern runs on a
         * sentence that has a word of every line. */
        p->nprefilter_lines++;
        while ((wn = first_word(s, &rest)) > 0) {
            char *lit = tm_xstrndup(s, wn);
            size_t i;

            /* Patterns compare with a lower-cased sentence; repairs look
             * for glyphs as written. */
            for (i = 0; i < wn && !p->is_repair; i++)
                lit[i] = (char)tolower((unsigned char)lit[i]);
            tm_strv_push(&p->prefilter, lit);
            p->prefilter_line = tm_xreallocarray(
                p->prefilter_line, p->prefilter.n, sizeof *p->prefilter_line);
            p->prefilter_line[p->prefilter.n - 1] = p->nprefilter_lines - 1;
            free(lit);
            s = rest;
        }
        if (p->prefilter.n == before)
            diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
                 "prefilter needs at least one word");
    } else if (word_is(w, n, "example")) {
        add_example(lc, line, args, false);
    } else if (word_is(w, n, "negative")) {
        add_example(lc, line, args, true);
    } else {
        diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, w),
             "unknown directive '%.*s' (expected type, priority, regex, from, "
             "set, require, forbid, min-arm-share, prefilter, example or "
             "negative; repairs "
             "also replace, check, stage, class)",
             (int)n, w);
    }
}

/* Check that a pattern read so far is complete. */
static void
finish_pattern(struct line_ctx *lc)
{
    struct tm_pattern *p = lc->cur;

    if (p == NULL)
        return;
    if (p->is_repair && p->replace == NULL)
        diag(lc->set, lc->err, lc->file, p->line, 1,
             "repair '%s' has no replace", p->name);
    if (!p->is_repair && p->type == NULL)
        diag(lc->set, lc->err, lc->file, p->line, 1, "pattern '%s' has no type",
             p->name);
    if (p->regex == NULL && p->from == NULL)
        diag(lc->set, lc->err, lc->file, p->line, 1,
             "pattern '%s' has no regex (nor 'from')", p->name);
    if (p->regex != NULL && p->from != NULL)
        diag(lc->set, lc->err, lc->file, p->line, 1,
             "pattern '%s' has both a regex and 'from': a pattern reading "
             "mentions takes their spans, and context rules judge them",
             p->name);
    lc->cur = NULL;
}

static const char *
basename_of(const char *path)
{
    const char *s = strrchr(path, '/');

    return s ? s + 1 : path;
}

static void
top_directive(struct line_ctx *lc, const char *line, const char *w, size_t n,
              const char *args)
{
    struct tm_pattern_set *set = lc->set;
    const char *rest;
    size_t an;

    finish_pattern(lc);
    lc->cur_define = NULL;
    lc->cur_label = NULL;
    lc->bad_define = word_is(w, n, "define"); /* cleared once accepted */
    if (word_is(w, n, "pattern") || word_is(w, n, "repair")) {
        struct tm_pattern *p;
        size_t i;
        bool is_repair = word_is(w, n, "repair");

        an = first_word(args, &rest);
        if (an == 0 || *rest != '\0') {
            diag(set, lc->err, lc->file, lc->lineno, col_of(line, args),
                 "pattern needs one name");
            return;
        }
        for (i = 0; i < an; i++) {
            if (!is_name_char(args[i])) {
                diag(set, lc->err, lc->file, lc->lineno, col_of(line, args + i),
                     "a pattern name is letters, digits, '_' and '-'");
                return;
            }
        }
        for (i = 0; i < set->npatterns; i++) {
            if (set->patterns[i].file == lc->file &&
                strcmp(set->patterns[i].name, args) == 0) {
                diag(set, lc->err, lc->file, lc->lineno, col_of(line, args),
                     "'%s' is already defined at line %u", args,
                     set->patterns[i].line);
                return;
            }
        }
        if (set->npatterns == set->patterns_cap) {
            set->patterns_cap = set->patterns_cap ? set->patterns_cap * 2 : 16;
            set->patterns = tm_xreallocarray(set->patterns, set->patterns_cap,
                                             sizeof *set->patterns);
        }
        p = &set->patterns[set->npatterns++];
        memset(p, 0, sizeof *p);
        p->name = tm_xstrdup(args);
        p->file = (char *)lc->file;
        p->line = lc->lineno;
        p->is_repair = is_repair;
        p->stage = TM_STAGE_TEXT;
        {
            struct tm_buf id;

            tm_buf_init(&id, 0);
            tm_buf_printf(&id, "%s:%s", basename_of(lc->file), p->name);
            p->id = tm_buf_steal(&id, NULL);
        }
        lc->cur = p;
    } else if (word_is(w, n, "define")) {
        struct tm_define *d;
        size_t i;

        an = first_word(args, &rest);
        for (i = 0; i < an; i++) {
            if (!(isalnum((unsigned char)args[i]) || args[i] == '_') ||
                (i == 0 && isdigit((unsigned char)args[i])))
                break;
        }
        if (an == 0 || i != an) {
            diag(set, lc->err, lc->file, lc->lineno, col_of(line, args),
                 "a define name is letters, digits and '_'");
            return;
        }
        if (tm_field_lookup(args, an) >= 0 || args[0] == '_') {
            diag(set, lc->err, lc->file, lc->lineno, col_of(line, args),
                 "'%.*s' is a field name; a define needs another name", (int)an,
                 args);
            return;
        }
        for (i = 0; i < set->ndefines; i++) {
            if (strlen(set->defines[i].name) == an &&
                memcmp(set->defines[i].name, args, an) == 0) {
                diag(set, lc->err, lc->file, lc->lineno, col_of(line, args),
                     "'%.*s' is already defined at %s:%u", (int)an, args,
                     set->defines[i].file, set->defines[i].line);
                return;
            }
        }
        if (*rest == '\0') {
            diag(set, lc->err, lc->file, lc->lineno, col_of(line, rest),
                 "missing regex");
            return;
        }
        if (set->ndefines == set->defines_cap) {
            set->defines_cap = set->defines_cap ? set->defines_cap * 2 : 16;
            set->defines = tm_xreallocarray(set->defines, set->defines_cap,
                                            sizeof *set->defines);
        }
        d = &set->defines[set->ndefines++];
        memset(d, 0, sizeof *d);
        d->name = tm_xstrndup(args, an);
        d->file = lc->file;
        d->line = lc->lineno;
        append_regex_line(&d->src, &d->segs, &d->nsegs, rest, lc->file,
                          lc->lineno, col_of(line, rest));
        lc->cur_define = d;
        lc->bad_define = false;
    } else if (word_is(w, n, "map")) {
        const char *arrow = NULL, *q;
        struct tm_map *m;
        int field;

        an = first_word(args, &rest);
        field = tm_field_lookup(args, an);
        if (field < 0 || tm_field_is_numeric(field)) {
            diag(set, lc->err, lc->file, lc->lineno, col_of(line, args),
                 "map needs a text field (unit, comparator, scope, group, "
                 "timepoint, study, measure)");
            return;
        }
        for (q = strstr(rest, " => "); q != NULL; q = strstr(q + 1, " => "))
            arrow = q;
        if (arrow == NULL || arrow == rest) {
            diag(set, lc->err, lc->file, lc->lineno, col_of(line, rest),
                 "expected: map FIELD REGEX => REPLACEMENT");
            return;
        }
        if (set->nmaps == set->maps_cap) {
            set->maps_cap = set->maps_cap ? set->maps_cap * 2 : 16;
            set->maps =
                tm_xreallocarray(set->maps, set->maps_cap, sizeof *set->maps);
        }
        m = &set->maps[set->nmaps++];
        memset(m, 0, sizeof *m);
        m->field = field;
        m->src = tm_xstrndup(rest, (size_t)(arrow - rest));
        m->replacement = tm_xstrdup(arrow + 4);
        m->file = lc->file;
        m->line = lc->lineno;
        m->column = col_of(line, rest);
    } else if (word_is(w, n, "label")) {
        add_label(lc, line, args);
    } else if (word_is(w, n, "role")) {
        add_role(lc, line, args);
    } else if (word_is(w, n, "reject")) {
        add_reject(lc, line, args);
    } else if (word_is(w, n, "range")) {
        add_range(lc, line, args);
    } else {
        diag(set, lc->err, lc->file, lc->lineno, col_of(line, w),
             "unknown directive '%.*s' (expected define, map, role, label, "
             "reject, range, pattern or repair; their settings are indented)",
             (int)n, w);
    }
}

static void
read_line(struct line_ctx *lc, char *line)
{
    char *s = line, *w, *args;
    size_t n, len = strlen(line), bad;
    bool indented;

    /* Regexes run in UTF mode without rechecking their subject, and a
     * repair's replacement goes into the text as it is: invalid UTF-8
     * there made PCRE2 read past the text (found by fuzz_pattern).  A
     * line that is not UTF-8 is refused whole. */
    if (!tm_utf8_valid(line, len, &bad)) {
        diag(lc->set, lc->err, lc->file, lc->lineno, (unsigned)bad + 1,
             "invalid UTF-8 (pattern files are UTF-8); line ignored");
        return;
    }
    /* Trailing white space (and a CR) never matters. */
    while (len > 0 && isspace((unsigned char)line[len - 1]))
        line[--len] = '\0';
    indented = (*s == ' ' || *s == '\t');
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s == '\0' || *s == '#')
        return;
    if (indented && lc->cur == NULL && lc->bad_define)
        return; /* the define was reported; its continuation is noise */
    if (indented && lc->cur == NULL && lc->cur_define != NULL) {
        struct tm_define *d = lc->cur_define;

        /* An indented line after a define continues its regex. */
        append_regex_line(&d->src, &d->segs, &d->nsegs, s, lc->file, lc->lineno,
                          col_of(line, s));
        return;
    }
    if (indented && lc->cur == NULL && lc->cur_label != NULL) {
        struct tm_label *l = lc->cur_label;

        append_regex_line(&l->src, &l->segs, &l->nsegs, s, lc->file, lc->lineno,
                          col_of(line, s));
        return;
    }
    w = s;
    n = 0;
    while (w[n] != '\0' && (isalpha((unsigned char)w[n]) || w[n] == '_' ||
                            (n > 0 && w[n] == '-')))
        n++;
    args = w + n;
    if (*args != '\0' && *args != ' ' && *args != '\t') {
        diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, args),
             "expected a directive name followed by a space");
        return;
    }
    while (*args == ' ' || *args == '\t')
        args++;
    if (!indented) {
        top_directive(lc, line, w, n, args);
    } else if (lc->cur == NULL) {
        diag(lc->set, lc->err, lc->file, lc->lineno, col_of(line, w),
             "indented '%.*s' outside a pattern", (int)n, w);
    } else {
        pattern_directive(lc, line, w, n, args);
    }
}

enum tm_status
tm_pattern_set_load_buffer(struct tm_pattern_set *set, const char *name,
                           const char *data, size_t len, struct tm_err *err)
{
    struct line_ctx lc;
    size_t ndiags = set->diags.n;
    char *copy, *p, *nl;

    tm_strv_push(&set->files, name);
    memset(&lc, 0, sizeof lc);
    lc.set = set;
    lc.err = err;
    lc.file = set->files.v[set->files.n - 1];
    if (memchr(data, '\0', len) != NULL) {
        diag(set, err, lc.file, 1, 1, "binary data in a pattern file");
        return TM_ERR_PATTERN;
    }
    if (len > PATTERN_FILE_LIMIT) {
        diag(set, err, lc.file, 1, 1, "pattern file larger than %u bytes",
             PATTERN_FILE_LIMIT);
        return TM_ERR_PATTERN;
    }
    copy = tm_xstrndup(data, len);
    for (p = copy; p != NULL; p = nl ? nl + 1 : NULL) {
        nl = strchr(p, '\n');
        if (nl != NULL)
            *nl = '\0';
        lc.lineno++;
        read_line(&lc, p);
        if (nl == NULL)
            break;
    }
    finish_pattern(&lc);
    free(copy);
    set->compiled = false;
    return set->diags.n > ndiags ? TM_ERR_PATTERN : TM_OK;
}

enum tm_status
tm_pattern_set_load_file(struct tm_pattern_set *set, const char *path,
                         struct tm_err *err)
{
    struct tm_buf b;
    enum tm_status rc;
    struct stat sb;
    size_t i;

    /* The shipped set plus `-p` on one of its files is one file. */
    if (stat(path, &sb) == 0) {
        for (i = 0; i < set->nloaded; i++)
            if (set->loaded[i].dev == (unsigned long long)sb.st_dev &&
                set->loaded[i].ino == (unsigned long long)sb.st_ino)
                return TM_OK;
        set->loaded = tm_xreallocarray(set->loaded, set->nloaded + 1,
                                       sizeof *set->loaded);
        set->loaded[set->nloaded].dev = (unsigned long long)sb.st_dev;
        set->loaded[set->nloaded].ino = (unsigned long long)sb.st_ino;
        set->nloaded++;
    }
    tm_buf_init(&b, PATTERN_FILE_LIMIT);
    rc = tm_buf_read_file(&b, path, err);
    if (rc == TM_OK)
        rc = tm_pattern_set_load_buffer(set, path, b.data, b.len, err);
    else if (rc == TM_ERR_LIMIT)
        rc = TM_ERR_PATTERN;
    tm_buf_clear(&b);
    return rc;
}

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

enum tm_status
tm_pattern_set_load_dir(struct tm_pattern_set *set, const char *dir,
                        struct tm_err *err)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    struct tm_strv names = {NULL, 0, 0};
    enum tm_status rc = TM_OK, frc;
    size_t i;

    if (d == NULL)
        return tm_err_set(err, TM_ERR_PATTERN, "%s: %s", dir, strerror(errno));
    while ((de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);

        if (n > 4 && strcmp(de->d_name + n - 4, ".pat") == 0 &&
            de->d_name[0] != '.')
            tm_strv_push(&names, de->d_name);
    }
    closedir(d);
    if (names.n > 0)
        qsort(names.v, names.n, sizeof *names.v, cmp_names);
    for (i = 0; i < names.n; i++) {
        struct tm_buf path;

        tm_buf_init(&path, 0);
        tm_buf_printf(&path, "%s/%s", dir, names.v[i]);
        frc = tm_pattern_set_load_file(set, path.data, err);
        if (rc == TM_OK)
            rc = frc;
        tm_buf_clear(&path);
    }
    tm_strv_clear(&names);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Compiling                                                           */
/* ------------------------------------------------------------------ */

/* NEVER_BACKSLASH_C: \C matches one byte and could cut a character in
 * two; every match and replacement must stay on character boundaries. */
#define TM_PCRE2_OPTIONS                                                       \
    (PCRE2_UTF | PCRE2_UCP | PCRE2_EXTENDED | PCRE2_DUPNAMES |                 \
     PCRE2_NEVER_BACKSLASH_C)

/* Append the shared (?(DEFINE)...) block to src, recording segments;
 * each body is wrapped as (?^x: ... ) (see Inlining below). */
static void
append_defines(const struct tm_pattern_set *set, struct tm_buf *src,
               struct tm_segment **segs, size_t *nsegs)
{
    size_t i;

    if (set->ndefines == 0)
        return;
    tm_buf_puts(src, "\n(?(DEFINE)");
    for (i = 0; i < set->ndefines; i++) {
        const struct tm_define *d = &set->defines[i];

        size_t k, base;

        tm_buf_printf(src, "(?<%s>(?^x:", d->name);
        base = src->len;
        *segs = tm_xreallocarray(*segs, *nsegs + d->nsegs, sizeof **segs);
        for (k = 0; k < d->nsegs; k++) {
            (*segs)[*nsegs] = d->segs[k];
            (*segs)[*nsegs].off += base;
            (*nsegs)++;
        }
        /* The newline ends any # comment before the closing parenthesis. */
        tm_buf_puts(src, d->src);
        tm_buf_puts(src, "\n))");
    }
    tm_buf_puts(src, ")");
}

/*
 * Inlining.  A pattern that starts with a subroutine call, (?&decimal),
 * gives PCRE2 no first character or start bitmap to search for, so the
 * matcher tries every position of every sentence.  Calls where a match can
 * start are therefore replaced by the define's body, and so are calls of
 * short defines (TM_INLINE_MAX_LEN bytes, fully expanded), which PCRE2 can
 * then auto-possessify and optimise with the text around them.  Long word
 * lists (otherrole, people, headgap) stay subroutine calls elsewhere:
 * PCRE2 compiles a called group once per regex, where an inlined copy is
 * compiled per call site and per repeat ((?&headgap){0,4}? is four
 * copies), and the JIT turns every copy into machine code.  Only the
 * defines still called, and the ones they call, are appended in a
 * (?(DEFINE)...) block.  Measured on 20 MB of pubmed-real and jats input
 * (callgrind, extract -j 1): machine code 6.0 -> 4.1 MB, compile and JIT
 * compile 460 -> 330 M instructions, matching about 65 M more.
 *
 * If the rewritten regex does not compile, it is compiled as written with
 * every define appended, so that the error points at the user's text.  A
 * body, inlined or appended, is wrapped as (?^x: ... ) so that it sees the
 * options it was written under (and not a (?i) at the top of the regex).
 * Defines that capture, or that call themselves, stay calls.
 */
#define TM_INLINE_MAX_LEN 300
#define TM_INLINE_DEPTH 16

/* Does a define body contain a capturing group? */
static bool
body_captures(const char *s)
{
    bool in_class = false;

    for (; *s != '\0'; s++) {
        if (*s == '\\') {
            if (s[1] == '\0')
                break;
            s++;
        } else if (in_class) {
            if (*s == ']')
                in_class = false;
        } else if (*s == '[') {
            in_class = true;
            if (s[1] == '^')
                s++;
            if (s[1] == ']')
                s++;
        } else if (*s == '#') {
            while (s[1] != '\0' && s[1] != '\n')
                s++;
        } else if (*s == '(') {
            if (s[1] != '?' && s[1] != '*')
                return true;
            if (s[1] == '?' && ((s[2] == '<' && (isalpha((unsigned char)s[3]) ||
                                                 s[3] == '_')) ||
                                s[2] == '\'' || (s[2] == 'P' && s[3] == '<')))
                return true;
        }
    }
    return false;
}

static const struct tm_define *
find_define(const struct tm_pattern_set *set, const char *name, size_t len)
{
    size_t i;

    for (i = 0; i < set->ndefines; i++) {
        if (strlen(set->defines[i].name) == len &&
            memcmp(set->defines[i].name, name, len) == 0)
            return &set->defines[i];
    }
    return NULL;
}

/* What inline_calls expands and what it leaves as calls. */
struct inliner {
    const struct tm_pattern_set *set;
    size_t max_len; /* elsewhere than at a match start: flat_len limit */
    bool *called;   /* per define: left as a call (NULL: not kept) */
    const struct tm_define *stack[TM_INLINE_DEPTH];
};

#define TM_NEST_MAX 64

/* The group being read: whether a match could still be at its start
 * when it opened, and at the end of one of its branches. */
struct nest {
    bool lead_open, lead_any, zero_width;
};

/* Skip white space and # comments (the regex is in extended mode). */
static const char *
skip_space(const char *s)
{
    for (;;) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' ||
            *s == '\v') {
            s++;
        } else if (*s == '#') {
            s += strcspn(s, "\n");
        } else {
            return s;
        }
    }
}

/* Does a quantifier that allows zero repeats follow? */
static bool
optional_follows(const char *s)
{
    s = skip_space(s);
    if (*s == '?' || *s == '*')
        return true;
    if (*s == '{') {
        s = skip_space(s + 1);
        return *s == ',' || (*s == '0' && s[1] != '.');
    }
    return false;
}

/*
 * Append src to out with (?&name) calls expanded.  Escapes, \Q...\E,
 * character classes and # comments are copied as they are.  A call is
 * inlined where a match can start with it (*lead: nothing that consumes
 * a character was read before it), since that is where PCRE2 looks for
 * a first character; elsewhere only when the define is short (a long
 * word list is compiled once, as a subroutine, and not once per call
 * site and per repeat).  *lead is updated for the text read.  Returns
 * false if the source is too odd to rewrite safely.
 */
static bool
inline_calls(struct inliner *in, const char *src, struct tm_buf *out, int depth,
             bool *lead)
{
    const struct tm_pattern_set *set = in->set;
    const char *s = src;
    struct nest nest[TM_NEST_MAX];
    int level = 0;
    bool start = *lead, any = false, tracked = true;

    while (*s != '\0') {
        /* Set by an item that consumes characters, unless repeated
         * zero times; zero-width items leave *lead alone. */
        bool atom = false;

        if (s[0] == '\\' && s[1] == 'Q') {
            const char *e = strstr(s + 2, "\\E");

            if (e == NULL)
                return false;
            tm_buf_append(out, s, (size_t)(e + 2 - s));
            atom = e > s + 2;
            s = e + 2;
        } else if (s[0] == '\\' && s[1] == 'd') {
            tm_buf_puts(out, "[0-9]");
            s += 2;
            atom = true;
        } else if (s[0] == '\\') {
            if (s[1] == '\0')
                return false;
            tm_buf_append(out, s, 2);
            atom = strchr("bBAzZGK", s[1]) == NULL;
            s += 2;
        } else if (s[0] == '[') {
            const char *e = s + 1;

            if (*e == '^')
                e++;
            if (*e == ']')
                e++;
            while (*e != '\0' && *e != ']') {
                if (e[0] == '\\' && e[1] != '\0')
                    e++;
                else if (e[0] == '[' && e[1] == ':') {
                    const char *c = strstr(e + 2, ":]");

                    if (c != NULL)
                        e = c + 1;
                }
                e++;
            }
            if (*e == '\0')
                return false;
            for (; s <= e; s++) {
                if (s[0] == '\\' && s[1] == 'd') {
                    tm_buf_puts(out, "0-9");
                    s++;
                } else if (s[0] == '\\') {
                    tm_buf_append(out, s, 2);
                    s++;
                } else {
                    tm_buf_append(out, s, 1);
                }
            }
            atom = true;
        } else if (s[0] == '#') {
            size_t n = strcspn(s, "\n");

            tm_buf_append(out, s, n);
            s += n;
        } else if (s[0] == '(' && s[1] == '?' && s[2] == '&') {
            const char *name = s + 3;
            size_t n = strcspn(name, ")");
            const struct tm_define *d = find_define(set, name, n);
            bool ok = d != NULL && name[n] == ')' && depth < TM_INLINE_DEPTH &&
                      !d->captures &&
                      ((*lead && tracked) || d->flat_len <= in->max_len);
            bool before = *lead;
            int k;

            for (k = 0; ok && k < depth; k++) {
                if (in->stack[k] == d)
                    ok = false;
            }
            if (!ok) {
                size_t len = name[n] == ')' ? n + 4 : 3;

                if (d != NULL && in->called != NULL)
                    in->called[d - set->defines] = true;
                tm_buf_append(out, s, len);
                s += len;
                atom = true;
            } else {
                in->stack[depth] = d;
                tm_buf_puts(out, "(?^x:");
                if (!inline_calls(in, d->src, out, depth + 1, lead))
                    return false;
                tm_buf_puts(out, "\n)");
                s = name + n + 1;
                if (optional_follows(s))
                    *lead = before;
            }
        } else if (s[0] == '(' &&
                   (s[1] == '*' || (s[1] == '?' && s[2] == '#'))) {
            /* A verb or a comment: zero width. */
            size_t n = strcspn(s, ")");

            n += s[n] == ')';
            tm_buf_append(out, s, n);
            s += n;
        } else if (s[0] == '(') {
            const char *g = s + 1;
            bool opts_only = false;

            if (*g == '?') {
                /* (?i) and the like set options and are zero width. */
                g++;
                while (*g == '^' || *g == '-' || isalpha((unsigned char)*g))
                    g++;
                opts_only = *g == ')' && g > s + 2;
            }
            if (opts_only) {
                tm_buf_append(out, s, (size_t)(g + 1 - s));
                s = g + 1;
                continue;
            }
            if (level >= TM_NEST_MAX) {
                /* Deeper than the table: no longer tracked (every level
                 * past it, not only the first). */
                tracked = false;
            } else {
                nest[level].lead_open = *lead;
                nest[level].lead_any = false;
                nest[level].zero_width =
                    s[1] == '?' &&
                    (s[2] == '=' || s[2] == '!' ||
                     (s[2] == '<' && (s[3] == '=' || s[3] == '!')));
            }
            level++;
            /* The group's opening, so that ?<name> is not read as items:
             * (?: (?= (?<! (?<name> (?'name' (?P<name> (?i: */
            if (s[1] != '?') {
                g = s + 1;
            } else if (strchr(":=!>|", s[2]) != NULL && s[2] != '\0') {
                g = s + 3;
            } else if (s[2] == '<' && (s[3] == '=' || s[3] == '!')) {
                g = s + 4;
            } else if (s[2] == '<' || s[2] == '\'' ||
                       (s[2] == 'P' && s[3] == '<')) {
                g = s + 3 + strcspn(s + 3, ">'");
                g += *g != '\0';
            } else if (*g == ':') {
                g++;
            } else {
                g = s + 2;
            }
            tm_buf_append(out, s, (size_t)(g - s));
            s = g;
        } else if (s[0] == '|') {
            if (level == 0) {
                any = any || *lead;
                *lead = start;
            } else if (level <= TM_NEST_MAX) {
                nest[level - 1].lead_any = nest[level - 1].lead_any || *lead;
                *lead = nest[level - 1].lead_open;
            }
            tm_buf_append(out, s, 1);
            s++;
        } else if (s[0] == ')') {
            tm_buf_append(out, s, 1);
            s++;
            if (level == 0)
                return false;
            level--;
            if (level < TM_NEST_MAX) {
                struct nest *g = &nest[level];

                if (g->zero_width || optional_follows(s))
                    *lead = g->lead_open;
                else
                    *lead = g->lead_any || *lead;
            }
        } else if (strchr(" \t\n\r\f\v^$", s[0]) != NULL) {
            size_t n = strspn(s, " \t\n\r\f\v^$");

            tm_buf_append(out, s, n);
            s += n;
        } else if (strchr("?*+{", s[0]) != NULL) {
            /* A quantifier, handled with the item before it. */
            size_t n = 1;

            if (s[0] == '{')
                n = strcspn(s, "}") + (s[strcspn(s, "}")] == '}');
            tm_buf_append(out, s, n);
            s += n;
        } else {
            /* Literal characters: all but the last are not optional. */
            size_t n = strcspn(s, "\\[#()|?*+{ \t\n\r\f\v^$");

            n += n == 0;
            tm_buf_append(out, s, n);
            s += n;
            atom = true;
            if (n > 1)
                *lead = false;
        }
        if (atom && !optional_follows(s))
            *lead = false;
    }
    if (level != 0)
        tracked = false;
    *lead = tracked && (any || *lead);
    return true;
}

/* Append a (?(DEFINE)...) block of the defines in->called marks, and of
 * the defines those call in turn, each expanded by the same rule.  Each
 * is wrapped as (?^x: ... ) like an inlined body, so that an option set
 * at the top level of the regex does not reach it. */
static bool
append_called(struct inliner *in, struct tm_buf *out)
{
    const struct tm_pattern_set *set = in->set;
    bool *done = tm_xcalloc(set->ndefines ? set->ndefines : 1, 1);
    bool more = true, ok = true, opened = false, lead = false;
    size_t i;

    while (more && ok) {
        more = false;
        for (i = 0; i < set->ndefines && ok; i++) {
            if (!in->called[i] || done[i])
                continue;
            done[i] = more = true;
            if (!opened)
                tm_buf_puts(out, "\n(?(DEFINE)");
            opened = true;
            tm_buf_printf(out, "(?<%s>(?^x:", set->defines[i].name);
            in->stack[0] = &set->defines[i];
            ok = inline_calls(in, set->defines[i].src, out, 1, &lead);
            tm_buf_puts(out, "\n))");
        }
    }
    if (opened)
        tm_buf_puts(out, ")");
    free(done);
    return ok;
}

/* Map an offset in a combined regex to a segment position. */
static void
locate(const struct tm_segment *segs, size_t nsegs, size_t off,
       const struct tm_segment *fallback, const char **file, unsigned *line,
       unsigned *column)
{
    size_t i;

    for (i = 0; i < nsegs; i++) {
        if (off >= segs[i].off && off <= segs[i].off + segs[i].len) {
            *file = segs[i].file;
            *line = segs[i].line;
            *column = segs[i].column + (unsigned)(off - segs[i].off);
            return;
        }
    }
    /* Past the user's text (e.g. "missing )" found at the very end):
     * point at the end of the last user segment. */
    *file = fallback->file;
    *line = fallback->line;
    *column = fallback->column + (unsigned)fallback->len;
}

/* Add re to the regexes JIT-compiled on first use; returns its index. */
static unsigned
jit_add(struct tm_pattern_set *set, pcre2_code *re)
{
    struct tm_jit_list *jl = set->jit;

    if (jl->n == jl->cap) {
        jl->cap = jl->cap ? jl->cap * 2 : 256;
        jl->codes = tm_xreallocarray(jl->codes, jl->cap, sizeof *jl->codes);
        jl->tried = tm_xreallocarray(jl->tried, jl->cap, sizeof *jl->tried);
    }
    jl->codes[jl->n] = re;
    jl->tried[jl->n] = false;
    return (unsigned)jl->n++;
}

void
tm_pattern_set_jit(const struct tm_pattern_set *set, unsigned index)
{
    struct tm_jit_list *jl = set->jit;

    pthread_mutex_lock(&jl->mu);
    if (index < jl->n && !jl->tried[index]) {
        jl->tried[index] = true;
        /* JIT is an optimisation: a pattern JIT cannot handle still runs
         * in the interpreter. */
        if (!set->limits.no_jit)
            (void)pcre2_jit_compile(jl->codes[index], PCRE2_JIT_COMPLETE);
    }
    pthread_mutex_unlock(&jl->mu);
}

size_t
tm_pattern_set_njit(const struct tm_pattern_set *set)
{
    return set->jit->n;
}

size_t
tm_pattern_set_jit_bytes(const struct tm_pattern_set *set, size_t *njitted)
{
    struct tm_jit_list *jl = set->jit;
    size_t total = 0, n = 0, i;

    pthread_mutex_lock(&jl->mu);
    for (i = 0; i < jl->n; i++) {
        size_t bytes = 0;

        if (jl->tried[i] &&
            pcre2_pattern_info(jl->codes[i], PCRE2_INFO_JITSIZE, &bytes) == 0 &&
            bytes > 0) {
            total += bytes;
            n++;
        }
    }
    pthread_mutex_unlock(&jl->mu);
    *njitted = n;
    return total;
}

/* Set each define's flat_len, the length of its body with every call
 * inlined (calls of a define that captures or recurses stay), and
 * whether it captures. */
static void
define_lengths(struct tm_pattern_set *set)
{
    struct inliner in = {set, SIZE_MAX, NULL, {NULL}};
    size_t i;

    for (i = 0; i < set->ndefines; i++) {
        set->defines[i].flat_len = 0;
        set->defines[i].captures = body_captures(set->defines[i].src);
    }
    for (i = 0; i < set->ndefines; i++) {
        struct tm_define *d = &set->defines[i];
        struct tm_buf b;
        bool lead = true;

        tm_buf_init(&b, 0);
        in.stack[0] = d;
        d->flat_len =
            inline_calls(&in, d->src, &b, 1, &lead) ? b.len : SIZE_MAX;
        tm_buf_clear(&b);
    }
}

/*
 * Compile `src` (whose own segments are segs[0..nsegs)) with its calls
 * inlined or the defines they need appended (see Inlining above).  On error,
 * adds a diagnostic "file:line:col: <what>: <PCRE2 message>" and returns NULL.
 * With jit, the regex is one that matchers run: *jit is its index for
 * tm_pattern_set_jit.
 */
static pcre2_code *
compile_with_defines(struct tm_pattern_set *set, struct tm_err *err,
                     const char *what, const char *src,
                     const struct tm_segment *user_segs, size_t nuser,
                     uint32_t extra_options, unsigned *jit)
{
    struct tm_buf full;
    struct tm_buf flat;
    struct tm_segment *segs;
    size_t nsegs = nuser;
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_code *re = NULL;
    struct inliner in = {set, TM_INLINE_MAX_LEN, NULL, {NULL}};
    bool lead = true;

    /* The inlined form first: when it compiles, it is the one used. */
    tm_buf_init(&flat, 0);
    in.called = tm_xcalloc(set->ndefines ? set->ndefines : 1, 1);
    /* (An empty source is the check of the define block itself.) */
    if (src[0] != '\0' && inline_calls(&in, src, &flat, 0, &lead) &&
        flat.data != NULL) {
        bool ok = true;

        /* Only the defines still called, and theirs, are appended; calls
         * by other spellings need the whole block. */
        if (strstr(flat.data, "(?P>") != NULL ||
            strstr(flat.data, "\\g<") != NULL ||
            strstr(flat.data, "\\g'") != NULL) {
            struct tm_segment *fsegs = NULL;
            size_t nfsegs = 0;

            append_defines(set, &flat, &fsegs, &nfsegs);
            free(fsegs);
        } else {
            ok = append_called(&in, &flat);
        }
        if (ok)
            re = pcre2_compile((PCRE2_SPTR)flat.data, flat.len,
                               TM_PCRE2_OPTIONS | extra_options, &errcode,
                               &erroff, NULL);
    }
    free(in.called);
    tm_buf_clear(&flat);
    tm_buf_init(&full, 0);
    segs = tm_xreallocarray(NULL, nuser + 1, sizeof *segs);
    if (re == NULL) {
        /* As written: its errors point at the user's text. */
        tm_buf_puts(&full, src);
        memcpy(segs, user_segs, nuser * sizeof *segs);
        append_defines(set, &full, &segs, &nsegs);
        re = pcre2_compile((PCRE2_SPTR)full.data, full.len,
                           TM_PCRE2_OPTIONS | extra_options, &errcode, &erroff,
                           NULL);
    }
    if (re == NULL) {
        PCRE2_UCHAR msg[256];
        const char *file;
        unsigned line, column;

        pcre2_get_error_message(errcode, msg, sizeof msg);
        locate(segs, nsegs, erroff, &user_segs[nuser - 1], &file, &line,
               &column);
        diag(set, err, file, line, column, "%s: %s", what, (char *)msg);
    } else if (jit != NULL) {
        *jit = jit_add(set, re);
    }
    free(segs);
    tm_buf_clear(&full);
    return re;
}

/* Find the named groups that fill record fields; reject unknown names. */
static bool
bind_groups(struct tm_pattern_set *set, struct tm_err *err,
            struct tm_pattern *p)
{
    uint32_t count, size, i;
    PCRE2_SPTR table;
    bool ok = true;

    pcre2_pattern_info(p->re, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(p->re, PCRE2_INFO_NAMEENTRYSIZE, &size);
    pcre2_pattern_info(p->re, PCRE2_INFO_NAMETABLE, &table);
    for (i = 0; i < count; i++) {
        PCRE2_SPTR entry = table + i * size;
        uint32_t group = ((uint32_t)entry[0] << 8) | entry[1];
        const char *name = (const char *)entry + 2;
        int field = tm_field_lookup(name, strlen(name));
        size_t k;
        bool is_define = false;

        for (k = 0; k < set->ndefines; k++) {
            if (strcmp(set->defines[k].name, name) == 0)
                is_define = true;
        }
        if (is_define || name[0] == '_')
            continue;
        if (field < 0) {
            diag(set, err, p->file, p->line, 1,
                 "pattern '%s': group name '%s' is not a record field "
                 "(start private names with '_')",
                 p->name, name);
            ok = false;
            continue;
        }
        p->groups =
            tm_xreallocarray(p->groups, p->ngroups + 1, sizeof *p->groups);
        p->groups[p->ngroups].field = field;
        p->groups[p->ngroups].group = group;
        p->ngroups++;
    }
    return ok;
}

/* Mark the patterns whose type some `from` reads (they run first in each
 * sentence, and their records are mentions, not output); a `from` must
 * name a type that a regex pattern makes, and a role over mentions cannot
 * itself make mentions. */
static void
link_mentions(struct tm_pattern_set *set, struct tm_err *err)
{
    size_t i, k;

    set->has_mentions = false;
    for (i = 0; i < set->npatterns; i++)
        set->patterns[i].mention = false;
    for (i = 0; i < set->npatterns; i++) {
        const struct tm_pattern *p = &set->patterns[i];
        bool found = false;

        if (p->from == NULL)
            continue;
        for (k = 0; k < set->npatterns; k++) {
            struct tm_pattern *m = &set->patterns[k];

            if (m->from == NULL && !m->is_repair && m->type != NULL &&
                strcmp(m->type, p->from) == 0) {
                m->mention = true;
                found = true;
            }
        }
        if (!found)
            diag(set, err, p->file, p->line, 1,
                 "pattern '%s': no pattern makes the mentions of type '%s' "
                 "it reads",
                 p->name, p->from);
        set->has_mentions = true;
    }
    for (i = 0; i < set->npatterns; i++) {
        const struct tm_pattern *p = &set->patterns[i];

        for (k = 0; p->from != NULL && k < set->npatterns; k++) {
            if (set->patterns[k].from != NULL &&
                strcmp(set->patterns[k].from, p->type) == 0) {
                diag(set, err, p->file, p->line, 1,
                     "pattern '%s' reads mentions (from %s), so its type "
                     "'%s' cannot be read by another 'from'",
                     p->name, p->from, p->type);
                break;
            }
        }
    }
}

/* The compiled regex of an earlier rule (in compile order: each pattern's
 * rules, each followed by its `unless`, then the roles) with the same
 * source as r, or NULL; *jit is set to its index.  Identical rules share
 * it: seventeen sample-size patterns forbid (?&otherrole) in a clause,
 * four `unless (?&armlabeled)`, and each copy cost a compile and a JIT
 * compile. */
static pcre2_code *
same_rule(const struct tm_pattern_set *set, const struct tm_rule *r,
          unsigned *jit)
{
    size_t i, k;

    for (i = 0; i < set->npatterns; i++) {
        for (k = 0; k < set->patterns[i].nrules; k++) {
            const struct tm_rule *o = &set->patterns[i].rules[k];
            const struct tm_rule *u = o->unless;

            if (o == r)
                return NULL;
            if (o->re != NULL && strcmp(o->src, r->src) == 0) {
                *jit = o->jit;
                return o->re;
            }
            if (u == r)
                return NULL;
            if (u != NULL && u->re != NULL && strcmp(u->src, r->src) == 0) {
                *jit = u->jit;
                return u->re;
            }
        }
    }
    for (i = 0; i < set->nroles && &set->roles[i].rule != r; i++) {
        const struct tm_rule *o = &set->roles[i].rule;

        if (o->re != NULL && o->src != NULL && strcmp(o->src, r->src) == 0) {
            *jit = o->jit;
            return o->re;
        }
    }
    return NULL;
}

/* Compile rule r, or share an identical earlier rule's regex. */
static void
compile_rule(struct tm_pattern_set *set, struct tm_err *err, struct tm_rule *r,
             const char *what, const char *file)
{
    struct tm_segment seg = {0, strlen(r->src), file, r->line, r->column};

    if (!r->shared)
        pcre2_code_free(r->re);
    r->re = same_rule(set, r, &r->jit);
    r->shared = r->re != NULL;
    if (r->re == NULL)
        r->re =
            compile_with_defines(set, err, what, r->src, &seg, 1, 0, &r->jit);
}

enum tm_status
tm_pattern_set_compile(struct tm_pattern_set *set, struct tm_err *err)
{
    size_t ndiags = set->diags.n, i, k;
    pcre2_code *re;

    /* The regexes of an earlier compile are freed below. */
    set->jit->n = 0;
    define_lengths(set);
    /* The defines alone first, so that an error in one is reported once,
     * at the define, and not again for every pattern. */
    if (set->ndefines > 0) {
        struct tm_segment seg = {0, 0, set->defines[0].file,
                                 set->defines[0].line, 1};

        re = compile_with_defines(set, err, "define", "", &seg, 1, 0, NULL);
        if (re == NULL)
            return TM_ERR_PATTERN;
        pcre2_code_free(re);
    }
    for (i = 0; i < set->nmaps; i++) {
        struct tm_map *m = &set->maps[i];
        struct tm_segment seg = {0, strlen(m->src), m->file, m->line,
                                 m->column};

        pcre2_code_free(m->re);
        m->re =
            compile_with_defines(set, err, "map", m->src, &seg, 1,
                                 PCRE2_ANCHORED | PCRE2_ENDANCHORED, &m->jit);
    }
    pcre2_code_free(set->clause_break);
    pcre2_code_free(set->clause_verb);
    pcre2_code_free(set->list_sep);
    pcre2_code_free(set->list_last);
    set->clause_break = set->clause_verb = NULL;
    set->list_sep = set->list_last = NULL;
    set->list_group = set->aside_group = 0;
    {
        const struct tm_define *cb = NULL, *lb = NULL, *cv = NULL, *ca = NULL;

        for (i = 0; i < set->ndefines; i++) {
            const struct tm_define *d = &set->defines[i];

            if (strcmp(d->name, "clausebreak") == 0)
                cb = d;
            else if (strcmp(d->name, "listbreak") == 0)
                lb = d;
            else if (strcmp(d->name, "clauseverb") == 0)
                cv = d;
            else if (strcmp(d->name, "clauseaside") == 0)
                ca = d;
            else if (strcmp(d->name, "listsep") == 0 ||
                     strcmp(d->name, "listlast") == 0) {
                bool last = strcmp(d->name, "listlast") == 0;
                const char *src = last ? "(?&listlast)" : "(?&listsep)";
                struct tm_segment seg = {0, strlen(src), d->file, d->line, 1};

                *(last ? &set->list_last : &set->list_sep) =
                    compile_with_defines(set, err, "define", src, &seg, 1,
                                         PCRE2_ANCHORED | PCRE2_ENDANCHORED,
                                         last ? &set->list_last_jit
                                              : &set->list_sep_jit);
            }
        }
        if (cb != NULL) {
            char src[96];
            struct tm_segment seg = {0, 0, cb->file, cb->line, 1};
            int n;

            snprintf(src, sizeof src, "%s(?&clausebreak)%s",
                     ca != NULL ? "(?<_aside>(?&clauseaside))|" : "",
                     lb != NULL && cv != NULL ? "|(?<_list>(?&listbreak))"
                                              : "");
            seg.len = strlen(src);
            set->clause_break = compile_with_defines(
                set, err, "define", src, &seg, 1, 0, &set->clause_break_jit);
            n = set->clause_break != NULL && lb != NULL && cv != NULL
                    ? pcre2_substring_number_from_name(set->clause_break,
                                                       (PCRE2_SPTR) "_list")
                    : 0;
            set->list_group = n > 0 ? (uint32_t)n : 0;
            n = set->clause_break != NULL && ca != NULL
                    ? pcre2_substring_number_from_name(set->clause_break,
                                                       (PCRE2_SPTR) "_aside")
                    : 0;
            set->aside_group = n > 0 ? (uint32_t)n : 0;
        }
        if (cv != NULL && set->list_group > 0) {
            struct tm_segment seg = {0, 16, cv->file, cv->line, 1};

            set->clause_verb =
                compile_with_defines(set, err, "define", "(?&clauseverb)", &seg,
                                     1, 0, &set->clause_verb_jit);
        }
    }
    for (i = 0; i < set->npatterns; i++) {
        struct tm_pattern *p = &set->patterns[i];

        if (p->regex == NULL && p->from == NULL)
            continue;
        pcre2_code_free(p->re);
        free(p->groups);
        p->re = NULL;
        p->groups = NULL;
        p->ngroups = 0;
        if (p->regex != NULL)
            p->re = compile_with_defines(set, err, "regex", p->regex, p->segs,
                                         p->nsegs, 0, &p->jit);
        if (p->re != NULL && !p->is_repair)
            bind_groups(set, err, p);
        for (k = 0; k < p->nrules; k++) {
            struct tm_rule *u = p->rules[k].unless;

            compile_rule(set, err, &p->rules[k],
                         p->rules[k].forbid ? "forbid" : "require", p->file);
            if (u != NULL)
                compile_rule(set, err, u, "unless", p->file);
        }
    }
    for (i = 0; i < set->nroles; i++) {
        struct tm_rule *r = &set->roles[i].rule;

        if (r->src == NULL)
            continue; /* a range */
        compile_rule(set, err, r, "role", set->roles[i].file);
        if (r->where >= TM_WHERE_CLAUSE && set->clause_break == NULL)
            diag(set, err, set->roles[i].file, r->line, r->column,
                 "a clause rule needs a 'define clausebreak' (common.pat "
                 "has one)");
    }
    for (i = 0; i < set->nlabels; i++) {
        struct tm_label *l = &set->labels[i];

        pcre2_code_free(l->re);
        /* Asked of a few labels per trial: the interpreter, no JIT. */
        l->re = compile_with_defines(set, err, "label", l->src, l->segs,
                                     l->nsegs, 0, NULL);
    }
    link_mentions(set, err);
    for (i = 0; i < set->npatterns && set->clause_break == NULL; i++) {
        const struct tm_pattern *p = &set->patterns[i];

        for (k = 0; k < p->nrules; k++) {
            if (p->rules[k].where >= TM_WHERE_CLAUSE) {
                diag(set, err, p->file, p->rules[k].line, p->rules[k].column,
                     "a clause rule needs a 'define clausebreak' (common.pat "
                     "has one)");
                break;
            }
        }
    }
    if (set->diags.n > ndiags)
        return TM_ERR_PATTERN;
    set->compiled = true;
    return TM_OK;
}

bool
tm_pattern_set_label(const struct tm_pattern_set *set, const char *name,
                     const char *text, size_t n)
{
    pcre2_match_data *md;
    size_t i;
    int rc;

    if (set == NULL)
        return false;
    for (i = 0; i < set->nlabels; i++)
        if (strcmp(set->labels[i].name, name) == 0)
            break;
    if (i == set->nlabels || set->labels[i].re == NULL)
        return false;
    md = pcre2_match_data_create_from_pattern(set->labels[i].re, NULL);
    if (md == NULL)
        tm_oom();
    rc = pcre2_match(set->labels[i].re, (PCRE2_SPTR)text, n, 0, 0, md, NULL);
    pcre2_match_data_free(md);
    return rc >= 0;
}
