#!/usr/bin/env bash
# The analysts' dashboard: type-checked (apps/dashboard/tsconfig.json, sharing @ledger/labels with the
# server), bundled with esbuild into dist/dashboard/ with its page and styles. ECharts is served apart,
# from node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
npx --no-install tsc -p apps/dashboard/tsconfig.json
npx --no-install esbuild apps/dashboard/src/main.ts --bundle --format=esm --platform=browser --target=es2022 \
  --tsconfig=apps/dashboard/tsconfig.json --minify --sourcemap --log-level=warning --outfile=dist/dashboard/dashboard.js
cp apps/dashboard/index.html apps/dashboard/dashboard.css dist/dashboard/
