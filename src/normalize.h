/* SPDX-License-Identifier: MIT */
/*
 * normalize: raw document text in, normalized text out, with an offset
 * map so that every span of normalized text maps back to the exact raw
 * bytes, and a list of every repair made (raw offsets, raw bytes,
 * replacement, rule name).
 *
 * Normalization is a sequence of passes.  Each pass looks at the current
 * text and proposes edits (replace bytes [start, end) with new bytes);
 * tm_norm_apply makes the edits, composes the offset map and records the
 * repairs.  The Unicode and layout passes live here (with utf8proc); the
 * OCR rule passes, driven by the pattern files, live in ocr.c and use the
 * same tm_norm_apply.
 */
#ifndef TM_NORMALIZE_H
#define TM_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>

/* A stretch of normalized text and the raw bytes it came from.  In an
 * identity segment offsets map one to one: the bytes are equal, or a
 * same-length substitution made them differ (a line break that became a
 * space, '·' that became '.' is not: lengths differ).  In a replacement
 * segment every offset inside maps to the whole raw span. */
struct tm_norm_seg {
    size_t norm, norm_len;
    size_t raw, raw_len;
    bool identity;
};

struct tm_norm_repair {
    size_t raw_start, raw_end; /* in the raw text given to tm_norm_reset */
    char *replacement;         /* owned, NUL-terminated */
    const char *rule;          /* static or owned by the pattern set */
    bool layout;               /* white space / layout, not a repair of
                                  meaning; not listed on records */
    size_t seq;                /* order of making, for stable sorting */
};

/* A proposed edit of the current text. */
struct tm_norm_edit {
    size_t start, end; /* in the current normalized text */
    const char *repl;  /* borrowed for the call */
    size_t repl_len;
    const char *rule;
    bool layout;
};

struct tm_norm {
    const char *raw; /* borrowed */
    size_t raw_len;
    char *text; /* owned, NUL-terminated, valid UTF-8 after unicode pass */
    size_t len;
    struct tm_norm_seg *segs;
    size_t nsegs, segs_cap;
    struct tm_norm_repair *repairs;
    size_t nrepairs, repairs_cap;
    bool keep_layout; /* also record layout repairs (default: not) */
    /* Lines the layout pass dropped as running heads, and repeated lines
     * it kept because they did not behave like ones; these add up over
     * every text the norm normalizes (tm_norm_reset keeps them). */
    unsigned long running_heads, repeats_kept;
    /* scratch, reused between calls */
    char *tmp;
    size_t tmp_cap;
    struct tm_norm_seg *tmp_segs;
    size_t tmp_segs_cap;
};

void tm_norm_init(struct tm_norm *n);
void tm_norm_clear(struct tm_norm *n);

/* Start over with raw[0..len) (borrowed; must outlive n's use) as the
 * text, mapped to itself, with no repairs. */
void tm_norm_reset(struct tm_norm *n, const char *raw, size_t len);

/* Make the edits (sorted by start, not overlapping) on the current text,
 * compose the offset map and record one repair per edit (layout edits
 * only when keep_layout is set: a long OCR text has millions of line
 * joins, and no record lists them). */
void tm_norm_apply(struct tm_norm *n, const struct tm_norm_edit *edits,
                   size_t nedits);

/* The Unicode pass: invalid UTF-8 to U+FFFD, NFC, compatibility folding
 * of ligatures and full-width forms, superscript digits to ^N,
 * subscript digits to plain digits, special spaces to a space, zero-width
 * characters and soft hyphens removed, control characters to a space,
 * CR LF to LF.  Keeps ×, ±, ≤, ≥, µ, μ, − and other signs of meaning. */
void tm_normalize_unicode(struct tm_norm *n);

/* The layout pass: drop running heads (short lines repeated three or more
 * times that sit where running heads do: at the same place, first or
 * last lines, on three or more pages between form feeds, or, without
 * form feeds, a page's length apart at regular intervals; counted in
 * n->running_heads); a form feed becomes a line break; a blank line stays a
 * paragraph break ("\n\n"); a line break inside a paragraph becomes a space, or
 * is joined: "devas-\ntating" -> "devastating" when both sides are lower-case
 * letters, "UCB-\nMSCs" keeps its hyphen. */
void tm_normalize_layout(struct tm_norm *n);

/* All built-in passes in order (unicode, layout), for callers without
 * OCR rules. */
void tm_normalize(struct tm_norm *n, const char *raw, size_t len);

/* Map a normalized start offset (or an exclusive end offset) to raw. */
size_t tm_norm_raw_start(const struct tm_norm *n, size_t off);
size_t tm_norm_raw_end(const struct tm_norm *n, size_t end);
/* Map a raw offset to the normalized offset of the text it became (the
 * start of the replacement when raw lies inside one). */
size_t tm_norm_from_raw(const struct tm_norm *n, size_t raw);

#endif
