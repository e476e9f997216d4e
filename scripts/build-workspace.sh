#!/usr/bin/env bash
# The officers' workspace, after the server's tsc: the OpenAPI document written from the DTOs, the API
# client types generated from it (openapi-typescript), the front end type-checked against them (a changed
# DTO fails here), then bundled with esbuild into dist/workspace/.
set -euo pipefail
cd "$(dirname "$0")/.."
node -r ./config/register-paths.js dist/apps/ledger-api/src/openapi/write-openapi.js dist/openapi.json
npx --no-install openapi-typescript dist/openapi.json -o apps/workspace/src/generated/api.ts --silent
npx --no-install tsc -p apps/workspace/tsconfig.json
npx --no-install esbuild apps/workspace/src/main.tsx --bundle --format=esm --platform=browser --target=es2022 --jsx=automatic --jsx-import-source=preact \
  --tsconfig=apps/workspace/tsconfig.json --minify --sourcemap --log-level=warning --outfile=dist/workspace/workspace.js
cp apps/workspace/index.html apps/workspace/workspace.css dist/workspace/
