/* SPDX-License-Identifier: MIT */
/*
 * emit: the last stage.  Writes records as JSON Lines, CSV (RFC 4180) or
 * TSV, and documents as JSON, to a caller's FILE *.  Every string is
 * escaped for its format; invalid UTF-8 never reaches the output raw (it
 * becomes U+FFFD).  Write errors are reported, never ignored.
 */
#ifndef TM_EMIT_H
#define TM_EMIT_H

#include <stdbool.h>
#include <stdio.h>

#include "buf.h"
#include "doc.h"
#include "err.h"
#include "record.h"

enum tm_format { TM_FMT_JSONL, TM_FMT_CSV, TM_FMT_TSV, TM_FMT_BIOC };

/* CSV text cells starting with = + - @, a tab or a CR are formulas to
 * Excel and LibreOffice.  SAFE (the default) writes them with a leading
 * ' so a spreadsheet shows them as text; numbers are never touched, so
 * R still reads numeric columns (negative ones too) as numbers.  RAW
 * writes every cell as it is. */
enum tm_csv_mode { TM_CSV_SAFE, TM_CSV_RAW };

struct tm_emitter {
    enum tm_format fmt;
    FILE *out;        /* borrowed */
    const char *name; /* for error messages ("stdout", a path) */
    bool header_done;
    enum tm_csv_mode csv; /* TM_CSV_SAFE after init */
    struct tm_buf line;   /* reused for every line */
};

/* Parse "jsonl", "csv", "tsv" or "bioc"; returns false for anything
 * else. */
bool tm_format_parse(const char *s, enum tm_format *out);

void tm_emit_init(struct tm_emitter *em, FILE *out, const char *name,
                  enum tm_format fmt);
/* Write one record (and the CSV/TSV header before the first). */
enum tm_status tm_emit_record(struct tm_emitter *em, const struct tm_record *r,
                              struct tm_err *err);
/* Write one document's records (internal types, "_...", skipped): a line
 * per record, or for BioC one document object with a passage per section
 * and an annotation per record.  BioC offsets are in Unicode code points
 * (as BioC and PubTator tools count), the byte offsets are kept in each
 * annotation's infons (byte_start, byte_end). */
enum tm_status tm_emit_doc_records(struct tm_emitter *em,
                                   const struct tm_doc *doc,
                                   const struct tm_records *recs,
                                   struct tm_err *err);
/* Write the CSV/TSV header if no record was written (for BioC, close the
 * collection), flush, and report any write error on the stream. */
enum tm_status tm_emit_finish(struct tm_emitter *em, struct tm_err *err);
void tm_emit_clear(struct tm_emitter *em);

/* Write one document as a JSON object on one line ("Documents" in the
 * spec). */
enum tm_status tm_emit_doc_json(FILE *out, const char *name,
                                const struct tm_doc *d, struct tm_err *err);

/* Append s[0..len) to b as a JSON string literal, quotes included. */
void tm_json_string(struct tm_buf *b, const char *s, size_t len);
/* Append v as the shortest JSON number that reads back as v. */
void tm_json_number(struct tm_buf *b, double v);
/* Append the text s[0..len) as an RFC 4180 field (quoted only when
 * needed), guarded against formulas unless mode is TM_CSV_RAW. */
void tm_csv_field(struct tm_buf *b, const char *s, size_t len,
                  enum tm_csv_mode mode);

#endif
