"""Score main-text extraction on the article-extraction benchmark in ../shared.

usage: python scripts/eval_extraction.py [--out PRED.json] [--limit N]

Runs ``extractors.html.extract_article`` over every page of
``../shared/data/article_extraction/html`` and scores it with the shared
scorer ``../shared/tools/score_extraction.py`` (word 4-gram shingles).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractors.html import extract_article  # noqa: E402


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSCLAIMS_SHARED", REPO.parent / "shared"))


def predict(html_dir: Path, truth: dict, limit: int | None = None) -> dict[str, dict[str, str]]:
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    out: dict[str, dict[str, str]] = {}
    for key in keys:
        html = gzip.decompress((html_dir / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        page = extract_article(html, url=truth[key].get("url"))
        out[key] = {"articleBody": page.text}
    return out


def evaluate(limit: int | None = None) -> tuple[dict, float]:
    shared = shared_dir()
    data = shared / "data" / "article_extraction"
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    if limit:
        truth = {k: truth[k] for k in sorted(truth)[:limit]}
    sys.path.insert(0, str(shared / "tools"))
    import score_extraction

    started = time.perf_counter()
    pred = predict(data / "html", truth)
    elapsed = time.perf_counter() - started
    return score_extraction.score(pred, truth), elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    result, elapsed = evaluate(args.limit)
    print(json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in result.items()}))
    print(f"{result['items']} pages in {elapsed:.1f}s ({result['items'] / elapsed:.1f} pages/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
