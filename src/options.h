/* SPDX-License-Identifier: MIT */
/*
 * options: the one table of command-line options, as curl's tool keeps
 * it (tool_getparam.c).  Each row gives an option's long name, its
 * letter, its argument, the commands it belongs to and its help text;
 * getopt_long's tables for a command, the option lists of --help and the
 * man page's OPTIONS section are all made from it, so a letter means one
 * thing in every command and help cannot drift from the code.
 */
#ifndef TM_OPTIONS_H
#define TM_OPTIONS_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Commands, as bits: a row says which commands take the option. */
enum tm_cmd {
    TM_CMD_EXTRACT = 1u << 0,
    TM_CMD_STUDIES = 1u << 1,
    TM_CMD_TEXT = 1u << 2,
    TM_CMD_NORMALIZE = 1u << 3,
    TM_CMD_RUN = 1u << 4,
    TM_CMD_FETCH = 1u << 5,
    TM_CMD_EVAL = 1u << 6,
    TM_CMD_PATTERNS = 1u << 7,
    TM_CMD_REPORT = 1u << 8,
    TM_CMD_CORRECTIONS = 1u << 9
};

/* Option ids: an option with a letter is known by its letter ('j'), the
 * others by these values.  getopt returns them. */
enum tm_opt {
    TM_OPT_NO_DEFAULTS = 1000,
    TM_OPT_PROFILE,
    TM_OPT_CSV_RAW,
    TM_OPT_MAX_RECORDS,
    TM_OPT_JSON,
    TM_OPT_FLOORS,
    TM_OPT_SUMMARY,
    TM_OPT_MINDATE,
    TM_OPT_MAXDATE,
    TM_OPT_REFRESH,
    TM_OPT_RETRIES,
    TM_OPT_BACKOFF,
    TM_OPT_TIMEOUT,
    TM_OPT_RATE,
    TM_OPT_EMAIL,
    TM_OPT_BASE_URL,
    TM_OPT_OFFLINE,
    TM_OPT_CORRECTIONS,
    TM_OPT_HITS,
    TM_OPT_OUTDIR
};

/* One row.  A long name may have several rows (their help differs per
 * command), but always the same letter and argument kind. */
struct tm_option {
    int id; /* the letter, or a TM_OPT_* value */
    const char *name;
    const char *arg; /* the argument's name in help ("N"), NULL: none */
    unsigned cmds;   /* TM_CMD_* bits */
    const char *help;
};

/* The table (static storage) and its length. */
const struct tm_option *tm_options(size_t *n);

/* getopt_long's tables for one command, held by value (nothing to
 * free).  TM_OPTIONS_MAX bounds the table's distinct long names. */
#define TM_OPTIONS_MAX 48
struct tm_getopt {
    unsigned cmd;
    char shortopts[64];
    struct option longopts[TM_OPTIONS_MAX + 1];
};

/* Build the tables for cmd (one TM_CMD_* bit) and reset getopt. */
void tm_getopt_init(struct tm_getopt *g, unsigned cmd);

/* The next option of argv, as getopt_long returns it ('?' for an unknown
 * or incomplete option: then why is filled with a message naming it, and
 * saying which option it is when another command has it). */
int tm_getopt_next(struct tm_getopt *g, int argc, char **argv, char *why,
                   size_t why_len);

/* Print the option list of cmd for --help: "  -j, --jobs N  help", with
 * the help wrapped. */
void tm_options_help(FILE *out, unsigned cmd);

/* Print the man page's OPTIONS section (roff) for every option. */
void tm_options_man(FILE *out);

/* Check the table: a letter names one long option, a long option has one
 * letter and one argument kind.  Returns false and fills why if not. */
bool tm_options_check(char *why, size_t why_len);

#endif
