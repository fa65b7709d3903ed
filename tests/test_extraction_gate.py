"""Evaluation gate: main-text extraction on the 181 real pages of the
article-extraction benchmark must not fall below the pinned floors."""

from __future__ import annotations

import hashlib
import json
import sys

import pytest

from tests.conftest import REPO, shared_path

FLOORS = json.loads((REPO / "tests" / "floors" / "extraction.json").read_text())


@pytest.mark.slow
def test_extraction_meets_floors():
    data = shared_path("data", "article_extraction")
    truth_bytes = (data / "ground-truth.json").read_bytes()
    # The corpus the floors were measured on: a change of corpus must be deliberate.
    assert len(json.loads(truth_bytes)) == 181, hashlib.sha256(truth_bytes).hexdigest()
    sys.path.insert(0, str(REPO / "scripts"))
    from eval_extraction import evaluate

    result, _elapsed = evaluate()
    for metric in ("f1", "precision", "recall"):
        assert result[metric] >= FLOORS[metric], f"{metric} {result[metric]:.4f} < floor {FLOORS[metric]}"
