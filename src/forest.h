/* SPDX-License-Identifier: MIT */
/*
 * forest: a forest plot drawn as inline SVG (see forest.c), for the
 * review page.
 */
#ifndef TM_FOREST_H
#define TM_FOREST_H

#include <stddef.h>

#include "buf.h"

struct tm_forest;

/* A plot of at most max rows (rows past it are counted and said). */
struct tm_forest *tm_forest_new(size_t max);

/* Add a ratio estimate v with its CI [lo, hi] (all positive, lo < hi, or
 * the row is left out), its label and measure ("RR") as text from the
 * table (copied; escaped when drawn), and anchor, the id of the
 * estimate's element in the page (copied; NULL for no link). */
void tm_forest_add(struct tm_forest *f, const char *label, const char *measure,
                   double v, double lo, double hi, const char *anchor);

/* Append the plot (or a sentence saying there is nothing to plot) to b. */
void tm_forest_svg(const struct tm_forest *f, struct tm_buf *b);

void tm_forest_free(struct tm_forest *f);

#endif
