/* SPDX-License-Identifier: MIT */
/*
 * clock: seconds on the monotonic clock, for rate limits (eutils) and
 * profiles (extract, pipeline).
 */
#ifndef TM_CLOCK_H
#define TM_CLOCK_H

#include <time.h>

static inline double
tm_monotonic_seconds(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

#endif
