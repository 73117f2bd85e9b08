/* SPDX-License-Identifier: MIT */
/*
 * fuzz_common: what the libFuzzer harnesses share: the shipped pattern
 * set, loaded and compiled once per process.
 */
#ifndef TM_FUZZ_COMMON_H
#define TM_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>

#include "pattern.h"

static struct tm_pattern_set *
fuzz_shipped_patterns(void)
{
    static struct tm_pattern_set *set;
    struct tm_err err;
    const char *dir = getenv("TRIALMINE_PATTERN_DIR");

    if (set != NULL)
        return set;
    set = tm_pattern_set_new();
    tm_err_clear(&err);
    if (tm_pattern_set_load_dir(set, dir ? dir : TM_SRCDIR "/patterns", &err) !=
            TM_OK ||
        tm_pattern_set_compile(set, &err) != TM_OK) {
        fprintf(stderr, "fuzz: cannot load the shipped patterns: %s\n",
                err.msg);
        abort();
    }
    return set;
}

#endif
