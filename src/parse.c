/* SPDX-License-Identifier: MIT */
/*
 * parse: XML inputs (PubMed, PMC JATS).
 */
#include "config.h"
#include "parse.h"

enum tm_status
tm_parse_xml(const char *path, const char *head, size_t len, tm_read_fn read,
             void *rctx, tm_doc_fn fn, void *ctx, struct tm_reporter *rep,
             struct tm_err *err)
{
    (void)head;
    (void)len;
    (void)read;
    (void)rctx;
    (void)fn;
    (void)ctx;
    (void)rep;
    return tm_err_set(err, TM_ERR_INPUT,
                      "%s: XML input is not supported by this build", path);
}
