#!/usr/bin/env bash
# Serves the viewer with the built-in bundle on http://127.0.0.1:8080/ (PORT=... to change),
# rebuilding when the sources change.
set -euo pipefail
source "$(dirname "$0")/env.sh"

bash scripts/setup.sh
# Trunk runs cargo offline, so the crates it needs must already be downloaded.
cargo fetch
step "Serving on http://127.0.0.1:${PORT:-8080}/"
exec trunk serve --offline --address 127.0.0.1 --port "${PORT:-8080}"
