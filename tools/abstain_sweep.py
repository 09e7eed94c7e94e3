#!/usr/bin/env python3
"""Sweeps the abstain policy's coverage threshold over an evaluation set.

Input: the evaluation set, and the bot's `ask --json --explain` output for its questions made with
the threshold at 0 (set AbstainPolicy.MIN_COVERAGE = 0.0 and rebuild), stdout and stderr in two
files. For each threshold it counts the items that would pass: answerable ones answered with the
right terms and coverage at or above it, unanswerable ones abstained or below it.

usage: abstain_sweep.py EVAL.jsonl ANSWERS.json EXPLAIN.txt
"""
import json
import re
import sys


def main(eval_path, answers_path, explain_path):
    items = [json.loads(line) for line in open(eval_path, encoding="utf-8") if line.strip()]
    replies = [json.loads(line) for line in open(answers_path, encoding="utf-8") if line.strip()]
    why = [line for line in open(explain_path, encoding="utf-8") if line.startswith("  ")]
    rows = []
    for item, reply, line in zip(items, replies, why):
        coverage = float(re.search(r"coverage ([0-9.]+)", line).group(1))
        head = reply["text"][:600].casefold()
        right = reply["answered"] and all(any(t.casefold() in head for t in g) for g in item["must_contain"])
        rows.append((item["answerable"], reply["answered"], coverage, right))
    for t in [0.0, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8]:
        passed = sum((a and ans and ok and c >= t) or (not a and (not ans or c < t)) for a, ans, c, ok in rows)
        print(f"{t:.2f} {passed}/{len(rows)}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__)
        sys.exit(2)
    main(*sys.argv[1:])
