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
#   SITE=10000                         # the chunked archive whose published site is timed (SITE="" for none)
#   ONLY=site bash bench/run.sh        # only that: caricc's release build, the archive, caricc site and
#                                      # its pages' first card (bench/first-card.mjs; about 10 minutes)
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
SITE=${SITE-10000}
ONLY=${ONLY-}
work=target/bench
mkdir -p "$work"

case "$ONLY" in
    "")
        bash scripts/setup.sh
        step "Release build of the site: scripts/build.sh"
        bash scripts/build.sh
        cargo build --profile wasm-release -p caricc-synth --example bench-native

        step "Synthetic archive: $RELEASES releases, seed $SEED; $TEXTS release texts"
        rm -rf "$work/texts"
        target/release/caricc synth "$RELEASES" --seed "$SEED" -o "$work/archive.json"
        target/release/caricc check "$work/archive.json" | tail -n 1
        target/release/caricc synth "$TEXTS" --seed "$SEED" --texts "$work/texts"
        ;;
    site)
        [ -n "$SITE" ] || die "ONLY=site needs SITE, the number of releases of the archive to publish"
        step "caricc (release build)"
        cargo build --release -p caricc-cli
        # caricc site copies the viewer's stylesheet and icon: a build is needed, not a fresh one.
        if [ ! -f dist/index.html ]; then
            bash scripts/setup.sh
            bash scripts/build.sh
        fi
        CHUNKED=$SITE
        ;;
    *) die "ONLY=$ONLY: the only step that runs alone is ONLY=site" ;;
esac

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

site_figures=
if [ -n "$SITE" ]; then
    # The published site of that archive, each run timed: from nothing; again with nothing
    # changed; back to the archive without its newest release (whose pages are then removed,
    # as if never published); and with it again, the re-publication after one new release.
    archive=$work/chunked-$SITE
    [ -f "$archive/manifest.json" ] || die "SITE=$SITE: no chunked archive of $SITE releases (add $SITE to CHUNKED)"
    step "Published site of the chunked archive of $SITE releases: caricc site"
    site=$work/site-$SITE
    previous=$work/site-$SITE-previous
    rm -rf "$site" "$previous"
    node bench/site.mjs previous "$archive" "$previous"
    publish() {
        local run=$1 input=$2
        timed "$site.$run.json" target/release/caricc site --dist dist "$input" -o "$site" --url https://example.org/releases/ \
            >"$site.$run.out"
        echo "$run: $(head -n 1 "$site.$run.out"); $(cat "$site.$run.json")"
    }
    publish first "$archive"
    publish again "$archive"
    publish previous "$previous/manifest.json"
    rm -rf "$site"/*/"$(cat "$previous/newest.txt")"
    publish newest "$archive"
    site_figures=$site
    node bench/site.mjs figures "$site" "$site"

    # The first card from the pages themselves: the newest release (the root) and the oldest.
    oldest=$(node -e 'const fs = require("fs"), dir = process.argv[1];
        const read = (f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, "utf8"));
        const first = read("manifest.json"), all = [...first.releases, ...(first.older ? read(first.older).releases : [])];
        const last = all[all.length - 1]; console.log(`en/${last.year}/${last.number}/`);' "$archive")
    step "First card of the published site's pages: $SITE releases (root, $oldest)"
    node bench/first-card.mjs --runs "$RUNS" --out "$work/first-card-$SITE.json" "$site" "" "$oldest"
fi
step "First card of the published site's pages: the sample (dist/site)"
node bench/first-card.mjs --runs "$RUNS" --out "$work/first-card-sample.json" dist/site "" "en/2025/15/"
[ "$ONLY" = site ] && exit 0

step "Measuring ($RUNS runs)"
timeout --kill-after=30 "$TIME_LIMIT" node bench/run.mjs \
    --sample static/bundle.json --archive "$work/archive.json" --texts "$work/texts" \
    --runs "$RUNS" --out "$work/results.json" --time-limit "$((TIME_LIMIT - 60))" \
    --chunked "$(IFS=,; echo "${chunked[*]}")" --search-runs "$SEARCH_RUNS" \
    ${site_figures:+--site "$site_figures.json"}
