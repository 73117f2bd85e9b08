/* SPDX-License-Identifier: MIT */
/*
 * bioc: BioC collections (the XML and JSON that PubTator and the BioC
 * tools export) read as documents.  Each passage becomes a section named
 * by its "type" infon, placed in the document text at its own offset:
 * the gap before it is filled with newlines, so the code-point offsets
 * of `extract -f bioc` are the offsets of the input, and byte offsets
 * (start, end) index the text `trialmine text` prints.
 */
#ifndef TM_BIOC_H
#define TM_BIOC_H

#include <stddef.h>

#include "doc.h"
#include "err.h"
#include "input.h"
#include "parse.h"

/* Passages further than this (code points) beyond the text before them
 * are placed right after it, with a warning: offsets then differ. */
#define TM_BIOC_MAX_GAP (1u << 20)

/*
 * Read a BioC JSON input held in memory (s, len): a collection
 * ({"documents": [...]}), one document ({"passages": [...]}) or a list
 * of either, as PubTator's exports are.  Calls fn per document.  A
 * passage whose offset overlaps the text before it is placed after it
 * with a warning through rep.  Malformed JSON fails with TM_ERR_INPUT
 * naming path, line and column; documents before it were delivered.
 */
enum tm_status tm_bioc_read_json(const char *path, const char *s, size_t len,
                                 tm_doc_fn fn, void *ctx,
                                 struct tm_reporter *rep, struct tm_err *err);

/*
 * Read BioC XML (<collection>) whose first bytes (head, len) were read
 * and the rest comes from read(rctx), with libxml2's streaming reader
 * under the same rules as the PubMed parser: no network, no DTD, no
 * entity expansion, at most 256 levels.  Errors as tm_bioc_read_json.
 */
enum tm_status tm_bioc_read_xml(const char *path, const char *head, size_t len,
                                tm_read_fn read, void *rctx, tm_doc_fn fn,
                                void *ctx, struct tm_reporter *rep,
                                struct tm_err *err);

#endif
