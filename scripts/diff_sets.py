#!/usr/bin/env python3
"""List, per gold file, the gold claims missed and the predictions left unmatched at each level.

usage: diff_sets.py [--level figure|attributed|full] GOLD.jsonl [...]

A miss at a level that the level below matched is shown with the prediction it paired with there,
so that a wrong subject (attributed) or a wrong qualifier or modality (full) is read at a glance.
Nothing is written: the lists go to standard output only (gold text stays where it is kept).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.goldeval import load_scorer, predict  # noqa: E402

LEVELS = ("figure", "attributed", "full")
Row = dict[str, Any]


def _show(x: Row) -> str:
    fields = ("subject", "metric", "value", "unit", "qualifier", "modality", "period")
    head = " ".join(f"{k}={x.get(k)}" for k in fields)
    change = x.get("change")
    if change:
        head += f" change={change.get('kind')}:{change.get('value')}"
    return head


def _text(x: Row) -> str:
    return str(x.get("evidence") or x.get("sentence") or "")[:160].replace("\n", " ")


def _by_doc(scorer: Any, gold: list[Row], docs: set[str], preds: list[Row]) -> tuple[dict, dict]:
    gold_by: dict[str, list[Row]] = defaultdict(list)
    for g in gold:
        gold_by[g["doc"]].append(g)
    all_docs = set(docs) | set(gold_by)
    pred_by: dict[str, list[Row]] = defaultdict(list)
    for p in preds:
        if p.get("metric") in (None, "other"):
            continue
        k = scorer.doc_key(str(p.get("doc", "")), all_docs)
        if k is not None:
            pred_by[k].append(p)
    return gold_by, {d: scorer.dedupe(pred_by.get(d, [])) for d in all_docs}


def _pair(scorer: Any, g: Row, preds: list[Row]) -> Row | None:
    return next((p for p in preds if scorer.level_match("figure", g, p)), None)


def diff_file(path: Path, level: str) -> None:
    scorer = load_scorer()
    gold, docs = scorer.load_jsonl(str(path))
    gold_by, pred_by = _by_doc(scorer, gold, docs, predict(path))
    print(f"## {path.stem} ({level})")
    for d in sorted(pred_by):
        g, p = gold_by.get(d, []), pred_by[d]
        mg, mp = scorer.match(g, p, level)
        missed = [x for i, x in enumerate(g) if i not in mg]
        false = [x for i, x in enumerate(p) if i not in mp]
        if not missed and not false:
            continue
        print(f"- {d}")
        for x in missed:
            near = _pair(scorer, x, p)
            print(f"    MISS {_show(x)}\n         | {_text(x)}")
            if near is not None:
                print(f"         ~ {_show(near)}")
        for x in false:
            print(f"    FP   {_show(x)}\n         | {_text(x)}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--level", choices=LEVELS, default="full")
    a = ap.parse_args(argv)
    for path in a.gold:
        diff_file(path, a.level)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
