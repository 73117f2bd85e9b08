/* SPDX-License-Identifier: MIT */
/*
 * doc: one document as the pipeline sees it after parsing.  Its text is
 * what record offsets index: for a text file the file itself, for XML the
 * flattened text that `trialmine text` prints.  Sections are byte ranges
 * of that text; metadata and citation positions come from the XML.
 */
#ifndef TM_DOC_H
#define TM_DOC_H

#include <stdbool.h>
#include <stddef.h>

enum tm_doc_kind { TM_DOC_TEXT, TM_DOC_PUBMED, TM_DOC_PMC };

/* A named byte range of the document text ("abstract/RESULTS"). */
struct tm_section {
    char *name;
    size_t start, end;
};

/* A growable list of owned strings. */
struct tm_strv {
    char **v;
    size_t n, cap;
};

/* A citation in the text (JATS xref ref-type="bibr"): where it stands and
 * which reference-list entry it names. */
struct tm_cite {
    size_t start, end;
    char *ref_id;
};

/* A table column's size as its header printed it ("MSC (n = 20)",
 * "Placebo, N = 124", or a header cell "(n = 78)" under the name).
 * parse.c strips sizes from the column names it writes into body rows
 * ("MSC = 3 (15)") and keeps them here; table.c reads them back. */
struct tm_colsize {
    char *section; /* "table/T2" */
    char *column;  /* as the body rows name it */
    long long n;
};

/* A reference-list entry. */
struct tm_ref {
    char *id;    /* the ref element's id */
    char *label; /* "12", when given */
    char *pmid, *doi, *title;
};

struct tm_doc {
    enum tm_doc_kind kind;
    char *id;     /* "pmid:NNN", "pmcid:PMCNNN", or the file name */
    char *source; /* input file, and position in it where useful */
    char *text;   /* owned, NUL-terminated; offsets index these bytes */
    size_t len;
    struct tm_section *sections;
    size_t nsections, sections_cap;
    char *title, *journal, *pmid, *pmcid, *doi;
    int year; /* 0 when unknown */
    /* The first author as the metadata gives it: a surname, or a group
     * author (JATS collab, PubMed CollectiveName) as written; NULL when
     * none is given. */
    char *first_author;
    /* JATS article-type ("research-article", "review-article"), or NULL. */
    char *article_type;
    struct tm_strv pubtypes, mesh;
    /* Trial registry ids from the metadata (PubMed DataBankList entries of
     * a trial registry), as given. */
    struct tm_strv registries;
    struct tm_cite *cites;
    size_t ncites, cites_cap;
    struct tm_ref *refs;
    size_t nrefs, refs_cap;
    bool body_missing; /* PMC article delivered without its body */
    struct tm_colsize *colsizes;
    size_t ncolsizes, colsizes_cap;
};

/* Initialise an empty document of the given kind. */
void tm_doc_init(struct tm_doc *d, enum tm_doc_kind kind);
/* Free everything the document owns and re-initialise it. */
void tm_doc_clear(struct tm_doc *d);
/* Append a section (the name is copied). */
void tm_doc_add_section(struct tm_doc *d, const char *name, size_t start,
                        size_t end);
/* Record that column of table section has size n (both copied). */
void tm_doc_add_colsize(struct tm_doc *d, const char *section,
                        const char *column, long long n);
/* The size recorded for column of table section, or 0. */
long long tm_doc_colsize(const struct tm_doc *d, const char *section,
                         const char *column);
/* Does a section's name ("abstract/RESULTS", "body/Introduction") hold
 * one of words (NULL-terminated; case ignored, anywhere in the path)?
 * A NULL section holds none. */
bool tm_section_names(const char *section, const char *const *words);
/* The section containing byte offset off, or NULL. */
const struct tm_section *tm_doc_section_at(const struct tm_doc *d, size_t off);

void tm_strv_push(struct tm_strv *sv, const char *s);
void tm_strv_clear(struct tm_strv *sv);

#endif
