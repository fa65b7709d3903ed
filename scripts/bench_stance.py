"""Benchmark the default stance scorer: sentences per second on one core.

    python scripts/bench_stance.py [TSV ...] [--repeat 5]

Uses the CheckThat! sentences in ../shared/data/subjectivity when no file is given,
or a built-in set of sentences when shared/ is absent.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.stance import sentence_stance  # noqa: E402
from extractors.stance_data import read_sentences  # noqa: E402

FALLBACK = [
    "Revenue rose 12% to $4.1bn in the third quarter, the company said on Tuesday.",
    "In my view, this is a bold and frankly staggering bet that could reshape the industry.",
    "Why would anyone still trust these numbers?",
    "The deal is expected to close in the first half of 2026, subject to regulatory approval.",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    shared = Path(os.environ.get("NEWSCLAIMS_SHARED") or ROOT.parent / "shared") / "data" / "subjectivity"
    files = [Path(f) for f in args.files] or sorted(shared.glob("*_en*.tsv"))
    sentences = [r.sentence for f in files if f.exists() for r in read_sentences(f)] or FALLBACK * 500
    sentence_stance(sentences[0])  # load the lexicon outside the timing
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        for s in sentences:
            sentence_stance(s)
        best = min(best, time.perf_counter() - start)
    chars = sum(len(s) for s in sentences) / len(sentences)
    print(
        f"{len(sentences)} sentences (mean {chars:.0f} chars), best of {args.repeat}: "
        f"{len(sentences) / best:,.0f} sentences/s on one core"
    )


if __name__ == "__main__":
    main()
