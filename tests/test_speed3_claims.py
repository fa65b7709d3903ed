"""Fast paths of round ``speed3`` in the per-sentence claim rules equal the plain code (invented inputs)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import claims as C
from extractors import metrics as M
from extractors.model import Claim
from extractors.nlp import get_nlp


def _claims(text: str, title: str | None = None) -> list[Claim]:
    return C.extract_claims_from_doc(get_nlp()(text), title)


_CUE_BITS = [
    "market", "MARKET", "share", "of all", "passengers", "output", "production", "exports", "sales",
    "Acme's", "the", "its", "of", "rose", "fell", "12%", "40%", "$3bn", "stake", "profit", "jobs",
    "ſales", "mar\u212aet", "İ", "ı", " ", "-", ",",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_CUE_BITS), max_size=14).map(" ".join))
def test_cue_gate_is_safe(text: str) -> None:
    """A metric's cue gate says no only where ``find_cues`` finds no cue of that metric."""
    found = {h.metric for h in M.find_cues(text)}
    for metric in {c.metric for c in M.load_cues()}:
        if not M.cue_gate(metric).may_match(text):
            assert metric not in found, (metric, text)


def test_market_share_gate_words() -> None:
    assert M.cue_gate("market_share").literals is not None
    assert not M.cue_gate("market_share").may_match("Prices rose 3% in May.")
    assert M.cue_gate("market_share").may_match("It holds 30% of the MARKET.")
    assert M.cue_gate("market_share").may_match("It holds 30% of the \u017fales.")  # long s: re reads "s"


_PERCENT_VALUE_CASES = [
    "Acme holds 30% of the UK market.",
    "Acme has a 12% market share, up from 9%.",
    "Bexco makes 40% of Zedland's exports.",
    "The rate was 4.5% in May.",
    "About 60% of staff voted for the deal.",
    "Acme carried 20% of all passengers at the airport.",
    "Its share of the car market rose to 7%.",
    "Acme owns 25% of Bexco, which made a profit of $3m.",
    "The 5% stake is worth $2bn, Acme said.",
    "Inflation hit 3.1%, and 10% of the output was lost.",
    "Half of the market belongs to Acme.",
    "Acme, with 30% of the \u017fales, leads.",
]


@pytest.mark.parametrize("text", _PERCENT_VALUE_CASES)
def test_percent_values_shortcut_equals_plain(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _claims(text)
    monkeypatch.setattr(C, "_percent_values_without_share_cue", lambda sentence, items: False)
    assert fast == _claims(text)


_SENTENCE_BITS = [
    "Acme", "Bexco's", "holds", "has", "rose", "30%", "4.5%", "of the", "UK", "market", "exports",
    "output", "sales", "share", "stake", "$3bn", "staff", "said", "in May", ",", "and", "-",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_BITS), min_size=1, max_size=12).map(" ".join))
def test_percent_values_shortcut_random(text: str) -> None:
    fast = _claims(text + ".")
    orig = C._percent_values_without_share_cue
    try:
        C._percent_values_without_share_cue = lambda sentence, items: False  # type: ignore[assignment]
        assert fast == _claims(text + ".")
    finally:
        C._percent_values_without_share_cue = orig
