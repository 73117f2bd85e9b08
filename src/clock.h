/* SPDX-License-Identifier: MIT */
/*
 * clock: seconds on the monotonic clock, for rate limits (eutils) and
 * profiles (extract, pipeline); CPU seconds of the calling thread and of
 * the process, for the profile's serial fraction.
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

static inline double
tm_cpu_seconds(clockid_t which)
{
    struct timespec ts;

    if (clock_gettime(which, &ts) != 0)
        return 0;
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU time of the calling thread, and of the whole process. */
static inline double
tm_thread_cpu_seconds(void)
{
    return tm_cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
}

static inline double
tm_process_cpu_seconds(void)
{
    return tm_cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);
}

#endif
