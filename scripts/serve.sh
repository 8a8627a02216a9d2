#!/usr/bin/env bash
# Builds the site exactly as it is published and serves it with the built-in bundle on
# http://127.0.0.1:8080/ (PORT=... to change). For live rebuilding while developing, use
# `trunk serve --offline` after setup instead.
set -euo pipefail
source "$(dirname "$0")/env.sh"

bash scripts/setup.sh
bash scripts/build.sh
step "Serving dist/"
exec node scripts/serve.mjs dist
