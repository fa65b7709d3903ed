"""Claims end to end on spacy.blank("en") + our components (own example sentences)."""

from __future__ import annotations

import pytest

from extractors.analyse import analyse_article
from extractors.claims import extract_claims_from_doc
from extractors.nlp import get_nlp
from extractors.textfile import split_title


def claims(text: str, title: str | None = None):  # noqa: ANN201
    return extract_claims_from_doc(get_nlp()(text), title=title)


# (text, [(metric, value, unit, qualifier, modality, change)])
CASES = [
    (
        "Zento said quarterly earnings jumped 40% to $2.2bn, while sales grew 5% to $30.4bn.",
        [
            ("profit", 2.2e9, "USD", "exact", "actual", {"kind": "percent", "value": 40.0}),
            ("revenue", 30.4e9, "USD", "exact", "actual", {"kind": "percent", "value": 5.0}),
        ],
    ),
    (
        "Korvex posted a net profit of 920m euros (£640m), down from 1.1bn euros a year earlier.",
        [
            ("profit", 920e6, "EUR", "exact", "actual", None),
            ("profit", 1.1e9, "EUR", "exact", "actual", None),
        ],
    ),
    (
        "Lumo Labs is seeking to raise $150m from investors.",
        [("funding", 150e6, "USD", "exact", "target", None)],
    ),
    (
        "Analysts expect Dravo's turnover to reach roughly £3bn.",
        [("revenue", 3e9, "GBP", "approximate", "forecast", None)],
    ),
    (
        "Pexa's operating profit fell 12%.",
        [("profit", None, None, "exact", "actual", {"kind": "percent", "value": -12.0})],
    ),
    (
        "Vantel will cut 1,500 jobs.",
        [("employees", None, "count", "exact", "forecast", {"kind": "absolute", "value": -1500.0})],
    ),
    (
        "Rendo, which employs almost 8,000 staff, is hiring.",
        [("employees", 8000.0, "count", "approximate", "actual", None)],
    ),
    (
        "Shares in Calder Mining rose 9% to 212p.",
        [("share_price", 2.12, "GBP", "exact", "actual", {"kind": "percent", "value": 9.0})],
    ),
    (
        "Strata controls 35% of the European cement market.",
        [("market_share", 35.0, "percent", "exact", "actual", None)],
    ),
    (
        "Fintro's paying subscribers passed 12 million in 2025.",
        [],  # no number + noun pattern: "passed 12 million" without a noun is not read as a count
    ),
    (
        "Yield Corp has more than 4 million monthly active users.",
        [("mau", 4e6, "users", "at_least", "actual", None)],
    ),
    (
        "The government said inflation rose to 3.1% and GDP grew by 2%.",
        [],
    ),
    (
        "Ambro was fined $40m and agreed a $10m settlement.",
        [],
    ),
    (
        "Orla owns a 12% stake in Pemberly.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_claims_table(text: str, expected: list[tuple]) -> None:
    got = [(c.metric, c.value, c.unit, c.qualifier, c.modality, c.change) for c in claims(text)]
    assert got == [(m, pytest.approx(v) if v else v, u, q, mo, ch) for m, v, u, q, mo, ch in expected]


def test_alternates_and_span() -> None:
    text = "Brava's revenue rose to 2.5bn euros ($3.2bn; £2.1bn) last year."
    (c,) = claims(text)
    assert c.alternates == [{"value": 3.2e9, "unit": "USD"}, {"value": 2.1e9, "unit": "GBP"}]
    assert text[c.span[0] : c.span[1]] == c.surface == "2.5bn euros"
    assert c.sentence == text


def test_range_claim() -> None:
    (c,) = claims("Tolvo expects revenue of between $2bn and $3bn.")
    assert (c.qualifier, c.value_low, c.value_high, c.value) == ("range", 2e9, 3e9, 2.5e9)


def test_multiple_change_attaches_to_value() -> None:
    (c,) = claims("Nuvio's ARR grew threefold in a year to about $90 million.")
    assert (c.metric, c.value, c.qualifier) == ("arr", 90e6, "approximate")
    assert c.change == {"kind": "multiple", "value": 3.0}


def test_headline_repeat_is_one_claim() -> None:
    text = "Palo buys Quint for $2bn\n\nPalo has agreed to buy Quint for $2bn in cash."
    got = claims(text, title=split_title(text))
    assert len([c for c in got if c.value == 2e9]) == 1


def test_period() -> None:
    (c,) = claims("Ostra's capital expenditure will rise to $5bn in 2026.")
    assert c.period == "2026"


SENTENCES = [
    ("Profits at U.S. group Hamm Inc. rose 4% to $1.13bn. Mr. Lee was pleased.", 2),
    ("A headline without a stop\n\nThe body starts here. It ends here.", 3),
]


@pytest.mark.parametrize(("text", "n"), SENTENCES)
def test_sentence_boundaries(text: str, n: int) -> None:
    assert len(list(get_nlp()(text).sents)) == n


def test_analyse_article_spans_match_text() -> None:
    text = "Headline here\n\nKestrel said sales rose 3% to £400m. Its profit was £40m."
    a = analyse_article(text, split_title(text))
    assert a.claims
    for c in a.claims:
        assert text[c.span[0] : c.span[1]] == c.surface
        assert c.sentence_idx is not None and a.sentences[c.sentence_idx].start <= c.span[0]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "$", "100%", "£", "It rose 5% to."])
def test_degenerate_inputs(text: str) -> None:
    assert isinstance(claims(text), list)


def test_rounded_headline_figure_is_the_body_claim() -> None:
    text = "Palo agrees $3bn Quint deal\n\nPalo has agreed to buy Quint for $3.1bn in cash."
    got = claims(text, title=split_title(text))
    assert [(c.metric, c.value) for c in got] == [("deal_value", 3.1e9)]
