/* SPDX-License-Identifier: MIT */
/*
 * outfile: output files written atomically.  Records go to a temporary
 * file beside the target, which is renamed into place when complete, so
 * an output file is whole or absent.  The file gets the mode an ordinary
 * file would: the umask's (0666 & ~umask) when new, the old file's when
 * it replaces one.  Temporary files still open can be removed from a
 * signal handler.
 */
#ifndef TM_OUTFILE_H
#define TM_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "err.h"

struct tm_outfile {
    FILE *f;          /* where to write; stdout for "-" or no path */
    char *path, *tmp; /* NULL for stdout */
};

/* Open path ("-" or NULL: standard output) for writing through a
 * temporary file.  Fails with TM_ERR_IO naming path. */
enum tm_status tm_outfile_open(struct tm_outfile *o, const char *path,
                               struct tm_err *err);
/* Flush, fsync and close the temporary file, without renaming it into
 * place yet (tm_outfile_close does that), so that several files can all
 * be written before any replaces its old version.  A failure to write
 * is TM_ERR_IO naming the path.  Nothing to do for standard output or a
 * second call. */
enum tm_status tm_outfile_finish(struct tm_outfile *o, struct tm_err *err);
/* Close; when ok, finish (if not done) and rename into place, else
 * remove the temporary file.  A failure to write is TM_ERR_IO naming the
 * path.  Safe to call twice. */
enum tm_status tm_outfile_close(struct tm_outfile *o, bool ok,
                                struct tm_err *err);

/* The mode a file written to path gets: the existing file's permission
 * bits, or 0666 & ~umask for a new one.  Reads the umask by setting it
 * and back, so call it before starting threads that create files. */
mode_t tm_outfile_mode(const char *path);

/* The mode a new directory gets from mkdir(path, 0777): 0777 & ~umask,
 * for directories made by mkdtemp (always 0700).  Reads the umask as
 * tm_outfile_mode does. */
mode_t tm_outfile_dir_mode(void);

/* Remove every temporary file still open.  Async-signal-safe: for a
 * SIGINT/SIGTERM handler, which then re-raises the signal. */
void tm_outfile_unlink_all(void);

#endif
