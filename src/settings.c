/* SPDX-License-Identifier: MIT */
/*
 * settings: data locations.
 */
#include "config.h"
#include "settings.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "err.h"

static int
is_dir(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *
tm_settings_shipped_patterns(void)
{
    const char *env = getenv("TRIALMINE_PATTERN_DIR");

    if (env != NULL && *env != '\0')
        return env;
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
