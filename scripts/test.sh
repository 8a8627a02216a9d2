#!/usr/bin/env bash
# Runs every test: the native ones (core, CLI, SSR rendering), then the release build of the
# viewer in headless Chromium. Exits non-zero if anything fails; ends with each runner's summary.
set -euo pipefail
source "$(dirname "$0")/env.sh"

bash scripts/setup.sh
started=$SECONDS
logs=target/test-logs
mkdir -p "$logs"
failed=()

step "The floors: the viewer's WebAssembly is built from none of the staff's crates"
# Cargo keeps a crate from using what it does not depend on; this keeps anyone from adding
# such a dependency to the viewer unnoticed.
forbidden=$(cargo tree -p caricc-viewer --target wasm32-unknown-unknown --features csr -e normal --prefix none \
    | awk '{print $1}' | grep -xE 'caricc-(import|synth|cli)|idna|clap' | sort -u || true)
if [ -n "$forbidden" ]; then
    echo "the viewer depends on: $forbidden"
    failed+=("floors")
else
    echo "caricc-viewer (wasm32) depends on none of caricc-import, caricc-synth, caricc-cli, idna, clap"
fi

step "Native tests: cargo test --workspace"
cargo test --workspace 2>&1 | tee "$logs/cargo.log" || failed+=("cargo test")

step "Release build of the site: scripts/build.sh"
if bash scripts/build.sh 2>&1 | tee "$logs/build.log"; then
    for file in dist/*.wasm dist/app-*.js dist/viewer-*.css; do
        printf '%8d bytes, %8d gzip -9, %8d shipped .gz  %s\n' \
            "$(wc -c < "$file")" "$(gzip -9 -c "$file" | wc -c)" "$(wc -c < "$file.gz")" "$file"
    done
    printf '%8d bytes          %s\n' "$(wc -c < dist/caricc-releases.html)" dist/caricc-releases.html

    step "Browser tests: node --test tests/e2e/"
    node --test --test-reporter=spec tests/e2e/ 2>&1 | tee "$logs/e2e.log" || failed+=("browser tests")

    # The same suites of the release view at the published site's pages (dist/site/ and a
    # site per test bundle), where the app takes the drawn page over; tests of the viewer's
    # own address (loading, ?bundle=, the picker) say why they are skipped there.
    step "Browser tests at the site's pages: E2E_AT=site node --test (tabs, search, cards, language, viewer, facts)"
    E2E_AT=site node --test --test-reporter=spec tests/e2e/{tabs,search,cards,language,viewer,facts}.test.mjs 2>&1 \
        | tee "$logs/e2e-site.log" || failed+=("browser tests at the site's pages")
else
    failed+=("site build")
    echo "browser tests skipped: no build to test"
fi

step "Summary (logs in $logs/)"
grep -E '^ +(Running|Doc-tests) |^test result:' "$logs/cargo.log" || true
for log in e2e e2e-site; do
    [ -f "$logs/$log.log" ] && echo "$log:" && grep -E '^ℹ (tests|pass|fail|cancelled|skipped|todo) ' "$logs/$log.log"
done || true
echo "tests took $((SECONDS - started))s after setup"
if [ ${#failed[@]} -gt 0 ]; then
    printf 'FAILED: %s\n' "${failed[@]}" >&2
    exit 1
fi
echo "all tests passed"
