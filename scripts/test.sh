#!/usr/bin/env bash
# `npm test`: everything, in one script (npm's pre/post hooks are off with ignore-scripts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
echo "== type-check"; npx tsc -b
echo "== lint"; npx eslint .
echo "== build CLI"; node scripts/cli-build.js
echo "== build renderer for E2E"; npx vite build --config renderer/vite.config.ts --logLevel warn
echo "== tests"; npx vitest run "$@"
