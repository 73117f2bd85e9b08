# SPDX-License-Identifier: MIT
# Shared by bench/run and bench/ab (sourced; $here is bench/).
#
# num OPTION VALUE, count OPTION VALUE: stop (status 2) unless VALUE is a
# positive number, a positive integer.
num() {
    case $2 in
        '' | *[!0-9.]* | *.*.* | . | 0 | 0.0*) echo "bench: $1 needs a positive number, not '$2'" >&2; exit 2 ;;
    esac
}

count() {
    case $2 in
        '' | *[!0-9]* | 0) echo "bench: $1 needs a positive integer, not '$2'" >&2; exit 2 ;;
    esac
}

# bench_input KIND SIZE_MB EXT: the generated input and its .gz, cached in
# ${TM_BENCH_DIR:-/tmp/trialmine-bench} and made again when bench/gen.py
# changes.  Sets in, gz, data and records (the generator's count).
bench_input() {
    data=${TM_BENCH_DIR:-/tmp/trialmine-bench}
    mkdir -p "$data"
    in="$data/$1-${2}mb.$3"
    gz="$in.gz"
    _stamp=$(cksum < "$here/gen.py")
    trap 'rm -f "$in.tmp" "$in.count.tmp" "$gz.tmp"' EXIT
    trap 'rm -f "$in.tmp" "$in.count.tmp" "$gz.tmp"; exit 130' INT TERM
    if [ ! -f "$in" ] || [ ! -f "$gz" ] || [ ! -f "$in.count" ] ||
       [ "$(cat "$in.stamp" 2>/dev/null)" != "$_stamp" ]; then
        echo "bench: generating $in ..." >&2
        rm -f "$in" "$gz" "$in.count" "$in.stamp"
        python3 "$here/gen.py" "$1" "$2" "$in.tmp" > "$in.count.tmp"
        mv "$in.tmp" "$in"
        echo "bench: compressing $gz ..." >&2
        gzip -6 -c "$in" > "$gz.tmp"
        mv "$gz.tmp" "$gz"
        mv "$in.count.tmp" "$in.count"
        echo "$_stamp" > "$in.stamp"
    fi
    records=$(cat "$in.count")
}

# bench_floor: build bench/sax-floor.c (a libxml2 SAX2 parse with no
# callbacks, the floor under any libxml2 pipeline) into $data; sets floor
# to its path, or to nothing with a note when no compiler or libxml2-dev.
bench_floor() {
    floor="$data/sax-floor"
    if command -v cc >/dev/null 2>&1 &&
       cc -O2 -o "$floor.tmp" "$here/sax-floor.c" \
           $(pkg-config --cflags --libs libxml-2.0 2>/dev/null || echo -lxml2) \
           2>/dev/null; then
        mv "$floor.tmp" "$floor"
    else
        rm -f "$floor.tmp"
        floor=""
        echo "note: cannot build bench/sax-floor.c (cc, libxml2-dev): skipped"
    fi
}
