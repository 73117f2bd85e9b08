#!/bin/sh
# SPDX-License-Identifier: MIT
# The README, --help and the man page agree on what users rely on: exit
# statuses (4 includes the network, 130 is an interrupt), `help COMMAND`,
# every environment variable the code reads; the record format spec is
# in the project (doc/records.md) and nothing points outside it; the
# examples are installed; out/ (the quick start's output) is ignored;
# and the build prints no warning.
. "$(dirname "$0")/testlib.sh"
readme="$top/README.md"
man="$top/man/trialmine.1"
"$TRIALMINE" --help >"$tmp/help"

has() { # FILE REGEX WHAT
    if grep -Eq -- "$2" "$1"; then ok; else bad "$(basename "$1") lacks $3"; fi
}

for f in "$readme" "$man" "$tmp/help"; do
    has "$f" '4[^0-9;]*(output|file)[^;]*network' "exit 4 = output, file system or network"
    has "$f" '130 interrupted' "exit 130 interrupted"
    has "$f" 'help (\\fI)?\[?COMMAND' "help COMMAND"
done
# Every environment variable the code reads is documented in both.
for v in $(grep -ho 'getenv("[A-Z_]*")' "$top"/src/*.c | sed 's/getenv("\(.*\)")/\1/' | sort -u); do
    case $v in HOME | XDG_CACHE_HOME) continue ;; esac
    has "$readme" "$v" "\$$v"
    has "$man" "$(printf %s "$v" | sed 's/_/\\\\?_/g')" "\$$v"
done

# The record format lives in the project and keeps the shared spec's
# contract: fields may be added ("Add fields freely"), none of its lines
# may go.
[ -f "$top/doc/records.md" ] && ok || bad "doc/records.md missing"
shared="$top/../shared/spec/records.md"
if [ -f "$shared" ]; then
    missing=$(grep -vxF -f "$top/doc/records.md" "$shared" | grep -v '^$' | head -3)
    [ -z "$missing" ] && ok || bad "doc/records.md lost lines of ../shared/spec/records.md: $missing"
fi
if grep -n 'shared/spec' "$readme" "$man" "$top"/src/*.c "$top"/patterns/README.md; then
    bad "something still points at ../shared/spec"
else
    ok
fi
has "$readme" 'doc/records\.md' "a pointer to doc/records.md"

# Installed: the examples and the spec; ignored: out/.
has "$top/Makefile.am" '^dist_examples_DATA' "examples installed"
has "$top/Makefile.am" 'doc/records\.md' "doc/records.md installed"
has "$top/.gitignore" '^/?out/' "out/ ignored"

# No warnings: autotools' m4 directory exists, and ar is told what to do
# (automake's default 'cru' makes binutils warn that 'u' is ignored).
[ -d "$top/m4" ] && ok || bad "no m4 directory (aclocal warns)"
has "$top/configure.ac" 'ARFLAGS' "ARFLAGS (ar warns about 'u')"

finish docs
