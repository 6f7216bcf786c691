#!/bin/sh
# Re-runs every measurement; results land in results/. Takes ~20 minutes on 2 cores (bench.js is
# most of it). Quick quality-only run: ./run-all.sh quick
set -e
cd "$(dirname "$0")"
export TZ=UTC
[ -d node_modules/chrono-node ] && [ -d node_modules/@microsoft/recognizers-text-suite ] || npm install --no-audit --no-fund
mkdir -p results
node score-sample.js   > results/sample.summary.json   # 60 hand-labelled spans  -> results/sample.md
node engine-sample.js  > results/engine-sample.txt     # the engine's own readers on the same spans
node falsehits.js      > results/falsehits.summary.json # 4 whole articles        -> results/falsehits.md
node corpus-tally.js   > results/corpus-tally.summary.json # failure classes, 17 articles -> results/corpus-tally.md
node extra.js          > /dev/null                       # forms absent from corpus -> results/extra.md
if command -v unshare >/dev/null && unshare -n true 2>/dev/null; then unshare -n node smoke-offline.js; else node smoke-offline.js; fi
[ "$1" = quick ] && exit 0
./pkgfacts.sh          > /dev/null                       # sizes, deps, npm view   -> results/pkgfacts.md
node permodel.js       > /dev/null                       # cost of each MS model   -> results/permodel.json
node bench.js          > /dev/null                       # speed                   -> results/bench.md
echo "done: see results/*.md"
