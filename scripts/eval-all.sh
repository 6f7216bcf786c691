#!/usr/bin/env bash
# Every labelled set the project scores against, one summary line each: the public raid set,
# the project's own rephrasings, its blind raid sets, and the public stories of other genres.
# Extra arguments (e.g. --verbose) go to the stories' script.
cd "$(dirname "$0")/.."
score=../shared/eval/score.mjs
printf '%-14s %s\n' "dev" "$(node $score --quiet | tail -1)"
printf '%-14s %s\n' "local" "$(node $score --quiet --set test/fixtures/eval | tail -1)"
for s in heldout heldout2 heldout3 heldout4 heldout5 heldout6 heldout7; do
  printf '%-14s %s\n' "$s" "$(node $score --quiet --set test/fixtures/$s | tail -1)"
done
bash ../shared/eval/stories/score-all.sh "$@"
