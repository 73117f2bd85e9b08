/* SPDX-License-Identifier: MIT */
/*
 * html: escaping text from papers for HTML, and links made only from
 * validated identifiers (see html.c).  Used by the review page.
 */
#ifndef TM_HTML_H
#define TM_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Append s[0..len) to b as HTML text: & < > " ' escaped; invalid UTF-8
 * and C0 controls other than tab and newline become U+FFFD; bidi
 * embedding, override and isolate controls (U+202A-E, U+2066-9) are
 * written as a visible "[U+202E]", so text from a paper can neither
 * become markup nor reorder what surrounds it. */
void tm_html_text(struct tm_buf *b, const char *s, size_t len);
/* The same for a double-quoted attribute value (newlines as &#10;). */
void tm_html_attr(struct tm_buf *b, const char *s, size_t len);

/* Append the https URL of an identifier to b, attribute-escaped, and
 * return true; return false (b untouched) when the identifier is not
 * valid: a PMID is 1-9 digits, a PMCID "PMC" and 1-9 digits, a DOI
 * "10.NNNN/..." of printable ASCII (percent-encoded in the URL). */
bool tm_html_pmid_url(struct tm_buf *b, const char *pmid);
bool tm_html_pmcid_url(struct tm_buf *b, const char *pmcid);
bool tm_html_doi_url(struct tm_buf *b, const char *doi);

#endif
