/* SPDX-License-Identifier: MIT */
/*
 * parse: PubMed XML and PMC JATS, streamed through libxml2's SAX2 push
 * parser, one document at a time, with memory bounded by the largest
 * record.  Flattens inline markup into text with meaning kept
 * (<sup>6</sup> -> ^6), records sections, tables, reference lists and
 * citation positions.  Untrusted input: no network, no DTD loading, no
 * entity substitution, libxml2's expansion limits kept.
 */
#ifndef TM_PARSE_H
#define TM_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "err.h"
#include "input.h"

/*
 * Parse an XML input whose first bytes (head, len) were already read;
 * the rest comes from read(rctx).  Each complete document goes to fn.
 * A malformed input stops with TM_ERR_INPUT naming path, line and the
 * record being read; documents before it were delivered.
 */
enum tm_status tm_parse_xml(const char *path, const char *head, size_t len,
                            tm_read_fn read, void *rctx, tm_doc_fn fn,
                            void *ctx, struct tm_reporter *rep,
                            struct tm_err *err);

/* As tm_parse_xml, for a file read again after an earlier read (a split
 * one, see split.h) delivered its first skip records: those are parsed
 * and counted but neither delivered nor warned about, so the documents,
 * warnings and status that follow are the file's own, as a single read
 * gives them. */
enum tm_status tm_parse_xml_from(const char *path, unsigned long skip,
                                 const char *head, size_t len, tm_read_fn read,
                                 void *rctx, tm_doc_fn fn, void *ctx,
                                 struct tm_reporter *rep, struct tm_err *err);

/* The status of a file read whole but for n records skipped as too
 * large (each was named in a warning): TM_OK when n is 0, else
 * TM_ERR_INPUT with "PATH: N records skipped" in err. */
enum tm_status tm_parse_skipped(const char *path, unsigned long n,
                                struct tm_err *err);

/* Ready libxml2 for parsers in several threads at once: call before
 * starting them (once is enough; later calls do nothing). */
void tm_parse_init(void);

/* One record-aligned piece of a file (see split.h), read as the prolog,
 * then len bytes of body, then close (NULL for the file's last piece,
 * which holds its own end). */
struct tm_parse_piece {
    const char *prolog;
    size_t prolog_len;
    const char *body;
    size_t len;
    const char *close;
    unsigned long first; /* records in the file before the piece */
};

/*
 * Parse one piece, delivering its documents to fn numbered as in the
 * whole file.  True when the piece was well-formed to its end; then
 * *nrecords and *nskipped count its records (all, and those skipped as
 * too large, with a warning through rep).  False says nothing of the file
 * (the cut may be false): the caller reads the file again from the
 * piece's first record with tm_parse_xml_from, which gives the file's own
 * message.  Documents delivered before a false return are the caller's to
 * drop.
 */
bool tm_parse_xml_piece(const char *path, const struct tm_parse_piece *pc,
                        tm_doc_fn fn, void *ctx, struct tm_reporter *rep,
                        unsigned long *nrecords, unsigned long *nskipped);

#endif
