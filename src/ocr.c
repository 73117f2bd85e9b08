/* SPDX-License-Identifier: MIT */
/*
 * ocr: running repair rules.
 */
#include "config.h"
#include "ocr.h"
#include "pattern-int.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "byteset.h"
#include "number.h"

struct span {
    size_t start, end;
};

struct rule_state {
    size_t pattern; /* index in the set */
    unsigned long applied, refused;
    struct tm_byteset *word_bytes; /* per prefilter word, its bytes */
    size_t *word_rare;             /* per prefilter word, see rare_byte */
};

struct tm_ocr {
    const struct tm_pattern_set *set;
    pcre2_match_context *mctx;
    pcre2_match_data *md;
    struct rule_state *rules;
    size_t nrules;
    struct tm_norm_edit *edits;
    size_t nedits, edits_cap;
    struct tm_buf pool; /* replacement bytes of the pending edits */
    size_t *pool_off;
    struct tm_buf out; /* substitution output */
    struct span *wins; /* windows of the current rule */
    size_t wins_cap;
    struct tm_byteset text_bytes; /* bytes of the text being repaired */
    bool text_bytes_valid;
};

/* Where in w (wl bytes) to look for it first: its byte that ordinary
 * text has least often, by a rough ranking (a capital or '%' over a
 * digit, a digit over a letter, 'g' over 'e'). */
static size_t
rare_byte(const char *w, size_t wl)
{
    static const char common[] = " etaoinsrhldcumfpgwybvk.,";
    size_t i, best = 0;
    int score = -1;

    for (i = 0; i < wl; i++) {
        const char *c = w[i] != '\0' ? strchr(common, w[i]) : NULL;
        int sc = c != NULL                    ? (int)(c - common)
                 : w[i] >= '0' && w[i] <= '9' ? 30
                                              : 40;

        if (sc > score) {
            score = sc;
            best = i;
        }
    }
    return best;
}

struct tm_ocr *
tm_ocr_new(const struct tm_pattern_set *set)
{
    struct tm_ocr *o = tm_xcalloc(1, sizeof *o);
    uint32_t max_pairs = 1, pairs;
    size_t i;

    o->set = set;
    o->mctx = pcre2_match_context_create(NULL);
    if (o->mctx == NULL)
        tm_oom();
    pcre2_set_match_limit(o->mctx, set->limits.match_limit);
    pcre2_set_depth_limit(o->mctx, set->limits.depth_limit);
    pcre2_set_heap_limit(o->mctx, set->limits.heap_limit);
    for (i = 0; i < set->npatterns; i++) {
        const struct tm_pattern *p = &set->patterns[i];

        if (!p->is_repair || p->re == NULL)
            continue;
        /* Repairs look at every document: their JIT code is made now. */
        tm_pattern_set_jit(set, p->jit);
        pcre2_pattern_info(p->re, PCRE2_INFO_CAPTURECOUNT, &pairs);
        if (pairs + 1 > max_pairs)
            max_pairs = pairs + 1;
        o->rules = tm_xreallocarray(o->rules, o->nrules + 1, sizeof *o->rules);
        o->rules[o->nrules].pattern = i;
        o->rules[o->nrules].applied = 0;
        o->rules[o->nrules].refused = 0;
        o->rules[o->nrules].word_bytes =
            tm_xcalloc(p->prefilter.n + 1, sizeof(struct tm_byteset));
        o->rules[o->nrules].word_rare =
            tm_xcalloc(p->prefilter.n + 1, sizeof(size_t));
        for (size_t k = 0; k < p->prefilter.n; k++) {
            const char *w = p->prefilter.v[k];

            tm_byteset_add_bytes(&o->rules[o->nrules].word_bytes[k], w,
                                 strlen(w));
            o->rules[o->nrules].word_rare[k] = rare_byte(w, strlen(w));
        }
        o->nrules++;
    }
    o->md = pcre2_match_data_create(max_pairs, NULL);
    if (o->md == NULL)
        tm_oom();
    tm_buf_init(&o->pool, 0);
    tm_buf_init(&o->out, 0);
    return o;
}

void
tm_ocr_free(struct tm_ocr *o)
{
    if (o == NULL)
        return;
    pcre2_match_data_free(o->md);
    pcre2_match_context_free(o->mctx);
    for (size_t i = 0; i < o->nrules; i++) {
        free(o->rules[i].word_bytes);
        free(o->rules[i].word_rare);
    }
    free(o->rules);
    free(o->edits);
    free(o->pool_off);
    free(o->wins);
    tm_buf_clear(&o->pool);
    tm_buf_clear(&o->out);
    free(o);
}

size_t
tm_ocr_nrules(const struct tm_ocr *o)
{
    return o->nrules;
}

const char *
tm_ocr_rule_name(const struct tm_ocr *o, size_t i)
{
    return o->set->patterns[o->rules[i].pattern].name;
}

unsigned long
tm_ocr_applied(const struct tm_ocr *o, size_t i)
{
    return o->rules[i].applied;
}

unsigned long
tm_ocr_refused(const struct tm_ocr *o, size_t i)
{
    return o->rules[i].refused;
}

/* Expand template for the match in o->md into o->out.  Returns false if
 * PCRE2 refuses (an unknown group in the template, say). */
static bool
expand(struct tm_ocr *o, const struct tm_pattern *p, const char *text,
       size_t len, const char *template)
{
    PCRE2_SIZE outlen;
    int rc;

    tm_buf_reset(&o->out);
    tm_buf_reserve(&o->out, 256);
    for (;;) {
        outlen = o->out.cap;
        rc = pcre2_substitute(
            p->re, (PCRE2_SPTR)text, len, 0,
            PCRE2_SUBSTITUTE_MATCHED | PCRE2_SUBSTITUTE_REPLACEMENT_ONLY |
                PCRE2_SUBSTITUTE_OVERFLOW_LENGTH | PCRE2_NO_UTF_CHECK,
            o->md, o->mctx, (PCRE2_SPTR) template, PCRE2_ZERO_TERMINATED,
            (PCRE2_UCHAR *)o->out.data, &outlen);
        if (rc == PCRE2_ERROR_NOMEMORY) {
            /* outlen now says how much is needed. */
            tm_buf_reserve(&o->out, outlen + 1);
            continue;
        }
        if (rc < 0)
            return false;
        o->out.len = outlen;
        return true;
    }
}

static void
add_edit(struct tm_ocr *o, size_t start, size_t end, const char *rule,
         bool layout)
{
    if (o->nedits == o->edits_cap) {
        o->edits_cap = o->edits_cap ? o->edits_cap * 2 : 32;
        o->edits = tm_xreallocarray(o->edits, o->edits_cap, sizeof *o->edits);
        o->pool_off =
            tm_xreallocarray(o->pool_off, o->edits_cap, sizeof *o->pool_off);
    }
    o->pool_off[o->nedits] = o->pool.len;
    tm_buf_append(&o->pool, o->out.data, o->out.len);
    o->edits[o->nedits].start = start;
    o->edits[o->nedits].end = end;
    o->edits[o->nedits].repl_len = o->out.len;
    o->edits[o->nedits].rule = rule;
    o->edits[o->nedits].layout = layout;
    o->nedits++;
}

/* How far around a prefilter hit a repair rule looks: enough for a dose
 * such as "(100 ±20)×10^6 cells/kg" and its context. */
#define WINDOW 64

static int
cmp_spans(const void *a, const void *b)
{
    const struct span *x = a, *y = b;

    return x->start < y->start ? -1 : x->start > y->start;
}

/* The first occurrence of w (wl bytes) in [at, end), as memmem finds it,
 * but by memchr for its rare byte w[j]: glibc's memmem is a scalar scan,
 * and steps a byte at a time for a word of two bytes ("0,", "°"). */
static const char *
find_word(const char *at, const char *end, const char *w, size_t wl, size_t j)
{
    const char *q, *lim;

    if ((size_t)(end - at) < wl)
        return NULL;
    /* Byte j of an occurrence starting in [at, end - wl]. */
    q = at + j;
    lim = end - wl + j + 1;
    while (q < lim) {
        const char *p = memchr(q, w[j], (size_t)(lim - q));

        if (p == NULL)
            return NULL;
        if (memcmp(p - j, w, wl) == 0)
            return p - j;
        q = p + 1;
    }
    return NULL;
}

/*
 * The windows of text a rule must look at: around each hit of one of its
 * prefilter words, merged; or the whole text when it has none.  Searching
 * a literal runs at memory speed, while a regex tried at every position of
 * a long text does not, so a rule costs little on text without its
 * trigger.  Returns the number of windows (0: nothing to do).
 */
static size_t
windows(struct tm_ocr *o, const struct rule_state *rs,
        const struct tm_pattern *p, const struct tm_norm *n, struct span **out,
        size_t *cap)
{
    size_t nw = 0, i, k;

    if (p->prefilter.n == 0) {
        if (*cap == 0) {
            *cap = 16;
            *out = tm_xreallocarray(*out, *cap, sizeof **out);
        }
        (*out)[0].start = 0;
        (*out)[0].end = n->len;
        return 1;
    }
    if (!o->text_bytes_valid) {
        tm_byteset_clear(&o->text_bytes);
        tm_byteset_add_bytes(&o->text_bytes, n->text, n->len);
        o->text_bytes_valid = true;
    }
    for (i = 0; i < p->prefilter.n; i++) {
        const char *w = p->prefilter.v[i];
        size_t wl = strlen(w), j = rs->word_rare[i];
        const char *at = n->text, *end = n->text + n->len;

        /* A word with a byte the text lacks cannot occur in it. */
        if (!tm_byteset_covers(&o->text_bytes, &rs->word_bytes[i]))
            continue;

        while ((at = find_word(at, end, w, wl, j)) != NULL) {
            size_t s = (size_t)(at - n->text);

            if (nw == *cap) {
                *cap = *cap ? *cap * 2 : 16;
                *out = tm_xreallocarray(*out, *cap, sizeof **out);
            }
            (*out)[nw].start = s > WINDOW ? s - WINDOW : 0;
            (*out)[nw].end =
                s + wl + WINDOW < n->len ? s + wl + WINDOW : n->len;
            nw++;
            at += wl;
        }
    }
    if (nw > 1)
        qsort(*out, nw, sizeof **out, cmp_spans);
    /* Merge overlapping windows; align them to character starts. */
    for (i = 0, k = 0; i < nw; i++) {
        struct span w = (*out)[i];

        w.start = tm_utf8_floor(n->text, w.start);
        w.end = tm_utf8_ceil(n->text, n->len, w.end);
        if (k > 0 && w.start <= (*out)[k - 1].end) {
            if (w.end > (*out)[k - 1].end)
                (*out)[k - 1].end = w.end;
        } else {
            (*out)[k++] = w;
        }
    }
    return k;
}

/* One pass of a rule over the text; true if it changed something. */
static bool
run_rule_once(struct tm_ocr *o, struct rule_state *rs, struct tm_norm *n,
              const char *where, struct tm_reporter *rep)
{
    const struct tm_pattern *p = &o->set->patterns[rs->pattern];
    size_t nw, wi, i;
    int rc;

    nw = windows(o, rs, p, n, &o->wins, &o->wins_cap);
    o->nedits = 0;
    tm_buf_reset(&o->pool);
    for (wi = 0; wi < nw; wi++) {
        /* The subject ends at the window's end, so lookahead sees no
         * further; it starts at the text's start, so lookbehind does. */
        size_t off = o->wins[wi].start, limit = o->wins[wi].end;

        if (o->nedits > 0 && off < o->edits[o->nedits - 1].end)
            off = o->edits[o->nedits - 1].end;
        while (off <= limit) {
            PCRE2_SIZE *ov;
            size_t ms, me;

            rc = tm_match(p->re, n->text, limit, off, o->md, o->mctx);
            if (rc == PCRE2_ERROR_NOMATCH)
                break;
            if (rc < 0) {
                PCRE2_UCHAR msg[256];

                pcre2_get_error_message(rc, msg, sizeof msg);
                tm_warn(rep, "%s: repair %s: %s; rule skipped for this text",
                        where, p->id, (char *)msg);
                wi = nw;
                break;
            }
            ov = pcre2_get_ovector_pointer(o->md);
            ms = ov[0];
            me = ov[1] > ov[0] ? ov[1] : ov[0];
            if (me == ms) {
                /* Repairs replace something; an empty match is skipped. */
                off = tm_utf8_ceil(n->text, limit, me + 1);
                continue;
            }
            off = me;
            if (p->check != NULL) {
                double v;

                if (!expand(o, p, n->text, limit, p->check) ||
                    !tm_number_parse(o->out.data, o->out.len, &v) ||
                    v < p->check_min || v > p->check_max) {
                    /* Implausible for its unit: leave the text alone. */
                    rs->refused++;
                    continue;
                }
            }
            if (!expand(o, p, n->text, limit, p->replace)) {
                tm_warn(rep, "%s: repair %s: cannot expand its replacement",
                        where, p->id);
                wi = nw;
                break;
            }
            if (o->out.len == me - ms &&
                memcmp(o->out.data, n->text + ms, me - ms) == 0)
                continue;
            add_edit(o, ms, me, p->name, p->layout);
            rs->applied++;
        }
    }
    if (o->nedits == 0)
        return false;
    for (i = 0; i < o->nedits; i++)
        o->edits[i].repl = o->pool.data + o->pool_off[i];
    tm_norm_apply(n, o->edits, o->nedits);
    /* The text changed, and has no byte but those it had and those of
     * the replacements: the set stays a superset, enough to rule words
     * out, without a pass over the whole text after every repair. */
    tm_byteset_add_bytes(&o->text_bytes, o->pool.data, o->pool.len);
    o->nedits = 0;
    return true;
}

static void
run_rule(struct tm_ocr *o, struct rule_state *rs, struct tm_norm *n,
         const char *where, struct tm_reporter *rep)
{
    const struct tm_pattern *p = &o->set->patterns[rs->pattern];
    int pass = 0;

    /* A repeating rule sees its own repairs: "2O.O" needs the first O
     * fixed before the second one stands after a digit. */
    while (run_rule_once(o, rs, n, where, rep) && p->repeat && ++pass < 4)
        ;
}

static void
apply_stage(struct tm_ocr *o, enum tm_stage stage, struct tm_norm *n,
            const char *where, struct tm_reporter *rep)
{
    size_t i;

    o->text_bytes_valid = false; /* a new text, or one changed since */
    for (i = 0; i < o->nrules; i++) {
        if (o->set->patterns[o->rules[i].pattern].stage == stage)
            run_rule(o, &o->rules[i], n, where, rep);
    }
}

void
tm_ocr_apply_raw(struct tm_ocr *o, struct tm_norm *n, const char *where,
                 struct tm_reporter *rep)
{
    apply_stage(o, TM_STAGE_RAW, n, where, rep);
}

void
tm_ocr_apply_text(struct tm_ocr *o, struct tm_norm *n, const char *where,
                  struct tm_reporter *rep)
{
    apply_stage(o, TM_STAGE_TEXT, n, where, rep);
}

static int
cmp_repairs(const void *a, const void *b)
{
    const struct tm_norm_repair *x = a, *y = b;

    if (x->raw_start != y->raw_start)
        return x->raw_start < y->raw_start ? -1 : 1;
    if (x->raw_end != y->raw_end)
        return x->raw_end < y->raw_end ? -1 : 1;
    /* Same span: keep pass order (earlier passes first). */
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
tm_ocr_normalize(struct tm_ocr *o, struct tm_norm *n, const char *raw,
                 size_t len, const char *where, struct tm_reporter *rep)
{
    tm_norm_reset(n, raw, len);
    tm_normalize_unicode(n);
    tm_ocr_apply_raw(o, n, where, rep);
    tm_normalize_layout(n);
    tm_ocr_apply_text(o, n, where, rep);
    /* Repairs in raw order, as a reader of the text meets them. */
    if (n->nrepairs > 1)
        qsort(n->repairs, n->nrepairs, sizeof *n->repairs, cmp_repairs);
}
