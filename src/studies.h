/* SPDX-License-Identifier: MIT */
/*
 * studies: the study-level table for meta-analysis (shared/spec/
 * records.md, "Study table").  Reads one document's records after
 * extraction and attribution, groups them by the study they were
 * attributed to, and writes one CSV row per study and outcome (mortality
 * or survival at a timepoint), or one row without an outcome for a study
 * reported only with its size or dose.  R's read.csv reads the file and
 * metafor's escalc(measure = "RR", ai = events_treatment, n1i =
 * n_treatment, ci = events_control, n2i = n_control) takes it as it is.
 *
 * Which arm a value belongs to comes from arm mentions, internal records
 * of type "_arm" (patterns/arms.pat) whose scope is "treatment" or
 * "control"; failing those, "A% vs B%" is read as treatment vs control and
 * the row says so in its notes.  Events are derived from a percentage
 * and an arm size only when the rounding agrees; every derived or
 * inferred cell is named in notes, and source lists the records used.
 */
#ifndef TM_STUDIES_H
#define TM_STUDIES_H

#include <stdio.h>

#include "doc.h"
#include "emit.h"
#include "err.h"
#include "record.h"
#include "table.h"
#include "trial.h"

struct tm_studies;

/* A table writer on out (borrowed; name is for error messages and is
 * borrowed too).  The header is written before the first row. */
struct tm_studies *tm_studies_new(FILE *out, const char *name);
/* Guard text cells against spreadsheet formulas (TM_CSV_SAFE, the
 * default) or write them raw; see emit.h. */
void tm_studies_set_csv(struct tm_studies *st, enum tm_csv_mode mode);

/* Link a document's values to arms, before they are written: every
 * mortality, survival and per-arm sample size gets its side of the
 * comparison (record fields arm, arm_how) and, when an arm mention named
 * it and the record has no group, the mention's group as written
 * ("placebo", "MSC").  recs are all of the document's records, internal
 * ones included; sentences are doc->text's (split here if no stage has
 * yet).  trial (NULL for none) is the document's trial model: the name
 * of each of its arms, wherever the text says it ("2 deaths in the
 * formoterol group"), is an arm mention too, on the arm's side. */
struct tm_sentences;
void tm_studies_link_arms(const struct tm_doc *doc, struct tm_records *recs,
                          struct tm_sentences *sentences,
                          const struct tm_trial *trial);

/* Write the rows of one document (after tm_studies_link_arms): doc is the
 * document the records were extracted from (its text is what their offsets
 * index), recs all of its records including internal ones, trial the
 * document's trial model (borrowed; NULL for none), which fills the trial
 * columns of the document's own rows, and tables its typed tables
 * (borrowed; NULL for none): each table row of deaths or survival gives
 * one row per treatment arm, its arms matched to the trial's by their
 * column names, and the values in those rows are not read again as
 * prose.  Rows of deaths from any cause come first, then the prose rows,
 * then causes of death and survival rows of tables.  A document whose
 * own study has no row but whose trial model found something gets one
 * row for it.  Fails only on a write error. */
enum tm_status tm_studies_add(struct tm_studies *st, const struct tm_doc *doc,
                              const struct tm_records *recs,
                              const struct tm_trial *trial,
                              const struct tm_tables *tables,
                              struct tm_err *err);

/* Write the header if no row was written, flush, and report any write
 * error on the stream. */
enum tm_status tm_studies_finish(struct tm_studies *st, struct tm_err *err);

/* Number of rows written so far. */
unsigned long tm_studies_rows(const struct tm_studies *st);

void tm_studies_free(struct tm_studies *st);

#endif
