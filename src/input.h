/* SPDX-License-Identifier: MIT */
/*
 * input: open an input file (or standard input), decompress gzip
 * transparently, tell its kind from the content, and deliver its
 * documents one at a time.  A text file is one document whose text is the
 * file itself; XML inputs are handed to the parse stage.
 */
#ifndef TM_INPUT_H
#define TM_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "err.h"

/* What an input holds, told from its first bytes.  The last four are
 * refused with a message saying what to do instead. */
enum tm_input_kind {
    TM_KIND_TEXT,
    TM_KIND_PUBMED,
    TM_KIND_PMC,
    TM_KIND_BIOC,      /* BioC XML (<collection>) */
    TM_KIND_BIOC_JSON, /* BioC JSON: a collection, a document or a list */
    TM_KIND_HTML,
    TM_KIND_PDF,
    TM_KIND_BINARY, /* NULs, control bytes or invalid UTF-8 */
    /* An XML declaration or DOCTYPE, then no PubMed, PMC or BioC root
     * element: another XML, or a file cut before its root */
    TM_KIND_XML_OTHER
};

/* The largest document accepted (bytes of text); larger ones are
 * reported and skipped.  Big enough for a 100 MB OCR dump. */
#define TM_INPUT_MAX_DOC (512u << 20)

/* Called once per document; the callee may keep nothing from doc past the
 * call (it is cleared afterwards).  A non-OK return stops reading. */
typedef enum tm_status (*tm_doc_fn)(void *ctx, struct tm_doc *doc,
                                    struct tm_err *err);

/* Fill buf with up to len bytes; returns the count, 0 at end, <0 on
 * error. */
typedef long (*tm_read_fn)(void *ctx, char *buf, size_t len);

/* A reader of PubMed and PMC XML other than the parse stage's own (the
 * pipeline's splitter for -j): called with what tm_parse_xml would get. */
typedef enum tm_status (*tm_xml_fn)(void *xctx, const char *path,
                                    const char *head, size_t len,
                                    tm_read_fn read, void *rctx,
                                    struct tm_err *err);

/* How tm_input_read_opts reads. */
struct tm_input_opts {
    /* The first skip records of a PubMed or PMC XML input were delivered
     * by an earlier read: see tm_parse_xml_from. */
    unsigned long skip;
    /* When set, PubMed and PMC XML in UTF-8 goes to xml(xml_ctx, ...)
     * instead of the parse stage. */
    tm_xml_fn xml;
    void *xml_ctx;
    /* When set, the CPU seconds of the thread that inflates a .gz input
     * while it is read are added here (--profile: a serial stage). */
    double *inflate_cpu;
};

/* Tell the kind from the first bytes of the (decompressed, UTF-8)
 * content.  Binary means over a quarter of the bytes are NULs, control
 * characters other than white space, or not UTF-8: Latin-1 or damaged
 * text stays text (its bad bytes become U+FFFD), while random bytes and
 * UTF-16 without a byte order mark are refused. */
enum tm_input_kind tm_input_sniff(const char *head, size_t len);

/* Where the root element starts in the first bytes of an XML input: a
 * BOM, white space, the XML declaration, comments, processing
 * instructions and the DOCTYPE are skipped (quotes and an internal
 * subset's brackets respected).  True with *at the offset of the root's
 * '<', *name_len the length of its name (up to white space, '/' or '>',
 * or head's end), and *subset set when the DOCTYPE has an internal
 * subset; false when head ends first or holds something else. */
bool tm_input_xml_root(const char *head, size_t len, size_t *at,
                       size_t *name_len, bool *subset);
const char *tm_input_kind_name(enum tm_input_kind kind);

/*
 * Read path ("-" for standard input) and call fn for each document.
 * UTF-16 and UTF-32 with a byte order mark are decoded to UTF-8 first
 * (offsets then index the UTF-8 text, which `trialmine text` prints).
 * PDF, HTML and binary inputs fail with TM_ERR_INPUT and a message that
 * says how to convert them; a truncated gzip fails after the documents
 * before the cut were delivered.
 * Problems with single records are warnings through rep; the return value
 * says whether the input as a whole failed (unreadable, malformed, too
 * large), with err naming the file and, where known, line and record.
 * Documents delivered before a failure stay delivered.
 */
enum tm_status tm_input_read(const char *path, tm_doc_fn fn, void *ctx,
                             struct tm_reporter *rep, struct tm_err *err);

/* tm_input_read as opts (NULL: the defaults) say. */
enum tm_status tm_input_read_opts(const char *path, tm_doc_fn fn, void *ctx,
                                  struct tm_reporter *rep,
                                  const struct tm_input_opts *opts,
                                  struct tm_err *err);

#endif
