#!/bin/sh
# SPDX-License-Identifier: MIT
# The Snakemake workflow (workflow/Snakefile) on generated and real files:
# its merged records.jsonl, records.csv and studies.csv equal one
# `trialmine extract --outdir` over the same files in name order, byte for
# byte (tests/outfiles.sh checks that --outdir is extract, extract -f csv
# and studies); a rerun does nothing; a new file runs only its shard; a
# truncated file is retried, named, and loses no other file's shard, or
# with partial=1 is merged as far as it goes and named; a removed file
# leaves the merge, and another program makes every shard again, even
# from a fresh working folder; both profiles
# dry-run.  Skips (77) when snakemake is absent (.ci/run installs
# Debian's, without recommends).
. "$(dirname "$0")/testlib.sh"

if ! command -v snakemake >/dev/null 2>&1; then
    echo "workflow: snakemake not installed; skipped"
    exit 77
fi
# Snakemake's own Python, not a virtualenv's: Debian's package.
export LANG=C.UTF-8 LC_ALL=C.UTF-8
in="$tmp/in"
out="$tmp/out"
mkdir -p "$in" "$tmp/wd"
# Shards: generated PubMed and JATS files (one compressed), the project's
# PubMed and PMC corpus files, a text file whose name needs quoting, and
# files the workflow must leave alone.
python3 "$top/bench/gen.py" pubmed-real 0.4 "$in/pubmed26n0001.xml" >/dev/null
python3 "$top/bench/gen.py" pubmed 0.2 "$in/pubmed26n0002.xml.gz" >/dev/null
python3 "$top/bench/gen.py" jats 0.3 "$in/pmc-batch.xml" >/dev/null
cp "$top/corpus/pubmed/msc_ards.xml" "$in/"
cp "$top/corpus/pmc/PMC9900001.nxml" "$in/"
cp "$top/tests/fixtures/text/ocr_damage.txt" "$in/it's a review.txt"
echo "not an input" >"$in/README.md"
echo "hidden" >"$in/.hidden.txt"

run() { # PROFILE [KEY=VALUE...]: more config
    p=$1
    shift
    (cd "$top" && snakemake --profile "workflow/profiles/$p" --cores 2 \
        --directory "$tmp/wd" \
        --config input="$in" output="$out" trialmine="$TRIALMINE" "$@" \
        >"$tmp/snk.log" 2>&1)
}
single() {
    rm -rf "$tmp/single"
    # the inputs in name order (byte order), named as the workflow names
    # them (a text file's doc is its path)
    (cd "$in" && LC_ALL=C ls | grep -iE '\.(xml|nxml|txt)(\.gz)?$' |
        sed "s|^|$in/|" | tr '\n' '\0' |
        xargs -0 "$TRIALMINE" extract -j 2 --outdir "$tmp/single")
}
same() {
    for f in records.jsonl records.csv studies.csv; do
        if cmp -s "$tmp/single/$f" "$out/$f"; then ok; else
            bad "$1: merged $f differs from one extract over the files"
        fi
    done
}

# Dry runs of both profiles: the DAG is built, nothing runs, no sbatch.
for p in local slurm; do
    if (cd "$top" && snakemake -n --profile "workflow/profiles/$p" \
        --directory "$tmp/wd" --config input="$in" output="$out" \
        trialmine="$TRIALMINE" >"$tmp/dry.log" 2>&1) &&
        grep -Eq '^shard +6( |$)' "$tmp/dry.log" &&
        [ ! -e "$out" ]; then ok; else
        bad "dry run of profile $p"; cat "$tmp/dry.log"
    fi
done

# A real local run equals one extract over all six files.
single || bad "single extract failed"
if run local; then ok; else bad "local run failed"; cat "$tmp/snk.log"; fi
same "local run"
n=$(ls "$out/shards" | wc -l)
[ "$n" -eq 6 ] && ok || bad "6 shards expected, found $n"

# A rerun does nothing.
if run local && grep -q "Nothing to be done" "$tmp/snk.log"; then ok; else
    bad "a rerun did work again"; cat "$tmp/snk.log"
fi

# A new file: its shard and the merge run, no other shard.
cp "$top/corpus/pmc/PMC9900001.nxml" "$in/PMC9900002.nxml"
touch -d '2020-01-01' "$in/PMC9900002.nxml"
run local || { bad "run after a new file failed"; cat "$tmp/snk.log"; }
shards=$(grep -c '^rule shard:' "$tmp/snk.log")
[ "$shards" -eq 1 ] && ok || bad "a new file ran $shards shard jobs, not 1"
single
same "after a new file"

# A truncated file: retried, named with trialmine's message, the other
# shards kept, no merged file written from the incomplete set.
head -c 2000 "$in/pubmed26n0002.xml.gz" >"$in/pubmed26n0003.xml.gz"
before=$(cat "$out/records.jsonl" | wc -c)
if run local; then bad "a truncated file did not fail the run"; else ok; fi
grep -q "Trying to restart" "$tmp/snk.log" && ok ||
    bad "the failed file was not retried"
if grep -q "1 of 8 files failed" "$tmp/snk.log" &&
    grep -q "pubmed26n0003.xml.gz: gzip input truncated" "$tmp/snk.log"; then
    ok; else bad "the failure does not name the file and why"
    cat "$tmp/snk.log"
fi
n=$(ls "$out/shards" | wc -l)
[ "$n" -eq 7 ] && ok || bad "7 good shards expected after the failure, found $n"
after=$(cat "$out/records.jsonl" | wc -c)
[ "$before" -eq "$after" ] && ok || bad "merged records.jsonl rewritten from an incomplete set"

# partial=1: the file read in part keeps its shard, the merge is written
# and equals one extract (which also goes on past it), and the file is
# named in partial.txt and at the end of the run.
if run local partial=1; then ok; else bad "partial=1 run failed"; cat "$tmp/snk.log"; fi
single 2>/dev/null
same "partial=1"
if grep -q "pubmed26n0003.xml.gz$" "$out/partial.txt" 2>/dev/null &&
    grep -q "gzip input truncated" "$out/partial.txt" &&
    grep -q "1 of 8 files were read only in part" "$tmp/snk.log"; then ok; else
    bad "partial=1 does not name the file read in part"; cat "$tmp/snk.log"
fi
# A rerun with partial=1 does nothing and says it again; without it, the
# kept shard is refused by name, nothing is rewritten.
if run local partial=1 && grep -q "Nothing to be done" "$tmp/snk.log" &&
    grep -q "1 of 8 files were read only in part" "$tmp/snk.log"; then ok; else
    bad "a partial=1 rerun"; cat "$tmp/snk.log"
fi
before=$(cat "$out/records.jsonl" | wc -c)
if run local; then bad "a kept partial shard was taken without partial=1"; else ok; fi
grep -q "partial=1 kept these files.*pubmed26n0003.xml.gz" "$tmp/snk.log" && ok ||
    { bad "the kept partial shard is not named"; cat "$tmp/snk.log"; }
[ "$(cat "$out/records.jsonl" | wc -c)" -eq "$before" ] && ok ||
    bad "records.jsonl rewritten by a refused run"

# Another program (here the same one behind a wrapper script: other
# bytes) makes every shard again: a merge never mixes two versions.
printf '#!/bin/sh\nexec "%s" "$@"\n' "$TRIALMINE" >"$tmp/tm-wrapper"
chmod +x "$tmp/tm-wrapper"
(cd "$top" && snakemake --profile workflow/profiles/local --cores 2 \
    --directory "$tmp/wd" -n \
    --config input="$in" output="$out" trialmine="$tmp/tm-wrapper" partial=1 \
    >"$tmp/snk.log" 2>&1)
shards=$(grep -c '^rule shard:' "$tmp/snk.log")
files=$(ls "$in" | grep -ciE '\.(xml|nxml|txt)(\.gz)?$')
[ "$shards" -eq "$files" ] && ok ||
    bad "another program reruns $shards shards, not all $files"

# Fixed: the rerun runs that one shard and the merge, and equals one
# extract again.
rm "$in/pubmed26n0003.xml.gz"
run local || { bad "run after the fix failed"; cat "$tmp/snk.log"; }
shards=$(grep -c '^rule shard:' "$tmp/snk.log")
[ "$shards" -eq 0 ] && ok || bad "the fix reran $shards shards"
single
same "after the fix"
[ ! -e "$out/partial.txt" ] && ok || bad "partial.txt outlived the file read in part"

# A removed file leaves the merge even where Snakemake has no record of
# the last run (a fresh working folder): no stale records.
rm "$in/PMC9900002.nxml"
if (cd "$top" && snakemake --profile workflow/profiles/local --cores 2 \
    --directory "$tmp/wd-fresh" \
    --config input="$in" output="$out" trialmine="$TRIALMINE" \
    >"$tmp/snk.log" 2>&1); then ok; else bad "fresh-folder run failed"; cat "$tmp/snk.log"; fi
single
same "a removed file, a fresh working folder"

# Another program from a fresh working folder, where only the shards'
# stamps say which program made them: every shard is made again (no
# merge of two versions), and a second fresh folder then has nothing to
# do.
fresh() { # FOLDER: a run with the wrapper program there
    rm -rf "$1"
    (cd "$top" && snakemake --profile workflow/profiles/local --cores 2 \
        --directory "$1" \
        --config input="$in" output="$out" trialmine="$tmp/tm-wrapper" \
        >"$tmp/snk.log" 2>&1)
}
if fresh "$tmp/wd-fresh2"; then ok; else bad "fresh-folder run with another program failed"; cat "$tmp/snk.log"; fi
shards=$(grep -c '^rule shard:' "$tmp/snk.log")
files=$(ls "$in" | grep -ciE '\.(xml|nxml|txt)(\.gz)?$')
[ "$shards" -eq "$files" ] && ok ||
    bad "another program from a fresh folder made $shards shards again, not all $files"
same "another program, a fresh working folder"
if fresh "$tmp/wd-fresh3" && grep -q "Nothing to be done" "$tmp/snk.log"; then ok; else
    bad "the same program from a fresh folder did work again"; cat "$tmp/snk.log"
fi

# Two names that differ only in case get shard folders that differ in
# more than case (a file system may ignore case).
mkdir -p "$tmp/in2"
cp "$top/tests/fixtures/text/ocr_damage.txt" "$tmp/in2/Twin.txt"
cp "$top/tests/fixtures/text/ocr_damage.txt" "$tmp/in2/twin.txt"
(cd "$top" && snakemake -n --profile workflow/profiles/local \
    --directory "$tmp/wd2" --config input="$tmp/in2" output="$tmp/out2" \
    trialmine="$TRIALMINE" >"$tmp/dry2.log" 2>&1)
dirs=$(grep -oE 'shards/[^/]+/records.jsonl' "$tmp/dry2.log" | sort -u |
    tr 'A-Z' 'a-z' | sort -u | wc -l)
[ "$dirs" -eq 2 ] && ok || { bad "names differing in case share a shard folder"; cat "$tmp/dry2.log"; }

finish workflow
