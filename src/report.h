/* SPDX-License-Identifier: MIT */
/*
 * report: the HTML verification page (`trialmine report`, and
 * DIR/report.html of `run`).  One self-contained static file: the study
 * table on top, every cell a link to the span it came from; a forest plot
 * drawn as inline SVG from the table's effect estimates; then each
 * document's text with every record highlighted at its raw byte offsets
 * (an element with data-type, data-start and data-end), repairs on hover,
 * filters, counts, and a review panel whose decisions export as
 * corrections.tsv (corrections.h).  Inline CSS and JavaScript only:
 * nothing is fetched from the network, and the page's
 * Content-Security-Policy allows no script or style but its own (by
 * SHA-256).  Every string from a paper is
 * escaped; links are built only from validated identifiers.
 *
 * Documents are rendered as they come and kept in temporary files, so
 * memory is bounded by one document (and the study table's rows, which
 * are small) whatever the number of documents.
 */
#ifndef TM_REPORT_H
#define TM_REPORT_H

#include <stdio.h>

#include "doc.h"
#include "err.h"
#include "record.h"
#include "table.h"
#include "trial.h"

struct tm_report;

/* A report titled title (copied; "trialmine report" when NULL).  NULL
 * with err set when no temporary file can be made (TM_ERR_IO). */
struct tm_report *tm_report_new(const char *title, struct tm_err *err);

/* Add one document after its records, trial model and tables are built
 * (as tm_studies_add takes them; all borrowed for the call): its study
 * rows go to the table, its text with its records to the body.  Fails
 * only on a write error to the temporary files. */
enum tm_status tm_report_add(struct tm_report *rp, const struct tm_doc *doc,
                             const struct tm_records *recs,
                             const struct tm_trial *trial,
                             const struct tm_tables *tables,
                             struct tm_err *err);

/* Write the whole page to out (borrowed; name for messages).  Call once,
 * after the last document.  Fails with TM_ERR_IO on a write error. */
enum tm_status tm_report_write(struct tm_report *rp, FILE *out,
                               const char *name, struct tm_err *err);

/* The corrections the run applied (borrowed; must outlive the report
 * until tm_report_write): the page starts with them as the reviewer's
 * decisions, so an export keeps them (rejected records included, which
 * the page no longer shows). */
struct tm_corrections;
void tm_report_set_corrections(struct tm_report *rp,
                               const struct tm_corrections *cs);

/* Documents and records added so far. */
unsigned long tm_report_docs(const struct tm_report *rp);

void tm_report_free(struct tm_report *rp);

#endif
