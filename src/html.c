/* SPDX-License-Identifier: MIT */
/*
 * html: text from papers into HTML, for the review page (report.c).
 * Everything a paper (or a corrections file) says is untrusted: it is
 * escaped for text or for a double-quoted attribute, never trusted to be
 * valid UTF-8, and never allowed to reorder the page with bidirectional
 * controls.  Links are made only from identifiers that validate, so no
 * input can choose a URL's scheme.
 */
#include "config.h"
#include "html.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

static bool
is_bidi_control(int32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static void
html_escape(struct tm_buf *b, const char *s, size_t len, bool attr)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0;

    /* Copy runs of plain bytes at once: most text needs no escaping. */
    while (i < len) {
        unsigned char c = p[i];
        int32_t cp = 0;
        size_t n;

        if (c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != '>' &&
            c != '"' && c != '\'') {
            i++;
            run++;
            continue;
        }
        tm_buf_append(b, p + i - run, run);
        run = 0;
        if (c >= 0x80) {
            n = tm_utf8_decode(p + i, len - i, &cp);
            if (n == 0) {
                tm_buf_puts(b, "\xEF\xBF\xBD"); /* U+FFFD */
                i++;
            } else if (is_bidi_control(cp)) {
                tm_buf_printf(b, "[U+%04X]", (unsigned)cp);
                i += n;
            } else {
                tm_buf_append(b, p + i, n);
                i += n;
            }
            continue;
        }
        switch (c) {
        case '&':
            tm_buf_puts(b, "&amp;");
            break;
        case '<':
            tm_buf_puts(b, "&lt;");
            break;
        case '>':
            tm_buf_puts(b, "&gt;");
            break;
        case '"':
            tm_buf_puts(b, "&quot;");
            break;
        case '\'':
            tm_buf_puts(b, "&#39;");
            break;
        case '\n':
            tm_buf_puts(b, attr ? "&#10;" : "\n");
            break;
        case '\t':
            tm_buf_puts(b, attr ? "&#9;" : "\t");
            break;
        default:
            tm_buf_puts(b, "\xEF\xBF\xBD"); /* a C0 control */
            break;
        }
        i++;
    }
    tm_buf_append(b, p + i - run, run);
}

void
tm_html_text(struct tm_buf *b, const char *s, size_t len)
{
    html_escape(b, s, len, false);
}

void
tm_html_attr(struct tm_buf *b, const char *s, size_t len)
{
    html_escape(b, s, len, true);
}

static bool
digits(const char *s, size_t min, size_t max)
{
    size_t n = 0;

    while (s[n] >= '0' && s[n] <= '9')
        n++;
    return s[n] == '\0' && n >= min && n <= max;
}

bool
tm_html_pmid_url(struct tm_buf *b, const char *pmid)
{
    if (pmid == NULL || !digits(pmid, 1, 9))
        return false;
    tm_buf_printf(b, "https://pubmed.ncbi.nlm.nih.gov/%s/", pmid);
    return true;
}

bool
tm_html_pmcid_url(struct tm_buf *b, const char *pmcid)
{
    if (pmcid == NULL || strncmp(pmcid, "PMC", 3) != 0 ||
        !digits(pmcid + 3, 1, 9))
        return false;
    tm_buf_printf(b, "https://www.ncbi.nlm.nih.gov/pmc/articles/%s/", pmcid);
    return true;
}

bool
tm_html_doi_url(struct tm_buf *b, const char *doi)
{
    size_t i, n;

    /* "10." then a registrant code of digits (and dots), a slash and a
     * suffix of printable ASCII: the DOI Handbook's syntax, narrowed to
     * what can be put in a URL without guessing. */
    if (doi == NULL || strncmp(doi, "10.", 3) != 0)
        return false;
    for (n = 3; (doi[n] >= '0' && doi[n] <= '9') || doi[n] == '.'; n++)
        ;
    if (n < 7 || doi[n] != '/' || doi[n + 1] == '\0' || strlen(doi) > 300)
        return false;
    for (i = 0; doi[i] != '\0'; i++)
        if ((unsigned char)doi[i] <= 0x20 || (unsigned char)doi[i] >= 0x7F)
            return false;
    tm_buf_puts(b, "https://doi.org/");
    for (i = 0; doi[i] != '\0'; i++) {
        unsigned char c = (unsigned char)doi[i];

        /* Unreserved characters and the path's / go as they are; the
         * rest percent-encoded, so no quote, < or & reaches the
         * attribute and no ? or # changes what the URL names. */
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
            c == '~' || c == '/')
            tm_buf_putc(b, (char)c);
        else
            tm_buf_printf(b, "%%%02X", c);
    }
    return true;
}
