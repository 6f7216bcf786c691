#!/bin/sh
# Package facts: each library installed alone in its own folder, its node_modules measured,
# its dependency tree counted, and what `npm view` says (publish dates, and downloads if shown).
set -e
cd "$(dirname "$0")"
OUT=results/pkgfacts.md
echo "# Package facts ($(date -u +%F))" > $OUT
for spec in chrono-node@2.10.3 @microsoft/recognizers-text-suite@1.3.1; do
  name=${spec%@*}; dir=alone/$(echo "$name" | tr '/@' '__')
  rm -rf "$dir"; mkdir -p "$dir"
  (cd "$dir" && npm init -y >/dev/null && npm install "$spec" --no-audit --no-fund --silent)
  size=$(du -sh "$dir/node_modules" | cut -f1)
  kb=$(du -sk "$dir/node_modules" | cut -f1)
  total=$(cd "$dir" && npm ls --all --parseable | tail -n +3 | wc -l)
  direct=$(npm view "$spec" dependencies --json 2>/dev/null | grep -c '":' || true)
  latest=$(npm view "$name" version)
  published=$(npm view "$name" time --json | node -e "let t=JSON.parse(require('fs').readFileSync(0));console.log(t['$latest'])")
  echo "\n## $name\n- version installed: ${spec##*@} (latest: $latest, npm view time[$latest]: $published)" >> $OUT
  echo "- node_modules alone: $size ($kb KB), packages installed besides itself: $total, direct dependencies: $direct" >> $OUT
  echo "- npm view summary line: $(npm view "$name" 2>/dev/null | grep -m1 'deps:' )" >> $OUT
  echo "- npm view '.. published ..' line: $(npm view "$name" 2>/dev/null | grep -m1 'published')" >> $OUT
  echo "- weekly downloads: not shown by npm view" >> $OUT
done
echo "\n## MS dependency tree\n\`\`\`\n$(cd alone/_microsoft_recognizers-text-suite && npm ls --all)\n\`\`\`" >> $OUT
cat $OUT
