#!/usr/bin/env bash
# Installs everything building and testing the viewer needs. Safe to re-run: each tool's
# version is checked first, so a machine that has everything is done in seconds.
# Works unattended (CI runs it as root with no terminal).
set -euo pipefail
source "$(dirname "$0")/env.sh"

TRUNK_VERSION=0.21.14   # newer Trunk needs a newer rustc than we build with
NODE_MAJOR_MIN=20       # playwright-core's minimum
started=$SECONDS

# Root installs apt packages directly; anyone else needs sudo for that step only.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else die "need root (or sudo) to run: $*"
    fi
}

step "Rust toolchain and the wasm32 target"
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
command -v rustup >/dev/null || die "rustup not found: the wasm32 target is added with rustup"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    echo "wasm32-unknown-unknown: installed"
else
    rustup target add wasm32-unknown-unknown
fi

step "Trunk $TRUNK_VERSION"
if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
    echo "trunk $TRUNK_VERSION: installed"
else
    echo "installing trunk $TRUNK_VERSION from source (about 10 minutes)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi

step "wasm-bindgen-cli (must match the wasm-bindgen crate in Cargo.lock)"
wasm_bindgen_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$wasm_bindgen_version" ] || die "no wasm-bindgen package in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $wasm_bindgen_version" ]; then
    echo "wasm-bindgen $wasm_bindgen_version: installed"
else
    echo "installing wasm-bindgen-cli $wasm_bindgen_version from source (about 5 minutes)"
    # Not --locked: its lock file pins a crate version the registry no longer serves.
    cargo install wasm-bindgen-cli --version "$wasm_bindgen_version"
fi

step "npm packages: binaryen (wasm-opt), terser, playwright-core, axe-core"
command -v node >/dev/null || die "node not found: Node.js $NODE_MAJOR_MIN or newer is needed"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge "$NODE_MAJOR_MIN" ] || die "Node.js $NODE_MAJOR_MIN or newer is needed, found $(node --version)"
# npm ci wipes and reinstalls, so only run it when the lock file changed since the last one.
stamp=tests/e2e/node_modules/.installed-from
want=$(sha256sum tests/e2e/package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x tests/e2e/node_modules/.bin/wasm-opt ]; then
    echo "tests/e2e/node_modules: up to date"
else
    (cd tests/e2e && npm ci --no-audit --no-fund)
    echo "$want" > "$stamp"
fi
wasm-opt --version

step "Chromium and chromedriver, and zopfli for the release build (Debian packages)"
missing=()
for package in chromium chromium-driver zopfli; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "chromium, chromium-driver, zopfli: installed"
else
    echo "installing ${missing[*]}"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

step "setup done in $((SECONDS - started))s"
