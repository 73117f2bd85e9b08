/* SPDX-License-Identifier: MIT */
/*
 * table: a document's tables as typed grids.  parse.c lays each JATS
 * table out on a grid and writes it into the document text, in a section
 * named "table/<id>": the caption, the header rows "H1 | H2", sub-header
 * rows of one cell ("3 months", "Coronary") and one paragraph per body
 * row, "Row label | Column = cell | Column = cell".  This module reads
 * that grid back after extraction and types it with the records found in
 * it (patterns/table.pat, effect.pat, p_value.pat): which rows report
 * deaths or survival, at which timepoint and in which analysis, which
 * columns are arms, and what each arm's cell, the row's effect estimate
 * and its p-value are.  Data flows one way: document text and records
 * in, typed rows out; the study table (studies.c) turns them into rows.
 * No English lives here: the words are in patterns/table.pat.
 */
#ifndef TM_TABLE_H
#define TM_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "record.h"

/* What a body row reports, from its label (or its table's caption). */
enum tm_trow_kind {
    TM_TROW_NONE,
    TM_TROW_ALLCAUSE, /* deaths from any cause */
    TM_TROW_DEATH,    /* a cause of death, or deaths as adverse events */
    TM_TROW_SURVIVAL  /* survival, alive */
};

/* An arm column's cell in a row: its column name as parse.c wrote it
 * ("Simvastatin-allocated (10,269)", "Treatment Group / Allo-200M") and
 * the count it holds (a _tcell record: events, total, percentage). */
struct tm_table_cell {
    char *column;
    const struct tm_record *count; /* borrowed from the records */
    bool control; /* the column's name is a control's ("Placebo", "PBO") */
    long long n;  /* the size its header gives ("PG (n=46)"), or 0 */
};

/* One body row of a table that reports deaths or survival in at least
 * two arm columns. */
struct tm_table_row {
    const char *section; /* "table/T2", borrowed from the document */
    char *label;         /* "Coronary: Acute MI" (sub-header: row label) */
    enum tm_trow_kind kind;
    const char *timepoint; /* "90-day", borrowed from a record, or NULL */
    const char *analysis;  /* "ITT", "per-protocol" or NULL (static) */
    size_t start, end;     /* the row paragraph in the document text */
    struct tm_table_cell *arms;
    size_t narms;
    const struct tm_record *effect; /* the row's estimate with a CI, or NULL */
    /* All the row's estimates in order (effect is the first), for a row
     * of several comparisons, one per column ("A vs C = 0.87 (...) | B vs
     * C = 0.79 (...)"). */
    const struct tm_record **effects;
    size_t neffects;
    /* The control column is the one its comparison columns name ("A vs
     * C"), not a column named as a control: the study table says so. */
    bool control_by_comparison;
    const struct tm_record *p; /* the row's p-value, or NULL */
};

struct tm_tables {
    struct tm_table_row *rows;
    size_t n, cap;
};

void tm_tables_init(struct tm_tables *t);
/* Free what t owns and re-initialise it. */
void tm_tables_clear(struct tm_tables *t);

/* Read the typed rows of doc's tables into t (cleared first).  recs are
 * the document's records, internal ones included; the rows borrow
 * records from it, so it must outlive t's use. */
void tm_tables_read(const struct tm_doc *doc, const struct tm_records *recs,
                    struct tm_tables *t);

/* A table whose caption names one effect measure ("Hazard ratios of total
 * mortality ...", its _tcap records) gives that measure to its cells that
 * print an estimate with its interval and no measure ("= 0.68 (0.52 to
 * 0.88)", _tci records, patterns/effect.pat): each such record whose
 * interval holds its estimate, and that no effect record overlaps,
 * becomes an effect.  Run after extraction, on the document's records. */
void tm_tables_caption_effects(const struct tm_doc *doc,
                               struct tm_records *recs);

/* Does offset off lie in a row of t?  A value there is read by its table
 * row, not by the prose rules of the study table. */
bool tm_tables_covers(const struct tm_tables *t, size_t off);

#endif
