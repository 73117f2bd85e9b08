/* SPDX-License-Identifier: MIT */
/*
 * cli: the command line.  Parses argv into settings, runs a subcommand,
 * prints diagnostics (one line each: "trialmine: ..."), and maps statuses
 * to exit codes: 0 ok; 1 an input failed; 2 usage; 3 pattern or
 * configuration error; 4 output, file system or network error; 130
 * interrupted by SIGINT or SIGTERM.
 */
#ifndef TM_CLI_H
#define TM_CLI_H

#include <stdio.h>

enum {
    TM_EXIT_OK = 0,
    TM_EXIT_INPUT = 1,
    TM_EXIT_USAGE = 2,
    TM_EXIT_PATTERN = 3,
    TM_EXIT_IO = 4,
    TM_EXIT_INTERRUPTED = 130 /* SIGINT or SIGTERM during fetch or run */
};

/* Run trialmine with argv, writing results to out and diagnostics to
 * errout.  Returns the exit status. */
int tm_cli_main(int argc, char **argv, FILE *out, FILE *errout);

#endif
