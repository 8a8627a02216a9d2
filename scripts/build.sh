#!/usr/bin/env bash
# Builds the site to publish into dist/: the viewer (release build), the default bundle,
# and the single-file offline edition offered for download. Run scripts/setup.sh once first.
set -euo pipefail
source "$(dirname "$0")/env.sh"

step "caricc (release build)"
cargo build --release -p caricc-cli

step "Viewer: trunk build --release --offline"
# Trunk runs cargo offline, so the crates it needs must already be downloaded.
cargo fetch
trunk build --release --offline
node scripts/minify-glue.mjs dist

step "Precompressed copies of the app's files"
# A web server that serves precompressed files (nginx gzip_static, Caddy's precompressed)
# sends these instead of compressing on the fly: zopfli writes gzip that any browser reads,
# about 5% smaller than gzip -9. Only the files whose names carry a hash of their content
# get one, so a copy can never be older than its file; index.html and bundle.json, which
# a site edits, are compressed by the server as it sends them.
for file in dist/app-*.js dist/app-*_bg.wasm dist/viewer-*.css; do
    zopfli --gzip "$file"
done
ls -l dist/*.gz

step "Published site: dist/site/ (a static page per release and language)"
# Set SITE_URL to the site's public address to write canonical links, hreflang, OpenGraph
# URLs and the sitemap (e.g. SITE_URL=https://example.org/releases/site/).
target/release/caricc site --dist dist dist/bundle.json -o dist/site ${SITE_URL:+--url "$SITE_URL"}

step "Offline edition: dist/caricc-releases.html"
target/release/caricc offline --dist dist dist/bundle.json -o dist/caricc-releases.html
