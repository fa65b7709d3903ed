#!/usr/bin/env python3
"""Write predicted claims (JSONL) for the articles of a gold file.

usage: predict_gold.py GOLD.jsonl [OUT.jsonl]
then:  python ../shared/tools/score_claims.py GOLD.jsonl OUT.jsonl --errors 30
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.goldeval import predict  # noqa: E402


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    rows = predict(Path(argv[0]))
    out = open(argv[1], "w", encoding="utf-8") if len(argv) > 1 else sys.stdout  # noqa: SIM115
    try:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
