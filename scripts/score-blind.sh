#!/usr/bin/env bash
# Scores the blind sets (test/fixtures/blind*/<story>/, each with its own facts) and prints only
# one summary line per story and a total: the documents and labels stay unread, so a set scored
# here can be reported as held out. Score a blind set once; after tuning on it, it is no longer blind.
cd "$(dirname "$0")/.."
score=../shared/eval/score.mjs
tp=0; flagged=0; expected=0
for dir in test/fixtures/blind*/*/; do
  [ -f "$dir/expected.json" ] || continue
  story="${dir%/}"
  line="$(node $score --quiet --set "$story" --cmd "npx --no-install factcheck check --format json --facts $story/facts" | tail -1)"
  printf '%-44s %s\n' "${story#test/fixtures/}" "$line"
  f=$(sed -n 's/.*flagged \([0-9]*\).*/\1/p' <<<"$line"); fa=$(sed -n 's/.*false alarms \([0-9]*\).*/\1/p' <<<"$line")
  e=$(sed -n 's/.*expected \([0-9]*\).*/\1/p' <<<"$line"); m=$(sed -n 's/.*missed \([0-9]*\).*/\1/p' <<<"$line")
  flagged=$((flagged + f)); tp=$((tp + f - fa)); expected=$((expected + e)); caught=$((${caught:-0} + e - m))
done
awk -v tp="$tp" -v f="$flagged" -v e="$expected" -v c="${caught:-0}" 'BEGIN { printf "TOTAL precision %.3f recall %.3f (flagged %d, right %d, expected %d, caught %d)\n", f ? tp / f : 0, e ? c / e : 0, f, tp, e, c }'
