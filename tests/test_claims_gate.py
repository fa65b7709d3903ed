"""Evaluation gate: extract the gold articles, score them with the shared scorer, compare to floors.

Floors live in tests/floors/claims.json and only ever go up. Skips when ../shared
(or $NEWSCLAIMS_SHARED) is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.goldeval import predict, score, shared_dir

FLOORS = json.loads((Path(__file__).parent / "floors" / "claims.json").read_text(encoding="utf-8"))
GOLD_FILES = [k for k in FLOORS if not k.startswith("_")]


def _gold(name: str) -> Path:
    path = shared_dir() / "data" / "gold" / name
    if not path.exists():
        pytest.skip(f"{path} not available (../shared absent)")
    return path


def value_unit_recall(gold_path: Path, preds: list[dict]) -> float:
    """Share of gold figures with a value whose value (or an alternate) and unit a prediction has."""
    rows = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x.strip()]
    gold = [r for r in rows if "metric" in r and r.get("value") is not None]
    found = 0
    for g in gold:
        options = [(g["value"], g["unit"])] + [(a["value"], a["unit"]) for a in g.get("alternates") or []]
        doc_preds = [p for p in preds if p["doc"].endswith("/" + g["doc"])]
        if any(
            p.get("value") is not None and u == p.get("unit") and abs(p["value"] - v) <= 0.01 * abs(v)
            for p in doc_preds
            for v, u in options
        ):
            found += 1
    return found / len(gold) if gold else 1.0


@pytest.mark.parametrize("name", GOLD_FILES)
def test_gate(name: str) -> None:
    gold = _gold(name)
    preds = predict(gold)
    result = score(gold, preds)
    floors = FLOORS[name]
    got = {level: round(result[level]["f1"], 3) for level in ("figure", "attributed", "full")}
    got["value_unit_recall"] = round(value_unit_recall(gold, preds), 3)
    below = {k: (got[k], v) for k, v in floors.items() if got[k] + 1e-9 < v}
    assert not below, f"{name}: below floor (got, floor): {below}; all: {got}"


def test_every_seed_claim_found_at_full_level() -> None:
    gold = _gold("seeds.jsonl")
    result = score(gold, predict(gold))
    assert result["full"]["tp"] == result["full"]["gold"]
