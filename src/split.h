/* SPDX-License-Identifier: MIT */
/*
 * split: cut a PubMed or PMC XML file into record-aligned pieces that
 * separate parsers can read at once (`extract -j N`).
 *
 * A piece is read as the file's prolog (the bytes up to and including
 * the root element's start tag: XML declaration, DOCTYPE, the root's
 * namespace declarations), then the piece's bytes, then the root's end
 * tag.  It starts where the one before ended, just after a record's end
 * tag.  Nothing here parses XML: a cut is found by searching for the
 * record end tags, so a cut can be false (an end tag inside a comment or
 * a CDATA section).  The parser catches that: a piece cut at a false place
 * is not well-formed, or holds another number of records than counted
 * here, and the caller then reads the file serially from the last good
 * piece on.  So a file is never read differently for being split.
 */
#ifndef TM_SPLIT_H
#define TM_SPLIT_H

#include <stdbool.h>
#include <stddef.h>

/* What is known of a splittable file once its prolog has been read. */
struct tm_split {
    size_t prolog_len;       /* bytes of the prolog, root start tag included */
    char close[80];          /* the root's end tag: "</PubmedArticleSet>" */
    const char *const *ends; /* the record end tags, NULL-terminated */
    char lead[32];           /* what all of them begin with: "</Pubmed" */
    size_t lead_len;
};

/*
 * Read the prolog at the start of buf[0..len) (the first bytes of the
 * file, UTF-8).  True, with sp filled, when the file can be split: the
 * root start tag ends within buf, the root is one whose records are
 * known (PubmedArticleSet, MedlineCitationSet, pmc-articleset), there is
 * no internal DTD subset and the root is not empty.  False otherwise; the
 * file is then read serially, as always.
 */
bool tm_split_prolog(const char *buf, size_t len, struct tm_split *sp);

/* The offset just after the first record end tag that starts at or
 * after from in buf[0..len), or 0 when there is none. */
size_t tm_split_cut(const struct tm_split *sp, const char *buf, size_t len,
                    size_t from);

/* The number of record end tags in buf[0..len). */
unsigned long tm_split_count(const struct tm_split *sp, const char *buf,
                             size_t len);

#endif
