/* SPDX-License-Identifier: MIT */
/*
 * settings: data locations.
 *
 * The shipped patterns live in two places once trialmine is installed:
 * the source tree and $(pkgdatadir).  Which set a program uses depends on
 * which program it is: the build tree's src/trialmine is the one a
 * developer runs while editing the source tree's patterns, so it reads
 * those even when an older set is installed; an installed program reads
 * the installed set.  configure's build directory names the program, and
 * Linux's /proc/self/exe says which one is running.
 */
#include "config.h"
#include "settings.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"

static int
is_dir(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Whether the running program is the build tree's src/trialmine (not an
 * installed or copied one).  False where /proc/self/exe does not exist. */
static bool
is_build_tree_program(void)
{
    char exe[PATH_MAX], built[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

    if (n <= 0)
        return false;
    exe[n] = '\0';
    /* realpath, as the kernel resolved exe: a build directory reached
     * through a symbolic link still matches. */
    if (realpath(TM_BUILDDIR "/src/trialmine", built) == NULL)
        return false;
    return strcmp(exe, built) == 0;
}

const char *
tm_settings_shipped_patterns(void)
{
    const char *env = getenv("TRIALMINE_PATTERN_DIR");

    if (env != NULL && *env != '\0')
        return env;
    if (is_build_tree_program() && is_dir(TM_SRCDIR "/patterns"))
        return TM_SRCDIR "/patterns";
    if (is_dir(TM_PKGDATADIR "/patterns"))
        return TM_PKGDATADIR "/patterns";
    return TM_SRCDIR "/patterns";
}

void
tm_settings_user_patterns(struct tm_strv *out)
{
    const char *env = getenv("TRIALMINE_PATTERNS");
    const char *p, *colon;

    if (env == NULL)
        return;
    for (p = env; *p != '\0'; p = colon + 1) {
        char *entry;

        colon = strchr(p, ':');
        if (colon == NULL)
            colon = p + strlen(p);
        if (colon > p) {
            entry = tm_xstrndup(p, (size_t)(colon - p));
            tm_strv_push(out, entry);
            free(entry);
        }
        if (*colon == '\0')
            break;
    }
}

int
tm_settings_jit(void)
{
    const char *env = getenv("TRIALMINE_NO_JIT");

    return env == NULL || *env == '\0' || strcmp(env, "0") == 0;
}
