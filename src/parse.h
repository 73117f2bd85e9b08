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

#include <stddef.h>

#include "doc.h"
#include "err.h"
#include "input.h"

/* Fill buf with up to len bytes; returns the count, 0 at end, <0 on
 * error. */
typedef long (*tm_read_fn)(void *ctx, char *buf, size_t len);

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

#endif
