"""Extract the articles of a gold file and score them with the shared scorer.

Used by ``scripts/predict_gold.py`` and the evaluation gate
(``tests/test_claims_gate.py``). ``../shared`` is found beside the repository
or through the ``NEWSCLAIMS_SHARED`` environment variable.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType
from typing import Any

from extractors.analyse import analyse_articles
from extractors.textfile import read_text_article


def shared_dir() -> Path:
    env = os.environ.get("NEWSCLAIMS_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1].parent / "shared"


def gold_docs(gold_path: Path) -> list[str]:
    docs: list[str] = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        if "docs" in obj and "metric" not in obj:
            docs.extend(obj["docs"])
        elif obj.get("doc") and obj["doc"] not in docs:
            docs.append(obj["doc"])
    return docs


def predict(gold_path: Path, shared: Path | None = None) -> list[dict[str, Any]]:
    """Claims (as CLAIMS.md dicts with ``doc``) for every article the gold file lists."""
    shared = shared or shared_dir()
    paths = [shared / "data" / d for d in gold_docs(gold_path)]
    items = [read_text_article(p) for p in paths]
    rows: list[dict[str, Any]] = []
    for path, analysis in zip(paths, analyse_articles(items), strict=True):
        rows.extend(c.to_dict(str(path)) for c in analysis.claims)
    return rows


def load_scorer(shared: Path | None = None) -> ModuleType:
    path = (shared or shared_dir()) / "tools" / "score_claims.py"
    spec = importlib.util.spec_from_file_location("newsclaims_score_claims", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(gold_path: Path, preds: list[dict[str, Any]], shared: Path | None = None) -> dict[str, Any]:
    scorer = load_scorer(shared)
    gold_rows, docs = scorer.load_jsonl(str(gold_path))
    result, _ = scorer.score(gold_rows, docs, preds)
    return result
