"""Fast paths of round ``speed3`` in the per-sentence claim rules equal the plain code (invented inputs)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import claims as C
from extractors import metrics as M
from extractors.model import Claim
from extractors.nlp import get_nlp
from extractors.scan import LiteralGate


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


@pytest.mark.pure_python
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


_NO_METRIC_CASES = [
    # money values with a cue of their own, none, or only a rule's words
    ("Acme made $3bn in 2004.", None),
    ("The tower cost $3bn to build.", None),
    ("It agreed to buy Bexco's stake in Cora for $2bn.", None),
    ("Of the $550m it lost on trading, $200m was in Asia.", None),
    ("Advisers valued Acme - which owns Bexco - at $2bn.", None),
    ("It was sold in 2004 to a group of investors for $800m.", None),
    ("Bexco will pay $50m once approved.", "Bexco agrees to buy 30% of Acme"),
    ("It will offer 22.5bn yuan worth of shares to investors.", None),
    ("Zorbel got the $6bn which Quanta Bank lent it.", None),
    ("Then $2bn, and $3bn in 2005.", None),
    # money moves and percent changes in share talk
    ("Acme fell $2.10 to $41.20.", "Shares slide in Tokyo"),
    ("Acme fell $2.10 to $41.20.", "Weather news"),
    ("Acme shed 2.1% to 17.58 euros.", "Stock markets fall"),
    ("Acme shed 2.1% to 17.58 euros.", None),
    ("Prices rose 3% in May.", None),
    ("It grew 3% in May and doubled in 2004.", None),
    ("Acme hired 300 workers and 5% more are due.", None),
    ("Acme said it raised $3bn ($1.6bn).", None),
]


@pytest.mark.pure_python
@pytest.mark.parametrize(("text", "title"), _NO_METRIC_CASES)
def test_no_metric_shortcut_equals_plain(
    text: str, title: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = f"{title}\n\n{text}" if title else text
    fast = _claims(full, title)
    monkeypatch.setattr(C, "_no_metric_possible", lambda sentence, items, hits, share_talk: False)
    assert fast == _claims(full, title)


_MONEY_BITS = [
    "Acme", "Bexco", "it", "was", "sold", "bought", "for", "paid", "will pay", "$3bn", "£20m", "($1bn)",
    "stake", "lost", "valued", "-", "at", "shares", "to investors", "which", "lent", "fell", "rose",
    "up", "3%", "to", "in", "2004", "tax", "the", "market", ",",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_MONEY_BITS), min_size=1, max_size=12).map(" ".join),
    st.sampled_from([None, "Shares fall", "Acme results"]),
)
def test_no_metric_shortcut_random(text: str, title: str | None) -> None:
    full = f"{title}\n\n{text}." if title else f"{text}."
    fast = _claims(full, title)
    orig = C._no_metric_possible
    try:
        C._no_metric_possible = lambda sentence, items, hits, share_talk: False  # type: ignore[assignment]
        assert fast == _claims(full, title)
    finally:
        C._no_metric_possible = orig


_GATE_PATTERNS = [C._STAKE_BOUGHT_RE, C._RELATIVE_LOST_RE, C._PASSIVE_SALE_RE, C._LENT_AFTER_RE]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_MONEY_BITS + ["ſtake", "İ", "that"]), max_size=14).map(" ".join))
def test_money_rules_gate_is_safe(text: str) -> None:
    """The union gate says no only where each rule's regex finds nothing (and each own gate says no)."""
    if not C._MONEY_RULES_GATE.may_match(text):
        for rx in _GATE_PATTERNS:
            assert rx.search(text) is None, (rx.pattern[:40], text)


def test_literal_gate_any_of() -> None:
    a, b = LiteralGate(r"\bstakes?\b"), LiteralGate(r"\blost\b")
    both = LiteralGate.any_of([a, b])
    assert both.literals == ("lost", "stake")
    assert both.may_match("it lost") and both.may_match("a STAKE") and not both.may_match("it won")
    assert LiteralGate.any_of([a, LiteralGate(r"\w+")]).literals is None  # one unknown: always yes
    assert not LiteralGate.any_of([]).may_match("anything")


_CUE_WORD_BITS = [
    "shares", "fell", "FELL", "rose", "down", "up", "cut", "plans to", "will", "may", "May", "expects",
    "target", "aims to", "for", "to", "is", "sales", "by", "3%", "ſlump", "İ", "ı", " ", "-", ",",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_CUE_WORD_BITS), max_size=12).map(" ".join))
def test_cue_word_gates_are_safe(text: str) -> None:
    """The gates of the change and modal word lists say no only where their regex finds nothing."""
    from extractors import cues as CU

    for gate, rx in (
        (CU._FALL_GATE, CU.FALL_RE),
        (CU._TARGET_GATE, CU.TARGET_RE),
        (CU._FORECAST_GATE, CU.FORECAST_RE),
    ):
        assert gate.literals is not None
        if not gate.may_match(text):
            assert rx.search(text) is None, (rx.pattern[:40], text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CUE_WORD_BITS), max_size=12).map(" ".join))
def test_is_fall_equals_plain(text: str) -> None:
    from extractors import cues as CU

    falls = [m.end() for m in CU.FALL_RE.finditer(text)]
    rises = [m.end() for m in CU.RISE_RE.finditer(text)]
    plain = bool(falls) and (not rises or max(falls) > max(rises))
    assert CU.is_fall(text) == plain


def _corpus() -> list[tuple[str, str | None]]:
    from extractors.goldeval import shared_dir
    from extractors.textfile import read_text_article

    folder = shared_dir() / "data" / "bbc_business" / "business"
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        pytest.skip("../shared/data/bbc_business is absent")
    return [read_text_article(p) for p in paths]


@pytest.mark.pure_python
def test_early_returns_change_no_claim_of_the_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both early returns of ``_sentence_claims`` on 510 real articles: the same claims without them.

    Guards rules added later: one that gives a money value a metric without a cue, but whose
    regex is missing from ``_MONEY_RULES_GATE``, would lose its claims to the early return.
    """
    articles = _corpus()
    nlp = get_nlp()
    docs = list(nlp.pipe([text for text, _ in articles]))

    def run() -> list[list[Claim]]:
        return [C.extract_claims_from_doc(doc, title) for doc, (_, title) in zip(docs, articles, strict=True)]

    fast = run()
    assert sum(map(len, fast)) > 500
    monkeypatch.setattr(C, "_no_metric_possible", lambda sentence, items, hits, share_talk: False)
    monkeypatch.setattr(C, "_percent_values_without_share_cue", lambda sentence, items: False)
    assert run() == fast
