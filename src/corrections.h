/* SPDX-License-Identifier: MIT */
/*
 * corrections: a reviewer's decisions on extracted records, kept in
 * corrections.tsv and applied again on every run.  Each line names a
 * record by its identity (document id, type and raw byte span: what a
 * pattern change or a rerun does not move) and says what to do: accept
 * it as it is, reject it (the record is dropped), or edit one field
 * ("value=22").  The HTML report exports these files; `extract`,
 * `studies`, `run` and `report` apply them (--corrections), and the study
 * table names every cell a correction set in its check column.
 *
 * Format (tab-separated, UTF-8; '#' lines and blank lines are ignored, as
 * is the header line "doc<TAB>type<TAB>span<TAB>..."):
 *
 *   doc  type  START-END  accept|reject|edit  [field=value]  [note]
 *   [reviewer]  [date]
 */
#ifndef TM_CORRECTIONS_H
#define TM_CORRECTIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "doc.h"
#include "err.h"
#include "record.h"

struct tm_corrections;

/* Read and check the file at path.  On success *out owns the set; on
 * failure *out is NULL and err says why: TM_ERR_INPUT for a file that
 * cannot be read, TM_ERR_PATTERN ("path:line: message") for a bad line. */
enum tm_status tm_corrections_load(const char *path,
                                   struct tm_corrections **out,
                                   struct tm_err *err);

/* Apply the corrections naming doc to its records recs (all of them,
 * after extraction): reject removes the record, edit sets the field and
 * marks it (tm_record.corrected), accept marks it.  Several lines on one
 * record apply in file order; a reject wins.  Safe to call from several
 * threads at once: the set is only read, and what matched is recorded
 * under a lock. */
void tm_corrections_apply(struct tm_corrections *cs, const struct tm_doc *doc,
                          struct tm_records *recs);

/* Report each line that matched no record, through fn(ctx, message) with
 * a message "path:line: ..." naming the record; returns their number. */
size_t tm_corrections_unmatched(const struct tm_corrections *cs,
                                void (*fn)(void *ctx, const char *msg),
                                void *ctx);

/* Number of correction lines in the set. */
size_t tm_corrections_count(const struct tm_corrections *cs);

/* One line as read, its strings borrowed from the set. */
struct tm_correction {
    const char *doc, *type;
    size_t start, end;
    const char *action;                 /* "accept", "reject" or "edit" */
    const char *edit;                   /* "field=value" for edit, else "" */
    const char *note, *reviewer, *date; /* "" when not given */
    unsigned long line;
    bool matched; /* by the documents applied so far */
};

/* The i-th line (0 <= i < count) in the order of document, span and
 * type. */
void tm_corrections_get(const struct tm_corrections *cs, size_t i,
                        struct tm_correction *out);

/* Write to out, one line each, every record on which a and b disagree:
 * "doc<TAB>type<TAB>START-END<TAB>A's decision<TAB>B's decision", a
 * decision being the record's actions in a canonical order ("edit
 * value=22; edit events=3"), "-" for none.  Notes, reviewers and dates
 * are not compared.  *ndiff gets the number of lines.  Fails with
 * TM_ERR_IO on a write error (name is out's name). */
enum tm_status tm_corrections_diff(const struct tm_corrections *a,
                                   const struct tm_corrections *b, FILE *out,
                                   const char *name, size_t *ndiff,
                                   struct tm_err *err);

void tm_corrections_free(struct tm_corrections *cs);

#endif
