/* SPDX-License-Identifier: MIT */
/*
 * input: open an input file (or standard input), decompress gzip
 * transparently, tell its kind from the content, and deliver its
 * documents one at a time.  A text file is one document whose text is the
 * file itself; XML inputs are handed to the parse stage.
 */
#ifndef TM_INPUT_H
#define TM_INPUT_H

#include <stddef.h>

#include "doc.h"
#include "err.h"

enum tm_input_kind { TM_KIND_TEXT, TM_KIND_PUBMED, TM_KIND_PMC };

/* The largest document accepted (bytes of text); larger ones are
 * reported and skipped.  Big enough for a 100 MB OCR dump. */
#define TM_INPUT_MAX_DOC (512u << 20)

/* Called once per document; the callee may keep nothing from doc past the
 * call (it is cleared afterwards).  A non-OK return stops reading. */
typedef enum tm_status (*tm_doc_fn)(void *ctx, struct tm_doc *doc,
                                    struct tm_err *err);

/* Tell the kind from the first bytes of the (decompressed) content. */
enum tm_input_kind tm_input_sniff(const char *head, size_t len);
const char *tm_input_kind_name(enum tm_input_kind kind);

/*
 * Read path ("-" for standard input) and call fn for each document.
 * Problems with single records are warnings through rep; the return value
 * says whether the input as a whole failed (unreadable, malformed, too
 * large), with err naming the file and, where known, line and record.
 * Documents delivered before a failure stay delivered.
 */
enum tm_status tm_input_read(const char *path, tm_doc_fn fn, void *ctx,
                             struct tm_reporter *rep, struct tm_err *err);

#endif
