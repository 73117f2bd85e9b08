/* SPDX-License-Identifier: MIT */
/*
 * settings: where trialmine finds its data, from the environment and the
 * build.  (Named settings, not config, because config.h is autoconf's.)
 */
#ifndef TM_SETTINGS_H
#define TM_SETTINGS_H

#include "doc.h"

/* The shipped pattern directory: $TRIALMINE_PATTERN_DIR if set; else,
 * for the build tree's own src/trialmine, the source tree's patterns/;
 * else the installed $(pkgdatadir)/patterns, or the source tree's when
 * nothing is installed. */
const char *tm_settings_shipped_patterns(void);

/* Append the user pattern paths of $TRIALMINE_PATTERNS (a ':'-separated
 * list; empty entries ignored) to out. */
void tm_settings_user_patterns(struct tm_strv *out);

/* False when $TRIALMINE_NO_JIT is set: PCRE2's JIT code reads whole
 * vectors past a subject's end on purpose, which valgrind reports. */
int tm_settings_jit(void);

#endif
