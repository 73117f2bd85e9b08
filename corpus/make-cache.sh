#!/bin/sh
# SPDX-License-Identifier: MIT
# Rebuild corpus/cache, the offline cache the quick start runs on: the
# PubMed records of corpus/pubmed/msc_ards.xml as trialmine fetch stores
# them for the query below.  The records come from the project's own
# E-utilities test server (tests/eutils_server.py --canned-search), which
# answers the search with every record, as a recorded search would; the
# cache layout is exactly what a real fetch writes.
#   corpus/make-cache.sh [TRIALMINE]      (default: ./src/trialmine)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tm=${1:-$top/src/trialmine}
query="mesenchymal stem cells AND ARDS"
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
python3 "$top/tests/eutils_server.py" --canned-search \
    --records "$top/corpus/pubmed/msc_ards.xml" \
    --port-file "$tmp/port" --max-seconds 60 2>"$tmp/server.log" &
pid=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
rm -rf "$top/corpus/cache"
NCBI_API_KEY= "$tm" fetch --quiet --batch 5 --cache "$top/corpus/cache" \
    --base-url "http://127.0.0.1:$(cat "$tmp/port")/entrez/eutils/" "$query"
# The lock belongs to the fetch that made the cache, not to the copy shipped.
rm -f "$top/corpus/cache/lock"
