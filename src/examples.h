/* SPDX-License-Identifier: MIT */
/*
 * examples: run the pattern set's inline examples through a pipeline.
 */
#ifndef TM_EXAMPLES_H
#define TM_EXAMPLES_H

#include <stddef.h>

#include "pipeline.h"

/* Run every inline example of pl's pattern set: a pattern's through
 * extraction (it must, or for a negative must not, yield a record of its
 * type with the expected fields), a repair's through normalization.  Each
 * failure is reported through fail(ctx, message), naming the file, line
 * and pattern.  Returns the number of failures; *total gets the number of
 * examples run. */
size_t tm_examples_run(struct tm_pipeline *pl,
                       void (*fail)(void *ctx, const char *msg), void *ctx,
                       size_t *total);

#endif
