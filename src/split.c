/* SPDX-License-Identifier: MIT */
/*
 * split: record-aligned pieces of a PubMed or PMC XML file.
 */
#include "config.h"
#include "split.h"

#include <stdio.h>
#include <string.h>

#include "input.h"

/* The roots whose records are known, and their records' end tags: the
 * elements the parse stage makes documents of. */
static const char *const pubmed_ends[] = {"</PubmedArticle>",
                                          "</PubmedBookArticle>", NULL};
static const char *const medline_ends[] = {"</MedlineCitation>", NULL};
static const char *const pmc_ends[] = {"</article>", NULL};

static const struct {
    const char *root;
    const char *const *ends;
} roots[] = {
    {"PubmedArticleSet", pubmed_ends},
    {"MedlineCitationSet", medline_ends},
    {"pmc-articleset", pmc_ends},
};

/* The offset just after the first '>' at or after i outside quotes (the
 * end of a start tag), or 0 when there is none in buf. */
static size_t
tag_end(const char *buf, size_t len, size_t i)
{
    char quote = 0;

    for (; i < len; i++) {
        char c = buf[i];

        if (quote != 0) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return 0;
}

bool
tm_split_prolog(const char *buf, size_t len, struct tm_split *sp)
{
    size_t i, end, n, k;
    bool subset;

    memset(sp, 0, sizeof *sp);
    /* An internal subset may declare entities; keep it simple and read
     * such a file serially. */
    if (!tm_input_xml_root(buf, len, &i, &n, &subset) || subset)
        return false;
    end = tag_end(buf, len, i + 1 + n);
    if (end == 0 || buf[end - 2] == '/')
        return false;
    for (k = 0; k < sizeof roots / sizeof roots[0]; k++) {
        if (strlen(roots[k].root) == n &&
            memcmp(buf + i + 1, roots[k].root, n) == 0)
            break;
    }
    if (k == sizeof roots / sizeof roots[0])
        return false;
    sp->prolog_len = end;
    snprintf(sp->close, sizeof sp->close, "</%s>", roots[k].root);
    sp->ends = roots[k].ends;
    /* One search finds them all: for what they begin with. */
    n = strlen(sp->ends[0]);
    for (k = 1; sp->ends[k] != NULL; k++) {
        size_t m = 0;

        while (m < n && sp->ends[k][m] == sp->ends[0][m])
            m++;
        n = m;
    }
    if (n >= sizeof sp->lead)
        n = sizeof sp->lead - 1;
    memcpy(sp->lead, sp->ends[0], n);
    sp->lead_len = n;
    return true;
}

/* The offset just after the first record end tag that starts at or after
 * i, or 0. */
static size_t
next_end(const struct tm_split *sp, const char *buf, size_t len, size_t i)
{
    while (i < len) {
        const char *at = memmem(buf + i, len - i, sp->lead, sp->lead_len);
        size_t k;

        if (at == NULL)
            return 0;
        i = (size_t)(at - buf);
        for (k = 0; sp->ends[k] != NULL; k++) {
            size_t n = strlen(sp->ends[k]);

            if (len - i >= n && memcmp(buf + i, sp->ends[k], n) == 0)
                return i + n;
        }
        i += sp->lead_len;
    }
    return 0;
}

size_t
tm_split_cut(const struct tm_split *sp, const char *buf, size_t len,
             size_t from)
{
    return next_end(sp, buf, len, from);
}

unsigned long
tm_split_count(const struct tm_split *sp, const char *buf, size_t len)
{
    unsigned long n = 0;
    size_t i = 0;

    while ((i = next_end(sp, buf, len, i)) != 0)
        n++;
    return n;
}
