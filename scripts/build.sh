#!/usr/bin/env bash
# Builds the site to publish into dist/: the viewer (release build), the default bundle,
# and the single-file offline edition offered for download. Run scripts/setup.sh once first.
set -euo pipefail
source "$(dirname "$0")/env.sh"

step "caricc (release build)"
cargo build --release --features cli --bin caricc

step "Viewer: trunk build --release --offline"
# Trunk runs cargo offline, so the crates it needs must already be downloaded.
cargo fetch
trunk build --release --offline
node scripts/minify-glue.mjs dist

step "Offline edition: dist/caricc-releases.html"
target/release/caricc offline --dist dist dist/bundle.json -o dist/caricc-releases.html
