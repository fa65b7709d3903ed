"""Measure the stance scorer on a CheckThat! split: macro-F1 and per-class F1.

    python scripts/eval_stance.py dev_test            # a split of ../shared/data/subjectivity
    python scripts/eval_stance.py path/to/file.tsv --model /path/to/textcat --errors 20

Opinion = SUBJ. Never tune on test_en_labeled.tsv: report it only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.stance import OPINION, sentence_stances, use_stance_model  # noqa: E402
from extractors.stance_data import OBJ, SUBJ, read_sentences, score_labels  # noqa: E402

SPLITS = {
    "train": "train_en.tsv",
    "dev": "dev_en.tsv",
    "dev_test": "dev_test_en.tsv",
    "test": "test_en_labeled.tsv",
}


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSCLAIMS_SHARED") or ROOT.parent / "shared")


def resolve(split: str) -> Path:
    if split in SPLITS:
        return shared_dir() / "data" / "subjectivity" / SPLITS[split]
    return Path(split)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="+", help="train, dev, dev_test, test or a TSV path")
    parser.add_argument("--model", help="textcat model directory (default: the cue scorer)")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    parser.add_argument("--json", action="store_true", help="print one JSON line per split")
    args = parser.parse_args()
    if args.model:
        use_stance_model(args.model)
    for split in args.split:
        rows = read_sentences(resolve(split), require_labels=True)
        results = sentence_stances([r.sentence for r in rows])
        predicted = [SUBJ if r.stance == OPINION else OBJ for r in results]
        scores = score_labels([r.label or "" for r in rows], predicted)
        if args.json:
            print(json.dumps({"split": split, **scores.as_dict()}))
        else:
            print(
                f"{split:10s} n={scores.n:4d} macro-F1={scores.macro_f1:.4f} "
                f"F1(SUBJ)={scores.f1_subj:.4f} F1(OBJ)={scores.f1_obj:.4f} acc={scores.accuracy:.4f}"
            )
        if args.errors:
            for kind in (SUBJ, OBJ):
                wrong = [
                    (r, res)
                    for r, res, p in zip(rows, results, predicted, strict=True)
                    if r.label == kind and p != kind
                ]
                print(f"--- gold {kind}, predicted otherwise ({len(wrong)}):")
                for row, res in wrong[: args.errors]:
                    print(f"  {res.score:.2f} {row.sentence[:160]}\n       {res.cues[:6]}")


if __name__ == "__main__":
    main()
