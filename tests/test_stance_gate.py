"""Evaluation gate: the default stance scorer on CheckThat! dev_test and on the seed articles.

Floors live in tests/floors/stance.json and only go up. Skips cleanly when shared/ is absent
(set NEWSCLAIMS_SHARED to point elsewhere).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from extractors.analyse import analyse_article
from extractors.stance import OPINION, sentence_stances, use_stance_model
from extractors.stance_data import OBJ, SUBJ, read_sentences, score_labels

FLOORS = json.loads((Path(__file__).parent / "floors" / "stance.json").read_text(encoding="utf-8"))
SHARED = Path(os.environ.get("NEWSCLAIMS_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")


@pytest.fixture(autouse=True)
def default_scorer(monkeypatch: pytest.MonkeyPatch):
    """The gate measures the shipped cue scorer, whatever the environment says."""
    monkeypatch.delenv("NEWSCLAIMS_STANCE_MODEL", raising=False)
    monkeypatch.delenv("NEWSCLAIMS_STANCE_LEXICON", raising=False)
    use_stance_model(None)


def _shared_file(rel: str) -> Path:
    path = SHARED / rel
    if not path.is_file():
        pytest.skip(f"shared data not available: {path}")
    return path


def test_dev_test_floors() -> None:
    floors = FLOORS["dev_test"]
    path = _shared_file(floors["file"])
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == floors["sha256"], f"{path} changed: re-measure and re-pin the floors"
    rows = read_sentences(path, require_labels=True)
    predicted = [SUBJ if r.stance == OPINION else OBJ for r in sentence_stances([r.sentence for r in rows])]
    scores = score_labels([r.label or "" for r in rows], predicted)
    assert scores.n == len(rows) > 0
    assert scores.macro_f1 >= floors["macro_f1"], scores
    assert scores.f1_subj >= floors["f1_subj"], scores
    assert scores.f1_obj >= floors["f1_obj"], scores


def test_seed_opinion_shares() -> None:
    seeds = FLOORS["seeds"]
    opinion = analyse_article(_shared_file(seeds["opinion_file"]).read_text(encoding="utf-8"))
    news = analyse_article(_shared_file(seeds["news_file"]).read_text(encoding="utf-8"))
    assert opinion.opinion_share >= seeds["min_opinion_share"]
    assert opinion.opinion_share - news.opinion_share >= seeds["min_share_gap"]
