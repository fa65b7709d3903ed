"""Claims generalisation round 18 (own invented articles, invented companies).

A data provider that surveyed analysts is a source, "Rival" opening a sentence is no part of a name,
and a sentence that opens with a description of the article's company ("The garden-tools retailer
earned ...") gives that company all its clauses' figures and is the topic the next sentences inherit.
"""

from __future__ import annotations

import pytest
from sweep_helpers import found

_LEAD = (
    "Quillon Stores reported results on Tuesday, and Quillon Stores shares fell. "
    "Rival Bexmart was also lower. "
)

# the subject each figure resolves to
SWEEP18_SUBJECTS = [
    (  # a data provider that surveyed or polled analysts is the source, not the subject
        "Quillon Stores said profits rose 5%. "
        "Economists polled by Zentra Data had expected revenue of $3.1bn.",
        [
            ("Quillon Stores", "profit", None, ("percent", 5.0)),
            ("Quillon Stores", "revenue", 3.1e9, (None, None)),
        ],
    ),
    (  # "Rival" opening the sentence describes the name, it is not part of it
        "Quillon Stores said sales rose 4%. Rival Bexmart's sales fell 2%.",
        [
            ("Quillon Stores", "revenue", None, ("percent", 4.0)),
            ("Bexmart", "revenue", None, ("percent", -2.0)),
        ],
    ),
    (  # an opening description is the subject of the "as ..." clause too, and of the next sentence
        _LEAD + "The garden-tools retailer earned $1.2 billion, as revenue rose 4 percent to $9.1 billion. "
        "Analysts surveyed by Zentra Data had expected revenue of $9.3 billion.",
        [
            ("Quillon Stores", "profit", 1.2e9, (None, None)),
            ("Quillon Stores", "revenue", 9.1e9, ("percent", 4.0)),
            ("Quillon Stores", "revenue", 9.3e9, (None, None)),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP18_SUBJECTS)
def test_sweep18_subjects(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected


# prices of goods and per-share or per-period sums are no company's money
SWEEP18_NO_CLAIM = [
    # a subscription's price per month, a product's price (a bare sum, no scale word)
    "Zorbel's streaming offer is sold at a $7.49 monthly rate for its Plus tier.",
    "Quanta sells the service for $4.99 a month.",
    "There is also a $149.99 Collector Edition available for preorder from Zorbel.",
    # per-share earnings reported or expected
    "Zorbel reported $1.87 in per-share earnings for the second quarter.",
    # a per-share price a shareholder asked for
    "Zorbel said profits rose. But the offer fell short of the $14 reportedly demanded by Quanta, "
    "its largest shareholder.",
    # an index of shares, a gauge of stocks and a commodity priced per tonne are no company's shares
    "Zentra's broadest index of Pacific shares outside Japan closed 0.5% higher.",
    "Zentra's gauge of world stocks gained 0.3%, its fifth straight session of gains.",
    # a country's purchases of another's goods are trade, no deal
    "Quanta said a deal was close. Officials urged Beijing to resume buying around $30 billion in "
    "American farm products as part of the deal touted by Quanta.",
    # average prices of goods, with their earlier levels
    "The average retail price of a new car sold in Utopia in May was $31,250, up from $30,100 a year ago.",
]


# a commodity's move next to a company's share move: only the company's is a claim
SWEEP18_KEPT_MARKETS = [
    (
        "Shares in Quanta fell 2% on Monday. Zinc Zx1 rose 1.2% to $2,250 a tonne.",
        [("Quanta", "share_price", None, ("percent", -2.0))],
    ),
    (  # a company's purchase of goods is no country's trade
        "Zorbel agreed to buy $2bn of Chinese solar panels.",
        [("Zorbel", "deal_value", 2e9, (None, None))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP18_KEPT_MARKETS)
def test_sweep18_kept_markets(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", SWEEP18_NO_CLAIM)
def test_sweep18_no_company_claim(text: str) -> None:
    assert found(text) == []


# the same shapes as company totals keep their claims
SWEEP18_KEPT = [
    (  # earnings per share expected are left out, the revenue expected next to them is kept
        "Zorbel said profits rose. Analysts had been expecting $1.75 a share on revenue of $3bn.",
        [("Zorbel", "revenue", 3e9, (None, None))],
    ),
    (  # a nominal sale price is a deal value however small
        "Quanta was sold for £10 to a management team.",
        [("Quanta", "deal_value", 10.0, (None, None))],
    ),
    (  # a share price told with shares is still a share price
        "Shares in Zorbel, which analysts had expected to fall, closed at $7.20 a share.",
        [("Zorbel", "share_price", 7.2, (None, None))],
    ),
    (  # a monthly sum with a scale word is a company's money
        "Zorbel said revenue reached $2bn a month.",
        [("Zorbel", "revenue", 2e9, (None, None))],
    ),
    (  # revenue next to an average price keeps its scale
        "Zorbel said revenue rose to $3bn as the average price of its phones rose.",
        [("Zorbel", "revenue", 3e9, (None, None))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWEEP18_KEPT)
def test_sweep18_kept(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected
