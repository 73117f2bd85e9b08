/* SPDX-License-Identifier: MIT */
/*
 * outfile: atomic output files (see outfile.h).
 *
 * mkstemp creates its file 0600 whatever the umask, which made every
 * output private, and an overwritten 0644 file 0600: fchmod sets the
 * mode an ordinary open(O_CREAT, 0666) would have given, or keeps the
 * old file's.  Open temporary files are listed in a small fixed table,
 * the one place a signal handler can reach (it may not allocate or
 * lock), so that SIGINT and SIGTERM remove them.
 */
#include "config.h"
#include "outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

/* Temporary files open now; a slot is NULL when free.  (A mutable global
 * on purpose: a signal handler can reach nothing else.) */
#define MAX_OPEN 8
static char *volatile open_tmps[MAX_OPEN];

static void
track(char *tmp)
{
    size_t i;

    for (i = 0; i < MAX_OPEN; i++) {
        if (open_tmps[i] == NULL) {
            open_tmps[i] = tmp;
            return;
        }
    }
}

static void
untrack(const char *tmp)
{
    size_t i;

    for (i = 0; i < MAX_OPEN; i++) {
        if (open_tmps[i] == tmp)
            open_tmps[i] = NULL;
    }
}

void
tm_outfile_unlink_all(void)
{
    size_t i;

    for (i = 0; i < MAX_OPEN; i++) {
        char *p = open_tmps[i];

        if (p != NULL)
            unlink(p);
    }
}

/* The process's umask.  POSIX has no way to read it but to set it, so it
 * is set and put back. */
static mode_t
current_umask(void)
{
    mode_t mask = umask(0);

    umask(mask);
    return mask;
}

mode_t
tm_outfile_mode(const char *path)
{
    struct stat st;

    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        return st.st_mode & 07777;
    return 0666 & ~current_umask();
}

mode_t
tm_outfile_dir_mode(void)
{
    return 0777 & ~current_umask();
}

enum tm_status
tm_outfile_open(struct tm_outfile *o, const char *path, struct tm_err *err)
{
    struct tm_buf tmp;
    int fd;
    mode_t mode;

    o->f = NULL;
    o->path = NULL;
    o->tmp = NULL;
    if (path == NULL || strcmp(path, "-") == 0) {
        o->f = stdout;
        return TM_OK;
    }
    mode = tm_outfile_mode(path);
    tm_buf_init(&tmp, 0);
    tm_buf_printf(&tmp, "%s.tmp.XXXXXX", path);
    fd = mkstemp(tmp.data);
    if (fd < 0) {
        tm_buf_clear(&tmp);
        return tm_err_set(err, TM_ERR_IO, "%s: %s", path, strerror(errno));
    }
    o->tmp = tm_buf_steal(&tmp, NULL);
    track(o->tmp);
    o->f = fchmod(fd, mode) == 0 ? fdopen(fd, "w") : NULL;
    if (o->f == NULL) {
        int e = errno;

        close(fd);
        untrack(o->tmp);
        unlink(o->tmp);
        TM_FREE(o->tmp);
        return tm_err_set(err, TM_ERR_IO, "%s: %s", path, strerror(e));
    }
    o->path = tm_xstrdup(path);
    return TM_OK;
}

enum tm_status
tm_outfile_finish(struct tm_outfile *o, struct tm_err *err)
{
    enum tm_status rc = TM_OK;

    if (o->tmp == NULL || o->f == NULL)
        return TM_OK;
    if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0)
        rc = tm_err_set(err, TM_ERR_IO, "%s: %s", o->path, strerror(errno));
    if (fclose(o->f) != 0 && rc == TM_OK)
        rc = tm_err_set(err, TM_ERR_IO, "%s: %s", o->path, strerror(errno));
    o->f = NULL;
    return rc;
}

enum tm_status
tm_outfile_close(struct tm_outfile *o, bool ok, struct tm_err *err)
{
    enum tm_status rc = TM_OK;
    struct tm_err ferr;

    if (o->tmp == NULL)
        return TM_OK;
    tm_err_clear(&ferr);
    if (tm_outfile_finish(o, &ferr) != TM_OK) {
        if (ok) {
            *err = ferr;
            rc = TM_ERR_IO;
        }
        ok = false;
    }
    if (ok && rename(o->tmp, o->path) != 0) {
        rc = tm_err_set(err, TM_ERR_IO, "%s: %s", o->path, strerror(errno));
        ok = false;
    }
    if (!ok)
        unlink(o->tmp);
    /* Untracked only now: a signal before the rename must still find the
     * file, and one after it unlinks a name that is gone. */
    untrack(o->tmp);
    TM_FREE(o->tmp);
    TM_FREE(o->path);
    return rc;
}
