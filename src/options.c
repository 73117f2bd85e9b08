/* SPDX-License-Identifier: MIT */
/*
 * options: the option table and what is made from it (see options.h).
 *
 * Rows are in the order --help lists them.  Help text is one string per
 * row, wrapped here to 79 columns, so editing it never means re-aligning
 * a column by hand.
 */
#include "config.h"
#include "options.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

#define X TM_CMD_EXTRACT
#define S TM_CMD_STUDIES
#define T TM_CMD_TEXT
#define N TM_CMD_NORMALIZE
#define R TM_CMD_RUN
#define F TM_CMD_FETCH
#define E TM_CMD_EVAL
#define P TM_CMD_PATTERNS
#define H TM_CMD_REPORT
#define C TM_CMD_CORRECTIONS
#define ALL (X | S | T | N | R | F | E | P | H | C)

/* clang-format off */
static const struct tm_option table[] = {
    {'f', "format", "FMT", X,
     "jsonl (default), csv (RFC 4180), tsv, or bioc (BioC JSON: a passage "
     "per section, an annotation per record, offsets in code points; byte "
     "offsets in its infons)"},
    {'o', "output", "FILE", X,
     "write records to FILE (atomically: complete or not at all) instead "
     "of standard output"},
    {TM_OPT_OUTDIR, "outdir", "DIR", X,
     "write DIR/records.jsonl, DIR/records.csv and the study table "
     "DIR/studies.csv in one pass (each atomically; DIR is created if "
     "needed) instead of one format; what a workflow's shard writes "
     "(workflow/Snakefile)"},
    {'o', "output", "FILE", S,
     "write the table to FILE (atomically) instead of standard output"},
    {'o', "output", "FILE", H,
     "write the page to FILE (atomically) instead of standard output"},
    {'o', "output", "DIR", R,
     "where the results go (created if needed): records.jsonl, "
     "records.csv, studies.csv and the review page report.html"},
    {TM_OPT_CORRECTIONS, "corrections", "FILE", X | S | R | H,
     "apply a reviewer's corrections.tsv (doc, type, span, action, "
     "field=value, note, reviewer, date) by record identity; a line that "
     "matches no record is named on standard error and the exit status "
     "is 1"},
    {TM_OPT_OFFLINE, "offline", NULL, R,
     "use the cache alone; fail if anything is missing from it"},
    {TM_OPT_JSON, "json", NULL, T,
     "one JSON object per document (doc, text, sections, source and "
     "metadata)"},
    {'r', "repairs", NULL, N,
     "list each repair instead, tab-separated: doc, section, raw start, "
     "raw end, raw bytes, replacement (both as JSON strings), rule"},
    {'a', "all", NULL, N,
     "with --repairs, include layout changes (line joins, spaces)"},
    {'s', "stats", NULL, N,
     "after the output, how often each repair rule applied and how often "
     "it was refused as implausible; running-head: lines dropped as "
     "running heads, and repeated lines kept"},
    {TM_OPT_FLOORS, "floors", "FILE", E,
     "lines 'TYPE<TAB>MIN_F1': exit 1 if a type scores below its floor"},
    {TM_OPT_SUMMARY, "summary", NULL, E,
     "only the table, not every miss and false hit"},
    {TM_OPT_HITS, "hits", NULL, E,
     "also print every matched record (HIT) with the pattern that made it, "
     "to see which rules earn their keep"},
    {'p', "patterns", "PATH", X | S | N | R | E | P | H,
     "also load pattern files from PATH (a .pat file or a directory); "
     "repeatable.  Paths in $TRIALMINE_PATTERNS (':'-separated) load too"},
    {TM_OPT_NO_DEFAULTS, "no-default-patterns", NULL, X | S | N | E | P | H,
     "do not load the shipped pattern files"},
    {'j', "jobs", "N", X | S | R | H,
     "extract with N threads (default: the number of processors); the "
     "output is the same bytes for any N"},
    {TM_OPT_PROFILE, "profile", NULL, X | S,
     "print where the time went, per stage and per pattern, and the "
     "serial part (the reading thread's share of the CPU) that bounds -j, "
     "to standard error"},
    {TM_OPT_CSV_RAW, "csv-raw", NULL, X | S | R,
     "write CSV text cells as they are; by default a cell starting with "
     "= + - @ (a formula to a spreadsheet) gets a leading '"},
    {TM_OPT_MAX_RECORDS, "max-records", "N", X | S | R | H,
     "at most N records per document (default 50000; 0: no limit); the "
     "rest are dropped with a warning and the exit status is 1, so memory "
     "stays bounded"},
    {'d', "db", "DB", F | R, "pubmed (default) or pmc"},
    {'m', "max", "N", F | R, "at most N records (default: all)"},
    {TM_OPT_MINDATE, "mindate", "DATE", F | R,
     "publication dates from DATE (YYYY[/MM[/DD]]); with --maxdate"},
    {TM_OPT_MAXDATE, "maxdate", "DATE", F | R,
     "publication dates up to DATE; with --mindate"},
    {'c', "cache", "DIR", F | R,
     "the cache (default: $TRIALMINE_CACHE, else "
     "$XDG_CACHE_HOME/trialmine, else ~/.cache/trialmine)"},
    {'b', "batch", "N", F | R, "records per efetch request (default 200)"},
    {TM_OPT_REFRESH, "refresh", NULL, F | R,
     "search again; the cached id list is replaced"},
    {TM_OPT_RETRIES, "retries", "N", F | R, "retries per request (default 5)"},
    {TM_OPT_BACKOFF, "backoff", "SECONDS", F | R,
     "wait before the first retry; doubles (default 1)"},
    {TM_OPT_TIMEOUT, "timeout", "SECONDS", F | R,
     "per request (default 120)"},
    {TM_OPT_RATE, "rate", "N", F | R,
     "requests per second (default 3, or 10 with NCBI_API_KEY)"},
    {TM_OPT_EMAIL, "email", "ADDRESS", F | R,
     "sent to NCBI as asked (or $NCBI_EMAIL)"},
    {TM_OPT_BASE_URL, "base-url", "URL", F | R,
     "E-utilities base (or $TRIALMINE_EUTILS_URL); for mirrors and test "
     "servers"},
    {'q', "quiet", NULL, X | S | H, "do not print warnings"},
    {'q', "quiet", NULL, F | R, "no progress on standard error"},
    {'h', "help", NULL, ALL, "show this help"},
};
/* clang-format on */

static const struct {
    unsigned bit;
    const char *name;
} cmd_names[] = {
    {TM_CMD_EXTRACT, "extract"}, {TM_CMD_STUDIES, "studies"},
    {TM_CMD_TEXT, "text"},       {TM_CMD_NORMALIZE, "normalize"},
    {TM_CMD_RUN, "run"},         {TM_CMD_FETCH, "fetch"},
    {TM_CMD_EVAL, "eval"},       {TM_CMD_PATTERNS, "patterns"},
    {TM_CMD_REPORT, "report"},   {TM_CMD_CORRECTIONS, "corrections"},
};

#define NROWS (sizeof table / sizeof table[0])

const struct tm_option *
tm_options(size_t *n)
{
    *n = NROWS;
    return table;
}

static bool
has_letter(const struct tm_option *o)
{
    return o->id > 0 && o->id < 128;
}

void
tm_getopt_init(struct tm_getopt *g, unsigned cmd)
{
    struct option *lo = g->longopts;
    size_t i, k, n = 0, s = 0;

    memset(lo, 0, sizeof g->longopts);

    g->cmd = cmd;
    /* ':' first: a missing argument is told from an unknown option. */
    g->shortopts[s++] = ':';
    for (i = 0; i < NROWS; i++) {
        const struct tm_option *o = &table[i];
        bool seen = false;

        if (!(o->cmds & cmd))
            continue;
        for (k = 0; k < n && !seen; k++)
            seen = strcmp(lo[k].name, o->name) == 0;
        if (seen || n == TM_OPTIONS_MAX)
            continue;
        lo[n].name = o->name;
        lo[n].has_arg = o->arg != NULL ? required_argument : no_argument;
        lo[n].flag = NULL;
        lo[n].val = o->id;
        n++;
        if (has_letter(o) && s + 3 < sizeof g->shortopts) {
            g->shortopts[s++] = (char)o->id;
            if (o->arg != NULL)
                g->shortopts[s++] = ':';
        }
    }
    g->shortopts[s] = '\0';
    optind = 0;
    opterr = 0;
}

/* The row of a letter or a long name, in any command. */
static const struct tm_option *
find(int letter, const char *name, size_t name_len)
{
    size_t i;

    for (i = 0; i < NROWS; i++) {
        if (letter != 0 && has_letter(&table[i]) && table[i].id == letter)
            return &table[i];
        if (name != NULL && strlen(table[i].name) == name_len &&
            strncmp(table[i].name, name, name_len) == 0)
            return &table[i];
    }
    return NULL;
}

static const char *
cmd_name(unsigned cmd)
{
    size_t i;

    for (i = 0; i < sizeof cmd_names / sizeof cmd_names[0]; i++) {
        if (cmd_names[i].bit == cmd)
            return cmd_names[i].name;
    }
    return "trialmine";
}

int
tm_getopt_next(struct tm_getopt *g, int argc, char **argv, char *why,
               size_t why_len)
{
    int opt = getopt_long(argc, argv, g->shortopts, g->longopts, NULL);
    const char *arg;
    const struct tm_option *o;

    if (opt != '?' && opt != ':')
        return opt;
    /* What was given: the word getopt stopped at. */
    arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
    if (opt == ':') {
        snprintf(why, why_len, "%s: option '%s' needs an argument",
                 cmd_name(g->cmd), arg);
        return '?';
    }
    if (optopt != 0)
        o = find(optopt, NULL, 0);
    else if (strncmp(arg, "--", 2) == 0)
        o = find(0, arg + 2, strcspn(arg + 2, "="));
    else
        o = NULL;
    if (o != NULL && !(o->cmds & g->cmd)) {
        if (has_letter(o))
            snprintf(why, why_len, "%s: -%c (--%s) is not an option of %s",
                     cmd_name(g->cmd), o->id, o->name, cmd_name(g->cmd));
        else
            snprintf(why, why_len, "%s: --%s is not an option of %s",
                     cmd_name(g->cmd), o->name, cmd_name(g->cmd));
    } else if (optopt != 0) {
        snprintf(why, why_len, "%s: unknown option '-%c'", cmd_name(g->cmd),
                 optopt);
    } else {
        snprintf(why, why_len, "%s: unknown or incomplete option '%s'",
                 cmd_name(g->cmd), arg);
    }
    return '?';
}

/* Write text from column col, wrapped before width, later lines from
 * column indent. */
static void
wrap(FILE *out, const char *text, size_t col, size_t indent, size_t width)
{
    const char *p = text;

    while (*p != '\0') {
        size_t room = width > col ? width - col : 20, n = strlen(p), cut;

        if (n > room) {
            cut = room;
            while (cut > 0 && p[cut] != ' ')
                cut--;
            if (cut == 0)
                cut = strcspn(p, " ");
            n = cut;
        }
        fprintf(out, "%.*s\n", (int)n, p);
        p += n;
        while (*p == ' ')
            p++;
        if (*p != '\0')
            fprintf(out, "%*s", (int)indent, "");
        col = indent;
    }
}

#define HELP_COL 26

void
tm_options_help(FILE *out, unsigned cmd)
{
    size_t i;

    for (i = 0; i < NROWS; i++) {
        const struct tm_option *o = &table[i];
        int len;

        if (!(o->cmds & cmd))
            continue;
        if (has_letter(o))
            len = fprintf(out, "  -%c, --%s", o->id, o->name);
        else
            len = fprintf(out, "      --%s", o->name);
        if (o->arg != NULL)
            len += fprintf(out, " %s", o->arg);
        if (len < HELP_COL - 1) {
            fprintf(out, "%*s", HELP_COL - len, "");
            len = HELP_COL;
        } else {
            fputs("  ", out);
            len += 2;
        }
        wrap(out, o->help, (size_t)len, HELP_COL, 79);
    }
}

/* Roff: escape backslashes and leading dots/quotes, and '-' as \-. */
static void
roff(FILE *out, const char *s)
{
    for (; *s != '\0'; s++) {
        if (*s == '\\')
            fputs("\\e", out);
        else if (*s == '-')
            fputs("\\-", out);
        else if (*s == '\'')
            fputs("\\(aq", out);
        else
            fputc(*s, out);
    }
}

void
tm_options_man(FILE *out)
{
    size_t i, k;

    for (i = 0; i < NROWS; i++) {
        const struct tm_option *o = &table[i];
        bool first = true;

        fputs(".TP\n", out);
        if (has_letter(o))
            fprintf(out, "\\fB\\-%c\\fR, ", o->id);
        fputs("\\fB\\-\\-", out);
        roff(out, o->name);
        fputs("\\fR", out);
        if (o->arg != NULL)
            fprintf(out, " \\fI%s\\fR", o->arg);
        fputs("\n", out);
        roff(out, o->help);
        fputs(" (", out);
        for (k = 0; k < sizeof cmd_names / sizeof cmd_names[0]; k++) {
            if (!(o->cmds & cmd_names[k].bit))
                continue;
            fprintf(out, "%s%s", first ? "" : ", ", cmd_names[k].name);
            first = false;
        }
        fputs(")\n", out);
    }
}

bool
tm_options_check(char *why, size_t why_len)
{
    size_t i, k;

    if (NROWS > TM_OPTIONS_MAX) {
        snprintf(why, why_len, "more rows than TM_OPTIONS_MAX");
        return false;
    }
    for (i = 0; i < NROWS; i++) {
        for (k = i + 1; k < NROWS; k++) {
            const struct tm_option *a = &table[i], *b = &table[k];
            bool same_name = strcmp(a->name, b->name) == 0;

            if (has_letter(a) && has_letter(b) && a->id == b->id &&
                !same_name) {
                snprintf(why, why_len, "-%c is both --%s and --%s", a->id,
                         a->name, b->name);
                return false;
            }
            if (same_name &&
                (a->id != b->id || (a->arg == NULL) != (b->arg == NULL))) {
                snprintf(why, why_len, "--%s has two letters or arguments",
                         a->name);
                return false;
            }
            if (same_name && (a->cmds & b->cmds)) {
                snprintf(why, why_len, "--%s has two rows for one command",
                         a->name);
                return false;
            }
        }
    }
    return true;
}
