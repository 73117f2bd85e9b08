/* SPDX-License-Identifier: MIT */
/* trial: document-wide facts about a trial, and the trial model (design,
 * registry id, study label, arms); see trial.h. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "trial.h"
#include "extract.h"
#include "buf.h"
#include "err.h"

/* Counts listed together: at most this many make one partition. */
#define MAX_PARTS 3
/* A sum smaller than this is too easily a coincidence (2 + 3 = 5). */
#define MIN_SUM 10

struct count {
    struct tm_record *r;
    const char *key; /* the study it was attributed to ("" for none) */
    size_t sentence;
    long long n;
    bool total, arm; /* what the arithmetic says */
    bool listed;     /* joined to the count before it in one list */
    bool word;       /* ... by a word ("and", "or", "versus") */
};

static const char *
study_key(const struct tm_record *r)
{
    return r->study_ref != NULL ? r->study_ref
           : r->study != NULL   ? r->study
                                : "";
}

/* A sample size the arithmetic reads: a whole count. */
static bool
movable(const struct tm_record *r)
{
    return strcmp(r->type, "sample_size") == 0 && (r->has & TM_HAS_VALUE) &&
           r->value >= 1 && r->value <= 1e8 && r->value == floor(r->value);
}

static bool
is_subgroup(const struct count *c)
{
    return c->r->scope != NULL && strcmp(c->r->scope, "subgroup") == 0;
}

static void
set_scope(struct tm_record *r, const char *scope)
{
    if (r->scope != NULL && strcmp(r->scope, scope) == 0)
        return;
    free(r->scope);
    r->scope = tm_xstrdup(scope);
}

/* Counts ordered by study, then value: the counts of one study with one
 * value are a run, found by binary search. */
static int
cmp_key_value(const void *a, const void *b)
{
    const struct count *x = *(const struct count *const *)a;
    const struct count *y = *(const struct count *const *)b;
    int c = strcmp(x->key, y->key);

    if (c != 0)
        return c;
    return (x->n > y->n) - (x->n < y->n);
}

/* The first of the counts of study key with value n in by[0..nby), and
 * (through *end) one past the last. */
static size_t
find_run(struct count *const *by, size_t nby, const char *key, long long n,
         size_t *end)
{
    struct count probe = {0};
    const struct count *pp = &probe;
    size_t lo = 0, hi = nby;

    probe.key = key;
    probe.n = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (cmp_key_value(&by[mid], &pp) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (*end = lo; *end < nby && cmp_key_value(&by[*end], &pp) == 0;)
        (*end)++;
    return lo;
}

/* Do c[i..i+k) make a partition: one sentence, one study, each part at
 * least 2, and a sum that another count of the study states, not as a
 * subgroup (parts of a subgroup are subgroups too)?  Marks the parts and
 * every count equal to the sum that is not a subgroup. */
static void
try_partition(struct count *c, size_t n, struct count *const *by, size_t i,
              size_t k)
{
    long long sum = 0;
    size_t j, first, end;
    bool stated = false;

    if (i + k > n)
        return;
    for (j = i; j < i + k; j++) {
        if (c[j].sentence != c[i].sentence || strcmp(c[j].key, c[i].key) != 0 ||
            c[j].n < 2)
            return;
        sum += c[j].n;
    }
    /* A run inside a longer list ("23 and 20" of "23, 20, 13 and 10
     * tested") sums to a stated count by chance, unless the list states
     * its sum first ("of 222, 112 and 110"). */
    if ((c[i].listed && c[i - 1].n != sum) || (i + k < n && c[i + k].listed))
        return;
    if (sum < MIN_SUM)
        return;
    /* (A part is smaller than the sum, so it is never in the sum's run.) */
    first = find_run(by, n, c[i].key, sum, &end);
    for (j = first; j < end && !stated; j++)
        stated = !is_subgroup(by[j]);
    if (!stated)
        return;
    for (j = i; j < i + k; j++)
        c[j].arm = true;
    for (j = first; j < end; j++) {
        if (!is_subgroup(by[j]))
            by[j]->total = true;
    }
}

/* A subgroup is a part of its study: one that no other count of the
 * study exceeds ("patients with ARDS (n = 40)" when the study's other
 * counts are its arms) is the whole study.  A study's only count keeps
 * its scope: there is nothing to compare it with.  by is sorted by study
 * and value, so a study's largest counts end its run. */
static void
whole_subgroups(struct count *const *by, size_t n)
{
    size_t i, last;

    for (i = 0; i < n; i = last + 1) {
        size_t first = i, k;

        for (last = i;
             last + 1 < n && strcmp(by[last + 1]->key, by[i]->key) == 0;)
            last++;
        if (last == first)
            continue; /* alone */
        for (k = last + 1; k-- > first && by[k]->n == by[last]->n;) {
            struct tm_record *r = by[k]->r;

            if (r->scope != NULL && strcmp(r->scope, "subgroup") == 0)
                set_scope(r, "total");
        }
    }
}

/* Mark the counts of c (in text order) joined to the one before them in
 * one list: one sentence, one study, nothing between them but what the
 * pattern files say stands between the members of a list (ex's
 * `listsep`; *word: `listlast`, "and" or "or"). */
static void
link_lists(struct tm_extractor *ex, const struct tm_doc *doc, struct count *c,
           size_t n)
{
    size_t j;

    for (j = 1; j < n && ex != NULL; j++)
        c[j].listed =
            c[j].sentence == c[j - 1].sentence &&
            strcmp(c[j].key, c[j - 1].key) == 0 &&
            c[j - 1].r->end <= c[j].r->start &&
            tm_extractor_list_gap(ex, doc->text + c[j - 1].r->end,
                                  c[j].r->start - c[j - 1].r->end, &c[j].word);
}

/* Counts listed together ("61 and 59 patients were analysed", "30, 31
 * and 29 volunteers") count the parts of something, each a group of its
 * own: a list whose members were read as totals is a list of arms.  A
 * member already read as a subgroup keeps its scope, and so does a
 * list that has one (its parts are subgroups too). */
static void
coordinated_lists(struct count *c, size_t n)
{
    size_t i, j, k;

    for (i = 0; i < n; i = j) {
        bool joined = false, sub = is_subgroup(&c[i]);

        for (j = i + 1; j < n && c[j].listed; j++) {
            joined |= c[j].word;
            sub |= is_subgroup(&c[j]);
        }
        for (k = i; k < j && joined && !sub; k++)
            if (!c[k].total)
                c[k].arm = true;
    }
}

void
tm_trial_scopes(const struct tm_doc *doc, struct tm_records *recs,
                struct tm_sentences *sentences, struct tm_extractor *ex)
{
    const struct tm_spans *sent = NULL;
    struct count *c, **by;
    size_t i, k, n = 0;

    for (i = 0; i < recs->n; i++)
        n += movable(&recs->v[i]);
    if (n < 2)
        return; /* nothing to sum, nothing to compare */
    c = tm_xcalloc(n, sizeof *c);
    by = tm_xcalloc(n, sizeof *by);
    if (n >= 3)
        sent = tm_sentences_get(sentences);
    for (i = n = 0; i < recs->n; i++) {
        struct tm_record *r = &recs->v[i];

        if (!movable(r))
            continue;
        c[n].r = r;
        c[n].key = study_key(r);
        c[n].sentence = sent != NULL ? tm_spans_find(sent, r->start) : 0;
        c[n].n = (long long)r->value;
        by[n] = &c[n];
        n++;
    }
    link_lists(ex, doc, c, n);
    qsort(by, n, sizeof *by, cmp_key_value);
    for (i = 0; i < n && n >= 3; i++) {
        for (k = 2; k <= MAX_PARTS; k++)
            try_partition(c, n, by, i, k);
    }
    coordinated_lists(c, n);
    for (i = 0; i < n; i++) {
        /* A count that is both a part and a sum is left as it was. */
        if (c[i].total != c[i].arm)
            set_scope(c[i].r, c[i].total ? "total" : "arm");
    }
    whole_subgroups(by, n);
    free(by);
    free(c);
}

/* ------------------------------------------------------------------ */
/* The trial model                                                     */
/* ------------------------------------------------------------------ */

void
tm_trial_init(struct tm_trial *t)
{
    memset(t, 0, sizeof *t);
}

void
tm_trial_clear(struct tm_trial *t)
{
    size_t i;

    free(t->label);
    free(t->registry);
    for (i = 0; i < t->narms; i++)
        free(t->arms[i].label);
    free(t->arms);
    tm_trial_init(t);
}

/* Where a design word may be believed.  A trial report's introduction
 * and discussion cite reviews and meta-analyses, so those designs are
 * read from the metadata and the title only; a report names itself a
 * secondary analysis in its title or abstract ("post hoc analysis of a
 * randomized trial"), its methods and results use the words for their
 * own sub-analyses. */
enum { FROM_META = 1, FROM_TITLE = 2, FROM_ABSTRACT = 4, FROM_BODY = 8 };
#define FROM_TEXT (FROM_ABSTRACT | FROM_BODY)

/* The designs, most specific first within a kind: rank decides between
 * two designs of one source; refines says the design narrows
 * randomized-parallel (a factorial trial is also randomized); primary
 * says the document reports its own study's people (a review's and a
 * meta-analysis's are other studies'). */
static const struct design {
    const char *name;
    int rank;
    unsigned from;
    bool refines, primary;
} designs[] = {
    {"meta-analysis", 8, FROM_META | FROM_TITLE, false, false},
    {"review", 7, FROM_META | FROM_TITLE, false, false},
    {"secondary-analysis", 7, FROM_TITLE | FROM_ABSTRACT, false, true},
    {"randomized-factorial", 6, FROM_META | FROM_TITLE | FROM_TEXT, true, true},
    {"randomized-crossover", 6, FROM_META | FROM_TITLE | FROM_TEXT, true, true},
    {"randomized-cluster", 6, FROM_META | FROM_TITLE | FROM_TEXT, true, true},
    {"randomized-parallel", 5, FROM_META | FROM_TITLE | FROM_TEXT, false, true},
    {"non-randomized", 4, FROM_META | FROM_TITLE | FROM_TEXT, false, true},
    {"single-arm", 3, FROM_META | FROM_TITLE | FROM_TEXT, false, true},
    {"case-series", 2, FROM_META | FROM_TITLE | FROM_TEXT, false, true},
};

/* Publication types (PubMed) and JATS article types that name a design.
 * Matched whole, ignoring case. */
static const struct {
    const char *pubtype, *design;
} pubtype_designs[] = {
    {"Meta-Analysis", "meta-analysis"},
    {"Systematic Review", "review"},
    {"Review", "review"},
    {"review-article", "review"},
    {"systematic-review", "review"},
    {"meta-analysis", "meta-analysis"},
    {"Randomized Controlled Trial", "randomized-parallel"},
    {"Equivalence Trial", "randomized-parallel"},
    {"Pragmatic Clinical Trial", "randomized-parallel"},
    {"Controlled Clinical Trial", "non-randomized"},
    {"Case Reports", "case-series"},
    {"case-report", "case-series"},
};

static const struct design *
find_design(const char *name)
{
    size_t i;

    for (i = 0; name != NULL && i < sizeof designs / sizeof *designs; i++)
        if (strcmp(designs[i].name, name) == 0)
            return &designs[i];
    return NULL;
}

bool
tm_trial_design_is_primary(const char *design)
{
    const struct design *d = find_design(design);

    return d == NULL || d->primary;
}

bool
tm_trial_design_is_secondary(const char *design)
{
    return design != NULL && strcmp(design, "secondary-analysis") == 0;
}

/* The better of two designs of one source. */
static const struct design *
better(const struct design *a, const struct design *b)
{
    if (a == NULL)
        return b;
    if (b == NULL)
        return a;
    return b->rank > a->rank ? b : a;
}

static bool
is_type(const struct tm_record *r, const char *type)
{
    return strcmp(r->type, type) == 0;
}

static bool
section_is(const struct tm_record *r, const char *prefix)
{
    return r->section != NULL &&
           strncmp(r->section, prefix, strlen(prefix)) == 0;
}

/* Is section ("body/Introduction/Aims") under a top-level body section
 * that cites other studies' designs: the introduction or background, the
 * discussion?  (A methods subsection "Focus group discussions" is the
 * report's own.) */
static bool
cited_section(const char *section)
{
    static const char *const words[] = {"introduction", "background",
                                        "discussion", NULL};
    char top[64];
    const char *end;
    size_t n;

    if (section == NULL || strncmp(section, "body/", 5) != 0)
        return false;
    end = strchr(section + 5, '/');
    n = end != NULL ? (size_t)(end - section - 5) : strlen(section + 5);
    if (n >= sizeof top)
        n = sizeof top - 1;
    memcpy(top, section + 5, n);
    top[n] = '\0';
    return tm_section_names(top, words);
}

static const char *
build_design(const struct tm_doc *doc, const struct tm_records *recs)
{
    /* Sources in order of trust: metadata and title, abstract, body. */
    const struct design *src[3] = {NULL, NULL, NULL}, *refine[3] = {0};
    const struct design *d, *secondary = NULL;
    size_t i, k;

    for (i = 0; i < doc->pubtypes.n + 1; i++) {
        const char *pt =
            i < doc->pubtypes.n ? doc->pubtypes.v[i] : doc->article_type;

        for (k = 0;
             pt != NULL && k < sizeof pubtype_designs / sizeof *pubtype_designs;
             k++)
            if (strcasecmp(pt, pubtype_designs[k].pubtype) == 0)
                src[0] = better(src[0], find_design(pubtype_designs[k].design));
    }
    for (i = 0; i < recs->n; i++) {
        const struct tm_record *r = &recs->v[i];
        size_t s;
        unsigned where;

        if (!is_type(r, "_design") || (d = find_design(r->scope)) == NULL)
            continue;
        s = section_is(r, "title") ? 0 : section_is(r, "abstract") ? 1 : 2;
        /* The introduction and the discussion name the designs of the
         * studies they cite. */
        if (s == 2 && cited_section(r->section))
            continue;
        where = s == 0 ? FROM_TITLE : s == 1 ? FROM_ABSTRACT : FROM_BODY;
        if (!(d->from & where))
            continue;
        /* A secondary analysis of a trial stays one whatever the
         * metadata say (PubMed types it as the trial it analyses). */
        if (tm_trial_design_is_secondary(d->name))
            secondary = d;
        if (d->refines)
            refine[s] = better(refine[s], d);
        else
            src[s] = better(src[s], d);
    }
    for (i = 0; i < 3; i++) {
        /* A refinement alone still says the trial was randomized. */
        d = src[i] != NULL ? src[i] : refine[i];
        if (d == NULL)
            continue;
        if (secondary != NULL && d->primary)
            return secondary->name;
        if (strcmp(d->name, "randomized-parallel") == 0) {
            /* Refined by the words of this source or a nearer one
             * (the title's "randomized" and the abstract's "2 x 2
             * factorial"). */
            for (k = i; k < 3; k++)
                if (refine[k] != NULL)
                    return refine[k]->name;
        }
        return d->name;
    }
    return secondary != NULL ? secondary->name : NULL;
}

static char *
build_label(const struct tm_doc *doc)
{
    struct tm_buf b;

    if (doc->first_author == NULL)
        return NULL;
    tm_buf_init(&b, 0);
    tm_buf_puts(&b, doc->first_author);
    if (doc->year > 0)
        tm_buf_printf(&b, " %d", doc->year);
    return tm_buf_steal(&b, NULL);
}

/* The trial's own registry id: one the metadata gives; else one in the
 * title or abstract; else the one the text names most often (a cited
 * trial's id is named once, in passing), the first on a tie. */
static char *
build_registry(const struct tm_doc *doc, const struct tm_records *recs)
{
    const struct tm_record *best = NULL;
    size_t i, k, best_n = 0;

    if (doc->registries.n > 0)
        return tm_xstrdup(doc->registries.v[0]);
    for (i = 0; i < recs->n; i++) {
        const struct tm_record *r = &recs->v[i];

        if (is_type(r, "_registry") && r->group != NULL &&
            (section_is(r, "title") || section_is(r, "abstract")))
            return tm_xstrdup(r->group);
    }
    for (i = 0; i < recs->n; i++) {
        const struct tm_record *r = &recs->v[i];
        size_t n = 0;

        if (!is_type(r, "_registry") || r->group == NULL)
            continue;
        for (k = 0; k < recs->n; k++)
            n += is_type(&recs->v[k], "_registry") &&
                 recs->v[k].group != NULL &&
                 strcmp(recs->v[k].group, r->group) == 0;
        if (n > best_n) {
            best = r;
            best_n = n;
        }
    }
    return best != NULL ? tm_xstrdup(best->group) : NULL;
}

/* The arms one sentence lists: its _armsize records, a label once. */
struct armset {
    size_t first, n; /* into the sorted array of arm records */
    long long sum;
    bool stated; /* the sum is a total the document states */
    bool control;
    bool allocation; /* its sentence says the trial allocated (randomized) */
};

static int
cmp_start(const void *a, const void *b)
{
    const struct tm_record *x = *(const struct tm_record *const *)a;
    const struct tm_record *y = *(const struct tm_record *const *)b;

    return x->start < y->start ? -1 : x->start > y->start;
}

static bool
is_total(const struct tm_record *r)
{
    return is_type(r, "sample_size") && (r->has & TM_HAS_VALUE) &&
           (r->scope == NULL || strcmp(r->scope, "total") == 0);
}

/* A document's total sample sizes, read once: by value (is a sum stated
 * as a total?) and, those a randomization sentence may give (whole,
 * 2..1e8, the document's own), by offset. */
struct totals {
    const struct tm_record **by_value, **by_start;
    size_t nvalue, nstart;
};

static int
cmp_value(const void *a, const void *b)
{
    double x = (*(const struct tm_record *const *)a)->value;
    double y = (*(const struct tm_record *const *)b)->value;

    return (x > y) - (x < y);
}

static void
totals_read(const struct tm_records *recs, struct totals *tt)
{
    size_t i;

    tt->by_value = tm_xcalloc(recs->n + 1, sizeof *tt->by_value);
    tt->by_start = tm_xcalloc(recs->n + 1, sizeof *tt->by_start);
    tt->nvalue = tt->nstart = 0;
    for (i = 0; i < recs->n; i++) {
        const struct tm_record *r = &recs->v[i];

        if (!is_total(r))
            continue;
        tt->by_value[tt->nvalue++] = r;
        if (r->value >= 2 && r->value <= 1e8 && r->value == floor(r->value) &&
            r->study == NULL && r->study_ref == NULL)
            tt->by_start[tt->nstart++] = r;
    }
    if (tt->nvalue > 1)
        qsort(tt->by_value, tt->nvalue, sizeof *tt->by_value, cmp_value);
    if (tt->nstart > 1)
        qsort(tt->by_start, tt->nstart, sizeof *tt->by_start, cmp_start);
}

static void
totals_free(struct totals *tt)
{
    free(tt->by_value);
    free(tt->by_start);
}

/* Is the count n stated as a total sample size of the document? */
static bool
stated_total(const struct totals *tt, long long n)
{
    size_t lo = 0, hi = tt->nvalue;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (tt->by_value[mid]->value < (double)n)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < tt->nvalue && tt->by_value[lo]->value == (double)n;
}

/* Is n the randomized size of one of t's arms? */
static bool
arm_sized(const struct tm_trial *t, double n)
{
    size_t k;

    for (k = 0; k < t->narms; k++)
        if (t->arms[k].n > 0 && (double)t->arms[k].n == n)
            return true;
    return false;
}

/* "Out of 556 cases treated, 103 eligible cases were randomized": the
 * total of a sentence that says it randomized, the last one before the
 * word (else the first after it), at the first such sentence. */
static void
randomized_total(const struct tm_doc *doc, const struct tm_records *recs,
                 const struct totals *tt, struct tm_sentences *sentences,
                 struct tm_trial *t)
{
    size_t i, k;

    for (k = 0; k < recs->n && !t->has_total; k++) {
        const struct tm_record *d = &recs->v[k], *pick = NULL;
        const struct tm_spans *sent;
        size_t s, from, to, lo, hi;

        if (!is_type(d, "_design") || d->scope == NULL ||
            strncmp(d->scope, "randomized", 10) != 0 || d->start >= doc->len)
            continue;
        /* The totals that start in d's sentence (up to the next one). */
        sent = tm_sentences_get(sentences);
        s = tm_spans_find(sent, d->start);
        from = s == 0 ? 0 : sent->v[s].start;
        to = s + 1 < sent->n ? sent->v[s + 1].start : SIZE_MAX;
        for (lo = 0, hi = tt->nstart; lo < hi;) {
            size_t mid = lo + (hi - lo) / 2;

            if (tt->by_start[mid]->start < from)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (i = lo; i < tt->nstart && tt->by_start[i]->start < to; i++) {
            const struct tm_record *r = tt->by_start[i];

            /* "310 and 313 subjects were randomized to A and B": an
             * arm's size read as a total is no total. */
            if (arm_sized(t, r->value))
                continue;
            if (r->start < d->start ? pick == NULL || pick->start > d->start ||
                                          r->start > pick->start
                                    : pick == NULL || (pick->start > d->start &&
                                                       r->start < pick->start))
                pick = r;
        }
        if (pick != NULL) {
            t->n_total = (long long)pick->value;
            t->has_total = true;
        }
    }
}

/* The records of type (an arm with its size, _armsize, or an arm named
 * where the trial allocates, _armname) that name an arm, in text order,
 * into *out (allocated; NULL when there are none).  An arm with a size
 * needs a plausible one. */
static size_t
arm_records(const struct tm_records *recs, const char *type, bool sized,
            const struct tm_record ***out)
{
    size_t na = 0, i;

    *out = NULL;
    for (i = 0; i < recs->n; i++) {
        const struct tm_record *r = &recs->v[i];

        if (!is_type(r, type) || r->group == NULL ||
            (sized &&
             (!(r->has & TM_HAS_VALUE) || r->value < 1 || r->value > 1e8)))
            continue;
        if (*out == NULL)
            *out = tm_xreallocarray(NULL, recs->n, sizeof **out);
        (*out)[na++] = r;
    }
    if (na > 1)
        qsort(*out, na, sizeof **out, cmp_start);
    return na;
}

/* Which sentences of sent allocate: hold an _armname or a randomized
 * _design record of recs (one bool per sentence, allocated). */
static bool *
allocating_sentences(const struct tm_records *recs, const struct tm_spans *sent)
{
    bool *alloc = tm_xcalloc(sent->n + 1, sizeof *alloc);
    size_t i;

    for (i = 0; i < recs->n; i++) {
        const struct tm_record *r = &recs->v[i];

        if (is_type(r, "_armname") ||
            (is_type(r, "_design") && r->scope != NULL &&
             strncmp(r->scope, "randomized", 10) == 0)) {
            size_t s = tm_spans_find(sent, r->start);

            if (s < sent->n)
                alloc[s] = true;
        }
    }
    return alloc;
}

/* Group the arm records a[0..na) (of recs) by sentence into sets (one
 * per sentence, a label once: a table row repeats its header),
 * reordering a so that each set's arms are a[first..first+n).  Returns
 * the number of sets. */
static size_t
arm_sets(const char *text, const bool *alloc, const struct tm_record **a,
         size_t na, const struct totals *tt, struct tm_sentences *sentences,
         struct armset *sets)
{
    const struct tm_spans *sent = tm_sentences_get(sentences);
    size_t ns = 0, i, k;

    for (i = 0; i < na;) {
        size_t s = tm_spans_find(sent, a[i]->start), end = i + 1;
        struct armset *set = &sets[ns++];

        while (end < na && tm_spans_find(sent, a[end]->start) == s)
            end++;
        memset(set, 0, sizeof *set);
        set->first = i;
        for (k = i; k < end; k++) {
            size_t j;
            bool seen = false;

            for (j = set->first; j < set->first + set->n && !seen; j++)
                seen = strcasecmp(a[j]->group, a[k]->group) == 0;
            if (seen)
                continue;
            a[set->first + set->n++] = a[k];
            if (a[k]->has & TM_HAS_VALUE)
                set->sum += (long long)a[k]->value;
            set->control |=
                a[k]->scope != NULL && strcmp(a[k]->scope, "control") == 0;
        }
        /* "At the interim analysis n=48 (MSC n=25, placebo n=23)": a
         * first member that is the sum of the others, with the others in
         * a bracket it opens, is their total, not an arm ("high dose (n =
         * 40), low dose (n = 20) or placebo (n = 20)" is three arms). */
        k = set->first;
        if (set->n >= 3 && set->sum > 0 &&
            2 * (long long)a[k]->value == set->sum &&
            tm_text_opens_bracket(text, a[k]->end, a[k + 1]->start)) {
            size_t j;

            memmove(&a[k], &a[k + 1], (set->n - 1) * sizeof *a);
            set->n--;
            set->sum /= 2;
            set->control = false;
            for (j = k; j < k + set->n; j++)
                set->control |=
                    a[j]->scope != NULL && strcmp(a[j]->scope, "control") == 0;
        }
        set->stated = set->n >= 2 && set->sum > 0 && stated_total(tt, set->sum);
        set->allocation = set->n >= 2 && s < sent->n && alloc[s];
        i = end;
    }
    return ns;
}

/* Of the sets, the first that passes test (0: its sizes add up to a
 * stated total, 1: it has a control arm, 2: its sentence allocates, 3: it
 * has two arms); NULL if none does. */
static struct armset *
first_set(struct armset *sets, size_t ns, int test)
{
    size_t i;

    for (i = 0; i < ns; i++)
        if (test == 0   ? sets[i].stated
            : test == 1 ? sets[i].n >= 2 && sets[i].control
            : test == 2 ? sets[i].allocation
                        : sets[i].n >= 2)
            return &sets[i];
    return NULL;
}

/* The size of the arm named label in some sentence that gives arms with
 * their sizes (a[0..na), _armsize), or 0. */
static long long
named_size(const struct tm_record *const *a, size_t na, const char *label)
{
    size_t i;

    for (i = 0; i < na; i++)
        if (strcasecmp(a[i]->group, label) == 0)
            return (long long)a[i]->value;
    return 0;
}

/* "randomized to MSCs or placebo (n = 10 per group)": the one size an
 * _eachsize record of recs gives every arm, after the allocation set's
 * last arm (a[set->first..+n)) in its sentence, or 0. */
static long long
each_size(const struct tm_records *recs, const struct tm_spans *sent,
          const struct armset *set, const struct tm_record *const *a)
{
    size_t hi = a[set->first + set->n - 1]->end, s = tm_spans_find(sent, hi), i;

    for (i = 0; i < recs->n && s < sent->n; i++) {
        const struct tm_record *r = &recs->v[i];

        if (is_type(r, "_eachsize") && (r->has & TM_HAS_VALUE) &&
            r->value >= 1 && r->value <= 1e8 && r->start >= hi &&
            r->end <= sent->v[s].end)
            return (long long)r->value;
    }
    return 0;
}

/* Does an arm's label add something to a regimen ("mEOC+P", "metformin
 * plus rosiglitazone", "UAE combined with MTX")?  arms.pat's label class
 * adds-on says. */
static bool
adds_on(const struct tm_pattern_set *set, const char *label)
{
    return tm_pattern_set_label(set, "adds-on", label, strlen(label));
}

/* The words of s[0..n) one by one: the next word at or after *i, as
 * [*ws, *we); false when there is none. */
static bool
next_label_word(const char *s, size_t n, size_t *i, size_t *ws, size_t *we)
{
    while (*i < n && !tm_text_word_byte((unsigned char)s[*i]))
        (*i)++;
    *ws = *i;
    while (*i < n && tm_text_word_byte((unsigned char)s[*i]))
        (*i)++;
    *we = *i;
    return *we > *ws;
}

/* Is a[ws..we), one word, of the label class name (arms.pat)? */
static bool
word_is_a(const struct tm_pattern_set *set, const char *name, const char *a,
          size_t ws, size_t we)
{
    return tm_pattern_set_label(set, name, a + ws, we - ws);
}

/* Does every word of label b stand in label a, and a have words more
 * ("formoterol" in "budesonide/formoterol", "metformin" in "metformin plus
 * sitagliptin", "heparin" in "standard-dose heparin")? */
static bool
words_within(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i = 0, ws, we, na = 0, nb = 0;

    while (next_label_word(b, lb, &i, &ws, &we)) {
        if (tm_text_next_word(a, la, 0, b + ws, we - ws) == la)
            return false;
        nb++;
    }
    for (i = 0; next_label_word(a, la, &i, &ws, &we);)
        na += tm_text_next_word(b, lb, 0, a + ws, we - ws) == lb;
    return nb > 0 && na > 0;
}

/* Label a against label b: 0 unless every word of b stands in a and a
 * has words more; then 1 when a adds something to b
 * ("budesonide/formoterol" to "formoterol", "E-CMF" to "CMF"), -1 when
 * the words a adds only negate ("no eggs", "not offered incentive"): a is
 * b withheld.  Also 0 when an added word says how much or when rather
 * than what ("standard-dose heparin", "delayed surgery": which is the
 * comparator is the reviewer's call), and "non" negates only as a word of
 * its own ("non-invasive ventilation" is no invasive ventilation
 * withheld).  Which words negate and which say how much are arms.pat's
 * label classes negation and how-much. */
static int
holds_regimen(const struct tm_pattern_set *set, const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i, ws, we;
    bool added = false;

    if (!words_within(a, b))
        return 0;
    for (i = 0; next_label_word(a, la, &i, &ws, &we);) {
        bool neg;

        if (tm_text_next_word(b, lb, 0, a + ws, we - ws) < lb)
            continue;
        neg = word_is_a(set, "negation", a, ws, we);
        /* "non-invasive": a word of its own, not a treatment withheld */
        if (word_is_a(set, "how-much", a, ws, we) ||
            (neg && we < la && a[we] == '-'))
            return 0;
        added |= !neg;
    }
    return added ? 1 : -1;
}

/* Two arms, neither a control by placebo, sham or usual care.  When one
 * adds a treatment to a regimen and the other does not ("EOC" vs
 * "mEOC+P"), or one arm's label is the other's with words added
 * ("formoterol" vs "budesonide/formoterol"), the other is the control,
 * by what it receives.  Two active treatments stay without a control:
 * which is the comparator is the reviewer's call, never the order they
 * are written in (the study table lists them in its notes). */
static void
two_active_arms(const struct tm_pattern_set *set, struct tm_trial *t)
{
    const char *l0 = t->arms[0].label, *l1 = t->arms[1].label;
    bool a0 = adds_on(set, l0), a1 = adds_on(set, l1);
    int h;

    if (a0 != a1)
        t->arms[a0 ? 1 : 0].control = true;
    else if ((h = holds_regimen(set, l0, l1)) != 0)
        t->arms[h > 0 ? 1 : 0].control = true;
    else if ((h = holds_regimen(set, l1, l0)) != 0)
        t->arms[h > 0 ? 0 : 1].control = true;
}

/* Mark each arm whose label's words all stand in another arm's label:
 * its name in the text may be the other arm's ("metformin" in "metformin
 * + sitagliptin"). */
static void
mark_inside(struct tm_trial *t)
{
    size_t i, j;

    for (i = 0; i < t->narms; i++)
        for (j = 0; j < t->narms && !t->arms[i].inside; j++)
            t->arms[i].inside =
                j != i && words_within(t->arms[j].label, t->arms[i].label);
}

/*
 * The arms: sets of arms that one sentence (or one table header) lists
 * with their sizes (_armsize), or names where the trial allocates them
 * (_armname: "randomly assigned to receive B. coagulans or placebo").
 * The first of: a sized set whose sizes add up to a total the document
 * states ("553 patients ... EOC group (n=275) | mEOC+P group (n=278)");
 * a sized set with a control arm; an allocation with a control arm; a
 * sized set in a sentence that allocates; an allocation; any sized set
 * (a table header, a flow).  An allocated arm's size is the size some
 * sentence gives for the same name, else unknown (0).  The total
 * randomized is the arms' sum when stated, else a total stated in a
 * sentence that says it randomized.
 */
static void
build_arms(const struct tm_doc *doc, const struct tm_records *recs,
           struct tm_sentences *sentences, const struct tm_pattern_set *set,
           struct tm_trial *t)
{
    /* [0] sized arms, [1] allocated arms */
    const struct tm_record **a[2];
    struct armset *sets[2], *pick = NULL;
    bool *alloc;
    size_t na[2], ns[2], k;
    int from = 0;
    size_t step;
    struct totals tt;
    static const struct {
        int kind, test;
    } order[] = {{0, 0}, {0, 1}, {1, 1}, {0, 2}, {1, 3}, {0, 3}};

    totals_read(recs, &tt);
    for (k = 0; k < 2; k++)
        na[k] =
            arm_records(recs, k == 0 ? "_armsize" : "_armname", k == 0, &a[k]);
    alloc = na[0] + na[1] > 0
                ? allocating_sentences(recs, tm_sentences_get(sentences))
                : NULL;
    for (k = 0; k < 2; k++) {
        sets[k] = na[k] > 0 ? tm_xcalloc(na[k], sizeof *sets[k]) : NULL;
        ns[k] = na[k] > 0 ? arm_sets(doc->text, alloc, a[k], na[k], &tt,
                                     sentences, sets[k])
                          : 0;
    }
    free(alloc);
    for (step = 0; step < sizeof order / sizeof order[0] && pick == NULL;
         step++) {
        from = order[step].kind;
        pick = first_set(sets[from], ns[from], order[step].test);
    }
    if (pick != NULL) {
        long long each =
            from == 1 ? each_size(recs, tm_sentences_get(sentences), pick, a[1])
                      : 0;

        t->arms = tm_xcalloc(pick->n, sizeof *t->arms);
        for (k = 0; k < pick->n; k++) {
            const struct tm_record *r = a[from][pick->first + k];

            t->arms[k].label = tm_xstrdup(r->group);
            t->arms[k].n = from == 0 ? (long long)r->value
                                     : named_size(a[0], na[0], r->group);
            if (t->arms[k].n == 0)
                t->arms[k].n = each;
            t->arms[k].control =
                r->scope != NULL && strcmp(r->scope, "control") == 0;
        }
        t->narms = pick->n;
        if (t->narms == 2 && !t->arms[0].control && !t->arms[1].control)
            two_active_arms(set, t);
        mark_inside(t);
        if (pick->stated) {
            t->n_total = pick->sum;
            t->has_total = true;
        }
    }
    if (!t->has_total)
        randomized_total(doc, recs, &tt, sentences, t);
    totals_free(&tt);
    for (k = 0; k < 2; k++) {
        free(a[k]);
        free(sets[k]);
    }
}

void
tm_trial_build(const struct tm_doc *doc, const struct tm_records *recs,
               struct tm_sentences *sentences, const struct tm_pattern_set *set,
               struct tm_trial *t)
{
    tm_trial_clear(t);
    t->label = build_label(doc);
    t->registry = build_registry(doc, recs);
    t->design = build_design(doc, recs);
    /* A review's arms and counts are its trials', not its own. */
    if (!tm_trial_design_is_primary(t->design))
        return;
    build_arms(doc, recs, sentences, set, t);
}

/* The one arm of t on side (TM_ARM_*), or NULL (none, or several). */
static const struct tm_trial_arm *
side_arm(const struct tm_trial *t, unsigned char side)
{
    const struct tm_trial_arm *a = NULL;
    size_t i;

    for (i = 0; i < t->narms; i++)
        if (t->arms[i].control == (side == TM_ARM_CONTROL)) {
            if (a != NULL)
                return NULL;
            a = &t->arms[i];
        }
    return a;
}

/* What tm_trial_arm_mortality asks of a document, read once: which
 * sentences cite a study (_study records: internal records are not
 * attributed to studies, so a death count's sentence is asked directly),
 * and where its outcomes stand (sorted by start, with the running
 * maximum of their ends, so that an overlap is one binary search). */
struct derive_index {
    bool *cites;    /* per sentence */
    size_t *start;  /* outcome starts, sorted */
    size_t *maxend; /* maxend[k]: the largest end of outcomes 0..k */
    size_t nout;
};

static int
cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;

    return x < y ? -1 : x > y;
}

static void
derive_index_read(const struct tm_records *recs, size_t n,
                  const struct tm_spans *sent, struct derive_index *ix)
{
    size_t i, k, *pairs;

    ix->cites = tm_xcalloc(sent->n + 1, sizeof *ix->cites);
    ix->nout = 0;
    for (i = 0; i < n; i++) {
        if (is_type(&recs->v[i], "_study")) {
            size_t s = tm_spans_find(sent, recs->v[i].start);

            if (s < sent->n)
                ix->cites[s] = true;
        }
        ix->nout += tm_record_is_outcome(&recs->v[i]);
    }
    /* (start, end) pairs sorted by start. */
    pairs = tm_xcalloc(2 * ix->nout + 2, sizeof *pairs);
    for (i = k = 0; i < n; i++)
        if (tm_record_is_outcome(&recs->v[i])) {
            pairs[2 * k] = recs->v[i].start;
            pairs[2 * k + 1] = recs->v[i].end;
            k++;
        }
    qsort(pairs, ix->nout, 2 * sizeof *pairs, cmp_size);
    ix->start = tm_xcalloc(ix->nout + 1, sizeof *ix->start);
    ix->maxend = tm_xcalloc(ix->nout + 1, sizeof *ix->maxend);
    for (k = 0; k < ix->nout; k++) {
        ix->start[k] = pairs[2 * k];
        ix->maxend[k] = k > 0 && ix->maxend[k - 1] > pairs[2 * k + 1]
                            ? ix->maxend[k - 1]
                            : pairs[2 * k + 1];
    }
    free(pairs);
}

static void
derive_index_free(struct derive_index *ix)
{
    free(ix->cites);
    free(ix->start);
    free(ix->maxend);
}

/* Does an outcome overlap [start, end)? */
static bool
outcome_at(const struct derive_index *ix, size_t start, size_t end)
{
    size_t lo = 0, hi = ix->nout;

    /* lo = the number of outcomes that start before end. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (ix->start[mid] < end)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && ix->maxend[lo - 1] > start;
}

/* The arm of t a death count d, in a sentence that ends at se of text,
 * names: the arm whose name comes first in the 80 bytes after it ("Two
 * deaths occurred in the ABLE group"), else the arm on the side arm
 * linkage gave it by name (not by order), else NULL. */
static const struct tm_trial_arm *
deaths_arm(const struct tm_trial *t, const struct tm_record *d,
           const char *text, size_t se)
{
    const struct tm_trial_arm *best = NULL;
    size_t to = d->end + 80 < se ? d->end + 80 : se, at, i;

    /* Not past the next number: "4 MSC recipients and 9 placebo
     * recipients had died" names placebo for the 9, not the 4. */
    for (i = d->end; i < to; i++)
        if (isdigit((unsigned char)text[i])) {
            to = i;
            break;
        }
    at = to;
    for (i = 0; i < t->narms; i++) {
        size_t w = strlen(t->arms[i].label), k = to;
        int form;

        /* The label, its plural or its singular ("4 MSC recipients" for
         * "MSCs"), whichever comes first; not an arm whose name may be
         * another arm's. */
        for (form = 0; form < 3 && !t->arms[i].inside; form++) {
            char buf[64];
            const char *name;
            size_t n = tm_text_name_form(t->arms[i].label, w, form, buf,
                                         sizeof buf, &name),
                   pos = n > 0 ? tm_text_next_word(text, to, d->end, name, n)
                               : to;

            if (pos < k)
                k = pos;
        }

        /* At one offset the longer name wins ("metformin plus
         * rosiglitazone", not "metformin"). */
        if (k < at ||
            (k == at && k < to && best != NULL && w > strlen(best->label))) {
            at = k;
            best = &t->arms[i];
        }
    }
    if (best == NULL && d->arm != TM_ARM_NONE && d->arm_how == TM_ARM_BY_NAME)
        best = side_arm(t, d->arm);
    return best;
}

/* Start order, then end order. */
static int
cmp_start_then_pos(const void *a, const void *b)
{
    const struct tm_record *x = a, *y = b;

    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

/* Merge the records recs->v[n..) (new, sorted here) into recs->v[0..n)
 * (in text order), each new one after the old ones that start at or
 * before it. */
static void
merge_new(struct tm_records *recs, size_t n)
{
    size_t k = recs->n - n, i = 0, j = n, o = 0;
    struct tm_record *tmp;

    if (k == 0)
        return;
    qsort(recs->v + n, k, sizeof *recs->v, cmp_start_then_pos);
    tmp = tm_xreallocarray(NULL, recs->n, sizeof *tmp);
    while (i < n || j < recs->n)
        tmp[o++] =
            j >= recs->n || (i < n && recs->v[i].start <= recs->v[j].start)
                ? recs->v[i++]
                : recs->v[j++];
    memcpy(recs->v, tmp, recs->n * sizeof *tmp);
    free(tmp);
}

void
tm_trial_arm_mortality(const struct tm_doc *doc, const struct tm_trial *t,
                       struct tm_records *recs, struct tm_sentences *sentences)
{
    const struct tm_spans *sent = tm_sentences_get(sentences);
    struct derive_index ix;
    bool indexed = false;
    size_t n = recs->n, i;

    memset(&ix, 0, sizeof ix);
    if (t->narms < 2 || t->design == NULL ||
        !tm_trial_design_is_primary(t->design))
        return;
    for (i = 0; i < n; i++) {
        const struct tm_record *d = &recs->v[i];
        const struct tm_trial_arm *a;
        struct tm_record *m, src;
        struct tm_buf b;
        size_t s;

        /* A cited trial's deaths are not over this trial's arms. */
        if (!is_type(d, "_deaths") || d->study != NULL ||
            d->study_ref != NULL || !(d->has & TM_HAS_VALUE) || d->value < 0 ||
            d->value != floor(d->value) || d->start >= doc->len)
            continue;
        if (!indexed) {
            derive_index_read(recs, n, sent, &ix);
            indexed = true;
        }
        s = tm_spans_find(sent, d->start);
        if (s < sent->n && ix.cites[s])
            continue;
        a = deaths_arm(t, d, doc->text,
                       s < sent->n ? sent->v[s].end : doc->len);
        if (a == NULL || a->n <= 0 || d->value > (double)a->n ||
            outcome_at(&ix, d->start, d->end))
            continue;
        src = *d; /* the push may move recs->v */
        m = tm_records_push(recs);
        if (recs->dropped > 0)
            break; /* (cut at the record limit: the rest is said) */
        m->doc = src.doc;
        m->section = src.section != NULL ? tm_xstrdup(src.section) : NULL;
        m->type = tm_xstrdup("mortality");
        m->events = (long long)src.value;
        m->total = a->n;
        m->value = 100.0 * (double)m->events / (double)m->total;
        m->has = TM_HAS_VALUE | TM_HAS_EVENTS | TM_HAS_TOTAL;
        m->unit = tm_xstrdup("%");
        m->group = tm_xstrdup(a->label);
        if (src.timepoint != NULL)
            m->timepoint = tm_xstrdup(src.timepoint);
        m->start = src.start;
        m->end = src.end;
        m->text = src.text;
        m->pattern = src.pattern != NULL ? tm_xstrdup(src.pattern) : NULL;
        m->arm = src.arm;
        m->arm_how = src.arm_how;
        tm_buf_init(&b, 0);
        tm_buf_printf(&b,
                      "deaths in the text over the randomized size of arm "
                      "'%s' (n = %lld, trial model)",
                      a->label, a->n);
        m->derived = tm_xstrdup(b.data);
        tm_buf_clear(&b);
    }
    if (indexed)
        derive_index_free(&ix);
    merge_new(recs, n);
}

void
tm_trial_arm_scopes(const struct tm_trial *t, struct tm_records *recs)
{
    size_t i, k;

    if (t->narms < 2 || t->design == NULL ||
        !tm_trial_design_is_primary(t->design))
        return;
    for (i = 0; i < recs->n; i++) {
        struct tm_record *r = &recs->v[i];
        bool arm = false;

        if (!is_type(r, "sample_size") || !(r->has & TM_HAS_VALUE) ||
            r->study != NULL || r->study_ref != NULL ||
            (r->scope != NULL && strcmp(r->scope, "total") != 0) ||
            (t->has_total && r->value == (double)t->n_total))
            continue;
        for (k = 0; k < t->narms && !arm; k++)
            arm = t->arms[k].n > 0 && r->value == (double)t->arms[k].n;
        if (arm)
            set_scope(r, "arm");
    }
}

/* Is r's value below its pattern's share of the smallest arm (ctx)? */
static bool
below_arm_share(struct tm_record *r, void *ctx)
{
    const long long *least = ctx;

    return r->min_arm_share > 0 && (r->has & TM_HAS_VALUE) &&
           r->study == NULL && r->value < r->min_arm_share * (double)*least;
}

void
tm_trial_arm_shares(const struct tm_trial *t, struct tm_records *recs)
{
    long long least = 0;
    size_t k, sized = 0;

    /* Randomized arms (a secondary analysis of a trial analyses them
     * again): a cohort's "(n = 141)" waves are no arms. */
    if (t->design == NULL || (strncmp(t->design, "randomized", 10) != 0 &&
                              !tm_trial_design_is_secondary(t->design)))
        return;
    for (k = 0; k < t->narms; k++)
        if (t->arms[k].n > 0) {
            if (sized == 0 || t->arms[k].n < least)
                least = t->arms[k].n;
            sized++;
        }
    if (sized >= 2)
        tm_records_filter(recs, below_arm_share, &least);
}

/* Is section a results section ("abstract/RESULTS", "body/Results/...",
 * "table/..." is not: a table's caption may cite)? */
static bool
results_section(const char *section)
{
    static const char *const results[] = {"result", NULL};

    return tm_section_names(section, results);
}

void
tm_trial_own_results(const struct tm_trial *t, struct tm_records *recs)
{
    size_t i;

    if (t->design == NULL || !tm_trial_design_is_primary(t->design))
        return;
    for (i = 0; i < recs->n; i++) {
        struct tm_record *r = &recs->v[i];

        /* A study_ref without a study is the document's own id (a
         * PubMed record's pmid): kept. */
        if (r->type[0] == '_' || r->study == NULL ||
            !results_section(r->section))
            continue;
        TM_FREE(r->study);
        TM_FREE(r->study_ref);
        r->has_ref_span = false;
    }
}
