/* SPDX-License-Identifier: MIT */
/*
 * doc: the parsed document and its owned parts.
 */
#include "config.h"
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"

void
tm_doc_init(struct tm_doc *d, enum tm_doc_kind kind)
{
    memset(d, 0, sizeof *d);
    d->kind = kind;
}

void
tm_doc_clear(struct tm_doc *d)
{
    size_t i;
    enum tm_doc_kind kind = d->kind;

    free(d->id);
    free(d->source);
    free(d->text);
    for (i = 0; i < d->nsections; i++)
        free(d->sections[i].name);
    free(d->sections);
    free(d->title);
    free(d->journal);
    free(d->pmid);
    free(d->pmcid);
    free(d->doi);
    free(d->first_author);
    free(d->article_type);
    tm_strv_clear(&d->pubtypes);
    tm_strv_clear(&d->registries);
    tm_strv_clear(&d->mesh);
    for (i = 0; i < d->ncites; i++)
        free(d->cites[i].ref_id);
    free(d->cites);
    for (i = 0; i < d->nrefs; i++) {
        free(d->refs[i].id);
        free(d->refs[i].label);
        free(d->refs[i].pmid);
        free(d->refs[i].doi);
        free(d->refs[i].title);
    }
    free(d->refs);
    for (i = 0; i < d->ncolsizes; i++) {
        free(d->colsizes[i].section);
        free(d->colsizes[i].column);
    }
    free(d->colsizes);
    tm_doc_init(d, kind);
}

void
tm_doc_add_colsize(struct tm_doc *d, const char *section, const char *column,
                   long long n)
{
    if (d->ncolsizes == d->colsizes_cap) {
        d->colsizes_cap = d->colsizes_cap ? d->colsizes_cap * 2 : 8;
        d->colsizes =
            tm_xreallocarray(d->colsizes, d->colsizes_cap, sizeof *d->colsizes);
    }
    d->colsizes[d->ncolsizes].section = tm_xstrdup(section);
    d->colsizes[d->ncolsizes].column = tm_xstrdup(column);
    d->colsizes[d->ncolsizes].n = n;
    d->ncolsizes++;
}

long long
tm_doc_colsize(const struct tm_doc *d, const char *section, const char *column)
{
    size_t i;

    for (i = d->ncolsizes; i-- > 0;)
        if (strcmp(d->colsizes[i].column, column) == 0 &&
            strcmp(d->colsizes[i].section, section) == 0)
            return d->colsizes[i].n;
    return 0;
}

void
tm_doc_add_section(struct tm_doc *d, const char *name, size_t start, size_t end)
{
    if (d->nsections == d->sections_cap) {
        d->sections_cap = d->sections_cap ? d->sections_cap * 2 : 8;
        d->sections =
            tm_xreallocarray(d->sections, d->sections_cap, sizeof *d->sections);
    }
    d->sections[d->nsections].name = tm_xstrdup(name);
    d->sections[d->nsections].start = start;
    d->sections[d->nsections].end = end;
    d->nsections++;
}

bool
tm_section_names(const char *section, const char *const *words)
{
    for (; section != NULL && *words != NULL; words++)
        if (strcasestr(section, *words) != NULL)
            return true;
    return false;
}

const struct tm_section *
tm_doc_section_at(const struct tm_doc *d, size_t off)
{
    size_t i;

    for (i = 0; i < d->nsections; i++) {
        if (off >= d->sections[i].start && off < d->sections[i].end)
            return &d->sections[i];
    }
    return NULL;
}

void
tm_strv_push(struct tm_strv *sv, const char *s)
{
    if (sv->n == sv->cap) {
        sv->cap = sv->cap ? sv->cap * 2 : 8;
        sv->v = tm_xreallocarray(sv->v, sv->cap, sizeof *sv->v);
    }
    sv->v[sv->n++] = tm_xstrdup(s);
}

void
tm_strv_clear(struct tm_strv *sv)
{
    size_t i;

    for (i = 0; i < sv->n; i++)
        free(sv->v[i]);
    free(sv->v);
    sv->v = NULL;
    sv->n = 0;
    sv->cap = 0;
}
