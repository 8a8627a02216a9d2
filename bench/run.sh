#!/usr/bin/env bash
# The archive-scale benchmark (not a test, not part of scripts/test.sh): builds the release
# site, generates a synthetic archive and release texts, then measures the viewer in headless
# Chromium and `caricc import`, and prints a table (details in target/bench/results.json).
# It also writes chunked archives (`caricc synth N --split`, timed) and measures opening them
# and, for the largest, an all-releases search.
#
#   bash bench/run.sh                  # 500 releases (about 10,000 events), 5 runs
#   RELEASES=1000 RUNS=7 bash bench/run.sh
#   CHUNKED="1000 10000" SEARCH_RUNS=3 # the chunked archives' sizes (CHUNKED="" for none)
#
# Everything stays on 127.0.0.1 and is bounded in time (TIME_LIMIT seconds in all).
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"

RELEASES=${RELEASES:-500}
TEXTS=${TEXTS:-1000}
RUNS=${RUNS:-5}
SEED=${SEED:-1}
CHUNKED=${CHUNKED-1000 10000}
SEARCH_RUNS=${SEARCH_RUNS:-3}
TIME_LIMIT=${TIME_LIMIT:-3600}
work=target/bench

bash scripts/setup.sh
step "Release build of the site: scripts/build.sh"
bash scripts/build.sh
cargo build --profile wasm-release -p caricc-synth --example bench-native

step "Synthetic archive: $RELEASES releases, seed $SEED; $TEXTS release texts"
mkdir -p "$work"
rm -rf "$work/texts"
target/release/caricc synth "$RELEASES" --seed "$SEED" -o "$work/archive.json"
target/release/caricc check "$work/archive.json" | tail -n 1
target/release/caricc synth "$TEXTS" --seed "$SEED" --texts "$work/texts"

# Runs a command, then writes its wall time and peak memory (GNU time, where installed) to
# the JSON file OUT.
timed() {
    local out=$1
    shift
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '{"seconds": %e, "maxRssKb": %M}' -o "$out" "$@"
    else
        local started=$EPOCHREALTIME
        "$@"
        awk -v from="$started" -v to="$EPOCHREALTIME" 'BEGIN { printf "{\"seconds\": %.2f, \"maxRssKb\": null}\n", to - from }' >"$out"
    fi
}

chunked=()
for count in $CHUNKED; do
    step "Chunked archive: caricc synth $count --split (seed $SEED)"
    timed "$work/chunked-$count.synth.json" \
        target/release/caricc synth "$count" --seed "$SEED" --split "$work/chunked-$count"
    cat "$work/chunked-$count.synth.json"
    chunked+=("$work/chunked-$count")
done

step "Measuring ($RUNS runs)"
timeout --kill-after=30 "$TIME_LIMIT" node bench/run.mjs \
    --sample static/bundle.json --archive "$work/archive.json" --texts "$work/texts" \
    --runs "$RUNS" --out "$work/results.json" --time-limit "$((TIME_LIMIT - 60))" \
    --chunked "$(IFS=,; echo "${chunked[*]}")" --search-runs "$SEARCH_RUNS"
