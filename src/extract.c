/* SPDX-License-Identifier: MIT */
/*
 * extract: sentences x patterns -> candidate records -> overlap
 * resolution -> records.
 */
#include "config.h"
#include "extract.h"
#include "pattern-int.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "clock.h"
#include "number.h"
#include "text.h"
#include "utf8.h"
#include "wordscan.h"

#define JIT_STACK_MAX (1u << 20)
#define TM_CANON_SLOTS 1024 /* a power of two */

struct candidate {
    size_t pattern; /* index in the set */
    int priority;
    unsigned captured; /* bit per tm_field the match captured */
    /* What context rules and roles measure from: the match, or for a
     * mention (and a record read from one) its whole list. */
    size_t ctx_start, ctx_end;
    struct tm_record rec;
    bool keep;
    /* Its value is 100 x events / total, not printed ("4 of 28 died"). */
    bool computed;
};

struct candidates {
    struct candidate *v;
    size_t n, cap;
};

struct tm_extractor {
    const struct tm_pattern_set *set;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit_stack;
    pcre2_match_data *md;      /* sized for the largest pattern */
    pcre2_match_data *rule_md; /* for context rules and maps */
    struct tm_spans sentences;
    struct tm_buf scratch;
    unsigned long limit_hits;
    bool *jit_ready; /* per regex index: tm_pattern_set_jit was called */
    /* Prefilter words: each distinct word of the set once, and per
     * sentence a bit per word that occurs in it, found in one pass over
     * the sentence by an automaton of all the words (wordscan.c), so the
     * cost is per byte of text, not per word and sentence.  A prefilter
     * line is a mask of its words; a pattern passes when every line meets
     * the sentence's bits. */
    struct tm_strv words;
    size_t nmask;      /* uint64_t per word bit set */
    uint64_t *present; /* the sentence's words */
    struct mask_word {
        uint64_t bits;
        uint32_t k;   /* of present[] */
        uint32_t end; /* 0, or 1 at a line's last word, 2 at the last line's */
    } * *pattern_masks; /* per pattern: each line's nonzero words, or NULL */
    struct tm_wordscan *scan;
    /* The patterns of runs[] that may pass their prefilter in a sentence
     * (cand), so the loop over them visits only those: per word, the runs
     * with that word on their first line (a word of every line must
     * occur, so one of the first), ORed over the sentence's words, and
     * the runs without prefilter.  A run with one line passes when it is
     * a candidate; one with more still checks its masks. */
    size_t nrunmask;       /* uint64_t per bit set of runs */
    uint64_t *word_runs;   /* per word, nrunmask words */
    uint64_t *always_runs; /* runs without a prefilter */
    uint64_t *cand;
    bool *run_one_line;   /* per run: its prefilter has one line */
    size_t *mention_runs; /* the mention patterns, in set order */
    size_t nmention_runs;
    /* Canonical values worked out (see canonical). */
    struct canon_entry {
        int field;
        char *in;  /* the value as folded, or NULL for an empty slot */
        char *out; /* what the maps made of it, or NULL for the same */
    } canon[TM_CANON_SLOTS];
    size_t ncanon;
    bool field_has_maps[TM_F_COUNT];
    /* Per pattern, the roles (`role`, `range`, `reject`) of its type, in
     * file order, ending with SIZE_MAX: a record's type is its pattern's,
     * so the roles are not compared by type name per record. */
    size_t **pattern_roles;
    struct tm_pattern_cost *costs; /* per pattern, when profiling */
    size_t *runs, nruns;           /* the patterns that extract, in set order */
    struct candidates cands;       /* one sentence's matches (scratch) */
    struct candidates mentions;    /* one sentence's mentions, by start */
    bool keep_mentions;            /* write mentions out (examples) */
    struct tm_spans kept;          /* overlap resolution (scratch) */
    /* Clauses of the current sentence, found when a clause rule first
     * asks: the clause breaks and the bracketed groups outside brackets,
     * and the clause text a rule is run on. */
    size_t clause_ss, clause_se; /* the sentence they are for */
    bool clause_ready;
    struct tm_spans breaks, groups;
    struct tm_spans asides; /* scratch: asides before they join groups */
    struct tm_buf clause_text;
    /* Clause rules judged in this sentence: many matches share a clause,
     * and a rule's answer depends only on the clause text it sees. */
    struct clause_memo {
        const struct tm_rule *rule; /* or another rule of the same text */
        size_t from, to, keep;
        int rc;
    } memo[32];
    size_t nmemo;
};

static void
clear_canon(struct tm_extractor *ex)
{
    size_t i;

    for (i = 0; i < TM_CANON_SLOTS; i++) {
        TM_FREE(ex->canon[i].in);
        TM_FREE(ex->canon[i].out);
    }
    ex->ncanon = 0;
}

static size_t
word_index(struct tm_extractor *ex, const char *word)
{
    size_t w;

    for (w = 0; w < ex->words.n; w++) {
        if (strcmp(ex->words.v[w], word) == 0)
            return w;
    }
    tm_strv_push(&ex->words, word);
    return w;
}

static void
index_prefilters(struct tm_extractor *ex)
{
    const struct tm_pattern_set *set = ex->set;
    size_t i, k;
    size_t **idx = tm_xcalloc(set->npatterns + 1, sizeof *idx);

    /* Words of the patterns that run (repairs look for theirs in ocr.c). */
    for (i = 0; i < set->npatterns; i++) {
        const struct tm_pattern *p = &set->patterns[i];

        if (p->prefilter.n == 0 || (p->re == NULL && p->from == NULL) ||
            p->is_repair)
            continue;
        idx[i] = tm_xreallocarray(NULL, p->prefilter.n, sizeof(size_t));
        for (k = 0; k < p->prefilter.n; k++)
            idx[i][k] = word_index(ex, p->prefilter.v[k]);
    }
    ex->nmask = ex->words.n / 64 + 1;
    ex->present = tm_xcalloc(ex->nmask, sizeof *ex->present);
    ex->nrunmask = ex->nruns / 64 + 1;
    ex->word_runs =
        tm_xcalloc((ex->words.n + 1) * ex->nrunmask, sizeof *ex->word_runs);
    ex->always_runs = tm_xcalloc(ex->nrunmask, sizeof *ex->always_runs);
    ex->cand = tm_xcalloc(ex->nrunmask, sizeof *ex->cand);
    ex->run_one_line = tm_xcalloc(ex->nruns + 1, sizeof *ex->run_one_line);
    for (i = 0; i < ex->nruns; i++) {
        size_t pi = ex->runs[i];
        const struct tm_pattern *p = &set->patterns[pi];
        uint64_t bit = (uint64_t)1 << (i % 64);

        if (idx[pi] == NULL) {
            ex->always_runs[i / 64] |= bit;
            continue;
        }
        ex->run_one_line[i] = p->nprefilter_lines == 1;
        for (k = 0; k < p->prefilter.n; k++) {
            if (p->prefilter_line[k] == 0)
                ex->word_runs[idx[pi][k] * ex->nrunmask + i / 64] |= bit;
        }
    }
    ex->pattern_masks =
        tm_xcalloc(set->npatterns + 1, sizeof *ex->pattern_masks);
    for (i = 0; i < set->npatterns; i++) {
        const struct tm_pattern *p = &set->patterns[i];
        size_t nm = p->nprefilter_lines * ex->nmask, n = 0;
        uint64_t *m;
        struct mask_word *mw;

        if (idx[i] == NULL)
            continue;
        /* Each line as a mask over present[], then only its nonzero
         * words, which are one or two for most lines. */
        m = tm_xcalloc(nm, sizeof *m);
        for (k = 0; k < p->prefilter.n; k++)
            m[p->prefilter_line[k] * ex->nmask + idx[i][k] / 64] |=
                (uint64_t)1 << (idx[i][k] % 64);
        mw = tm_xcalloc(nm, sizeof *mw);
        for (k = 0; k < nm; k++) {
            if (m[k] != 0)
                mw[n++] =
                    (struct mask_word){m[k], (uint32_t)(k % ex->nmask), 0};
            if (k % ex->nmask == ex->nmask - 1 && n > 0)
                mw[n - 1].end = k + 1 == nm ? 2 : 1;
        }
        ex->pattern_masks[i] = mw;
        free(m);
        free(idx[i]);
    }
    free(idx);
    ex->scan = tm_wordscan_new((const char *const *)ex->words.v, ex->words.n);
}

struct tm_extractor *
tm_extractor_new(const struct tm_pattern_set *set)
{
    struct tm_extractor *ex = tm_xcalloc(1, sizeof *ex);
    uint32_t max_pairs = 1, pairs;
    size_t i;

    ex->set = set;
    ex->mctx = pcre2_match_context_create(NULL);
    if (ex->mctx == NULL)
        tm_oom();
    pcre2_set_match_limit(ex->mctx, set->limits.match_limit);
    pcre2_set_depth_limit(ex->mctx, set->limits.depth_limit);
    pcre2_set_heap_limit(ex->mctx, set->limits.heap_limit);
    ex->jit_stack = pcre2_jit_stack_create(32 * 1024, JIT_STACK_MAX, NULL);
    if (ex->jit_stack != NULL)
        pcre2_jit_stack_assign(ex->mctx, NULL, ex->jit_stack);
    for (i = 0; i < set->npatterns; i++) {
        if (set->patterns[i].re == NULL)
            continue;
        pcre2_pattern_info(set->patterns[i].re, PCRE2_INFO_CAPTURECOUNT,
                           &pairs);
        if (pairs + 1 > max_pairs)
            max_pairs = pairs + 1;
    }
    ex->jit_ready =
        tm_xcalloc(tm_pattern_set_njit(set) + 1, sizeof *ex->jit_ready);
    ex->md = pcre2_match_data_create(max_pairs, NULL);
    ex->rule_md = pcre2_match_data_create(64, NULL);
    if (ex->md == NULL || ex->rule_md == NULL)
        tm_oom();
    tm_buf_init(&ex->scratch, 0);
    tm_buf_init(&ex->clause_text, 0);
    ex->runs = tm_xcalloc(set->npatterns + 1, sizeof *ex->runs);
    ex->mention_runs = tm_xcalloc(set->npatterns + 1, sizeof *ex->runs);
    for (i = 0; i < set->npatterns; i++) {
        const struct tm_pattern *p = &set->patterns[i];

        /* Mention patterns run first, in find_mentions. */
        if (p->mention && p->re != NULL)
            ex->mention_runs[ex->nmention_runs++] = i;
        else if ((p->re != NULL || p->from != NULL) && !p->is_repair &&
                 !p->mention)
            ex->runs[ex->nruns++] = i;
    }
    index_prefilters(ex);
    ex->pattern_roles =
        tm_xcalloc(set->npatterns + 1, sizeof *ex->pattern_roles);
    for (i = 0; i < set->npatterns; i++) {
        size_t r, n = 0;

        ex->pattern_roles[i] =
            tm_xcalloc(set->nroles + 1, sizeof *ex->pattern_roles[i]);
        for (r = 0; r < set->nroles; r++) {
            if (set->patterns[i].type != NULL &&
                strcmp(set->roles[r].type, set->patterns[i].type) == 0)
                ex->pattern_roles[i][n++] = r;
        }
        ex->pattern_roles[i][n] = SIZE_MAX;
    }
    for (i = 0; i < set->nmaps; i++) {
        if (set->maps[i].re != NULL && set->maps[i].field >= 0 &&
            set->maps[i].field < TM_F_COUNT)
            ex->field_has_maps[set->maps[i].field] = true;
    }
    return ex;
}

void
tm_extractor_free(struct tm_extractor *ex)
{
    if (ex == NULL)
        return;
    pcre2_match_data_free(ex->md);
    pcre2_match_data_free(ex->rule_md);
    pcre2_jit_stack_free(ex->jit_stack);
    pcre2_match_context_free(ex->mctx);
    free(ex->jit_ready);
    tm_spans_clear(&ex->sentences);
    tm_buf_clear(&ex->scratch);
    tm_buf_clear(&ex->clause_text);
    tm_spans_clear(&ex->breaks);
    tm_spans_clear(&ex->groups);
    tm_spans_clear(&ex->asides);
    if (ex->pattern_masks != NULL) {
        for (size_t i = 0; i < ex->set->npatterns; i++)
            free(ex->pattern_masks[i]);
    }
    free(ex->pattern_masks);
    free(ex->present);
    tm_wordscan_free(ex->scan);
    clear_canon(ex);
    if (ex->pattern_roles != NULL) {
        for (size_t i = 0; i < ex->set->npatterns; i++)
            free(ex->pattern_roles[i]);
    }
    free(ex->pattern_roles);
    free(ex->costs);
    free(ex->runs);
    free(ex->mention_runs);
    free(ex->word_runs);
    free(ex->always_runs);
    free(ex->cand);
    free(ex->run_one_line);
    free(ex->cands.v);
    for (size_t i = 0; i < ex->mentions.n; i++)
        tm_record_clear(&ex->mentions.v[i].rec);
    free(ex->mentions.v);
    tm_spans_clear(&ex->kept);
    tm_strv_clear(&ex->words);
    free(ex);
}

const struct tm_spans *
tm_extractor_sentences(const struct tm_extractor *ex)
{
    return &ex->sentences;
}

unsigned long
tm_extractor_limit_hits(const struct tm_extractor *ex)
{
    return ex->limit_hits;
}

void
tm_extractor_set_keep_mentions(struct tm_extractor *ex, bool on)
{
    ex->keep_mentions = on;
}

void
tm_extractor_set_profile(struct tm_extractor *ex, bool on)
{
    TM_FREE(ex->costs);
    if (on)
        ex->costs = tm_xcalloc(ex->set->npatterns + 1, sizeof *ex->costs);
}

const struct tm_pattern_cost *
tm_extractor_costs(const struct tm_extractor *ex)
{
    return ex->costs;
}

/* re, the set's regex `index`, made ready to match: its JIT code is made
 * on the extractor's first use (see tm_pattern_set_jit). */
static const pcre2_code *
ready(struct tm_extractor *ex, const pcre2_code *re, unsigned index)
{
    if (!ex->jit_ready[index]) {
        tm_pattern_set_jit(ex->set, index);
        ex->jit_ready[index] = true;
    }
    return re;
}

static bool
is_limit_error(int rc)
{
    return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
           rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
}

static void
match_warning(struct tm_extractor *ex, struct tm_reporter *rep,
              const char *what, int rc, const char *where, size_t at)
{
    PCRE2_UCHAR msg[256];

    pcre2_get_error_message(rc, msg, sizeof msg);
    if (is_limit_error(rc))
        ex->limit_hits++;
    tm_warn(rep, "%s: %s: %s in the sentence at byte %zu; skipped", where, what,
            (char *)msg, at);
}

/* Move a byte offset to the start of the UTF-8 character it is in. */

/*
 * Clauses.  A sentence's bracketed groups ("(...)", "[...]", outermost
 * only) and its clause breaks (matches of the pattern files' `clausebreak`
 * outside any bracket) are found once per sentence, when a clause rule
 * first asks.  The clause of a match runs from the last break before it to
 * the first break after it; a bracketed group that does not hold the match
 * is blanked out of it, so "80 were randomized (12 died)" keeps the death
 * out of the count's clause, while a value inside brackets sees the
 * clause around them.
 */
/* Add the asides (in order, outside brackets) to the bracketed groups
 * (in order), dropping the groups an aside holds: groups stay the
 * outermost, ordered by start. */
static void
merge_asides(struct tm_spans *groups, struct tm_spans *asides)
{
    size_t g, a = 0, n = 0, i;
    size_t ng = groups->n;

    /* Keep the groups no aside holds (an aside starts outside brackets,
     * so a group either lies inside one or apart from all). */
    for (g = 0; g < ng; g++) {
        const struct tm_span *gr = &groups->v[g];

        while (a < asides->n && asides->v[a].end <= gr->start)
            a++;
        if (a < asides->n && asides->v[a].start <= gr->start &&
            gr->end <= asides->v[a].end)
            continue;
        groups->v[n++] = *gr;
    }
    groups->n = n;
    for (i = 0; i < asides->n; i++)
        tm_spans_push(groups, asides->v[i].start, asides->v[i].end);
    /* Two ordered runs: insertion sort is linear here in practice. */
    for (i = n; i < groups->n; i++) {
        struct tm_span t = groups->v[i];
        size_t k = i;

        while (k > 0 && groups->v[k - 1].start > t.start) {
            groups->v[k] = groups->v[k - 1];
            k--;
        }
        groups->v[k] = t;
    }
    asides->n = 0;
}

static void
find_clauses(struct tm_extractor *ex, const char *text, size_t ss, size_t se,
             const char *where, struct tm_reporter *rep)
{
    const struct tm_pattern_set *set = ex->set;
    size_t i, open = 0, off = 0, last = ss;
    int depth = 0;

    ex->breaks.n = 0;
    ex->groups.n = 0;
    ex->asides.n = 0;
    for (i = ss; i < se; i++) {
        char c = text[i];

        if (c == '(' || c == '[') {
            if (depth++ == 0)
                open = i;
        } else if ((c == ')' || c == ']') && depth > 0) {
            if (--depth == 0)
                tm_spans_push(&ex->groups, open, i + 1);
        }
    }
    while (set->clause_break != NULL && off < se - ss) {
        PCRE2_SIZE *ov;
        size_t bs, be;
        int rc = tm_match(ready(ex, set->clause_break, set->clause_break_jit),
                          text + ss, se - ss, off, ex->rule_md, ex->mctx);

        if (rc < 0) {
            if (rc != PCRE2_ERROR_NOMATCH)
                match_warning(ex, rep, "clausebreak", rc, where, ss);
            break;
        }
        ov = pcre2_get_ovector_pointer(ex->rule_md);
        bs = ss + ov[0];
        be = ss + (ov[1] > ov[0] ? ov[1] : ov[0]);
        off =
            ov[1] > ov[0] ? ov[1] : tm_utf8_ceil(text + ss, se - ss, ov[1] + 1);
        if (ex->groups.n > 0) {
            size_t g = tm_spans_find(&ex->groups, bs);

            if (ex->groups.v[g].start <= bs && bs < ex->groups.v[g].end)
                continue; /* inside brackets */
        }
        /* An aside is set apart like brackets, not a break. */
        if (set->aside_group > 0 && (uint32_t)rc > set->aside_group &&
            ov[2 * set->aside_group] != PCRE2_UNSET) {
            tm_spans_push(&ex->asides, bs, be);
            continue;
        }
        /* A list break ends a clause only after a member with a verb. */
        if (set->list_group > 0 && (uint32_t)rc > set->list_group &&
            ov[2 * set->list_group] != PCRE2_UNSET &&
            tm_match(ready(ex, set->clause_verb, set->clause_verb_jit),
                     text + last, bs - last, 0, ex->rule_md, ex->mctx) < 0)
            continue;
        tm_spans_push(&ex->breaks, bs, be);
        last = be;
    }
    if (ex->asides.n > 0)
        merge_asides(&ex->groups, &ex->asides);
    ex->clause_ss = ss;
    ex->clause_se = se;
    ex->clause_ready = true;
}

/* The part [from, to) of the match [ms, me)'s clause as a rule sees it:
 * the text itself, or a copy in ex->clause_text with the bracketed groups
 * that do not hold the match blanked. */
static const char *
clause_text(struct tm_extractor *ex, const char *text, size_t from, size_t to,
            size_t ms, size_t me)
{
    size_t g;
    bool blank = false;

    for (g = 0; g < ex->groups.n && !blank; g++) {
        const struct tm_span *gr = &ex->groups.v[g];

        blank = gr->end > from && gr->start < to &&
                !(gr->start <= ms && me <= gr->end);
    }
    if (!blank)
        return text + from;
    tm_buf_reset(&ex->clause_text);
    tm_buf_append(&ex->clause_text, text + from, to - from);
    tm_buf_putc(&ex->clause_text, '\0');
    for (g = 0; g < ex->groups.n; g++) {
        const struct tm_span *gr = &ex->groups.v[g];
        size_t a, b;

        if (gr->end <= from || gr->start >= to)
            continue;
        if (gr->start <= ms && me <= gr->end)
            continue; /* the match's own brackets */
        a = gr->start > from ? gr->start : from;
        b = gr->end < to ? gr->end : to;
        memset(ex->clause_text.data + (a - from), ' ', b - a);
    }
    return ex->clause_text.data;
}

/* The start of the bracketed group holding [ms, me), or SIZE_MAX. */
static size_t
holding_group(const struct tm_extractor *ex, size_t ms, size_t me)
{
    size_t g;

    for (g = 0; g < ex->groups.n; g++) {
        if (ex->groups.v[g].start <= ms && me <= ex->groups.v[g].end)
            return ex->groups.v[g].start;
    }
    return SIZE_MAX;
}

/* The clause [*from, *to) of the match [ms, me) in sentence [ss, se).  A
 * value in brackets that close an opening phrase ("Across 11 trials (n =
 * 593), adverse events were similar") belongs to that phrase: its clause
 * ends with its brackets. */
static void
clause_of(const struct tm_extractor *ex, const char *text, size_t ss, size_t se,
          size_t ms, size_t me, size_t *from, size_t *to)
{
    size_t b, g;

    *from = ss;
    *to = se;
    for (b = 0; b < ex->breaks.n; b++) {
        const struct tm_span *br = &ex->breaks.v[b];

        if (br->end <= ms)
            *from = br->end;
        else if (br->start >= me) {
            *to = br->start;
            break;
        }
    }
    for (g = 0; g < ex->groups.n; g++) {
        const struct tm_span *gr = &ex->groups.v[g];

        if (gr->start <= ms && me <= gr->end && gr->end < *to && gr->end < se &&
            text[gr->end] == ',')
            *to = gr->end;
    }
}

/* A rule's remembered answer on the window [from, to) (keep: the group
 * left unblanked), or NULL.  Rules with the same regex text share answers
 * (sixteen sample-size patterns forbid the same roles in a clause): they
 * share one compiled regex (pattern.c, same_rule), so the pointer says
 * it. */
static struct clause_memo *
memo_find(struct tm_extractor *ex, const struct tm_rule *r, size_t from,
          size_t to, size_t keep)
{
    size_t k;

    for (k = 0; k < ex->nmemo; k++) {
        struct clause_memo *m = &ex->memo[k];

        if (m->from == from && m->to == to && m->keep == keep &&
            (m->rule == r ||
             (m->rule->where == r->where && m->rule->re == r->re)))
            return m;
    }
    return NULL;
}

static void
memo_add(struct tm_extractor *ex, const struct tm_rule *r, size_t from,
         size_t to, size_t keep, int rc)
{
    struct clause_memo *m = &ex->memo[ex->nmemo < 32 ? ex->nmemo++ : 31];

    m->rule = r;
    m->from = from;
    m->to = to;
    m->keep = keep;
    m->rc = rc >= 0 ? 1 : rc;
}

/* Where the paragraph of a match at ms (in a sentence starting at ss)
 * starts: after the last blank line before the sentence, at most
 * TM_PARAGRAPH_BEFORE_MAX bytes before ms (a sentence longer than that
 * is cut at the bound, inside the sentence). */
static size_t
paragraph_start(const char *text, size_t ss, size_t ms)
{
    size_t low =
        ms > TM_PARAGRAPH_BEFORE_MAX ? ms - TM_PARAGRAPH_BEFORE_MAX : 0;
    size_t i = ss, after = ss;
    int newlines = 0;

    while (i > low) {
        char c = text[i - 1];

        if (c == '\n') {
            if (newlines++ == 0)
                after = i; /* just after the blank line's last newline */
            if (newlines >= 2)
                return after;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            newlines = 0;
        }
        i--;
    }
    return low;
}

/* Does the rule hold for a match [ms, me) in sentence [ss, se)? */
static bool
rule_holds(struct tm_extractor *ex, const struct tm_rule *r, const char *text,
           size_t len, size_t ss, size_t se, size_t ms, size_t me,
           const char *where, struct tm_reporter *rep)
{
    size_t from, to;
    int rc;

    /* Windows stay inside the sentence: context is the sentence's. */
    switch (r->where) {
    case TM_WHERE_SENTENCE: {
        const struct clause_memo *m = memo_find(ex, r, ss, se, SIZE_MAX);

        if (m != NULL) {
            rc = m->rc;
            goto judge;
        }
        rc = tm_match(ready(ex, r->re, r->jit), text + ss, se - ss, 0,
                      ex->rule_md, ex->mctx);
        memo_add(ex, r, ss, se, SIZE_MAX, rc);
        goto judge;
    }
    case TM_WHERE_BEFORE:
        from = ms > ss + r->chars ? ms - r->chars : ss;
        to = ms;
        break;
    case TM_WHERE_AFTER:
        from = me;
        to = me + r->chars < se ? me + r->chars : se;
        break;
    case TM_WHERE_MATCH:
        from = ms;
        to = me;
        break;
    case TM_WHERE_PARAGRAPH_BEFORE:
        from = paragraph_start(text, ss, ms);
        to = ms;
        break;
    case TM_WHERE_CLAUSE:
    case TM_WHERE_CLAUSE_BEFORE:
    case TM_WHERE_CLAUSE_AFTER:
        if (!ex->clause_ready || ex->clause_ss != ss || ex->clause_se != se)
            find_clauses(ex, text, ss, se, where, rep);
        clause_of(ex, text, ss, se, ms, me, &from, &to);
        if (r->where == TM_WHERE_CLAUSE_BEFORE)
            to = ms;
        else if (r->where == TM_WHERE_CLAUSE_AFTER)
            from = me;
        if (to < from)
            to = from;
        {
            size_t keep = holding_group(ex, ms, me);
            const struct clause_memo *m = memo_find(ex, r, from, to, keep);

            if (m != NULL) {
                rc = m->rc;
                goto judge;
            }
            rc = tm_match(ready(ex, r->re, r->jit),
                          clause_text(ex, text, from, to, ms, me), to - from, 0,
                          ex->rule_md, ex->mctx);
            memo_add(ex, r, from, to, keep, rc);
        }
        goto judge;
    case TM_WHERE_NEAR:
    default:
        from = ms > ss + r->chars ? ms - r->chars : ss;
        to = me + r->chars < se ? me + r->chars : se;
        break;
    }
    from = tm_utf8_floor(text, from);
    to = to < len ? tm_utf8_floor(text, to) : len;
    rc = tm_match(ready(ex, r->re, r->jit), text + from, to - from, 0,
                  ex->rule_md, ex->mctx);
judge:
    if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) {
        match_warning(ex, rep, "context rule", rc, where, ss);
        /* A rule we cannot evaluate does not hold: fail closed. */
        return r->forbid;
    }
    if (r->forbid && rc >= 0 && r->unless != NULL)
        return rule_holds(ex, r->unless, text, len, ss, se, ms, me, where, rep);
    return r->forbid ? rc < 0 : rc >= 0;
}

/* Copy s with runs of white space folded to one space, trimmed. */
static char *
fold_space(const char *s, size_t len)
{
    char *out = tm_xmalloc(len + 1);
    size_t i, n = 0;
    bool space = false;

    for (i = 0; i < len; i++) {
        if (isspace((unsigned char)s[i])) {
            space = n > 0;
        } else {
            if (space)
                out[n++] = ' ';
            space = false;
            out[n++] = s[i];
        }
    }
    out[n] = '\0';
    return out;
}

/* Apply the first `map` of the field that matches the whole value. */
static char *
apply_maps(struct tm_extractor *ex, int field, char *val)
{
    const struct tm_pattern_set *set = ex->set;
    size_t i;

    for (i = 0; i < set->nmaps; i++) {
        const struct tm_map *m = &set->maps[i];
        PCRE2_UCHAR out[256];
        PCRE2_SIZE outlen = sizeof out;
        int rc;

        if (m->field != field || m->re == NULL)
            continue;
        rc = pcre2_substitute(ready(ex, m->re, m->jit), (PCRE2_SPTR)val,
                              strlen(val), 0, PCRE2_NO_UTF_CHECK, ex->rule_md,
                              ex->mctx, (PCRE2_SPTR)m->replacement,
                              strlen(m->replacement), out, &outlen);
        if (rc > 0) {
            free(val);
            return tm_xstrndup((const char *)out, outlen);
        }
    }
    return val;
}

static size_t
canon_hash(int field, const char *val)
{
    size_t h = 2166136261u ^ (size_t)field;

    for (; *val != '\0'; val++)
        h = (h ^ (unsigned char)*val) * 16777619u;
    return h;
}

/* val (taken) as the field's canonical value.  A field's values repeat
 * ("mg/kg", "28-day", "=") and each costs a pcre2_substitute per map of
 * the field, so the answers are kept, per extractor, until the table is
 * half full; the maps are pure functions of the value. */
static char *
canonical(struct tm_extractor *ex, int field, char *val)
{
    struct canon_entry *e;
    size_t h;

    if (!ex->field_has_maps[field])
        return val;
    h = canon_hash(field, val) & (TM_CANON_SLOTS - 1);
    for (e = &ex->canon[h]; e->in != NULL;
         h = (h + 1) & (TM_CANON_SLOTS - 1), e = &ex->canon[h]) {
        if (e->field == field && strcmp(e->in, val) == 0) {
            if (e->out == NULL)
                return val;
            free(val);
            return tm_xstrdup(e->out);
        }
    }
    if (ex->ncanon == TM_CANON_SLOTS / 2) {
        clear_canon(ex);
        return canonical(ex, field, val);
    }
    e->field = field;
    e->in = tm_xstrdup(val);
    val = apply_maps(ex, field, val);
    e->out = strcmp(e->in, val) == 0 ? NULL : tm_xstrdup(val);
    ex->ncanon++;
    return val;
}

char *
tm_extractor_canonical(struct tm_extractor *ex, const char *field, char *val)
{
    int f = tm_field_lookup(field, strlen(field));
    char *folded;

    /* The map regexes are compiled for UTF-8 and run unchecked: a value
     * from outside the extraction (a gold file's unit) that is not valid
     * UTF-8 stays as it is. */
    if (f < 0 || val == NULL || !tm_utf8_valid(val, strlen(val), NULL))
        return val;
    folded = fold_space(val, strlen(val));
    free(val);
    return canonical(ex, f, folded);
}

static char **
text_field(struct tm_record *r, int field)
{
    switch (field) {
    case TM_F_UNIT:
        return &r->unit;
    case TM_F_COMPARATOR:
        return &r->comparator;
    case TM_F_SCOPE:
        return &r->scope;
    case TM_F_GROUP:
        return &r->group;
    case TM_F_TIMEPOINT:
        return &r->timepoint;
    case TM_F_STUDY:
        return &r->study;
    case TM_F_STUDY_REF:
        return &r->study_ref;
    case TM_F_MEASURE:
        return &r->measure;
    default:
        return NULL;
    }
}

/*
 * Turn one match into a candidate record.  Returns false (with a warning)
 * when a captured number does not read as one: the pattern captured
 * something it should not have, and a wrong value is worse than none.
 */
static bool
build_record(struct tm_extractor *ex, const struct tm_pattern *p,
             const char *text, size_t ms, size_t me, const char *where,
             struct tm_reporter *rep, struct tm_record *r, bool *computed)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ex->md);
    const char *got[TM_F_COUNT];
    size_t gotlen[TM_F_COUNT];
    double num[TM_F_COUNT];
    bool has[TM_F_COUNT];
    double mult = 1;
    size_t i;
    int f;

    memset(got, 0, sizeof got);
    memset(has, 0, sizeof has);
    for (i = 0; i < p->ngroups; i++) {
        uint32_t g = p->groups[i].group;

        f = p->groups[i].field;
        if (got[f] != NULL || ov[2 * g] == PCRE2_UNSET ||
            ov[2 * g + 1] < ov[2 * g])
            continue;
        got[f] = text + ov[2 * g];
        gotlen[f] = ov[2 * g + 1] - ov[2 * g];
    }
    for (i = 0; i < p->nsets; i++) {
        f = tm_field_lookup(p->sets[i].key, strlen(p->sets[i].key));
        if (f >= 0 && got[f] == NULL) {
            got[f] = p->sets[i].val;
            gotlen[f] = strlen(p->sets[i].val);
        }
    }
    for (f = 0; f < TM_F_COUNT; f++) {
        if (got[f] == NULL || !tm_field_is_numeric(f))
            continue;
        if (!tm_number_parse(got[f], gotlen[f], &num[f])) {
            tm_warn(rep,
                    "%s: pattern %s: cannot read '%.*s' as the %s at "
                    "byte %zu; match dropped",
                    where, p->id, (int)(gotlen[f] > 60 ? 60 : gotlen[f]),
                    got[f], tm_field_name(f), ms);
            return false;
        }
        has[f] = true;
    }
    if (got[TM_F_EXPONENT] != NULL) {
        double e;
        struct tm_buf b;

        /* Read "6" or "-5" as a power of ten via the number reader. */
        tm_buf_init(&b, 0);
        tm_buf_puts(&b, "10^");
        tm_buf_append(&b, got[TM_F_EXPONENT], gotlen[TM_F_EXPONENT]);
        if (!tm_number_parse(b.data, b.len, &e)) {
            tm_warn(rep,
                    "%s: pattern %s: cannot read exponent '%.*s' at "
                    "byte %zu; match dropped",
                    where, p->id, (int)gotlen[TM_F_EXPONENT],
                    got[TM_F_EXPONENT], ms);
            tm_buf_clear(&b);
            return false;
        }
        tm_buf_clear(&b);
        mult *= e;
    }
    if (got[TM_F_SCALE] != NULL) {
        double s;

        if (!tm_number_parse_scale(got[TM_F_SCALE], gotlen[TM_F_SCALE], &s)) {
            tm_warn(rep,
                    "%s: pattern %s: cannot read scale '%.*s' at byte "
                    "%zu; match dropped",
                    where, p->id, (int)gotlen[TM_F_SCALE], got[TM_F_SCALE], ms);
            return false;
        }
        mult *= s;
    }
    if (!has[TM_F_VALUE] && mult != 1) {
        /* "10^6 cells/kg": the power of ten is the value. */
        num[TM_F_VALUE] = 1;
        has[TM_F_VALUE] = true;
    }
    if (!has[TM_F_VALUE] && has[TM_F_EVENTS] && has[TM_F_TOTAL] &&
        num[TM_F_TOTAL] > 0) {
        /* "3 of 10 patients died": the value is the percentage. */
        num[TM_F_VALUE] = 100.0 * num[TM_F_EVENTS] / num[TM_F_TOTAL];
        has[TM_F_VALUE] = true;
        *computed = true;
    }
    if (!has[TM_F_VALUE] && p->type[0] == '_') {
        /* Internal types (study mentions) carry text, not a number. */
        num[TM_F_VALUE] = 0;
        has[TM_F_VALUE] = true;
    }
    if (!has[TM_F_VALUE]) {
        tm_warn(rep,
                "%s: pattern %s: match at byte %zu has no value; "
                "dropped",
                where, p->id, ms);
        return false;
    }
    memset(r, 0, sizeof *r);
    r->type = tm_xstrdup(p->type);
    r->pattern = tm_xstrdup(p->id);
    r->start = ms;
    r->end = me;
    r->value = num[TM_F_VALUE] * mult;
    r->has |= TM_HAS_VALUE;
    if (has[TM_F_VALUE_HIGH]) {
        r->value_high = num[TM_F_VALUE_HIGH] * mult;
        r->has |= TM_HAS_VALUE_HIGH;
    }
    if (has[TM_F_SPREAD]) {
        r->spread = num[TM_F_SPREAD] * mult;
        r->has |= TM_HAS_SPREAD;
    }
    if (has[TM_F_EVENTS]) {
        r->events = (long long)llround(num[TM_F_EVENTS]);
        r->has |= TM_HAS_EVENTS;
    }
    if (has[TM_F_TOTAL]) {
        r->total = (long long)llround(num[TM_F_TOTAL]);
        r->has |= TM_HAS_TOTAL;
    }
    if (has[TM_F_CI_LOW]) {
        r->ci_low = num[TM_F_CI_LOW] * mult;
        r->has |= TM_HAS_CI_LOW;
    }
    if (has[TM_F_CI_HIGH]) {
        r->ci_high = num[TM_F_CI_HIGH] * mult;
        r->has |= TM_HAS_CI_HIGH;
    }
    if (has[TM_F_CI_LEVEL]) {
        r->ci_level = num[TM_F_CI_LEVEL];
        r->has |= TM_HAS_CI_LEVEL;
    }
    for (f = 0; f < TM_F_COUNT; f++) {
        char **slot = text_field(r, f);

        if (slot == NULL || got[f] == NULL)
            continue;
        *slot = canonical(ex, f, fold_space(got[f], gotlen[f]));
        if (**slot == '\0')
            TM_FREE(*slot);
    }
    if (!isfinite(r->value) || !isfinite(r->value_high) ||
        !isfinite(r->spread) || !isfinite(r->ci_low) || !isfinite(r->ci_high)) {
        tm_record_clear(r);
        return false;
    }
    return true;
}

static struct candidate *
push_candidate(struct candidates *cs)
{
    if (cs->n == cs->cap) {
        cs->cap = cs->cap ? cs->cap * 2 : 32;
        cs->v = tm_xreallocarray(cs->v, cs->cap, sizeof *cs->v);
    }
    memset(&cs->v[cs->n], 0, sizeof cs->v[cs->n]);
    return &cs->v[cs->n++];
}

/* Does the lower-cased sentence contain a word of each of pattern pi's
 * prefilter lines? */
static bool
prefilter_passes(const struct tm_extractor *ex, size_t pi)
{
    const struct mask_word *mw = ex->pattern_masks[pi];
    uint64_t meet = 0;

    if (mw == NULL)
        return true;
    for (;; mw++) {
        meet |= mw->bits & ex->present[mw->k];
        if (mw->end != 0) {
            if (meet == 0)
                return false;
            if (mw->end == 2)
                return true;
            meet = 0;
        }
    }
}

/* The index of the lowest set bit of a nonzero word. */
static unsigned
lowest_bit(uint64_t bits)
{
#if defined(__GNUC__)
    return (unsigned)__builtin_ctzll(bits);
#else
    unsigned b = 0;

    while ((bits & 1) == 0) {
        bits >>= 1;
        b++;
    }
    return b;
#endif
}

/* Which prefilter words does sentence [ss, se) contain, and so which runs
 * are candidates?  When profiling, every run is, so that each pattern's
 * skipped sentences are counted. */
static void
find_sentence_words(struct tm_extractor *ex, const char *text, size_t ss,
                    size_t se)
{
    size_t k, j;

    memset(ex->present, 0, ex->nmask * sizeof *ex->present);
    tm_wordscan_run(ex->scan, text + ss, se - ss, ex->present);
    if (ex->costs != NULL) {
        memset(ex->cand, 0xff, ex->nrunmask * sizeof *ex->cand);
        return;
    }
    memcpy(ex->cand, ex->always_runs, ex->nrunmask * sizeof *ex->cand);
    for (k = 0; k < ex->nmask; k++) {
        uint64_t bits = ex->present[k];

        while (bits != 0) {
            const uint64_t *m =
                ex->word_runs + (k * 64 + lowest_bit(bits)) * ex->nrunmask;

            bits &= bits - 1;
            for (j = 0; j < ex->nrunmask; j++)
                ex->cand[j] |= m[j];
        }
    }
}

/* The fields pattern p captures (named groups), rather than sets, as
 * bits. */
static unsigned
captured_fields(const struct tm_pattern *p)
{
    unsigned bits = 0;
    size_t i;

    for (i = 0; i < p->ngroups; i++)
        bits |= 1u << p->groups[i].field;
    /* A field the pattern keeps is as good as captured: roles leave it. */
    return bits | p->keep;
}

/* The pattern files' `range` and `reject` lines: may a record of this
 * type be made from the match [ms, me)? */
static bool
type_accepts(struct tm_extractor *ex, size_t pi, const struct tm_record *rec,
             const char *text, size_t len, size_t ss, size_t se, size_t ms,
             size_t me, const char *where, struct tm_reporter *rep)
{
    const struct tm_pattern_set *set = ex->set;
    const size_t *ri;

    for (ri = ex->pattern_roles[pi]; *ri != SIZE_MAX; ri++) {
        const struct tm_role *role = &set->roles[*ri];

        if (role->kind == TM_ROLE_SET)
            continue;
        if (role->kind == TM_ROLE_RANGE) {
            const char *const *slot =
                role->value != NULL ? (const char *const *)text_field(
                                          (struct tm_record *)rec, role->field)
                                    : NULL;

            if (role->value != NULL && (slot == NULL || *slot == NULL ||
                                        strcmp(*slot, role->value) != 0))
                continue; /* the range is for another unit */
            if (((rec->has & TM_HAS_VALUE) &&
                 (rec->value < role->min || rec->value > role->max)) ||
                ((rec->has & TM_HAS_VALUE_HIGH) &&
                 (rec->value_high < role->min || rec->value_high > role->max)))
                return false;
        } else if (rule_holds(ex, &role->rule, text, len, ss, se, ms, me, where,
                              rep)) {
            return false;
        }
    }
    return true;
}

/* The pattern files' `role` lines, for a record kept after overlap
 * resolution: a field that its pattern did not capture takes the value of
 * the first role of the record's type and field whose context holds. */
static void
apply_roles(struct tm_extractor *ex, const struct candidate *c,
            struct tm_record *rec, const char *text, size_t len, size_t ss,
            size_t se, const char *where, struct tm_reporter *rep)
{
    unsigned captured = c->captured;

    const struct tm_pattern_set *set = ex->set;
    bool decided[TM_F_COUNT] = {false};
    const size_t *ri;

    for (ri = ex->pattern_roles[c->pattern]; *ri != SIZE_MAX; ri++) {
        const struct tm_role *role = &set->roles[*ri];
        char **slot;

        if (role->kind != TM_ROLE_SET || decided[role->field] ||
            (captured & (1u << role->field)) != 0)
            continue;
        slot = text_field(rec, role->field);
        if (slot == NULL || !rule_holds(ex, &role->rule, text, len, ss, se,
                                        c->ctx_start, c->ctx_end, where, rep))
            continue;
        free(*slot);
        *slot = tm_xstrdup(role->value);
        decided[role->field] = true;
    }
}

static void
run_pattern(struct tm_extractor *ex, size_t pi, const char *text, size_t len,
            size_t ss, size_t se, const char *where, struct tm_reporter *rep,
            struct candidates *cs)
{
    const struct tm_pattern *p = &ex->set->patterns[pi];
    const pcre2_code *re = ready(ex, p->re, p->jit);
    const char *subject = text + ss;
    size_t slen = se - ss, off = 0, k;
    int rc;

    while (off <= slen) {
        PCRE2_SIZE *ov;
        size_t ms, me;
        bool ok = true;

        rc = tm_match(re, subject, slen, off, ex->md, ex->mctx);
        if (rc == PCRE2_ERROR_NOMATCH)
            return;
        if (rc < 0) {
            match_warning(ex, rep, p->id, rc, where, ss);
            return;
        }
        ov = pcre2_get_ovector_pointer(ex->md);
        /* \K may put the start after the end; treat that as empty. */
        ms = ov[0];
        me = ov[1] > ov[0] ? ov[1] : ov[0];
        if (me == ms) {
            /* An empty match yields nothing; step one character on. */
            off = tm_utf8_ceil(subject, slen, me + 1);
            continue;
        }
        off = me;
        /* Sentence rules were checked before the pattern ran. */
        for (k = 0; k < p->nrules && ok; k++)
            ok = p->rules[k].where == TM_WHERE_SENTENCE ||
                 rule_holds(ex, &p->rules[k], text, len, ss, se, ss + ms,
                            ss + me, where, rep);
        if (ok) {
            struct candidate *c = push_candidate(cs);

            c->pattern = pi;
            c->priority = p->priority;
            c->captured = captured_fields(p);
            if (!build_record(ex, p, subject, ms, me, where, rep, &c->rec,
                              &c->computed)) {
                cs->n--;
                continue;
            }
            c->rec.min_arm_share = p->min_arm_share;
            if (ex->set->nroles > 0 &&
                !type_accepts(ex, pi, &c->rec, text, len, ss, se, ss + ms,
                              ss + me, where, rep)) {
                tm_record_clear(&c->rec);
                cs->n--;
                continue;
            }
            c->rec.start += ss;
            c->rec.end += ss;
            c->ctx_start = c->rec.start;
            c->ctx_end = c->rec.end;
        }
    }
}

/* A copy of a mention's record as a record of pattern p (a role over
 * mentions): the mention's span and fields, p's type and id, and p's
 * `set` fields where the mention has none. */
static void
record_from_mention(struct tm_extractor *ex, const struct tm_pattern *p,
                    const struct tm_record *m, struct tm_record *r)
{
    size_t i;
    int f;

    *r = *m;
    r->type = tm_xstrdup(p->type);
    r->pattern = tm_xstrdup(p->id);
    memset(&r->repairs, 0, sizeof r->repairs);
    r->section = NULL;
    for (f = 0; f < TM_F_COUNT; f++) {
        char **slot = text_field(r, f);

        if (slot != NULL && *slot != NULL)
            *slot = tm_xstrdup(*slot);
    }
    for (i = 0; i < p->nsets; i++) {
        char **slot;

        f = tm_field_lookup(p->sets[i].key, strlen(p->sets[i].key));
        slot = f >= 0 ? text_field(r, f) : NULL;
        if (slot != NULL && *slot == NULL)
            *slot = canonical(ex, f, tm_xstrdup(p->sets[i].val));
    }
}

/* A role over mentions (`from TYPE`): every mention of TYPE in the
 * sentence whose context rules hold is a candidate. */
static void
run_from(struct tm_extractor *ex, size_t pi, const char *text, size_t len,
         size_t ss, size_t se, const char *where, struct tm_reporter *rep,
         struct candidates *cs)
{
    const struct tm_pattern *p = &ex->set->patterns[pi];
    size_t mi, k;

    for (mi = 0; mi < ex->mentions.n; mi++) {
        const struct candidate *m = &ex->mentions.v[mi];
        struct candidate *c;
        bool ok = true;

        if (strcmp(m->rec.type, p->from) != 0)
            continue;
        for (k = 0; k < p->nrules && ok; k++)
            ok = p->rules[k].where == TM_WHERE_SENTENCE ||
                 rule_holds(ex, &p->rules[k], text, len, ss, se, m->ctx_start,
                            m->ctx_end, where, rep);
        if (!ok)
            continue;
        c = push_candidate(cs);
        c->pattern = pi;
        c->priority = p->priority;
        c->captured = m->captured | p->keep;
        c->computed = m->computed;
        c->ctx_start = m->ctx_start;
        c->ctx_end = m->ctx_end;
        record_from_mention(ex, p, &m->rec, &c->rec);
        c->rec.min_arm_share = p->min_arm_share;
        if (ex->set->nroles > 0 &&
            !type_accepts(ex, pi, &c->rec, text, len, ss, se, m->ctx_start,
                          m->ctx_end, where, rep)) {
            tm_record_clear(&c->rec);
            cs->n--;
        }
    }
}

/* Do the pattern's sentence-wide rules hold?  They do not depend on where
 * a match is, so a sentence that fails one cannot yield a record of the
 * pattern, and the pattern need not run on it. */
static bool
sentence_rules_hold(struct tm_extractor *ex, const struct tm_pattern *p,
                    const char *text, size_t len, size_t ss, size_t se,
                    const char *where, struct tm_reporter *rep)
{
    size_t k;

    for (k = 0; k < p->nrules; k++) {
        if (p->rules[k].where == TM_WHERE_SENTENCE &&
            !rule_holds(ex, &p->rules[k], text, len, ss, se, ss, ss, where,
                        rep))
            return false;
    }
    return true;
}

/* Ordering for overlap resolution: type, then priority (high first),
 * then length (long first), then start, then pattern order. */
static int
cmp_candidates(const void *a, const void *b)
{
    const struct candidate *x = a, *y = b;
    int c = strcmp(x->rec.type, y->rec.type);
    int px = x->priority, py = y->priority;
    size_t lx = x->rec.end - x->rec.start, ly = y->rec.end - y->rec.start;

    if (c != 0)
        return c;
    if (px != py)
        return px > py ? -1 : 1;
    if (lx != ly)
        return lx > ly ? -1 : 1;
    if (x->rec.start != y->rec.start)
        return x->rec.start < y->rec.start ? -1 : 1;
    if (x->pattern != y->pattern)
        return x->pattern < y->pattern ? -1 : 1;
    return 0;
}

static int
cmp_mention_start(const void *a, const void *b)
{
    const struct candidate *x = a, *y = b;

    if (x->rec.start != y->rec.start)
        return x->rec.start < y->rec.start ? -1 : 1;
    return x->rec.end < y->rec.end ? -1 : x->rec.end > y->rec.end;
}

static int
cmp_output(const void *a, const void *b)
{
    const struct tm_record *x = a, *y = b;

    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return strcmp(x->type, y->type);
}

/*
 * Keep, per type, a set of non-overlapping candidates chosen greedily in
 * cmp_candidates order.  Kept spans of the current type are held sorted by
 * start so each test is a binary search.
 */
static void
resolve_overlaps(struct candidates *cs, struct tm_spans *kept_buf)
{
    struct tm_spans kept = *kept_buf; /* reused scratch */
    size_t i, lo, hi;
    const char *type = NULL;

    for (i = 0; i < cs->n; i++) {
        struct candidate *c = &cs->v[i];
        size_t s = c->rec.start, e = c->rec.end;
        bool clash = false;

        if (type == NULL || strcmp(type, c->rec.type) != 0) {
            type = c->rec.type;
            kept.n = 0;
        }
        /* First kept span with start >= e cannot overlap; check the one
         * before it (the kept spans do not overlap each other). */
        lo = 0;
        hi = kept.n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;

            if (kept.v[mid].start < e)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo > 0 && kept.v[lo - 1].end > s)
            clash = true;
        if (clash)
            continue;
        c->keep = true;
        tm_spans_push(&kept, 0, 0);
        memmove(&kept.v[lo + 1], &kept.v[lo],
                (kept.n - 1 - lo) * sizeof kept.v[0]);
        kept.v[lo].start = s;
        kept.v[lo].end = e;
    }
    kept.n = 0;
    *kept_buf = kept;
}

/* How many decimals the number at the start of s prints ("31.0%": 1). */
static int
printed_decimals(const char *s, size_t n)
{
    size_t i = 0;
    int d = 0;

    while (i < n && !(s[i] >= '0' && s[i] <= '9'))
        i++;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i + 1 < n && (s[i] == '.' || s[i] == ',') && s[i + 1] >= '0' &&
        s[i + 1] <= '9')
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            d++;
    return d;
}

/* Does computed value v round to printed value p at the d decimals the
 * text prints (14.2857 is 14.3; 31.03 is 31.0; 14.2857 is not 14.25)? */
static bool
rounds_to(double v, double p, int d)
{
    return fabs(v - p) <= 0.5 * pow(10, -d) + 1e-9;
}

/* Order of candidate indexes by start. */
static int
cmp_start_index(const void *a, const void *b, void *ctx)
{
    const struct candidate *v = ctx;
    size_t x = *(const size_t *)a, y = *(const size_t *)b;

    return v[x].rec.start < v[y].rec.start   ? -1
           : v[x].rec.start > v[y].rec.start ? 1
                                             : (x > y) - (x < y);
}

/* A sentence holds at most this many candidates for the merge below; a
 * longer one (a table flattened into prose, or hostile input) is left as
 * it is rather than paired in quadratic time. */
#define MAX_MERGE_CANDIDATES 64

/* A percentage the sentence prints, in a bracket, for counts it gave
 * before it ("Deaths occurred in 4 of 28 ... and 9 of 29 ... (14.3% vs
 * 31.0%)") is one value, not two: the computed record is dropped and its
 * count goes to the printed one, which had none.  In text order, each
 * computed value takes the first printed value after it, in a bracket
 * opened after it, of its type and without a count, that it rounds to at
 * the printed decimals; records of other types are untouched. */
static void
merge_computed(struct candidates *cs, const char *text)
{
    size_t order[MAX_MERGE_CANDIDATES], i, j, n = cs->n;
    bool any = false;

    if (n < 2 || n > MAX_MERGE_CANDIDATES)
        return;
    /* Most sentences compute no value: no sort for them. */
    for (i = 0; i < n && !any; i++)
        any = cs->v[i].keep && cs->v[i].computed;
    if (!any)
        return;
    for (i = 0; i < n; i++)
        order[i] = i;
    qsort_r(order, n, sizeof *order, cmp_start_index, cs->v);
    for (i = 0; i < n; i++) {
        struct candidate *c = &cs->v[order[i]];

        if (!c->keep || !c->computed)
            continue;
        for (j = i + 1; j < n; j++) {
            struct candidate *p = &cs->v[order[j]];

            if (!p->keep || p->computed || p->rec.start < c->rec.end ||
                !tm_text_opens_bracket(text, c->rec.end, p->rec.start) ||
                (p->rec.has & (TM_HAS_EVENTS | TM_HAS_TOTAL)) ||
                strcmp(p->rec.type, c->rec.type) != 0 ||
                !rounds_to(c->rec.value, p->rec.value,
                           printed_decimals(text + p->rec.start,
                                            p->rec.end - p->rec.start)))
                continue;
            p->rec.events = c->rec.events;
            p->rec.total = c->rec.total;
            p->rec.has |= TM_HAS_EVENTS | TM_HAS_TOTAL;
            c->keep = false;
            break;
        }
    }
}

/* Resolve the pending candidates' overlaps (sentence [ss, se) of text),
 * merge computed percentages into printed ones, give the kept ones their
 * roles, move them to out and free the others. */
static void
flush_candidates(struct tm_extractor *ex, struct tm_records *out,
                 const char *text, size_t len, size_t ss, size_t se,
                 const char *where, struct tm_reporter *rep)
{
    struct candidates *cs = &ex->cands;
    size_t i;

    if (cs->n > 1)
        qsort(cs->v, cs->n, sizeof *cs->v, cmp_candidates);
    resolve_overlaps(cs, &ex->kept);
    merge_computed(cs, text);
    for (i = 0; i < cs->n; i++) {
        if (cs->v[i].keep) {
            if (ex->set->nroles > 0)
                apply_roles(ex, &cs->v[i], &cs->v[i].rec, text, len, ss, se,
                            where, rep);
            *tm_records_push(out) = cs->v[i].rec;
        } else {
            tm_record_clear(&cs->v[i].rec);
        }
    }
    cs->n = 0;
}

/* Does gap[0, len) match re (a separator, the set's regex `index`)? */
static bool
gap_matches(struct tm_extractor *ex, const pcre2_code *re, unsigned index,
            const char *gap, size_t len)
{
    return tm_match(ready(ex, re, index), gap, len, 0, ex->rule_md, ex->mctx) >=
           0;
}

/* Does the text between mentions a and b match re (a separator, the
 * set's regex `index`)? */
static bool
separates(struct tm_extractor *ex, const pcre2_code *re, unsigned index,
          const char *text, const struct tm_record *a,
          const struct tm_record *b)
{
    return strcmp(a->type, b->type) == 0 && b->start >= a->end &&
           gap_matches(ex, re, index, text + a->end, b->start - a->end);
}

bool
tm_extractor_list_gap(struct tm_extractor *ex, const char *text, size_t len,
                      bool *last)
{
    const struct tm_pattern_set *set = ex->set;

    *last = false;
    /* The regexes are compiled for UTF-8 and run unchecked: a raw
     * document's invalid bytes are no separator. */
    if (set->list_sep == NULL || set->list_last == NULL ||
        !tm_utf8_valid(text, len, NULL) ||
        !gap_matches(ex, set->list_sep, set->list_sep_jit, text, len))
        return false;
    *last = gap_matches(ex, set->list_last, set->list_last_jit, text, len);
    return true;
}

/* Mentions of one type joined by `listsep` and, before the last one, by
 * `listlast` ("39%, 45%, and 34%", "six and three") form a list, and
 * every member's context is the list's: its rules look before the first
 * member and after the last. */
static void
find_lists(struct tm_extractor *ex, const char *text)
{
    struct candidates *ms = &ex->mentions;
    size_t i, j, k;

    for (i = 0; i < ms->n; i++) {
        ms->v[i].ctx_start = ms->v[i].rec.start;
        ms->v[i].ctx_end = ms->v[i].rec.end;
    }
    if (ex->set->list_sep == NULL || ex->set->list_last == NULL)
        return;
    for (i = 0; i + 1 < ms->n; i++) {
        /* Members i..k joined by list separators, then the last one. */
        for (k = i; k + 1 < ms->n &&
                    separates(ex, ex->set->list_sep, ex->set->list_sep_jit,
                              text, &ms->v[k].rec, &ms->v[k + 1].rec);)
            k++;
        while (k > i &&
               !separates(ex, ex->set->list_last, ex->set->list_last_jit, text,
                          &ms->v[k - 1].rec, &ms->v[k].rec))
            k--;
        if (k == i)
            continue; /* no "and" or "or" ends it: no list */
        for (j = i; j <= k; j++) {
            ms->v[j].ctx_start = ms->v[i].rec.start;
            ms->v[j].ctx_end = ms->v[k].rec.end;
        }
        i = k;
    }
}

/* Phase one of a sentence: the mentions that roles (`from`) read, with
 * overlaps of a type resolved as for records, ordered by start. */
static void
find_mentions(struct tm_extractor *ex, const char *text, size_t len, size_t ss,
              size_t se, const char *where, struct tm_reporter *rep)
{
    const struct tm_pattern_set *set = ex->set;
    struct candidates *ms = &ex->mentions;
    size_t mi, i, n;

    for (mi = 0; mi < ex->nmention_runs; mi++) {
        size_t pi = ex->mention_runs[mi], before = ms->n;
        const struct tm_pattern *p = &set->patterns[pi];
        double t0 = 0;

        if (ex->costs != NULL)
            t0 = tm_monotonic_seconds();
        if (prefilter_passes(ex, pi) &&
            sentence_rules_hold(ex, p, text, len, ss, se, where, rep)) {
            run_pattern(ex, pi, text, len, ss, se, where, rep, ms);
            if (ex->costs != NULL) {
                ex->costs[pi].runs++;
                ex->costs[pi].matches += ms->n - before;
            }
        } else if (ex->costs != NULL) {
            ex->costs[pi].skipped++;
        }
        if (ex->costs != NULL)
            ex->costs[pi].seconds += tm_monotonic_seconds() - t0;
    }
    if (ms->n > 1)
        qsort(ms->v, ms->n, sizeof *ms->v, cmp_candidates);
    resolve_overlaps(ms, &ex->kept);
    for (i = n = 0; i < ms->n; i++) {
        if (ms->v[i].keep)
            ms->v[n++] = ms->v[i];
        else
            tm_record_clear(&ms->v[i].rec);
    }
    ms->n = n;
    if (n > 1)
        qsort(ms->v, n, sizeof *ms->v, cmp_mention_start);
    find_lists(ex, text);
}

/* End of a sentence: its mentions go to out when examples are run (so a
 * mention pattern's examples can be checked), else they are freed. */
static void
drop_mentions(struct tm_extractor *ex, struct tm_records *out)
{
    size_t i;

    for (i = 0; i < ex->mentions.n; i++) {
        if (ex->keep_mentions)
            *tm_records_push(out) = ex->mentions.v[i].rec;
        else
            tm_record_clear(&ex->mentions.v[i].rec);
    }
    ex->mentions.n = 0;
}

/* The first candidate run at or after ri, or nruns. */
static size_t
next_run(const struct tm_extractor *ex, size_t ri)
{
    size_t k = ri / 64;
    uint64_t bits;

    if (ri >= ex->nruns)
        return ex->nruns;
    bits = ex->cand[k] & (~(uint64_t)0 << (ri % 64));
    while (bits == 0) {
        if (++k == ex->nrunmask)
            return ex->nruns;
        bits = ex->cand[k];
    }
    ri = k * 64 + lowest_bit(bits);
    return ri < ex->nruns ? ri : ex->nruns;
}

enum tm_status
tm_extract_text(struct tm_extractor *ex, const char *text, size_t len,
                const char *where, struct tm_records *out,
                struct tm_reporter *rep, struct tm_err *err)
{
    const struct tm_pattern_set *set = ex->set;
    struct candidates *cs = &ex->cands;
    size_t si, bad, first;

    if (!tm_utf8_valid(text, len, &bad))
        return tm_err_set(err, TM_ERR_INPUT, "%s: invalid UTF-8 at byte %zu",
                          where, bad);
    tm_text_sentences(text, len, &ex->sentences);
    first = out->n;
    for (si = 0; si < ex->sentences.n; si++) {
        size_t ss = ex->sentences.v[si].start, se = ex->sentences.v[si].end;

        ex->clause_ready = false;
        ex->nmemo = 0;

        find_sentence_words(ex, text, ss, se);
        if (set->has_mentions)
            find_mentions(ex, text, len, ss, se, where, rep);
        for (size_t ri = next_run(ex, 0); ri < ex->nruns;
             ri = next_run(ex, ri + 1)) {
            size_t pi = ex->runs[ri], before = cs->n;
            const struct tm_pattern *p = &set->patterns[pi];
            double t0 = 0;

            if (p->from != NULL && ex->mentions.n == 0)
                continue;
            if (ex->costs != NULL)
                t0 = tm_monotonic_seconds();
            if (((!ex->run_one_line[ri] || ex->costs != NULL) &&
                 !prefilter_passes(ex, pi)) ||
                !sentence_rules_hold(ex, &set->patterns[pi], text, len, ss, se,
                                     where, rep)) {
                if (ex->costs != NULL) {
                    ex->costs[pi].skipped++;
                    ex->costs[pi].seconds += tm_monotonic_seconds() - t0;
                }
                continue;
            }
            if (p->from != NULL)
                run_from(ex, pi, text, len, ss, se, where, rep, cs);
            else
                run_pattern(ex, pi, text, len, ss, se, where, rep, cs);
            if (ex->costs != NULL) {
                ex->costs[pi].runs++;
                ex->costs[pi].matches += cs->n - before;
                ex->costs[pi].seconds += tm_monotonic_seconds() - t0;
            }
        }
        /* Matches never cross a sentence, so neither do overlaps: each
         * sentence's candidates are resolved on their own, which keeps
         * the work linear in a long text. */
        flush_candidates(ex, out, text, len, ss, se, where, rep);
        drop_mentions(ex, out);
    }
    if (out->n - first > 1)
        qsort(out->v + first, out->n - first, sizeof *out->v, cmp_output);
    return TM_OK;
}
