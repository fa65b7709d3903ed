#!/usr/bin/env python3
"""Extract and score several gold files at once, with the shared scorer.

usage: score_sets.py [GOLD.jsonl ...]   (default: the gold files in ../shared/data/gold)

Prints one row per file (F1 at the figure, attributed and full levels, with
true positives, gold and predicted counts) and a last row that pools the true
positives and counts of all files (micro-averaged), so that a change is judged
on every set at once, not on the one it was made for.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.goldeval import predict, score, shared_dir  # noqa: E402

LEVELS = ("figure", "attributed", "full")


def _f1(tp: int, gold: int, pred: int) -> float:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _row(name: str, counts: dict[str, tuple[int, int, int]]) -> str:
    cells = [f"{_f1(*counts[lv]):.3f} ({counts[lv][0]}/{counts[lv][1]}/{counts[lv][2]})" for lv in LEVELS]
    return f"| {name} | " + " | ".join(cells) + " |"


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((shared_dir() / "data" / "gold").glob("*.jsonl"))
    if not paths:
        print("no gold files given or found", file=sys.stderr)
        return 2
    total = {lv: (0, 0, 0) for lv in LEVELS}
    print("| gold file | figure F1 (tp/gold/pred) | attributed F1 | full F1 |")
    print("| --- | --- | --- | --- |")
    for path in paths:
        result = score(path, predict(path))
        counts = {lv: (result[lv]["tp"], result[lv]["gold"], result[lv]["pred"]) for lv in LEVELS}
        total = {lv: tuple(a + b for a, b in zip(total[lv], counts[lv], strict=True)) for lv in LEVELS}  # type: ignore[misc]
        print(_row(path.stem, counts))
    if len(paths) > 1:
        print(_row("all (pooled)", total))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
