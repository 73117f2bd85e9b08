#!/bin/sh
# SPDX-License-Identifier: MIT
# Output files (-o of extract, studies, report; extract --outdir; run's
# files): created
# with the mode the umask allows (0666 & ~umask), an overwritten file
# keeps its mode, and SIGINT or SIGTERM while the output is being written
# leaves neither the temporary file nor a partial output.  The input is a
# FIFO whose writer never writes, so the command is certainly mid-run
# when the signal comes.
. "$(dirname "$0")/testlib.sh"
abstract="$top/tests/fixtures/text/abstract.txt"

mode() { stat -c %a "$1"; }

# --- modes --------------------------------------------------------------
for cmd in extract studies report; do
    (umask 022 && "$TRIALMINE" "$cmd" -o "$tmp/$cmd-022.out" "$abstract")
    [ "$(mode "$tmp/$cmd-022.out")" = 644 ] && ok ||
        bad "$cmd: umask 022 gave mode $(mode "$tmp/$cmd-022.out"), want 644"
    (umask 077 && "$TRIALMINE" "$cmd" -o "$tmp/$cmd-077.out" "$abstract")
    [ "$(mode "$tmp/$cmd-077.out")" = 600 ] && ok ||
        bad "$cmd: umask 077 gave mode $(mode "$tmp/$cmd-077.out"), want 600"
    echo old >"$tmp/$cmd-keep.out"
    chmod 640 "$tmp/$cmd-keep.out"
    (umask 077 && "$TRIALMINE" "$cmd" -o "$tmp/$cmd-keep.out" "$abstract")
    [ "$(mode "$tmp/$cmd-keep.out")" = 640 ] && ok ||
        bad "$cmd: overwriting a 0640 file made it $(mode "$tmp/$cmd-keep.out")"
    grep -q old "$tmp/$cmd-keep.out" && bad "$cmd: the old file was not replaced" || ok
done
mkdir "$tmp/run"
(umask 022 && "$TRIALMINE" run "mesenchymal stem cells AND ARDS" --offline \
    --cache "$top/corpus/cache" -j 1 -o "$tmp/run" >/dev/null 2>"$tmp/err")
for f in records.jsonl records.csv studies.csv report.html; do
    [ "$(mode "$tmp/run/$f")" = 644 ] && ok || bad "run: $f mode $(mode "$tmp/run/$f")"
done

# --- signals ------------------------------------------------------------
mkfifo "$tmp/fifo"
for cmd in extract studies report; do
    for sig in INT TERM; do
        out="$tmp/sig-$cmd-$sig.out"
        sleep 30 >"$tmp/fifo" &
        writer=$!
        # A background job of a script starts with SIGINT ignored (and
        # should keep ignoring it); a terminal would deliver it.
        env --default-signal=INT "$TRIALMINE" "$cmd" -o "$out" "$abstract" \
            "$tmp/fifo" 2>"$tmp/err" &
        pid=$!
        # Wait for the temporary file: the output is open.
        i=0
        while [ -z "$(ls "$tmp" | grep "sig-$cmd-$sig.out.tmp")" ] && [ $i -lt 100 ]; do
            sleep 0.05
            i=$((i + 1))
        done
        kill -"$sig" "$pid"
        wait "$pid" 2>/dev/null
        st=$?
        kill "$writer" 2>/dev/null
        wait "$writer" 2>/dev/null
        left=$(ls "$tmp" | grep "sig-$cmd-$sig" || true)
        if [ -n "$left" ]; then
            bad "$cmd SIG$sig: left $left"
        else
            ok
        fi
        case $sig in INT) want=130 ;; TERM) want=143 ;; esac
        [ "$st" = "$want" ] && ok || bad "$cmd SIG$sig: exit $st, want $want"
    done
done

# --- extract --outdir: extract, extract -f csv and studies in one pass ---
set -- "$abstract" "$top/corpus/pmc/PMC9900001.nxml"
"$TRIALMINE" extract --outdir "$tmp/od" "$@" &&
    "$TRIALMINE" extract "$@" >"$tmp/x.jsonl" &&
    "$TRIALMINE" extract -f csv "$@" >"$tmp/x.csv" &&
    "$TRIALMINE" studies "$@" >"$tmp/x.studies" ||
    bad "extract --outdir or its comparisons failed"
if cmp -s "$tmp/od/records.jsonl" "$tmp/x.jsonl" &&
    cmp -s "$tmp/od/records.csv" "$tmp/x.csv" &&
    cmp -s "$tmp/od/studies.csv" "$tmp/x.studies"; then ok; else
    bad "extract --outdir differs from extract, extract -f csv, studies"
fi
[ "$(ls -A "$tmp/od" | tr '\n' ' ')" = "records.csv records.jsonl studies.csv " ] &&
    ok || bad "--outdir left other files: $(ls -A "$tmp/od")"
for extra in "-o $tmp/y" "-f csv"; do
    # shellcheck disable=SC2086
    "$TRIALMINE" extract --outdir "$tmp/od2" $extra "$abstract" 2>"$tmp/err"
    st=$?
    if [ "$st" -eq 2 ] && grep -q -- "--outdir" "$tmp/err" &&
        [ ! -e "$tmp/od2" ]; then ok; else
        bad "--outdir with $extra: exit $st, want 2 and no folder"
    fi
done
# One of the three cannot be renamed into place (a folder of that name):
# none replaces its old version, and no temporary file stays.  (The
# records.csv had been renamed before studies.csv failed.)
mkdir -p "$tmp/od3/studies.csv/x"
echo OLD >"$tmp/od3/records.jsonl"
"$TRIALMINE" extract --outdir "$tmp/od3" "$abstract" 2>"$tmp/err"
st=$?
if [ "$st" -eq 4 ] && [ "$(cat "$tmp/od3/records.jsonl")" = OLD ] &&
    [ "$(ls -A "$tmp/od3" | tr '\n' ' ')" = "records.jsonl studies.csv " ]; then
    ok
else
    bad "--outdir with studies.csv a folder: exit $st, left $(ls -A "$tmp/od3")"
fi

# A missing parent folder: exit 4, named.
"$TRIALMINE" extract --outdir "$tmp/no/such" "$abstract" 2>"$tmp/err"
st=$?
[ "$st" -eq 4 ] && grep -q "$tmp/no/such" "$tmp/err" && ok ||
    bad "--outdir in a missing folder: exit $st"

finish outfiles
