#!/usr/bin/env bash
# Scores every evaluation set in one go: the public set and the project's development sets
# (eval/dev/*-tune.jsonl; add --check to score the parts kept aside), built-in and raw.
# Usage: tools/dev_eval.sh [--check] [--show-failures] [extra confbot ask flags...]
# CONFBOT_BIN names another launcher (e.g. a copy of a built jar, so that editing the sources
# during a run does not rebuild the bot half-way through).
set -uo pipefail
cd "$(dirname "$0")/.."
part=tune; show=()
while [ $# -gt 0 ]; do
  case "$1" in
    --check) part=check; shift ;;
    --show-failures) show=(--show-failures); shift ;;
    *) break ;;
  esac
done
score=../shared/tools/score_eval.py
notes=../shared/notes
other=../shared/corpora/other-conferences
run() { # label set args...
  local label=$1 set=$2; shift 2
  printf '%-34s %s\n' "$label" "$("$score" "$set" "${show[@]}" -- ${CONFBOT_BIN:-./confbot} ask --json "$@" | tail -1)"
}
run "public built-in" ../shared/eval/public.jsonl "$@"
run "public raw" ../shared/eval/public.jsonl --no-builtin --notes "$notes" "$@"
run "other-conferences raw" "$other/questions.jsonl" --no-builtin --notes "$other/notes" "$@"
run "dev kubecon-$part built-in" "eval/dev/kubecon-$part.jsonl" "$@"
run "dev kubecon-$part raw" "eval/dev/kubecon-$part.jsonl" --no-builtin --notes "$notes" "$@"
run "dev other-$part raw" "eval/dev/other-$part.jsonl" --no-builtin --notes "$other/notes" "$@"
