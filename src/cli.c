/* SPDX-License-Identifier: MIT */
/*
 * cli: subcommands, options, help, and exit codes.
 *
 * Each subcommand is a function taking (argc, argv) after the subcommand
 * name and an output context.  Its options, and the option list of its
 * help, come from the one option table (options.c), parsed by
 * getopt_long with its own messages silenced, so that every error is one
 * line in our format, naming the option or file.
 */
#include "config.h"
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "emit.h"
#include "err.h"
#include "eval.h"
#include "examples.h"
#include "eutils.h"
#include "http.h"
#include "input.h"
#include "normalize.h"
#include "options.h"
#include "outfile.h"
#include "ocr.h"
#include "pattern.h"
#include "pipeline.h"
#include "settings.h"
#include "corrections.h"
#include "report.h"
#include "studies.h"

/* Set by SIGINT/SIGTERM; long commands stop at the next safe point, leave
 * complete cache files and no partial output file.  (The one global: a
 * signal handler can reach nothing else.) */
static volatile sig_atomic_t interrupted;

static void
on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

/* extract and studies: remove the open temporary output files and die of
 * the signal, so the exit status says what happened (130, 143).  A
 * signal ignored at start (a background job of a script, nohup) stays
 * ignored. */
static void
on_fatal_signal(int sig)
{
    tm_outfile_unlink_all();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void
cleanup_on_signals(void)
{
    /* SIGABRT: "out of memory" aborts, and must not leave FILE.tmp.* */
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGABRT};
    struct sigaction sa, old;
    size_t i;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
    }
}

static void
catch_signals(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

struct cli {
    FILE *out, *err;
    const char *cmd; /* "extract", "patterns check", ... */
};

static void error_line(struct cli *c, const char *fmt, ...) TM_PRINTF(2, 3);

static void
error_line(struct cli *c, const char *fmt, ...)
{
    va_list ap;

    fputs("trialmine: ", c->err);
    va_start(ap, fmt);
    vfprintf(c->err, fmt, ap);
    va_end(ap);
    fputc('\n', c->err);
}

static int usage_error(struct cli *c, const char *fmt, ...) TM_PRINTF(2, 3);

static int
usage_error(struct cli *c, const char *fmt, ...)
{
    va_list ap;

    fputs("trialmine: ", c->err);
    va_start(ap, fmt);
    vfprintf(c->err, fmt, ap);
    va_end(ap);
    fputc('\n', c->err);
    fprintf(c->err, "trialmine: hint: try 'trialmine %s --help'\n", c->cmd);
    return TM_EXIT_USAGE;
}

static void
print_warning(void *ctx, const char *msg)
{
    struct cli *c = ctx;

    fprintf(c->err, "trialmine: warning: %s\n", msg);
}

/* ------------------------------------------------------------------ */
/* Help                                                                */
/* ------------------------------------------------------------------ */

static const char main_help[] =
    "Usage: trialmine COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Extract sample sizes, doses, mortality and p-values from trial reports\n"
    "(plain or OCR'd text, PubMed XML, PMC JATS; gzip welcome), with the\n"
    "byte offsets of every value, for systematic reviews and meta-analyses.\n"
    "\n"
    "Commands:\n"
    "  extract FILE...      extract records as JSON Lines, CSV or TSV\n"
    "  studies FILE...      the study-level table (CSV) for meta-analysis\n"
    "  report FILE...       the HTML review page: table, plot, highlighted "
    "text\n"
    "  corrections diff A B where two reviewers' corrections.tsv disagree\n"
    "  text FILE...         print each document's text as offsets see it\n"
    "  normalize FILE...    print the normalized text, or --repairs made\n"
    "  run QUERY -o DIR     fetch a PubMed/PMC search and extract from it\n"
    "  fetch QUERY          fetch a search into the cache (E-utilities)\n"
    "  eval GOLD_DIR...     precision and recall against gold annotations\n"
    "  patterns check [PATH...]  check pattern files for errors\n"
    "  patterns test [PATH...]   run the pattern files' inline examples\n"
    "  help [COMMAND]       show help for a command\n"
    "\n"
    "Options:\n"
    "  -h, --help           show this help\n"
    "  -V, --version        show the version and the pattern directory\n"
    "\n"
    "Exit status: 0 ok; 1 an input could not be read; 2 usage error;\n"
    "3 pattern or configuration error; 4 output, file system or network\n"
    "error; 130 interrupted (a rerun of fetch or run resumes).\n"
    "Run 'trialmine COMMAND --help' for a command's options.\n";

static const char extract_head[] =
    "Usage: trialmine extract [OPTIONS] FILE...\n"
    "\n"
    "Read each FILE ('-' for standard input): plain text, PubMed XML or PMC\n"
    "JATS, optionally gzip-compressed; the kind is told from the content.\n"
    "Run the pattern files over each document and write one record per\n"
    "extracted value.  Offsets (start, end) are UTF-8 byte offsets into the\n"
    "document text: for a text file, the file itself.\n"
    "\n";

static const char extract_tail[] =
    "A file that cannot be read is reported and skipped; the others are\n"
    "still extracted, and the exit status is then 1.\n";

static const char studies_head[] =
    "Usage: trialmine studies [OPTIONS] FILE...\n"
    "\n"
    "Extract from each FILE as 'trialmine extract' does and write the\n"
    "study-level table: one CSV row per study and outcome (mortality or\n"
    "survival, per timepoint), with events and sizes per arm, the p-value\n"
    "of the comparison and the dose.  R reads it with read.csv, and\n"
    "metafor::escalc(measure = \"RR\", ai = events_treatment, n1i =\n"
    "n_treatment, ci = events_control, n2i = n_control, data = d) takes it\n"
    "as it is (see examples/meta-analysis.R).  A study is who the values\n"
    "were attributed to: a cited trial in a review, or the document itself.\n"
    "Arms come from arm names (patterns/arms.pat) or, for 'A% vs B%', from\n"
    "the order (noted in the notes column); events derived from a\n"
    "percentage are noted too.  source lists the records used, as\n"
    "type@start-end offsets into the document.  The last columns are the\n"
    "document's trial (patterns/trial.pat): study_label, registry_id,\n"
    "design (a review or meta-analysis is not a primary study),\n"
    "treatment_label, control_label (the control is the arm that receives\n"
    "placebo, sham, usual care ..., never the one written second),\n"
    "n_randomized_total, n_randomized_treatment, n_randomized_control.\n"
    "\n";

static const char studies_tail[] = "";

static const char report_head[] =
    "Usage: trialmine report [OPTIONS] FILE...\n"
    "\n"
    "Extract from each FILE as 'trialmine extract' does and write one\n"
    "self-contained HTML page for checking the results (nothing in it is\n"
    "fetched from the network): the study table, each cell a link to the\n"
    "span it came from and flagged cells marked; a forest plot of the\n"
    "table's ratio estimates (log scale); each document's text with every\n"
    "record highlighted at its byte offsets (an element with data-type,\n"
    "data-start and data-end), repairs shown on hover; filters by type,\n"
    "flag and document.  A reviewer can accept, reject or edit a value and\n"
    "export the decisions as corrections.tsv, which --corrections applies\n"
    "on the next run.\n"
    "\n";

static const char report_tail[] = "";

static const char corrections_head[] =
    "Usage: trialmine corrections diff A.tsv B.tsv\n"
    "\n"
    "List the records on which two reviewers' corrections files disagree,\n"
    "one line each: doc, type, START-END, A's decision, B's decision ('-'\n"
    "for none).  Notes, reviewers and dates are not compared.  Exit status\n"
    "0 when they agree, 1 when they do not, 3 for a bad line (named with\n"
    "its file and line).\n"
    "\n";

static const char corrections_tail[] = "";

static const char text_head[] =
    "Usage: trialmine text [OPTIONS] FILE...\n"
    "\n"
    "Print each document's text exactly as record offsets refer to it,\n"
    "after a header line '==> DOC <=='.\n"
    "\n";

static const char text_tail[] = "";

static const char normalize_head[] =
    "Usage: trialmine normalize [OPTIONS] FILE...\n"
    "\n"
    "Print the text that patterns see: Unicode normalized (NFC, ligatures,\n"
    "superscripts as ^N, special spaces), lines joined into paragraphs,\n"
    "running heads dropped, and OCR damage repaired by the repair rules of\n"
    "the pattern files (1x10 ®cells/kg -> 1×10^6 cells/kg).  Record offsets\n"
    "still index the raw text; every repair is traceable to it.\n"
    "\n";

static const char normalize_tail[] = "";

static const char fetch_head[] =
    "Usage: trialmine fetch [OPTIONS] QUERY\n"
    "\n"
    "Search PubMed or PMC through NCBI E-utilities and download every\n"
    "matching record into the cache, in batches, each written atomically.\n"
    "A rerun downloads only what is missing; an interrupted fetch resumes.\n"
    "The API key is read from $NCBI_API_KEY and sent only in POST bodies:\n"
    "never printed, logged or cached.\n"
    "\n";

static const char fetch_tail[] = "";

static const char run_head[] =
    "Usage: trialmine run [OPTIONS] QUERY -o DIR\n"
    "\n"
    "Fetch QUERY (as trialmine fetch does), then parse, normalize and\n"
    "extract every record and write DIR/records.jsonl, DIR/records.csv\n"
    "and the study table DIR/studies.csv (see trialmine studies --help),\n"
    "and the review page DIR/report.html (see trialmine report --help).\n"
    "Prints a summary: records fetched, documents with extractions, counts\n"
    "per type.  A record that two batches both returned is used once.\n"
    "\n";

static const char run_tail[] = "";

static const char eval_head[] =
    "Usage: trialmine eval [OPTIONS] GOLD_DIR...\n"
    "\n"
    "Extract from the documents of each GOLD_DIR and compare with its\n"
    "gold.tsv (and negatives.tsv), in the format of doc/records.md.\n"
    "Text documents are the files named by doc_id; XML documents (pmid:,\n"
    "pmcid:) are read from the directory's .xml, .nxml and .xml.gz files.\n"
    "The documents live in GOLD_DIR, or where GOLD_DIR/docs.path (one line,\n"
    "relative to GOLD_DIR) says; a directory whose documents are absent is\n"
    "skipped with a notice.  GOLD_DIR/sections.tsv (doc_id TAB section),\n"
    "if present, lists the sections annotated; records elsewhere in those\n"
    "documents are not judged.  Prints every miss and false hit with its\n"
    "context (and SCOPE/TIME lines for a matched value whose scope or\n"
    "timepoint differs), then precision, recall and F1 per type, and how\n"
    "often scope and timepoint are right.\n"
    "\n";

static const char eval_tail[] = "";

static const char patterns_head[] =
    "Usage: trialmine patterns check [OPTIONS] [PATH...]\n"
    "       trialmine patterns test [OPTIONS] [PATH...]\n"
    "\n"
    "check: load and compile the shipped pattern files, the paths of\n"
    "$TRIALMINE_PATTERNS and each PATH, and report every error as\n"
    "FILE:LINE:COLUMN: MESSAGE.\n"
    "test:  also run every inline example and negative example, printing\n"
    "each failure; exits 1 if any fails.\n"
    "\n";

static const char patterns_tail[] = "";

struct command;
static const struct command *find_command(const char *name);
static void print_help_to(FILE *out, const struct command *cmd);
static void print_help(struct cli *c, const char *name);

static void
print_version(struct cli *c)
{
    fprintf(c->out, "trialmine %s\npatterns: %s\n", PACKAGE_VERSION,
            tm_settings_shipped_patterns());
}

/* ------------------------------------------------------------------ */
/* Pattern loading shared by the subcommands                           */
/* ------------------------------------------------------------------ */

struct pattern_opts {
    bool no_defaults;
    struct tm_strv paths; /* --patterns, then positional paths */
};

static enum tm_status
load_path(struct tm_pattern_set *set, const char *path, struct tm_err *err)
{
    struct stat st;

    if (stat(path, &st) != 0)
        return tm_err_set(err, TM_ERR_PATTERN, "%s: %s", path, strerror(errno));
    if (S_ISDIR(st.st_mode))
        return tm_pattern_set_load_dir(set, path, err);
    return tm_pattern_set_load_file(set, path, err);
}

/* Load and compile; on failure print every diagnostic and return NULL. */
static struct tm_pattern_set *
load_patterns(struct cli *c, const struct pattern_opts *po)
{
    struct tm_pattern_set *set = tm_pattern_set_new();
    struct tm_strv env = {NULL, 0, 0};
    struct tm_err err;
    enum tm_status rc = TM_OK, r;
    size_t i;

    tm_err_clear(&err);
    if (!tm_settings_jit()) {
        struct tm_pattern_limits lim = {TM_PATTERN_MATCH_LIMIT,
                                        TM_PATTERN_DEPTH_LIMIT,
                                        TM_PATTERN_HEAP_LIMIT, 1};

        tm_pattern_set_limits(set, &lim);
    }
    if (!po->no_defaults)
        rc = load_path(set, tm_settings_shipped_patterns(), &err);
    tm_settings_user_patterns(&env);
    for (i = 0; i < env.n; i++) {
        r = load_path(set, env.v[i], &err);
        if (rc == TM_OK)
            rc = r;
    }
    tm_strv_clear(&env);
    for (i = 0; i < po->paths.n; i++) {
        r = load_path(set, po->paths.v[i], &err);
        if (rc == TM_OK)
            rc = r;
    }
    /* Compile even after load errors, so that one run reports every
     * mistake in every file. */
    r = tm_pattern_set_compile(set, &err);
    if (rc == TM_OK)
        rc = r;
    if (rc == TM_OK && tm_pattern_set_npatterns(set) == 0)
        rc = tm_err_set(&err, TM_ERR_PATTERN, "no patterns loaded");
    if (rc != TM_OK) {
        size_t n = tm_pattern_set_ndiags(set);

        if (n == 0)
            error_line(c, "pattern: %s", err.msg);
        for (i = 0; i < n; i++)
            error_line(c, "pattern: %s", tm_pattern_set_diag(set, i));
        tm_pattern_set_free(set);
        return NULL;
    }
    return set;
}

/* ------------------------------------------------------------------ */
/* extract                                                             */
/* ------------------------------------------------------------------ */

#define TM_MAX_JOBS 256

/* The default for -j: the processors online. */
static unsigned
default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);

    if (n < 1)
        return 1;
    return n > TM_MAX_JOBS ? TM_MAX_JOBS : (unsigned)n;
}

/* Parse -j's argument: 1..TM_MAX_JOBS. */
static bool
parse_jobs(const char *s, unsigned *out)
{
    char *end;
    unsigned long v;

    errno = 0;
    v = strtoul(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || s[0] == '-' || v < 1 ||
        v > TM_MAX_JOBS)
        return false;
    *out = (unsigned)v;
    return true;
}

/* Parse a count: 0 or more, digits only. */
static bool
parse_count(const char *s, size_t *out)
{
    char *end;
    unsigned long long v;

    errno = 0;
    v = strtoull(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || s[0] == '-' ||
        v > (unsigned long long)SIZE_MAX)
        return false;
    *out = (size_t)v;
    return true;
}

static int
cmp_cost(const void *a, const void *b, void *ctx)
{
    const struct tm_pattern_cost *c = ctx;
    double x = c[*(const size_t *)a].seconds, y = c[*(const size_t *)b].seconds;

    return x < y ? 1 : x > y ? -1 : 0;
}

/* --profile's serial fraction: the reading thread's own work (reading,
 * and parsing unless the workers parse split pieces; handing work out;
 * the in-order output) against all the CPU time the inputs took, and
 * beside it the thread inflating a .gz input.  The two run at once, so
 * the larger bounds what Amdahl's law then allows for -j N. */
static void
print_serial(struct cli *c, const struct tm_pipeline_profile *pr)
{
    double f, g;
    static const unsigned at[] = {2, 16, 64};
    size_t i;

    if (pr->cpu_process <= 0)
        return;
    f = pr->cpu_serial / pr->cpu_process;
    g = pr->cpu_inflate / pr->cpu_process;
    if (f > 1)
        f = 1;
    if (g > 1)
        g = 1;
    if (f <= 0 && g <= 0) {
        fprintf(c->err, "serial: none measured (of %.3f CPU seconds)\n",
                pr->cpu_process);
        return;
    }
    fprintf(c->err,
            "serial: %.3f of %.3f CPU seconds (%.1f%%) on the reading "
            "thread (reading, parsing unless split, hand-out, in-order "
            "output)",
            pr->cpu_serial, pr->cpu_process, 100 * f);
    if (g > 0)
        fprintf(c->err,
                " and %.3f (%.1f%%) inflating .gz input on its own thread",
                pr->cpu_inflate, 100 * g);
    if (g > f)
        f = g;
    fprintf(c->err, "; the rest can run on -j workers, so -j N gains at most");
    for (i = 0; i < sizeof at / sizeof at[0]; i++)
        fprintf(c->err, "%s %.1fx at %u", i == 0 ? "" : ",",
                1 / (f + (1 - f) / at[i]), at[i]);
    fprintf(c->err, "; %.1fx at most (Amdahl)\n", 1 / f);
}

/* --profile: how the workers read XML files (-j N). */
static void
print_split(struct cli *c, const struct tm_pipeline_profile *pr)
{
    if (pr->pieces == 0 && pr->reread == 0)
        return;
    fprintf(c->err,
            "split: %lu piece%s parsed by workers; %lu file%s read again "
            "by one parser from a piece that did not parse as cut\n",
            pr->pieces, pr->pieces == 1 ? "" : "s", pr->reread,
            pr->reread == 1 ? "" : "s");
}

/* --profile: where the time went, per stage and per pattern. */
static void
print_profile(struct cli *c, const struct tm_pipeline *pl, unsigned jobs)
{
    struct tm_pipeline_profile pr;
    size_t *order, i;
    double total;

    tm_pipeline_profile(pl, &pr);
    total = pr.normalize + pr.extract + pr.link + pr.output;
    fprintf(c->err,
            "profile (seconds, summed over %u thread%s; parsing not counted)\n"
            "  normalize %9.3f\n  extract   %9.3f  (patterns, context rules, "
            "records, attribution)\n  link arms %9.3f\n  output    %9.3f\n"
            "  total     %9.3f\n"
            "  regexes   %9zu  (%zu JIT-compiled, %zu bytes of machine code)\n",
            jobs, jobs == 1 ? "" : "s", pr.normalize, pr.extract, pr.link,
            pr.output, total, pr.regexes, pr.jitted, pr.jit_bytes);
    print_serial(c, &pr);
    print_split(c, &pr);
    fprintf(c->err, "\n%-44s %9s %6s %10s %10s %9s\n", "pattern", "seconds",
            "share", "sentences", "skipped", "matches");
    order = tm_xcalloc(pr.npatterns + 1, sizeof *order);
    for (i = 0; i < pr.npatterns; i++)
        order[i] = i;
    qsort_r(order, pr.npatterns, sizeof *order, cmp_cost, pr.patterns);
    for (i = 0; i < pr.npatterns; i++) {
        const struct tm_pattern_cost *pc = &pr.patterns[order[i]];

        if (pc->runs == 0 && pc->skipped == 0)
            continue;
        fprintf(c->err, "%-44s %9.3f %5.1f%% %10lu %10lu %9lu\n",
                tm_pipeline_pattern_id(pl, order[i]), pc->seconds,
                pr.extract > 0 ? 100.0 * pc->seconds / pr.extract : 0.0,
                pc->runs, pc->skipped, pc->matches);
    }
    free(order);
    free(pr.patterns);
}

/* extract (records), studies (the study table) and report (the HTML
 * page) share their options and their loop; mode selects the output. */
enum out_mode { OUT_RECORDS, OUT_TABLE, OUT_REPORT };

static void
print_unmatched(void *ctx, const char *msg)
{
    error_line(ctx, "%s", msg);
}

/* Load --corrections FILE; prints the error and returns its exit status,
 * or TM_EXIT_OK. */
static int
load_corrections(struct cli *c, const char *path, struct tm_corrections **cs)
{
    struct tm_err err;

    *cs = NULL;
    if (path == NULL)
        return TM_EXIT_OK;
    tm_err_clear(&err);
    if (tm_corrections_load(path, cs, &err) == TM_OK)
        return TM_EXIT_OK;
    error_line(c, "corrections: %s", err.msg);
    return err.code == TM_ERR_PATTERN ? TM_EXIT_PATTERN : TM_EXIT_INPUT;
}

/* After the inputs: every correction that matched nothing is named, and
 * makes the exit status 1 (a reviewer's decision was not applied). */
static int
report_unmatched(struct cli *c, const struct tm_corrections *cs, int status)
{
    if (cs != NULL && tm_corrections_unmatched(cs, print_unmatched, c) > 0 &&
        status == TM_EXIT_OK)
        return TM_EXIT_INPUT;
    return status;
}

static int
extract_main(struct cli *c, int argc, char **argv, enum out_mode mode)
{
    bool table = mode == OUT_TABLE;
    const char *corrections = NULL;
    struct tm_corrections *cs = NULL;
    struct tm_report *rp = NULL;
    struct pattern_opts po = {false, {NULL, 0, 0}};
    enum tm_format fmt = TM_FMT_JSONL;
    enum tm_csv_mode csv = TM_CSV_SAFE;
    size_t max_records = TM_PIPELINE_MAX_RECORDS;
    unsigned jobs = default_jobs();
    bool profile = false;
    const char *output = NULL;
    const char *outdir = NULL;
    bool quiet = false;
    struct tm_pattern_set *set = NULL;
    struct tm_pipeline *pl = NULL;
    struct tm_reporter rep = {print_warning, c, 0};
    struct tm_emitter em, cem;
    struct tm_emitter *ems[2] = {&em, &cem};
    size_t nems = mode == OUT_RECORDS ? 1 : 0;
    struct tm_studies *st = NULL;
    const char *cmd = mode == OUT_REPORT ? "report"
                      : table            ? "studies"
                                         : "extract";
    /* of: the one output, or --outdir's records.jsonl; xf: --outdir's
     * records.csv and studies.csv. */
    struct tm_outfile of = {NULL, NULL, NULL},
                      xf[2] = {{NULL, NULL, NULL}, {NULL, NULL, NULL}};
    struct tm_buf paths[3];
    struct tm_err err;
    struct tm_getopt g;
    char why[256];
    int opt, status = TM_EXIT_OK, i;
    bool fmt_given = false;
    enum tm_status rc;

    tm_getopt_init(&g, mode == OUT_REPORT ? TM_CMD_REPORT
                       : table            ? TM_CMD_STUDIES
                                          : TM_CMD_EXTRACT);
    while ((opt = tm_getopt_next(&g, argc, argv, why, sizeof why)) != -1) {
        switch (opt) {
        case 'j':
            if (!parse_jobs(optarg, &jobs)) {
                tm_strv_clear(&po.paths);
                return usage_error(c,
                                   "%s: -j wants a number of threads, 1 "
                                   "to %d, not '%s'",
                                   cmd, TM_MAX_JOBS, optarg);
            }
            break;
        case 'f':
            if (!tm_format_parse(optarg, &fmt)) {
                tm_strv_clear(&po.paths);
                return usage_error(c,
                                   "extract: unknown format '%s' (use "
                                   "jsonl, csv, tsv or bioc)",
                                   optarg);
            }
            fmt_given = true;
            break;
        case 'o':
            output = optarg;
            break;
        case TM_OPT_OUTDIR:
            outdir = optarg;
            break;
        case 'p':
            tm_strv_push(&po.paths, optarg);
            break;
        case TM_OPT_NO_DEFAULTS:
            po.no_defaults = true;
            break;
        case TM_OPT_PROFILE:
            profile = true;
            break;
        case TM_OPT_CSV_RAW:
            csv = TM_CSV_RAW;
            break;
        case TM_OPT_MAX_RECORDS:
            if (!parse_count(optarg, &max_records)) {
                tm_strv_clear(&po.paths);
                return usage_error(c,
                                   "%s: --max-records wants a number of "
                                   "records (0: no limit), not '%s'",
                                   cmd, optarg);
            }
            break;
        case 'q':
            quiet = true;
            break;
        case TM_OPT_CORRECTIONS:
            corrections = optarg;
            break;
        case 'h':
            print_help(c, cmd);
            tm_strv_clear(&po.paths);
            return TM_EXIT_OK;
        default:
            tm_strv_clear(&po.paths);
            return usage_error(c, "%s", why);
        }
    }
    if (optind >= argc) {
        tm_strv_clear(&po.paths);
        return usage_error(c, "%s: no input FILE given", cmd);
    }
    if (outdir != NULL && (output != NULL || fmt_given)) {
        tm_strv_clear(&po.paths);
        return usage_error(c, "extract: --outdir writes its three files; "
                              "it takes neither -o nor -f");
    }
    if (quiet)
        rep.fn = NULL;
    set = load_patterns(c, &po);
    tm_strv_clear(&po.paths);
    if (set == NULL)
        return TM_EXIT_PATTERN;
    if ((status = load_corrections(c, corrections, &cs)) != TM_EXIT_OK) {
        tm_pattern_set_free(set);
        return status;
    }
    tm_err_clear(&err);
    if (mode == OUT_REPORT && (rp = tm_report_new(NULL, &err)) == NULL) {
        error_line(c, "%s", err.msg);
        tm_corrections_free(cs);
        tm_pattern_set_free(set);
        return TM_EXIT_IO;
    }
    cleanup_on_signals();
    for (i = 0; i < 3; i++)
        tm_buf_init(&paths[i], 0);
    if (outdir != NULL) {
        tm_buf_printf(&paths[0], "%s/records.jsonl", outdir);
        tm_buf_printf(&paths[1], "%s/records.csv", outdir);
        tm_buf_printf(&paths[2], "%s/studies.csv", outdir);
        output = paths[0].data;
        fmt = TM_FMT_JSONL;
        nems = 2;
    }
    tm_err_clear(&err);
    if (outdir != NULL && mkdir(outdir, 0777) != 0 && errno != EEXIST)
        tm_err_set(&err, TM_ERR_IO, "%s: %s", outdir, strerror(errno));
    if (err.code != TM_OK || tm_outfile_open(&of, output, &err) != TM_OK ||
        (outdir != NULL &&
         (tm_outfile_open(&xf[0], paths[1].data, &err) != TM_OK ||
          tm_outfile_open(&xf[1], paths[2].data, &err) != TM_OK))) {
        error_line(c, "%s", err.msg);
        for (i = 0; i < 2; i++)
            if (xf[i].tmp != NULL)
                tm_outfile_close(&xf[i], false, &err);
        if (of.tmp != NULL)
            tm_outfile_close(&of, false, &err);
        for (i = 0; i < 3; i++)
            tm_buf_clear(&paths[i]);
        tm_report_free(rp);
        tm_corrections_free(cs);
        tm_pattern_set_free(set);
        return TM_EXIT_IO;
    }
    pl = tm_pipeline_new(set, &rep);
    tm_pipeline_set_jobs(pl, jobs);
    tm_pipeline_set_profile(pl, profile);
    tm_pipeline_set_max_records(pl, max_records);
    tm_pipeline_set_corrections(pl, cs);
    tm_pipeline_set_report(pl, rp);
    if (rp != NULL)
        tm_report_set_corrections(rp, cs);
    tm_emit_init(&em, of.f, output ? output : "standard output", fmt);
    em.csv = csv;
    if (outdir != NULL) {
        tm_emit_init(&cem, xf[0].f, paths[1].data, TM_FMT_CSV);
        cem.csv = csv;
        st = tm_studies_new(xf[1].f, paths[2].data);
        tm_studies_set_csv(st, csv);
        tm_pipeline_set_studies(pl, st);
    } else if (table) {
        st = tm_studies_new(of.f, output ? output : "standard output");
        tm_studies_set_csv(st, csv);
        tm_pipeline_set_studies(pl, st);
    }
    for (i = optind; i < argc; i++) {
        tm_err_clear(&err);
        rc = tm_pipeline_extract_file(pl, argv[i], ems, nems, &err);
        if (rc == TM_ERR_IO) {
            error_line(c, "%s", err.msg);
            status = TM_EXIT_IO;
            break;
        }
        if (rc != TM_OK) {
            error_line(c, "%s", err.msg);
            status = TM_EXIT_INPUT;
        }
    }
    tm_err_clear(&err);
    if (status != TM_EXIT_IO &&
        (mode == OUT_REPORT
             ? tm_report_write(rp, of.f, output ? output : "standard output",
                               &err)
         : table ? tm_studies_finish(st, &err)
                 : tm_emit_finish(&em, &err)) != TM_OK) {
        error_line(c, "%s", err.msg);
        status = TM_EXIT_IO;
    }
    tm_err_clear(&err);
    if (outdir != NULL && status != TM_EXIT_IO &&
        (tm_emit_finish(&cem, &err) != TM_OK ||
         tm_studies_finish(st, &err) != TM_OK)) {
        error_line(c, "%s", err.msg);
        status = TM_EXIT_IO;
    }
    tm_err_clear(&err);
    /* A partial file is kept only when the inputs failed, not when the
     * output did: records of good inputs are never lost.  --outdir's
     * three files are all written before any is renamed into place, and
     * then all kept or all discarded. */
    if (outdir != NULL) {
        struct tm_outfile *all[3] = {&xf[0], &xf[1], &of};

        for (i = 0; i < 3 && status != TM_EXIT_IO; i++) {
            struct stat sb;

            if (tm_outfile_finish(all[i], &err) != TM_OK) {
                error_line(c, "%s", err.msg);
                status = TM_EXIT_IO;
            } else if (stat(all[i]->path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
                /* the one rename that would fail after others succeeded */
                error_line(c, "%s: %s", all[i]->path, strerror(EISDIR));
                status = TM_EXIT_IO;
            }
        }
        for (i = 0; i < 2; i++)
            if (tm_outfile_close(&xf[i], status != TM_EXIT_IO, &err) != TM_OK) {
                error_line(c, "%s", err.msg);
                status = TM_EXIT_IO;
            }
    }
    if (tm_outfile_close(&of, status != TM_EXIT_IO, &err) != TM_OK) {
        error_line(c, "%s", err.msg);
        status = TM_EXIT_IO;
    }
    if (profile)
        print_profile(c, pl, jobs);
    if (status != TM_EXIT_IO)
        status = report_unmatched(c, cs, status);
    tm_emit_clear(&em);
    if (outdir != NULL)
        tm_emit_clear(&cem);
    for (i = 0; i < 3; i++)
        tm_buf_clear(&paths[i]);
    tm_pipeline_free(pl);
    tm_studies_free(st);
    tm_report_free(rp);
    tm_corrections_free(cs);
    tm_pattern_set_free(set);
    return status;
}

static int
cmd_extract(struct cli *c, int argc, char **argv)
{
    return extract_main(c, argc, argv, OUT_RECORDS);
}

static int
cmd_studies(struct cli *c, int argc, char **argv)
{
    return extract_main(c, argc, argv, OUT_TABLE);
}

static int
cmd_report(struct cli *c, int argc, char **argv)
{
    return extract_main(c, argc, argv, OUT_REPORT);
}

/* corrections diff A B: where two reviewers disagree. */
static int
cmd_corrections(struct cli *c, int argc, char **argv)
{
    struct tm_corrections *a = NULL, *b = NULL;
    struct tm_getopt g;
    struct tm_err err;
    char why[256];
    size_t ndiff = 0;
    int opt, st;

    tm_getopt_init(&g, TM_CMD_CORRECTIONS);
    while ((opt = tm_getopt_next(&g, argc, argv, why, sizeof why)) != -1) {
        if (opt == 'h') {
            print_help(c, "corrections");
            return TM_EXIT_OK;
        }
        return usage_error(c, "%s", why);
    }
    if (optind >= argc || strcmp(argv[optind], "diff") != 0)
        return usage_error(c, "corrections: the subcommand is diff "
                              "(corrections diff A.tsv B.tsv)");
    if (argc - optind != 3)
        return usage_error(c, "corrections diff: give two files, A and B");
    if ((st = load_corrections(c, argv[optind + 1], &a)) != TM_EXIT_OK)
        return st;
    if ((st = load_corrections(c, argv[optind + 2], &b)) != TM_EXIT_OK) {
        tm_corrections_free(a);
        return st;
    }
    tm_err_clear(&err);
    if (tm_corrections_diff(a, b, c->out, "standard output", &ndiff, &err) !=
        TM_OK) {
        error_line(c, "%s", err.msg);
        st = TM_EXIT_IO;
    } else {
        st = ndiff > 0 ? TM_EXIT_INPUT : TM_EXIT_OK;
    }
    tm_corrections_free(a);
    tm_corrections_free(b);
    return st;
}

/* ------------------------------------------------------------------ */
/* text                                                                */
/* ------------------------------------------------------------------ */

struct text_ctx {
    struct cli *c;
    bool json;
};

static enum tm_status
print_doc(void *ctx, struct tm_doc *doc, struct tm_err *err)
{
    struct text_ctx *tc = ctx;
    FILE *out = tc->c->out;

    if (tc->json)
        return tm_emit_doc_json(out, "standard output", doc, err);
    if (fprintf(out, "==> %s <==\n", doc->id) < 0 ||
        fwrite(doc->text, 1, doc->len, out) != doc->len ||
        fputc('\n', out) == EOF)
        return tm_err_set(err, TM_ERR_IO,
                          "write error on standard output: "
                          "%s",
                          strerror(errno));
    return TM_OK;
}

static int
cmd_text(struct cli *c, int argc, char **argv)
{
    struct text_ctx tc = {c, false};
    struct tm_reporter rep = {print_warning, c, 0};
    struct tm_err err;
    struct tm_getopt g;
    char why[256];
    int opt, status = TM_EXIT_OK, i;
    enum tm_status rc;

    tm_getopt_init(&g, TM_CMD_TEXT);
    while ((opt = tm_getopt_next(&g, argc, argv, why, sizeof why)) != -1) {
        switch (opt) {
        case TM_OPT_JSON:
            tc.json = true;
            break;
        case 'h':
            print_help(c, "text");
            return TM_EXIT_OK;
        default:
            return usage_error(c, "%s", why);
        }
    }
    if (optind >= argc)
        return usage_error(c, "text: no input FILE given");
    for (i = optind; i < argc; i++) {
        tm_err_clear(&err);
        rc = tm_input_read(argv[i], print_doc, &tc, &rep, &err);
        if (rc == TM_ERR_IO) {
            error_line(c, "%s", err.msg);
            return TM_EXIT_IO;
        }
        if (rc != TM_OK) {
            error_line(c, "%s", err.msg);
            status = TM_EXIT_INPUT;
        }
    }
    if (fflush(c->out) != 0 || ferror(c->out)) {
        error_line(c, "write error on standard output: %s", strerror(errno));
        return TM_EXIT_IO;
    }
    return status;
}

/* ------------------------------------------------------------------ */
/* normalize                                                           */
/* ------------------------------------------------------------------ */

struct norm_ctx {
    struct cli *c;
    struct tm_ocr *ocr;
    struct tm_norm norm;
    struct tm_reporter *rep;
    bool repairs, all;
};

static enum tm_status
normalize_doc(void *ctx, struct tm_doc *doc, struct tm_err *err)
{
    struct norm_ctx *nc = ctx;
    FILE *out = nc->c->out;
    struct tm_buf b;
    size_t si, k;
    char where[TM_ERR_MSG_MAX];

    tm_buf_init(&b, 0);
    if (!nc->repairs)
        tm_buf_printf(&b, "==> %s <==\n", doc->id);
    for (si = 0; si < doc->nsections; si++) {
        const struct tm_section *sec = &doc->sections[si];
        const char *raw = doc->text + sec->start;

        snprintf(where, sizeof where, "%s [%s]", doc->id, sec->name);
        tm_ocr_normalize(nc->ocr, &nc->norm, raw, sec->end - sec->start, where,
                         nc->rep);
        if (!nc->repairs) {
            /* Write the (possibly huge) text directly, not via b. */
            if (fwrite(b.data ? b.data : "", 1, b.len, out) != b.len ||
                fwrite(nc->norm.text, 1, nc->norm.len, out) != nc->norm.len ||
                fputs(si + 1 < doc->nsections ? "\n\n" : "\n", out) == EOF) {
                tm_buf_clear(&b);
                return tm_err_set(err, TM_ERR_IO,
                                  "write error on standard output: %s",
                                  strerror(errno));
            }
            tm_buf_reset(&b);
            continue;
        }
        for (k = 0; k < nc->norm.nrepairs; k++) {
            const struct tm_norm_repair *r = &nc->norm.repairs[k];

            if (r->layout && !nc->all)
                continue;
            tm_buf_printf(&b, "%s\t%s\t%zu\t%zu\t", doc->id, sec->name,
                          sec->start + r->raw_start, sec->start + r->raw_end);
            tm_json_string(&b, raw + r->raw_start, r->raw_end - r->raw_start);
            tm_buf_putc(&b, '\t');
            tm_json_string(&b, r->replacement, strlen(r->replacement));
            tm_buf_printf(&b, "\t%s\n", r->rule);
        }
    }
    if (b.len > 0 && fwrite(b.data, 1, b.len, out) != b.len) {
        tm_buf_clear(&b);
        return tm_err_set(err, TM_ERR_IO, "write error on standard output: %s",
                          strerror(errno));
    }
    tm_buf_clear(&b);
    return TM_OK;
}

static int
cmd_normalize(struct cli *c, int argc, char **argv)
{
    struct pattern_opts po = {false, {NULL, 0, 0}};
    struct tm_reporter rep = {print_warning, c, 0};
    struct norm_ctx nc;
    struct tm_pattern_set *set;
    struct tm_err err;
    struct tm_getopt g;
    char why[256];
    bool stats = false;
    int opt, status = TM_EXIT_OK, i;
    enum tm_status rc;

    memset(&nc, 0, sizeof nc);
    nc.c = c;
    nc.rep = &rep;
    tm_getopt_init(&g, TM_CMD_NORMALIZE);
    while ((opt = tm_getopt_next(&g, argc, argv, why, sizeof why)) != -1) {
        switch (opt) {
        case 'r':
            nc.repairs = true;
            break;
        case 'a':
            nc.all = true;
            break;
        case 's':
            stats = true;
            break;
        case 'p':
            tm_strv_push(&po.paths, optarg);
            break;
        case TM_OPT_NO_DEFAULTS:
            po.no_defaults = true;
            break;
        case 'h':
            print_help(c, "normalize");
            tm_strv_clear(&po.paths);
            return TM_EXIT_OK;
        default:
            tm_strv_clear(&po.paths);
            return usage_error(c, "%s", why);
        }
    }
    if (optind >= argc) {
        tm_strv_clear(&po.paths);
        return usage_error(c, "normalize: no input FILE given");
    }
    set = load_patterns(c, &po);
    tm_strv_clear(&po.paths);
    if (set == NULL)
        return TM_EXIT_PATTERN;
    nc.ocr = tm_ocr_new(set);
    tm_norm_init(&nc.norm);
    nc.norm.keep_layout = nc.all;
    if (nc.repairs)
        fputs("doc\tsection\traw_start\traw_end\traw\treplacement\trule\n",
              c->out);
    for (i = optind; i < argc; i++) {
        tm_err_clear(&err);
        rc = tm_input_read(argv[i], normalize_doc, &nc, &rep, &err);
        if (rc == TM_ERR_IO) {
            error_line(c, "%s", err.msg);
            status = TM_EXIT_IO;
            break;
        }
        if (rc != TM_OK) {
            error_line(c, "%s", err.msg);
            status = TM_EXIT_INPUT;
        }
    }
    if (stats) {
        size_t k;

        fprintf(c->out, "rule\tapplied\trefused\n");
        for (k = 0; k < tm_ocr_nrules(nc.ocr); k++)
            fprintf(c->out, "%s\t%lu\t%lu\n", tm_ocr_rule_name(nc.ocr, k),
                    tm_ocr_applied(nc.ocr, k), tm_ocr_refused(nc.ocr, k));
        /* Lines dropped as running heads; refused: repeated lines kept
         * because they did not sit where running heads do. */
        fprintf(c->out, "running-head\t%lu\t%lu\n", nc.norm.running_heads,
                nc.norm.repeats_kept);
    }
    tm_norm_clear(&nc.norm);
    tm_ocr_free(nc.ocr);
    tm_pattern_set_free(set);
    return status;
}

/* ------------------------------------------------------------------ */
/* fetch and run                                                       */
/* ------------------------------------------------------------------ */

struct fetch_cli {
    struct tm_eutils_opts o;
    char *cache; /* owned default cache path */
    bool quiet;
    struct cli *c;
    double last_print;
    bool tty;
};

static char *
default_cache(void)
{
    const char *env = getenv("TRIALMINE_CACHE"), *xdg, *home;
    struct tm_buf b;

    tm_buf_init(&b, 0);
    if (env != NULL && *env != '\0')
        tm_buf_puts(&b, env);
    else if ((xdg = getenv("XDG_CACHE_HOME")) != NULL && *xdg != '\0')
        tm_buf_printf(&b, "%s/trialmine", xdg);
    else if ((home = getenv("HOME")) != NULL && *home != '\0')
        tm_buf_printf(&b, "%s/.cache/trialmine", home);
    else
        tm_buf_puts(&b, ".trialmine-cache");
    return tm_buf_steal(&b, NULL);
}

static void
show_progress(void *ctx, const struct tm_eutils_progress *p)
{
    struct fetch_cli *fc = ctx;
    FILE *e = fc->c->err;
    double rate = p->elapsed > 0 ? (double)p->done / p->elapsed : 0;

    if (fc->quiet)
        return;
    if (strcmp(p->phase, "search") == 0) {
        fputs("trialmine: searching...\n", e);
        return;
    }
    if (fc->tty) {
        int width = 30,
            fill = p->total ? (int)(width * p->done / p->total) : width;
        double eta = rate > 0 ? (double)(p->total - p->done) / rate : 0;

        fprintf(e, "\r[%.*s%*s] %lu/%lu records %.1f/s ETA %d:%02d ", fill,
                "##############################", width - fill, "", p->done,
                p->total, rate, (int)(eta / 60), (int)eta % 60);
        if (p->done == p->total)
            fputc('\n', e);
    } else if (p->done == p->total || p->elapsed - fc->last_print >= 5) {
        fc->last_print = p->elapsed;
        fprintf(e, "trialmine: fetched %lu of %lu records (%.1f/s)\n", p->done,
                p->total, rate);
    }
    fflush(e);
}

/* Parse the options fetch and run share; returns -1 for "not mine",
 * an exit status on error, or 0. */
static int
fetch_option(struct fetch_cli *fc, int opt, const char *arg)
{
    char *end;
    double d;

    switch (opt) {
    case 'd':
        if (strcmp(arg, "pubmed") != 0 && strcmp(arg, "pmc") != 0)
            return usage_error(fc->c,
                               "%s: --db must be pubmed or pmc, not "
                               "'%s'",
                               fc->c->cmd, arg);
        fc->o.db = arg;
        return 0;
    case 'm':
    case 'b':
    case TM_OPT_RETRIES:
    case TM_OPT_TIMEOUT: {
        unsigned long v;

        errno = 0;
        v = strtoul(arg, &end, 10);
        if (end == arg || *end != '\0' || errno != 0 ||
            (opt == 'b' && (v == 0 || v > 10000)) ||
            (opt == TM_OPT_RETRIES && v > 100) ||
            (opt == TM_OPT_TIMEOUT && (v == 0 || v > 86400)))
            return usage_error(fc->c, "%s: bad number '%s'", fc->c->cmd, arg);
        if (opt == 'm')
            fc->o.max = v;
        else if (opt == 'b')
            fc->o.batch = (unsigned)v;
        else if (opt == TM_OPT_RETRIES)
            fc->o.retries = (unsigned)v;
        else
            fc->o.timeout = (long)v;
        return 0;
    }
    case TM_OPT_BACKOFF:
    case TM_OPT_RATE:
        d = strtod(arg, &end);
        if (end == arg || *end != '\0' || d < 0 || d > 3600 ||
            (opt == TM_OPT_RATE && d <= 0))
            return usage_error(fc->c, "%s: bad number '%s'", fc->c->cmd, arg);
        if (opt == TM_OPT_BACKOFF)
            fc->o.backoff = d;
        else
            fc->o.rate = d;
        return 0;
    case TM_OPT_MINDATE:
        fc->o.mindate = arg;
        return 0;
    case TM_OPT_MAXDATE:
        fc->o.maxdate = arg;
        return 0;
    case 'c':
        fc->o.cache_dir = arg;
        return 0;
    case TM_OPT_REFRESH:
        fc->o.refresh = true;
        return 0;
    case TM_OPT_EMAIL:
        fc->o.email = arg;
        return 0;
    case TM_OPT_BASE_URL:
        fc->o.base_url = arg;
        return 0;
    case 'q':
        fc->quiet = true;
        return 0;
    default:
        return -1;
    }
}

static void
fetch_cli_init(struct fetch_cli *fc, struct cli *c)
{
    const char *env;

    memset(fc, 0, sizeof fc[0]);
    fc->c = c;
    tm_eutils_opts_init(&fc->o);
    fc->cache = default_cache();
    fc->o.cache_dir = fc->cache;
    if ((env = getenv("TRIALMINE_EUTILS_URL")) != NULL && *env != '\0')
        fc->o.base_url = env;
    if ((env = getenv("NCBI_API_KEY")) != NULL && *env != '\0')
        fc->o.api_key = env;
    if ((env = getenv("NCBI_EMAIL")) != NULL && *env != '\0')
        fc->o.email = env;
    fc->tty = isatty(fileno(c->err)) != 0;
    fc->o.progress = show_progress;
    fc->o.progress_ctx = fc;
    fc->o.stop = &interrupted;
    catch_signals();
}

/* Check what getopt cannot: dates in pairs, an http(s) base URL ending
 * in '/'. */
static int
fetch_cli_finish(struct fetch_cli *fc, struct tm_buf *url)
{
    if ((fc->o.mindate == NULL) != (fc->o.maxdate == NULL))
        return usage_error(fc->c, "%s: --mindate and --maxdate go together",
                           fc->c->cmd);
    if (strncasecmp(fc->o.base_url, "http://", 7) != 0 &&
        strncasecmp(fc->o.base_url, "https://", 8) != 0)
        return usage_error(fc->c,
                           "%s: the E-utilities URL (--base-url or "
                           "$TRIALMINE_EUTILS_URL) must start with http:// "
                           "or https://, not '%s'",
                           fc->c->cmd, fc->o.base_url);
    tm_buf_puts(url, fc->o.base_url);
    if (url->len == 0 || url->data[url->len - 1] != '/')
        tm_buf_putc(url, '/');
    fc->o.base_url = url->data;
    return 0;
}

static void
print_fetch_summary(struct cli *c, const char *query,
                    const struct tm_eutils_result *res)
{
    fprintf(c->out, "query: %s\ncache: %s\n", query, res->dir);
    fprintf(c->out,
            "records: %lu in %lu batch%s (%lu fetched now, %lu "
            "from the cache)\n",
            res->count, res->batches, res->batches == 1 ? "" : "es",
            res->batches_fetched, res->batches - res->batches_fetched);
    if (res->missing > 0)
        fprintf(c->out, "missing: %lu records NCBI did not return\n",
                res->missing);
    if (res->no_body > 0)
        fprintf(c->out, "without body: %lu PMC articles are metadata only\n",
                res->no_body);
}

/* Records NCBI never returned are named, and make the exit status 1. */
static int
missing_records(struct cli *c, const struct fetch_cli *fc,
                const struct tm_eutils_result *res)
{
    char *msg = tm_eutils_missing_message(&fc->o, res);

    if (msg == NULL)
        return TM_EXIT_OK;
    error_line(c, "%s: %s", c->cmd, msg);
    free(msg);
    return TM_EXIT_INPUT;
}

/*
 * After a fetch nobody answered for (no network, a wrong --base-url), one
 * hint line: how to work offline, from which cache.  Nothing after an
 * interruption or a fault of the server itself.
 */
static void
offline_hint(struct cli *c, const struct fetch_cli *fc,
             const struct tm_eutils_result *res)
{
    if (interrupted || !res->is_unreachable)
        return;
    if (res->has_cached)
        fprintf(c->err,
                "trialmine: hint: no server could be reached; the cache %s "
                "holds this search from an earlier fetch: 'trialmine run "
                "--offline' works from it%s\n",
                fc->o.cache_dir, fc->o.refresh ? " (without --refresh)" : "");
    else
        fprintf(c->err,
                "trialmine: hint: no server could be reached (no network, "
                "or a wrong --base-url?); to work offline, 'trialmine run "
                "--offline' reads a search from the cache (%s; --cache DIR "
                "for one fetched elsewhere)\n",
                fc->o.cache_dir);
}

static int
cmd_fetch(struct cli *c, int argc, char **argv)
{
    struct fetch_cli fc;
    struct tm_reporter rep = {print_warning, c, 0};
    struct tm_eutils_result res;
    struct tm_buf url;
    struct tm_err err;
    struct tm_getopt g;
    char why[256];
    int opt, st = TM_EXIT_OK;

    /* Zeroed: read after a failure that may come before the fetch. */
    memset(&res, 0, sizeof res);
    fetch_cli_init(&fc, c);
    tm_buf_init(&url, 0);
    tm_getopt_init(&g, TM_CMD_FETCH);
    while ((opt = tm_getopt_next(&g, argc, argv, why, sizeof why)) != -1) {
        int r;

        if (opt == 'h') {
            print_help(c, "fetch");
            goto out;
        }
        r = fetch_option(&fc, opt, optarg);
        if (r > 0) {
            st = r;
            goto out;
        }
        if (r < 0) {
            st = usage_error(c, "%s", why);
            goto out;
        }
    }
    if (optind + 1 != argc) {
        st = usage_error(c, "fetch: give exactly one QUERY (quote it)");
        goto out;
    }
    if ((st = fetch_cli_finish(&fc, &url)) != 0)
        goto out;
    tm_err_clear(&err);
    if (tm_http_global_init(&err) != TM_OK ||
        tm_eutils_fetch(&fc.o, argv[optind], &res, &rep, &err) != TM_OK) {
        error_line(c, "fetch: %s", err.msg);
        offline_hint(c, &fc, &res);
        st = interrupted                ? TM_EXIT_INTERRUPTED
             : err.code == TM_ERR_INPUT ? TM_EXIT_INPUT
                                        : TM_EXIT_IO;
        if (res.dir != NULL)
            tm_eutils_result_clear(&res);
        goto out;
    }
    print_fetch_summary(c, argv[optind], &res);
    st = missing_records(c, &fc, &res);
    tm_eutils_result_clear(&res);
out:
    tm_buf_clear(&url);
    free(fc.cache);
    return st;
}

static int
cmd_run(struct cli *c, int argc, char **argv)
{
    struct fetch_cli fc;
    unsigned jobs = default_jobs();
    struct pattern_opts po = {false, {NULL, 0, 0}};
    struct tm_reporter rep = {print_warning, c, 0};
    struct tm_eutils_result res;
    struct tm_pattern_set *set = NULL;
    struct tm_pipeline *pl = NULL;
    struct tm_buf url, jpath, cpath, spath, rpath, title;
    struct tm_outfile jf = {NULL, NULL, NULL}, cf = {NULL, NULL, NULL},
                      sf = {NULL, NULL, NULL}, rf = {NULL, NULL, NULL};
    struct tm_studies *studies = NULL;
    struct tm_report *rp = NULL;
    struct tm_corrections *cs = NULL;
    const char *corrections = NULL;
    struct tm_emitter jem, cem;
    struct tm_emitter *ems[2] = {&jem, &cem};
    struct tm_err err;
    const char *outdir = NULL;
    bool offline = false, emitters = false;
    enum tm_csv_mode csv = TM_CSV_SAFE;
    size_t max_records = TM_PIPELINE_MAX_RECORDS;
    struct tm_getopt g;
    char why[256];
    int opt, st = TM_EXIT_OK;
    size_t i;

    memset(&res, 0, sizeof res);
    fetch_cli_init(&fc, c);
    tm_buf_init(&url, 0);
    tm_buf_init(&jpath, 0);
    tm_buf_init(&cpath, 0);
    tm_buf_init(&spath, 0);
    tm_buf_init(&rpath, 0);
    tm_buf_init(&title, 0);
    tm_getopt_init(&g, TM_CMD_RUN);
    while ((opt = tm_getopt_next(&g, argc, argv, why, sizeof why)) != -1) {
        int r;

        if (opt == 'j') {
            if (!parse_jobs(optarg, &jobs)) {
                st = usage_error(c,
                                 "run: -j wants a number of threads, 1 to %d, "
                                 "not '%s'",
                                 TM_MAX_JOBS, optarg);
                goto out;
            }
            continue;
        } else if (opt == 'h') {
            print_help(c, "run");
            goto out;
        } else if (opt == TM_OPT_CSV_RAW) {
            csv = TM_CSV_RAW;
            continue;
        } else if (opt == TM_OPT_MAX_RECORDS) {
            if (!parse_count(optarg, &max_records)) {
                st = usage_error(c,
                                 "run: --max-records wants a number of "
                                 "records (0: no limit), not '%s'",
                                 optarg);
                goto out;
            }
            continue;
        } else if (opt == 'o') {
            outdir = optarg;
            continue;
        } else if (opt == 'p') {
            tm_strv_push(&po.paths, optarg);
            continue;
        } else if (opt == TM_OPT_OFFLINE) {
            offline = true;
            continue;
        } else if (opt == TM_OPT_CORRECTIONS) {
            corrections = optarg;
            continue;
        }
        r = fetch_option(&fc, opt, optarg);
        if (r > 0) {
            st = r;
            goto out;
        }
        if (r < 0) {
            st = usage_error(c, "%s", why);
            goto out;
        }
    }
    if (optind + 1 != argc) {
        st = usage_error(c, "run: give exactly one QUERY (quote it)");
        goto out;
    }
    if (outdir == NULL) {
        st = usage_error(c, "run: -o DIR is required");
        goto out;
    }
    if ((st = fetch_cli_finish(&fc, &url)) != 0)
        goto out;
    set = load_patterns(c, &po);
    if (set == NULL) {
        st = TM_EXIT_PATTERN;
        goto out;
    }
    if ((st = load_corrections(c, corrections, &cs)) != TM_EXIT_OK)
        goto out;
    tm_err_clear(&err);
    if (offline)
        fc.o.progress = NULL; /* nothing to download */
    if (offline)
        st = tm_eutils_cached(&fc.o, argv[optind], &res, &rep, &err) == TM_OK
                 ? TM_EXIT_OK
                 : TM_EXIT_INPUT;
    else if (tm_http_global_init(&err) != TM_OK)
        st = TM_EXIT_IO;
    else if (tm_eutils_fetch(&fc.o, argv[optind], &res, &rep, &err) != TM_OK)
        st = err.code == TM_ERR_INPUT ? TM_EXIT_INPUT : TM_EXIT_IO;
    if (st != TM_EXIT_OK) {
        error_line(c, "run: %s", err.msg);
        if (!offline)
            offline_hint(c, &fc, &res);
        if (interrupted)
            st = TM_EXIT_INTERRUPTED;
        goto out;
    }
    if (mkdir(outdir, 0777) != 0 && errno != EEXIST) {
        error_line(c, "run: %s: %s", outdir, strerror(errno));
        st = TM_EXIT_IO;
        goto out;
    }
    tm_buf_printf(&jpath, "%s/records.jsonl", outdir);
    tm_buf_printf(&cpath, "%s/records.csv", outdir);
    tm_buf_printf(&spath, "%s/studies.csv", outdir);
    tm_buf_printf(&rpath, "%s/report.html", outdir);
    tm_buf_printf(&title, "trialmine: %s", argv[optind]);
    if (tm_outfile_open(&jf, jpath.data, &err) != TM_OK ||
        tm_outfile_open(&cf, cpath.data, &err) != TM_OK ||
        tm_outfile_open(&sf, spath.data, &err) != TM_OK ||
        tm_outfile_open(&rf, rpath.data, &err) != TM_OK ||
        (rp = tm_report_new(title.data, &err)) == NULL) {
        error_line(c, "run: %s", err.msg);
        st = TM_EXIT_IO;
        goto out;
    }
    tm_emit_init(&jem, jf.f, jpath.data, TM_FMT_JSONL);
    tm_emit_init(&cem, cf.f, cpath.data, TM_FMT_CSV);
    cem.csv = csv;
    emitters = true;
    pl = tm_pipeline_new(set, &rep);
    tm_pipeline_set_dedupe(pl, true);
    tm_pipeline_set_jobs(pl, jobs);
    tm_pipeline_set_max_records(pl, max_records);
    studies = tm_studies_new(sf.f, spath.data);
    tm_studies_set_csv(studies, csv);
    tm_pipeline_set_studies(pl, studies);
    tm_pipeline_set_corrections(pl, cs);
    tm_pipeline_set_report(pl, rp);
    tm_report_set_corrections(rp, cs);
    for (i = 0; i < res.files.n && st != TM_EXIT_IO; i++) {
        enum tm_status rc;

        if (interrupted) {
            /* No partial output: the temporary files are discarded. */
            error_line(c, "run: interrupted; the outputs were not written; "
                          "rerun to resume from the cache");
            st = TM_EXIT_IO; /* discard the temporary outputs below */
            break;
        }
        tm_err_clear(&err);
        rc = tm_pipeline_extract_file(pl, res.files.v[i], ems, 2, &err);
        if (rc == TM_ERR_IO) {
            error_line(c, "run: %s", err.msg);
            st = TM_EXIT_IO;
        } else if (rc != TM_OK) {
            error_line(c, "run: %s", err.msg);
            st = TM_EXIT_INPUT;
        }
    }
    for (i = 0; i < 4 && st != TM_EXIT_IO; i++) {
        tm_err_clear(&err);
        if ((i < 2    ? tm_emit_finish(ems[i], &err)
             : i == 2 ? tm_studies_finish(studies, &err)
                      : tm_report_write(rp, rf.f, rpath.data, &err)) != TM_OK) {
            error_line(c, "run: %s", err.msg);
            st = TM_EXIT_IO;
        }
    }
    tm_err_clear(&err);
    if (tm_outfile_close(&jf, st != TM_EXIT_IO, &err) != TM_OK ||
        tm_outfile_close(&cf, st != TM_EXIT_IO, &err) != TM_OK ||
        tm_outfile_close(&sf, st != TM_EXIT_IO, &err) != TM_OK ||
        tm_outfile_close(&rf, st != TM_EXIT_IO, &err) != TM_OK) {
        error_line(c, "run: %s", err.msg);
        st = TM_EXIT_IO;
    }
    if (interrupted)
        st = TM_EXIT_INTERRUPTED;
    if (st != TM_EXIT_IO && st != TM_EXIT_INTERRUPTED) {
        const struct tm_pipeline_stats *ps = tm_pipeline_stats(pl);

        fprintf(c->out,
                "records fetched: %lu (%lu batch%s, %lu fetched now, "
                "%lu from the cache)\n",
                res.count, res.batches, res.batches == 1 ? "" : "es",
                res.batches_fetched, res.batches - res.batches_fetched);
        fprintf(c->out, "documents: %lu read, %lu with extractions", ps->docs,
                ps->docs_with_records);
        if (ps->docs_duplicate > 0)
            fprintf(c->out, ", %lu duplicates skipped", ps->docs_duplicate);
        fputc('\n', c->out);
        fprintf(c->out, "records: %lu", ps->records);
        for (i = 0; i < ps->ntypes; i++)
            fprintf(c->out, "%s%s %lu", i == 0 ? " (" : ", ", ps->types[i].type,
                    ps->types[i].n);
        fputs(ps->ntypes > 0 ? ")\n" : "\n", c->out);
        if (res.missing > 0)
            fprintf(c->out, "missing: %lu records NCBI did not return\n",
                    res.missing);
        if (res.no_body > 0)
            fprintf(c->out,
                    "without body: %lu PMC articles are metadata "
                    "only\n",
                    res.no_body);
        fprintf(c->out, "studies: %lu rows\n", tm_studies_rows(studies));
        fprintf(c->out, "output: %s, %s, %s, %s\n", jpath.data, cpath.data,
                spath.data, rpath.data);
        if (missing_records(c, &fc, &res) != TM_EXIT_OK)
            st = TM_EXIT_INPUT;
        st = report_unmatched(c, cs, st);
    }
out:
    if (emitters) {
        tm_emit_clear(&jem);
        tm_emit_clear(&cem);
    }
    if (jf.tmp != NULL)
        tm_outfile_close(&jf, false, &err);
    if (cf.tmp != NULL)
        tm_outfile_close(&cf, false, &err);
    if (sf.tmp != NULL)
        tm_outfile_close(&sf, false, &err);
    if (rf.tmp != NULL)
        tm_outfile_close(&rf, false, &err);
    tm_studies_free(studies);
    tm_report_free(rp);
    tm_corrections_free(cs);
    tm_pipeline_free(pl);
    tm_pattern_set_free(set);
    tm_eutils_result_clear(&res);
    tm_strv_clear(&po.paths);
    tm_buf_clear(&url);
    tm_buf_clear(&jpath);
    tm_buf_clear(&cpath);
    tm_buf_clear(&spath);
    tm_buf_clear(&rpath);
    tm_buf_clear(&title);
    free(fc.cache);
    return st;
}

/* ------------------------------------------------------------------ */
/* eval                                                                */
/* ------------------------------------------------------------------ */

/* The documents of a gold directory: GOLD_DIR/docs.path if present. */
static char *
docs_dir_of(const char *gold_dir)
{
    struct tm_buf path, b;
    struct tm_err err;
    char *dir = NULL;

    tm_buf_init(&path, 0);
    tm_buf_init(&b, 4096);
    tm_buf_printf(&path, "%s/docs.path", gold_dir);
    if (tm_buf_read_file(&b, path.data, &err) == TM_OK) {
        while (b.len > 0 &&
               (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == ' ' ||
                b.data[b.len - 1] == '\r'))
            b.data[--b.len] = '\0';
        tm_buf_reset(&path);
        tm_buf_printf(&path, "%s/%s", gold_dir, b.data);
        dir = tm_buf_steal(&path, NULL);
    } else {
        dir = tm_xstrdup(gold_dir);
    }
    tm_buf_clear(&path);
    tm_buf_clear(&b);
    return dir;
}

static int
check_floors(struct cli *c, const char *floors, const struct tm_eval *ev)
{
    struct tm_buf b;
    struct tm_err err;
    char *line, *next;
    int status = TM_EXIT_OK;
    unsigned lineno = 0;

    tm_buf_init(&b, 1u << 20);
    if (tm_buf_read_file(&b, floors, &err) != TM_OK) {
        error_line(c, "eval: %s", err.msg);
        tm_buf_clear(&b);
        return TM_EXIT_PATTERN;
    }
    for (line = b.data; line != NULL && *line; line = next) {
        char type[64];
        double min;
        size_t i;
        bool found = false;

        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        if (*line == '#' || *line == '\0')
            continue;
        if (sscanf(line, "%63s %lf", type, &min) != 2) {
            error_line(c, "eval: %s:%u: expected TYPE MIN_F1", floors, lineno);
            status = TM_EXIT_PATTERN;
            continue;
        }
        for (i = 0; i < ev->ntypes; i++) {
            const struct tm_eval_score *s = &ev->types[i];
            double p, r, f;

            if (strcmp(s->type, type) != 0)
                continue;
            found = true;
            p = s->tp + s->fp ? (double)s->tp / (double)(s->tp + s->fp) : 0;
            r = s->tp + s->fn ? (double)s->tp / (double)(s->tp + s->fn) : 0;
            f = p + r > 0 ? 2 * p * r / (p + r) : 0;
            if (f + 1e-12 < min) {
                error_line(c, "eval: %s F1 %.3f is below its floor %.3f", type,
                           f, min);
                status = TM_EXIT_INPUT;
            }
        }
        if (!found) {
            error_line(c, "eval: %s has a floor but no gold values", type);
            status = TM_EXIT_INPUT;
        }
    }
    tm_buf_clear(&b);
    return status;
}

static int
cmd_eval(struct cli *c, int argc, char **argv)
{
    struct pattern_opts po = {false, {NULL, 0, 0}};
    struct tm_reporter rep = {print_warning, c, 0};
    struct tm_pattern_set *set;
    struct tm_eval ev;
    const char *floors = NULL;
    bool summary = false;
    int hits = 0;
    struct tm_getopt g;
    char why[256];
    int opt, i, status = TM_EXIT_OK;

    tm_getopt_init(&g, TM_CMD_EVAL);
    while ((opt = tm_getopt_next(&g, argc, argv, why, sizeof why)) != -1) {
        switch (opt) {
        case TM_OPT_FLOORS:
            floors = optarg;
            break;
        case TM_OPT_SUMMARY:
            summary = true;
            break;
        case TM_OPT_HITS:
            hits = 1;
            break;
        case 'p':
            tm_strv_push(&po.paths, optarg);
            break;
        case TM_OPT_NO_DEFAULTS:
            po.no_defaults = true;
            break;
        case 'h':
            print_help(c, "eval");
            tm_strv_clear(&po.paths);
            return TM_EXIT_OK;
        default:
            tm_strv_clear(&po.paths);
            return usage_error(c, "%s", why);
        }
    }
    if (optind >= argc) {
        tm_strv_clear(&po.paths);
        return usage_error(c, "eval: no GOLD_DIR given");
    }
    set = load_patterns(c, &po);
    tm_strv_clear(&po.paths);
    if (set == NULL)
        return TM_EXIT_PATTERN;
    memset(&ev, 0, sizeof ev);
    for (i = optind; i < argc; i++) {
        char *docs = docs_dir_of(argv[i]);
        struct tm_err err;
        struct stat st;

        if (stat(docs, &st) != 0 || !S_ISDIR(st.st_mode)) {
            fprintf(c->err,
                    "trialmine: eval: %s: documents directory %s not "
                    "found; skipped\n",
                    argv[i], docs);
            free(docs);
            continue;
        }
        tm_err_clear(&err);
        if (tm_eval_dir(set, argv[i], docs, &ev, c->out, summary ? 0 : 1 + hits,
                        &rep, &err) != TM_OK) {
            error_line(c, "eval: %s", err.msg);
            status = TM_EXIT_INPUT;
        }
        free(docs);
    }
    tm_eval_print(&ev, c->out);
    if (status == TM_EXIT_OK && floors != NULL)
        status = check_floors(c, floors, &ev);
    tm_pattern_set_free(set);
    return status;
}

/* ------------------------------------------------------------------ */
/* patterns                                                            */
/* ------------------------------------------------------------------ */

static void
print_failure(void *ctx, const char *msg)
{
    struct cli *c = ctx;

    fprintf(c->out, "FAIL %s\n", msg);
}

static int
cmd_patterns(struct cli *c, int argc, char **argv)
{
    struct pattern_opts po = {false, {NULL, 0, 0}};
    struct tm_pattern_set *set;
    struct tm_getopt g;
    char why[256];
    bool test;
    int opt, i;

    if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
        strcmp(argv[1], "-h") == 0) {
        print_help_to(argc < 2 ? c->err : c->out, find_command("patterns"));
        return argc < 2 ? TM_EXIT_USAGE : TM_EXIT_OK;
    }
    if (strcmp(argv[1], "check") == 0) {
        test = false;
        c->cmd = "patterns check";
    } else if (strcmp(argv[1], "test") == 0) {
        test = true;
        c->cmd = "patterns test";
    } else {
        c->cmd = "patterns";
        return usage_error(c,
                           "patterns: unknown subcommand '%s' (use check "
                           "or test)",
                           argv[1]);
    }
    argc--;
    argv++;
    tm_getopt_init(&g, TM_CMD_PATTERNS);
    while ((opt = tm_getopt_next(&g, argc, argv, why, sizeof why)) != -1) {
        switch (opt) {
        case 'p':
            tm_strv_push(&po.paths, optarg);
            break;
        case TM_OPT_NO_DEFAULTS:
            po.no_defaults = true;
            break;
        case 'h':
            print_help(c, "patterns");
            tm_strv_clear(&po.paths);
            return TM_EXIT_OK;
        default:
            tm_strv_clear(&po.paths);
            return usage_error(c, "%s", why);
        }
    }
    for (i = optind; i < argc; i++)
        tm_strv_push(&po.paths, argv[i]);
    set = load_patterns(c, &po);
    tm_strv_clear(&po.paths);
    if (set == NULL)
        return TM_EXIT_PATTERN;
    if (!test) {
        fprintf(c->out, "%zu files, %zu patterns, %zu examples: ok\n",
                tm_pattern_set_nfiles(set), tm_pattern_set_npatterns(set),
                tm_pattern_set_nexamples(set));
        tm_pattern_set_free(set);
        return TM_EXIT_OK;
    } else {
        struct tm_reporter rep = {print_warning, c, 0};
        struct tm_pipeline *pl = tm_pipeline_new(set, &rep);
        size_t total, failed;

        failed = tm_examples_run(pl, print_failure, c, &total);
        fprintf(c->out, "patterns: %zu passed, %zu failed\n", total - failed,
                failed);
        tm_pipeline_free(pl);
        tm_pattern_set_free(set);
        return failed > 0 ? TM_EXIT_INPUT : TM_EXIT_OK;
    }
}

/* ------------------------------------------------------------------ */
/* Dispatch                                                            */
/* ------------------------------------------------------------------ */

struct command {
    const char *name;
    int (*run)(struct cli *c, int argc, char **argv);
    unsigned bit;     /* TM_CMD_*: its rows of the option table */
    const char *head; /* help before the option list (usage, prose) */
    const char *tail; /* help after it, or "" */
};

/* clang-format off */
static const struct command commands[] = {
    {"extract", cmd_extract, TM_CMD_EXTRACT, extract_head, extract_tail},
    {"studies", cmd_studies, TM_CMD_STUDIES, studies_head, studies_tail},
    {"text", cmd_text, TM_CMD_TEXT, text_head, text_tail},
    {"normalize", cmd_normalize, TM_CMD_NORMALIZE, normalize_head,
     normalize_tail},
    {"run", cmd_run, TM_CMD_RUN, run_head, run_tail},
    {"fetch", cmd_fetch, TM_CMD_FETCH, fetch_head, fetch_tail},
    {"eval", cmd_eval, TM_CMD_EVAL, eval_head, eval_tail},
    {"patterns", cmd_patterns, TM_CMD_PATTERNS, patterns_head, patterns_tail},
    {"report", cmd_report, TM_CMD_REPORT, report_head, report_tail},
    {"corrections", cmd_corrections, TM_CMD_CORRECTIONS, corrections_head,
     corrections_tail},
};
/* clang-format on */

static const struct command *
find_command(const char *name)
{
    size_t i;

    for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    }
    return NULL;
}

/* A command's help: its prose, and its options from the option table. */
static void
print_help_to(FILE *out, const struct command *cmd)
{
    fputs(cmd->head, out);
    fputs("Options:\n", out);
    tm_options_help(out, cmd->bit);
    if (cmd->tail[0] != '\0') {
        fputc('\n', out);
        fputs(cmd->tail, out);
    }
}

static void
print_help(struct cli *c, const char *name)
{
    print_help_to(c->out, find_command(name));
}

int
tm_cli_main(int argc, char **argv, FILE *out, FILE *errout)
{
    struct cli c = {out, errout, ""};
    const struct command *cmd;
    int status;

    if (argc < 2) {
        fputs(main_help, errout);
        return TM_EXIT_USAGE;
    }
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        fputs(main_help, out);
        return TM_EXIT_OK;
    }
    if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
        print_version(&c);
        return TM_EXIT_OK;
    }
    if (strcmp(argv[1], "help") == 0) {
        if (argc < 3) {
            fputs(main_help, out);
            return TM_EXIT_OK;
        }
        cmd = find_command(argv[2]);
        if (cmd == NULL) {
            c.cmd = "help";
            return usage_error(&c, "help: unknown command '%s'", argv[2]);
        }
        print_help_to(out, cmd);
        return TM_EXIT_OK;
    }
    if (argv[1][0] == '-') {
        fprintf(errout, "trialmine: unknown option '%s'\n", argv[1]);
        fputs("trialmine: hint: try 'trialmine --help'\n", errout);
        return TM_EXIT_USAGE;
    }
    cmd = find_command(argv[1]);
    if (cmd == NULL) {
        fprintf(errout, "trialmine: unknown command '%s'\n", argv[1]);
        fputs("trialmine: hint: try 'trialmine --help'\n", errout);
        return TM_EXIT_USAGE;
    }
    c.cmd = cmd->name;
    status = cmd->run(&c, argc - 1, argv + 1);
    if (fflush(out) != 0 && status == TM_EXIT_OK) {
        fprintf(errout, "trialmine: write error: %s\n", strerror(errno));
        status = TM_EXIT_IO;
    }
    return status;
}
