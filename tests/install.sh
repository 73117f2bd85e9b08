#!/bin/sh
# SPDX-License-Identifier: MIT
# A checkout's ./src/trialmine uses the checkout's patterns even when a
# `make install` has put another set in $(pkgdatadir); the installed
# binary uses the installed set; TRIALMINE_PATTERN_DIR overrides both.
# The suite's own build is configured for a prefix this test may not
# write to, so it builds the program again from a copy of the sources,
# configured for a prefix in its scratch directory, installs it there
# and gives the installed set a pattern file the sources lack.
. "$(dirname "$0")/testlib.sh"
unset TRIALMINE_PATTERN_DIR TRIALMINE_PATTERNS

src="$tmp/src"
prefix="$tmp/prefix"
mkdir "$src" "$src/src" "$src/man"
# What configure and the program's rules read; -p keeps the timestamps,
# so make does not think autoconf or automake must run again.
for f in configure configure.ac Makefile.am Makefile.in aclocal.m4 \
    config.h.in; do
    cp -p "$top/$f" "$src/" || bad "copy $f"
done
cp -pR "$top/build-aux" "$top/patterns" "$src/"
# m4/ is empty in a checkout (aclocal has nothing of its own to put
# there), and so absent from a tarball.
[ -d "$top/m4" ] && cp -pR "$top/m4" "$src/"
cp -p "$top"/src/*.c "$top"/src/*.h "$src/src/"
cp -p "$top/man/trialmine.1" "$src/man/"
chmod -R u+w "$src" # make distcheck's sources are read-only
(
    cd "$src" &&
        ./configure --prefix="$prefix" --disable-unit-tests CFLAGS=-O0 &&
        make -j2 src/trialmine &&
        make install-binPROGRAMS install-dist_patternsDATA
) >"$tmp/build.log" 2>&1 || {
    tail -30 "$tmp/build.log"
    bad "configure, build or install failed"
    finish install
    exit 1
}
installed="$prefix/share/trialmine/patterns"
[ -f "$installed/p_value.pat" ] && ok || bad "no patterns installed in $installed"

# A pattern only the installed set has: its records say which set ran.
cat >"$installed/zz_installed_only.pat" <<'EOF'
pattern marker
    type installed_marker
    regex (?<value> \d+ ) \s+ zorblaxes
    example 7 zorblaxes => value=7
EOF
printf 'We counted 7 zorblaxes; mortality was 15%% (3 of 20), P = 0.02.\n' \
    >"$tmp/doc.txt"

uses() { # BINARY WANT(installed|source) WHAT
    out=$("$1" extract -f tsv "$tmp/doc.txt" 2>"$tmp/err")
    got=source
    printf '%s\n' "$out" | grep -q installed_marker && got=installed
    printf '%s\n' "$out" | grep -q p_value || got="no patterns ($(cat "$tmp/err"))"
    [ "$got" = "$2" ] && ok || bad "$3: used the $got patterns, want the $2 ones"
}

uses "$src/src/trialmine" source "the build tree's binary"
"$src/src/trialmine" --version | grep -q "patterns: $src/patterns\$" && ok ||
    bad "build tree --version: $("$src/src/trialmine" --version | tail -1)"
uses "$prefix/bin/trialmine" installed "the installed binary"
"$prefix/bin/trialmine" --version | grep -q "patterns: $installed\$" && ok ||
    bad "installed --version: $("$prefix/bin/trialmine" --version | tail -1)"

# A copy of the build tree's binary elsewhere is not the build tree's.
cp "$src/src/trialmine" "$tmp/copy"
uses "$tmp/copy" installed "a copy of the build tree's binary"

# The environment still decides over both.
TRIALMINE_PATTERN_DIR=$installed
export TRIALMINE_PATTERN_DIR
uses "$src/src/trialmine" installed "the build tree's binary, TRIALMINE_PATTERN_DIR set"
TRIALMINE_PATTERN_DIR=$src/patterns
uses "$prefix/bin/trialmine" source "the installed binary, TRIALMINE_PATTERN_DIR set"

finish install
