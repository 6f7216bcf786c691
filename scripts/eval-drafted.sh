#!/usr/bin/env bash
# Drafts each public story's fact base from its sources/ with `factcheck facts draft`, then scores
# the story's drafts against the drafted facts (../shared/eval/score.mjs), one line per story and a
# total — beside the hand-written fact bases' score (../shared/eval/stories/score-all.sh).
# Run from the project root:  bash scripts/eval-drafted.sh [--verbose] [score.mjs options]
set -u
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stories="${STORIES:-$root/../shared/eval/stories}"
score="$stories/../score.mjs"
quiet="--quiet"
pass=()
for a in "$@"; do
  if [ "$a" = "--verbose" ] || [ "$a" = "-v" ]; then quiet=""; else pass+=("$a"); fi
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
flagged=0 false=0 expected=0 missed=0 status=0 n=0
for dir in "$stories"/*/; do
  dir="${dir%/}"
  [ -f "$dir/expected.json" ] && [ -d "$dir/sources" ] || continue
  name="$(basename "$dir")"
  mkdir -p "$work/$name"
  if ! npx --no-install factcheck facts draft --out "$work/$name/drafted.facts.yaml" "$dir/sources" 2>"$work/$name/draft.log"; then
    echo "$name: draft failed: $(head -n 1 "$work/$name/draft.log")" >&2
    status=2
    continue
  fi
  out="$(node "$score" $quiet --set "$dir" --cmd "npx --no-install factcheck check --format json --facts $work/$name" "${pass[@]+"${pass[@]}"}")"
  [ $? -ne 0 ] && [ $status -eq 0 ] && status=1
  [ -n "$quiet" ] || printf '%s\n' "$out" | sed '$d'
  line="$(printf '%s\n' "$out" | tail -n 1)"
  printf '%-14s %s\n' "$name" "$line"
  nums="$(printf '%s\n' "$line" | sed -n 's/.*(flagged \([0-9]*\), false alarms \([0-9]*\), expected \([0-9]*\), missed \([0-9]*\).*/\1 \2 \3 \4/p')"
  [ -n "$nums" ] || continue
  set -- $nums
  flagged=$((flagged + $1)); false=$((false + $2)); expected=$((expected + $3)); missed=$((missed + $4)); n=$((n + 1))
done
awk -v f="$flagged" -v fa="$false" -v e="$expected" -v m="$missed" -v n="$n" 'BEGIN {
  p = f ? (f - fa) / f : (e ? 0 : 1); r = e ? (e - m) / e : 1; f1 = (p + r) ? 2 * p * r / (p + r) : 0
  printf "%-14s precision %.3f recall %.3f f1 %.3f (%d stories drafted; flagged %d, false alarms %d, expected %d, missed %d)\n", "TOTAL", p, r, f1, n, f, fa, e, m
}'
exit $status
