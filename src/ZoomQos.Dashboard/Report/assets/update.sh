#!/usr/bin/env bash
# Reinstalls the report's chart library from npm (versions pinned by package-lock.json) and copies the
# browser bundle next to this script, where the build embeds it into zoomqos. Run after changing package.json.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp package.json package-lock.json "$work/"
(cd "$work" && npm ci --no-audit --no-fund)
cp "$work/node_modules/chart.js/dist/chart.umd.min.js" chart.umd.min.js
cp "$work/node_modules/chart.js/LICENSE.md" chart.js-LICENSE.md
echo "chart.js $(node -p "require('$work/node_modules/chart.js/package.json').version") copied."
