/* SPDX-License-Identifier: MIT */
/*
 * pipeline: parse -> normalize -> extract -> emit, with accounting.
 */
#include "config.h"
#include "pipeline.h"
#include "pipeline-int.h"
#include "pattern-int.h"

#include <stdlib.h>
#include <string.h>

#include "attrib.h"
#include "buf.h"
#include "clock.h"
#include "extract.h"
#include "input.h"
#include "normalize.h"
#include "ocr.h"
#include "corrections.h"
#include "report.h"
#include "studies.h"
#include "table.h"
#include "trial.h"
#include "text.h"

void
tm_stages_init(struct tm_stages *st, const struct tm_pattern_set *set,
               struct tm_reporter *rep)
{
    st->set = set;
    st->ex = tm_extractor_new(set);
    st->ocr = tm_ocr_new(set);
    tm_norm_init(&st->norm);
    memset(&st->sentences, 0, sizeof st->sentences);
    st->rep = rep;
    st->max_records = TM_PIPELINE_MAX_RECORDS;
}

void
tm_stages_clear(struct tm_stages *st)
{
    tm_extractor_free(st->ex);
    tm_ocr_free(st->ocr);
    tm_norm_clear(&st->norm);
    tm_sentences_clear(&st->sentences);
}

struct tm_pipeline *
tm_pipeline_new(const struct tm_pattern_set *set, struct tm_reporter *rep)
{
    struct tm_pipeline *pl = tm_xcalloc(1, sizeof *pl);

    pl->set = set;
    tm_stages_init(&pl->st, set, rep);
    pl->rep = rep;
    pl->jobs = 1;
    pl->piece_bytes = TM_PIPELINE_PIECE_BYTES;
    return pl;
}

void
tm_pipeline_free(struct tm_pipeline *pl)
{
    if (pl == NULL)
        return;
    tm_pool_free(pl->pool);
    tm_stages_clear(&pl->st);
    tm_records_clear(&pl->recs);
    tm_trial_clear(&pl->trial);
    tm_tables_clear(&pl->tables);
    for (size_t i = 0; i < pl->seen_cap; i++)
        free(pl->seen[i]);
    free(pl->seen);
    free(pl);
}

const struct tm_pipeline_stats *
tm_pipeline_stats(const struct tm_pipeline *pl)
{
    return &pl->stats;
}

/* The id of the reference a citation at [start, end) of doc points to:
 * "pmid:N" or "doi:X" (malloc'd), or NULL. */
static char *
resolve_cite(const struct tm_doc *doc, size_t start, size_t end)
{
    size_t i, k;

    for (i = 0; i < doc->ncites; i++) {
        const struct tm_cite *c = &doc->cites[i];
        char id[128];
        size_t n;

        if (c->end <= start || c->start >= end)
            continue;
        /* rid may list several ids ("B2 B3"): the first is used. */
        n = strcspn(c->ref_id, " ");
        if (n >= sizeof id)
            n = sizeof id - 1;
        memcpy(id, c->ref_id, n);
        id[n] = '\0';
        for (k = 0; k < doc->nrefs; k++) {
            const struct tm_ref *ref = &doc->refs[k];
            struct tm_buf b;

            if (ref->id == NULL || strcmp(ref->id, id) != 0)
                continue;
            if (ref->pmid == NULL && ref->doi == NULL)
                return NULL;
            tm_buf_init(&b, 0);
            if (ref->pmid != NULL)
                tm_buf_printf(&b, "pmid:%s", ref->pmid);
            else
                tm_buf_printf(&b, "doi:%s", ref->doi);
            return tm_buf_steal(&b, NULL);
        }
    }
    return NULL;
}

/*
 * study_ref holds a citation as written ("[30]"): make it the cited
 * work's id through the reference list, or drop it when there is none to
 * resolve against.  A value with no study in a PubMed record belongs to
 * the record itself: its own abstract is the study.
 */
static void
resolve_studies(const struct tm_doc *doc, struct tm_records *recs)
{
    size_t i;

    for (i = 0; i < recs->n; i++) {
        struct tm_record *r = &recs->v[i];

        if (r->type[0] == '_')
            continue;
        if (r->study_ref != NULL) {
            char *id = r->has_ref_span
                           ? resolve_cite(doc, r->ref_start, r->ref_end)
                           : NULL;

            free(r->study_ref);
            r->study_ref = id;
        }
        if (r->study == NULL && r->study_ref == NULL &&
            doc->kind == TM_DOC_PUBMED && doc->pmid != NULL) {
            struct tm_buf b;

            tm_buf_init(&b, 0);
            tm_buf_printf(&b, "pmid:%s", doc->pmid);
            r->study_ref = tm_buf_steal(&b, NULL);
        }
    }
}

/* Describe a repair for a record's `repairs` list: "rule:raw->new" when
 * both sides are short and printable, else just the rule. */
static void
push_repair(struct tm_record *r, const char *raw,
            const struct tm_norm_repair *rp)
{
    size_t rawlen = rp->raw_end - rp->raw_start, i;
    size_t newlen = strlen(rp->replacement);
    bool plain = rawlen <= 16 && newlen <= 16;
    struct tm_buf b;

    for (i = 0; plain && i < rawlen; i++)
        plain = (unsigned char)raw[rp->raw_start + i] >= 0x20;
    for (i = 0; plain && i < newlen; i++)
        plain = (unsigned char)rp->replacement[i] >= 0x20;
    tm_buf_init(&b, 0);
    if (plain)
        tm_buf_printf(&b, "%s:%.*s->%s", rp->rule, (int)rawlen,
                      raw + rp->raw_start, rp->replacement);
    else
        tm_buf_puts(&b, rp->rule);
    tm_strv_push(&r->repairs, b.data);
    tm_buf_clear(&b);
}

/*
 * Extract the records of one document into pl->recs, in document
 * coordinates, one section at a time: normalize the section, extract from
 * the normalized text, map each record back to the raw bytes and attach
 * the repairs made inside it.
 */
static enum tm_status
extract_doc(struct tm_stages *st, struct tm_doc *doc, struct tm_records *recs,
            struct tm_err *err)
{
    size_t si, i, k, longest;
    char where[TM_ERR_MSG_MAX];

    tm_records_clear(recs);
    for (si = 0; si < doc->nsections; si++) {
        const struct tm_section *sec = &doc->sections[si];
        const char *raw = doc->text + sec->start;
        size_t first = recs->n;
        enum tm_status rc;

        double t0 = st->profile ? tm_monotonic_seconds() : 0, t1 = 0;

        snprintf(where, sizeof where, "%s [%s]", doc->id, sec->name);
        tm_ocr_normalize(st->ocr, &st->norm, raw, sec->end - sec->start, where,
                         st->rep);
        if (st->profile) {
            t1 = tm_monotonic_seconds();
            st->t_normalize += t1 - t0;
        }
        rc = tm_extract_text(st->ex, st->norm.text, st->norm.len, where, recs,
                             st->rep, err);
        if (rc != TM_OK)
            return rc;
        tm_attrib_section(st->norm.text, st->norm.len, recs, first,
                          tm_extractor_sentences(st->ex));
        if (st->profile)
            st->t_extract += tm_monotonic_seconds() - t1;
        /* Repairs are sorted by raw start: one that overlaps [rs, re)
         * starts before re and no earlier than rs minus the longest
         * repair, so each record looks at its neighbours only. */
        longest = 0;
        for (k = 0; k < st->norm.nrepairs; k++) {
            const struct tm_norm_repair *rp = &st->norm.repairs[k];

            if (!rp->layout && rp->raw_end - rp->raw_start > longest)
                longest = rp->raw_end - rp->raw_start;
        }
        for (i = first; i < recs->n; i++) {
            struct tm_record *r = &recs->v[i];
            size_t rs = tm_norm_raw_start(&st->norm, r->start);
            size_t re = tm_norm_raw_end(&st->norm, r->end);
            size_t from = rs > longest ? rs - longest : 0;
            size_t lo = 0, hi = st->norm.nrepairs;

            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;

                if (st->norm.repairs[mid].raw_start < from)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (k = lo;
                 k < st->norm.nrepairs && st->norm.repairs[k].raw_start < re;
                 k++) {
                const struct tm_norm_repair *rp = &st->norm.repairs[k];

                if (!rp->layout && rp->raw_end > rs)
                    push_repair(r, raw, rp);
            }
            if (r->has_ref_span) {
                r->ref_start =
                    sec->start + tm_norm_raw_start(&st->norm, r->ref_start);
                r->ref_end =
                    sec->start + tm_norm_raw_end(&st->norm, r->ref_end);
            }
            r->start = sec->start + rs;
            r->end = sec->start + re;
            r->doc = doc->id;
            r->section = tm_xstrdup(sec->name);
            r->text = doc->text + r->start;
        }
    }
    /* Estimates whose measure only their table's caption names (before
     * citations resolve: an effect made here resolves with the rest). */
    tm_tables_caption_effects(doc, recs);
    resolve_studies(doc, recs);
    /* What the document's counts say together (before arm linkage, which
     * links the arm sizes found here).  The later stages of this document
     * share its sentences. */
    tm_sentences_reset(&st->sentences, doc->text, doc->len);
    tm_trial_scopes(doc, recs, &st->sentences, st->ex);
    return TM_OK;
}

void
tm_pipeline_set_studies(struct tm_pipeline *pl, struct tm_studies *st)
{
    pl->studies = st;
}

void
tm_pipeline_set_corrections(struct tm_pipeline *pl, struct tm_corrections *cs)
{
    pl->st.corrections = cs;
}

void
tm_pipeline_set_report(struct tm_pipeline *pl, struct tm_report *rp)
{
    pl->report = rp;
}

void
tm_pipeline_set_dedupe(struct tm_pipeline *pl, bool on)
{
    pl->dedupe = on;
}

static size_t
hash_str(const char *s)
{
    size_t h = 5381;

    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

/* Add id to the seen set; false if it was there already. */
static bool
mark_seen(struct tm_pipeline *pl, const char *id)
{
    size_t i;

    if (2 * (pl->nseen + 1) > pl->seen_cap) {
        size_t cap = pl->seen_cap ? pl->seen_cap * 2 : 1024;
        char **v = tm_xcalloc(cap, sizeof *v);

        for (i = 0; i < pl->seen_cap; i++) {
            size_t j;

            if (pl->seen[i] == NULL)
                continue;
            for (j = hash_str(pl->seen[i]) % cap; v[j] != NULL;
                 j = (j + 1) % cap)
                ;
            v[j] = pl->seen[i];
        }
        free(pl->seen);
        pl->seen = v;
        pl->seen_cap = cap;
    }
    for (i = hash_str(id) % pl->seen_cap; pl->seen[i] != NULL;
         i = (i + 1) % pl->seen_cap) {
        if (strcmp(pl->seen[i], id) == 0)
            return false;
    }
    pl->seen[i] = tm_xstrdup(id);
    pl->nseen++;
    return true;
}

static void
count_type(struct tm_pipeline_stats *st, const char *type)
{
    size_t i;

    for (i = 0; i < st->ntypes; i++) {
        if (strcmp(st->types[i].type, type) == 0) {
            st->types[i].n++;
            return;
        }
    }
    if (st->ntypes < TM_PIPELINE_MAX_TYPES) {
        snprintf(st->types[st->ntypes].type, sizeof st->types[0].type, "%s",
                 type);
        st->types[st->ntypes++].n = 1;
    }
}

/* The part of a document's work that touches no shared state:
 * extraction, arm linkage and the trial model.  Runs in any thread. */
void
tm_pipeline_process_doc(struct tm_stages *st, struct tm_doc *doc,
                        struct tm_records *recs, struct tm_trial *trial,
                        struct tm_tables *tables, struct tm_err *derr,
                        bool *failed)
{
    double t0, c0 = st->profile ? tm_thread_cpu_seconds() : 0;

    tm_err_clear(derr);
    recs->limit = st->max_records;
    tm_trial_clear(trial);
    tm_tables_clear(tables);
    *failed = extract_doc(st, doc, recs, derr) != TM_OK;
    if (*failed) {
        tm_records_clear(recs);
        if (st->profile)
            st->cpu_docs += tm_thread_cpu_seconds() - c0;
        return;
    }
    /* A reviewer's decisions, before anything reads the records: a
     * rejected value is not linked, tabulated or written. */
    tm_corrections_apply(st->corrections, doc, recs);
    t0 = st->profile ? tm_monotonic_seconds() : 0;
    tm_trial_build(doc, recs, &st->sentences, st->set, trial);
    tm_trial_arm_shares(trial, recs);
    tm_studies_link_arms(doc, recs, &st->sentences, trial);
    tm_trial_arm_mortality(doc, trial, recs, &st->sentences);
    tm_trial_arm_scopes(trial, recs);
    tm_trial_own_results(trial, recs);
    tm_tables_read(doc, recs, tables);
    if (st->profile) {
        st->t_link += tm_monotonic_seconds() - t0;
        st->cpu_docs += tm_thread_cpu_seconds() - c0;
    }
}

/* The ordered part: accounting, output and the study table, in document
 * order on the calling thread, so the output is the same whatever the
 * number of threads. */
enum tm_status
tm_pipeline_commit_doc(struct tm_pipeline *pl, const struct tm_doc *doc,
                       const struct tm_records *recs,
                       const struct tm_trial *trial,
                       const struct tm_tables *tables, bool failed,
                       const struct tm_err *derr, struct tm_err *err)
{
    enum tm_status rc = TM_OK;
    size_t i, k;
    double t0;

    if (failed) {
        /* One bad document does not sink the input. */
        tm_warn(pl->rep, "%s; document skipped", derr->msg);
        pl->docs_failed++;
        return TM_OK;
    }
    if (recs->dropped > 0) {
        /* Cut on purpose, so memory stays bounded: said, and counted
         * for the exit status. */
        tm_warn(pl->rep,
                "%s: more than %zu records; %lu more were dropped "
                "(--max-records)",
                doc->id, recs->limit, recs->dropped);
        pl->docs_cut++;
    }
    for (i = k = 0; i < recs->n; i++) {
        /* Internal types (study mentions) are not output. */
        if (recs->v[i].type[0] == '_')
            continue;
        pl->stats.records++;
        k++;
        count_type(&pl->stats, recs->v[i].type);
    }
    /* (a document with internal records only has no extraction) */
    if (k > 0)
        pl->stats.docs_with_records++;
    t0 = pl->profile ? tm_monotonic_seconds() : 0;
    for (k = 0; k < pl->nems && rc == TM_OK; k++)
        rc = tm_emit_doc_records(pl->ems[k], doc, recs, err);
    if (rc == TM_OK && pl->studies != NULL)
        rc = tm_studies_add(pl->studies, doc, recs, trial, tables, err);
    if (rc == TM_OK && pl->report != NULL)
        rc = tm_report_add(pl->report, doc, recs, trial, tables, err);
    if (pl->profile)
        pl->t_output += tm_monotonic_seconds() - t0;
    return rc;
}

bool
tm_pipeline_admit(struct tm_pipeline *pl, const char *id)
{
    if (pl->dedupe && !mark_seen(pl, id)) {
        pl->stats.docs_duplicate++;
        return false;
    }
    pl->stats.docs++;
    return true;
}

enum tm_status
tm_pipeline_on_doc(void *ctx, struct tm_doc *doc, struct tm_err *err)
{
    struct tm_pipeline *pl = ctx;
    struct tm_err derr;
    bool failed;

    if (!tm_pipeline_admit(pl, doc->id))
        return TM_OK;
    if (pl->pool != NULL)
        return tm_pool_add(pl, doc, err);
    tm_pipeline_process_doc(&pl->st, doc, &pl->recs, &pl->trial, &pl->tables,
                            &derr, &failed);
    return tm_pipeline_commit_doc(pl, doc, &pl->recs, &pl->trial, &pl->tables,
                                  failed, &derr, err);
}

void
tm_pipeline_set_max_records(struct tm_pipeline *pl, size_t n)
{
    pl->st.max_records = n;
}

void
tm_pipeline_set_piece_bytes(struct tm_pipeline *pl, size_t n)
{
    pl->piece_bytes = n == 0 ? TM_PIPELINE_PIECE_BYTES : n;
}

void
tm_pipeline_set_jobs(struct tm_pipeline *pl, unsigned jobs)
{
    pl->jobs = jobs == 0 ? 1 : jobs;
}

static void
stage_set_profile(struct tm_stages *st, bool on)
{
    st->profile = on;
    tm_extractor_set_profile(st->ex, on);
}

void
tm_pipeline_set_profile(struct tm_pipeline *pl, bool on)
{
    pl->profile = on;
    stage_set_profile(&pl->st, on);
}

static void
add_stage_profile(struct tm_pipeline_profile *pr, const struct tm_stages *st,
                  size_t npatterns)
{
    const struct tm_pattern_cost *c = tm_extractor_costs(st->ex);
    size_t i;

    pr->normalize += st->t_normalize;
    pr->extract += st->t_extract;
    pr->link += st->t_link;
    for (i = 0; c != NULL && i < npatterns; i++) {
        pr->patterns[i].seconds += c[i].seconds;
        pr->patterns[i].runs += c[i].runs;
        pr->patterns[i].skipped += c[i].skipped;
        pr->patterns[i].matches += c[i].matches;
    }
}

void
tm_pipeline_profile(const struct tm_pipeline *pl,
                    struct tm_pipeline_profile *pr)
{
    size_t n = tm_pattern_set_npatterns(pl->set);
    unsigned i;

    memset(pr, 0, sizeof *pr);
    pr->npatterns = n;
    pr->patterns = tm_xcalloc(n + 1, sizeof *pr->patterns);
    pr->output = pl->t_output;
    pr->cpu_process = pl->cpu_process;
    pr->cpu_inflate = pl->cpu_inflate;
    pr->pieces = pl->pieces;
    pr->reread = pl->reread;
    /* The stages the reading thread ran itself (all of them at -j 1)
     * would run on workers: not serial. */
    /* The documents the reading thread processed itself (all of them at
     * -j 1) would be processed on workers: not serial.  Both in CPU
     * time, so a loaded machine does not shift the share. */
    pr->cpu_serial = pl->cpu_reading - pl->st.cpu_docs;
    if (pr->cpu_serial < 0)
        pr->cpu_serial = 0;
    pr->regexes = tm_pattern_set_njit(pl->set);
    pr->jit_bytes = tm_pattern_set_jit_bytes(pl->set, &pr->jitted);
    add_stage_profile(pr, &pl->st, n);
    for (i = 0; pl->pool != NULL && i < tm_pool_size(pl->pool); i++)
        add_stage_profile(pr, tm_pool_stage(pl->pool, i), n);
}

const char *
tm_pipeline_pattern_id(const struct tm_pipeline *pl, size_t i)
{
    return pl->set->patterns[i].id;
}

enum tm_status
tm_pipeline_extract_file(struct tm_pipeline *pl, const char *path,
                         struct tm_emitter *const *ems, size_t nems,
                         struct tm_err *err)
{
    enum tm_status rc;
    struct tm_input_opts opts;
    double c_thread = pl->profile ? tm_thread_cpu_seconds() : 0;
    double c_process = pl->profile ? tm_process_cpu_seconds() : 0;

    pl->ems = ems;
    pl->nems = nems;
    pl->stats.inputs++;
    pl->docs_failed = 0;
    pl->docs_cut = 0;
    if (pl->jobs > 1 && pl->pool == NULL) {
        pl->pool = tm_pool_new(pl->set, pl->jobs);
        for (unsigned w = 0; pl->pool != NULL && w < tm_pool_size(pl->pool);
             w++) {
            struct tm_stages *st = tm_pool_stage(pl->pool, w);

            stage_set_profile(st, pl->profile);
            st->max_records = pl->st.max_records;
            st->corrections = pl->st.corrections;
        }
    }
    if (pl->pool != NULL)
        tm_pool_begin(pl->pool, pl->piece_bytes);
    memset(&opts, 0, sizeof opts);
    if (pl->pool != NULL && strcmp(path, "-") != 0) {
        /* Workers parse as well: see tm_pool_split_xml. */
        opts.xml = tm_pool_split_xml;
        opts.xml_ctx = pl;
    }
    opts.inflate_cpu = pl->profile ? &pl->cpu_inflate : NULL;
    rc = tm_input_read_opts(path, tm_pipeline_on_doc, pl, pl->rep, &opts, err);
    if (pl->pool != NULL) {
        /* Commit what was read, even after a read or parse error: nothing
         * already produced is lost. */
        struct tm_err werr;
        enum tm_status wrc;

        tm_err_clear(&werr);
        (void)tm_pool_send(pl, &werr);
        wrc = tm_pool_drain(pl, true, &werr);
        /* An output error outranks an input error: it ends the run. */
        if (wrc != TM_OK && (rc == TM_OK || wrc == TM_ERR_IO)) {
            rc = wrc;
            *err = werr;
        }
    }
    if (rc == TM_OK && pl->docs_failed > 0)
        rc = tm_err_set(err, TM_ERR_INPUT, "%s: %lu document%s skipped", path,
                        pl->docs_failed, pl->docs_failed == 1 ? "" : "s");
    if (rc == TM_OK && pl->docs_cut > 0)
        rc = tm_err_set(
            err, TM_ERR_LIMIT, "%s: %lu document%s cut at %zu records", path,
            pl->docs_cut, pl->docs_cut == 1 ? "" : "s", pl->st.max_records);
    if (rc != TM_OK && rc != TM_ERR_IO)
        pl->stats.inputs_failed++;
    if (pl->profile) {
        pl->cpu_reading += tm_thread_cpu_seconds() - c_thread;
        pl->cpu_process += tm_process_cpu_seconds() - c_process;
    }
    pl->ems = NULL;
    pl->nems = 0;
    return rc;
}

/* Move the records of from to the end of to (their strings change
 * owner); from is left empty, its spare slot for dropped records
 * cleared.  Returns how many records the limit had dropped. */
static unsigned long
move_records(struct tm_records *from, struct tm_records *to)
{
    unsigned long dropped = from->dropped;
    size_t i;

    for (i = 0; i < from->n; i++)
        *tm_records_push(to) = from->v[i];
    if (from->dropped > 0)
        tm_record_clear(&from->v[from->n]);
    from->n = 0;
    from->dropped = 0;
    return dropped;
}

char *
tm_pipeline_canonical(struct tm_pipeline *pl, const char *field, char *val)
{
    return tm_extractor_canonical(pl->st.ex, field, val);
}

enum tm_status
tm_pipeline_extract_doc(struct tm_pipeline *pl, struct tm_doc *doc,
                        struct tm_records *out, struct tm_err *err)
{
    bool failed = false;
    unsigned long dropped;

    /* The document's stages as extract runs them (the trial model and
     * what it derives), so that what is measured is what is written. */
    tm_pipeline_process_doc(&pl->st, doc, &pl->recs, &pl->trial, &pl->tables,
                            err, &failed);
    if (failed)
        return err->code != TM_OK ? err->code : TM_ERR_INPUT;
    dropped = move_records(&pl->recs, out);
    if (dropped > 0)
        tm_warn(pl->rep,
                "%s: more than %zu records; %lu more were dropped "
                "(--max-records)",
                doc->id, pl->st.max_records, dropped);
    return TM_OK;
}

enum tm_status
tm_pipeline_extract_string(struct tm_pipeline *pl, const char *name,
                           const char *text, size_t len, struct tm_records *out,
                           struct tm_err *err)
{
    struct tm_doc doc;
    enum tm_status rc;

    tm_doc_init(&doc, TM_DOC_TEXT);
    doc.id = (char *)name;
    doc.text = (char *)text;
    doc.len = len;
    tm_doc_add_section(&doc, "text", 0, len);
    rc = extract_doc(&pl->st, &doc, &pl->recs, err);
    if (rc == TM_OK && move_records(&pl->recs, out) > 0)
        tm_warn(pl->rep, "%s: more than %zu records; the rest were dropped",
                name, pl->recs.limit);
    doc.id = NULL;
    doc.text = NULL;
    tm_doc_clear(&doc);
    return rc;
}
