#!/usr/bin/env bash
# Rebuilds rivet-walk.cjs from walk.mjs and the versions pinned in package-lock.json (npm ci), then removes
# node_modules: the repository keeps the bundle, the manifest and the lock, and nothing downloads at test time.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npx esbuild walk.mjs --bundle --platform=node --target=node20 --format=cjs --legal-comments=eof --outfile=rivet-walk.cjs
rm -rf node_modules
echo "rivet-walk.cjs: $(wc -c < rivet-walk.cjs) bytes"
